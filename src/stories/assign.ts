// Incremental story clustering. A new article is compared only with articles retrieved through
// the inverted index (its most discriminative keys, inside a date window, each key's postings
// capped), scored by TF-IDF cosine over typed features with incrementally maintained document
// frequencies plus reuse evidence, and joins the best story above the threshold or opens its own.
// A candidate in another language is also scored on language-independent keys (linked entities,
// numbers, dates). Nothing already stored is recomputed, so cost per article does not grow with
// the corpus.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tables } from '../store/schema.ts';
import type { ArticleDoc } from '../types.ts';
import type { ReuseLink } from '../reuse/detect.ts';
import { chunks } from '../util/common.ts';
import { isSqlite } from '../store/migrations/engine.ts';
import { bulkInsert, inValues, type DirectSql } from '../store/bulk.ts';
import { log } from '../util/log.ts';
import { articleFeatures, defaultFeatures, entityFeature, kindOf, type FeatureExtractor } from './features.ts';
import { baseCode } from '../lang/index.ts';
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
   * Across languages the words cannot be compared, so a candidate in another language is also
   * scored on the language-independent keys alone (entities, numbers, dates), and that score
   * counts only when they share at least this many people/organisations/places (not countries)...
   */
  crossMinEntities: number;
  /** ...and were published at most this many days apart (undated articles are not held to it). */
  crossMaxDays: number;
  /** Entity keys among the retrieval and index keys, besides `queryKeys` / `indexKeys` others. */
  entityKeys: number;
  /**
   * Documents assumed in the corpus beyond those stored, where no key occurs: in a young store a
   * name shared by all of its few articles would otherwise weigh like a stop word.
   */
  priorDocs: number;
  /**
   * A story scores this share of its best member's score plus the rest of the score of the centroid
   * of its retrieved same-language members (1: best member only, single link).
   */
  memberWeight: number;
}

export const defaultStoryOptions: StoryOptions = {
  features: defaultFeatures,
  threshold: 0.23,
  windowDays: 14,
  queryKeys: 24,
  indexKeys: 40,
  postingCap: 100,
  maxCandidates: 20,
  vectorKeys: 120,
  reuseWeight: 0.5,
  decayDays: 7,
  crossMinEntities: 2,
  crossMaxDays: 3,
  entityKeys: 8,
  priorDocs: 1000,
  memberWeight: 0.3,
};

export function storyIdFor(articleId: string): string {
  return `s${articleId}`;
}

type Vector = Map<string, number>;

