import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { codeArticle, type CodedEvent } from './code.ts';
import { actorsCompatible, datesCompatible, foldPartyless, mergeEvents, mergeStoryEvents, moreSpecific, opensClause, settleByMentions, vagueParty } from './merge.ts';
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

test('one leader\'s attendance does not absorb another\'s; a day the sentence names beats the visit\'s borrowed span (id, en, vi)', () => {
  const visit = 'Presiden Chile Mateo Rivas melakukan kunjungan kenegaraan ke Peru pada 9-11 Oktober 2024.';
  // the attendance is told "during the visit" and dated only by the anniversary's year: it borrows the visit's span
  const a = doc('a', `${visit}\n\nDalam kunjungan kenegaraannya ke Peru, Presiden Mateo Rivas menghadiri peringatan 50 tahun berdirinya Universitas Nasional Lima.`, 'id', '2024-10-12');
  // another leader at the same celebration, on a day of its own
  const b = doc('b', 'Peringatan 50 tahun berdirinya Universitas Nasional Lima juga dihadiri oleh Perdana Menteri Bolivia Lucia Quispe pada 10 Oktober 2024.', 'id', '2024-10-12');
  const attendance = (docs: ReturnType<typeof doc>[]) =>
    mergeStoryEvents(docs.map((d) => ({ article: d.id, story: 's', events: codeArticle(d) }))).filter((e) => e.type === 'CONSULT' && e.mode === 'multilateral');
  const two = attendance([a, b]);
  assert.equal(two.length, 2, JSON.stringify(two.map((e) => e.actors)));
  const rivas = two.find((e) => e.actors.some((p) => p.text.includes('Mateo Rivas')))!;
  const quispe = two.find((e) => e.actors.some((p) => p.text.includes('Lucia Quispe')))!;
  assert.deepEqual(quispe.evidence.map((v) => v.article), ['b']);
  assert.deepEqual([quispe.date.start, quispe.date.end], ['2024-10-10', '2024-10-10']);
  // with nothing better, the attendance during the visit carries the visit's span ...
  assert.deepEqual([rivas.date.start, rivas.date.end], ['2024-10-09', '2024-10-11']);
  // ... and a day another article names for it, by date or by a relative day, wins over that borrowed span
  for (const c of [
    doc('c', 'President Mateo Rivas of Chile attended the anniversary celebration of the National University in Lima on 10 October 2024.', 'en', '2024-10-12'),
    doc('c', 'Hôm qua, ông Mateo Rivas đã dự lễ kỷ niệm 50 năm thành lập Đại học Quốc gia Lima.', 'vi', '2024-10-11'),
    doc('c', 'Kemarin, Presiden Chile Mateo Rivas menghadiri peringatan 50 tahun berdirinya Universitas Nasional Lima.', 'id', '2024-10-11'),
  ]) {
    const ev = attendance([a, b, c]).find((e) => e.actors.some((p) => p.text.includes('Mateo Rivas')))!;
    assert.deepEqual(ev.evidence.map((v) => v.article).sort(), ['a', 'c'], c.language);
    assert.deepEqual([ev.date.start, ev.date.end], ['2024-10-10', '2024-10-10'], c.language);
  }
  // the visit itself keeps its span over a day within it
  const v = mergeStoryEvents([a, b].map((d) => ({ article: d.id, story: 's', events: codeArticle(d) }))).find((e) => e.mode === 'visit')!;
  assert.deepEqual([v.date.start, v.date.end], ['2024-10-09', '2024-10-11']);
});

test('actors: group nouns stand for either side; named actors that share nothing are two happenings', () => {
  const p = (text: string, country?: string) => ({ text, start: 0, end: text.length, ...(country ? { country } : {}) });
  assert.equal(vagueParty(p('Kedua pemimpin')), true);
  assert.equal(vagueParty(p('the two sides')), true);
  assert.equal(vagueParty(p('rakyat Peru', 'PE')), false);
  assert.equal(vagueParty(p('Mateo Rivas')), false);
  const m = { actors: [p('Mateo Rivas', 'CL')], recipients: [p('Peru', 'PE')], mode: 'multilateral' };
  assert.equal(actorsCompatible(m, { actors: [p('Lucia Quispe', 'BO')], recipients: [p('Peru', 'PE')] }), false);
  assert.equal(actorsCompatible(m, { actors: [p('Presiden Mateo Rivas')], recipients: [] }), true);
  assert.equal(actorsCompatible(m, { actors: [p('both leaders')], recipients: [p('Peru', 'PE')] }), true);
  // swapped sides: one happening for a symmetric act, two for a visit (A visits B, B visits A)
  assert.equal(actorsCompatible({ ...m, mode: null }, { actors: [p('Peru', 'PE')], recipients: [p('Chile', 'CL')] }), true);
  assert.equal(actorsCompatible({ ...m, mode: 'visit' }, { actors: [p('Peru', 'PE')], recipients: [p('Chile', 'CL')] }), false);
});

