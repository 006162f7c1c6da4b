// What a story's pages are built from, computed once per story version and kept in the store (table
// story_cache, migration 007) and in memory: the export document (with its cross-check), the brief, and the
// rendered page per interface variant. A request then costs a few indexed reads and, when the page was
// rendered before, no render at all.
//
// Nothing stale is served: every read first takes the story's current version (its stories row, which ingest
// updates whenever an article joins, and its corrections with their review state), then the fingerprint of the
// shared entity data the document shows (aliases and place data that articles of other stories can add), and
// uses a kept row only when both match what the row was computed from, and only when it was computed by this
// code (a hash of the program's sources and data is part of the version). Otherwise it is computed again and
// the row replaced.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../store/db.ts';
import { listArticles, type StoredArticle, type StorySummary } from '../store/queries.ts';
import { inValues, prepared as stmt } from '../store/bulk.ts';
import { buildExport } from '../export/json.ts';
import type { KabarExport } from '../export/schema.ts';
import { correctionRow, listCorrections, type Correction } from './corrections.ts';
import { deserializePage, gzipWithToken, inflatePieces, joinPieces, packPage, serializePage, type PackedPage } from './packed.ts';
import { loadBrief, type BriefView } from './brief.ts';
import { Lru } from '../util/lru.ts';

export interface StoryView {
  /** changes whenever the story, its articles, its corrections or the shared entity data it shows change */
  key: string;
  summary: StorySummary;
  doc: KabarExport;
  corrections: Correction[];
  brief: BriefView | null;
}

/** A way to render a story page: its variant name (interface language, write permission) and the renderer. */
export interface PageVariant {
  variant: string;
  /** the page with `slot` where each reader's CSRF token goes */
  render(view: StoryView, slot: string): string;
}

let codeVersionValue: string | null = null;

/**
 * A hash of the program's sources and data files: a page computed by other code (a better tagger, a new
 * cross-check rule) is not this code's page. KABAR_CODE_VERSION (a release name) replaces the hash.
 */
export function codeVersion(): string {
  if (codeVersionValue) return codeVersionValue;
  // a deployment can name its release instead (every process of it then agrees without hashing)
  const pinned = process.env.KABAR_CODE_VERSION?.trim();
  if (pinned && /^[A-Za-z0-9._-]{1,64}$/.test(pinned)) return (codeVersionValue = pinned);
  const h = createHash('sha1');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = path.join(dir, n);
      const st = fs.statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(ts|tsx|json|txt|tsv)$/.test(n) && !/\.test\.tsx?$/.test(n)) h.update(p.slice(here.length)).update(fs.readFileSync(p));
    }
  };
  walk(path.resolve(here, '..'));
  walk(path.resolve(here, '../../data'));
  codeVersionValue = h.digest('hex').slice(0, 12);
  return codeVersionValue;
}

// ---------- the version of a story ----------

interface Stamp {
  /** code, stories row and corrections; the entity fingerprint is added per computed document */
  base: string;
  updatedAt: string;
  corrections: Correction[];
}

const anyDb = (store: Store) => store.db as unknown as Kysely<any>;

/** PostgreSQL: the story's version (SQLite reads it with the kept rows, in `current`). */
async function stamp(store: Store, id: string): Promise<Stamp | null> {
  const s = (await anyDb(store).selectFrom('stories').select(['updated_at as u', 'article_count as n']).where('id', '=', id).executeTakeFirst()) as { u: string; n: number } | undefined;
  if (!s) return null;
  const rows = await anyDb(store).selectFrom('corrections').selectAll().where('story_id', '=', id).orderBy('id', 'desc').execute();
  return stampOf(s.u, s.n, rows.map((r) => correctionRow(r as never)));
}

/** What the document shows of entities shared with other stories: alias count and place data filled in. */
function docFingerprint(doc: KabarExport): { deps: string[]; fp: string } {
  let aliases = 0;
  let places = 0;
  const deps: string[] = [];
  for (const e of doc.entities ?? []) {
    deps.push(e.id);
    aliases += e.aliases.length;
    if (e.country) places++;
    if (e.coordinates) places++;
  }
  return { deps, fp: `${aliases}.${places}` };
}

/** The same fingerprint from the store as it is now (PostgreSQL; on SQLite it is part of `current`). */
async function storeFingerprint(store: Store, deps: string[]): Promise<string> {
  if (!deps.length) return '0.0';
  const db = anyDb(store);
  const a = await db.selectFrom('entity_aliases').select(sql<number>`count(*)`.as('n')).where(inValues(db, 'entity', deps, 'text')).executeTakeFirst();
  const p = await db
    .selectFrom('entities')
    .select(sql<number>`count(NULLIF(country, '')) + count(CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN 1 END)`.as('n'))
    .where(inValues(db, 'id', deps, 'text'))
    .executeTakeFirst();
  return `${Number(a?.n ?? 0)}.${Number(p?.n ?? 0)}`;
}

