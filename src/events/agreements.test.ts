import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countClaims, findAgreements } from './agreements.ts';
import { splitSentences } from '../text/sentences.ts';

const agreements = (text: string, lang: string) => findAgreements({ id: 'x', text, sentences: splitSentences(text, lang), language: lang, published: '2024-05-10' });

test('id: a counted list of signed documents, each with its kind, field, date, place and the count', () => {
  const text =
    'Kedua negara menandatangani empat dokumen kerja sama di Lima pada Kamis (9/5/2024). Dokumen itu antara lain:\n' +
    '- Nota Kesepahaman tentang Kerja Sama di Bidang Kesehatan;\n' +
    '- Perjanjian Ekstradisi;\n' +
    '- Protokol tentang Pencegahan Pajak Berganda;\n' +
    '- Pernyataan Bersama tentang Kemitraan Strategis.';
  const rs = agreements(text, 'id');
  assert.equal(rs.length, 4);
  const mou = rs.find((r) => r.kind === 'memorandum of understanding')!;
  assert.equal(mou.title, 'Nota Kesepahaman tentang Kerja Sama di Bidang Kesehatan');
  assert.deepEqual(mou.fields, ['health']);
  assert.equal(mou.count, 4);
  assert.equal(mou.date.value, '2024-05-09');
  assert.equal(mou.place, 'Lima');
  assert.equal(mou.signed, true);
  assert.deepEqual(rs.map((r) => r.kind).sort(), ['agreement', 'joint statement', 'memorandum of understanding', 'protocol']);
  assert.ok(rs.find((r) => r.kind === 'agreement')!.fields.includes('justice'));
});

test('en: a titled memorandum with its parties; an intended agreement is not signed', () => {
  const rs = agreements('Chile and Peru signed a Memorandum of Understanding on Defence Cooperation in Santiago on Thursday. The two sides also agreed to negotiate a free trade agreement.', 'en');
  const mou = rs.find((r) => r.kind === 'memorandum of understanding')!;
  assert.equal(mou.title, 'Memorandum of Understanding on Defence Cooperation');
  assert.deepEqual(mou.parties.sort(), ['Chile', 'Peru']);
  assert.deepEqual(mou.fields, ['defence']);
  assert.equal(mou.signed, true);
  const fta = rs.find((r) => /free trade/.test(r.title))!;
  assert.equal(fta.signed, false);
  assert.deepEqual(fta.fields, ['trade']);
});

test('vi: kinds and fields; the title stops at the place', () => {
  const rs = agreements('Hai bên đã ký bản ghi nhớ về hợp tác y tế và hiệp định thương mại tại Hà Nội ngày 9/5/2024.', 'vi');
  assert.deepEqual(rs.map((r) => r.kind), ['memorandum of understanding', 'agreement']);
  assert.equal(rs[1]!.title, 'hiệp định thương mại');
  assert.deepEqual(rs[0]!.fields, ['health']);
  assert.equal(rs[0]!.date.value, '2024-05-09');
});

test('count claims in three languages', () => {
  const claim = (t: string, l: string) => countClaims(t, splitSentences(t, l), l).map((c) => c.count);
  assert.deepEqual(claim('The ministers signed five documents.', 'en'), [5]);
  assert.deepEqual(claim('Kedua menteri menandatangani 7 dokumen.', 'id'), [7]);
  assert.deepEqual(claim('Hai bên trao sáu văn kiện hợp tác.', 'vi'), [6]);
  assert.deepEqual(claim('Five people were injured.', 'en'), []);
});

test('parties: "between" holds within its item; "both countries" and unnamed parties of a signing during a visit are the two sides', () => {
  const id = agreements(
    'Presiden Chile Gabriel Boric melakukan kunjungan kenegaraan ke Peru pada 3 Mei 2024.\n\nSelama kunjungan tersebut, sejumlah dokumen ditandatangani, termasuk Perjanjian Kerja Sama antara Kementerian Luar Negeri kedua negara; Nota Kesepahaman tentang perikanan antara Kementerian Pertanian Chile dan Kementerian Pertanian Peru; serta Protokol tentang pendidikan.',
    'id',
  );
  const by = (kind: string) => id.find((r) => r.kind === kind)!;
  assert.deepEqual(by('agreement').parties.sort(), ['Chile', 'Peru']);
  assert.deepEqual(by('memorandum of understanding').parties.sort(), ['Kementerian Pertanian Chile', 'Kementerian Pertanian Peru']);
  assert.deepEqual(by('protocol').parties.sort(), ['Chile', 'Peru']);
  const vi = agreements('Chủ tịch nước Chile thăm cấp nhà nước Peru từ ngày 3 đến 5/5/2024.\n\nTrong chuyến thăm này, hai bên đã ký bản ghi nhớ về hợp tác nghề cá giữa hai nước.', 'vi');
  assert.deepEqual(vi.map((r) => r.parties.sort()), [['Chile', 'Peru']]);
});

test('one document, one record: a short name in brackets, a document told again; same title, other parties: two', () => {
  const en = agreements('Chile and Peru signed a Memorandum of Understanding (MoU) on fisheries in Lima on 3 May 2024. These agreements will boost trade.', 'en');
  assert.equal(en.length, 1, JSON.stringify(en));
  assert.equal(en[0]!.kind, 'memorandum of understanding');
  const two = agreements(
    'Two news agencies signed a Cooperation Agreement between Agencia Nacional de Noticias (ANN) and Prensa Latina Agencia (PLA). A Cooperation Agreement between the Chilean Ministry of Health and the Peruvian Ministry of Health was also signed.',
    'en',
  );
  assert.equal(two.length, 2);
  assert.deepEqual(two[0]!.parties, ['Agencia Nacional de Noticias', 'Prensa Latina Agencia']);
  assert.equal(two[1]!.title, 'Cooperation Agreement');
  assert.deepEqual(two[1]!.parties, ['Chilean Ministry of Health', 'Peruvian Ministry of Health']);
  const ref = agreements('Kedua menteri menandatangani Nota Kesepahaman tentang perikanan. Kesepakatan tersebut berlaku lima tahun.', 'id');
  assert.deepEqual(ref.map((r) => r.kind), ['memorandum of understanding']);
});

test('fields named after the title: after a field noun or continuing its list, never from other words of the sentence', () => {
  const id = agreements('Chile dan Peru menandatangani Nota Kesepahaman (MoU) yang berfokus pada bidang pertanian dan energi, yang akan berlaku lima tahun.', 'id');
  assert.deepEqual(id.find((r) => r.kind === 'memorandum of understanding')!.fields.sort(), ['agriculture', 'energy']);
  const list = agreements('Kedua menteri menandatangani Risalah kerja sama di bidang pendidikan, ilmu kedokteran, dan perdagangan.', 'id');
  assert.deepEqual(list.find((r) => r.kind === 'minutes')!.fields.sort(), ['education', 'health', 'trade']);
  const en = agreements('Chile and Peru signed a memorandum of understanding in Lima on Tuesday during a visit by the Minister of Agriculture and Environment.', 'en');
  assert.deepEqual(en.find((r) => r.kind === 'memorandum of understanding')!.fields, []);
  const vi = agreements('Hai bên đã ký bản ghi nhớ hợp tác trong lĩnh vực giáo dục và y học.', 'vi');
  assert.deepEqual(vi.find((r) => r.kind === 'memorandum of understanding')!.fields.sort(), ['education', 'health']);
});