test('an event told with no parties joins the richer event of its kind in the story instead of standing apart', () => {
  const a = doc('a', 'Chile held talks with Peru on fisheries on 3 May 2024.\n\nChile imposed sanctions on Bolivia on 2 May 2024.', 'en', '2024-05-04');
  const b = doc('b', 'Pembicaraan itu berlangsung hangat.', 'id', '2024-05-04');
  const items = [a, b].map((d) => ({ article: d.id, story: 's', events: codeArticle(d) }));
  const talks = mergeStoryEvents(items).filter((e) => e.type === 'CONSULT');
  assert.equal(talks.length, 1, JSON.stringify(talks.map((t) => [t.actors, t.triggers])));
  assert.deepEqual(talks[0]!.evidence.map((v) => v.article).sort(), ['a', 'b']);
  // with no richer event of its kind it stays; an event of another kind never joins
  assert.equal(foldPartyless(mergeEvents([items[1]!])).filter((e) => e.type === 'CONSULT').length, 1);
  const other = mergeStoryEvents(items).filter((e) => e.type === 'SANCTION');
  assert.deepEqual(other.map((e) => e.evidence.length), [1]);
});

test('a party-less mention joins the dated happening of its kind before an undated one told more often', () => {
  const a = doc('a', 'Chile held talks with Peru on fisheries on 3 May 2024.', 'en', '2024-05-04');
  const c = doc('c', 'Both countries want more dialogue between the Senate and the Congress.\n\nThe Senate wants dialogue with the Congress.', 'en', '2024-05-04');
  const b = doc('b', 'The talks were warm.', 'en', '2024-05-04');
  const items = [a, c, b].map((d) => ({ article: d.id, story: 's', events: codeArticle(d) }));
  const talks = mergeStoryEvents(items).filter((e) => e.type === 'CONSULT');
  const dated = talks.find((e) => e.date.value === '2024-05-03')!;
  assert.ok(dated, JSON.stringify(talks));
  assert.ok(dated.triggers.includes('talks') && dated.evidence.some((v) => v.article === 'b'), JSON.stringify(talks.map((t) => [t.triggers, t.evidence])));
});

test('"both sides" as the actor are the two sides of the meeting the article reports, dated by it, and one happening', () => {
  const a = doc(
    'a',
    'President Marta Quiroga of Chile paid a state visit to Peru from 4 to 6 May 2024, where President Luis Arana welcomed her in Lima.\n\nBoth sides agreed to expand cooperation in fisheries and mining. The two leaders agreed to expand cooperation in education.',
    'en',
    '2024-05-07',
  );
  const b = doc(
    'b',
    'Presiden Chile Marta Quiroga melakukan kunjungan kenegaraan ke Peru pada 4-6 Mei 2024.\n\nKedua belah pihak sepakat untuk memperluas kerja sama di bidang perikanan.',
    'id',
    '2024-05-07',
  );
  const merged = mergeStoryEvents([a, b].map((d) => ({ article: d.id, story: 's', events: codeArticle(d), text: d.text })));
  const agree = merged.filter((e) => e.type === 'AGREE');
  assert.equal(agree.length, 1, JSON.stringify(agree.map((e) => [e.actors, e.evidence])));
  const [g] = agree;
  assert.equal(g!.evidence.length, 3);
  assert.deepEqual(g!.date, { start: '2024-05-04', end: '2024-05-06', value: '2024-05-04' });
  assert.equal(g!.dateFrom, 'story');
  assert.ok(g!.actors.some((p) => /Quiroga/.test(p.text)), JSON.stringify(g!.actors));
  assert.ok(g!.recipients.some((p) => p.country === 'PE'), JSON.stringify(g!.recipients));
  assert.ok([...g!.actors, ...g!.recipients].every((p) => !vagueParty(p)));
  // with the text: "both countries" modifying a noun ("traders from both countries") is no actor of its own to resolve
  const t = 'Presiden Chile Marta Quiroga melakukan kunjungan kenegaraan ke Peru pada 4-6 Mei 2024.\n\nPengusaha dari kedua negara sepakat untuk memperluas kerja sama perikanan.';
  const d = doc('d', t, 'id', '2024-05-07');
  const coded = codeArticle(d);
  const mod = coded.find((e) => e.type === 'AGREE')!;
  assert.deepEqual(mod.actors.map((p) => p.text), ['kedua negara']);
  mergeStoryEvents([{ article: d.id, story: 'u', events: coded, text: t }]);
  assert.deepEqual(mod.actors.map((p) => p.text), ['kedua negara']);
  assert.equal(mod.date.value, null);
  assert.equal(opensClause(t, t.indexOf('kedua negara')), false);
  assert.equal(opensClause('Trade grew, and the two sides agreed.', 'Trade grew, and the two sides agreed.'.indexOf('the two')), true);
  assert.equal(opensClause('Kedua, kedua pihak akan bekerja sama.', 'Kedua, kedua pihak akan bekerja sama.'.indexOf('kedua pihak')), true);
  assert.equal(opensClause('Pengusaha dari kedua negara hadir.', 'Pengusaha dari kedua negara hadir.'.indexOf('kedua')), false);
  assert.equal(opensClause('Cộng đồng doanh nghiệp hai nước tham dự.', 'Cộng đồng doanh nghiệp hai nước tham dự.'.indexOf('hai nước')), false);
  // with no meeting in the story, "both sides" stays as written
  const c = doc('c', 'Both sides agreed to expand cooperation in fisheries.', 'en', '2024-05-07');
  const alone = mergeStoryEvents([{ article: c.id, story: 't', events: codeArticle(c) }]);
  assert.deepEqual(alone.find((e) => e.type === 'AGREE')!.actors.map((p) => p.text), ['Both sides']);
  assert.equal(alone.find((e) => e.type === 'AGREE')!.date.value, null);
});

