// Throughput of language identification and sentence splitting against the raw libraries.
// Run: `npx tsx bench/language.ts [sharedDir]`. Uses the eval set when ../shared is present,
// else the hand-written fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { franc } from 'franc';
import { identifyLanguage, paragraphLanguages } from '../src/text/language.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { english, indonesian, malay, vietnamese } from '../src/text/language.fixtures.ts';
import { iso6393to1, loadLanguageSet, type LabelledText } from '../eval/language.ts';
import { rate } from './rate.ts';

interface EldLike { detect(text: string): { language: string } }


function timeOnce(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return +(performance.now() - t0).toFixed(1);
}

export async function benchLanguage(sharedDir: string): Promise<Array<Record<string, string | number>>> {
  let set: LabelledText[] = fs.existsSync(path.join(sharedDir, 'eval')) ? loadLanguageSet(sharedDir) : [];
  if (set.length === 0) {
    const docs = [indonesian, malay, english, vietnamese].map((l) => l.join(' '));
    set = docs.map((text) => ({ lang: '', kind: 'doc' as const, source: 'fixtures', text }));
  }
  const docs = set.filter((d) => d.kind === 'doc').map((d) => d.text);
  // articles as paragraphs: the eval texts are single blocks, so give them paragraph breaks every 3 sentences
  const articles = docs.map((d) => d.replace(/((?:[^.!?]+[.!?]\s+){3})/g, '$1\n\n'));
  const avgChars = Math.round(docs.reduce((a, d) => a + d.length, 0) / docs.length);
  const rows: Array<Record<string, string | number>> = [];
  const row = (task: string, impl: string, perSec: number, note = '') => rows.push({ task, impl, 'docs/s': perSec, note });

  const { eld } = (await import('eld/medium')) as { eld: EldLike };
  row('identify', 'identifyLanguage', rate(docs, (d) => identifyLanguage(d)), `${docs.length} docs, avg ${avgChars} chars`);
  row('identify', 'eld/medium raw, whole text', rate(docs, (d) => eld.detect(d)));
  row('identify', 'franc raw, whole text', rate(docs, (d) => franc(d)));
  row('identify', 'franc raw, first 2000 chars', rate(docs, (d) => iso6393to1(franc(d.slice(0, 2000)))));
  row('paragraphs', 'paragraphLanguages', rate(articles, (d) => paragraphLanguages(d, { lang: 'id', confidence: 0.9 })));

  const segmenter = new Intl.Segmenter('id', { granularity: 'sentence' });
  row('sentences', 'splitSentences', rate(articles, (d) => splitSentences(d, 'id')));
  row('sentences', 'Intl.Segmenter raw (reused)', rate(articles, (d) => { for (const _ of segmenter.segment(d)); }));

  // one huge single-paragraph input: the cases the sampling and chunking exist for
  const huge = docs.join(' ').replace(/\s+/g, ' ').repeat(Math.ceil(1_000_000 / Math.max(1, docs.join(' ').length))).slice(0, 1_000_000);
  row('1 MB paragraph', 'identifyLanguage', +(1000 / Math.max(0.01, timeOnce(() => identifyLanguage(huge)))).toFixed(1), `${timeOnce(() => identifyLanguage(huge))} ms`);
  row('1 MB paragraph', 'splitSentences', +(1000 / timeOnce(() => splitSentences(huge, 'id'))).toFixed(1), `${timeOnce(() => splitSentences(huge, 'id'))} ms`);
  // raw segmenter cost grows faster than the text: compare 16 KB and 128 KB
  for (const kb of [16, 128]) {
    const slice = huge.slice(0, kb * 1000);
    const rawMs = timeOnce(() => { for (const _ of segmenter.segment(slice)); });
    const oursMs = timeOnce(() => splitSentences(slice, 'id'));
    row(`${kb} KB paragraph`, 'Intl.Segmenter raw vs splitSentences', +(1000 / Math.max(0.01, rawMs)).toFixed(1), `raw ${rawMs} ms, splitSentences ${oursMs} ms`);
  }

  // eld database sizes: load time, speed and family accuracy (Indonesian counted right when eld says ms)
  const labelled = set.filter((d) => d.lang);
  for (const size of ['extrasmall', 'small', 'medium', 'large']) {
    const t0 = performance.now();
    const mod = (await import(`eld/${size}`)) as { eld: EldLike };
    // medium is already loaded by src/text/language.ts, so its load time here is not a cold load
    const loadMs = size === 'medium' ? NaN : Math.round(performance.now() - t0);
    const ok = labelled.filter((d) => {
      const l = mod.eld.detect(d.text.slice(0, 2000)).language;
      return l === d.lang || (d.lang === 'id' && l === 'ms');
    }).length;
    row('eld size', size, rate(docs, (d) => mod.eld.detect(d.slice(0, 2000)), 300),
      `load ${loadMs} ms, family accuracy ${(ok / Math.max(1, labelled.length)).toFixed(3)} on ${labelled.length}`);
  }
  const francOk = labelled.filter((d) => {
    const l = iso6393to1(franc(d.text.slice(0, 2000), { minLength: 10 }));
    return l === d.lang || (d.lang === 'id' && l === 'ms') || (d.lang === 'ms' && l === 'id');
  }).length;
  row('franc', 'default', rate(docs, (d) => franc(d.slice(0, 2000)), 300), `family accuracy ${(francOk / Math.max(1, labelled.length)).toFixed(3)}`);
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.argv[2] ?? path.resolve(repoRoot, '../shared');
  void benchLanguage(shared).then((rows) => console.table(rows));
}