export interface Weighted {
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

/**
 * Cosine of the new article (current idf, `x` restricted to the same-language kinds) with a stored
 * vector, over the same kinds and the keys it kept: the stored vector is re-normalised over them, so
 * its cross-language-only keys (an article without them scores exactly as before) and the weak tail
 * dropped when it was stored take no share of its norm. A long article is compared by its strongest
 * keys as a short one is, rather than scoring lower for the words it was not compared on.
 */
function dotStored(x: Weighted, stored: StoredVector, crossOnly: Set<string>): number {
  if (x.norm === 0) return 0;
  let dot = 0;
  let same = 0;
  const { keys, vals, kinds } = stored;
  for (let i = 0; i < keys.length; i++) {
    if (crossOnly.size > 0 && crossOnly.has(kinds[i]!)) continue;
    const v = vals[i]!;
    same += v * v;
    const w = x.weights.get(keys[i]!);
    if (w !== undefined) dot += w * v;
  }
  return same > 0 ? dot / (x.norm * Math.sqrt(same)) : 0;
}

/**
 * A stored unit vector as parallel arrays, its keys' kinds computed once: a candidate is scored several
 * ways (same language, across languages, in its story's centroid), and walking a parsed JSON object's
 * keys with for-in, slicing each key's kind every time, was most of the scoring cost with many candidates.
 */
export interface StoredVector {
  keys: string[];
  vals: number[];
  kinds: string[];
}

export function storedVector(rec: Record<string, number>): StoredVector {
  const keys = Object.keys(rec);
  return { keys, vals: keys.map((k) => rec[k]!), kinds: keys.map(kindOf) };
}

/**
 * Cosine of `x` with the centroid of stored vectors, each re-normalised over its keys of the kinds
 * not in `crossOnly` (as `dotStored` does) before they are summed, so every member counts once: keys the
 * members share add up, a key of one member alone weighs 1/n of what it weighs in that member.
 */
export function centroidCosine(x: Weighted, members: StoredVector[], crossOnly: ReadonlySet<string>): number {
  if (x.norm === 0) return 0;
  const sum: Vector = new Map();
  for (const { keys, vals, kinds } of members) {
    let sq = 0;
    for (let i = 0; i < keys.length; i++) if (!crossOnly.has(kinds[i]!)) sq += vals[i]! * vals[i]!;
    if (sq <= 0) continue;
    const inv = 1 / Math.sqrt(sq);
    for (let i = 0; i < keys.length; i++) if (!crossOnly.has(kinds[i]!)) sum.set(keys[i]!, (sum.get(keys[i]!) ?? 0) + vals[i]! * inv);
  }
  let dot = 0;
  let sq = 0;
  for (const [k, w] of sum) {
    sq += w * w;
    const xw = x.weights.get(k);
    if (xw !== undefined) dot += w * xw;
  }
  return sq > 0 ? dot / (x.norm * Math.sqrt(sq)) : 0;
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

/**
 * Document frequencies and the article count as seen by the articles of one ingest transaction.
 * Their increments are kept here and written once, at the end of the transaction
 * (`flushStoryBatch`), merged per key: a common word is one upsert per batch, not one per article.
 * Values read from the store are cached for the rest of the transaction (nobody else writes
 * meanwhile: the transaction holds the write lock). Dropped with the transaction if it rolls back.
 */
export class StoryBatch {
  /** The store's direct statement runner, when its engine has one (see store/bulk.ts). */
  constructor(readonly direct?: DirectSql) {}
  /** Store values read in this transaction. */
  readonly stored = new Map<string, number>();
  /** Increments not yet written. */
  readonly pending = new Map<string, number>();
  storedDocs: number | null = null;
  pendingDocs = 0;
}

async function loadDf(trx: Kysely<Tables>, keys: Iterable<string>, batch: StoryBatch): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const missing = [...new Set(keys)].filter((k) => !batch.stored.has(k));
  for (const part of chunks(missing, 500)) {
    const rows = await trx.selectFrom('story_df').select(['key', 'df']).where(inValues(trx, 'key', part, 'text')).execute();
    for (const r of rows) batch.stored.set(r.key, Number(r.df));
  }
  for (const k of keys) out.set(k, (batch.stored.get(k) ?? 0) + (batch.pending.get(k) ?? 0));
  for (const k of missing) if (!batch.stored.has(k)) batch.stored.set(k, 0);
  return out;
}

async function docCount(trx: Kysely<Tables>, batch: StoryBatch): Promise<number> {
  if (batch.storedDocs === null) {
    const row = await trx.selectFrom('story_stats').select('value').where('name', '=', 'docs').executeTakeFirst();
    batch.storedDocs = row ? Number(row.value) : 0;
  }
  return batch.storedDocs + batch.pendingDocs;
}

/** Writes a batch's document-frequency and article-count increments (inside its transaction). */
export async function flushStoryBatch(trx: Kysely<Tables>, batch: StoryBatch): Promise<void> {
  if (batch.pending.size > 0) {
    const rows = [...batch.pending.entries()].sort((a, b) => byKey(a[0], b[0]));
    await bulkInsert(trx, 'story_df', [['key', 'text'], ['df', 'integer']], rows, 'ON CONFLICT (key) DO UPDATE SET df = story_df.df + excluded.df');
  }
  if (batch.pendingDocs > 0) {
    await trx
      .insertInto('story_stats')
      .values({ name: 'docs', value: batch.pendingDocs })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`story_stats.value + ${batch.pendingDocs}` }))
      .execute();
  }
  for (const [k, n] of batch.pending) batch.stored.set(k, (batch.stored.get(k) ?? 0) + n);
  batch.pending.clear();
  if (batch.storedDocs !== null) batch.storedDocs += batch.pendingDocs;
  batch.pendingDocs = 0;
}

/**
 * Keys ranked by how much they say about this article (weight), ties by key: the first n of the
 * kinds in `allowed`, then the first `extraN` of the kinds in `extra` (entity keys: an article in
 * another language shares only those, so they get their own places rather than competing with
 * the words that retrieve same-language articles).
 */