test("an article with no publication date reads history against its story's date", () => {
  const a = doc('a', 'President Arlo Venn arrived in Lodonia on 3 March 2026 for a state visit.', 'en', '2026-03-04');
  const b = { ...doc('b', 'Arlo Venn visited Lodonia in 2019.', 'en', ''), published: null };
  const items = [a, b].map((d) => ({ article: d.id, story: 's1', published: d.published || null, events: codeArticle(d) }));
  assert.equal(items[1]!.events[0]!.background, false);
  const merged = mergeStoryEvents(items);
  const old = merged.find((e) => e.date.value === '2019')!;
  assert.equal(old.background, true);
  assert.ok(merged.some((e) => e.type === 'CONSULT' && !e.background && e.date.value?.startsWith('2026-03')));
});

test('a happening told many times keeps the place, date and sides its mentions agree on', () => {
  const day = (v: string | null) => ({ start: v, end: v, value: v });
  const P = (text: string, country?: string) => ({ text, start: 0, end: text.length, ...(country ? { country } : {}) });
  const mention = (k: number, o: Partial<CodedEvent>): CodedEvent => ({
    type: 'COOPERATE', mode: null, context: [], actors: [P('Ruvania', 'RU')], recipients: [P('Lodonia', 'LO')], location: null, date: day(null),
    background: false, negated: false, modality: 'asserted', trigger: { text: 'cooperation', start: k, end: k + 11 }, evidence: { sentence: k, start: 0, end: 50 }, ...o,
  });
  const visit = { start: '2026-03-03', end: '2026-03-05', value: '2026-03-03' };
  const mentions = [
    mention(0, { date: visit, dateFrom: 'story' }),
    mention(1, { date: visit, dateFrom: 'story' }),
    mention(2, { actors: [P('Ruvania', 'RU'), P('Lodonia', 'LO')] }),
    mention(3, { date: day('2026-03-05'), location: { text: 'Kirov Town', country: 'RU' } }),
  ];
  const m = mergeEvents([{ article: 'a', story: 's', events: mentions }])[0]!;
  assert.equal(m.evidence.length, 4);
  // as merged: the last precise day, the one place, Lodonia on both sides
  assert.equal(m.date.value, '2026-03-05');
  assert.equal(m.location?.text, 'Kirov Town');
  settleByMentions(m, mentions);
  assert.deepEqual([m.date.value, m.dateFrom], ['2026-03-03', 'story']);
  assert.equal(m.location, null);
  assert.deepEqual([m.actors.map((p) => p.text), m.recipients.map((p) => p.text)], [['Ruvania'], ['Lodonia']]);
  // a symmetric act (every party on both sides) keeps both sides
  const both = [0, 1, 2].map((k) => mention(k, { actors: [P('Ruvania', 'RU'), P('Lodonia', 'LO')], recipients: [P('Ruvania', 'RU'), P('Lodonia', 'LO')] }));
  const sym = mergeEvents([{ article: 'b', story: 's', events: both }])[0]!;
  settleByMentions(sym, both);
  assert.equal(sym.actors.length, 2);
  assert.equal(sym.recipients.length, 2);
});