interface Current {
  stamp: Stamp;
  /** the full version when the kept document is current, else null */
  key: string | null;
  /** SQLite: the kept row of the variant asked for (gzip), when it was computed at the current version */
  body?: Buffer | null;
}

const STORY = /^s[0-9a-f]{16}$/;

/** What a list of corrections shows (which, and their review state), short. */
const correctionsStamp = (corrections: Correction[]) =>
  corrections.length
    ? createHash('sha1')
        .update(corrections.map((c) => `${c.id}.${c.status}.${c.reviewed ?? ''}`).join(','))
        .digest('hex')
        .slice(0, 12)
    : '-';

const stampOf = (u: string, n: number, corrections: Correction[]): Stamp => ({ base: `${codeVersion()}|${u}|${Number(n)}|${correctionsStamp(corrections)}`, updatedAt: u, corrections });

/**
 * SQLite: what a request for a kept row needs, in one statement: the story's row, whether it has corrections,
 * the kept document's version and what its shared entity data is now (storeFingerprint), and the kept row of
 * one variant at that version.
 */
const CURRENT_SQLITE = `
  SELECT s.updated_at AS u, s.article_count AS n,
         EXISTS (SELECT 1 FROM corrections c WHERE c.story_id = s.id) AS hc,
         d.version AS v,
         (SELECT count(*) FROM entity_aliases WHERE entity IN (SELECT value FROM json_each(coalesce(d.deps, '[]')))) AS fa,
         (SELECT count(NULLIF(country, '')) + count(CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN 1 END) FROM entities
          WHERE id IN (SELECT value FROM json_each(coalesce(d.deps, '[]')))) AS fp,
         h.body AS body
  FROM stories s
  LEFT JOIN story_cache d ON d.story_id = s.id AND d.variant = 'doc'
  LEFT JOIN story_cache h ON h.story_id = s.id AND h.variant = ? AND h.version = d.version
  WHERE s.id = ?`;

/** The story's current version and whether its kept document is current (with the kept row of `variant`, on SQLite). */
async function current(store: Store, id: string, variant = ''): Promise<Current | null> {
  if (!STORY.test(id)) return null;
  if (store.sqlite) {
    const r = stmt(store.sqlite, CURRENT_SQLITE).get(variant, id) as { u: string; n: number; hc: number; v: string | null; fa: number; fp: number; body: Buffer | null } | undefined;
    if (!r) return null;
    const corrections = r.hc ? (stmt(store.sqlite, 'SELECT * FROM corrections WHERE story_id = ? ORDER BY id DESC').all(id) as unknown[]).map((x) => correctionRow(x as never)) : [];
    const st = stampOf(r.u, r.n, corrections);
    const key = r.v !== null && r.v === `${st.base}|${Number(r.fa)}.${Number(r.fp)}` ? r.v : null;
    return { stamp: st, key, body: key ? r.body : null };
  }
  const st = await stamp(store, id);
  if (!st) return null;
  const meta = (await anyDb(store).selectFrom('story_cache').select(['version', 'deps']).where('story_id', '=', id).where('variant', '=', 'doc').executeTakeFirst()) as { version: string; deps: string | null } | undefined;
  if (!meta || !meta.version.startsWith(st.base + '|')) return { stamp: st, key: null };
  const fp = await storeFingerprint(store, JSON.parse(meta.deps ?? '[]'));
  return { stamp: st, key: meta.version === `${st.base}|${fp}` ? meta.version : null };
}

// ---------- kept rows ----------

/** A kept row's text: `body` when the caller has it (read with the version, see `current`), else read now. */
async function readRow(store: Store, id: string, variant: string, version: string, body?: Buffer | null): Promise<string | null> {
  const b = body ?? (await readBody(store, id, variant, version));
  if (!b) return null;
  try {
    return zlib.gunzipSync(b).toString('utf8');
  } catch {
    return null;
  }
}

async function readBody(store: Store, id: string, variant: string, version: string): Promise<Buffer | null> {
  let r: { body: Buffer } | undefined;
  if (store.sqlite) r = stmt(store.sqlite, 'SELECT body FROM story_cache WHERE story_id = ? AND variant = ? AND version = ?').get(id, variant, version) as typeof r;
  else r = (await anyDb(store).selectFrom('story_cache').select('body').where('story_id', '=', id).where('variant', '=', variant).where('version', '=', version).executeTakeFirst()) as typeof r;
  return r?.body ?? null;
}

