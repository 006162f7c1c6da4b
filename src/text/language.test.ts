import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { identifyLanguage, lexicalScores, normaliseLangCode, paragraphLanguages, sampleText } from './language.ts';
import { english, indonesian, malay, others, vietnamese } from './language.fixtures.ts';
import { closeLanguageGroups } from '../lang/index.ts';
import { loadLanguageSet } from '../../eval/language.ts';

describe('identifyLanguage', () => {
  it('says Indonesian, not Malay, for Indonesian sentences on varied topics', () => {
    for (const text of indonesian) assert.equal(identifyLanguage(text).lang, 'id', text);
  });

  it('says Malay for Malaysian Malay sentences on the same topics', () => {
    for (const text of malay) assert.equal(identifyLanguage(text).lang, 'ms', text);
  });

  it('recognises English and Vietnamese', () => {
    for (const text of english) assert.equal(identifyLanguage(text).lang, 'en', text);
    for (const text of vietnamese) assert.equal(identifyLanguage(text).lang, 'vi', text);
  });

  it('gives reasonable answers for other European languages', () => {
    for (const [lang, text] of others) assert.equal(identifyLanguage(text).lang, lang, text);
  });

  it('returns und with zero confidence for too little text, or the hint when one is given', () => {
    assert.deepEqual(identifyLanguage(''), { lang: 'und', confidence: 0 });
    assert.deepEqual(identifyLanguage('12.30 — 45%'), { lang: 'und', confidence: 0 });
    assert.equal(identifyLanguage('Oke', 'id-ID').lang, 'id');
  });

  it('ignores URLs and e-mail addresses', () => {
    const text = 'https://www.example.com/berita/2024/10/11/index.html redaksi@example.com ' + indonesian[2];
    assert.equal(identifyLanguage(text).lang, 'id');
  });

  it('lets a hint decide between Indonesian and Malay only when the text has no evidence', () => {
    const neutral = 'Mereka akan datang ke sana pada hari ini untuk bertemu dengan keluarga.';
    assert.equal(identifyLanguage(neutral).lang, 'id');
    assert.equal(identifyLanguage(neutral, 'ms').lang, 'ms');
    // text evidence beats a wrong declaration
    assert.equal(identifyLanguage(malay[3]!, 'id').lang, 'ms');
    assert.equal(identifyLanguage(indonesian[3]!, 'ms').lang, 'id');
  });

  it('does not let a wrong hint override clear text', () => {
    assert.equal(identifyLanguage(english[0]!, 'id').lang, 'en');
    assert.equal(identifyLanguage(vietnamese[0]!, 'en').lang, 'vi');
  });

  it('gives higher confidence to longer text', () => {
    const short = identifyLanguage('The bank kept rates unchanged.');
    const long = identifyLanguage(english.join(' ') + ' ' + english.join(' '));
    assert.equal(long.lang, 'en');
    assert.ok(long.confidence > short.confidence, `${long.confidence} <= ${short.confidence}`);
    assert.ok(long.confidence <= 1 && short.confidence > 0);
  });

  it('handles a 1 MB single paragraph in bounded time', () => {
    const text = indonesian.join(' ').repeat(Math.ceil(1_000_000 / indonesian.join(' ').length));
    const t0 = performance.now();
    const guess = identifyLanguage(text);
    const ms = performance.now() - t0;
    assert.equal(guess.lang, 'id');
    assert.ok(ms < 200, `took ${ms.toFixed(0)} ms`);
  });

  it('decides on the body, not on boilerplate at one end of a long page', () => {
    const body = Array.from({ length: 30 }, (_, i) => indonesian[i % indonesian.length]).join(' ');
    const page = 'Home News Sport Business Login Subscribe Privacy Policy Terms of Use Contact Us '.repeat(8) + body;
    assert.equal(identifyLanguage(page).lang, 'id');
  });
});

