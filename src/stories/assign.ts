// Incremental story clustering. A new article is compared only with articles retrieved through
// the inverted index (its most discriminative keys, inside a date window, each key's postings
// capped), scored by TF-IDF cosine over typed features with incrementally maintained document
// frequencies plus reuse evidence, and joins the best story above the threshold or opens its own.
// A candidate in another language is also scored on language-independent keys (linked entities,
// numbers, dates). Nothing already stored is recomputed, so cost per article does not grow with
// the corpus.
import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import type { ArticleRow, Tables } from '../store/schema.ts';
import type { ArticleDoc } from '../types.ts';
import type { ReuseLink } from '../reuse/detect.ts';
import { chunks } from '../util/common.ts';
import { isSqlite } from '../store/migrations/engine.ts';
import { bulkInsert, keyLookup, moveRecentRows, type DirectSql } from '../store/bulk.ts';
import { log } from '../util/log.ts';
import { articleFeatures, defaultFeatures, entityFeature, kindOf, type FeatureExtractor } from './features.ts';
import { baseCode } from '../lang/index.ts';
import { dayOf } from './text.ts';
import { clusterByLanguage, pairScore, pairScoreStored, relabel, type Member, type PairVector, type Relabelled } from './recluster.ts';
import { sha256Hex } from '../text/normalise.ts';

export interface StoryOptions {
  features: FeatureExtractor[];
  /**
   * Similarity of two articles (cosine + reuse bonus) from which they may be in one story: complete link,
   * every two members of a story's recent members are at least this similar.
   */
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
   * The stories re-clustered with a new article: at most this many (those with its most similar members)...
   */
  maxStories: number;
  /** ...each with at most this many of its most recent members (its older members stay where they are). */
  openMembers: number;
}

export const defaultStoryOptions: StoryOptions = {
  features: defaultFeatures,
  threshold: 0.12,
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
  maxStories: 5,
  openMembers: 10,
};

export function storyIdFor(articleId: string): string {
  return `s${articleId}`;
}

type Vector = Map<string, number>;

export interface Weighted {
  weights: Vector;
  norm: number;
  /** Its keys strongest first, ties by key (see `rankedKeys`). */
  ranked?: string[];
}

/**
 * Keys ranked by how much they say about this article (weight), ties by key: the order retrieval, indexing and the
 * stored vector take them in, sorted once per article.
 */
function rankedKeys(w: Weighted): string[] {
  return (w.ranked ??= [...w.weights.entries()].sort((a, b) => b[1] - a[1] || byKey(a[0], b[0])).map(([k]) => k));
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
 * A stored unit vector as parallel arrays, its keys' kinds computed once: a candidate is scored several
 * ways (same language, across languages, in the re-clustering), and walking a parsed JSON object's keys
 * with for-in, slicing each key's kind every time, was most of the scoring cost with many candidates.
 */
export interface StoredVector {
  keys: string[];
  vals: number[];
  kinds: string[];
}

/**
 * A story_vectors.vector value: JSON [keys, weights] (two arrays: parsing a JSON object of 120 distinct
 * keys cost about three times as much, for every candidate of every article), or, as stores written
 * before it hold, a JSON object {key: weight}.
 */
export function parseStoredVector(text: string): StoredVector {
  const j = JSON.parse(text) as [string[], number[]] | Record<string, number>;
  if (Array.isArray(j)) return storedVectorOf(j[0], j[1]);
  const keys = Object.keys(j);
  return storedVectorOf(keys, keys.map((k) => j[k]!));
}

function storedVectorOf(keys: string[], vals: number[]): StoredVector {
  return { keys, vals, kinds: keys.map(kindOf) };
}

function byKey<T extends string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Word pairs are most of an article's keys and nearly all occur once in the corpus: counting them
 * would be most of the index's writes. Their document frequency is bounded by their rarer word's
 * instead (an upper bound, so a pair never weighs more than its rarer word alone would).
 */
export function hasOwnDf(key: string): boolean {
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

async function loadDf(trx: Kysely<Tables>, keys: Iterable<string>, batch: StoryBatch, withDocs = false): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  // SQLite: what this connection last read or wrote of each key's df, while no other connection has written since
  const known = dfMemo(batch);
  const missing = [...new Set(keys)].filter((k) => {
    if (batch.stored.has(k)) return false;
    const df = known?.get(k);
    if (df === undefined) return true;
    batch.stored.set(k, df);
    return false;
  });
  if (withDocs) {
    // PostgreSQL only: the article count as a row with a NULL key (no df key is NULL), read with the first part.
    const part = missing.slice(0, 500);
    missing.splice(0, part.length);
    const { rows } = await sql<{ key: string | null; df: number }>`${keyLookup(trx, 'story_df', 'key', 'text', part, ['df'])}
      UNION ALL SELECT NULL, value FROM story_stats WHERE name = 'docs'`.execute(trx);
    batch.storedDocs = 0;
    for (const r of rows) {
      if (r.key === null) batch.storedDocs = Number(r.df);
      else batch.stored.set(r.key, Number(r.df));
    }
    for (const k of part) if (!batch.stored.has(k)) batch.stored.set(k, 0);
  }
  for (const part of chunks(missing, 500)) {
    const rows = batch.direct
      ? batch.direct.all<{ key: string; df: number }>('SELECT key, df FROM story_df WHERE key IN (SELECT value FROM json_each(?))', [JSON.stringify(part)])
      : (await keyLookup(trx, 'story_df', 'key', 'text', part, ['df']).$castTo<{ key: string; df: number }>().execute(trx)).rows;
    for (const r of rows) batch.stored.set(r.key, Number(r.df));
  }
  for (const k of keys) out.set(k, (batch.stored.get(k) ?? 0) + (batch.pending.get(k) ?? 0));
  for (const k of missing) {
    if (!batch.stored.has(k)) batch.stored.set(k, 0);
    known?.set(k, batch.stored.get(k)!);
  }
  return out;
}

/** SQLite: document frequencies kept with the connection (DirectSql.sharedMemo), weighed as about 96 bytes a key. */
function dfMemo(batch: StoryBatch) {
  return batch.direct?.sharedMemo<number>('stories:df', () => 96);
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
    await bulkInsert(trx, 'story_df', [['key', 'text'], ['df', 'integer']], rows, 'ON CONFLICT (key) DO UPDATE SET df = story_df.df + excluded.df', batch.direct);
  }
  if (batch.pendingDocs > 0) {
    await trx
      .insertInto('story_stats')
      .values({ name: 'docs', value: batch.pendingDocs })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`story_stats.value + ${batch.pendingDocs}` }))
      .execute();
  }
  // the df rows as written (uncommitted yet: a rollback empties the memo)
  const known = dfMemo(batch);
  for (const [k, n] of batch.pending) {
    const df = (batch.stored.get(k) ?? 0) + n;
    batch.stored.set(k, df);
    known?.set(k, df);
  }
  batch.pending.clear();
  if (batch.storedDocs !== null) batch.storedDocs += batch.pendingDocs;
  batch.pendingDocs = 0;
}

