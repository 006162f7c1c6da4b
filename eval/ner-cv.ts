// Model selection for the NER tagger by k-fold cross-validation on NERGrit TRAIN only (valid stays for one final
// look per finalist): each variant is trained on k-1 folds and scored (entity F1, conlleval) on the held-out fold,
// for several seeds; prints per-variant mean F1 (ALL and per type) over folds × seeds, and the SD over those runs.
// Run: `npx tsx eval/ner-cv.ts [--folds 5] [--seeds 13,1,2] [--errors [--examples]] VARIANT...` (see VARIANTS
// below); --errors counts the out-of-fold errors of the first seed by kind (eval/ner-errors.ts). The per-run F1s
// are printed in fold order, so variants run with the same seeds can be compared pairwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConll, scoreChunks, type ConllSentence } from '../src/entities/conll.ts';
import { tagTokens } from '../src/entities/ner.ts';
import { NER_TRAIN_DEFAULTS, trainPerceptron, type AuxCorpus, type TrainOptions } from '../src/entities/train.ts';
import { nerErrors } from './ner-errors.ts';

export const VARIANTS: Record<string, TrainOptions> = {
  base: {},
  runs3: { runs: 3 },
  crf: { learner: 'crf' },
  epochs30: { epochs: 30 },
  epochs40: { epochs: 40 },
  min3: { minCount: 3 },
};

/** `aux`: auxiliary corpora trained alongside each fold (trainPerceptron's), whole in every fold. */
export function crossValidate(train: ConllSentence[], opts: TrainOptions, folds: number, seeds: number[], aux: AuxCorpus[] = []) {
  const perRun: Array<Record<string, number>> = [];
  const pred: string[][] = [];
  for (const seed of seeds) {
    for (let k = 0; k < folds; k++) {
      const m = trainPerceptron(train.filter((_, i) => i % folds !== k), { ...NER_TRAIN_DEFAULTS, ...opts, seed: seed + 1000 * k }, aux);
      const held = train.filter((_, i) => i % folds === k);
      const p = held.map((s) => tagTokens(s.tokens, m));
      if (seed === seeds[0]) train.forEach((_, i) => i % folds === k && (pred[i] = p[Math.floor(i / folds)]!));
      perRun.push(Object.fromEntries(scoreChunks(held.map((s) => s.tags), p).map((r) => [r.type, 100 * r.f1])));
    }
  }
  const mean = (t: string) => perRun.reduce((a, r) => a + (r[t] ?? 0), 0) / perRun.length;
  const sd = (t: string) => Math.sqrt(perRun.reduce((a, r) => a + ((r[t] ?? 0) - mean(t)) ** 2, 0) / (perRun.length - 1));
  return { all: mean('ALL'), sd: sd('ALL'), org: mean('ORGANISATION'), per: mean('PERSON'), place: mean('PLACE'), perRun, pred };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
  const args = process.argv.slice(2);
  const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const folds = Number(opt('--folds') ?? 5);
  const seeds = (opt('--seeds') ?? '13,1,2').split(',').map(Number);
  const names = args.filter((a, i) => !a.startsWith('--') && !['--folds', '--seeds'].includes(args[i - 1] ?? ''));
  const train = readConll(fs.readFileSync(path.join(shared, 'eval/ner/nergrit/train_preprocess.txt'), 'utf8'));
  for (const name of names.length ? names : Object.keys(VARIANTS)) {
    const r = crossValidate(train, VARIANTS[name]!, folds, seeds);
    const f = (x: number) => x.toFixed(2);
    console.log(`${name}\tALL ${f(r.all)} (sd ${f(r.sd)}, n ${r.perRun.length})\tORG ${f(r.org)}\tPER ${f(r.per)}\tPLACE ${f(r.place)}\truns ${r.perRun.map((x) => f(x.ALL!)).join(' ')}`);
    if (args.includes('--errors')) {
      const counts = new Map<string, number>();
      const errs = nerErrors(train, r.pred);
      for (const e of errs) counts.set(`${e.type}\t${e.kind}`, (counts.get(`${e.type}\t${e.kind}`) ?? 0) + 1);
      for (const [k, n] of [...counts].sort()) console.log(`  ${k}\t${n}`);
      if (args.includes('--examples')) for (const e of errs) console.log(`  ${e.type}\t${e.kind}\t${e.text}`);
    }
  }
}
