// What the reader's pages and the API read: stories with filters, search with filters, a story's
// export document (cached until the story or its corrections change), entities and articles.
import { sql, type Kysely } from 'kysely';
import type { Store } from '../store/db.ts';
import { ftsQuery, listArticles, listStories, rowToArticle, type StoredArticle, type StorySummary } from '../store/queries.ts';
import type { KabarExport } from '../export/schema.ts';
import { ARTICLES_TSVECTOR } from '../store/migrations/001_core.ts';
import { clearStoryMemory, storyView } from './storycache.ts';
import { Lru } from '../util/lru.ts';
import { prepared as stmt } from '../store/bulk.ts';
import { makeSnippet, snippetQuery } from './snippet.ts';
import { clearRankCaches, phraseRows, rankRows, rowsWithAll } from './rank.ts';

export { storyDocGzip, storyPage, storyView, warmStories, type PageVariant, type StoryView } from './storycache.ts';

export const STORY_ID = /^s[0-9a-f]{16}$/;
export const ARTICLE_ID = /^[0-9a-f]{16}$/;
export const ENTITY_ID = /^e[0-9a-f]{16}$/;

export interface Filters {
  q?: string;
  lang?: string;
  outlet?: string;
  from?: string;
  to?: string;
  /** An entity id, or a name or alias to look up. */
  entity?: string;
}

const anyDb = (store: Store) => store.db as unknown as Kysely<any>;

/** Values of the filters as they arrive in a URL, checked: anything malformed is dropped, never passed on. */
// Control characters mean nothing in a query, and PostgreSQL refuses a NUL byte in text outright (a 500).
const text = (v: string | undefined) => v?.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();

export function cleanFilters(raw: Record<string, string | undefined>): Filters {
  const f: Filters = {};
  const q = text(raw.q);
  if (q) f.q = q.slice(0, 300);
  if (raw.lang && /^[a-z]{2,3}$/.test(raw.lang)) f.lang = raw.lang;
  const outlet = text(raw.outlet);
  if (outlet) f.outlet = outlet.slice(0, 200);
  if (raw.from && /^\d{4}-\d{2}-\d{2}$/.test(raw.from)) f.from = raw.from;
  if (raw.to && /^\d{4}-\d{2}-\d{2}$/.test(raw.to)) f.to = raw.to;
  const entity = text(raw.entity);
  if (entity) f.entity = entity.slice(0, 200);
  return f;
}

export function hasFilters(f: Filters): boolean {
  return !!(f.lang || f.outlet || f.from || f.to || f.entity);
}

/** Entity ids an entity filter means: the id itself, or every entity whose name or alias is the text (any case). */
async function entityIdsFor(store: Store, v: string): Promise<string[]> {
  if (ENTITY_ID.test(v)) return [v];
  const db = anyDb(store);
  const byName = await db.selectFrom('entities').select('id').where(sql`lower(name)`, '=', v.toLowerCase()).limit(20).execute();
  const byAlias = await db.selectFrom('entity_aliases').select('entity as id').where(sql`lower(text)`, '=', v.toLowerCase()).limit(20).execute();
  return [...new Set([...byName, ...byAlias].map((r) => String(r.id)))];
}