interface Row {
  story_id: string;
  variant: string;
  version: string;
  deps: string | null;
  body: Buffer;
  built_at: string;
}

const row = (id: string, variant: string, version: string, body: Buffer, deps: string[] | null = null): Row => ({
  story_id: id,
  variant,
  version,
  deps: deps ? JSON.stringify(deps) : null,
  body,
  built_at: new Date().toISOString(),
});
const gz = (text: string) => zlib.gzipSync(text, { level: 4 });

/**
 * Keep rows. Best effort: a store another process is writing to (SQLite's one writer) is not waited for, and an
 * open transaction on this connection (an ingest through the API) is never joined; the next read recomputes.
 */
async function keep(store: Store, rows: Row[], wait = false): Promise<void> {
  if (!rows.length) return;
  if (store.sqlite) {
    const db = store.sqlite;
    if (db.inTransaction || db.readonly) return;
    const busy = db.pragma('busy_timeout', { simple: true }) as number;
    try {
      if (!wait) db.pragma('busy_timeout = 0');
      const ins = stmt(
        db,
        `INSERT INTO story_cache (story_id, variant, version, deps, body, built_at) VALUES (@story_id, @variant, @version, @deps, @body, @built_at)
         ON CONFLICT (story_id, variant) DO UPDATE SET version = excluded.version, deps = excluded.deps, body = excluded.body, built_at = excluded.built_at`,
      );
      db.transaction(() => {
        for (const r of rows) ins.run(r);
      })();
    } catch {
      // busy or read-only: computed again next time
    } finally {
      db.pragma(`busy_timeout = ${Number(busy) || 0}`);
    }
    return;
  }
  try {
    await anyDb(store)
      .insertInto('story_cache')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['story_id', 'variant']).doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          deps: eb.ref('excluded.deps'),
          body: eb.ref('excluded.body'),
          built_at: eb.ref('excluded.built_at'),
        })),
      )
      .execute();
  } catch {
    // computed again next time
  }
}

// ---------- reads ----------

const views = new Lru<StoryView>(300);
const docs = new Lru<string>(300);
/**
 * A kept page: its pieces around the slots where each reader's CSRF token goes, compressed (src/server/packed.ts),
 * and, once a client that does not accept gzip asked for it, uncompressed.
 */
export interface KeptPage {
  packed: PackedPage;
  /** the inflated pieces, kept from the page's second reader without gzip on (see pageBytes) */
  raw?: Buffer[];
  /** a reader without gzip has had the page */
  read?: boolean;
}

const pages = new Lru<KeptPage>(1000);

const pack = (html: string, slot: string): KeptPage => ({ packed: packPage(Buffer.from(html), slot) });

/** The page's bytes with the reader's token in every slot. */
export function pageBytes(p: KeptPage, token: string): Buffer {
  if (p.raw) return joinPieces(p.raw, token);
  // Kept from the second reader on: kept at the first, the pieces of every page read once (most of a large
  // store's) would stay until the page leaves memory, by then in the old generation, where only a full collection
  // frees them; their growth is what starts full collections (pauses of 10-30 ms under load)
  const raw = inflatePieces(p.packed);
  if (p.read) p.raw = raw;
  p.read = true;
  return joinPieces(raw, token);
}

/** The page as gzip with the reader's token in every slot, from the kept compressed bytes. */
export function pageGzip(p: KeptPage, token: string): Buffer {
  return gzipWithToken(p.packed, token);
}

async function readPage(store: Store, id: string, variant: string, version: string, body?: Buffer | null): Promise<KeptPage | null> {
  const b = body ?? (await readBody(store, id, variant, version));
  const packed = b ? deserializePage(b) : null;
  return packed ? { packed } : null;
}

/** A page's row: its packed pieces (not gzip of the whole: see packed.ts). */
const pageRow = (id: string, variant: string, version: string, p: KeptPage): Row => row(id, variant, version, serializePage(p.packed));

interface Computed {
  view: StoryView;
  docJson: string;
  docGzip: Buffer;
}

/**
 * Readers of a story being computed wait for that compute instead of starting their own. On PostgreSQL a compute
 * waits for the server between its queries, so the computes of requests that came together interleave: 25 readers
 * of a story just updated computed it 25 times. (On SQLite the driver is synchronous: a request's compute runs to
 * its end before the next request is read.)
 */
const inFlight = new Map<string, Promise<Computed | null>>();

