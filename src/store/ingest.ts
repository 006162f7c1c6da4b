// Storing processed articles: an article's rows (article, FTS row, input record, analysis, reuse
// links, story assignment) always commit together, alone (ingestDoc) or with the rest of a batch
// (ingestDocs), so a crash mid-ingest loses nothing committed and leaves nothing half-written.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { ArticleRow, Tables } from './schema.ts';
import type { ArticleDoc } from '../types.ts';
import type { Store } from './db.ts';
import { detectReuse, mergeRecentBands, reuseKeys } from '../reuse/detect.ts';
import { KeyLocks, LockBudgetExceeded, lockModeFromEnv, retryableConflict, type LockMode } from './locks.ts';
import { assignStory, defaultStoryOptions, flushStoryBatch, mergeRecentPostings, StoryBatch } from '../stories/assign.ts';
import { storeAnalysis } from './analysis.ts';
import { directSql, forgetMemos } from './bulk.ts';
import { BATCH_WRITES } from './pgbatch.ts';

export interface IngestResult {
  status: 'added' | 'present';
  articleId: string;
  storyId: string | null;
}

/** The `articles` row of a processed document (story assigned later in the same transaction). */
export function articleRow(doc: ArticleDoc, now: string): Insertable<ArticleRow> {
  return {
    id: doc.id,
    text_hash: doc.textHash,
    input: doc.input,
    url: doc.url,
    outlet: doc.outlet,
    title: doc.title,
    published: doc.published,
    language: doc.language,
    language_confidence: doc.languageConfidence,
    authors: JSON.stringify(doc.authors),
    cited_sources: JSON.stringify(doc.citedSources),
    captions: JSON.stringify(doc.captions),
    paragraphs: JSON.stringify(doc.paragraphs),
    sentences: JSON.stringify(doc.sentences),
    text: doc.text,
    story_id: null,
    ingested_at: now,
  };
}

/** PostgreSQL advisory lock key: held exclusively by a global-mode ingest, shared by keyed-mode ones. */
export const INGEST_LOCK = 4_242_002;

/** Above this many articles a PostgreSQL transaction takes the global lock (each article holds ~100–300 keyed locks). */
const MAX_KEYED_BATCH = 8;
const MAX_ATTEMPTS = 6;

export interface IngestOptions {
  /** PostgreSQL only: keyed locks (default, KABAR_PG_LOCKS) or one ingest transaction at a time. */
  locks?: LockMode;
  /**
   * Called inside the transaction after the articles' own writes, before the shared counters are written
   * and the transaction commits (tests hold a transaction open here).
   */
  afterWrites?: () => Promise<void>;
  /** Keyed locks one transaction may take before it falls back to the global lock (tests lower it). */
  lockBudget?: number;
}

export async function ingestDoc(store: Store, doc: ArticleDoc, o: IngestOptions = {}): Promise<IngestResult> {
  return (await ingestDocs(store, [doc], o))[0]!;
}

/**
 * Stores several processed articles in ONE transaction, in order (a later one sees the earlier ones:
 * duplicates, reuse, stories). Each article still commits together with its input record, FTS row,
 * analysis, reuse links and story, and a crash loses only the uncommitted batch, which re-ingest redoes.
 * Batching spreads the commit (index pages written to the WAL) over many articles: most of the cost
 * of one article per transaction. If any article fails the whole batch rolls back (the caller retries
 * them one by one to name the failing input).
 */
