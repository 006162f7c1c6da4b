// Rules that keep people, outlets and places apart: names never cut short, media outlets are organisations,
// Vietnamese family names open personal names, English local-government titles are roles. Made-up sentences.
import test from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, findMentions, mentionKey, surnamedName, type Mention } from './mentions.ts';
import { resolveDocumentEntities } from './link.ts';
import { articleEntities } from './index.ts';
import { splitSentences } from '../text/sentences.ts';

const mentionsOf = (text: string, lang: string, outlet?: string): Mention[] => findMentions(text, splitSentences(text, lang), lang, { outlet });
const entitiesOf = (text: string, lang: string) => articleEntities({ text, sentences: splitSentences(text, lang), language: lang });
const person = (text: string, start: number): Mention => ({ start, end: start + text.length, text, type: 'PERSON', key: mentionKey('PERSON', text) });

test('a person name is never cut before its last capitalised word', () => {
  const ms = mentionsOf('Selanjutnya, Sekretaris Jenderal dan Ketua Komisi Urusan Negara Korea Utara Kim Song Un menyelenggarakan resepsi untuk tamu.', 'id');
  const p = ms.filter((m) => m.type === 'PERSON');
  assert.deepEqual(p.map((m) => m.text), ['Kim Song Un'], JSON.stringify(ms));
  assert.equal(p[0]!.role?.title, 'Ketua Komisi Urusan Negara');
  // a big city after a name is no part of it
  const en = mentionsOf('The talks were led by envoy Maria Delgado Jakarta officials said.', 'en');
  assert.ok(!en.some((m) => m.type === 'PERSON' && /Jakarta/.test(m.text)), JSON.stringify(en));
});

test('a name of several words that leads a longer name of the story links to it', () => {
  const ents = resolveDocumentEntities([person('Park Min Ho', 0), person('Park Min Jae', 40), person('Park Min Ho', 80), person('Park Min', 120)], 'id');
  const ho = ents.find((e) => e.name === 'Park Min Ho');
  assert.ok(ho);
  assert.equal(ho.mentions.length, 3, JSON.stringify(ents));
  assert.ok(!ents.some((e) => e.name === 'Park Min'));
  // words of a longer name in another order are another person ("Min Park" is not "Park Min Ho" cut short)
  const other = resolveDocumentEntities([person('Park Min Ho', 0), person('Min Park', 40)], 'id');
  assert.equal(other.length, 2);
});

test('a name after a media word, or before one in English, is an organisation in all its mentions', () => {
  const id = entitiesOf('"Kerja sama ini penting," kata Dr. Budi Hartawan kepada harian Suara Fajar. Suara Fajar juga menulis tentang itu.', 'id');
  const sf = id.find((e) => e.name === 'Suara Fajar');
  assert.ok(sf, JSON.stringify(id));
  assert.equal(sf.type, 'ORGANISATION');
  assert.equal(sf.mentions.length, 2);
  const en = mentionsOf('"We are ready," Helen Marsh told the Harbor Ledger newspaper on Monday.', 'en');
  assert.equal(en.find((m) => m.text === 'Harbor Ledger')?.type, 'ORGANISATION', JSON.stringify(en));
  const vi = mentionsOf('Theo báo Bình Minh Mới, đoàn đại biểu đã đến Hà Nội.', 'vi');
  assert.equal(vi.find((m) => /Bình Minh/.test(m.text))?.type, 'ORGANISATION', JSON.stringify(vi));
  // "cảnh báo" (warn) ends in "báo" (newspaper): a name opened by a family name after it stays a person
  const warn = mentionsOf('Cơ quan chức năng đã cảnh báo Nguyễn Văn Hùng về việc này.', 'vi');
  assert.ok(!warn.some((m) => m.type === 'ORGANISATION' && /Nguyễn/.test(m.text)), JSON.stringify(warn));
  // a country after "media" is the country ("the Korean press"), not an outlet
  const ctry = mentionsOf('Menurut media Korea Utara, pertemuan itu berlangsung hangat.', 'id');
  assert.equal(ctry.find((m) => m.text === 'Korea Utara')?.key, 'country:KP');
});

