// Training the NER perceptron (used by scripts/train-ner.ts and the k-fold rows of eval/ner.ts).
import { buildDict, commonWordsOf, sentenceFeatures } from './features.ts';
import { Perceptron, TAGS, allowed, tagIndex } from './perceptron.ts';
import { readConll, type ConllSentence } from './conll.ts';
import { gazetteerFingerprint } from './gazetteer.ts';
import { rng } from '../util/common.ts';
import { sha256Hex } from '../text/normalise.ts';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  /** features seen fewer times than this in training are dropped (smaller model, less overfitting) */
  minCount?: number;
  /** independent runs (different example orders) whose averaged weights are averaged again: less variance */
  runs?: number;
  /** folds of the jackknifed training dictionary (0: no dictionary features) */
  dictFolds?: number;
  /** 'perceptron' (default): the structured averaged perceptron; 'crf': a linear-chain CRF trained by stochastic
   * gradient on the log-likelihood with an L2 penalty. Both use the same features, tag constraints, Viterbi
   * decoding and model file. */
  learner?: 'crf' | 'perceptron';
  /** CRF: L2 penalty (for the whole corpus, default 3) and initial learning rate (default 0.1) */
  l2?: number;
  eta?: number;
  log?: (msg: string) => void;
}

/** The settings of the shipped model (scripts/train-ner.ts) and of the k-fold rows in eval/ner.ts. */
// The perceptron stays the default: the CRF (learner 'crf', 15 epochs, l2 3, minCount 1, 10 dictionary folds) scores
// higher in 5-fold cross-validation on NERGrit train (entity F1 74.5 against 73.0) but about the same on NERGrit valid
// (76.7 against 76.4) and lower on the IndoLEM news sets (57.7 / 57.4 against 59.6 / 59.4): it drops single-word
// names ("kata Arie"), which news text is full of.
// Also measured on NERGrit valid as means over seeds 13/1/2 (single runs swing by about ±0.5 F1, and the bootstrap
// standard deviation of F1 on its 662 entities is 1.9), all within noise of these defaults' 76.0: BILOU tags 75.0,
// cost-augmented training 75.7, passive-aggressive steps 75.2 (one seed), 10 or 30 epochs 76.0 / 75.4 (one seed),
// minCount 1 / 3 75.8 / 76.0, 10 dictionary folds 76.1, a gazetteer mark for towns under GAZ_CITY_MIN_POP 76.1.
// Root-dictionary features (is the word / each neighbour an ordinary Indonesian word) gave 76.2 here and +1 F1 on
// both IndoLEM sets, but changed entity spans in the export tests (src/export/analysis.test.ts): not shipped.
// Cross-validated on NERGrit train only (eval/ner-cv.ts, 5 folds × seeds 13/1, paired against these defaults' 73.34;
// the paired SD of a difference is ~0.5, so its standard error over 10 runs ~0.16), none better: feature groups tried
// in commit 1128f23 and removed again — run gazetteer classes −0.07, wider window −0.20, coordinated-name marks
// −0.15, bracketed abbreviation after its expansion −0.43, runs bridged over "dan" −0.50 — and 3 averaged runs +0.15
// (seed 13 only).
// Most ORG errors are misses of one-word band / club / company names and abbreviations ("AKB48", "Feyenoord").
// The shipped data/ner-model.json is exactly what scripts/train-ner.ts makes (see its header; --check compares).
// When it was retrained on the current lists (b9c2b0a), the mention rules took over what the old weights had done by
// chance: untagged regions and territories ("West Bank"), places before "-based", demonyms before a title (mentions.ts).
// Cross-validated afterwards (eval/ner-cv.ts, 5 folds, seeds 13/1 unless said; these defaults 73.33, seed 2 alone
// 73.11): 30 / 40 / 15 / 10 epochs 73.02 / 72.72 / 73.28 / 73.24; affixes of the neighbouring words 72.98; the REG
// gazetteer (regions, territories) as a feature 73.45; root-dictionary features (is the word / each neighbour an
// ordinary Indonesian word) 73.56, seed 2 73.48; both 73.66, seed 2 73.92 (+0.49 over 15 runs), and with minCount 3
// 73.53. Both together, trained and measured once: NERGrit valid 75.48 (against 76.24), IndoLEM 61.00 / 60.30
// (against 59.55 / 58.74), and four entity tests broke (a Vietnamese PERSON chunk swallowing "nhắc lại Công ước ...",
// "Bộ Công Thương Lê Quang Thịnh" as one organisation, "Do | Van Tam" split, a demonym's role lost). Not kept: its
// code (a model field and a per-sentence feature group) was dropped with it.
export const NER_TRAIN_DEFAULTS: TrainOptions = { learner: 'perceptron', epochs: 20, seed: 13, minCount: 2, runs: 1, dictFolds: 5 };

/**
 * The model file for a training text (CoNLL, as NERGrit's train_preprocess.txt): trained with NER_TRAIN_DEFAULTS
 * (and `opts`), weights below 0.01 dropped, three decimals, features in sorted order, and a `meta` record of the
 * training file's sha256, the options and the gazetteer fingerprint. The same text, options and code give the same
 * bytes (scripts/train-ner.ts writes them to data/ner-model.json; `--check` compares).
 */
