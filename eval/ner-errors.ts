// NER error analysis on NERGrit valid with the shipped model: every gold entity the tagger gets wrong is a
// miss (no overlapping prediction), a type error (same span, other type), a boundary error (overlapping
// prediction of the same type) or both; every prediction overlapping no gold entity is spurious. Counts per type;
// with --examples also each error in its context. Run: `npx tsx eval/ner-errors.ts [--examples]`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunks, readConll, type Chunk, type ConllSentence } from '../src/entities/conll.ts';
import { tagTokens } from '../src/entities/ner.ts';

export interface NerError {
  type: string;
  kind: string;
  text: string;
}

/** The errors of `pred` against `gold`, one per wrong gold entity or spurious prediction. */
export function nerErrors(sents: ConllSentence[], pred: string[][]): NerError[] {
  const out: NerError[] = [];
  const key = (c: Chunk) => `${c.type}:${c.start}:${c.end}`;
  sents.forEach((s, si) => {
    const g = chunks(s.tags);
    const p = chunks(pred[si]!);
    const span = (c: Chunk) => `[${s.tokens.slice(c.start, c.end).join(' ')}]`;
    const ctx = (c: Chunk) => s.tokens.slice(Math.max(0, c.start - 4), c.end + 3).join(' ');
    const pk = new Set(p.map(key));
    const gk = new Set(g.map(key));
    for (const x of g) {
      if (pk.has(key(x))) continue;
      const ov = p.filter((y) => y.start < x.end && x.start < y.end);
      const same = ov.find((y) => y.start === x.start && y.end === x.end);
      const kind = !ov.length ? 'miss' : same ? `type (as ${same.type})` : ov.some((y) => y.type === x.type) ? 'boundary' : 'boundary+type';
      out.push({ type: x.type, kind, text: `gold ${span(x)} predicted ${ov.map((y) => `${span(y)} ${y.type}`).join(', ') || '-'} | ${ctx(x)}` });
    }
    for (const y of p) {
      if (gk.has(key(y)) || g.some((x) => y.start < x.end && x.start < y.end)) continue;
      out.push({ type: y.type, kind: 'spurious', text: `${span(y)} | ${ctx(y)}` });
    }
  });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
  const valid = readConll(fs.readFileSync(path.join(shared, 'eval/ner/nergrit/valid_preprocess.txt'), 'utf8'));
  const errs = nerErrors(valid, valid.map((s) => tagTokens(s.tokens)));
  const counts = new Map<string, number>();
  for (const e of errs) counts.set(`${e.type}\t${e.kind}`, (counts.get(`${e.type}\t${e.kind}`) ?? 0) + 1);
  for (const [k, n] of [...counts].sort()) console.log(`${k}\t${n}`);
  if (process.argv.includes('--examples')) for (const e of errs.sort((a, b) => (a.type + a.kind + a.text < b.type + b.kind + b.text ? -1 : 1))) console.log(`${e.type}\t${e.kind}\t${e.text}`);
}
