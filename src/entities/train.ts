// Training the NER perceptron (used by scripts/train-ner.ts and the k-fold rows of eval/ner.ts).
import { commonWordsOf, sentenceFeatures } from './features.ts';
import { Perceptron, tagIndex } from './perceptron.ts';
import type { ConllSentence } from './conll.ts';
import { rng } from '../util/common.ts';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  /** features seen fewer times than this in training are dropped (smaller model, less overfitting) */
  minCount?: number;
  log?: (msg: string) => void;
}

export function trainPerceptron(data: ConllSentence[], opts: TrainOptions = {}): Perceptron {
  const epochs = opts.epochs ?? 20;
  const minCount = opts.minCount ?? 1;
  const rand = rng(opts.seed ?? 13);
  const common = commonWordsOf(data.map((s) => s.tokens));
  const feats = data.map((s) => sentenceFeatures(s.tokens, common));
  const counts = new Map<string, number>();
  for (const s of feats) for (const fs of s) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = feats.map((s) => s.map((fs) => fs.filter((f) => (counts.get(f) ?? 0) >= minCount)));
  const gold = data.map((s) => s.tags.map(tagIndex));
  const model = new Perceptron();
  model.common = common;
  const order = data.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let wrong = 0;
    for (const i of order) if (model.update(kept[i]!, gold[i]!)) wrong++;
    opts.log?.(`epoch ${e + 1}: ${wrong}/${order.length} sentences wrong`);
  }
  model.average();
  return model;
}
