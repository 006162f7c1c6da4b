// Snippets made in JavaScript are FTS5's snippet() for the same text and query: checked against SQLite itself
// over generated texts (sentences of varied length, case, Latin diacritics, punctuation, hyphenated words).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { makeSnippet, snippetQuery } from './snippet.ts';
import { ftsQuery } from '../store/queries.ts';

const WORDS = ['harbour', 'Hà', 'Nội', 'école', 'ministers', 'SIGNED', 'trade', 'São', 'Paulo', 'Zürich', 'crème', 'data', 'twenty-one', 'don’t', 'Ølfjord', 'naïve', 'Łódź', 'agreement', 'the', 'of', '2025', 'fisheries', 'Việt', 'Nam', 'énergie'];

function rng(seed: number) {
  return () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
}

function generate(r: () => number): string {
  const sentences: string[] = [];
  const n = 1 + Math.floor(r() * 12);
  for (let s = 0; s < n; s++) {
    const len = 3 + Math.floor(r() * 30);
    const words = Array.from({ length: len }, () => WORDS[Math.floor(r() * WORDS.length)]!);
    const sep = [' ', ' ', ' ', ', ', ' (', ') ', ' - ', ' "', '" '];
    let text = words[0]!;
    for (let i = 1; i < words.length; i++) text += sep[Math.floor(r() * sep.length)]! + words[i];
    sentences.push(text + ['.', ':', '!', '?', '.'][Math.floor(r() * 5)]);
  }
  return (r() < 0.2 ? '- ' : '') + sentences.join(r() < 0.5 ? ' ' : '\n\n');
}

test('snippets as FTS5 makes them, matches marked', () => {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE f USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')");
  const r = rng(42);
  const texts = Array.from({ length: 300 }, () => generate(r));
  const ins = db.prepare('INSERT INTO f(rowid, title, text) VALUES (?, ?, ?)');
  texts.forEach((t, i) => ins.run(i + 1, '', t));
  const snip = db.prepare("SELECT snippet(f, 1, '[', ']', '…', ?) AS s FROM f WHERE f MATCH ? AND rowid BETWEEN ? AND ?");
  let compared = 0;
  let same = 0;
  for (let i = 0; i < texts.length; i++) {
    for (let k = 0; k < 3; k++) {
      // query words as a reader types them: any case, with or without diacritics
      const q = Array.from({ length: 1 + k }, () => WORDS[Math.floor(r() * WORDS.length)]!)
        .map((w) => (r() < 0.3 ? w.normalize('NFD').replace(/\p{M}/gu, '') : w))
        .map((w) => (r() < 0.3 ? w.toUpperCase() : w.toLowerCase()))
        .join(' ');
      const fq = ftsQuery(q)!;
      const n = [8, 16, 24][k]!;
      const row = snip.get(n, fq, i + 1, i + 1) as { s: string } | undefined;
      if (!row) continue;
      const sq = snippetQuery(fq.match(/"(?:[^"]|"")*"/g)!)!;
      const mine = makeSnippet(texts[i]!, sq, '[', ']', '…', n);
      compared++;
      if (mine === row.s) same++;
      else assert.equal(mine, row.s, `text ${i + 1}, query ${fq}`);
    }
  }
  assert.ok(compared > 300, `compared ${compared}`);
  assert.equal(same, compared);
});

test('a text without the words: its first tokens, no mark', () => {
  const sq = snippetQuery(['"zzq"'])!;
  const text = 'One two three four five six seven eight nine ten. Eleven twelve.';
  assert.equal(makeSnippet(text, sq, '[', ']', '…', 4), 'One two three four…');
  assert.equal(makeSnippet('', sq, '[', ']', '…', 4), '');
});

test('sentence starts as FTS5 finds them', () => {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE f USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')");
  const snip = db.prepare("SELECT snippet(f, 0, '[', ']', '…', 10) AS s FROM f WHERE f MATCH '\"target\"' AND rowid BETWEEN ? AND ?");
  const w = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => `w${a + i}`).join(' ');
  const cases: Array<[string, string]> = [
    // "." begins a sentence only with white space after it
    [`${w(1, 16)}.${w(16, 19)} target ${w(19, 40)}.`, '…w15.w16 w17 w18 [target] w19 w20 w21 w22 w23…'],
    [`${w(1, 16)}. ${w(16, 19)} target ${w(19, 40)}.`, '…w16 w17 w18 [target] w19 w20 w21 w22 w23 w24…'],
    // a sentence begun by a match, the word again exactly nToken tokens on: the later match's sentence window (the
    // first match's own window, with the sentence start's bonus) is the passage
    [`${w(1, 12)}. Target ${w(12, 21)} target ${w(21, 40)}.`, '…[Target] w12 w13 w14 w15 w16 w17 w18 w19 w20…'],
  ];
  const sq = snippetQuery(['"target"'])!;
  cases.forEach(([text, expected], i) => {
    db.prepare('INSERT INTO f(rowid, text) VALUES (?, ?)').run(i + 1, text);
    assert.equal((snip.get(i + 1, i + 1) as { s: string }).s, expected);
    assert.equal(makeSnippet(text, sq, '[', ']', '…', 10), expected);
  });
});
