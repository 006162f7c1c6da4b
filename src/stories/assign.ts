// Incremental story clustering. A new article is compared only with articles retrieved through
// the inverted index (its most discriminative keys, inside a date window, each key's postings
// capped), scored by TF-IDF cosine over typed features with incrementally maintained document
// frequencies plus reuse evidence, and joins the best story above the threshold or opens its own.
// Nothing already stored is recomputed, so cost per article does not grow with the corpus.
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../store/schema.ts';
import type { ArticleDoc } from '../types.ts';
import type { ReuseLink } from '../reuse/detect.ts';
import { chunks } from '../util/common.ts';
import { bulkInsert, inValues } from '../store/bulk.ts';
import { log } from '../util/log.ts';
import { articleFeatures, defaultFeatures, kindOf, type FeatureExtractor } from './features.ts';
import { dayOf } from './text.ts';

export interface StoryOptions {
  features: FeatureExtractor[];
  /** Story score (cosine + reuse bonus) from which an article joins a story. */
  threshold: number;
  /** Candidates are articles published within this many days (undated ones are always candidates). */
  windowDays: number;
  /** Retrieval keys looked up per new article. */
  queryKeys: number;
  /** Keys an article is indexed under. */
  indexKeys: number;
  /** A key with more postings than this inside the window is too common to retrieve with. */
  postingCap: number;
  /** Candidate articles scored per new article (best retrieval overlap first). */
  maxCandidates: number;
  /** Keys kept in an article's stored vector. */
  vectorKeys: number;
  /** Reuse link score (share of sentences copied) is added times this to the similarity. */
  reuseWeight: number;
  /**
   * Similarity decays as exp(-days apart / decayDays): the same words a week later are more often a
   * new development than the same story (TDT-style time decay). 0 disables it.
   */
  decayDays: number;
  /**
   * Documents assumed in the corpus beyond those stored, where no key occurs: in a young store a
   * name shared by all of its few articles would otherwise weigh like a stop word.
   */
  priorDocs: number;
}

export const defaultStoryOptions: StoryOptions = {
  features: defaultFeatures,
  threshold: 0.22,
  windowDays: 14,
  queryKeys: 24,
  indexKeys: 40,
  postingCap: 100,
  maxCandidates: 20,
  vectorKeys: 120,
  reuseWeight: 0.5,
  decayDays: 7,
  priorDocs: 1000,
};

export function storyIdFor(articleId: string): string {
  return `s${articleId}`;
}

type Vector = Map<string, number>;

interface Weighted {
  weights: Vector;
  norm: number;
}

/** TF-IDF with sublinear tf; idf smoothed so a key in every document still weighs a little. */
function weigh(tf: Vector, df: Map<string, number>, docs: number, kindWeight: Map<string, number>): Weighted {
  const weights: Vector = new Map();
  let sq = 0;
  for (const [k, n] of tf) {
    const w = (kindWeight.get(kindOf(k)) ?? 1) * (1 + Math.log(n)) * Math.log((docs + 1) / ((df.get(k) ?? 0) + 0.5));
    if (w <= 0) continue;
    weights.set(k, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/** Cosine of the new article (current idf) with a stored unit vector. */
function dotStored(x: Weighted, stored: Record<string, number>): number {
  if (x.norm === 0) return 0;
  let dot = 0;
  for (const k in stored) {
    const w = x.weights.get(k);
    if (w !== undefined) dot += w * stored[k];
  }
  return dot / x.norm;
}

function byKey<T extends string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Word pairs are most of an article's keys and nearly all occur once in the corpus: counting them
 * would be most of the index's writes. Their document frequency is bounded by their rarer word's
 * instead (an upper bound, so a pair never weighs more than its rarer word alone would).
 */
function hasOwnDf(key: string): boolean {
  return !key.startsWith('p:');
}

function estimatePairDf(tf: Vector, df: Map<string, number>): void {
  for (const k of tf.keys()) {
    if (hasOwnDf(k)) continue;
    const sp = k.indexOf(' ', 2);
    if (sp < 0) continue;
    const a = df.get(`w:${k.slice(2, sp)}`) ?? 0;
    const b = df.get(`w:${k.slice(sp + 1)}`) ?? 0;
    df.set(k, Math.min(a, b));
  }
}

async function loadDf(trx: Kysely<Tables>, keys: Iterable<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const batch of chunks([...new Set(keys)], 500)) {
    const rows = await trx.selectFrom('story_df').select(['key', 'df']).where(inValues(trx, 'key', batch, 'text')).execute();
    for (const r of rows) out.set(r.key, Number(r.df));
  }
  return out;
}

async function docCount(trx: Kysely<Tables>): Promise<number> {
  const row = await trx.selectFrom('story_stats').select('value').where('name', '=', 'docs').executeTakeFirst();
  return row ? Number(row.value) : 0;
}

/** Keys ranked by how much they say about this article (weight), ties by key. */
function topKeys(w: Weighted, n: number, allowed: Set<string>, seen?: Map<string, number>): string[] {
  return [...w.weights.entries()]
    // When querying, a key no stored article has cannot retrieve anything.
    .filter(([k]) => allowed.has(kindOf(k)) && (!seen || (seen.get(k) ?? 0) > 0))
    .sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))
    .slice(0, n)
    .map(([k]) => k);
}

