import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from './segments.ts';
import { formatDate, pickLang, claimFieldLabel, dict } from './i18n.ts';
import { RateLimiter, safeHttpUrl, safeLocalPath, writePolicy, csrfOk } from './security.ts';

const text = 'First one here. Second <b>one</b>.\n\nThird para.';

test('runs rebuild the text exactly, cut at sentence and mark boundaries', () => {
  const paras = segmentText(text, {
    sentences: [
      { start: 0, end: 15 },
      { start: 16, end: 34 },
      { start: 36, end: 47 },
    ],
    marks: [
      { start: 6, end: 9, kind: 'entity' },
      { start: 7, end: 20, kind: 'time' },
    ],
  });
  assert.equal(paras.length, 2);
  const joined = paras.map((p) => p.sentences.flatMap((s) => s.runs.map((r) => r.text)).join('')).join('\n\n');
  assert.equal(joined, text);
  const first = paras[0]!.sentences[0]!;
  assert.equal(first.index, 0);
  assert.deepEqual(
    first.runs.map((r) => [r.text, r.marks.map((m) => m.kind).join('+')]),
    [
      ['First ', ''],
      ['o', 'entity'],
      ['ne', 'entity+time'],
      [' here.', 'time'],
    ],
  );
  // the mark that crosses the sentence boundary continues into the next sentence
  assert.equal(paras[0]!.sentences[1]!.index, -1);
  assert.equal(paras[0]!.sentences[2]!.index, 1);
  assert.deepEqual(paras[0]!.sentences[2]!.runs[0]!.marks.map((m) => m.kind), ['time']);
  // markup in the text is only text
  assert.ok(paras[0]!.sentences.some((s) => s.runs.some((r) => r.text.includes('<b>one</b>'))));
});

test('broken spans (outside the text, reversed, fractional) are dropped or clipped, never trusted', () => {
  const paras = segmentText('abc def', {
    sentences: [{ start: 0, end: 999 }],
    marks: [
      { start: 5, end: 2, kind: 'entity' },
      { start: -4, end: 2, kind: 'time' },
      { start: 1.5, end: 3, kind: 'event' },
      { start: 50, end: 60, kind: 'entity' },
    ],
  });
  const runs = paras[0]!.sentences.flatMap((s) => s.runs);
  assert.equal(runs.map((r) => r.text).join(''), 'abc def');
  assert.deepEqual(runs.map((r) => r.marks.map((m) => m.kind).join('')), ['time', '']);
});

test('paragraph languages are kept where they differ from the article', () => {
  const paras = segmentText('Halo dunia.\n\nHello world.', { paragraphs: [{ start: 0, end: 11, lang: 'id' }, { start: 13, end: 25, lang: 'en' }], articleLang: 'id' });
  assert.deepEqual(paras.map((p) => p.lang), [null, 'en']);
});

test('interface language: cookie first, then Accept-Language, then English; dates and claim fields translated', () => {
  assert.equal(pickLang('id', 'en'), 'id');
  assert.equal(pickLang('xx', 'id-ID,id;q=0.9,en;q=0.8'), 'id');
  assert.equal(pickLang(undefined, 'fr-FR,de'), 'en');
  assert.equal(formatDate('2025-03-12', 'id'), '12 Maret 2025');
  assert.equal(formatDate('2025-03', 'en'), 'March 2025');
  assert.equal(formatDate('XXXX-02-19', 'en'), 'XXXX-02-19');
  assert.equal(claimFieldLabel(dict('id'), 'people.dead'), 'orang: meninggal');
  assert.equal(claimFieldLabel(dict('en'), 'amount.USD'), 'amount (USD)');
});

test('safe redirects and links', () => {
  assert.equal(safeLocalPath('/story/s1?x=1#a'), '/story/s1?x=1#a');
  for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/a\r\nSet-Cookie: x', '']) assert.equal(safeLocalPath(bad), '/');
  assert.equal(safeHttpUrl('javascript:alert(1)'), null);
  assert.equal(safeHttpUrl(' data:text/html,x'), null);
  assert.equal(safeHttpUrl('https://x.example/a?b'), 'https://x.example/a?b');
});

test('write policy: open on loopback without a token, token-only elsewhere, disabled beyond loopback without one', () => {
  assert.deepEqual(writePolicy({ host: '127.0.0.1' }), { token: null, writable: true, tokenRequired: false });
  assert.deepEqual(writePolicy({ host: '::1', token: 't' }), { token: 't', writable: true, tokenRequired: true });
  assert.deepEqual(writePolicy({ host: '0.0.0.0' }), { token: null, writable: false, tokenRequired: true });
  assert.equal(csrfOk('abcdefghijklmnopqrst', 'abcdefghijklmnopqrst'), true);
  assert.equal(csrfOk('abcdefghijklmnopqrst', 'abcdefghijklmnopqrsX'), false);
  assert.equal(csrfOk(undefined, 'abcdefghijklmnopqrst'), false);
});

test('rate limiter refills over time', () => {
  let now = 0;
  const rl = new RateLimiter(2, () => now);
  assert.equal(rl.take('a'), 0);
  assert.equal(rl.take('a'), 0);
  assert.ok(rl.take('a') > 0);
  assert.equal(rl.take('b'), 0, 'per client');
  now += 30_000;
  assert.equal(rl.take('a'), 0);
});
