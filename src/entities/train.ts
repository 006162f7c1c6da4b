// Training the NER perceptron (used by scripts/train-ner.ts and the k-fold rows of eval/ner.ts).
import { buildDict, commonWordsOf, sentenceFeatures } from './features.ts';
import { Perceptron, TAGS, allowed, tagIndex, viterbi } from './perceptron.ts';
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
  learner?: 'crf' | 'mix' | 'perceptron';
  /** learner 'mix': a CRF and a perceptron trained on the same features, their weights (each scaled to unit RMS)
   * mixed with this share for the perceptron (default 0.5) */
  mix?: number;
  /** CRF: L2 penalty (for the whole corpus, default 3) and initial learning rate (default 0.1) */
  l2?: number;
  eta?: number;
  /** with auxiliary corpora (trainPerceptron's `aux`): 'concat' (default) trains on them as on the main corpus;
   * 'augment' gives every feature a shared copy and a copy per corpus, and keeps shared + main */
  auxMode?: 'augment' | 'concat';
  /** step size of the updates on auxiliary sentences (default 1) */
  auxWeight?: number;
  /** the training-data dictionary also counts the auxiliary corpora */
  auxDict?: boolean;
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
// Issue #5, more training signal (eval/ner-aux.ts: NERGrit valid as means over seeds 13/1/2 with 20 epochs unless
// said, 5-fold CV on NERGrit train over seeds 13/1; IndoLEM sets by folds, each fold held out of training, seed 13):
// NERGrit only 75.53 / CV 73.33 (IndoLEM nerugm / nergithub 59.55 / 58.74, not trained on). With both IndoLEM sets
// as auxiliary corpora (trainPerceptron's `aux`): plain concatenation 75.60 / 73.58 (IndoLEM 77.21 / 85.86), its
// dictionary also counting IndoLEM 75.03; Daumé's feature augmentation (shared + per-corpus copies, tagging with
// shared + NERGrit) 76.05 / 73.84 (IndoLEM 70.96 / 74.01), with the IndoLEM dictionary 75.21, IndoLEM updates at
// half step 76.03, 3 averaged runs 76.03, 10 epochs 76.14 / 73.92. Exchange-algorithm word classes from the
// unlabelled token text (commit 6e5edef): 75.97 / 73.09 alone, 76.29 / 74.00 with augmentation; dropped (a342022).
// Shipped: augmentation with 10 epochs (the IndoLEM sets in NER_AUX_SETS; scripts/train-ner.ts).
// CRF over the same augmented features (eval/ner-aux.ts crfAug; the CRF merges the corpus copies as the perceptron
// does) and learner 'mix' (CRF + perceptron weights, each scaled to unit RMS, half and half: mixAug), against these
// defaults (aug): 5-fold CV seed 13 (paired, fold by fold) aug 74.03, crfAug 74.35 (+0.32), mixAug 74.33 (+0.30);
// seed 1 aug 73.82, mixAug 74.39 (+0.58), so over the 10 paired runs mixAug +0.44 (SD of a difference 0.40, 8 of 10
// positive); NERGrit valid (seeds 13/1/2) aug 76.14, crfAug 75.45, mixAug 76.47. Training CPU time about 2× (CRF)
// and 2.6× (mix) the perceptron's (CV, user CPU per fold). mixAug trained as the shipped model (4.9 MB, 87k features
// against 3.2 MB, 64k) broke three entity tests (a whole Vietnamese clause "Đội tuyển sẽ về đến sân bay Nội Bài"
// tagged as one place; "Ri" of "Ri Song Chol" split off as a place; an organisation after a media word lost in one mention): not
// shipped; its IndoLEM rows (eval/ner.ts) were not measured.
export const NER_TRAIN_DEFAULTS: TrainOptions = { learner: 'perceptron', epochs: 10, seed: 13, minCount: 2, runs: 1, dictFolds: 5, auxMode: 'augment' };

/** The IndoLEM NER sets (files indolem/<name>.txt under the shared eval/ner folder): the shipped model's auxiliary
 * corpora, and eval/ner.ts's IndoLEM rows. */
