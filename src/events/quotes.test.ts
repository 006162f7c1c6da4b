import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './quotes.ts';
import { splitSentences } from '../text/sentences.ts';

const quotes = (text: string, lang: string) => findQuotes(text, splitSentences(text, lang), lang);

test('id: direct quotes with "ujarnya" / "kata X", reported speech with "mengatakan" and "menurut"', () => {
  const text =
    'Menteri Perdagangan Budi Santoso mengatakan ekspor ke Brasil naik tajam. ' +
    '"Kami akan memperluas kerja sama dengan mitra di kawasan," ujarnya di Jakarta, Senin. ' +
    'Menurut Direktur Jenderal Pajak Suryo Utomo, penerimaan negara meningkat. ' +
    '"Target tahun ini sudah tercapai," kata Suryo Utomo.';
  const qs = quotes(text, 'id');
  const find = (s: string) => qs.find((q) => q.text.includes(s))!;
  assert.match(find('ekspor ke Brasil').speaker!.text, /Budi Santoso/);
  assert.equal(find('ekspor ke Brasil').kind, 'reported');
  assert.match(find('memperluas kerja sama').speaker!.text, /Budi Santoso/);
  assert.equal(find('memperluas kerja sama').kind, 'direct');
  assert.match(find('penerimaan negara').speaker!.text, /Suryo Utomo/);
  assert.match(find('Target tahun ini').speaker!.text, /Suryo Utomo/);
});

test('en: "X said", trailing attribution and "according to"', () => {
  const text =
    '“We will open a new chapter in our relations,” Foreign Minister Penny Wong said on Monday. ' +
    'The talks were productive, the minister told reporters. ' +
    'According to Chilean officials, the accord covers trade and education. ' +
    'President Gabriel Boric said that Chile would send more aid.';
  const qs = quotes(text, 'en');
  const find = (s: string) => qs.find((q) => q.text.includes(s))!;
  assert.match(find('new chapter').speaker!.text, /Penny Wong/);
  assert.match(find('talks were productive').speaker!.text, /Penny Wong/);
  assert.equal(find('talks were productive').text, 'The talks were productive');
  assert.match(find('accord covers').speaker!.text, /Chilean officials/);
  assert.match(find('send more aid').speaker!.text, /Gabriel Boric/);
  assert.equal(find('send more aid').text, 'Chile would send more aid');
});

test('vi: "X cho biết" and "Theo X"', () => {
  const text = 'Thủ tướng Phạm Minh Chính cho biết Việt Nam sẽ mở rộng hợp tác với Brazil. Theo Bộ trưởng Công Thương Nguyễn Hồng Diên, kim ngạch thương mại tăng mạnh.';
  const qs = quotes(text, 'vi');
  assert.match(qs.find((q) => q.text.includes('mở rộng'))!.speaker!.text, /Phạm Minh Chính/);
  assert.match(qs.find((q) => q.text.includes('kim ngạch'))!.speaker!.text, /Nguyễn Hồng Diên/);
});

test('interviews: answers belong to the interviewee', () => {
  const text =
    'Berikut wawancara dengan Duta Besar Brasil untuk Indonesia, George Monteiro Prata.\n' +
    'Tanya: Bagaimana hubungan kedua negara saat ini?\n' +
    'Jawab: Hubungan kita sangat baik dan terus berkembang.\n' +
    'Tanya: Apa rencana tahun depan?\n' +
    'Jawab: Kami ingin meningkatkan perdagangan komoditas.';
  const qs = quotes(text, 'id').filter((q) => q.kind === 'interview');
  assert.equal(qs.length, 2);
  for (const q of qs) assert.match(q.speaker!.text, /George Monteiro Prata/);
  assert.ok(qs[0]!.text.startsWith('Hubungan kita'));
  assert.ok(!qs.some((q) => q.text.includes('Bagaimana')));
});

test('a direct quote in a sentence that opens with its source ("Menurut X, ...") is X\'s, not the clause subject\'s', () => {
  const text = 'Menurut analis Budi Hartono, kebijakan baru itu menuntut "keberanian dan kesabaran" dari semua pihak. According to economist Jane Porter, the plan needs "patience above all" from the ministry.';
  const idQ = findQuotes(text.slice(0, text.indexOf(' According')), splitSentences(text.slice(0, text.indexOf(' According')), 'id'), 'id');
  assert.equal(idQ.find((q) => q.kind === 'direct')?.speaker?.text, 'Budi Hartono');
  const en = text.slice(text.indexOf('According'));
  const enQ = findQuotes(en, splitSentences(en, 'en'), 'en');
  assert.equal(enQ.find((q) => q.kind === 'direct')?.speaker?.text, 'Jane Porter');
});