function topKeys(w: Weighted, n: number, allowed: Set<string>, extra: Set<string>, extraN: number, seen?: Map<string, number>): string[] {
  const ranked = [...w.weights.entries()]
    // When querying, a key no stored article has cannot retrieve anything.
    .filter(([k]) => !seen || (seen.get(k) ?? 0) > 0)
    .sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))
    .map(([k]) => k);
  const main = ranked.filter((k) => allowed.has(kindOf(k))).slice(0, n);
  const more = extraN > 0 ? ranked.filter((k) => extra.has(kindOf(k))).slice(0, extraN) : [];
  return [...main, ...more];
}

/** The part of a weighted vector made of language-independent keys, with its own norm. */
function restrict(x: Weighted, kinds: Set<string>): Weighted {
  const weights: Vector = new Map();
  let sq = 0;
  for (const [k, w] of x.weights) {
    if (!kinds.has(kindOf(k))) continue;
    weights.set(k, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/**
 * Cosine over language-independent keys only, with a stored vector (re-normalised over the same
 * kinds); 0 unless they share `minEntities` entity keys. A shared country or a date alone never
 * reaches it: unrelated events in one country stay apart.
 */
function crossLanguageScore(x: Weighted, stored: StoredVector, kinds: Set<string>, minEntities: number): number {
  if (x.norm === 0) return 0;
  let dot = 0;
  let sq = 0;
  let shared = 0;
  for (let i = 0; i < stored.keys.length; i++) {
    const kind = stored.kinds[i]!;
    if (!kinds.has(kind)) continue;
    const v = stored.vals[i]!;
    sq += v * v;
    const w = x.weights.get(stored.keys[i]!);
    if (w === undefined) continue;
    dot += w * v;
    if (kind === entityFeature.kind) shared++;
  }
  return shared >= minEntities && sq > 0 ? dot / (x.norm * Math.sqrt(sq)) : 0;
}

interface Posting {
  key: string;
  article_id: string;
}

/** Postings of each key inside the window (plus undated ones), at most `limit` per key. */
async function lookupPostings(trx: Kysely<Tables>, keys: string[], day: number | null, windowDays: number, limit: number, direct?: DirectSql): Promise<Posting[]> {
  const out: Posting[] = [];
  if (direct) {
    // One prepared range lookup per key (and range): the same rows as the statement below, without
    // building it. key and article_id only: both are in the (key, day) index, no table row is read.
    for (const key of keys) {
      if (day === null) {
        out.push(...direct.all<Posting>('SELECT key, article_id FROM story_postings WHERE key = ? LIMIT ?', [key, limit]));
      } else {
        out.push(...direct.all<Posting>('SELECT key, article_id FROM story_postings WHERE key = ? AND day >= ? AND day <= ? LIMIT ?', [key, day - windowDays, day + windowDays, limit]));
        out.push(...direct.all<Posting>('SELECT key, article_id FROM story_postings WHERE key = ? AND day IS NULL LIMIT ?', [key, limit]));
      }
    }
    return out;
  }
  if (isSqlite(trx)) {
    // SQLite without the prepared-statement path (a caller's own transaction): the same lookups as statements.
    for (const key of keys) {
      const q = trx.selectFrom('story_postings').select(['key', 'article_id']).where('key', '=', key).limit(limit);
      if (day === null) out.push(...(await q.execute()));
      else {
        out.push(...(await q.where('day', '>=', day - windowDays).where('day', '<=', day + windowDays).execute()));
        out.push(...(await q.where('day', 'is', null).execute()));
      }
    }
    return out;
  }
  // PostgreSQL: one statement for all keys, a LATERAL lookup per key LIMITed inside, so a common key costs
  // `limit` rows, not its whole list. Dated and undated postings are separate lookups so each is one range of
  // the (key, day) index. The plan's size does not grow with the number of keys (a UNION ALL of per-key
  // subqueries spent most of its server time planning: 3.6 of 15 ms of PostgreSQL CPU per article).
  // (The rows' order does not matter: they are summed per article and candidates sorted with a tie-break.)
  const lateral = (where: RawBuilder<unknown>) =>
    sql<Posting>`SELECT k.key, p.article_id FROM unnest(${keys}::text[]) AS k(key)
      CROSS JOIN LATERAL (SELECT article_id FROM story_postings WHERE key = k.key AND ${where} LIMIT ${limit}) AS p`;
  const { rows } = await (day === null
    ? lateral(sql`TRUE`)
    : sql<Posting>`${lateral(sql`day >= ${day - windowDays} AND day <= ${day + windowDays}`)} UNION ALL ${lateral(sql`day IS NULL`)}`
  ).execute(trx);
  out.push(...rows);
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
  batch?: StoryBatch,
  locks?: { lock(keys: Iterable<string>): Promise<void> },
): Promise<Assignment> {
  // Called alone, the article is its own batch: its increments are written before returning.
  const own = !batch;
  const b = batch ?? new StoryBatch();
  const { tf, df, mine, indexable, crossIndexable } = await weighArticle(trx, doc, opts, b);
  const day = dayOf(doc.published);

  // 1. Retrieval: candidate articles sharing discriminative keys, scored by the idf they share.
  const query = topKeys(mine, opts.queryKeys, indexable, crossIndexable, opts.entityKeys, df);
  // Keyed ingest (PostgreSQL workers): everything this article retrieves by or indexes under is locked
  // before the lookup, so an article another worker is storing meanwhile is either seen or waited for.
  await locks?.lock([...query, ...topKeys(mine, opts.indexKeys, indexable, crossIndexable, opts.entityKeys)].map((k) => `k:${k}`));
  const postings = await lookupPostings(trx, query, day, opts.windowDays, opts.postingCap + 1, b.direct);
  const perKey = new Map<string, number>();
  for (const p of postings) perKey.set(p.key, (perKey.get(p.key) ?? 0) + 1);
  // Same-language candidates by the weight of the word/name/number keys they share; candidates
  // through entity keys (other languages) separately, only with enough shared entities to count.
  const overlap = new Map<string, number>();
  const entityOverlap = new Map<string, { weight: number; keys: number }>();
  for (const p of postings) {
    if (p.article_id === doc.id || (perKey.get(p.key) ?? 0) > opts.postingCap) continue;
    const w = mine.weights.get(p.key) ?? 0;
    const kind = kindOf(p.key);
    if (crossIndexable.has(kind)) {
      const e = entityOverlap.get(p.article_id) ?? { weight: 0, keys: 0 };
      e.weight += w;
      if (kind === entityFeature.kind) e.keys++;
      entityOverlap.set(p.article_id, e);
    } else {
      overlap.set(p.article_id, (overlap.get(p.article_id) ?? 0) + w);
    }
  }
  const reuseScore = new Map<string, number>();
  for (const l of reuse) if (l.a !== doc.id) reuseScore.set(l.a, Math.max(reuseScore.get(l.a) ?? 0, l.score));
  const candidates = [...overlap.entries()]
    .sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))
    .slice(0, opts.maxCandidates)
    .map(([id]) => id);
  const byEntities = [...entityOverlap.entries()]
    .filter(([id, e]) => e.keys >= opts.crossMinEntities && !candidates.includes(id))
    .sort((a, b) => b[1].weight - a[1].weight || byKey(a[0], b[0]))
    .slice(0, opts.maxCandidates / 2);
  for (const [id] of byEntities) candidates.push(id);
  for (const id of [...reuseScore.keys()].sort(byKey)) if (!candidates.includes(id)) candidates.push(id);

  // 2. Scoring: cosine with each candidate's stored unit vector, decayed by days apart, plus reuse
  //    evidence; a story scores a blend of its best-matching member and its retrieved members' centroid.
  const storyScore = new Map<string, number>();
  if (candidates.length > 0) {
    const crossKinds = new Set(opts.features.filter((f) => f.crossLanguage).map((f) => f.kind));
    const mineCross = restrict(mine, crossKinds);
    // Keys that only speak across languages (linked entities: within one language the name feature
    // already carries the same names) stay out of the same-language cosine.
    const crossOnly = new Set(opts.features.filter((f) => f.sameLanguage === false).map((f) => f.kind));
    const mineSame = restrict(mine, new Set(opts.features.filter((f) => f.sameLanguage !== false).map((f) => f.kind)));
    const myLang = baseCode(doc.language);
    const rows: Array<{ article_id: string; story_id: string; day: number | null; vector: string; language: string | null }> = [];
    for (const batch of chunks(candidates, 500)) {
      rows.push(
        ...(await trx
          .selectFrom('story_vectors as v')
          .leftJoin('articles as a', 'a.id', 'v.article_id')
          .select(['v.article_id', 'v.story_id', 'v.day', 'v.vector', 'a.language'])
          .where('v.article_id', 'in', batch)
          .execute()),
      );
    }
    const parsed = rows.map((v) => storedVector(JSON.parse(v.vector) as Record<string, number>));
    rows.forEach((v, i) => {
      const theirs = parsed[i];
      const apart = day === null || v.day === null ? 0 : Math.abs(day - v.day);
      const decay = opts.decayDays > 0 ? Math.exp(-apart / opts.decayDays) : 1;
      let sim = dotStored(mineSame, theirs, crossOnly) * decay;
      // Across languages the days-apart limit stands in for the decay (so it is not applied twice).
      if (v.language && baseCode(v.language) !== myLang && apart <= opts.crossMaxDays) {
        sim = Math.max(sim, crossLanguageScore(mineCross, theirs, crossKinds, opts.crossMinEntities));
      }
      const s = sim + opts.reuseWeight * (reuseScore.get(v.article_id) ?? 0);
      if (s > (storyScore.get(v.story_id) ?? -1)) storyScore.set(v.story_id, s);
    });
    if (opts.memberWeight < 1) {
      // A story with several retrieved members is also compared with their centroid: the words its
      // members share weigh more than those of any one of them, so an article that matches what the
      // story is about joins it even when it matches no single member closely, and one that shares
      // a single member's side topic counts for less. Only members already retrieved and loaded take
      // part (no further lookups); a story retrieved through one member keeps that member's score.
      const groups = new Map<string, { members: StoredVector[]; near: number; reuse: number }>();
      rows.forEach((v, i) => {
        if (v.language && baseCode(v.language) !== myLang) return;
        const g = groups.get(v.story_id) ?? { members: [], near: Infinity, reuse: 0 };
        g.members.push(parsed[i]);
        g.near = Math.min(g.near, day === null || v.day === null ? 0 : Math.abs(day - v.day));
        g.reuse = Math.max(g.reuse, reuseScore.get(v.article_id) ?? 0);
        groups.set(v.story_id, g);
      });
      for (const [id, g] of groups) {
        if (g.members.length < 2) continue;
        const decay = opts.decayDays > 0 ? Math.exp(-g.near / opts.decayDays) : 1;
        const centroid = centroidCosine(mineSame, g.members, crossOnly) * decay + opts.reuseWeight * g.reuse;
        const member = storyScore.get(id) ?? 0;
        storyScore.set(id, opts.memberWeight * member + (1 - opts.memberWeight) * centroid);
      }
    }
  }
  if (log.isLevelEnabled('debug')) log.debug({ article: doc.id, scores: Object.fromEntries(storyScore), threshold: opts.threshold }, 'story scores');
  let best: { id: string; score: number } | null = null;
  for (const [id, score] of [...storyScore.entries()].sort((a, b) => byKey(a[0], b[0]))) {
    if (score >= opts.threshold && (!best || score > best.score)) best = { id, score };
  }
  const storyId = best ? best.id : storyIdFor(doc.id);
  // The story joined is locked too: its row (count, dates) is recomputed from its members below.
  if (best) await locks?.lock([`s:${storyId}`]);

  // 3. Index this article: document frequencies, postings, vector, story.
  for (const k of tf.keys()) if (hasOwnDf(k)) b.pending.set(k, (b.pending.get(k) ?? 0) + 1);
  b.pendingDocs++;
  if (own) await flushStoryBatch(trx, b);
  const postRows = topKeys(mine, opts.indexKeys, indexable, crossIndexable, opts.entityKeys).map((key) => ({ key, day, article_id: doc.id, story_id: storyId }));
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

/** The article's story features weighed with the store's current document frequencies (cached in `b`). */
async function weighArticle(trx: Kysely<Tables>, doc: ArticleDoc, opts: StoryOptions, b: StoryBatch) {
  const kindWeight = new Map(opts.features.map((f) => [f.kind, f.weight]));
  // Retrieval keys of the same-language similarity, and those that only speak across languages.
  const indexable = new Set(opts.features.filter((f) => f.index && f.sameLanguage !== false).map((f) => f.kind));
  const crossIndexable = new Set(opts.features.filter((f) => f.index && f.sameLanguage === false).map((f) => f.kind));
  const tf = articleFeatures(doc, opts.features);
  const docs = await docCount(trx, b);
  const df = await loadDf(trx, [...tf.keys()].filter(hasOwnDf), b);
  estimatePairDf(tf, df);
  const mine = weigh(tf, df, docs + opts.priorDocs, kindWeight);
  return { tf, df, mine, indexable, crossIndexable };
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