/** `compute`, shared by the requests for the same story version and variants while it runs. */
function computeShared(store: Store, id: string, st: Stamp, extra: PageVariant[] = [], wait = false): Promise<Computed | null> {
  const k = `${store.location}|${id}|${st.base}|${extra.map((v) => v.variant).join(',')}`;
  const had = inFlight.get(k);
  if (had) return had;
  const p = compute(store, id, st, extra, wait).finally(() => inFlight.delete(k));
  inFlight.set(k, p);
  return p;
}

async function compute(store: Store, id: string, st: Stamp, extra: PageVariant[] = [], wait = false): Promise<Computed | null> {
  const doc = await buildExport(store, { storyIds: [id] });
  const s = doc.stories[0];
  if (!s) return null;
  const summary: StorySummary = {
    id,
    title: s.title,
    articles: doc.articles.length,
    outlets: [...new Set(doc.articles.map((a) => a.outlet).filter((o): o is string => !!o))].sort(),
    languages: [...new Set(doc.articles.map((a) => a.language))].sort(),
    firstPublished: s.firstPublished,
    lastPublished: s.lastPublished,
    updatedAt: st.updatedAt,
  };
  const brief = await loadBrief(store, doc);
  const { deps, fp } = docFingerprint(doc);
  const key = `${st.base}|${fp}`;
  const view: StoryView = { key, summary, doc, corrections: st.corrections, brief };
  const docJson = JSON.stringify(doc);
  const rows = [row(id, 'doc', key, gz(docJson), deps), row(id, 'view', key, gz(JSON.stringify({ summary, brief })))];
  for (const v of extra) {
    const slot = newSlot();
    const page = pack(v.render(view, slot), slot);
    pages.set(`${key}|${v.variant}`, page);
    rows.push(pageRow(id, v.variant, key, page));
  }
  await keep(store, rows, wait);
  views.set(key, view);
  docs.set(key, docJson);
  return { view, docJson, docGzip: rows[0]!.body };
}

const newSlot = () => `csrf-slot-${randomBytes(12).toString('hex')}`;

/** One story's export document, corrections and cross-checked brief, current. */
export async function storyView(store: Store, id: string): Promise<StoryView | null> {
  const cur = await current(store, id, 'view');
  if (!cur) return null;
  if (cur.key) {
    const hit = views.get(cur.key);
    if (hit) return hit;
    const [docJson, viewJson] = await Promise.all([docs.get(cur.key) ?? readRow(store, id, 'doc', cur.key), readRow(store, id, 'view', cur.key, cur.body)]);
    if (docJson && viewJson) {
      const { summary, brief } = JSON.parse(viewJson) as { summary: StorySummary; brief: BriefView | null };
      const view: StoryView = { key: cur.key, summary, doc: JSON.parse(docJson) as KabarExport, corrections: cur.stamp.corrections, brief };
      views.set(cur.key, view);
      docs.set(cur.key, docJson);
      return view;
    }
  }
  return (await computeShared(store, id, cur.stamp))?.view ?? null;
}

const docsGzip = new Lru<Buffer>(1000);
const isGzip = (b: Buffer | null | undefined): b is Buffer => !!b && b.length > 18 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * One story's export document as gzip bytes (what the API sends), current: the kept row as stored (nothing is
 * parsed on the way; a client that does not accept gzip gets it inflated).
 */
export async function storyDocGzip(store: Store, id: string): Promise<Buffer | null> {
  const cur = await current(store, id, 'doc');
  if (!cur) return null;
  if (cur.key) {
    const hit = docsGzip.get(cur.key) ?? cur.body ?? (await readBody(store, id, 'doc', cur.key));
    if (isGzip(hit)) {
      docsGzip.set(cur.key, hit);
      return hit;
    }
  }
  const done = await computeShared(store, id, cur.stamp);
  if (!done) return null;
  docsGzip.set(done.view.key, done.docGzip);
  return done.docGzip;
}

/** One story's rendered page for a variant, with the slot where the reader's CSRF token goes; current. */
export async function storyPage(store: Store, id: string, v: PageVariant): Promise<KeptPage | null> {
  const cur = await current(store, id, v.variant);
  if (!cur) return null;
  if (cur.key) {
    const k = `${cur.key}|${v.variant}`;
    const hit = pages.get(k);
    if (hit) return hit;
    const kept = await readPage(store, id, v.variant, cur.key, cur.body);
    if (kept) {
      pages.set(k, kept);
      return kept;
    }
    const view = await storyView(store, id);
    if (!view) return null;
    const slot = newSlot();
    const page = pack(v.render(view, slot), slot);
    pages.set(`${view.key}|${v.variant}`, page);
    await keep(store, [pageRow(id, v.variant, view.key, page)]);
    return page;
  }
  const done = await computeShared(store, id, cur.stamp, [v]);
  return done ? pages.get(`${done.view.key}|${v.variant}`)! : null;
}