export function nerModelFile(trainText: string, opts: TrainOptions = {}): string {
  const { log, ...rest } = { ...NER_TRAIN_DEFAULTS, ...opts };
  const options = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
  const model = trainPerceptron(readConll(trainText), { ...options, log });
  const meta = { train: sha256Hex(trainText), options, gazetteer: gazetteerFingerprint() };
  return JSON.stringify({ ...model.toJSON(0.01, 3), meta });
}

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
    if (opts.learner === 'crf') {
      runs.push(trainCrf(kept, gold, opts, rand));
      continue;
    }
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

const NT = TAGS.length;

function logSumExp(a: Float64Array, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (a[i]! > m) m = a[i]!;
  if (m === -Infinity) return m;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(a[i]! - m);
  return m + Math.log(s);
}

/** Linear-chain CRF over the perceptron's features and tag constraints, trained by SGD (L2 through a global
 * scale factor, so each step touches only the features of its sentence); returns the weights as a Perceptron,
 * whose Viterbi decoding then gives the CRF's most probable tag sequence. */
function trainCrf(feats: string[][][], gold: number[][], opts: TrainOptions, rand: () => number): Perceptron {
  const ids = new Map<string, number>();
  const fid = feats.map((s) => s.map((fs) => Int32Array.from(fs, (f) => {
    let k = ids.get(f);
    if (k === undefined) ids.set(f, (k = ids.size));
    return k;
  })));
  const F = ids.size;
  const w = new Float64Array(F * NT);
  const trans = new Float64Array((NT + 1) * NT);
  let scale = 1;
  const N = feats.length;
  const l2 = opts.l2 ?? 3;
  const eta0 = opts.eta ?? 0.1;
  const order = feats.map((_, i) => i);
  let step = 0;
  const tmp = new Float64Array(NT + 1);
  for (let e = 0; e < opts.epochs!; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let ll = 0;
    for (const si of order) {
      const xs = fid[si]!;
      const ys = gold[si]!;
      const n = xs.length;
      if (!n) continue;
      const eta = eta0 / (1 + step / N);
      step++;
      const em = new Float64Array(n * NT);
      for (let i = 0; i < n; i++)
        for (const f of xs[i]!) for (let t = 0; t < NT; t++) em[i * NT + t]! += w[f * NT + t]! * scale;
      const alpha = new Float64Array(n * NT);
      const beta = new Float64Array(n * NT);
      for (let t = 0; t < NT; t++) alpha[t] = allowed[NT]![t] ? trans[NT * NT + t]! + em[t]! : -Infinity;
      for (let i = 1; i < n; i++)
        for (let t = 0; t < NT; t++) {
          for (let p = 0; p < NT; p++) tmp[p] = allowed[p]![t] ? alpha[(i - 1) * NT + p]! + trans[p * NT + t]! : -Infinity;
          alpha[i * NT + t] = logSumExp(tmp, NT) + em[i * NT + t]!;
        }
      for (let t = 0; t < NT; t++) beta[(n - 1) * NT + t] = 0;
      for (let i = n - 2; i >= 0; i--)
        for (let p = 0; p < NT; p++) {
          for (let t = 0; t < NT; t++) tmp[t] = allowed[p]![t] ? trans[p * NT + t]! + em[(i + 1) * NT + t]! + beta[(i + 1) * NT + t]! : -Infinity;
          beta[i * NT + p] = logSumExp(tmp, NT);
        }
      const logZ = logSumExp(alpha.subarray((n - 1) * NT), NT);
      let goldScore = trans[NT * NT + ys[0]!]!;
      for (let i = 0; i < n; i++) goldScore += em[i * NT + ys[i]!]! + (i ? trans[ys[i - 1]! * NT + ys[i]!]! : 0);
      ll += goldScore - logZ;
      // L2 shrink, then the gradient step (gold counts minus expected counts)
      scale *= 1 - (eta * l2) / N;
      const g = eta / scale;
      for (let i = 0; i < n; i++) {
        const x = xs[i]!;
        for (let t = 0; t < NT; t++) {
          const pr = Math.exp(alpha[i * NT + t]! + beta[i * NT + t]! - logZ);
          const d = (t === ys[i] ? 1 : 0) - pr;
          if (Math.abs(d) < 1e-7) continue;
          for (const f of x) w[f * NT + t]! += g * d;
        }
      }
      const dt = new Float64Array(trans.length);
      dt[NT * NT + ys[0]!]! += 1;
      for (let t = 0; t < NT; t++) dt[NT * NT + t]! -= Math.exp(alpha[t]! + beta[t]! - logZ);
      for (let i = 1; i < n; i++) {
        dt[ys[i - 1]! * NT + ys[i]!]! += 1;
        for (let p = 0; p < NT; p++) {
          const ap = alpha[(i - 1) * NT + p]!;
          if (ap === -Infinity) continue;
          for (let t = 0; t < NT; t++) {
            if (!allowed[p]![t]) continue;
            dt[p * NT + t]! -= Math.exp(ap + trans[p * NT + t]! + em[i * NT + t]! + beta[i * NT + t]! - logZ);
          }
        }
      }
      for (let k = 0; k < trans.length; k++) trans[k]! += eta * dt[k]!;
      if (scale < 1e-6) {
        for (let k = 0; k < w.length; k++) w[k]! *= scale;
        scale = 1;
      }
    }
    opts.log?.(`crf epoch ${e + 1}: log-likelihood ${ll.toFixed(1)}`);
  }
  const model = new Perceptron();
  for (const [f, k] of ids) model.w.set(f, Float64Array.from(w.subarray(k * NT, (k + 1) * NT), (x) => x * scale));
  model.trans = trans;
  return model;
}
