// Training the NER perceptron (used by scripts/train-ner.ts and the k-fold rows of eval/ner.ts).
import { buildDict, commonWordsOf, sentenceFeatures } from './features.ts';
import { Perceptron, tagIndex } from './perceptron.ts';
import type { ConllSentence } from './conll.ts';
import { rng } from '../util/common.ts';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  /** features seen fewer times than this in training are dropped (smaller model, less overfitting) */
  minCount?: number;
  /** independent runs (different example orders) whose averaged weights are averaged again: less variance */
  runs?: number;
  /** folds of the jackknifed training dictionary (0: no dictionary features) */
  dictFolds?: number;
  log?: (msg: string) => void;
}

/** The settings of the shipped model (scripts/train-ner.ts) and of the k-fold rows in eval/ner.ts. */
export const NER_TRAIN_DEFAULTS: TrainOptions = { epochs: 20, seed: 13, minCount: 2, runs: 1, dictFolds: 5 };

export function trainPerceptron(data: ConllSentence[], opts: TrainOptions = {}): Perceptron {
  opts = { ...NER_TRAIN_DEFAULTS, ...opts };
  const epochs = opts.epochs!;
  const minCount = opts.minCount!;
  const rand = rng(opts.seed!);
  const common = commonWordsOf(data.map((s) => s.tokens));
  const dictFolds = opts.dictFolds!;
  // each sentence's dictionary features come from the other folds: at tagging time the dictionary has not
  // seen the sentence either
  const foldDicts = dictFolds > 1 ? Array.from({ length: dictFolds }, (_, k) => buildDict(data.filter((_, i) => i % dictFolds !== k))) : [];
  const feats = data.map((s, i) => sentenceFeatures(s.tokens, common, foldDicts[i % dictFolds]));
  const counts = new Map<string, number>();
  for (const s of feats) for (const fs of s) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = feats.map((s) => s.map((fs) => fs.filter((f) => (counts.get(f) ?? 0) >= minCount)));
  const gold = data.map((s) => s.tags.map(tagIndex));
  const runs: Perceptron[] = [];
  for (let r = 0; r < opts.runs!; r++) {
    const model = new Perceptron();
    const order = data.map((_, i) => i);
    for (let e = 0; e < epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let wrong = 0;
      for (const i of order) if (model.update(kept[i]!, gold[i]!)) wrong++;
      opts.log?.(`run ${r + 1} epoch ${e + 1}: ${wrong}/${order.length} sentences wrong`);
    }
    model.average();
    runs.push(model);
  }
  const model = runs.length === 1 ? runs[0]! : Perceptron.mean(runs);
  model.common = common;
  if (dictFolds > 1) model.dict = buildDict(data);
  return model;
}