export const NER_AUX_SETS = ['nerugm', 'nergithub'];

/** IndoLEM NER tags (nerugm, nergithub) in the NERGrit tag set: LOCATION → PLACE, ORGANIZATION → ORGANISATION,
 * PERSON kept, QUANTITY / TIME → O. */
export function indolemTag(t: string): string {
  const m = /^([BI])-(\w+)$/.exec(t);
  if (!m) return 'O';
  const type = ({ PERSON: 'PERSON', LOCATION: 'PLACE', ORGANIZATION: 'ORGANISATION' } as Record<string, string>)[m[2]!];
  return type ? `${m[1]}-${type}` : 'O';
}

/**
 * The model file for a training text (CoNLL, as NERGrit's train_preprocess.txt) and auxiliary corpora (CoNLL texts
 * in the IndoLEM tag set, read with indolemTag): trained with NER_TRAIN_DEFAULTS (and `opts`), weights below 0.01
 * dropped, three decimals, features in sorted order, and a `meta` record of the training files' sha256, the options
 * and the gazetteer fingerprint. The same texts, options and code give the same bytes (scripts/train-ner.ts writes
 * them to data/ner-model.json; `--check` compares).
 */
export function nerModelFile(trainText: string, opts: TrainOptions = {}, auxTexts: Array<{ name: string; text: string }> = []): string {
  const { log, ...rest } = { ...NER_TRAIN_DEFAULTS, ...opts };
  const options = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
  const aux = auxTexts.map((a) => ({ name: a.name, data: readConll(a.text, indolemTag) }));
  const model = trainPerceptron(readConll(trainText), { ...options, log }, aux);
  const meta = {
    train: sha256Hex(trainText),
    ...(auxTexts.length ? { aux: auxTexts.map((a) => ({ name: a.name, sha256: sha256Hex(a.text) })) } : {}),
    options,
    gazetteer: gazetteerFingerprint(),
  };
  return JSON.stringify({ ...model.toJSON(0.01, 3), meta });
}

/** A second labelled corpus trained alongside the main one (its tags mapped to the main tag set). */
export interface AuxCorpus {
  name: string;
  data: ConllSentence[];
}