/** The day after a YYYY-MM-DD date (dates and datetimes on that day sort below it on either engine). */
function nextDay(d: string): string {
  const t = new Date(d + 'T00:00:00Z');
  return Number.isNaN(t.getTime()) ? d + 'T~' : new Date(t.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/** SQL conditions on `articles a` for the filters (all bound parameters). */
async function articleConditions(store: Store, f: Filters): Promise<ReturnType<typeof sql>[] | null> {
  const conds: ReturnType<typeof sql>[] = [];
  if (f.lang) conds.push(sql`a.language = ${f.lang}`);
  if (f.outlet) conds.push(sql`a.outlet = ${f.outlet}`);
  if (f.from) conds.push(sql`a.published >= ${f.from}`);
  // a datetime on the last day ("2025-10-11T08:00Z") is still within "until 2025-10-11"
  if (f.to) conds.push(sql`a.published < ${nextDay(f.to)}`);
  if (f.entity) {
    const ids = await entityIdsFor(store, f.entity);
    if (!ids.length) return null;
    conds.push(sql`EXISTS (SELECT 1 FROM entity_mentions m WHERE m.entity IN (${sql.join(ids)}) AND m.article = a.id)`);
  }
  return conds;
}

/** Stories newest first, restricted by the filters (a story matches when one of its articles does). */
export async function findStories(store: Store, f: Filters, limit: number, offset: number): Promise<StorySummary[]> {
  let ids: string[];
  if (!hasFilters(f)) {
    // ids from the (updated_at DESC, id) index alone, then the page's rows: a deep page costs an index walk
    const rows = await sql<{ id: string }>`SELECT id FROM stories ORDER BY updated_at DESC, id LIMIT ${limit} OFFSET ${offset}`.execute(store.db);
    ids = rows.rows.map((r) => r.id);
  } else {
    const conds = await articleConditions(store, f);
    if (!conds) return [];
    // matching articles newest first, in batches, until the page's stories are found: the order of a story is
    // that of its newest matching article, so the scan stops early instead of grouping every match
    const where = sql.join(conds, sql` AND `);
    const seen = new Set<string>();
    const order: string[] = [];
    let below: number | null = null;
    const BATCH = 1000;
    for (;;) {
      const rows = await sql<{ seq: number; story_id: string }>`
        SELECT a.seq, a.story_id FROM articles a
        WHERE ${below === null ? sql`true` : sql`a.seq < ${below}`} AND a.story_id IS NOT NULL AND ${where}
        ORDER BY a.seq DESC LIMIT ${BATCH}`.execute(store.db);
      for (const r of rows.rows) {
        if (seen.has(r.story_id)) continue;
        seen.add(r.story_id);
        order.push(r.story_id);
      }
      if (rows.rows.length < BATCH || order.length >= offset + limit) break;
      below = Number(rows.rows[rows.rows.length - 1]!.seq);
    }
    ids = order.slice(offset, offset + limit);
  }
  if (!ids.length) return [];
  const stories = await listStories(store, { ids });
  const pos = new Map(ids.map((id, i) => [id, i]));
  return stories.sort((a, b) => pos.get(a.id)! - pos.get(b.id)!);
}

export interface Hit {
  article: string;
  story: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  /** The matching passage; the matched words are between SNIP_OPEN and SNIP_CLOSE. */
  snippet: string;
}

// Private-use characters mark the matches in snippets: page text cannot be confused with them (they are
// removed from it first), and views turn them into <mark> elements.
export const SNIP_OPEN = '\uE000';
export const SNIP_CLOSE = '\uE001';

export const SEARCH_WINDOW = 2000;

/**
 * How long kept results may be used on PostgreSQL, whatever the store's version says: there, concurrent writers
 * can commit an article with a lower seq after one with a higher seq, which the version (max seq, latest story
 * update) does not see. On SQLite writes are serial and the version is exact.
 */
const PG_KEPT_MS = 10_000;

/** Whether something kept at `at` under the store's current version may still be used. */
export function keptFresh(store: Store, at: number): boolean {
  return store.engine !== 'postgres' || Date.now() - at < PG_KEPT_MS;
}

// Search results by query, filters and page, for the store version they were computed at (storeVersion: any
// article added or story updated changes it). A repeated query costs two indexed reads.
const searches = new Lru<{ at: number; hits: readonly Hit[] }>(1000);

/**
 * Full-text search (all words must match, diacritics ignored) with the same filters as stories. `version`: the
 * store's version when the caller has read it for its own key (read here otherwise). `keep`: false when the
 * caller keeps what it makes of the hits (the search page keeps its rendered bytes): kept twice, every new query's
 * hits would live on in the heap, and be copied by the young-generation collections they survive.
 */
export async function searchHits(store: Store, f: Filters, limit: number, offset = 0, version?: StoreVersion, keep = true): Promise<readonly Hit[]> {
  const fq = f.q ? ftsQuery(f.q) : null;
  if (!fq) return [];
  version ??= await storeVersion(store);
  const key = [version.key, fq, f.lang ?? '', f.outlet ?? '', f.from ?? '', f.to ?? '', f.entity ?? '', limit, offset].join('\u0001');
  const kept = searches.get(key);
  if (kept && keptFresh(store, kept.at)) return kept.hits;
  const hits = Object.freeze(await searchStore(store, f, fq, limit, offset, version.newest));
  if (keep) searches.set(key, { at: Date.now(), hits });
  return hits;
}

/**
 * A word in at least one of COMMON_SHARE of the newest articles (estimated from where its COMMON_PROBE-th newest
 * match lies) is common: BM25 gives it next to no weight (its idf is near zero), yet SQLite's bm25() counts every
 * article that has it, on every query, and seeking in its long posting list is slow. Ranking leaves it out.
 */
const COMMON_PROBE = 256;
const COMMON_SHARE = 8;

/**
 * What a phrase's probe found, kept per phrase for the store's newest article it was read at (a query's words
 * come back in other queries: a word's probe is then a lookup, not a walk of its posting list). A phrase with
 * fewer than COMMON_PROBE matches (`few`) has them all kept, newest first (`rows`): a query is answered from their
 * intersection when it is empty (two selective words seldom meet), with no FTS query at all.
 */
interface PhraseMatches {
  newest: number;
  common: boolean;
  few: boolean;
  rows?: number[];
}
// weighed by the rowids kept (at most 4 MB of them)
const phraseProbes = new Lru<PhraseMatches>(1 << 19, (m) => 1 + (m.rows?.length ?? 0));

function phraseMatches(store: Store, phrases: string[], newest: number): PhraseMatches[] {
  const db = store.sqlite!;
  // inside a transaction on this connection rows can still be rolled back: nothing read there is kept
  const keepIt = !db.inTransaction;
  // the newest matches come straight off the end of the posting list: this costs COMMON_PROBE steps at most
  // (bounded by `newest`: another process may commit articles meanwhile, and what is kept holds those up to it)
  const probe = stmt(db, `SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT 1 OFFSET ${COMMON_PROBE - 1}`);
  const list = stmt(db, 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid <= ? ORDER BY rowid DESC', 'pluck');
  return phrases.map((p) => {
    const key = `${store.location}\u0001${p}`;
    const known = keepIt ? phraseProbes.get(key) : undefined;
    if (known?.newest === newest) return known;
    const at = (probe.get(p, newest) as { r: number } | undefined)?.r;
    // fewer than COMMON_PROBE articles have this phrase: the whole query matches fewer still, and its matches are
    // a short list
    const m: PhraseMatches =
      at === undefined ? { newest, few: true, common: false, rows: list.all(p, newest) as number[] } : { newest, few: false, common: newest - at + 1 <= COMMON_PROBE * COMMON_SHARE };
    if (keepIt) phraseProbes.set(key, m);
    return m;
  });
}

/** The rowids in every list (lists newest first; so is the result). */
function intersect(lists: number[][]): number[] {
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  let out = first!;
  for (const other of rest) {
    const next: number[] = [];
    for (let i = 0, j = 0; i < out.length && j < other.length; ) {
      if (out[i]! > other[j]!) i++;
      else if (out[i]! < other[j]!) j++;
      else (next.push(out[i]!), i++, j++);
    }
    out = next;
    if (!out.length) break;
  }
  return out;
}

/** `newest`: the newest article's seq in the version the results are kept for (the words' matches are read up to it) */
async function searchStore(store: Store, f: Filters, fq: string, limit: number, offset: number, newest: number): Promise<Hit[]> {
  const conds = await articleConditions(store, f);
  if (!conds) return [];
  // Ranking every match of a common word by relevance costs time in proportion to the corpus; without filters
  // the ranking covers the SEARCH_WINDOW most recent matches (news readers want recent ones first anyway).
  if (store.engine === 'postgres') return searchPostgres(store, f.q!, conds, limit, offset);
  const phrases = ftsPhrases(fq);
  const matches = phraseMatches(store, phrases, newest);
  const common = matches.map((m) => m.common);
  const few = matches.some((m) => m.few);
  const rare = phrases.filter((_, i) => !common[i]).join(' ');
  // the articles that have every phrase with few matches (all listed; such a phrase is never common): none, no match
  const lists = matches.filter((m) => m.rows).map((m) => m.rows!);
  const listed = lists.length ? intersect(lists) : null;
  if (listed && !listed.length) return [];
  const where = conds.length ? sql` AND ${sql.join(conds, sql` AND `)}` : sql``;
  // snippets are made from the page's rows' texts (snippet.ts), not by FTS5's snippet(): see there
  const HIT = 'a.id, a.story_id, a.title, a.outlet, a.published, a.language, a.text';
  const sq = snippetQuery(phrases);
  const hit = (r: HitRow & { text: string }): Hit => toHit({ ...r, snip: sq ? makeSnippet(r.text, sq, SNIP_OPEN, SNIP_CLOSE, '…', 24) : '' });
  if (!rare) {
    // every word is common: the newest matches first, read off the end of the posting lists, snippets for the
    // page's rows only
    if (!conds.length) {
      const q = `SELECT ${HIT} FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY articles_fts.rowid DESC LIMIT ? OFFSET ?`;
      return (stmt(store.sqlite!, q).all(fq, limit, offset) as Array<HitRow & { text: string }>).map(hit);
    }
    const rows = await sql<HitRow & { text: string }>`
      SELECT ${sql.raw(HIT)}
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
      WHERE articles_fts MATCH ${fq}${where}
      ORDER BY articles_fts.rowid DESC
      LIMIT ${limit} OFFSET ${offset}`.execute(store.db);
    return rows.rows.map(hit);
  }
  // rank first (no text: only the page's rows are read, and their snippets made), then the page's rows.
  // Ranked by the query's uncommon words (rare = fq when none is common), among the articles that have all words.
  let top: Array<{ r: number }>;
  if (!conds.length && rare === fq) {
    // ranked here (rank.ts) when it can be: the SEARCH_WINDOW newest of the rows with every phrase. Several phrases,
    // or one with few matches, leave FTS5 few rows to rank (cheaper than reading the phrases whole): then only
    // phrases already kept
    const ps = phraseRows(store.sqlite!, phrases, newest, !few && phrases.length === 1);
    const ranked = ps && rankRows(store.sqlite!, ps, rowsWithAll(ps).slice(0, SEARCH_WINDOW), newest, limit, offset);
    if (ranked) top = ranked.map((r) => ({ r }));
    else {
      // without filters the ranking needs the index alone (articles.seq is the FTS rowid), not the articles' rows
      // (no need to look when a word has fewer matches (COMMON_PROBE) than the window holds: every match is in it)
      const floor = few ? undefined : (stmt(store.sqlite!, `SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${SEARCH_WINDOW - 1}`).get(fq) as { r: number } | undefined);
      top = stmt(
        store.sqlite!,
        'SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? ORDER BY bm25(articles_fts, 5.0, 1.0), rowid LIMIT ? OFFSET ?',
      ).all(fq, floor?.r ?? 0, limit, offset) as Array<{ r: number }>;
    }
  } else if (!conds.length) {
    // the window: the newest matches of the whole query. Intersecting a common word's posting list (most of the
    // corpus) costs a read of all of it on every query; instead the uncommon words' matches, newest first, are
    // tested against the common words' kept sets until the window is full, and only those are ranked.
    const sets = phrases.filter((_, i) => common[i]).map((p) => commonSet(store, p, newest));
    const window: number[] = [];
    // the uncommon words' matches in the window's span that lack a common word: with a common word in most
    // articles they are few, and leaving them out costs less than naming every match of the window
    const without: number[] = [];
    /** one of the uncommon words' matches, newest first: true once the window is full */
    const full = (r: number) => {
      if (sets.every((set) => set.has(r))) window.push(r);
      else without.push(r);
      return window.length >= SEARCH_WINDOW;
    };
    // the uncommon words' rows as rank.ts keeps them, when it can: then ranked there too
    const ps = phraseRows(store.sqlite!, phrases.filter((_, i) => !common[i]), newest);
    if (listed && lists.length === matches.filter((m) => !m.common).length) {
      // every uncommon word has few matches, all listed: their intersection, made above
      for (const r of listed) if (full(r)) break;
    } else if (ps) {
      for (const r of rowsWithAll(ps)) if (full(r)) break;
    } else {
      // read in batches of a window's size (rows read all at once cost less than stepped through one by one)
      const batch = stmt(store.sqlite!, 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?', 'pluck');
      for (let below = Number.MAX_SAFE_INTEGER; ; ) {
        const rows = batch.all(rare, below, SEARCH_WINDOW) as number[];
        if (rows.some(full) || rows.length < SEARCH_WINDOW) break;
        below = rows[rows.length - 1]!;
      }
    }
    if (!window.length) return [];
    // the window is exactly what the queries below rank (the uncommon words' matches from its last row on, less
    // those without a common word)
    const ranked = ps && rankRows(store.sqlite!, ps, window, newest, limit, offset);
    const last = window[window.length - 1]!;
    while (without.length && without[without.length - 1]! < last) without.pop();
    top = ranked ? ranked.map((r) => ({ r })) : (
      !without.length
        ? stmt(store.sqlite!, 'SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? ORDER BY bm25(articles_fts, 5.0, 1.0), rowid LIMIT ? OFFSET ?').all(rare, last, limit, offset)
        : without.length < window.length
          ? stmt(
              store.sqlite!,
              `SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? AND +rowid NOT IN (SELECT value FROM json_each(?))
               ORDER BY bm25(articles_fts, 5.0, 1.0), rowid LIMIT ? OFFSET ?`,
            ).all(rare, last, JSON.stringify(without), limit, offset)
          : stmt(
              store.sqlite!,
              `SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))
               ORDER BY bm25(articles_fts, 5.0, 1.0), rowid LIMIT ? OFFSET ?`,
            ).all(rare, last, window[0], JSON.stringify(window), limit, offset)
    ) as Array<{ r: number }>;
  } else {
    top = (
      await sql<{ r: number }>`
        SELECT articles_fts.rowid AS r FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
        WHERE articles_fts MATCH ${rare}${where}
          ${rare === fq ? sql`` : sql`AND +articles_fts.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${fq})`}
        ORDER BY bm25(articles_fts, 5.0, 1.0), a.seq
        LIMIT ${limit} OFFSET ${offset}`.execute(store.db)
    ).rows;
  }
  if (!top.length) return [];
  const seqs = top.map((r) => Number(r.r));
  // the page's rows by seq (the snippets come from their texts)
  const rows = stmt(store.sqlite!, `SELECT a.seq, ${HIT} FROM articles a WHERE a.seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify(seqs)) as Array<HitRow & { seq: number; text: string }>;
  const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
  return top.map((t) => bySeq.get(Number(t.r))).filter((r): r is HitRow & { seq: number; text: string } => !!r).map(hit);
}

/** The articles (FTS rowids) that have a common word, as bits, kept per word and brought up to date on use. */
class RowidSet {
  private bits = new Uint8Array(1 << 15);
  /** rowids up to this one are in */
  upTo = 0;
  has(r: number): boolean {
    return r < this.bits.length * 8 && (this.bits[r >> 3]! & (1 << (r & 7))) !== 0;
  }
  add(r: number): void {
    if (r >= this.bits.length * 8) {
      const more = new Uint8Array(Math.max(this.bits.length * 2, (r >> 3) + 1));
      more.set(this.bits);
      this.bits = more;
    }
    this.bits[r >> 3]! |= 1 << (r & 7);
  }
}

const commonSets = new Lru<RowidSet>(256);

/**
 * SQLite: the articles that have `phrase` (a common one: see phraseMatches). Articles' seqs (the FTS rowids) only
 * grow and are never reused (AUTOINCREMENT), and an article's text does not change, so a kept set needs only
 * the articles added since (up to `newest`); it is read once per word, then a few rows per use.
 */
function commonSet(store: Store, phrase: string, newest: number): RowidSet {
  const key = `${store.location}\u0001${phrase}`;
  // inside a transaction on this connection (an ingest through the API) rows can still be rolled back and their
  // seqs reused: nothing read there is kept
  const keepIt = !store.sqlite!.inTransaction;
  const set = (keepIt && commonSets.get(key)) || new RowidSet();
  if (set.upTo < newest) {
    for (const r of stmt(store.sqlite!, 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ? AND rowid <= ?', 'pluck').all(phrase, set.upTo, newest) as number[]) set.add(r);
    set.upTo = newest;
  }
  if (keepIt) commonSets.set(key, set);
  return set;
}

/**
 * SQLite: one step of merging the search index's segments (FTS5 b-trees); true when it did some work (call again
 * until false). Ingest leaves about a dozen segments (each commit writes one, automerge keeps up to three per level),
 * and every query looks each phrase up in every segment. Merged level by level with two segments at most per level
 * (FTS5 'usermerge' 2: a 20k-article ingest's 9 segments became 3 in 18 steps, 0.15 s), a search costs less. Not
 * into one segment: that rewrites the whole index whenever the store has changed at all (the 100k-story bench
 * store's 95 MB, 2.3 s of CPU, after every ingest), while merging by level rewrites a row about once per level over
 * its life. A step writes about MERGE_PAGES pages (4 KB each, a few milliseconds): work for when the server is idle.
 */
const MERGE_PAGES = 64;
export function mergeSearchIndex(store: Store): boolean {
  const db = store.sqlite;
  if (!db || db.inTransaction) return false;
  // FTS5 keeps the setting in its config table: written once per store
  if (stmt(db, "SELECT v FROM articles_fts_config WHERE k = 'usermerge'", 'pluck').get() !== 2) {
    stmt(db, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('usermerge', 2)").run();
  }
  const changes = stmt(db, 'SELECT total_changes()', 'pluck');
  const before = changes.get() as number;
  // a positive count: merges within a level that holds at least 'usermerge' segments
  stmt(db, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', ?)").run(MERGE_PAGES);
  // (FTS5's documented test: fewer than two changes means there was nothing to merge)
  return (changes.get() as number) - before >= 2;
}

/** The phrases of an FTS query made by ftsQuery ("a" "b""c" → ['"a"', '"b""c"']). */
function ftsPhrases(fq: string): string[] {
  return fq.match(/"(?:[^"]|"")*"/g) ?? [];
}

interface HitRow {
  id: string;
  story_id: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  snip: string;
}

const toHit = (r: HitRow): Hit => ({ article: r.id, story: r.story_id, title: r.title, outlet: r.outlet, published: r.published, language: r.language, snippet: r.snip ?? '' });

/**
 * PostgreSQL: the text-search index (migration 001, the same vector expression), every word required,
 * diacritics folded; ranked by ts_rank with the title above the text; without filters the ranking covers the
 * SEARCH_WINDOW most recent matches, as on SQLite; snippets (ts_headline) for the page's hits only.
 */
async function searchPostgres(store: Store, q: string, conds: ReturnType<typeof sql>[], limit: number, offset: number): Promise<Hit[]> {
  const words = (q.normalize('NFKC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? []).slice(0, 32).join(' ');
  if (!words) return [];
  const vec = sql.raw(ARTICLES_TSVECTOR.replace(/\b(title|text)\b/g, 'a.$1'));
  const tsq = sql`plainto_tsquery('kabar_text', ${words})`;
  const where = conds.length ? sql` AND ${sql.join(conds, sql` AND `)}` : sql``;
  const source = conds.length
    ? sql`SELECT a.seq, ts_rank(${vec}, ${tsq}) AS rank FROM articles a WHERE ${vec} @@ ${tsq}${where}`
    : sql`SELECT w.seq, ts_rank(${vec}, ${tsq}) AS rank FROM (SELECT a.seq FROM articles a WHERE ${vec} @@ ${tsq} ORDER BY a.seq DESC LIMIT ${SEARCH_WINDOW}) w JOIN articles a ON a.seq = w.seq`;
  const rows = await sql<HitRow>`
    SELECT a.id, a.story_id, a.title, a.outlet, a.published, a.language,
           ts_headline('kabar_text', a.text, ${tsq}, ${`StartSel=${SNIP_OPEN}, StopSel=${SNIP_CLOSE}, MaxWords=24, MinWords=8, ShortWord=2, FragmentDelimiter=…, MaxFragments=1`}) AS snip
    FROM (${source} ORDER BY rank DESC, seq LIMIT ${limit} OFFSET ${offset}) hit
    JOIN articles a ON a.seq = hit.seq
    ORDER BY hit.rank DESC, a.seq`.execute(store.db);
  return rows.rows.map(toHit);
}

/** The store's version and the newest article's seq in it (0 in an empty store), read together. */
export interface StoreVersion {
  /** What the unfiltered story list and the search results show changes only when a story is updated or an
   * article added: this changes then. */
  key: string;
  newest: number;
}

export async function storeVersion(store: Store): Promise<StoreVersion> {
  const q = 'SELECT (SELECT max(updated_at) FROM stories) AS u, (SELECT max(seq) FROM articles) AS n';
  const r = store.sqlite ? (stmt(store.sqlite, q).get() as { u: string | null; n: number | null }) : (await sql<{ u: string | null; n: number | null }>`${sql.raw(q)}`.execute(store.db)).rows[0];
  return { key: `${store.location}|${r?.u ?? ''}|${r?.n ?? 0}`, newest: Number(r?.n ?? 0) };
}

export interface FilterOptions {
  languages: string[];
  outlets: string[];
}

let optionsCache: { key: string; at: number; value: FilterOptions } | null = null;

/**
 * SQLite: articles per language and per outlet, counted once per process, then from the articles added since
 * (seqs only grow): a scan of every article's row (most of the store's file) blocks the process for seconds, and
 * while articles arrive it was repeated every minute.
 */
let optionCounts: { location: string; upTo: number; langs: Map<string, number>; outlets: Map<string, number>; value: FilterOptions } | null = null;

/** SQLite's BINARY order of two strings (UTF-8 bytes, that is code points; UTF-16 units differ above U+DFFF). */
function binaryOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    // a surrogate (a code point above U+FFFF) sorts after U+E000–U+FFFF
    if (sx !== sy && (sx ? y : x) >= 0xe000) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Languages and outlets to offer in the filters; recomputed only when articles were added. `version` as searchHits'. */
export async function filterOptions(store: Store, version?: StoreVersion): Promise<FilterOptions> {
  const { newest } = version ?? (await storeVersion(store));
  const db = store.sqlite;
  const kept = db && optionCounts?.location === store.location ? optionCounts : null;
  // inside a transaction on this connection rows can still be rolled back: the counts stay as committed
  if (db?.inTransaction && kept) return kept.value;
  if (db && !db.inTransaction) {
    if (kept?.upTo === newest) return kept.value;
    const c = kept && kept.upTo < newest ? kept : { location: store.location, upTo: 0, langs: new Map<string, number>(), outlets: new Map<string, number>(), value: { languages: [], outlets: [] } };
    for (const r of stmt(db, 'SELECT language, outlet FROM articles WHERE seq > ? AND seq <= ?').iterate(c.upTo, newest) as Iterable<{ language: string; outlet: string | null }>) {
      c.langs.set(r.language, (c.langs.get(r.language) ?? 0) + 1);
      if (r.outlet !== null) c.outlets.set(r.outlet, (c.outlets.get(r.outlet) ?? 0) + 1);
    }
    c.upTo = newest;
    // as the queries below: languages in order, the 200 outlets with most articles (ties in order), by name
    c.value = {
      languages: [...c.langs.keys()].sort(binaryOrder).slice(0, 200),
      outlets: [...c.outlets]
        .sort((a, b) => b[1] - a[1] || binaryOrder(a[0], b[0]))
        .slice(0, 200)
        .map(([o]) => o)
        .sort((a, b) => a.localeCompare(b)),
    };
    optionCounts = c;
    return c.value;
  }
  const key = `${store.location}|${newest}`;
  // the lists change slowly: recomputed (a scan of the articles) at most once a minute while articles arrive
  if (optionsCache && (optionsCache.key === key || (optionsCache.key.startsWith(`${store.location}|`) && Date.now() - optionsCache.at < 60_000))) return optionsCache.value;
  const langs = await sql<{ language: string }>`SELECT DISTINCT language FROM articles ORDER BY language LIMIT 200`.execute(store.db);
  const outlets = await sql<{ outlet: string }>`SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 200`.execute(store.db);
  const value = { languages: langs.rows.map((r) => r.language), outlets: outlets.rows.map((r) => r.outlet).sort((a, b) => a.localeCompare(b)) };
  optionsCache = { key, at: Date.now(), value };
  return value;
}

export async function getArticle(store: Store, id: string): Promise<StoredArticle | null> {
  if (!ARTICLE_ID.test(id)) return null;
  const [a] = await listArticles(store, { ids: [id] });
  return a ?? null;
}

export interface EntityView {
  id: string;
  type: string;
  name: string;
  country: string | null;
  coordinates: [number, number] | null;
  aliases: Array<{ text: string; lang: string }>;
  /** Roles with the date of the article that gives them, oldest first. */
  roles: Array<{ title: string; org: string | null; article: string; story: string | null; published: string | null; outlet: string | null }>;
  stories: StorySummary[];
  quotes: KabarExport['quotes'];
  /** Articles the quotes come from (title, outlet, language, url) */
  articles: Map<string, { title: string | null; outlet: string | null; language: string; story: string | null; published: string | null }>;
}

export async function entityView(store: Store, id: string, opts: { stories?: number } = {}): Promise<EntityView | null> {
  if (!ENTITY_ID.test(id)) return null;
  const db = anyDb(store);
  const e = await db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) return null;
  const aliases = await db.selectFrom('entity_aliases').select(['text', 'lang']).where('entity', '=', id).orderBy('lang').orderBy('text').execute();
  const roles = await sql<{ title: string; org: string; article: string; story_id: string | null; published: string | null; outlet: string | null }>`
    SELECT r.title, r.org, r.article, a.story_id, a.published, a.outlet FROM entity_roles r JOIN articles a ON a.id = r.article
    WHERE r.entity = ${id} ORDER BY a.published IS NULL, a.published, a.seq LIMIT 500`.execute(store.db);
  // the stories of its newest mentions: through the entity's mentions when they are few, else newest articles
  // first until enough stories are found (grouping every mention of a country costs the whole corpus)
  const few = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM entity_mentions WHERE entity = ${id} LIMIT 5000) x`.execute(store.db);
  const storyIds =
    Number(few.rows[0]?.n ?? 0) < 5000
      ? (
          await sql<{ story_id: string }>`
            SELECT a.story_id FROM entity_mentions m JOIN articles a ON a.id = m.article
            WHERE m.entity = ${id} AND a.story_id IS NOT NULL GROUP BY a.story_id ORDER BY max(a.seq) DESC LIMIT ${opts.stories ?? 50}`.execute(store.db)
        ).rows.map((r) => r.story_id)
      : (await findStories(store, { entity: id }, opts.stories ?? 50, 0)).map((s) => s.id);
  const stories = await listStories(store, { ids: storyIds });
  const pos = new Map(storyIds.map((s, i) => [s, i]));
  stories.sort((a, b) => pos.get(a.id)! - pos.get(b.id)!);
  // quotes come from the stories' export documents (speakers are linked there); the ten latest stories suffice
  const quotes: KabarExport['quotes'] = [];
  const articles: EntityView['articles'] = new Map();
  for (const s of storyIds.slice(0, 10)) {
    const v = await storyView(store, s);
    if (!v) continue;
    for (const q of v.doc.quotes ?? []) if (q.speaker?.entity === id) quotes.push(q);
    for (const a of v.doc.articles) articles.set(a.id, { title: a.title, outlet: a.outlet, language: a.language, story: a.story, published: a.published });
  }
  return {
    id,
    type: String(e.type),
    name: String(e.name),
    country: (e.country as string | null) ?? null,
    coordinates: e.lat != null && e.lon != null ? [Number(e.lat), Number(e.lon)] : null,
    aliases: aliases.map((a) => ({ text: String(a.text), lang: String(a.lang) })),
    roles: roles.rows.map((r) => ({ title: r.title, org: r.org || null, article: r.article, story: r.story_id, published: r.published, outlet: r.outlet })),
    stories,
    quotes,
    articles,
  };
}

let entityRanking: { key: string; at: number; rows: Array<{ id: string; type: string; name: string; country: string | null; articles: number }> } | null = null;

/**
 * Entities by how many articles mention them (for the API list), optionally by type. Counting every mention
 * costs a pass over the mention index, so the ranking is kept until articles are added, and while they are
 * being added it is recounted at most every 30 seconds (counts can then lag that long).
 */
export async function topEntities(store: Store, opts: { type?: string; limit: number; offset: number }): Promise<Array<{ id: string; type: string; name: string; country: string | null; articles: number }>> {
  const v = await sql<{ n: number | null }>`SELECT max(seq) AS n FROM articles`.execute(store.db);
  const key = `${store.location}|${v.rows[0]?.n ?? 0}`;
  const fresh = entityRanking && (entityRanking.key === key || (entityRanking.key.startsWith(`${store.location}|`) && Date.now() - entityRanking.at < 30_000));
  if (!entityRanking || !fresh) {
    const rows = await sql<{ id: string; type: string; name: string; country: string | null; n: number }>`
      SELECT e.id, e.type, e.name, e.country, coalesce(c.n, 0) AS n
      FROM entities e LEFT JOIN (SELECT entity, count(DISTINCT article) AS n FROM entity_mentions GROUP BY entity) c ON c.entity = e.id
      ORDER BY n DESC, e.name`.execute(store.db);
    entityRanking = { key, at: Date.now(), rows: rows.rows.map((r) => ({ id: r.id, type: r.type, name: r.name, country: r.country, articles: Number(r.n) })) };
  }
  const list = opts.type ? entityRanking.rows.filter((r) => r.type === opts.type) : entityRanking.rows;
  return list.slice(opts.offset, opts.offset + opts.limit);
}

/** Raw article rows by story, for places that need only metadata (feeds). */
export async function articleMeta(store: Store, storyIds: string[]): Promise<StoredArticle[]> {
  if (!storyIds.length) return [];
  const rows = await store.db.selectFrom('articles').selectAll().where('story_id', 'in', storyIds).orderBy('seq').execute();
  return rows.map(rowToArticle);
}

/** Forget cached story views (after an ingest through the API the keys change anyway; tests use this). */
export function clearCaches(): void {
  clearStoryMemory();
  searches.clear();
  commonSets.clear();
  phraseProbes.clear();
  clearRankCaches();
  optionsCache = null;
  optionCounts = null;
  entityRanking = null;
}