/**
 * The first n keys (by `rankedKeys`) of the kinds in `allowed`, then the first `extraN` of the kinds in
 * `extra` (entity keys: an article in another language shares only those, so they get their own places
 * rather than competing with the words that retrieve same-language articles).
 */
function topKeys(w: Weighted, n: number, allowed: Set<string>, extra: Set<string>, extraN: number, seen?: Map<string, number>): string[] {
  const main: string[] = [];
  const more: string[] = [];
  for (const k of rankedKeys(w)) {
    if (main.length >= n && more.length >= extraN) break;
    // When querying, a key no stored article has cannot retrieve anything.
    if (seen && !((seen.get(k) ?? 0) > 0)) continue;
    const kind = kindOf(k);
    if (main.length < n && allowed.has(kind)) main.push(k);
    if (more.length < extraN && extra.has(kind)) more.push(k);
  }
  return [...main, ...more];
}

/** A key's postings: the articles indexed under it (at most the lookup's limit). */
interface KeyPostings {
  key: string;
  articles: string[];
}

// SQLite's postings lookups over both tables (story_postings, then the recent rows not yet moved into it), article
// ids only (a row object per posting cost more than the index seek). Undated postings (articles without a date)
// match any window: their lookups (two more seeks per key) run only while the store has any (POSTINGS_UNDATED).
// One statement for all of an article's keys: each key's rows (one compound SELECT with its own LIMIT, as a
// statement per key ran it) as a JSON array. A statement per key cost more in calls than in the index: 24 keys
// at 20k articles stored, 245 us as 24 statements, 94 us as one.
const bothTables = (...wheres: string[]) =>
  `SELECT w.value, (SELECT json_group_array(article_id) FROM (${['story_postings', 'story_postings_recent']
    .flatMap((t) => wheres.map((w) => `SELECT article_id FROM ${t} WHERE key = w.value AND ${w}`))
    .join(' UNION ALL ')} LIMIT @limit)) FROM json_each(@keys) AS w`;
const ANY_DAY = bothTables('true');
const IN_WINDOW = bothTables('day >= @lo AND day <= @hi');
const IN_WINDOW_OR_UNDATED = bothTables('day >= @lo AND day <= @hi', 'day IS NULL');
/** Whether any posting is undated: one step into the partial indexes of migration 013. */
const POSTINGS_UNDATED = 'SELECT EXISTS (SELECT 1 FROM story_postings WHERE day IS NULL) OR EXISTS (SELECT 1 FROM story_postings_recent WHERE day IS NULL)';

/** Rows story_postings_recent holds before mergeRecentPostings moves them (about 1,000 articles' worth). */
export const RECENT_POSTINGS_MAX = 40_000;

/** SQLite: moves the recent postings into story_postings once there are `max` (moveRecentRows). */
export function mergeRecentPostings(direct: DirectSql, max = RECENT_POSTINGS_MAX): number {
  return moveRecentRows(direct, 'story_postings_recent', 'story_postings', ['key', 'day', 'article_id'], 'key, day, article_id', max);
}

/**
 * Postings of each key inside the window (plus undated ones), at most `limit` per key and range. A key with more
 * than `limit - 1` is too common to retrieve with, which is all the caller learns from its rows past that.
 */
