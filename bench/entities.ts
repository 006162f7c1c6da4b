// Throughput of the entity stage (tokens per CPU-second) against a baseline in the same run: tokenising alone,
// the tagger alone, the whole stage (tagger + rules + linking), and the rule/gazetteer-only tagger.
// Run: `npx tsx bench/entities.ts`. Text: the bundled examples/ corpus (and ../shared/samples when present).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../src/entities/tokenize.ts';
import { tagTokens } from '../src/entities/ner.ts';
import { ruleTag } from '../src/entities/rules.ts';
import { findMentions } from '../src/entities/mentions.ts';
import { resolveDocumentEntities } from '../src/entities/link.ts';
import { splitSentences } from '../src/text/sentences.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function texts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.(txt|html?)$/.test(f.name)) out.push(fs.readFileSync(p, 'utf8').replace(/<[^>]+>/g, ' '));
    }
  };
  walk(path.join(repoRoot, 'examples'));
  walk(path.resolve(repoRoot, '../shared/samples'));
  return out;
}

/** Tokens per CPU-second of this process (user + system): on a shared machine wall-clock rates swing with the
 * load of other processes, CPU time much less. */
function rate(name: string, docs: Array<{ text: string; sents: ReturnType<typeof splitSentences>; toks: string[][] }>, fn: (d: (typeof docs)[0]) => unknown, budgetMs = 1500) {
  for (const d of docs.slice(0, 3)) fn(d); // warm-up (model and gazetteer loading is not counted)
  const tokens = docs.reduce((n, d) => n + d.toks.reduce((m, s) => m + s.length, 0), 0);
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  let n = 0;
  const c0 = process.cpuUsage();
  while (cpuMs(process.cpuUsage(c0)) < budgetMs) {
    for (const d of docs) fn(d);
    n += tokens;
  }
  const secs = cpuMs(process.cpuUsage(c0)) / 1000;
  return { step: name, 'tokens/CPU-s': Math.round(n / secs) };
}

const t0 = performance.now();
findMentions('Presiden Indonesia tiba di Hanoi.', [], 'id');
const loadMs = Math.round(performance.now() - t0);
const docs = texts().map((text) => {
  const sents = splitSentences(text, 'id');
  return { text, sents, toks: sents.map((s) => tokenize(text, s.start, s.end).map((t) => t.text)) };
});
const rows = [
  rate('tokenize (baseline)', docs, (d) => tokenize(d.text)),
  rate('rules+gazetteer tagger (baseline)', docs, (d) => d.toks.map((s) => ruleTag(s))),
  rate('perceptron tagger', docs, (d) => d.toks.map((s) => tagTokens(s))),
  rate('entity stage (mentions + linking)', docs, (d) => resolveDocumentEntities(findMentions(d.text, d.sents, 'id'), 'id')),
];
const { table } = await import('../eval/table.ts');
process.stdout.write(`${docs.length} documents; first call (model, gazetteers, cities) ${loadMs} ms\n`);
process.stdout.write(table(rows));
