// What the reader's pages and the API read: stories with filters, search with filters, a story's
// export document (cached until the story or its corrections change), entities and articles.
import { sql, type Kysely } from 'kysely';
import type { Store } from '../store/db.ts';
import { ftsQuery, listArticles, listStories, rowToArticle, type StoredArticle, type StorySummary } from '../store/queries.ts';
import { buildExport } from '../export/json.ts';
import type { KabarExport } from '../export/schema.ts';
import { listCorrections, type Correction } from './corrections.ts';
import { loadBrief, type BriefView } from './brief.ts';

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

/** Small least-recently-used cache. */
export class Lru<V> {
  private m = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.m.delete(k);
    if (this.m.size >= this.size) this.m.delete(this.m.keys().next().value!);
    this.m.set(k, v);
  }
  clear(): void {
    this.m.clear();
  }
}

const anyDb = (store: Store) => store.db as unknown as Kysely<any>;

/** Values of the filters as they arrive in a URL, checked: anything malformed is dropped, never passed on. */
export function cleanFilters(raw: Record<string, string | undefined>): Filters {
  const f: Filters = {};
  const q = raw.q?.trim();
  if (q) f.q = q.slice(0, 300);
  if (raw.lang && /^[a-z]{2,3}$/.test(raw.lang)) f.lang = raw.lang;
  const outlet = raw.outlet?.trim();
  if (outlet) f.outlet = outlet.slice(0, 200);
  if (raw.from && /^\d{4}-\d{2}-\d{2}$/.test(raw.from)) f.from = raw.from;
  if (raw.to && /^\d{4}-\d{2}-\d{2}$/.test(raw.to)) f.to = raw.to;
  const entity = raw.entity?.trim();
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

/** SQL conditions on `articles a` for the filters (all bound parameters). */
async function articleConditions(store: Store, f: Filters): Promise<ReturnType<typeof sql>[] | null> {
  const conds: ReturnType<typeof sql>[] = [];
  if (f.lang) conds.push(sql`a.language = ${f.lang}`);
  if (f.outlet) conds.push(sql`a.outlet = ${f.outlet}`);
  if (f.from) conds.push(sql`a.published >= ${f.from}`);
  // a datetime on the last day ("2025-10-11T08:00Z") is still within "until 2025-10-11"
  if (f.to) conds.push(sql`a.published < ${f.to + 'T~'}`);
  if (f.entity) {
    const ids = await entityIdsFor(store, f.entity);
    if (!ids.length) return null;
    conds.push(sql`a.id IN (SELECT article FROM entity_mentions WHERE entity IN (${sql.join(ids)}))`);
  }
  return conds;
}

/** Stories newest first, restricted by the filters (a story matches when one of its articles does). */
export async function findStories(store: Store, f: Filters, limit: number, offset: number): Promise<StorySummary[]> {
  if (!hasFilters(f)) return listStories(store, { limit, offset });
  const conds = await articleConditions(store, f);
  if (!conds) return [];
  const rows = await sql<{ story_id: string }>`
    SELECT a.story_id FROM articles a
    WHERE a.story_id IS NOT NULL AND ${sql.join(conds, sql` AND `)}
    GROUP BY a.story_id ORDER BY max(a.seq) DESC LIMIT ${limit} OFFSET ${offset}`.execute(store.db);
  const ids = rows.rows.map((r) => r.story_id);
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

/** Full-text search (all words must match, diacritics ignored) with the same filters as stories. */
export async function searchHits(store: Store, f: Filters, limit: number, offset = 0): Promise<Hit[]> {
  const fq = f.q ? ftsQuery(f.q) : null;
  if (!fq) return [];
  const conds = await articleConditions(store, f);
  if (!conds) return [];
  // Ranking every match of a common word by relevance costs time in proportion to the corpus; without filters
  // the ranking covers the SEARCH_WINDOW most recent matches (news readers want recent ones first anyway).
  if (!conds.length) {
    const floor = await sql<{ r: number }>`SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ${fq} ORDER BY rowid DESC LIMIT 1 OFFSET ${SEARCH_WINDOW - 1}`.execute(store.db);
    if (floor.rows[0]) conds.push(sql`articles_fts.rowid >= ${floor.rows[0].r}`);
  }
  const where = conds.length ? sql` AND ${sql.join(conds, sql` AND `)}` : sql``;
  const rows = await sql<{ id: string; story_id: string | null; title: string | null; outlet: string | null; published: string | null; language: string; snip: string }>`
    SELECT a.id, a.story_id, a.title, a.outlet, a.published, a.language,
           snippet(articles_fts, 1, ${SNIP_OPEN}, ${SNIP_CLOSE}, '…', 24) AS snip
    FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
    WHERE articles_fts MATCH ${fq}${where}
    ORDER BY bm25(articles_fts, 5.0, 1.0), a.seq
    LIMIT ${limit} OFFSET ${offset}`.execute(store.db);
  return rows.rows.map((r) => ({
    article: r.id,
    story: r.story_id,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    language: r.language,
    snippet: r.snip,
  }));
}

export interface FilterOptions {
  languages: string[];
  outlets: string[];
}

let optionsCache: { key: string; at: number; value: FilterOptions } | null = null;

/** Languages and outlets to offer in the filters; recomputed only when articles were added. */
export async function filterOptions(store: Store): Promise<FilterOptions> {
  const v = await sql<{ n: number | null }>`SELECT max(seq) AS n FROM articles`.execute(store.db);
  const key = `${store.location}|${v.rows[0]?.n ?? 0}`;
  // the lists change slowly: recomputed (a scan of the articles) at most once a minute while articles arrive
  if (optionsCache && (optionsCache.key === key || Date.now() - optionsCache.at < 60_000)) return optionsCache.value;
  const langs = await sql<{ language: string }>`SELECT DISTINCT language FROM articles ORDER BY language LIMIT 200`.execute(store.db);
  const outlets = await sql<{ outlet: string }>`SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 200`.execute(store.db);
  const value = { languages: langs.rows.map((r) => r.language), outlets: outlets.rows.map((r) => r.outlet).sort((a, b) => a.localeCompare(b)) };
  optionsCache = { key, at: Date.now(), value };
  return value;
}

export interface StoryView {
  /** changes whenever the story, its articles or its corrections change: a cache key for what is built from it */
  key: string;
  summary: StorySummary;
  doc: KabarExport;
  corrections: Correction[];
  brief: BriefView | null;
}

const storyCache = new Lru<StoryView>(1000);

/**
 * The version of a story's page: its row (updated on every article it gains) and its corrections. Two indexed
 * lookups, prepared once: this runs on every story request, cached or not.
 */
function storyVersion(store: Store, id: string): { key: string; updatedAt: string } | null {
  const db = store.sqlite!;
  const s = db.prepare('SELECT updated_at AS u, article_count AS n FROM stories WHERE id = ?').get(id) as { u: string; n: number } | undefined;
  if (!s) return null;
  const c = db.prepare('SELECT max(id) AS m, count(*) AS n, max(reviewed_at) AS r FROM corrections WHERE story_id = ?').get(id) as { m: number | null; n: number; r: string | null };
  return { key: `${store.location}|${id}|${s.u}|${s.n}|${c.m ?? 0}.${c.n}.${c.r ?? ''}`, updatedAt: s.u };
}

/** One story's export document, corrections and cross-checked brief; cached until any of them changes. */
export async function storyView(store: Store, id: string): Promise<StoryView | null> {
  if (!STORY_ID.test(id)) return null;
  const version = storyVersion(store, id);
  if (!version) return null;
  const key = version.key;
  const hit = storyCache.get(key);
  if (hit) return hit;
  const doc = await buildExport(store, { storyIds: [id] });
  const s = doc.stories[0];
  if (!s) return null;
  // the summary from the document itself (one query less than listStories)
  const summary: StorySummary = {
    id,
    title: s.title,
    articles: doc.articles.length,
    outlets: [...new Set(doc.articles.map((a) => a.outlet).filter((o): o is string => !!o))].sort(),
    languages: [...new Set(doc.articles.map((a) => a.language))].sort(),
    firstPublished: s.firstPublished,
    lastPublished: s.lastPublished,
    updatedAt: version.updatedAt,
  };
  const corrections = await listCorrections(store, { story: id });
  const brief = await loadBrief(store, doc);
  const view = { key, summary, doc, corrections, brief };
  storyCache.set(key, view);
  return view;
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
  const storyRows = await sql<{ story_id: string }>`
    SELECT a.story_id FROM entity_mentions m JOIN articles a ON a.id = m.article
    WHERE m.entity = ${id} AND a.story_id IS NOT NULL GROUP BY a.story_id ORDER BY max(a.seq) DESC LIMIT ${opts.stories ?? 50}`.execute(store.db);
  const storyIds = storyRows.rows.map((r) => r.story_id);
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

/** Entities by how many articles mention them (for the API list), optionally by type. */
export async function topEntities(store: Store, opts: { type?: string; limit: number; offset: number }): Promise<Array<{ id: string; type: string; name: string; country: string | null; articles: number }>> {
  const typeCond = opts.type ? sql`WHERE e.type = ${opts.type}` : sql``;
  const rows = await sql<{ id: string; type: string; name: string; country: string | null; n: number }>`
    SELECT e.id, e.type, e.name, e.country, (SELECT count(DISTINCT article) FROM entity_mentions m WHERE m.entity = e.id) AS n
    FROM entities e ${typeCond} ORDER BY n DESC, e.name LIMIT ${opts.limit} OFFSET ${opts.offset}`.execute(store.db);
  return rows.rows.map((r) => ({ id: r.id, type: r.type, name: r.name, country: r.country, articles: Number(r.n) }));
}

/** Raw article rows by story, for places that need only metadata (feeds). */
export async function articleMeta(store: Store, storyIds: string[]): Promise<StoredArticle[]> {
  if (!storyIds.length) return [];
  const rows = await store.db.selectFrom('articles').selectAll().where('story_id', 'in', storyIds).orderBy('seq').execute();
  return rows.map(rowToArticle);
}

/** Forget cached story views (after an ingest through the API the keys change anyway; tests use this). */
export function clearCaches(): void {
  storyCache.clear();
  optionsCache = null;
}