test('"X berkomentar/menilai bahwa ..." is reported speech of X', () => {
  const t = 'Pengamat politik Rina Wulandari menilai bahwa koalisi itu akan bertahan hingga pemilihan berikutnya.';
  const q = findQuotes(t, splitSentences(t, 'id'), 'id');
  assert.equal(q.length, 1);
  assert.equal(q[0]!.speaker?.text, 'Rina Wulandari');
  assert.match(q[0]!.text, /^koalisi itu/);
});

test('"Mengutip <a visit of X>, Y berkomentar bahwa ..." is Y\'s: the cited thing is no speaker', () => {
  const t = 'Mengutip kunjungan luar negeri Perdana Menteri Budi Santoso pekan lalu, Tn. Hartono juga berkomentar bahwa hubungan kedua negara makin erat.';
  const q = findQuotes(t, splitSentences(t, 'id'), 'id');
  assert.equal(q.length, 1);
  assert.equal(q[0]!.speaker?.text, 'Hartono');
});

test('a speaker named by a title alone is the one person the article names with it, else the title (en, id, vi)', () => {
  const find = (qs: ReturnType<typeof quotes>, s: string) => qs.find((q) => q.text.includes(s))!;
  const en = quotes('Foreign Minister Tomas Vidal signed the protocol on Thursday.\n\n"We will open our markets to every partner," the minister told reporters.\n\nThe ports will reopen next week, the minister said.\n\nThe spokesman said the talks would resume in June.', 'en');
  assert.match(find(en, 'open our markets').speaker!.text, /Tomas Vidal/);
  assert.match(find(en, 'ports will reopen').speaker!.text, /Tomas Vidal/);
  // no spokesman named: the title stays
  assert.equal(find(en, 'talks would resume').speaker?.text, 'The spokesman');
  const id = quotes('Menteri Luar Negeri Rina Wulandari menandatangani protokol itu pada Kamis.\n\n"Kami akan membuka pasar untuk semua mitra," kata menteri itu.\n\nMenteri itu mengatakan bahwa pelabuhan akan dibuka kembali pekan depan.', 'id');
  assert.match(find(id, 'membuka pasar').speaker!.text, /Rina Wulandari/);
  assert.match(find(id, 'pelabuhan').speaker!.text, /Rina Wulandari/);
  // two ministers named: the title alone names neither
  const two = quotes('Menteri Luar Negeri Rina Wulandari dan Menteri Perdagangan Diego Soto tiba pada Kamis.\n\n"Kami akan membuka pasar untuk semua mitra," kata menteri itu.', 'id');
  assert.equal(find(two, 'membuka pasar').speaker?.text, 'menteri itu');
  // "both leaders said": a group, not a title holder
  for (const [t, l] of [['Kedua pemimpin menyatakan bahwa hubungan kedua negara terus berkembang pesat.', 'id'], ['Both leaders said that the talks were useful and productive.', 'en']] as const)
    assert.ok(quotes(t, l).every((q) => !q.speaker || !/^(pemimpin|leaders)$/i.test(q.speaker.text)), t);
  const vi = quotes('Hôm qua, Bộ trưởng Ngoại giao Trần Minh Quang đã ký nghị định thư.\n\n"Chúng tôi sẽ mở cửa thị trường cho mọi đối tác," Bộ trưởng cho biết.', 'vi');
  assert.match(find(vi, 'mở cửa thị trường').speaker!.text, /Trần Minh Quang/);
});

test('reported speech inside a quote whose opening mark is missing ends where that quote closes', () => {
  const text = 'Kedua menteri membahas isu kawasan. Menteri Luar Negeri Rosa Vela juga menyampaikan pandangan negaranya tentang keamanan maritim di kawasan,” ujar juru bicara Luis Mora.';
  const q = quotes(text, 'id').find((x) => x.text.includes('pandangan negaranya'))!;
  assert.match(q.speaker!.text, /Rosa Vela/);
  assert.equal(q.text, 'pandangan negaranya tentang keamanan maritim di kawasan');
  assert.equal(text.slice(q.start, q.end), q.text);
  // a quotation opened and closed inside the reported words is kept whole
  const en = quotes('Minister Rosa Vela said that the “open skies” accord would be signed in May.', 'en').find((x) => x.text.includes('open skies'))!;
  assert.match(en.text, /would be signed in May$/);
});