/** A way to render an article page: its variant name (interface language, write permission) and the renderer. */
export interface ArticleVariant {
  variant: string;
  /** the page with `slot` where each reader's CSRF token goes */
  render(a: StoredArticle, doc: KabarExport, corrections: Correction[], slot: string): string;
}

/** The story an article is in: undefined when there is no such article, null when it is in none. */
async function articleStory(store: Store, id: string): Promise<string | null | undefined> {
  let r: { story_id: string | null } | undefined;
  if (store.sqlite) r = stmt(store.sqlite, 'SELECT story_id FROM articles WHERE id = ?').get(id) as typeof r;
  else r = (await anyDb(store).selectFrom('articles').select('story_id').where('id', '=', id).executeTakeFirst()) as typeof r;
  return r ? r.story_id : undefined;
}

/**
 * One article's rendered page for a variant, kept with its story's rows (variant `a:<article>:<variant>`) at the
 * story's version plus the article's own corrections (a report on an article can name another story than the one
 * it is in now): undefined when there is no such article, null when it is in no story (the caller renders it).
 */
export async function articlePage(store: Store, id: string, v: ArticleVariant): Promise<KeptPage | null | undefined> {
  const storyId = await articleStory(store, id);
  if (storyId === undefined) return undefined;
  if (!storyId) return null;
  const cur = await current(store, storyId);
  if (!cur) return null;
  const corrections = await listCorrections(store, { article: id });
  const rowVariant = `a:${id}:${v.variant}`;
  if (cur.key) {
    const version = `${cur.key}|${correctionsStamp(corrections)}`;
    const k = `${version}|${rowVariant}`;
    const hit = pages.get(k) ?? (await readPage(store, storyId, rowVariant, version));
    if (hit) {
      pages.set(k, hit);
      return hit;
    }
  }
  const view = await storyView(store, storyId);
  const [a] = await listArticles(store, { ids: [id] });
  if (!view || !a) return null;
  const version = `${view.key}|${correctionsStamp(corrections)}`;
  const slot = newSlot();
  const page = pack(v.render(a, view.doc, corrections, slot), slot);
  pages.set(`${version}|${rowVariant}`, page);
  await keep(store, [pageRow(storyId, rowVariant, version, page)]);
  return page;
}

/**
 * Compute what is missing or out of date for some stories (the document, the brief and the pages of the
 * variants given); returns how many stories needed work. Used by the server when idle and by tools that
 * prepare a store (a story's first reader then gets a kept page).
 */
export async function warmStories(store: Store, ids: string[], variants: PageVariant[], opts: { wait?: boolean; articles?: ArticleVariant[] } = {}): Promise<number> {
  let n = 0;
  for (const id of ids) {
    const cur = await current(store, id);
    if (!cur) continue;
    let key = cur.key;
    let worked = false;
    let have: Array<{ variant: string; version: string }> = [];
    if (key) {
      if (store.sqlite) have = stmt(store.sqlite, 'SELECT variant, version FROM story_cache WHERE story_id = ?').all(id) as typeof have;
      else have = (await anyDb(store).selectFrom('story_cache').select(['variant', 'version']).where('story_id', '=', id).execute()) as typeof have;
    }
    const at = new Set(have.filter((r) => r.version === key).map((r) => r.variant));
    if (!key || !at.has('view')) {
      key = (await computeShared(store, id, cur.stamp, variants, opts.wait))?.view.key ?? null;
      if (!key) continue;
      worked = true;
    } else {
      for (const v of variants.filter((x) => !at.has(x.variant))) {
        await storyPage(store, id, v);
        worked = true;
      }
    }
    if (opts.articles?.length) {
      // article rows carry the story's version and then the article's corrections
      const articleAt = new Set(have.filter((r) => r.version.startsWith(`${key}|`)).map((r) => r.variant));
      const view = await storyView(store, id);
      for (const a of view?.doc.articles ?? [])
        for (const v of opts.articles) {
          if (articleAt.has(`a:${a.id}:${v.variant}`)) continue;
          await articlePage(store, a.id, v);
          worked = true;
        }
    }
    if (worked) n++;
  }
  return n;
}

/** Forget what is kept in memory (the store's rows stay; they are checked on every read anyway). */
export function clearStoryMemory(): void {
  views.clear();
  docs.clear();
  docsGzip.clear();
  pages.clear();
}
