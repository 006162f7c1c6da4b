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

test('lru: a used entry gets a second chance; replacing or clearing keeps the weights right', () => {
  const m = new Lru<number>(3);
  m.set('a', 1);
  m.set('b', 2);
  m.set('c', 3);
  assert.equal(m.get('a'), 1);
  m.set('d', 4); // a was used: b goes
  m.set('e', 5); // then c
  assert.deepEqual(['a', 'b', 'c', 'd', 'e'].map((k) => m.get(k)), [1, undefined, undefined, 4, 5]);
  m.set('d', 40);
  assert.equal(m.weight, 3);
  assert.equal(m.get('d'), 40);
  m.clear();
  assert.equal(m.weight, 0);
  assert.equal(m.get('a'), undefined);
});

test('lru: over random gets, sets and weights, within its bound, never a wrong value, each new entry kept', () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const size = 50;
  const w = (v: number) => 1 + (v % 7);
  const m = new Lru<number>(size, w);
  const last = new Map<string, number>();
  for (let i = 0; i < 50_000; i++) {
    const k = `k${rand(60)}`;
    if (rand(3) === 0) {
      const v = rand(1000);
      m.set(k, v);
      last.set(k, v);
      assert.equal(m.get(k), v, `step ${i}: the entry just set`);
      assert.ok(m.weight <= size, `step ${i}: weight ${m.weight}`);
      // the weight is the sum of the entries held
      let held = 0;
      for (const [key, value] of last) if (m.get(key) !== undefined) held += w(value);
      assert.equal(m.weight, held, `step ${i}`);
    } else {
      const got = m.get(k);
      if (got !== undefined) assert.equal(got, last.get(k), `step ${i}: ${k}`);
    }
    if (i % 5000 === 4999) {
      m.clear();
      last.clear();
    }
  }
});

test('lru: keeps a skewed workload about as well as an exact least-recently-used list', () => {
  // keys drawn with a Zipf-like skew; the reference keeps exactly the 100 most recently used
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
  const m = new Lru<number>(100);
  let ref: string[] = [];
  let hits = 0;
  let refHits = 0;
  for (let i = 0; i < 30_000; i++) {
    const k = `k${Math.floor(1 / (rand() + 0.002))}`;
    if (m.get(k) !== undefined) hits++;
    else m.set(k, i);
    const at = ref.indexOf(k);
    if (at >= 0) {
      refHits++;
      ref.splice(at, 1);
    } else if (ref.length === 100) ref.shift();
    ref.push(k);
  }
  assert.ok(hits >= refHits * 0.95, `${hits} hits against ${refHits}`);
});
