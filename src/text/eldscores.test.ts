import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eld } from 'eld/medium';
import { eldCodes, eldRanked } from './eldscores.ts';
import { english, indonesian, malay, others, vietnamese } from './language.fixtures.ts';
import { loadLanguageSet } from '../../eval/language.ts';

/** eldRanked as eld's getScores() gives it: each language with a positive score, best first, as an object. */
function eldScores(text: string): Record<string, number> {
  const r = eldRanked(text);
  const out: Record<string, number> = {};
  for (let i = 0; i < r.count; i++) out[eldCodes[r.langs[i]!]!] = r.scores[i]!;
  return out;
}

/** Same languages, same scores, same order (the order breaks ties in identifyLanguage). */
function assertSame(text: string): void {
  assert.deepEqual(Object.entries(eldScores(text)), Object.entries(eld.detect(text).getScores()), JSON.stringify(text.slice(0, 80)));
}

/** Pieces of `text` cut at every `step` characters, as sample windows cut them: mid-word, any length. */
function pieces(text: string, step: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += step) out.push(text.slice(i, i + 500), text.slice(i, i + 37));
  return out;
}

describe('eldRanked', () => {
  it("equals eld's detect().getScores() on every fixture language, whole and cut into windows", () => {
    for (const text of [...indonesian, ...malay, ...english, ...vietnamese, ...others.map(([, text]) => text)]) {
      assertSame(text);
      for (const p of pieces(text, 23)) assertSame(p);
    }
  });

  it('equals it on texts with no known n-gram, digits, symbols, surrogate pairs and long words', () => {
    for (const text of ['', ' ', '12345 67890', '!!! ??? ...', '😀😀 😀 emoji 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'x'.repeat(200), 'ab', 'abc', 'abcd', 'abcde', "don't can’t l'homme", 'Ünïcödé ÀÉÎÕÜ ß ø å', 'a'.repeat(1200) + ' end']) assertSame(text);
  });

  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const shared = path.resolve(repoRoot, '../shared');
  const present = fs.existsSync(path.join(shared, 'eval'));
  it('equals it on every text of the language evaluation set', { skip: present ? false : `no eval data at ${shared}` }, () => {
    const set = loadLanguageSet(shared, { extraction: false });
    assert.ok(set.length > 500, `only ${set.length} texts`);
    for (const item of set) assertSame(item.text);
  });
});