interface Posting {
  key: string;
  article_id: string;
  story_id: string;
}

/** Postings of each key inside the window (plus undated ones), at most `limit` per key. */
async function lookupPostings(trx: Kysely<Tables>, keys: string[], day: number | null, windowDays: number, limit: number): Promise<Posting[]> {
  const out: Posting[] = [];
  for (const batch of chunks(keys, 50)) {
    // One statement per batch: a UNION ALL of per-key lookups, each LIMITed inside its subquery, so a
    // common key costs `limit` rows, not its whole list. Dated and undated postings are separate
    // lookups so each is one range of the (key, day) index. Written as SQL text rather than through
    // the query builder: building 50–100 subqueries per article cost more than running them.
    const part = (key: string, range: 'window' | 'undated' | 'all') => {
      const where =
        range === 'window' && day !== null
          ? sql`key = ${key} AND day >= ${day - windowDays} AND day <= ${day + windowDays}`
          : range === 'undated'
            ? sql`key = ${key} AND day IS NULL`
            : sql`key = ${key}`;
      return sql`SELECT p.key, p.article_id, p.story_id FROM (SELECT key, article_id, story_id FROM story_postings WHERE ${where} LIMIT ${limit}) AS p`;
    };
    const parts = batch.flatMap((key) => (day === null ? [part(key, 'all')] : [part(key, 'window'), part(key, 'undated')]));
    const { rows } = await sql<Posting>`${sql.join(parts, sql` UNION ALL `)}`.execute(trx);
    out.push(...rows);
  }
  return out;
}

export interface Assignment {
  storyId: string;
  created: boolean;
}

