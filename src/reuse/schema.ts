// Tables owned by the reuse-detection stage (created in store/migrations/002_stories.ts).

/** LSH index: one row per (band key, sentence) of every indexed sentence. */
export interface ReuseBandRow {
  /** Hash of one MinHash band of the sentence's shingle signature (53-bit safe integer). */
  key: number;
  article_id: string;
  /** Index into the article's `sentences` array. */
  sentence: number;
}

/** Reuse found between an earlier article `a` and a later article `b`. */
export interface ReuseLinkRow {
  a: string;
  b: string;
  /** Share of b's indexable sentences found in a, 0..1. */
  score: number;
  /** JSON array of {a: Span, b: Span}: the shared sentence pairs. */
  sentences: string;
  created_at: string;
}

export interface ReuseTables {
  reuse_bands: ReuseBandRow;
  /** SQLite only: rows not yet moved into reuse_bands (migration 012; mergeRecentBands in detect.ts). */
  reuse_bands_recent: ReuseBandRow;
  reuse_links: ReuseLinkRow;
}