export function trainPerceptron(data: ConllSentence[], opts: TrainOptions = {}, aux: AuxCorpus[] = []): Perceptron {
  opts = { ...NER_TRAIN_DEFAULTS, ...opts };
  const epochs = opts.epochs!;
  const minCount = opts.minCount!;
  const rand = rng(opts.seed!);
  const all = aux.length ? [...data, ...aux.flatMap((a) => a.data)] : data;
  const domain = new Int32Array(all.length);
  {
    let k = data.length;
    aux.forEach((a, d) => a.data.forEach(() => (domain[k++] = d + 1)));
  }
  const common = commonWordsOf(all.map((s) => s.tokens));
  const dictFolds = opts.dictFolds!;
  // each sentence's dictionary features come from the other folds: at tagging time the dictionary has not
  // seen the sentence either. The dictionary reads the main corpus only unless auxDict (then all corpora).
  const dictData = opts.auxDict ? all : data;
  const foldDicts = dictFolds > 1 ? Array.from({ length: dictFolds }, (_, k) => buildDict(dictData.filter((_, i) => i % dictFolds !== k))) : [];
  const mainDict = dictFolds > 1 && !opts.auxDict && aux.length ? buildDict(data) : undefined;
  // features as integer ids (interned), in each token's feature order
  const ids = new Map<string, number>();
  const names: string[] = [];
  const intern = (f: string) => {
    let k = ids.get(f);
    if (k === undefined) {
      ids.set(f, (k = names.length));
      names.push(f);
    }
    return k;
  };
  // "frustratingly easy" domain adaptation (Daumé 2007): each feature also as a copy per corpus; the tagger keeps
  // the shared weights plus the main corpus's copy (merged below)
  const augment = opts.auxMode === 'augment' && aux.length > 0;
  const copies = augment ? [data, ...aux].map(() => new Map<number, number>()) : [];
  const domainNames = ['main', ...aux.map((a) => a.name)];
  const feats = all.map((s, i) => {
    const dict = dictFolds > 1 ? (i < data.length || opts.auxDict ? foldDicts[i % dictFolds] : mainDict) : undefined;
    return sentenceFeatures(s.tokens, common, dict).map((fs) => {
      const x = fs.map(intern);
      if (!augment) return x;
      const cm = copies[domain[i]!]!;
      const out = x.slice();
      for (const f of x) {
        let c = cm.get(f);
        if (c === undefined) cm.set(f, (c = intern('\u0001' + domainNames[domain[i]!] + '\u0001' + names[f])));
        out.push(c);
      }
      return out;
    });
  });
  const counts = new Int32Array(names.length);
  for (const s of feats) for (const fs of s) for (const f of fs) counts[f]!++;
  const kept = feats.map((s) => s.map((fs) => Int32Array.from(fs.filter((f) => counts[f]! >= minCount))));
  const gold = all.map((s) => s.tags.map(tagIndex));
  const rate = Float64Array.from(domain, (d) => (d ? (opts.auxWeight ?? 1) : 1));
  const runs: Perceptron[] = [];
  for (let r = 0; r < opts.runs!; r++) {
    const mainCopy = augment ? copies[0]! : undefined;
    const dropped = augment ? new Set(copies.slice(1).flatMap((m) => [...m.values()])) : undefined;
    let crf: { w: Float64Array; trans: Float64Array; seen: Uint8Array } | undefined;
    if (opts.learner === 'crf' || opts.learner === 'mix') {
      crf = trainCrf(kept, names, gold, opts, rand);
      if (opts.learner === 'crf') {
        runs.push(flatToPerceptron(crf.w, crf.trans, crf.seen, names, mainCopy, dropped));
        continue;
      }
    }
    const fp = new FlatPerceptron(names.length);
    const order = all.map((_, i) => i);
    for (let e = 0; e < epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let wrong = 0;
      for (const i of order) if (fp.update(kept[i]!, gold[i]!, rate[i]!)) wrong++;
      opts.log?.(`run ${r + 1} epoch ${e + 1}: ${wrong}/${order.length} sentences wrong`);
    }
    fp.average();
    if (crf) {
      // the CRF and the perceptron as one linear model: each weight vector scaled to unit RMS, then mixed
      const rms = (a: Float64Array, b: Float64Array) => Math.sqrt((a.reduce((x, v) => x + v * v, 0) + b.reduce((x, v) => x + v * v, 0)) / (a.length + b.length)) || 1;
      const share = opts.mix ?? 0.5;
      const kc = (1 - share) / rms(crf.w, crf.trans);
      const kp = share / rms(fp.w, fp.trans);
      const w = Float64Array.from(fp.w, (v, k) => kp * v + kc * crf!.w[k]!);
      const trans = Float64Array.from(fp.trans, (v, k) => kp * v + kc * crf!.trans[k]!);
      const active = Uint8Array.from(fp.bumped, (b, f) => b | crf!.seen[f]!);
      runs.push(flatToPerceptron(w, trans, active, names, mainCopy, dropped));
      continue;
    }
    runs.push(fp.toPerceptron(names, mainCopy, dropped));
  }
  const model = runs.length === 1 ? runs[0]! : Perceptron.mean(runs);
  model.common = common;
  if (dictFolds > 1) model.dict = buildDict(dictData);
  return model;
}

/** The structured averaged perceptron of perceptron.ts over integer feature ids and flat weight arrays (the same
 * arithmetic in the same order, so the same weights, but a few times faster to train). */
class FlatPerceptron {
  w: Float64Array;
  u: Float64Array;
  bumped: Uint8Array;
  trans = new Float64Array((NT + 1) * NT);
  uTrans = new Float64Array((NT + 1) * NT);
  c = 1;
  constructor(nFeats: number) {
    this.w = new Float64Array(nFeats * NT);
    this.u = new Float64Array(nFeats * NT);
    this.bumped = new Uint8Array(nFeats);
  }

