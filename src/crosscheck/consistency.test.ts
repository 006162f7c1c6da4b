// Consistency checks: anniversaries against founding years, "first in N years" against the last such event and
// against the other sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConsistency, durationYears } from './consistency.ts';
import { testDoc } from './testdoc.ts';

const bg = (id: string, article: string, sentence: number, year: string, type = 'CONSULT', mode: string | null = 'visit') => ({
  id,
  story: 's1',
  type,
  mode,
  context: [],
  actors: [],
  recipients: [],
  location: null,
  date: { start: year, end: year, value: year },
  background: true,
  negated: false,
  modality: 'asserted' as const,
  triggers: [],
  evidence: [{ article, sentence, start: 0, end: 1 }],
});

test('durations in words: decades, and what "nearly" allows', () => {
  assert.deepEqual(durationYears('P18Y'), { years: 18, lo: 18, hi: 18 });
  assert.deepEqual(durationYears('P2DE', 'LESS_THAN'), { years: 20, lo: 16, hi: 20 });
  assert.equal(durationYears('P3D'), null);
});

test('anniversary: the ordinal against the founding year the text states', () => {
  const mk = (ordinal: number) =>
    testDoc([{ id: 'a', outlet: 'Alpha', published: '2025-10-10', sentences: ['Leaders marked the anniversary of relations established in 1950.'] }], {
      times: [{ article: 'a', text: 'anniversary', value: '2025', anniversary: { ordinal, of: 'relations', since: '1950' } }],
    });
  const ok = checkConsistency(mk(75), 's1');
  assert.equal(ok.length, 1);
  assert.equal(ok[0]!.status, 'consistent');
  assert.equal(ok[0]!.stated, '75');
  const bad = checkConsistency(mk(70), 's1');
  assert.equal(bad[0]!.status, 'inconsistent');
  assert.match(bad[0]!.expected, /^75 \(2025 − 1950\)$/);
});

test('"the first in 18 years" against "the last visit was in 2007", and against the other sources', () => {
  const doc = testDoc(
    [
      { id: 'a', outlet: 'Alpha', published: '2025-03-12', sentences: ['It is the first visit by a trade minister in 18 years.', 'The last visit was in 2007.'] },
      { id: 'b', outlet: 'Beta', lang: 'id', published: '2025-03-11', sentences: ['Ini kunjungan pertama dalam hampir dua dekade.'] },
      { id: 'c', outlet: 'Gamma', published: '2025-03-12', sentences: ['It was the first such trip in five years.'] },
      { id: 'd', outlet: 'Delta', published: '2025-03-12', sentences: ['Demand grew over the last three years.'] },
    ],
    {
      times: [
        { article: 'a', text: '18 years', type: 'DURATION', value: 'P18Y' },
        { article: 'a', text: '2007', value: '2007' },
        { article: 'b', text: 'hampir dua dekade', type: 'DURATION', value: 'P2DE', mod: 'LESS_THAN' },
        { article: 'c', text: 'five years', type: 'DURATION', value: 'P5Y' },
        { article: 'd', text: 'three years', type: 'DURATION', value: 'P3Y' },
      ],
      events: [bg('e1', 'a', 1, '2007')],
    },
  );
  const notes = checkConsistency(doc, 's1');
  const byText = (t: string) => notes.filter((n) => n.text === t).map((n) => [n.status, n.expected]);
  assert.deepEqual(byText('18 years'), [['consistent', 'P18Y (2025 − 2007)']]);
  assert.deepEqual(byText('hampir dua dekade').map((x) => x[0]).sort(), ['consistent', 'consistent']);
  assert.deepEqual(byText('five years').map((x) => x[0]), ['inconsistent', 'inconsistent']);
  // "over the last three years" is a period, not the time since a last event
  assert.deepEqual(byText('three years'), []);
});
