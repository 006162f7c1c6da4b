import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOf, nameRuns, numberKey, tokenize } from './text.ts';
import { articleFeatures } from './features.ts';
import { makeDoc } from '../reuse/testutil.ts';

test('tokenize: words keep inner joiners, glued sentence punctuation splits, sentence starts are marked', () => {
  const t = tokenize('Tiêm kích F-15 bay hôm 20.10 - Ảnh: Reuters.Nữ phát ngôn viên nói. Sau đó');
  assert.deepEqual(
    t.map((x) => x.norm),
    ['tiêm', 'kích', 'f-15', 'bay', 'hôm', '20.10', 'ảnh', 'reuters', 'nữ', 'phát', 'ngôn', 'viên', 'nói', 'sau', 'đó'],
  );
  assert.equal(t[0].first, true);
  assert.equal(t[1].first, false);
  assert.equal(t[13].first, true);
  assert.equal(t[8].breakBefore, true);
});

test('nameRuns: capitalised runs split at punctuation; one word only inside a sentence', () => {
  const stop = new Set(['the']);
  const names = nameRuns(tokenize('The Prime Minister Shinzo Abe met Xi Jinping, Beijing said. Talks ended.'), stop);
  assert.deepEqual(names, ['prime minister shinzo abe', 'xi jinping', 'beijing']);
  assert.deepEqual(nameRuns(tokenize('Thủ tướng Nhật Bản Shinzo Abe'), new Set()), ['nhật bản shinzo abe']);
});

test('numberKey: numeric dates normalised, small numbers dropped', () => {
  assert.deepEqual(numberKey('20.10'), { kind: 'date', key: '20/10' });
  assert.deepEqual(numberKey('9/9'), { kind: 'date', key: '9/9' });
  assert.deepEqual(numberKey('22/10/2013'), { kind: 'date', key: '22/10' });
  assert.deepEqual(numberKey('2013-10-22'), { kind: 'date', key: '22/10' });
  // thousands grouping of any language gives one key; a decimal comma is kept
  assert.deepEqual(numberKey('1.200'), { kind: 'num', key: '1200' });
  assert.deepEqual(numberKey('1,200'), { kind: 'num', key: '1200' });
  assert.deepEqual(numberKey('12.000.000'), { kind: 'num', key: '12000000' });
  assert.deepEqual(numberKey('3,5'), { kind: 'num', key: '3,5' });
  assert.deepEqual(numberKey('27'), { kind: 'num', key: '27' });
  assert.equal(numberKey('2'), null);
  assert.equal(numberKey('f-15'), null);
  assert.equal(numberKey('45/13'), null);
});

test('dayOf: dates and datetimes to UTC days, null when absent or unreadable', () => {
  assert.equal(dayOf('1970-01-02'), 1);
  assert.equal(dayOf('2024-03-10T23:00:00Z'), dayOf('2024-03-10'));
  assert.equal(dayOf(null), null);
  assert.equal(dayOf('yesterday'), null);
});

test('articleFeatures: typed keys, stop words out, title counted extra', () => {
  const doc = makeDoc('The rescue teams from Mataram reached 14 villages on 11/3. Governor Zulkieflimansyah visited Mataram.', {
    title: 'Rescue teams reach Mataram',
    language: 'en',
  });
  const f = articleFeatures(doc);
  assert.equal(f.get('w:the'), undefined);
  assert.equal(f.get('w:mataram'), 2 + 2);
  assert.equal(f.get('w:rescue'), 1 + 2);
  assert.equal(f.get('p:rescue teams'), 1 + 2);
  assert.equal(f.get('n:governor zulkieflimansyah'), 1);
  assert.equal(f.get('#:n14'), 1);
  assert.equal(f.get('#:d11/3'), 1);
});