export async function lookupPostings(trx: Kysely<Tables>, keys: string[], day: number | null, windowDays: number, limit: number, direct?: DirectSql): Promise<KeyPostings[]> {
  if (direct) {
    // SQLite: one prepared lookup for all keys (the same rows as PostgreSQL's statement below for every key the caller
    // keeps). A key's dated and undated postings as one compound SELECT with one LIMIT: it returns `limit` rows
    // exactly when the two ranges together hold that many (a key the caller drops either way). article_id only:
    // it is in the (key, day) index, no table row is read. Both tables (migration 012), one key's rows together.
    const keysJson = JSON.stringify(keys);
    const rows =
      day === null
        ? direct.arrays<[string, string]>(ANY_DAY, [{ keys: keysJson, limit }])
        : direct.arrays<[string, string]>(direct.column<number>(POSTINGS_UNDATED, [])[0] ? IN_WINDOW_OR_UNDATED : IN_WINDOW, [
            { keys: keysJson, limit, lo: day - windowDays, hi: day + windowDays },
          ]);
    // in the order of `keys` (the callers sum weights per article in key order)
    const found = new Map<string, string[]>();
    for (const [key, ids] of rows) found.set(key, JSON.parse(ids) as string[]);
    return keys.map((key) => ({ key, articles: found.get(key) ?? [] }));
  }
  // PostgreSQL: one statement for all keys, a LATERAL lookup per key LIMITed inside, so a common key costs
  // `limit` rows, not its whole list. Dated and undated postings are separate lookups so each is one range of
  // the (key, day) index. The plan's size does not grow with the number of keys (a UNION ALL of per-key
  // subqueries spent most of its server time planning: 3.6 of 15 ms of PostgreSQL CPU per article).
  // (The rows' order does not matter: they are summed per article and candidates sorted with a tie-break.)
  const lateral = (where: RawBuilder<unknown>) =>
    sql<{ key: string; article_id: string }>`SELECT k.key, p.article_id FROM unnest(${keys}::text[]) AS k(key)
      CROSS JOIN LATERAL (SELECT article_id FROM story_postings WHERE key = k.key AND ${where} LIMIT ${limit}) AS p`;
  const { rows } = await (day === null
    ? lateral(sql`TRUE`)
    : sql<{ key: string; article_id: string }>`${lateral(sql`day >= ${day - windowDays} AND day <= ${day + windowDays}`)} UNION ALL ${lateral(sql`day IS NULL`)}`
  ).execute(trx);
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const ids = byKey.get(r.key);
    if (ids) ids.push(r.article_id);
    else byKey.set(r.key, [r.article_id]);
  }
  return [...byKey].map(([key, articles]) => ({ key, articles }));
}

export interface Assignment {
  storyId: string;
  created: boolean;
  /** Stored articles that changed story (re-homed by the re-clustering). */
  moved: number;
  /** Stories that lost all their members to others (their ids now redirect). */
  merged: string[];
}