/** Joins `doc` to an existing story or opens a new one; maintains the index, the stories row and articles.story_id. */
export async function assignStory(
  trx: Kysely<Tables>,
  doc: ArticleDoc,
  reuse: ReuseLink[],
  opts: StoryOptions = defaultStoryOptions,
): Promise<Assignment> {
  const kindWeight = new Map(opts.features.map((f) => [f.kind, f.weight]));
  const indexable = new Set(opts.features.filter((f) => f.index).map((f) => f.kind));
  const tf = articleFeatures(doc, opts.features);
  const docs = await docCount(trx);
  const df = await loadDf(trx, [...tf.keys()].filter(hasOwnDf));
  estimatePairDf(tf, df);
  const mine = weigh(tf, df, docs + opts.priorDocs, kindWeight);
  const day = dayOf(doc.published);

  // 1. Retrieval: candidate articles sharing discriminative keys, scored by the idf they share.
  const query = topKeys(mine, opts.queryKeys, indexable, df);
  const postings = await lookupPostings(trx, query, day, opts.windowDays, opts.postingCap + 1);
  const perKey = new Map<string, number>();
  for (const p of postings) perKey.set(p.key, (perKey.get(p.key) ?? 0) + 1);
  const overlap = new Map<string, number>();
  for (const p of postings) {
    if (p.article_id === doc.id || (perKey.get(p.key) ?? 0) > opts.postingCap) continue;
    overlap.set(p.article_id, (overlap.get(p.article_id) ?? 0) + (mine.weights.get(p.key) ?? 0));
  }
  const reuseScore = new Map<string, number>();
  for (const l of reuse) if (l.a !== doc.id) reuseScore.set(l.a, Math.max(reuseScore.get(l.a) ?? 0, l.score));
  const candidates = [...overlap.entries()]
    .sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))
    .slice(0, opts.maxCandidates)
    .map(([id]) => id);
  for (const id of [...reuseScore.keys()].sort(byKey)) if (!candidates.includes(id)) candidates.push(id);

  // 2. Scoring: cosine with each candidate's stored unit vector, decayed by days apart, plus reuse
  //    evidence; a story scores its best-matching member.
  const storyScore = new Map<string, number>();
  if (candidates.length > 0) {
    const rows: Array<{ article_id: string; story_id: string; day: number | null; vector: string }> = [];
    for (const batch of chunks(candidates, 500)) {
      rows.push(...(await trx.selectFrom('story_vectors').select(['article_id', 'story_id', 'day', 'vector']).where('article_id', 'in', batch).execute()));
    }
    for (const v of rows) {
      const theirs = JSON.parse(v.vector) as Record<string, number>;
      const apart = day === null || v.day === null ? 0 : Math.abs(day - v.day);
      const decay = opts.decayDays > 0 ? Math.exp(-apart / opts.decayDays) : 1;
      const s = dotStored(mine, theirs) * decay + opts.reuseWeight * (reuseScore.get(v.article_id) ?? 0);
      if (s > (storyScore.get(v.story_id) ?? -1)) storyScore.set(v.story_id, s);
    }
  }
  if (log.isLevelEnabled('debug')) log.debug({ article: doc.id, scores: Object.fromEntries(storyScore), threshold: opts.threshold }, 'story scores');
  let best: { id: string; score: number } | null = null;
  for (const [id, score] of [...storyScore.entries()].sort((a, b) => byKey(a[0], b[0]))) {
    if (score >= opts.threshold && (!best || score > best.score)) best = { id, score };
  }
  const storyId = best ? best.id : storyIdFor(doc.id);

  // 3. Index this article: document frequencies, postings, vector, story.
  await bumpDf(trx, [...tf.keys()].filter(hasOwnDf));
  await trx
    .insertInto('story_stats')
    .values({ name: 'docs', value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`story_stats.value + 1` }))
    .execute();
  const postRows = topKeys(mine, opts.indexKeys, indexable).map((key) => ({ key, day, article_id: doc.id, story_id: storyId }));
  await bulkInsert(
    trx,
    'story_postings',
    [['key', 'text'], ['day', 'integer'], ['article_id', 'text'], ['story_id', 'text']],
    postRows.map((r) => [r.key, r.day, r.article_id, r.story_id]),
    'ON CONFLICT (key, article_id) DO NOTHING',
  );
  // Stored unit-length weights (idf as of now; the norm is over all keys, so dropping the weakest
  // keys only drops their tiny share of any dot product). Frozen weights keep scoring a candidate
  // free of further lookups, whatever its length.
  const kept = [...mine.weights.entries()]
    .sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))
    .slice(0, opts.vectorKeys)
    .map(([k, w]) => [k, Math.round((w / mine.norm) * 1e6) / 1e6] as const)
    .sort((a, b) => byKey(a[0], b[0]));
  await trx
    .insertInto('story_vectors')
    .values({ article_id: doc.id, story_id: storyId, day, vector: JSON.stringify(Object.fromEntries(kept)) })
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ story_id: storyId, day, vector: JSON.stringify(Object.fromEntries(kept)) }))
    .execute();
  await trx.updateTable('articles').set({ story_id: storyId }).where('id', '=', doc.id).execute();
  await upsertStory(trx, storyId, doc, !best);
  return { storyId, created: !best };
}

async function bumpDf(trx: Kysely<Tables>, keys: string[]): Promise<void> {
  await bulkInsert(trx, 'story_df', [['key', 'text'], ['df', 'integer']], keys.sort(byKey).map((key) => [key, 1]), 'ON CONFLICT (key) DO UPDATE SET df = story_df.df + 1');
}

/** The stories row from its members: count and date range recomputed (indexed by story_id), title kept once set. */
async function upsertStory(trx: Kysely<Tables>, storyId: string, doc: ArticleDoc, created: boolean): Promise<void> {
  const now = new Date().toISOString();
  const agg = await trx
    .selectFrom('articles')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('published').as('first'), eb.fn.max('published').as('last')])
    .where('story_id', '=', storyId)
    .executeTakeFirstOrThrow();
  const values = {
    article_count: Number(agg.n),
    first_published: (agg.first as string | null) ?? null,
    last_published: (agg.last as string | null) ?? null,
    updated_at: now,
  };
  if (created) {
    await trx
      .insertInto('stories')
      .values({ id: storyId, title: doc.title, created_at: now, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  } else {
    await trx.updateTable('stories').set(values).where('id', '=', storyId).execute();
    // The first titled member names the story.
    if (doc.title) await trx.updateTable('stories').set({ title: doc.title }).where('id', '=', storyId).where('title', 'is', null).execute();
  }
}
