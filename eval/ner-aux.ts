// Training the NER tagger with auxiliary labelled data (the IndoLEM sets, issue #5): each variant is trained on
// NERGrit train (+ its auxiliary corpora) with seeds 13/1/2 and scored on NERGrit valid (entity F1, conlleval; mean
// over the seeds); with --indolem also on each IndoLEM set by folds: fold k of a set is tagged by a model trained
// (seed 13) with that fold left out of the training data (the other set stays in whole).
// Run: `npx tsx eval/ner-aux.ts [--seeds 13,1,2] [--indolem] [--folds 5] VARIANT...` (see VARIANTS below).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConll, scoreChunks, type ConllSentence } from '../src/entities/conll.ts';
import { tagTokens } from '../src/entities/ner.ts';
import { NER_AUX_SETS, NER_TRAIN_DEFAULTS, indolemTag, trainPerceptron, type AuxCorpus, type TrainOptions } from '../src/entities/train.ts';
import { crossValidate } from './ner-cv.ts';

const BOTH = NER_AUX_SETS;
// word-class features (exchange algorithm, 32/128/512 classes from the token text of NERGrit train + IndoLEM) were
// variants clu / cluAug in commit 6e5edef, removed again (within noise)
export const VARIANTS: Record<string, { opts: TrainOptions; aux: string[] }> = {
  base: { opts: {}, aux: [] },
  cat: { opts: { auxMode: 'concat' }, aux: BOTH },
  catDict: { opts: { auxMode: 'concat', auxDict: true }, aux: BOTH },
  catW05: { opts: { auxMode: 'concat', auxWeight: 0.5 }, aux: BOTH },
  catW025: { opts: { auxMode: 'concat', auxWeight: 0.25 }, aux: BOTH },
  aug: { opts: { auxMode: 'augment' }, aux: BOTH },
  augDict: { opts: { auxMode: 'augment', auxDict: true }, aux: BOTH },
  augW05: { opts: { auxMode: 'augment', auxWeight: 0.5 }, aux: BOTH },
  augE10: { opts: { auxMode: 'augment', epochs: 10 }, aux: BOTH },
  augMin3: { opts: { auxMode: 'augment', minCount: 3 }, aux: BOTH },
  augRuns3: { opts: { auxMode: 'augment', runs: 3 }, aux: BOTH },
  crfAug: { opts: { auxMode: 'augment', learner: 'crf' }, aux: BOTH },
  crfAug15: { opts: { auxMode: 'augment', learner: 'crf', epochs: 15, minCount: 1, dictFolds: 10 }, aux: BOTH },
  crf: { opts: { learner: 'crf' }, aux: [] },
  mixAug: { opts: { auxMode: 'augment', learner: 'mix' }, aux: BOTH },
  mixAug03: { opts: { auxMode: 'augment', learner: 'mix', mix: 0.3 }, aux: BOTH },
  catUgm: { opts: { auxMode: 'concat' }, aux: ['nerugm'] },
  catGithub: { opts: { auxMode: 'concat' }, aux: ['nergithub'] },
  augUgm: { opts: { auxMode: 'augment' }, aux: ['nerugm'] },
  augGithub: { opts: { auxMode: 'augment' }, aux: ['nergithub'] },
};

const score = (gold: ConllSentence[], pred: string[][]) =>
  Object.fromEntries(scoreChunks(gold.map((s) => s.tags), pred).map((r) => [r.type, 100 * r.f1]));

if (import.meta.url === `file://${process.argv[1]}`) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
  const args = process.argv.slice(2);
  const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const seeds = (opt('--seeds') ?? '13,1,2').split(',').map(Number);
  const folds = Number(opt('--folds') ?? 5);
  const names = args.filter((a, i) => !a.startsWith('--') && !['--folds', '--seeds', '--cv-seeds'].includes(args[i - 1] ?? ''));
  const dir = path.join(shared, 'eval/ner');
  const train = readConll(fs.readFileSync(path.join(dir, 'nergrit/train_preprocess.txt'), 'utf8'));
  const valid = readConll(fs.readFileSync(path.join(dir, 'nergrit/valid_preprocess.txt'), 'utf8'));
  const indolem: Record<string, ConllSentence[]> = Object.fromEntries(
    BOTH.map((n) => [n, readConll(fs.readFileSync(path.join(dir, 'indolem', `${n}.txt`), 'utf8'), indolemTag)]),
  );
  const f = (x: number | undefined) => (x ?? 0).toFixed(2);
  for (const name of names) {
    const v = VARIANTS[name]!;
    const aux = (leaveOut?: { set: string; k: number }): AuxCorpus[] =>
      v.aux.map((n) => ({ name: n, data: indolem[n]!.filter((_, i) => !(leaveOut?.set === n && i % folds === leaveOut.k)) }));
    const t0 = performance.now();
    const runs = seeds.map((seed) => {
      const m = trainPerceptron(train, { ...NER_TRAIN_DEFAULTS, ...v.opts, seed }, aux());
      return score(valid, valid.map((s) => tagTokens(s.tokens, m)));
    });
    const mean = (t: string) => runs.reduce((a, r) => a + (r[t] ?? 0), 0) / runs.length;
    if (args.includes('--cv')) {
      // 5-fold cross-validation on NERGrit train (seeds 13/1 as eval/ner-cv.ts, paired fold by fold with its rows)
      const cv = crossValidate(train, v.opts, 5, (opt('--cv-seeds') ?? '13,1').split(',').map(Number), aux()).perRun.map((r) => r.ALL ?? 0);
      console.log(`${name}\tcv ALL ${f(cv.reduce((a, b) => a + b, 0) / cv.length)}\truns ${cv.map(f).join(' ')}`);
      continue;
    }
    let line = `${name}\tvalid ALL ${f(mean('ALL'))} ORG ${f(mean('ORGANISATION'))} PER ${f(mean('PERSON'))} PLACE ${f(mean('PLACE'))}\truns ${runs.map((r) => f(r.ALL)).join(' ')}`;
    if (args.includes('--indolem')) {
      for (const set of BOTH) {
        const data = indolem[set]!;
        const pred: string[][] = new Array(data.length);
        if (!v.aux.includes(set) && !v.aux.length) {
          const m = trainPerceptron(train, { ...NER_TRAIN_DEFAULTS, ...v.opts, seed: 13 }, []);
          data.forEach((s, i) => (pred[i] = tagTokens(s.tokens, m)));
        } else {
          for (let k = 0; k < folds; k++) {
            const m = trainPerceptron(train, { ...NER_TRAIN_DEFAULTS, ...v.opts, seed: 13 }, aux({ set, k }));
            data.forEach((s, i) => i % folds === k && (pred[i] = tagTokens(s.tokens, m)));
          }
        }
        const r = score(data, pred);
        line += `\t${set} ALL ${f(r.ALL)} ORG ${f(r.ORGANISATION)} PER ${f(r.PERSON)} PLACE ${f(r.PLACE)}`;
      }
    }
    console.log(line + `\t(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
}