/** Joins `doc` to an existing story or opens a new one; maintains the index, the stories row and articles.story_id. */
export async function assignStory(
  trx: Kysely<Tables>,
  doc: ArticleDoc,
  reuse: ReuseLink[],
  opts: StoryOptions = defaultStoryOptions,
  batch?: StoryBatch,
  locks?: { lock(keys: Iterable<string>): Promise<void> },
  /** The article's row when it is not stored yet: inserted here with its story (no reads before need it). */
  row?: Insertable<ArticleRow>,
): Promise<Assignment> {
  // Called alone, the article is its own batch: its increments are written before returning.
  const own = !batch;
  const b = batch ?? new StoryBatch();
  // SQLite: always through the connection's prepared statements (ingestDocs' batch carries them)
  if (!b.direct && isSqlite(trx)) throw new Error("assignStory on SQLite needs the store's direct statements: pass a StoryBatch(directSql(store.sqlite))");
  const { tf, df, mine, indexable, crossIndexable } = await weighArticle(trx, doc, opts, b);
  const day = dayOf(doc.published);

  // 1. Retrieval: candidate articles sharing discriminative keys, scored by the idf they share.
  const query = topKeys(mine, opts.queryKeys, indexable, crossIndexable, opts.entityKeys, df);
  // Keyed ingest (PostgreSQL workers): everything this article retrieves by or indexes under is locked
  // before the lookup, so an article another worker is storing meanwhile is either seen or waited for.
  await locks?.lock([...query, ...topKeys(mine, opts.indexKeys, indexable, crossIndexable, opts.entityKeys)].map((k) => `k:${k}`));
  const postings = await lookupPostings(trx, query, day, opts.windowDays, opts.postingCap + 1, b.direct);
  // Same-language candidates by the weight of the word/name/number keys they share; candidates
  // through entity keys (other languages) separately, only with enough shared entities to count.
  const overlap = new Map<string, number>();
  const entityOverlap = new Map<string, { weight: number; keys: number }>();
  for (const { key, articles } of postings) {
    if (articles.length > opts.postingCap) continue;
    const w = mine.weights.get(key) ?? 0;
    const kind = kindOf(key);
    const cross = crossIndexable.has(kind);
    for (const id of articles) {
      if (id === doc.id) continue;
      if (cross) {
        const e = entityOverlap.get(id) ?? { weight: 0, keys: 0 };
        e.weight += w;
        if (kind === entityFeature.kind) e.keys++;
        entityOverlap.set(id, e);
      } else {
        overlap.set(id, (overlap.get(id) ?? 0) + w);
      }
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

  // 2. Scoring: the similarity of the new article with each candidate (cosine of their keys decayed by
  //    days apart, across languages their language-independent keys, plus reuse evidence).
  const kinds = featureKinds(opts);
  const me = pairVectorOf(doc.id, baseCode(doc.language), day, mine, kinds);
  const pairKinds = { same: kinds.same, cross: kinds.cross, entity: entityFeature.kind };
  const loaded = new Map<string, StoredMember>();
  for (const part of chunks(candidates, 500)) {
    const rows = b.direct ? directMembers(b.direct, 'WHERE v.article_id IN (SELECT value FROM json_each(@ids))', { ids: JSON.stringify(part) }, part) : (await loadMembers(trx, (q) => q.where('v.article_id', 'in', part))).map(storedMember);
    for (const m of rows) loaded.set(m.id, m);
  }
  const bestOf = new Map<string, number>();
  for (const m of loaded.values()) {
    const s = pairScoreStored(me, m.arrays, m.lang, m.day, reuseScore.get(m.id) ?? 0, opts, pairKinds);
    if (s > (bestOf.get(m.story) ?? -Infinity)) bestOf.set(m.story, s);
  }
  if (log.isLevelEnabled('debug')) log.debug({ article: doc.id, scores: Object.fromEntries(bestOf), threshold: opts.threshold }, 'story scores');

  // 3. Neighbourhood: the stories the article could join (a member at least `threshold` similar), their
  //    most recent members (at most `openMembers` each; older ones stay where they are).
  const near = [...bestOf.entries()]
    .filter(([, s]) => s >= opts.threshold)
    .sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))
    .slice(0, opts.maxStories)
    .map(([id]) => id)
    .sort(byKey);
  // The stories re-clustered are locked before their members are read: their rows and members change.
  await locks?.lock(near.map((s) => `s:${s}`));
  const members: StoredMember[] = [];
  const anchored = new Set<string>();
  for (const story of near) {
    const rows = b.direct
      ? // the candidates loaded above are most of a near story's members: their vector text is not read again
        directMembers(b.direct, 'WHERE v.story_id = @story ORDER BY v.day DESC NULLS LAST, v.article_id DESC LIMIT @limit', { story, limit: opts.openMembers + 1 }, [...loaded.keys()])
      : (await loadMembers(trx, (q) =>
          q
            .where('v.story_id', '=', story)
            .orderBy('v.day', (ob) => ob.desc().nullsLast())
            .orderBy('v.article_id', 'desc')
            .limit(opts.openMembers + 1),
        )).map(storedMember);
    if (rows.length > opts.openMembers) anchored.add(story);
    for (const r of rows.slice(0, opts.openMembers)) members.push(loaded.get(r.id) ?? r);
  }

  // 4. Complete link over the article and those members; groups mapped back onto the stories.
  const plan = await recluster(trx, me, members.map((m) => ({ id: m.id, story: m.story, vec: vecOf(m, kinds) })), anchored, reuseScore, opts, b.direct);
  const storyId = plan.storyOf.get(doc.id)!;
  const created = !near.includes(storyId);
  await locks?.lock([...plan.opened, ...plan.emptied.values()].map((s) => `s:${s}`));

  // 5. Index this article: document frequencies, postings, vector, story.
  for (const k of tf.keys()) if (hasOwnDf(k)) b.pending.set(k, (b.pending.get(k) ?? 0) + 1);
  b.pendingDocs++;
  if (own) await flushStoryBatch(trx, b);
  const { postingKeys, vector, stored } = indexEntries(mine, opts);
  // SQLite (the direct runner): into the small story_postings_recent first (migration 012; mergeRecentPostings)
  const postingTable = b.direct ? 'story_postings_recent' : 'story_postings';
  await bulkInsert(trx, postingTable, [['key', 'text'], ['day', 'integer'], ['article_id', 'text']], postingKeys.map((key) => [key, day, doc.id]), 'ON CONFLICT DO NOTHING', b.direct);
  if (b.direct) {
    b.direct.run(
      'INSERT INTO story_vectors (article_id, story_id, day, vector) VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, day = excluded.day, vector = excluded.vector',
      [doc.id, storyId, day, vector],
    );
    // the vector as a later article's candidate will want it (the memo holds what this transaction wrote: a rollback empties it)
    vectorMemo(b.direct).set(doc.id, { size: vector.length, arrays: stored });
    b.direct.run('UPDATE articles SET story_id = ? WHERE id = ?', [storyId, doc.id]);
    languageMemo(b.direct).set(doc.id, doc.language);
  } else {
    await trx
      .insertInto('story_vectors')
      .values({ article_id: doc.id, story_id: storyId, day, vector })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ story_id: storyId, day, vector }))
      .execute();
    if (row) await trx.insertInto('articles').values({ ...row, story_id: storyId }).execute();
    else await trx.updateTable('articles').set({ story_id: storyId }).where('id', '=', doc.id).execute();
  }
  await applyPlan(trx, plan, members, doc.id, b.direct);
  if (created) await refreshStory(trx, storyId, 'open', undefined, b.direct);
  else await refreshStory(trx, storyId, plan.touched.includes(storyId) && lostMembers(plan, members, storyId) ? 'retitle' : 'keep', doc.title, b.direct);
  return { storyId, created, moved: members.filter((m) => plan.storyOf.get(m.id) !== m.story).length, merged: [...plan.emptied.keys()] };
}

