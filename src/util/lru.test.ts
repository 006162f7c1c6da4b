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
