// Sentence fingerprints for reuse detection: word shingles for verification, anchor keys for
// lookup. Pure functions, no storage.

/** 32-bit FNV-1a over UTF-16 code units, finished with murmur3's fmix32 for avalanche. */
export function hash32(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/**
 * hash32 of `words[from..to)` joined by single spaces, without making the joined string (a sentence's k-grams
 * are most of reuse detection's allocations): the same FNV-1a steps over the same code units.
 */
export function hashWords(words: readonly string[], from: number, to: number, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let w = from; w < to; w++) {
    if (w > from) {
      h ^= 32;
      h = Math.imul(h, 0x01000193);
    }
    const s = words[w]!;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
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
  for (let i = 0; i + k <= words.length; i++) out.add(hashWords(words, i, i + k));
  return out;
}

/**
 * Lookup keys of a sentence: `n` single-value MinHash sketches of its word k-grams (for each seed,
 * the smallest re-hashed k-gram, tagged with the seed index; integers below 2^53, exact as JS
 * numbers and SQL bigints). Two sentences share a given key with probability equal to the Jaccard
 * similarity of their k-gram sets, so a copy with one word changed in twenty keeps at least one of
 * five keys with probability ~0.998. A k-gram (not a single word or pair) is specific enough that a
 * key is rarely common to unrelated sentences. Five index rows per sentence; MinHash LSH with 10
 * bands of 2 rows wrote ten and, on the Vietnamese clusters dev set, found fewer matching pairs.
 */
export function sketchKeys(words: string[], n: number, k = 3): number[] {
  if (words.length === 0) return [];
  const grams: number[] = [];
  for (let i = 0; i + k <= words.length; i++) grams.push(hashWords(words, i, i + k));
  if (grams.length === 0) grams.push(hashWords(words, 0, words.length));
  const keys: number[] = [];
  for (let s = 0; s < n; s++) {
    const seed = SEEDS[s % SEEDS.length]! + Math.floor(s / SEEDS.length);
    let min = 0xffffffff;
    for (const g of grams) {
      const v = fmix32(g ^ seed);
      if (v < min) min = v;
    }
    keys.push(s * 0x1_0000_0000 + min);
  }
  return keys;
}

const SEEDS: number[] = Array.from({ length: 16 }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

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
