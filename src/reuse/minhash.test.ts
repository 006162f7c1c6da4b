import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandKeys, containment, hash32, jaccard, minhash, reuseWords, shingles } from './minhash.ts';

const keysOf = (s: string) => bandKeys(minhash(shingles(reuseWords(s)), 20), 10, 2);

test('minhash: case, punctuation and spacing do not change the band keys', () => {
  assert.deepEqual(keysOf('The council approved the budget, on Tuesday.'), keysOf('the COUNCIL approved   the budget on tuesday'));
  for (const k of keysOf('Một câu tiếng Việt có dấu để kiểm tra khóa')) assert.ok(Number.isSafeInteger(k) && k >= 0);
});

test('minhash: a one-word edit keeps a shared band, an unrelated sentence shares none', () => {
  const a = keysOf('Officials said the embankment works would start before the monsoon season and last two years');
  const b = keysOf('Officials said the embankment works would begin before the monsoon season and last two years');
  const c = keysOf('The football club signed a young striker from a rival team after weeks of talks');
  assert.ok(a.some((k) => b.includes(k)));
  assert.ok(!a.some((k) => c.includes(k)));
});

test('minhash: jaccard and containment of shingle sets', () => {
  const x = shingles(reuseWords('a b c d e'));
  const y = shingles(reuseWords('a b c d e f g h'));
  assert.equal(jaccard(x, x), 1);
  assert.equal(jaccard(x, y), 4 / 7);
  assert.equal(containment(x, y), 1);
  assert.equal(jaccard(x, new Set()), 0);
  assert.notEqual(hash32('ab'), hash32('ba'));
});
