// NER quality: entity-level P/R/F1 (exact span + type, as conlleval) per type and overall, on NERGrit valid
// (model trained on NERGrit train only) and on the two IndoLEM sets (LOCATION→PLACE, ORGANIZATION→ORGANISATION,
// QUANTITY/TIME ignored): with the shipped NERGrit-only model, and in a 5-fold split where each fold is tagged by
// a model trained on NERGrit train plus the other four folds. The rule/gazetteer-only tagger is the baseline row.
import fs from 'node:fs';
import path from 'node:path';
import { readConll, scoreChunks, type ConllSentence } from '../src/entities/conll.ts';
import { tagTokens } from '../src/entities/ner.ts';
import { ruleTag } from '../src/entities/rules.ts';
import { trainPerceptron } from '../src/entities/train.ts';
import type { Perceptron } from '../src/entities/perceptron.ts';

type Row = Record<string, string | number>;

const indolemMap = (t: string): string => {
  const m = /^([BI])-(\w+)$/.exec(t);
  if (!m) return 'O';
  const type = ({ PERSON: 'PERSON', LOCATION: 'PLACE', ORGANIZATION: 'ORGANISATION' } as Record<string, string>)[m[2]!];
  return type ? `${m[1]}-${type}` : 'O';
};

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
    out.push(...rows('nergrit valid', 'perceptron (shipped, nergrit train)', valid, tagAll(valid)));
  }
  const folds = opts.folds ?? Number(process.env.KABAR_NER_FOLDS ?? 5);
  for (const name of ['nerugm', 'nergithub']) {
    const file = path.join(dir, 'indolem', `${name}.txt`);
    if (!fs.existsSync(file)) continue;
    const data = readConll(fs.readFileSync(file, 'utf8'), indolemMap);
    const set = `indolem ${name}`;
    out.push(...rows(set, 'rules+gazetteer (baseline)', data, data.map((s) => ruleTag(s.tokens))));
    out.push(...rows(set, 'perceptron (shipped, nergrit train)', data, tagAll(data)));
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
