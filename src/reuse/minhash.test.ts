import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containment, hash32, hashWords, jaccard, reuseWords, shingles, sketchKeys } from './minhash.ts';

const keysOf = (s: string) => sketchKeys(reuseWords(s), 5);

test('sketches: case, punctuation and spacing do not change the keys', () => {
  assert.deepEqual(keysOf('The council approved the budget, on Tuesday.'), keysOf('the COUNCIL approved   the budget on tuesday'));
  for (const k of keysOf('Một câu tiếng Việt có dấu để kiểm tra khóa')) assert.ok(Number.isSafeInteger(k) && k >= 0);
  assert.equal(keysOf('Một câu tiếng Việt có dấu để kiểm tra khóa').length, 5);
});

test('sketches: one-word edits keep most keys, an unrelated sentence shares none', () => {
  const a = keysOf('Officials said the embankment works would start before the monsoon season and last two years');
  const shared = (x: number[]) => x.filter((k) => a.includes(k)).length;
  for (const edited of [
    'Officials stated the embankment works would start before the monsoon season and last two years',
    'Officials said the embankment works would begin before the monsoon season and last two years',
    'Officials said the embankment works would start before the monsoon season and last three years',
  ]) {
    assert.ok(shared(keysOf(edited)) >= 1, edited);
  }
  assert.equal(shared(keysOf('The football club signed a young striker from a rival team after weeks of talks')), 0);
  // the seed index is part of the key: sketches under different seeds never collide
  assert.equal(new Set(keysOf('one two three').map((k) => Math.floor(k / 2 ** 32))).size, 5);
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

test('hashWords: the hash of the words joined by spaces (keys already stored stay the same)', () => {
  const words = reuseWords('Một câu tiếng Việt có dấu, with 2 numbers 42 and an emoji 😀 x');
  words.push('', 'a');
  for (let from = 0; from < words.length; from++) {
    for (let to = from; to <= Math.min(words.length, from + 4); to++) {
      for (const seed of [0, 7, 0x9e3779b9]) assert.equal(hashWords(words, from, to, seed), hash32(words.slice(from, to).join(' '), seed), `${from}..${to}`);
    }
  }
  // the keys of a sentence as the joined strings gave them
  const ws = reuseWords('the council approved the budget on tuesday after a long debate');
  assert.deepEqual([...shingles(ws)], Array.from({ length: ws.length - 1 }, (_, i) => hash32(ws.slice(i, i + 2).join(' '))));
  // as computed before hashWords (from the joined k-grams): stores hold these keys
  assert.deepEqual(sketchKeys(ws, 5), [264531958, 5329588144, 8874021463, 12914938933, 17183655299]);
  assert.deepEqual(sketchKeys(reuseWords('two words'), 5), [153398020, 5527441905, 12716907040, 13380345218, 17345850710]);
});
