// Structured averaged perceptron over BIO tags: per-token feature weights plus tag-transition weights,
// decoded exactly with Viterbi under the BIO constraint (I-X only after B-X or I-X).

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
  // for averaging: u accumulates c * delta (Daumé's trick); avg = w - u / c
  private u = new Map<string, Float64Array>();
  /** the weights of a loaded model as one array (fromJSON); dropped when training changes them */
  private flat: { index: Map<string, number>; weights: Float64Array } | undefined;
  private uTrans = new Float64Array((T + 1) * T);
  private c = 1;

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

  /** Emission scores, one Float64Array(T) per token. */
  scores(feats: string[][]): Float64Array[] {
    const flat = this.flat;
    if (flat) {
      const { index, weights } = flat;
      return feats.map((fs) => {
        const s = new Float64Array(T);
        for (const f of fs) {
          const o = index.get(f);
          if (o !== undefined) for (let t = 0; t < T; t++) s[t]! += weights[o + t]!;
        }
        return s;
      });
    }
    return feats.map((fs) => {
      const s = new Float64Array(T);
      for (const f of fs) {
        const a = this.w.get(f);
        if (a) for (let t = 0; t < T; t++) s[t]! += a[t]!;
      }
      return s;
    });
  }

  /** Best tag indices for one sentence. */
  decode(feats: string[][]): number[] {
    const n = feats.length;
    if (!n) return [];
    const em = this.scores(feats);
    const delta = new Float64Array(n * T);
    const back = new Int32Array(n * T);
    for (let t = 0; t < T; t++) delta[t] = allowed[T]![t] ? this.trans[T * T + t]! + em[0]![t]! : -Infinity;
    for (let i = 1; i < n; i++) {
      for (let t = 0; t < T; t++) {
        let best = -Infinity;
        let arg = 0;
        for (let p = 0; p < T; p++) {
          if (!allowed[p]![t]) continue;
          const v = delta[(i - 1) * T + p]! + this.trans[p * T + t]!;
          if (v > best) {
            best = v;
            arg = p;
          }
        }
        delta[i * T + t] = best + em[i]![t]!;
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

  private bump(f: string, t: number, d: number): void {
    this.flat = undefined;
    let a = this.w.get(f);
    if (!a) {
      this.w.set(f, (a = new Float64Array(T)));
      this.u.set(f, new Float64Array(T));
    }
    a[t]! += d;
    this.u.get(f)![t]! += this.c * d;
  }

  /** One training step; returns whether the prediction was wrong. */
  update(feats: string[][], gold: number[]): boolean {
    const pred = this.decode(feats);
    let wrong = false;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      const p = pred[i]!;
      const gp = i ? gold[i - 1]! : T;
      const pp = i ? pred[i - 1]! : T;
      if (g !== p) {
        wrong = true;
        for (const f of feats[i]!) {
          this.bump(f, g, 1);
          this.bump(f, p, -1);
        }
      }
      if (g !== p || gp !== pp) {
        this.trans[gp * T + g]! += 1;
        this.uTrans[gp * T + g]! += this.c;
        this.trans[pp * T + p]! -= 1;
        this.uTrans[pp * T + p]! -= this.c;
      }
    }
    this.c++;
    return wrong;
  }

  /** Replace weights by their averages (call once after training). */
  average(): void {
    for (const [f, a] of this.w) {
      const u = this.u.get(f)!;
      for (let t = 0; t < T; t++) a[t] = a[t]! - u[t]! / this.c;
    }
    for (let k = 0; k < this.trans.length; k++) this.trans[k] = this.trans[k]! - this.uTrans[k]! / this.c;
    this.u.clear();
  }
}

export function tagIndex(tag: string): number {
  const i = TAGS.indexOf(tag);
  return i < 0 ? 0 : i;
}

