// Word classes learned from unlabelled token text by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann &
// Ney 1998): each word is put in one of C classes so that the class bigram model P(c(v) | c(u)) of the text is as
// likely as possible. Words are moved one at a time to the class that most raises the likelihood until no move
// helps (or `passes` runs out). Deterministic: the initial classes follow frequency rank, ties by the word.
// Used for the NER tagger's cluster features (scripts/ner-clusters.ts writes data/ner-clusters.tsv).

const g = (x: number) => (x > 0 ? x * Math.log(x) : 0);

/** Classes (0..C-1) of the words seen at least `minCount` times in `sentences` (lower-cased by the caller). */
export function exchangeClusters(sentences: string[][], C: number, opts: { minCount?: number; passes?: number; log?: (m: string) => void } = {}): Map<string, number> {
  const minCount = opts.minCount ?? 3;
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  // vocabulary: frequent words by count (then code-unit order); the rest are one word '<unk>'; '<s>' bounds sentences
  const vocab = [...freq].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const UNK = vocab.length;
  const BOS = vocab.length + 1;
  const V = vocab.length + 2;
  // word bigram counts (self-bigrams left out: moving a word then changes only its own rows and columns)
  const right: Array<Map<number, number>> = Array.from({ length: V }, () => new Map());
  for (const s of sentences) {
    const ids = [BOS, ...s.map((w) => id.get(w) ?? UNK), BOS];
    for (let i = 1; i < ids.length; i++) {
      const u = ids[i - 1]!;
      const v = ids[i]!;
      if (u !== v) right[u]!.set(v, (right[u]!.get(v) ?? 0) + 1);
    }
  }
  const left: Array<Map<number, number>> = Array.from({ length: V }, () => new Map());
  for (let u = 0; u < V; u++) for (const [v, n] of right[u]!) left[v]!.set(u, n);
  const R = right.map((m) => [...m.keys()].sort((a, b) => a - b)).map((ks, u) => ({ ws: Int32Array.from(ks), ns: Float64Array.from(ks, (k) => right[u]!.get(k)!) }));
  const L = left.map((m) => [...m.keys()].sort((a, b) => a - b)).map((ks, v) => ({ ws: Int32Array.from(ks), ns: Float64Array.from(ks, (k) => left[v]!.get(k)!) }));
  const cls = new Int32Array(V);
  for (let w = 0; w < V; w++) cls[w] = w % C;
  // class bigram counts M[c*C+d], class counts as left (NL) and right (NR) element
  const M = new Float64Array(C * C);
  const NL = new Float64Array(C);
  const NR = new Float64Array(C);
  for (let u = 0; u < V; u++) {
    const { ws, ns } = R[u]!;
    for (let k = 0; k < ws.length; k++) {
      M[cls[u]! * C + cls[ws[k]!]!]! += ns[k]!;
      NL[cls[u]!]! += ns[k]!;
      NR[cls[ws[k]!]!]! += ns[k]!;
    }
  }
  const rc = new Float64Array(C); // per class of the right neighbours: counts (of the word being moved)
  const lc = new Float64Array(C);
  const rList: number[] = [];
  const lList: number[] = [];
  const gain = new Float64Array(C);
  const passes = opts.passes ?? 20;
  for (let pass = 0; pass < passes; pass++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      if (w === BOS) continue;
      const a = cls[w]!;
      rList.length = 0;
      lList.length = 0;
      let Lw = 0;
      let Rw = 0;
      {
        const { ws, ns } = R[w]!;
        for (let k = 0; k < ws.length; k++) {
          const d = cls[ws[k]!]!;
          if (!rc[d]) rList.push(d);
          rc[d]! += ns[k]!;
          Lw += ns[k]!;
        }
      }
      {
        const { ws, ns } = L[w]!;
        for (let k = 0; k < ws.length; k++) {
          const c = cls[ws[k]!]!;
          if (!lc[c]) lList.push(c);
          lc[c]! += ns[k]!;
          Rw += ns[k]!;
        }
      }
      // take w out of its class
      for (const d of rList) M[a * C + d]! -= rc[d]!;
      for (const c of lList) M[c * C + a]! -= lc[c]!;
      NL[a]! -= Lw;
      NR[a]! -= Rw;
      // the gain of putting it into each class b
      for (let b = 0; b < C; b++) {
        let x = -(g(NL[b]! + Lw) - g(NL[b]!)) - (g(NR[b]! + Rw) - g(NR[b]!));
        for (const d of rList) {
          if (d === b) continue;
          const m = M[b * C + d]!;
          x += g(m + rc[d]!) - g(m);
        }
        for (const c of lList) {
          if (c === b) continue;
          const m = M[c * C + b]!;
          x += g(m + lc[c]!) - g(m);
        }
        const bb = M[b * C + b]!;
        x += g(bb + rc[b]! + lc[b]!) - g(bb);
        gain[b] = x;
      }
      // stay unless another class is clearly better
      let best = a;
      for (let b = 0; b < C; b++) if (gain[b]! > gain[best]! + 1e-7) best = b;
      for (const d of rList) M[best * C + d]! += rc[d]!;
      for (const c of lList) M[c * C + best]! += lc[c]!;
      NL[best]! += Lw;
      NR[best]! += Rw;
      if (best !== a) {
        cls[w] = best;
        moved++;
      }
      for (const d of rList) rc[d] = 0;
      for (const c of lList) lc[c] = 0;
    }
    opts.log?.(`C=${C} pass ${pass + 1}: ${moved} words moved`);
    if (!moved) break;
  }
  return new Map(vocab.map((w, i) => [w, cls[i]!]));
}