export async function ingestDocs(store: Store, docs: ArticleDoc[], o: IngestOptions = {}): Promise<IngestResult[]> {
  if (docs.length === 0) return [];
  const keyed = store.engine === 'postgres' && (o.locks ?? lockModeFromEnv()) === 'keyed' && docs.length <= MAX_KEYED_BATCH;
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeBatch(store, docs, keyed, o);
    } catch (e) {
      // Too many keys for one transaction (long articles): the batch rolled back; store it exclusively.
      if (e instanceof LockBudgetExceeded) return storeBatch(store, docs, false, o);
      // Keyed PostgreSQL writers can deadlock (a batch takes its articles' keys one article at a time) or
      // lose a race on a unique key; the whole transaction rolled back, so running it again is safe.
      if (!keyed || attempt >= MAX_ATTEMPTS || !retryableConflict(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

async function storeBatch(store: Store, docs: ArticleDoc[], keyed: boolean, o: IngestOptions): Promise<IngestResult[]> {
  try {
    return await storeBatchOnce(store, docs, keyed, o);
  } catch (e) {
    // Rolled back: what the connection memoised from this transaction's own writes is gone from the store.
    forgetMemos(store.sqlite);
    throw e;
  }
}

async function storeBatchOnce(store: Store, docs: ArticleDoc[], keyed: boolean, o: IngestOptions): Promise<IngestResult[]> {
  const now = new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    // PostgreSQL with several writers. Global mode: one ingest transaction at a time from its first read
    // (duplicate check, reuse, story retrieval) to commit, as SQLite's write lock does. Keyed mode: each
    // article locks the keys it reads and writes (src/store/locks.ts), so two workers never open two
    // stories for one event or miss each other's reuse, while unrelated articles are stored at once.
    let locks: KeyLocks | undefined;
    if (store.engine === 'postgres') {
      if (keyed) {
        await sql`${sql.raw(BATCH_WRITES)} SELECT pg_advisory_xact_lock_shared(${INGEST_LOCK})`.execute(trx);
        locks = new KeyLocks(trx, o.lockBudget);
      } else {
        await sql`${sql.raw(BATCH_WRITES)} SELECT pg_advisory_xact_lock(${INGEST_LOCK})`.execute(trx);
      }
    }
    const results: IngestResult[] = [];
    const stories = new StoryBatch(directSql(store.sqlite));
    for (const doc of docs) results.push(await storeOne(trx, store, doc, now, stories, locks));
    if (o.afterWrites) {
      // Writes held back for the commit (src/store/pgbatch.ts) are sent first: the hook sees them done.
      if (store.engine === 'postgres') await sql`SELECT 1`.execute(trx);
      await o.afterWrites();
    }
    // Document frequencies and the article count are shared rows every article updates: written last, in
    // key order, so concurrent keyed writers queue on them only for the moment between this and commit.
    await flushStoryBatch(trx, stories);
    if (stories.direct) {
      mergeRecentBands(stories.direct);
      mergeRecentPostings(stories.direct);
    }
    return results;
  });
}

async function storeOne(trx: Kysely<Tables>, store: Store, doc: ArticleDoc, now: string, stories: StoryBatch, locks?: KeyLocks): Promise<IngestResult> {
  // Keyed mode: the text hash (a copy stored by another worker meanwhile) and the reuse sketch keys (a
  // shared sentence) are locked before they are looked up; story keys are locked by assignStory.
  await locks?.lock([`t:${doc.textHash}`, ...reuseKeys(doc).map((k) => `r:${k}`)]);
  // SQLite: the article's own rows through the connection's prepared statements (the same statements the
  // query builder would build and compile for every article); PostgreSQL through the query builder.
  const direct = stories.direct;
  const existing = direct
    ? direct.all<{ id: string; story_id: string | null }>('SELECT id, story_id FROM articles WHERE text_hash = ?', [doc.textHash])[0]
    : await trx.selectFrom('articles').select(['id', 'story_id']).where('text_hash', '=', doc.textHash).executeTakeFirst();
  if (existing) {
    // Same text again (same input re-ingested, or a verbatim copy elsewhere): remember the input only.
    await trx
      .insertInto('inputs')
      .values({ input: doc.input, article_id: existing.id, ingested_at: now })
      .onConflict((oc) => oc.columns(['input', 'article_id']).doNothing())
      .execute();
    return { status: 'present', articleId: existing.id, storyId: existing.story_id };
  }
  // PostgreSQL: the row is inserted by assignStory once its story is known, instead of inserted here and updated
  // there. An update of story_id (an indexed column) writes a new version of the row with new entries in every
  // index, the text-search GIN index included (its tsvector computed again from the whole text): about as much
  // server CPU as the insert itself. Nothing in between reads the new article's row (reuse and story retrieval skip
  // the article itself); the duplicate check above ran first, as before.
  let row: Insertable<ArticleRow> | undefined;
  if (direct) {
    const sqliteRow = articleRow(doc, now);
    const cols = Object.keys(sqliteRow);
    const seq = direct.run(`INSERT INTO articles (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(sqliteRow));
    direct.run('INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)', [seq, doc.title ?? '', doc.text]);
    direct.run('INSERT INTO inputs (input, article_id, ingested_at) VALUES (?, ?, ?)', [doc.input, doc.id, now]);
  } else {
    row = articleRow(doc, now);
    await trx.insertInto('inputs').values({ input: doc.input, article_id: doc.id, ingested_at: now }).execute();
  }
  await storeAnalysis(trx, doc, stories.direct);
  const reuse = await detectReuse(trx, doc, undefined, stories.direct);
  const { storyId } = await assignStory(trx, doc, reuse, defaultStoryOptions, stories, locks, row);
  return { status: 'added', articleId: doc.id, storyId };
}
