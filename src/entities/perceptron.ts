// The NER tagger's model over BIO tags: per-token feature weights plus tag-transition weights, decoded exactly with
// Viterbi under the BIO constraint (I-X only after B-X or I-X). Trained by src/entities/train.ts (an averaged
// structured perceptron, or a CRF), kept in data/ner-model.json.

import type { NerDict } from './features.ts';

export const NER_TYPES = ['PERSON', 'PLACE', 'ORGANISATION'] as const;
export const TAGS = ['O', ...NER_TYPES.flatMap((t) => ['B-' + t, 'I-' + t])];
const T = TAGS.length;

/** allowed[p][t]: may tag t follow tag p (p = T is the sentence start)? */
export const allowed: boolean[][] = Array.from({ length: T + 1 }, (_, p) =>
  TAGS.map((t) => !t.startsWith('I-') || (p < T && TAGS[p]!.slice(2) === t.slice(2))),
);

export interface SerializedModel {
  tags: string[];
  /** (T+1) x T transition weights, row T = start */
  trans: number[];
  /** feature → sparse [tagIndex, weight, tagIndex, weight, ...] */
  feats: Record<string, number[]>;
  /** common lower-case words of the training text (a feature input, see features.ts) */
  common?: string[];
  /** training-data dictionary (see features.ts NerDict): word → counts [O, PERSON, PLACE, ORGANISATION], span → same */
  dict?: { words: Record<string, number[]>; spans: Record<string, number[]>; maxSpan: number };
  /** how the model was made (scripts/train-ner.ts): sha256 of the training file and of the auxiliary corpora, the
   * training options, and the fingerprint of the gazetteer lists its features read (gazetteerFingerprint); not read
   * when tagging */
  meta?: { train: string; aux?: Array<{ name: string; sha256: string }>; options: Record<string, unknown>; gazetteer: string };
}

export class Perceptron {
  w = new Map<string, Float64Array>();
  trans = new Float64Array((T + 1) * T);
  common: Set<string> | undefined;
  dict: NerDict | undefined;
  /** the weights of a loaded model as one array (fromJSON) */
  private flat: { index: Map<string, number>; weights: Float64Array } | undefined;

  static fromJSON(m: SerializedModel): Perceptron {
    if (m.tags.join() !== TAGS.join()) throw new Error('NER model tag set differs from this code');
    const p = new Perceptron();
    p.trans = Float64Array.from(m.trans);
    if (m.common) p.common = new Set(m.common);
    if (m.dict) p.dict = { words: new Map(Object.entries(m.dict.words)), spans: new Map(Object.entries(m.dict.spans)), maxSpan: m.dict.maxSpan };
    // all weights in one array, looked up by row number (scores): less memory and better locality than an array
    // object per feature; the rows in `w` are views of it
    const entries = Object.entries(m.feats);
    const flat = new Float64Array(entries.length * T);
    const index = new Map<string, number>();
    entries.forEach(([f, sparse], i) => {
      for (let k = 0; k < sparse.length; k += 2) flat[i * T + sparse[k]!] = sparse[k + 1]!;
      index.set(f, i * T);
      p.w.set(f, flat.subarray(i * T, (i + 1) * T));
    });
    p.flat = { index, weights: flat };
    return p;
  }

  toJSON(minAbs = 0.001, digits = 3): SerializedModel {
    const feats: Record<string, number[]> = {};
    const q = 10 ** digits;
    // features in code-unit order (not insertion order): the file does not depend on the order of training updates
    for (const f of [...this.w.keys()].sort()) {
      const a = this.w.get(f)!;
      const sparse: number[] = [];
      for (let t = 0; t < T; t++) if (Math.abs(a[t]!) >= minAbs) sparse.push(t, Math.round(a[t]! * q) / q || 0);
      if (sparse.length) feats[f] = sparse;
    }
    const sorted = (m: Map<string, number[]>) => Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    return {
      tags: TAGS,
      trans: Array.from(this.trans, (x) => Math.round(x * q) / q || 0),
      feats,
      common: this.common ? [...this.common].sort() : undefined,
      dict: this.dict ? { words: sorted(this.dict.words), spans: sorted(this.dict.spans), maxSpan: this.dict.maxSpan } : undefined,
    };
  }

  /** The mean of several trained models' weights (an ensemble that tags as fast as one model). */
  static mean(models: Perceptron[]): Perceptron {
    const p = new Perceptron();
    const k = 1 / models.length;
    for (const m of models) {
      for (const [f, a] of m.w) {
        let b = p.w.get(f);
        if (!b) p.w.set(f, (b = new Float64Array(T)));
        for (let t = 0; t < T; t++) b[t]! += a[t]! * k;
      }
      for (let i = 0; i < p.trans.length; i++) p.trans[i]! += m.trans[i]! * k;
    }
    return p;
  }

  /** Emission scores of a sentence, token i's at [i * T, (i + 1) * T). */
  private emissions(feats: string[][]): Float64Array {
    const em = new Float64Array(feats.length * T);
    const flat = this.flat;
    feats.forEach((fs, i) => {
      const o = i * T;
      for (const f of fs) {
        if (flat) {
          const b = flat.index.get(f);
          if (b !== undefined) for (let t = 0; t < T; t++) em[o + t]! += flat.weights[b + t]!;
        } else {
          const a = this.w.get(f);
          if (a) for (let t = 0; t < T; t++) em[o + t]! += a[t]!;
        }
      }
    });
    return em;
  }

  /** Best tag indices for one sentence. */
  decode(feats: string[][]): number[] {
    return viterbi(this.emissions(feats), feats.length, this.trans);
  }
}

/** Best tag indices for a sentence of `n` tokens: emission scores `em` (token i's at [i * T, (i + 1) * T)) and
 * transition weights `trans` ((T + 1) x T, row T = start), under the BIO constraint. */
export function viterbi(em: Float64Array, n: number, trans: Float64Array): number[] {
  if (!n) return [];
  const delta = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) delta[t] = allowed[T]![t] ? trans[T * T + t]! + em[t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed[p]![t]) continue;
        const v = delta[(i - 1) * T + p]! + trans[p * T + t]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[i * T + t] = best + em[i * T + t]!;
      back[i * T + t] = arg;
    }
  }
  let bt = 0;
  for (let t = 1; t < T; t++) if (delta[(n - 1) * T + t]! > delta[(n - 1) * T + bt]!) bt = t;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = bt;
    bt = back[i * T + bt]!;
  }
  return out;
}

export function tagIndex(tag: string): number {
  const i = TAGS.indexOf(tag);
  return i < 0 ? 0 : i;
}

