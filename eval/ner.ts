// NER quality: entity-level P/R/F1 (exact span + type, as conlleval) per type and overall, on NERGrit valid
// (never trained on) and on the two IndoLEM sets (LOCATION→PLACE, ORGANIZATION→ORGANISATION, QUANTITY/TIME
// ignored). The shipped model is also trained on the IndoLEM sets (scripts/train-ner.ts; its meta.aux lists them):
// a set it was trained on is scored by folds (fold k = sentences i with i % 5 === k), each fold tagged by a model
// trained by the shipped recipe (same options and corpora) with that fold left out, so no sentence is tagged by a
// model that saw it. A set the shipped model did not train on gets the shipped model's row and, with folds > 1, a
// k-fold row where each fold is tagged by a model trained on NERGrit train plus the other folds. The
// rule/gazetteer-only tagger is the baseline row.
import fs from 'node:fs';
import path from 'node:path';
import { readConll, scoreChunks, type ConllSentence } from '../src/entities/conll.ts';
import { NER_MODEL_PATH, tagTokens } from '../src/entities/ner.ts';
import { ruleTag } from '../src/entities/rules.ts';
import { NER_AUX_SETS, indolemTag, trainPerceptron, type TrainOptions } from '../src/entities/train.ts';
import type { Perceptron, SerializedModel } from '../src/entities/perceptron.ts';

type Row = Record<string, string | number>;

function rows(set: string, method: string, gold: ConllSentence[], pred: string[][]): Row[] {
  return scoreChunks(
    gold.map((s) => s.tags),
    pred,
  ).map((r) => ({ set, method, type: r.type, P: 100 * r.p, R: 100 * r.r, F1: 100 * r.f1, gold: r.tp + r.fn }));
}

const tagAll = (data: ConllSentence[], m?: Perceptron) => data.map((s) => tagTokens(s.tokens, m));

export async function evalNer(sharedDir: string, opts: { folds?: number } = {}): Promise<Row[]> {
  const dir = path.join(sharedDir, 'eval/ner');
  const out: Row[] = [];
  const grit = path.join(dir, 'nergrit');
  let train: ConllSentence[] = [];
  if (fs.existsSync(grit)) {
    train = readConll(fs.readFileSync(path.join(grit, 'train_preprocess.txt'), 'utf8'));
    const valid = readConll(fs.readFileSync(path.join(grit, 'valid_preprocess.txt'), 'utf8'));
    out.push(...rows('nergrit valid', 'rules+gazetteer (baseline)', valid, valid.map((s) => ruleTag(s.tokens))));
    out.push(...rows('nergrit valid', 'perceptron (shipped)', valid, tagAll(valid)));
  }
  const folds = opts.folds ?? Number(process.env.KABAR_NER_FOLDS ?? 5);
  const meta = (JSON.parse(fs.readFileSync(NER_MODEL_PATH, 'utf8')) as SerializedModel).meta;
  const shippedAux = meta?.aux?.map((a) => a.name) ?? [];
  const sets = NER_AUX_SETS.filter((name) => fs.existsSync(path.join(dir, 'indolem', `${name}.txt`)));
  const indolem = new Map(sets.map((name) => [name, readConll(fs.readFileSync(path.join(dir, 'indolem', `${name}.txt`), 'utf8'), indolemTag)]));
  for (const name of sets) {
    const data = indolem.get(name)!;
    const set = `indolem ${name}`;
    out.push(...rows(set, 'rules+gazetteer (baseline)', data, data.map((s) => ruleTag(s.tokens))));
    if (shippedAux.includes(name)) {
      if (!train.length || shippedAux.some((a) => !indolem.has(a))) continue;
      // the shipped recipe with fold k of this set left out of training, for each k
      const k5 = folds > 1 ? folds : 5;
      const pred: string[][] = new Array(data.length);
      for (let k = 0; k < k5; k++) {
        const aux = shippedAux.map((a) => ({ name: a, data: a === name ? data.filter((_, i) => i % k5 !== k) : indolem.get(a)! }));
        const m = trainPerceptron(train, meta!.options as TrainOptions, aux);
        data.forEach((s, i) => {
          if (i % k5 === k) pred[i] = tagTokens(s.tokens, m);
        });
      }
      out.push(...rows(set, `perceptron, shipped recipe, ${k5}-fold (fold held out of training)`, data, pred));
      continue;
    }
    out.push(...rows(set, 'perceptron (shipped, not trained on this set)', data, tagAll(data)));
    if (folds > 1 && train.length) {
      // fold k = sentences i with i % folds === k; each fold tagged by a model that never saw it
      const pred: string[][] = new Array(data.length);
      for (let k = 0; k < folds; k++) {
        const rest = data.filter((_, i) => i % folds !== k);
        const m = trainPerceptron([...train, ...rest], { seed: 13 });
        data.forEach((s, i) => {
          if (i % folds === k) pred[i] = tagTokens(s.tokens, m);
        });
      }
      out.push(...rows(set, `perceptron ${folds}-fold (nergrit train + other folds)`, data, pred));
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { table } = await import('./table.ts');
  const { fileURLToPath } = await import('node:url');
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
  process.stdout.write(table(await evalNer(shared, { folds: Number(process.env.KABAR_NER_FOLDS ?? 0) })));
}