test('the publishing outlet named in its own article is an organisation', () => {
  const text = '"Vietnam siap berteman dengan semua negara," ujar Dr. Tran Van Loc kepada Bao Moi Ngay.';
  const ms = mentionsOf(text, 'id', 'baomoingay.example');
  assert.equal(ms.find((m) => m.text === 'Bao Moi Ngay')?.type, 'ORGANISATION', JSON.stringify(ms));
  assert.equal(ms.find((m) => /Tran Van Loc/.test(m.text))?.type, 'PERSON');
});

test('a run opened by a Vietnamese family name is a person, unless a gazetteer knows the place', () => {
  assert.ok(surnamedName(contextOf('Hồ Quang Minh', 'vi'), 0, 3));
  assert.ok(surnamedName(contextOf('Nguyen Thanh Tung', 'id'), 0, 3));
  assert.ok(surnamedName(contextOf('Trần Thị Lan Hương', 'vi'), 0, 4));
  assert.ok(!surnamedName(contextOf('Phan Thiết', 'vi'), 0, 2)); // two syllables: a city
  assert.ok(!surnamedName(contextOf('Bình Minh Mới', 'vi'), 0, 3)); // no family name
  assert.ok(!surnamedName(contextOf('tỉnh Lâm Văn Hòa', 'vi'), 1, 4)); // after a place head
  assert.ok(!surnamedName(contextOf('Hà Tĩnh Province', 'en'), 0, 3)); // ends on a place head
  const vi = mentionsOf('Ở loạt sút luân lưu, trước khi đội trưởng Hồ Quang Minh thực hiện thành công lượt sút quyết định.', 'vi');
  const p = vi.find((m) => m.text === 'Hồ Quang Minh');
  assert.equal(p?.type, 'PERSON', JSON.stringify(vi));
  assert.equal(p?.role?.title, 'đội trưởng');
});

test('English local-government titles are roles; a place right before the title is the role\'s', () => {
  const a = mentionsOf('The bridge collapsed on Tuesday. Regent Maria Lestari said the district needed excavators.', 'en');
  const ml = a.find((m) => m.text === 'Maria Lestari');
  assert.ok(ml, JSON.stringify(a));
  assert.equal(ml.role?.title, 'Regent');
  assert.ok(!a.some((m) => /^Regent/.test(m.text)));
  const b = mentionsOf('Lembah Jernih Regent Maria Lestari declared a 14-day emergency response period.', 'en');
  const ml2 = b.find((m) => m.text === 'Maria Lestari');
  assert.ok(ml2, JSON.stringify(b));
  assert.deepEqual(ml2.role, { title: 'Regent', org: 'Lembah Jernih' });
  assert.equal(b.find((m) => m.text === 'Lembah Jernih')?.type, 'PLACE');
});

test('a kindergarten is an organisation, not a place', () => {
  const ms = mentionsOf('Kemitraan antara sekolah ini dan Taman Kanak-kanak Bunga Harapan di Bandung telah berjalan lama.', 'id');
  assert.equal(ms.find((m) => /Bunga Harapan/.test(m.text))?.type, 'ORGANISATION', JSON.stringify(ms));
});

test('a country name less its compass word is that country when the story names only one such country', () => {
  const place = (text: string, start: number, key: string): Mention => ({ start, end: start + text.length, text, type: 'PLACE', key });
  const one = resolveDocumentEntities([place('Korea Utara', 0, 'country:KP'), place('Korea', 40, 'place:korea')], 'id');
  assert.equal(one.length, 1, JSON.stringify(one));
  assert.equal(one[0]!.country, 'KP');
  assert.equal(one[0]!.mentions.length, 2);
  // both Koreas in the story: "Korea" stays unresolved
  const two = resolveDocumentEntities([place('North Korea', 0, 'country:KP'), place('South Korea', 20, 'country:KR'), place('Korea', 40, 'place:korea')], 'en');
  assert.equal(two.length, 3);
  // words other than compass words make another place ("Guinea" is no part of "Papua New Guinea")
  const png = resolveDocumentEntities([place('Papua New Guinea', 0, 'country:PG'), place('Guinea', 40, 'place:guinea')], 'en');
  assert.equal(png.length, 2);
});

