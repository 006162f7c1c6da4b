// MinHash over word shingles of one sentence, banded for LSH lookup. Pure functions, no storage.

/** 32-bit FNV-1a over UTF-16 code units, finished with murmur3's fmix32 for avalanche. */
export function hash32(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Words of a sentence as compared for reuse: NFKC, lower case, punctuation and spacing dropped,
 * so case, punctuation and whitespace changes do not count as edits.
 */
export function reuseWords(sentence: string): string[] {
  return sentence.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Hashes of word k-grams (k = 2: one changed word breaks only two shingles). */
export function shingles(words: string[], k = 2): Set<number> {
  const out = new Set<number>();
  if (words.length < k) return out;
  for (let i = 0; i + k <= words.length; i++) out.add(hash32(words.slice(i, i + k).join(' ')));
  return out;
}

/** n MinHash values: the minimum of a seeded re-hash of every shingle, per seed. */
export function minhash(sh: Set<number>, n: number): Uint32Array {
  const sig = new Uint32Array(n).fill(0xffffffff);
  for (const x of sh) {
    for (let i = 0; i < n; i++) {
      const v = fmix32(x ^ SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

const SEEDS: number[] = Array.from({ length: 64 }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

/**
 * LSH band keys: `bands` groups of `rows` MinHash values, each hashed to one integer below 2^53
 * (exact as a JS number and as a SQL bigint). Two sentences share a key with probability
 * 1 - (1 - J^rows)^bands for Jaccard similarity J.
 */
export function bandKeys(sig: Uint32Array, bands: number, rows: number): number[] {
  if (bands * rows > sig.length) throw new Error(`signature of ${sig.length} values is too short for ${bands}x${rows} bands`);
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let hi = fmix32(b + 1);
    let lo = fmix32(0x2545f491 ^ (b + 1));
    for (let r = 0; r < rows; r++) {
      const v = sig[b * rows + r];
      hi = fmix32(hi ^ v);
      lo = fmix32(Math.imul(lo, 31) ^ v);
    }
    // 21 high bits + 32 low bits = 53 bits.
    keys.push((hi >>> 11) * 0x1_0000_0000 + lo);
  }
  return keys;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Share of the smaller set found in the larger one (a quoted sentence inside a longer one). */
export function containment(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / small.size;
}
