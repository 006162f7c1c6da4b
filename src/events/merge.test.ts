import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { codeArticle } from './code.ts';
import { datesCompatible, mergeEvents, mergeStoryEvents, moreSpecific } from './merge.ts';
import { eventsJsonl, toPlover } from './jsonl.ts';
import { splitSentences } from '../text/sentences.ts';

const doc = (id: string, text: string, language: string, published: string) => ({ id, text, sentences: splitSentences(text, language), language, published });

test('the same visit told by two articles in two languages is one event with two mentions', () => {
  const a = doc('a', 'President Gabriel Boric of Chile visited Argentina on 3 May 2024.', 'en', '2024-05-04');
  const b = doc('b', 'Presiden Chile Gabriel Boric melakukan kunjungan kenegaraan ke Argentina pada 3 Mei 2024.', 'id', '2024-05-04');
  const c = doc('c', 'Chile imposed sanctions on Bolivia on 2 May 2024.', 'en', '2024-05-04');
  const merged = mergeEvents([a, b, c].map((d) => ({ article: d.id, story: 's1', events: codeArticle(d) })));
  const visits = merged.filter((e) => e.type === 'CONSULT');
  assert.equal(visits.length, 1);
  assert.deepEqual(visits[0]!.evidence.map((m) => m.article).sort(), ['a', 'b']);
  assert.equal(visits[0]!.date.value, '2024-05-03');
  assert.ok(merged.some((e) => e.type === 'SANCTION'));
  const plover = toPlover(visits[0]!);
  assert.equal(plover.event, 'CONSULT');
  assert.deepEqual((plover.target as Array<{ code: string }>).map((t) => t.code), ['ARG']);
});

test('different dates or stories keep events apart', () => {
  assert.equal(datesCompatible({ start: '2024-05', end: '2024-05', value: '2024-05' }, { start: '2024-05-03', end: '2024-05-03', value: '2024-05-03' }), true);
  assert.equal(datesCompatible({ start: '2024-05-01', end: '2024-05-01', value: '2024-05-01' }, { start: '2024-05-03', end: '2024-05-03', value: '2024-05-03' }), false);
  const x = doc('x', 'Chile and Peru signed a fisheries accord on 1 May 2024.', 'en', '2024-05-04');
  const y = doc('y', 'Chile and Peru signed a fisheries accord on 3 May 2023.', 'en', '2024-05-04');
  assert.equal(mergeEvents([x, y].map((d) => ({ article: d.id, story: 's', events: codeArticle(d) }))).length, 2);
  assert.equal(mergeEvents([x, x].map((d, i) => ({ article: d.id, story: `s${i}`, events: codeArticle(d) }))).length, 2);
});

test('events --jsonl: one output line per input line, errors reported in line', async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (d) => chunks.push(String(d)));
  input.end('{"id":"1","text":"Norway will host peace talks between Colombia and the rebels.","lang":"en"}\nnot json\n{"id":"3","text":"Kamboja menolak tuntutan Thailand.","lang":"id"}\n');
  const n = await eventsJsonl(input, output);
  assert.equal(n, 3);
  const lines = chunks.join('').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].id, '1');
  assert.equal(lines[0].events[0].type, 'AGREE');
  assert.equal(lines[1].line, 2);
  assert.ok(lines[1].error);
  assert.equal(lines[2].events[0].type, 'REJECT');
});

test('a visit told by several articles: the span of days over a day within it, the city over the country', () => {
  const a = doc('a', 'Presiden Chile Gabriel Boric melakukan kunjungan kenegaraan ke Argentina pada 4 Mei 2024.', 'id', '2024-05-06');
  const b = doc('b', 'President Gabriel Boric of Chile paid a state visit to Buenos Aires, Argentina, on 3-5 May 2024.', 'en', '2024-05-06');
  const merged = mergeEvents([a, b].map((d) => ({ article: d.id, story: 's', events: codeArticle(d) })));
  const visit = merged.find((e) => e.type === 'CONSULT' && e.mode === 'visit')!;
  assert.deepEqual(visit.evidence.map((m) => m.article).sort(), ['a', 'b']);
  assert.deepEqual([visit.date.start, visit.date.end], ['2024-05-03', '2024-05-05']);
  assert.equal(visit.location?.text, 'Buenos Aires');
  assert.equal(visit.location?.country, 'AR');
  assert.deepEqual(moreSpecific({ start: '2024-05-04', end: '2024-05-04', value: '2024-05-04' }, { start: '2024-05-03', end: '2024-05-05', value: '2024-05-03' }).end, '2024-05-05');
  assert.deepEqual(moreSpecific({ start: '2024-05-03', end: '2024-05-05', value: '2024-05-03' }, { start: '2024-05-09', end: '2024-05-09', value: '2024-05-09' }).end, '2024-05-05');
});

test('a signing told beside "the visit" takes the visit\'s date; "the visit" with no parties is the story\'s visit', () => {
  const a = doc('a', 'President Gabriel Boric of Chile paid a state visit to Peru on 3-5 May 2024.', 'en', '2024-05-06');
  const b = doc('b', 'Presiden Chile Gabriel Boric melakukan kunjungan kenegaraan ke Peru.\n\nSelama kunjungan tersebut, sejumlah dokumen kerja sama ditandatangani.', 'id', '2024-05-06');
  const c = doc('c', 'Trong chuyến thăm này, hai bên đã ký bản ghi nhớ về nghề cá.', 'vi', '2024-05-06');
  const items = [a, b, c].map((d) => ({ article: d.id, story: 's', events: codeArticle(d) }));
  const merged = mergeStoryEvents(items);
  const visit = merged.find((e) => e.type === 'CONSULT' && e.mode === 'visit')!;
  assert.deepEqual([...new Set(visit.evidence.map((m) => m.article))].sort(), ['a', 'b', 'c']);
  // the two signings, dated alike and with no parties of their own, are one happening
  const signings = merged.filter((e) => e.type === 'SUPPORT');
  assert.deepEqual(signings.flatMap((s) => s.evidence.map((m) => m.article)).sort(), ['b', 'c']);
  for (const s of signings) assert.deepEqual([s.date.start, s.date.end], ['2024-05-03', '2024-05-05'], JSON.stringify(s));
  // without the story's visit, nothing dates them
  assert.ok(mergeStoryEvents([c].map((d) => ({ article: d.id, story: 's', events: codeArticle(d) }))).every((e) => !e.date.value));
});
