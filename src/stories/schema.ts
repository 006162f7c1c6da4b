// Tables owned by the story-clustering stage (created in store/migrations/002_stories.ts, changed in
// 008_story_redirects.ts and 011_story_postings_one_index.ts).

/** Document frequency of every feature key seen so far (incremental IDF). */
export interface StoryDfRow {
  key: string;
  df: number;
}

/** Counters of the clustering stage (`docs`: number of articles clustered). */
export interface StoryStatRow {
  name: string;
  value: number;
}

/**
 * Inverted index: discriminative feature key -> article, with its publication day. (Stores made before
 * migration 008 had the article's story here too; an article's story is read from story_vectors, which
 * re-clustering keeps current.)
 */
export interface StoryPostingRow {
  key: string;
  /** Days since 1970-01-01 of the article's publication; null when undated. */
  day: number | null;
  article_id: string;
}

/** The article's feature vector (raw term frequencies of its strongest keys), for scoring candidates. */
export interface StoryVectorRow {
  article_id: string;
  story_id: string;
  day: number | null;
  /**
   * The unit-length TF-IDF vector at indexing time, strongest keys only, as JSON [keys, weights] (keys
   * sorted); rows written before that format hold a JSON object {key: weight} (parseStoredVector reads both).
   */
  vector: string;
}

/**
 * A story id that no longer names a story: its articles were re-clustered into `story_id` (a merge).
 * Kept so that ids handed out earlier (links, exports, bookmarks) still resolve; always one step.
 */
export interface StoryRedirectRow {
  id: string;
  story_id: string;
  created_at: string;
}

export interface StoryTables {
  story_redirects: StoryRedirectRow;
  story_df: StoryDfRow;
  story_stats: StoryStatRow;
  story_postings: StoryPostingRow;
  /** SQLite only: postings not yet moved into story_postings (migration 012; mergeRecentPostings in assign.ts). */
  story_postings_recent: StoryPostingRow;
  story_vectors: StoryVectorRow;
}