describe('lexicalScores', () => {
  const group = closeLanguageGroups.find((g) => 'id' in g.words && 'ms' in g.words)!;

  it('counts spelling variants and two-word entries', () => {
    const id = lexicalScores('Dia dibawa ke rumah sakit karena sakit.', group);
    const ms = lexicalScores('Dia dibawa ke hospital kerana sakit dan dirawat oleh doktor.', group);
    assert.ok(id['id']! > id['ms']!);
    assert.ok(ms['ms']! > ms['id']!);
  });

  it('caps repeated words so one topical word cannot decide alone', () => {
    const once = lexicalScores('kerana', group)['ms']!;
    const many = lexicalScores('kerana '.repeat(50), group)['ms']!;
    assert.equal(many, once * 3);
  });

  it('finds listed words carrying clitics', () => {
    assert.ok(lexicalScores('kualitinya', group)['ms']! > 0);
    assert.ok(lexicalScores('kualitasnya', group)['id']! > 0);
  });
});

describe('paragraphLanguages', () => {
  it('tags each blank-line separated paragraph and lets short ones inherit', () => {
    const idPara = indonesian.slice(0, 3).join(' ');
    const enPara = english.join(' ');
    const text = `${idPara}\n\nFoto: Antara\n\n${enPara}\n\n  ${indonesian.slice(3, 6).join(' ')}  \n`;
    const doc = identifyLanguage(text);
    assert.equal(doc.lang, 'id');
    const paras = paragraphLanguages(text, doc);
    assert.deepEqual(paras.map((p) => p.lang), ['id', 'id', 'en', 'id']);
    assert.equal(text.slice(paras[1]!.start, paras[1]!.end), 'Foto: Antara');
    assert.equal(text.slice(paras[2]!.start, paras[2]!.end), enPara);
    for (const p of paras) {
      const s = text.slice(p.start, p.end);
      assert.equal(s, s.trim());
    }
  });

  it('treats blank lines containing spaces as separators and single newlines as inside a paragraph', () => {
    const text = 'Baris satu\nbaris dua\n   \nParagraf kedua';
    const paras = paragraphLanguages(text, { lang: 'id', confidence: 0.9 });
    assert.deepEqual(paras.map((p) => text.slice(p.start, p.end)), ['Baris satu\nbaris dua', 'Paragraf kedua']);
  });

  it('returns no spans for empty text', () => {
    assert.deepEqual(paragraphLanguages('', { lang: 'und', confidence: 0 }), []);
  });
});

describe('helpers', () => {
  it('normalises language codes', () => {
    assert.equal(normaliseLangCode('id-ID'), 'id');
    assert.equal(normaliseLangCode('IN'), 'id');
    assert.equal(normaliseLangCode('ms_MY'), 'ms');
    assert.equal(normaliseLangCode('vie'), 'vi');
    assert.equal(normaliseLangCode('und'), null);
    assert.equal(normaliseLangCode(''), null);
    assert.equal(normaliseLangCode(null), null);
  });

  it('samples long text from several places within the limit', () => {
    const text = 'a'.repeat(5000) + ' MIDDLE ' + 'b'.repeat(5000) + ' END';
    const s = sampleText(text, 2000);
    assert.ok(s.length <= 2100, String(s.length));
    assert.ok(s.includes('a') && s.includes('b') && s.includes('END'));
    assert.equal(sampleText('short', 2000), 'short');
  });
});

describe('identifyLanguage on the shared eval data', () => {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const shared = path.resolve(repoRoot, '../shared');
  const present = fs.existsSync(path.join(shared, 'eval'));

  it('is at least 97% right per language and text size (id, vi, en)', { skip: present ? false : `no eval data at ${shared}` }, () => {
    const set = loadLanguageSet(shared, { extraction: false });
    const buckets = new Map<string, { n: number; ok: number }>();
    for (const item of set) {
      const key = `${item.lang}/${item.kind}/${item.source}`;
      const b = buckets.get(key) ?? { n: 0, ok: 0 };
      b.n++;
      if (identifyLanguage(item.text).lang === item.lang) b.ok++;
      buckets.set(key, b);
    }
    assert.ok(buckets.size >= 5, [...buckets.keys()].join(', '));
    for (const [key, b] of buckets) assert.ok(b.ok / b.n >= 0.97, `${key}: ${b.ok}/${b.n}`);
  });
});
