// Tables owned by the story-clustering stage (created in store/migrations/002_stories.ts).

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

/** Inverted index: discriminative feature key -> article (and its story), with its publication day. */
export interface StoryPostingRow {
  key: string;
  /** Days since 1970-01-01 of the article's publication; null when undated. */
  day: number | null;
  article_id: string;
  story_id: string;
}

/** The article's feature vector (raw term frequencies of its strongest keys), for scoring candidates. */
export interface StoryVectorRow {
  article_id: string;
  story_id: string;
  day: number | null;
  /** JSON object {key: weight}: the unit-length TF-IDF vector at indexing time, strongest keys only. */
  vector: string;
}

export interface StoryTables {
  story_df: StoryDfRow;
  story_stats: StoryStatRow;
  story_postings: StoryPostingRow;
  story_vectors: StoryVectorRow;
}
