// Read-side queries shared by the CLI, the export and (later) the server.
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { ArticleRow, StoryRow } from './schema.ts';
import type { Store } from './db.ts';
import type { Caption, Span } from '../types.ts';
import { ARTICLES_TSVECTOR } from './migrations/001_core.ts';

export interface StoredArticle {
  id: string;
  input: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  language: string;
  languageConfidence: number;
  authors: string[];
  citedSources: string[];
  captions: Caption[];
  paragraphs: Array<Span & { lang: string }>;
  sentences: Span[];
  text: string;
  storyId: string | null;
  ingestedAt: string;
}

export interface StorySummary {
  id: string;
  title: string | null;
  articles: number;
  outlets: string[];
  languages: string[];
  firstPublished: string | null;
  lastPublished: string | null;
  updatedAt: string;
}

export function rowToArticle(r: Selectable<ArticleRow>): StoredArticle {
  return {
    id: r.id,
    input: r.input,
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    published: r.published,
    language: r.language,
    languageConfidence: r.language_confidence,
    authors: JSON.parse(r.authors),
    citedSources: JSON.parse(r.cited_sources),
    captions: JSON.parse(r.captions),
    paragraphs: JSON.parse(r.paragraphs),
    sentences: JSON.parse(r.sentences),
    text: r.text,
    storyId: r.story_id,
    ingestedAt: r.ingested_at,
  };
}

/** Articles in ingest order (`seq`), optionally restricted to some stories. */
export async function listArticles(store: Store, opts: { storyIds?: string[]; ids?: string[] } = {}): Promise<StoredArticle[]> {
  let q = store.db.selectFrom('articles').selectAll().orderBy('seq');
  if (opts.storyIds) {
    if (opts.storyIds.length === 0) return [];
    q = q.where('story_id', 'in', opts.storyIds);
  }
  if (opts.ids) {
    if (opts.ids.length === 0) return [];
    q = q.where('id', 'in', opts.ids);
  }
  return (await q.execute()).map(rowToArticle);
}

function summarise(s: StoryRow, arts: Array<{ outlet: string | null; language: string }>): StorySummary {
  return {
    id: s.id,
    title: s.title,
    articles: s.article_count,
    outlets: [...new Set(arts.map((a) => a.outlet).filter((o): o is string => !!o))].sort(),
    languages: [...new Set(arts.map((a) => a.language))].sort(),
    firstPublished: s.first_published,
    lastPublished: s.last_published,
    updatedAt: s.updated_at,
  };
}

/** Stories, most recently updated first (ties by id, so the order is stable). */
export async function listStories(store: Store, opts: { limit?: number; offset?: number; ids?: string[] } = {}): Promise<StorySummary[]> {
  let q = store.db.selectFrom('stories').selectAll().orderBy('updated_at', 'desc').orderBy('id');
  if (opts.ids) q = q.where('id', 'in', opts.ids.length ? opts.ids : ['']);
  if (opts.limit !== undefined) q = q.limit(opts.limit).offset(opts.offset ?? 0);
  const stories = await q.execute();
  if (stories.length === 0) return [];
  const arts = await store.db
    .selectFrom('articles')
    .select(['story_id', 'outlet', 'language'])
    .where('story_id', 'in', stories.map((s) => s.id))
    .execute();
  const by = new Map<string, Array<{ outlet: string | null; language: string }>>();
  for (const a of arts) {
    const k = a.story_id!;
    if (!by.has(k)) by.set(k, []);
    by.get(k)!.push(a);
  }
  return stories.map((s) => summarise(s, by.get(s.id) ?? []));
}

/**
 * Story ids as they are now: an id whose story was merged into another by re-clustering (src/stories/)
 * gives the story it went to (story_redirects, always one step); other ids are returned as they are.
 */
export async function resolveStoryIds(store: Store, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await store.db.selectFrom('story_redirects').select(['id', 'story_id']).where('id', 'in', ids).execute();
  const to = new Map(rows.map((r) => [r.id, r.story_id]));
  return [...new Set(ids.map((id) => to.get(id) ?? id))];
}

/** One story with its articles; an id that was merged into another story gives that story. */
export async function getStory(store: Store, id: string): Promise<{ story: StorySummary; articles: StoredArticle[] } | null> {
  [id] = await resolveStoryIds(store, [id]);
  const [story] = await listStories(store, { ids: [id!] });
  if (!story) return null;
  const articles = await listArticles(store, { storyIds: [id!] });
  return { story, articles };
}

export interface SearchHit {
  articleId: string;
  storyId: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  snippet: string;
}

/** Turn free text into a safe FTS5 query: each word quoted, all words required. */
export function ftsQuery(q: string): string | null {
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 32).map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
}

export async function searchArticles(store: Store, q: string, limit = 20): Promise<SearchHit[]> {
  const fq = ftsQuery(q);
  if (!fq) return [];
  if (store.engine === 'postgres') return searchPostgres(store, q, limit);
  const rows = await sql<{ id: string; story_id: string | null; title: string | null; outlet: string | null; published: string | null; snip: string }>`
    SELECT a.id, a.story_id, a.title, a.outlet, a.published,
           snippet(articles_fts, 1, '[', ']', '…', 16) AS snip
    FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
    WHERE articles_fts MATCH ${fq}
    ORDER BY bm25(articles_fts, 5.0, 1.0), a.seq
    LIMIT ${limit}`.execute(store.db);
  return rows.rows.map((r) => ({ articleId: r.id, storyId: r.story_id, title: r.title, outlet: r.outlet, published: r.published, snippet: r.snip }));
}

/**
 * PostgreSQL full text (migration 001): every word required (plainto_tsquery; the words are the
 * same ones ftsQuery keeps), diacritics folded by the `kabar_text` configuration on both sides,
 * title weighted above text. The vector is the index's own expression, so the GIN index serves it.
 */
async function searchPostgres(store: Store, q: string, limit: number): Promise<SearchHit[]> {
  const words = (q.normalize('NFKC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? []).slice(0, 32).join(' ');
  const vec = sql.raw(ARTICLES_TSVECTOR);
  const rows = await sql<{ id: string; story_id: string | null; title: string | null; outlet: string | null; published: string | null; snip: string }>`
    SELECT a.id, a.story_id, a.title, a.outlet, a.published,
           ts_headline('kabar_text', a.text, m.q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=2, FragmentDelimiter=…, MaxFragments=1') AS snip
    FROM (SELECT plainto_tsquery('kabar_text', ${words}) AS q) AS m
    JOIN LATERAL (
      SELECT seq, ts_rank(${vec}, m.q) AS rank FROM articles
      WHERE ${vec} @@ m.q
      ORDER BY rank DESC, seq
      LIMIT ${limit}
    ) AS hit ON true
    JOIN articles a ON a.seq = hit.seq
    ORDER BY hit.rank DESC, a.seq`.execute(store.db);
  return rows.rows.map((r) => ({ articleId: r.id, storyId: r.story_id, title: r.title, outlet: r.outlet, published: r.published, snippet: r.snip }));
}