interface Kinds {
  /** Kinds of the same-language similarity. */
  same: ReadonlySet<string>;
  /** Language-independent kinds. */
  cross: ReadonlySet<string>;
}

const kindsOfFeatures = new WeakMap<StoryOptions['features'], Kinds>();

/** The kinds each part of the similarity reads, the same sets for the same features (stored vectors keep their part by set). */
function featureKinds(opts: StoryOptions): Kinds {
  let kinds = kindsOfFeatures.get(opts.features);
  if (!kinds) {
    kinds = {
      same: new Set(opts.features.filter((f) => f.sameLanguage !== false).map((f) => f.kind)),
      cross: new Set(opts.features.filter((f) => f.crossLanguage).map((f) => f.kind)),
    };
    kindsOfFeatures.set(opts.features, kinds);
  }
  return kinds;
}

function unitOver(keys: string[], vals: number[], keyKinds: string[], allowed: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  let sq = 0;
  for (let i = 0; i < keys.length; i++) {
    if (!allowed.has(keyKinds[i]!)) continue;
    out.set(keys[i]!, vals[i]!);
    sq += vals[i]! * vals[i]!;
  }
  if (sq > 0) {
    const inv = 1 / Math.sqrt(sq);
    for (const [k, v] of out) out.set(k, v * inv);
  }
  return out;
}

function pairVectorFrom(id: string, lang: string | null, day: number | null, keys: string[], vals: number[], keyKinds: string[], kinds: Kinds): PairVector {
  const entities = new Set<string>();
  for (let i = 0; i < keys.length; i++) if (keyKinds[i] === entityFeature.kind) entities.add(keys[i]!);
  return { id, lang, day, same: unitOver(keys, vals, keyKinds, kinds.same), cross: unitOver(keys, vals, keyKinds, kinds.cross), entities };
}

/** The new article's vector: all its weighted keys (a stored one keeps its strongest `vectorKeys`). */
function pairVectorOf(id: string, lang: string | null, day: number | null, w: Weighted, kinds: Kinds): PairVector {
  const keys = [...w.weights.keys()];
  return pairVectorFrom(id, lang, day, keys, keys.map((k) => w.weights.get(k)!), keys.map(kindOf), kinds);
}

interface MemberRow {
  id: string;
  story: string;
  day: number | null;
  vector: string;
  language: string | null;
}

interface StoredMember {
  id: string;
  story: string;
  day: number | null;
  lang: string | null;
  arrays: StoredVector;
  /** Built when it enters the re-clustering. */
  vec?: PairVector;
}

function storedMember(r: MemberRow): StoredMember {
  return { id: r.id, story: r.story, day: r.day, lang: r.language ? baseCode(r.language) : null, arrays: parseStoredVector(r.vector) };
}

/**
 * An article's stored vector parsed, kept with the store's connection (direct runner): recent articles are
 * candidates and members for many later ones, and parsing their vectors again each time was a sixth of the
 * clustering's CPU time. A vector is written once, with its article (assignStory, which puts it here too: the new
 * article is a candidate of the next ones), and never changes once committed; a rollback empties the memo. So the
 * vector's text is read only for articles the memo lacks (a row's vector text cost about as much to read as the
 * rest of the row, and comparing it with the kept one as much again).
 */
function vectorMemo(direct: DirectSql) {
  // Weighed as about three times its JSON's length: the keys' strings and the arrays.
  return direct.memo<{ size: number; arrays: StoredVector }>('stories:vectors', (e) => e.size * 3);
}

function vecOf(m: StoredMember, kinds: Kinds): PairVector {
  return (m.vec ??= pairVectorFrom(m.id, m.lang, m.day, m.arrays.keys, m.arrays.vals, m.arrays.kinds, kinds));
}

/**
 * SQLite: the members `where` selects (its parameters named), with their vectors. Those of `ids` (articles the
 * caller expects among them) that the connection's memo (vectorMemo) holds are taken from it, and their vector
 * text is not even read; the others' are parsed and memoised. Without memberQuery's join to articles, which was
 * half the lookup's cost: an article's language never changes once stored, so it is kept with the connection
 * (languageMemo) and read from articles only for the members the memo lacks.
 */
