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