  decode(feats: Int32Array[]): number[] {
    const n = feats.length;
    const w = this.w;
    const em = new Float64Array(n * NT);
    for (let i = 0; i < n; i++) {
      const o = i * NT;
      for (const f of feats[i]!) {
        if (!this.bumped[f]) continue;
        const b = f * NT;
        for (let t = 0; t < NT; t++) em[o + t]! += w[b + t]!;
      }
    }
    return viterbi(em, n, this.trans);
  }

  update(feats: Int32Array[], gold: number[], rate = 1): boolean {
    const pred = this.decode(feats);
    let wrong = false;
    const c = this.c;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      const p = pred[i]!;
      const gp = i ? gold[i - 1]! : NT;
      const pp = i ? pred[i - 1]! : NT;
      if (g !== p) {
        wrong = true;
        for (const f of feats[i]!) {
          this.bumped[f] = 1;
          this.w[f * NT + g]! += rate;
          this.u[f * NT + g]! += c * rate;
          this.w[f * NT + p]! -= rate;
          this.u[f * NT + p]! += c * -rate;
        }
      }
      if (g !== p || gp !== pp) {
        this.trans[gp * NT + g]! += rate;
        this.uTrans[gp * NT + g]! += c * rate;
        this.trans[pp * NT + p]! -= rate;
        this.uTrans[pp * NT + p]! -= c * rate;
      }
    }
    this.c++;
    return wrong;
  }

  average(): void {
    for (let k = 0; k < this.w.length; k++) this.w[k] = this.w[k]! - this.u[k]! / this.c;
    for (let k = 0; k < this.trans.length; k++) this.trans[k] = this.trans[k]! - this.uTrans[k]! / this.c;
  }

  /** As a Perceptron (features that were ever updated); with domain copies, the main corpus's copy is added to the
   * shared weights and the other corpora's copies are dropped. */
  toPerceptron(names: string[], mainCopy?: Map<number, number>, dropped?: Set<number>): Perceptron {
    return flatToPerceptron(this.w, this.trans, this.bumped, names, mainCopy, dropped);
  }
}

/** Flat weights (feature f's at [f * NT, (f + 1) * NT)) as a Perceptron, keeping the features marked `active`; with
 * domain copies, the main corpus's copy is added to the shared weights and the other corpora's copies are dropped. */
function flatToPerceptron(w: Float64Array, trans: Float64Array, active: Uint8Array, names: string[], mainCopy?: Map<number, number>, dropped?: Set<number>): Perceptron {
  const m = new Perceptron();
  const isCopy = new Set(mainCopy?.values() ?? []);
  for (let f = 0; f < names.length; f++) {
    if (isCopy.has(f) || dropped?.has(f)) continue;
    const c = mainCopy?.get(f);
    if (!active[f] && !(c !== undefined && active[c])) continue;
    const a = w.slice(f * NT, (f + 1) * NT);
    if (c !== undefined && active[c]) for (let t = 0; t < NT; t++) a[t]! += w[c * NT + t]!;
    m.w.set(names[f]!, a);
  }
  m.trans = Float64Array.from(trans);
  return m;
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
 * scale factor, so each step touches only the features of its sentence); returns the flat weights (as a Perceptron,
 * whose Viterbi decoding then gives the CRF's most probable tag sequence, by flatToPerceptron). */
function trainCrf(fid: Int32Array[][], names: string[], gold: number[][], opts: TrainOptions, rand: () => number): { w: Float64Array; trans: Float64Array; seen: Uint8Array } {
  const F = names.length;
  const w = new Float64Array(F * NT);
  const trans = new Float64Array((NT + 1) * NT);
  let scale = 1;
  const N = fid.length;
  const l2 = opts.l2 ?? 3;
  const eta0 = opts.eta ?? 0.1;
  const order = fid.map((_, i) => i);
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
  // features the data never reached (below minCount everywhere) have no weights: left out, as before
  const seen = new Uint8Array(F);
  for (const s of fid) for (const fs of s) for (const f of fs) seen[f] = 1;
  for (let k = 0; k < w.length; k++) w[k]! *= scale;
  return { w, trans, seen };
}