function directMembers(direct: DirectSql, where: string, params: Record<string, unknown>, ids: string[] = []): StoredMember[] {
  const vectors = vectorMemo(direct);
  // what the memo holds of the ids asked for, taken now (entries set below may push these out)
  const have = new Map<string, StoredVector>();
  for (const id of ids) {
    const hit = vectors.get(id);
    if (hit) have.set(id, hit.arrays);
  }
  const rows = direct.arrays<[string, string, number | null, string | null]>(
    `SELECT v.article_id, v.story_id, v.day, CASE WHEN v.article_id IN (SELECT value FROM json_each(@known)) THEN NULL ELSE v.vector END FROM story_vectors AS v ${where}`,
    [{ ...params, known: JSON.stringify([...have.keys()]) }],
  );
  const arrays = new Map<string, StoredVector>();
  for (const [id, , , text] of rows) {
    if (text === null) {
      arrays.set(id, have.get(id)!);
      continue;
    }
    const hit = vectors.get(id);
    if (hit) arrays.set(id, hit.arrays);
    else {
      const parsed = parseStoredVector(text);
      vectors.set(id, { size: text.length, arrays: parsed });
      arrays.set(id, parsed);
    }
  }
  const memo = languageMemo(direct);
  const langs = new Map<string, string | null>();
  for (const [id] of rows) {
    const lang = memo.get(id);
    if (lang !== undefined) langs.set(id, lang);
  }
  const missing = rows.filter(([id]) => !langs.has(id)).map(([id]) => id);
  if (missing.length) {
    for (const r of direct.all<{ id: string; language: string }>('SELECT id, language FROM articles WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(missing)])) {
      memo.set(r.id, r.language);
      langs.set(r.id, r.language);
    }
  }
  return rows.map(([id, story, day]) => {
    const language = langs.get(id) ?? null;
    return { id, story, day, lang: language ? baseCode(language) : null, arrays: arrays.get(id)! };
  });
}

/** Articles' languages by id (weighed as about 64 bytes an entry). */
function languageMemo(direct: DirectSql) {
  return direct.memo<string>('stories:languages', () => 64);
}

type MemberQuery = ReturnType<typeof memberQuery>;

function memberQuery(trx: Kysely<Tables>) {
  return trx
    .selectFrom('story_vectors as v')
    .leftJoin('articles as a', 'a.id', 'v.article_id')
    .select(['v.article_id as id', 'v.story_id as story', 'v.day', 'v.vector', 'a.language']);
}

async function loadMembers(trx: Kysely<Tables>, where: (q: MemberQuery) => MemberQuery): Promise<MemberRow[]> {
  return (await where(memberQuery(trx)).execute()) as MemberRow[];
}

interface Plan extends Relabelled {}

/**
 * Complete link over the new article and the neighbourhood's members (their similarities from their
 * stored vectors, reuse links among them from the store), mapped back onto story ids.
 */
async function recluster(
  trx: Kysely<Tables>,
  me: PairVector,
  members: Array<{ id: string; story: string; vec: PairVector }>,
  anchored: Set<string>,
  reuseWithMe: Map<string, number>,
  opts: StoryOptions,
  direct?: DirectSql,
): Promise<Plan> {
  const items: Member[] = [{ id: me.id, story: null }, ...members.map((m) => ({ id: m.id, story: m.story }))];
  const vecs = [me, ...members.map((m) => m.vec)];
  const n = items.length;
  // Reuse links among the members (both ends in the neighbourhood), either direction.
  const reuse = new Map<string, number>();
  if (members.length > 1) {
    const ids = members.map((m) => m.id);
    const rows = direct
      ? direct.all<{ a: string; b: string; score: number }>('SELECT a, b, score FROM reuse_links WHERE b IN (SELECT value FROM json_each(?)) AND a IN (SELECT value FROM json_each(?))', [JSON.stringify(ids), JSON.stringify(ids)])
      : await trx.selectFrom('reuse_links').select(['a', 'b', 'score']).where('b', 'in', ids).where('a', 'in', ids).execute();
    for (const r of rows) {
      const k = r.a < r.b ? `${r.a} ${r.b}` : `${r.b} ${r.a}`;
      reuse.set(k, Math.max(reuse.get(k) ?? 0, Number(r.score)));
    }
  }
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    sim[i * n + i] = Infinity;
    for (let j = i + 1; j < n; j++) {
      const a = items[i].id;
      const b = items[j].id;
      const r = i === 0 ? (reuseWithMe.get(b) ?? 0) : (reuse.get(a < b ? `${a} ${b}` : `${b} ${a}`) ?? 0);
      const s = pairScore(vecs[i]!, vecs[j]!, r, opts);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  const groups = clusterByLanguage(n, sim, vecs.map((v) => v.lang), opts.threshold);
  const hashed = (group: string[]) => `s${sha256Hex(`split ${group[0]} ${me.id}`).slice(0, 16)}`;
  const plan = relabel(items, groups, anchored, { founded: storyIdFor, split: hashed }, me.id);
  if (!plan.opened.some((s) => s !== storyIdFor(me.id))) return plan;
  // A group split off without the new article takes the id its first member would have opened ("s" + its
  // id) unless that id names a live story (one the member founded and left); then a hash of the member and
  // the new article.
  const founded = members.map((m) => storyIdFor(m.id));
  const live = new Set((await trx.selectFrom('stories').select('id').where('id', 'in', founded).execute()).map((r) => r.id));
  for (const s of relabelTaken(plan)) live.add(s);
  const split = (group: string[]) => {
    const free = group.map(storyIdFor).find((s) => !live.has(s));
    const id = free ?? hashed(group);
    live.add(id);
    return id;
  };
  return relabel(items, groups, anchored, { founded: storyIdFor, split }, me.id);
}

/** The stories kept by groups of a plan (not opened). */
function relabelTaken(plan: Plan): string[] {
  return [...new Set(plan.storyOf.values())].filter((s) => !plan.opened.includes(s));
}

function lostMembers(plan: Plan, members: Array<{ id: string; story: string }>, story: string): boolean {
  return members.some((m) => m.story === story && plan.storyOf.get(m.id) !== story);
}

/**
 * Writes a re-clustering's moves: members that changed story (articles and story_vectors), stories
 * opened by a split, stories emptied (their row removed, their id redirected to the story that took
 * most of their members, corrections and redirects pointing at them moved along).
 */
async function applyPlan(trx: Kysely<Tables>, plan: Plan, members: Array<{ id: string; story: string }>, newArticle: string, direct?: DirectSql): Promise<void> {
  const moves = new Map<string, string[]>();
  for (const m of members) {
    const to = plan.storyOf.get(m.id)!;
    if (to !== m.story) moves.set(to, [...(moves.get(to) ?? []), m.id]);
  }
  if (moves.size === 0 && plan.emptied.size === 0) return;
  // The reader's tables (corrections, story_cache: src/server/) are not part of the typed schema.
  const reader = trx as unknown as Kysely<any>;
  for (const [to, ids] of [...moves.entries()].sort((a, b) => byKey(a[0], b[0]))) {
    await trx.updateTable('articles').set({ story_id: to }).where('id', 'in', ids).execute();
    await trx.updateTable('story_vectors').set({ story_id: to }).where('article_id', 'in', ids).execute();
    // Reports about a moved article follow it.
    await reader.updateTable('corrections').set({ story_id: to }).where('article_id', 'in', ids).execute();
  }
  const now = new Date().toISOString();
  for (const [from, to] of plan.emptied) {
    await trx.deleteFrom('stories').where('id', '=', from).execute();
    await reader.deleteFrom('story_cache').where('story_id', '=', from).execute();
    await reader.updateTable('corrections').set({ story_id: to }).where('story_id', '=', from).execute();
    // Earlier redirects to the emptied story now point where it went, so every old id resolves in one step.
    await trx.updateTable('story_redirects').set({ story_id: to }).where('story_id', '=', from).execute();
    await trx
      .insertInto('story_redirects')
      .values({ id: from, story_id: to, created_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ story_id: to, created_at: now }))
      .execute();
  }
  // A story id in use again is no longer a redirect.
  const live = [...new Set([...plan.storyOf.values()])];
  await trx.deleteFrom('story_redirects').where('id', 'in', live).execute();
  for (const s of plan.opened) if (plan.storyOf.get(newArticle) !== s) await refreshStory(trx, s, 'open', undefined, direct);
  for (const s of plan.touched) {
    if (plan.opened.includes(s) || plan.emptied.has(s) || plan.storyOf.get(newArticle) === s) continue;
    await refreshStory(trx, s, lostMembers(plan, members, s) ? 'retitle' : 'keep', undefined, direct);
  }
}

/** The article's story features weighed with the store's current document frequencies (cached in `b`). */
async function weighArticle(trx: Kysely<Tables>, doc: ArticleDoc, opts: StoryOptions, b: StoryBatch) {
  const { indexable, crossIndexable } = retrievalKinds(opts);
  const tf = articleFeatures(doc, opts.features);
  // PostgreSQL: the article count comes with the first df lookup (one round trip fewer per transaction).
  if (b.storedDocs === null && !isSqlite(trx)) await loadDf(trx, [...tf.keys()].filter(hasOwnDf), b, true);
  const docs = await docCount(trx, b);
  const df = await loadDf(trx, [...tf.keys()].filter(hasOwnDf), b);
  const mine = weighFeatures(tf, df, docs, opts);
  return { tf, df, mine, indexable, crossIndexable };
}

/** Retrieval keys of the same-language similarity, and those that only speak across languages. */
function retrievalKinds(opts: StoryOptions): { indexable: Set<string>; crossIndexable: Set<string> } {
  return {
    indexable: new Set(opts.features.filter((f) => f.index && f.sameLanguage !== false).map((f) => f.kind)),
    crossIndexable: new Set(opts.features.filter((f) => f.index && f.sameLanguage === false).map((f) => f.kind)),
  };
}

/**
 * An article's keys weighed with document frequencies `df` (of the keys that have their own, see
 * `hasOwnDf`; word pairs are estimated from their words here) among `docs` stored articles.
 */
export function weighFeatures(tf: Map<string, number>, df: Map<string, number>, docs: number, opts: StoryOptions = defaultStoryOptions): Weighted {
  estimatePairDf(tf, df);
  return weigh(tf, df, docs + opts.priorDocs, new Map(opts.features.map((f) => [f.kind, f.weight])));
}

/**
 * What an article is stored under: its inverted-index keys and its vector (unit-length weights of its
 * strongest `vectorKeys` keys, idf as of now; the norm is over all keys, so dropping the weakest keys only
 * drops their tiny share of any dot product). Frozen weights keep scoring a candidate free of further
 * lookups, whatever its length. (Also what bench/cluster.ts prefills, so the bench cannot drift from it.)
 */
export function indexEntries(mine: Weighted, opts: StoryOptions = defaultStoryOptions): { postingKeys: string[]; vector: string; stored: StoredVector } {
  const { indexable, crossIndexable } = retrievalKinds(opts);
  const kept = rankedKeys(mine)
    .slice(0, opts.vectorKeys)
    .map((k) => [k, Math.round((mine.weights.get(k)! / mine.norm) * 1e6) / 1e6] as const)
    .sort((a, b) => byKey(a[0], b[0]));
  const keys = kept.map(([k]) => k);
  const vals = kept.map(([, w]) => w);
  const vector = JSON.stringify([keys, vals]);
  // what parseStoredVector(vector) gives (a JSON number reads back as the same double)
  const stored = storedVectorOf(keys, vals);
  return { postingKeys: topKeys(mine, opts.indexKeys, indexable, crossIndexable, opts.entityKeys), vector, stored };
}

/**
 * The stories row from its members: count and date range recomputed (indexed by story_id). The first
 * titled member (in ingest order) names the story: 'open' inserts the row so named, 'keep' names it only
 * when it has no title yet (with `title`, the joining article's), 'retitle' names it again (it lost members).
 */
async function refreshStory(trx: Kysely<Tables>, storyId: string, mode: 'open' | 'keep' | 'retitle', title?: string | null, direct?: DirectSql): Promise<void> {
  const now = new Date().toISOString();
  if (!isSqlite(trx)) return refreshStoryPostgres(trx, storyId, mode, now, title);
  // SQLite: through the connection's prepared statements, which assignStory requires there
  refreshStoryDirect(direct!, storyId, mode, now, title);
}

/** refreshStory on SQLite, through the store's direct runner (statements prepared once). */
function refreshStoryDirect(direct: DirectSql, storyId: string, mode: 'open' | 'keep' | 'retitle', now: string, title?: string | null): void {
  const agg = direct.all<{ n: number; first: string | null; last: string | null }>(
    'SELECT count(*) AS n, min(published) AS first, max(published) AS last FROM articles WHERE story_id = ?',
    [storyId],
  )[0]!;
  const values = [Number(agg.n), agg.first ?? null, agg.last ?? null, now];
  const firstTitle = () =>
    direct.all<{ title: string | null }>('SELECT title FROM articles WHERE story_id = ? AND title IS NOT NULL ORDER BY seq LIMIT 1', [storyId])[0]?.title ?? null;
  if (mode === 'open') {
    direct.run(
      `INSERT INTO stories (id, title, created_at, article_count, first_published, last_published, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET article_count = excluded.article_count, first_published = excluded.first_published,
         last_published = excluded.last_published, updated_at = excluded.updated_at, title = excluded.title`,
      [storyId, firstTitle(), now, ...values],
    );
  } else if (mode === 'retitle') {
    direct.run('UPDATE stories SET article_count = ?, first_published = ?, last_published = ?, updated_at = ?, title = ? WHERE id = ?', [...values, firstTitle(), storyId]);
  } else {
    direct.run('UPDATE stories SET article_count = ?, first_published = ?, last_published = ?, updated_at = ? WHERE id = ?', [...values, storyId]);
    const name = title === undefined ? firstTitle() : title;
    if (name) direct.run('UPDATE stories SET title = ? WHERE id = ? AND title IS NULL', [name, storyId]);
  }
}

/**
 * refreshStory on PostgreSQL as one statement whose result is not read, so it travels with the transaction's next
 * read or COMMIT (src/store/pgbatch.ts) instead of costing two or three round trips; the same row as refreshStory.
 */
async function refreshStoryPostgres(trx: Kysely<Tables>, storyId: string, mode: 'open' | 'keep' | 'retitle', now: string, title?: string | null): Promise<void> {
  const agg = sql`(SELECT count(*) AS n, min(published) AS first, max(published) AS last FROM articles WHERE story_id = ${storyId})`;
  const firstTitle = sql`(SELECT title FROM articles WHERE story_id = ${storyId} AND title IS NOT NULL ORDER BY seq LIMIT 1)`;
  if (mode === 'open') {
    await sql`INSERT INTO stories (id, title, created_at, article_count, first_published, last_published, updated_at)
      SELECT ${storyId}, ${firstTitle}, ${now}, a.n, a.first, a.last, ${now} FROM ${agg} AS a
      ON CONFLICT (id) DO UPDATE SET article_count = excluded.article_count, first_published = excluded.first_published,
        last_published = excluded.last_published, updated_at = excluded.updated_at, title = excluded.title`.execute(trx);
    return;
  }
  // 'keep' names the story only when it has no title yet: with the joining article's title when given.
  const name = mode === 'retitle' ? firstTitle : sql`COALESCE(stories.title, ${title === undefined ? firstTitle : sql`${title}::text`})`;
  await sql`UPDATE stories SET article_count = a.n, first_published = a.first, last_published = a.last, updated_at = ${now}, title = ${name}
    FROM ${agg} AS a WHERE stories.id = ${storyId}`.execute(trx);
}