test('a family name left untagged before a person opens that person, not the organisation before it', () => {
  const ms = mentionsOf('Bộ trưởng Bộ Công Thương Lê Quang Thịnh cho biết hai bên sẽ ký thỏa thuận.', 'vi');
  const p = ms.find((m) => m.type === 'PERSON');
  assert.equal(p?.text, 'Lê Quang Thịnh', JSON.stringify(ms));
  assert.deepEqual(p?.role, { title: 'Bộ trưởng', org: 'Bộ Công Thương' });
  assert.ok(ms.some((m) => m.type === 'ORGANISATION' && m.text === 'Bộ Công Thương'));
});

test('a country before a name opened by a family name is the role\'s, and a title with its portfolio chains the next', () => {
  const ms = mentionsOf('Menteri Kelautan menerima kunjungan Menteri Pertanian dan Lingkungan Hidup Vietnam Do Van Tam di Jakarta.', 'id');
  const p = ms.find((m) => m.type === 'PERSON' && /Tam/.test(m.text));
  assert.equal(p?.text, 'Do Van Tam', JSON.stringify(ms));
  assert.deepEqual(p?.role, { title: 'Menteri Pertanian dan Lingkungan Hidup', org: 'Vietnam' });
  assert.equal(ms.find((m) => m.text === 'Vietnam')?.key, 'country:VN');
});

test('a name the text gives after a place head is that place in its bare mentions too', () => {
  const text = 'Banjir merendam ratusan rumah di Kabupaten Sungai Kelam, Kalimantan Barat. Kepala Pelaksana BPBD Sungai Kelam, Rudi Hartanto, mengatakan air mulai surut. Bantuan dikirim ke Sungai Kelam pada Kamis.';
  const ents = entitiesOf(text, 'id');
  const place = ents.find((e) => e.name === 'Kabupaten Sungai Kelam');
  assert.ok(place, JSON.stringify(ents.map((e) => [e.type, e.name])));
  assert.equal(place.type, 'PLACE');
  assert.equal(place.mentions.length, 3, JSON.stringify(place));
  assert.ok(!ents.some((e) => e.type !== 'PLACE' && /Sungai Kelam/.test(e.name)), JSON.stringify(ents.map((e) => [e.type, e.name])));
  // headed two ways ("Kota X" and "Kabupaten X" are two places): a bare X is a place of its own
  const two = entitiesOf('Hujan deras melanda Kota Tanjung Rawa dan Kabupaten Tanjung Rawa. Warga Tanjung Rawa diminta waspada.', 'id');
  const bare = two.find((e) => e.name === 'Tanjung Rawa');
  assert.equal(bare?.type, 'PLACE', JSON.stringify(two.map((e) => [e.type, e.name])));
});

test('in Vietnamese a lone name word with no form of address or title is no person', () => {
  const text = 'Bộ trưởng Công Thương Trần Văn Lực đã hội đàm với đối tác. Kim ngạch thương mại hai chiều tăng mạnh. Hồi giáo là tôn giáo lớn, ông Lực nói.';
  const people = mentionsOf(text, 'vi').filter((m) => m.type === 'PERSON');
  assert.ok(!people.some((m) => m.text === 'Kim' || m.text === 'Hồi'), JSON.stringify(people));
  // the title's and the form of address's mentions stay, tied to the full name
  const ents = entitiesOf(text, 'vi');
  const luc = ents.find((e) => e.name === 'Trần Văn Lực');
  assert.ok(luc, JSON.stringify(ents.map((e) => [e.type, e.name])));
  assert.equal(luc.mentions.length, 2);
});
