import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lru } from './lru.ts';

test('lru: bounded by entry count, the least recently used goes first', () => {
  const m = new Lru<number>(2);
  m.set('a', 1);
  m.set('b', 2);
  assert.equal(m.get('a'), 1); // a is now the most recent
  m.set('c', 3);
  assert.equal(m.get('b'), undefined);
  assert.equal(m.get('a'), 1);
  assert.equal(m.get('c'), 3);
});

test('lru: bounded by weight, as many of the least recently used go as the new entry needs', () => {
  const m = new Lru<string>(10, (v) => v.length);
  m.set('a', 'xxxx');
  m.set('b', 'xxxx');
  m.set('c', 'xx');
  m.set('d', 'xxxxxx'); // 10 + 6 > 10: a and b go (4 + 4), c stays (2 + 6 <= 10)
  assert.equal(m.get('a'), undefined);
  assert.equal(m.get('b'), undefined);
  assert.equal(m.get('c'), 'xx');
  assert.equal(m.get('d'), 'xxxxxx');
  m.set('c', 'xxxx'); // replacing an entry counts its new weight only: 6 + 4 fits
  assert.equal(m.get('d'), 'xxxxxx');
  m.clear();
  m.set('e', 'xxxxxxxxxx');
  assert.equal(m.get('e'), 'xxxxxxxxxx');
});

test('lru: the same entries as a plain list kept in use order, over random gets, sets and weights', () => {
  // Reference: an array, most recent last, scanned linearly (obviously right, too slow for real use).
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const size = 50;
  const m = new Lru<number>(size, (v) => 1 + (v % 7));
  let ref: Array<{ k: string; v: number }> = [];
  const weight = () => ref.reduce((s, e) => s + 1 + (e.v % 7), 0);
  for (let i = 0; i < 20_000; i++) {
    const k = `k${rand(60)}`;
    if (rand(3) === 0) {
      const v = rand(1000);
      m.set(k, v);
      ref = ref.filter((e) => e.k !== k);
      while (ref.length > 0 && weight() + 1 + (v % 7) > size) ref.shift();
      ref.push({ k, v });
    } else {
      const at = ref.findIndex((e) => e.k === k);
      const want = at < 0 ? undefined : ref[at]!.v;
      if (at >= 0) ref.push(...ref.splice(at, 1));
      assert.equal(m.get(k), want, `step ${i}: ${k}`);
    }
    if (i % 1000 === 999) {
      m.clear();
      ref = [];
    }
  }
});
