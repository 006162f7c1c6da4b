// Followed sources kept in the store: adding one detects what it is by fetching it (a feed, a
// sitemap, or a home page announcing a feed / a robots.txt naming a sitemap), and the entries it
// lists at that moment are queued at once, so the first pass costs a conditional request only.
import { sql } from 'kysely';
import type { Store } from '../store/db.ts';
import { decodeBytes } from '../extract/decode.ts';
import { discoverFeeds, FeedError, looksLikeHtmlPage, parseFeed, type FeedEntry, type ParsedFeed } from './feeds.ts';
import { FEED_ACCEPT, PoliteFetcher, type PoliteOptions } from './net.ts';
import { followDb, storeRobots, type FollowDb, type SourceRow } from './schema.ts';
import { normaliseUrl } from './urls.ts';
import type { Selectable } from 'kysely';

export type Source = Selectable<SourceRow>;

export const DEFAULT_EVERY_SECONDS = 15 * 60;

/** "15m", "1h", "30s", "2d", "90" (minutes) → seconds. */
export function parseEvery(v: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days)?\s*$/i.exec(v);
  if (!m) throw new Error(`not a duration: ${v} (use e.g. 30s, 15m, 1h, 1d)`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase()[0]!;
  const secs = Math.round(n * (unit === 's' ? 1 : unit === 'm' ? 60 : unit === 'h' ? 3600 : 86400));
  if (secs < 1) throw new Error(`duration too short: ${v}`);
  return secs;
}

export function formatEvery(secs: number): string {
  if (secs % 86400 === 0) return `${secs / 86400}d`;
  if (secs % 3600 === 0) return `${secs / 3600}h`;
  if (secs % 60 === 0) return `${secs / 60}m`;
  return `${secs}s`;
}

export interface AddSourceOptions {
  name?: string;
  /** Seconds between polls, or a duration string ("15m"). */
  every?: number | string;
  lang?: string;
  fetch?: PoliteOptions;
  fetcher?: PoliteFetcher;
  now?: () => number;
  /** Most entries queued from one poll (newest first when dated). */
  maxEntries?: number;
}

export interface AddSourceResult {
  source: Source;
  /** The URL given, when the feed was discovered from it (a home page). */
  discoveredFrom?: string;
  queued: number;
}

/** Fetch a URL and read it as a feed/sitemap; null when it is an HTML page. */
async function readFeed(fetcher: PoliteFetcher, url: string): Promise<{ feed: ParsedFeed | null; html?: string; finalUrl: string; etag?: string; lastModified?: string }> {
  const res = await fetcher.fetch(url, {}, FEED_ACCEPT);
  if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status} from ${url}`);
  const text = decodeBytes(res.body, { contentType: res.contentType, name: url }).text;
  const etag = headerStr(res.headers.etag);
  const lastModified = headerStr(res.headers['last-modified']);
  const base = { finalUrl: res.finalUrl, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  if (looksLikeHtmlPage(text)) return { feed: null, html: text, ...base };
  return { feed: parseFeed(text, res.finalUrl, res.contentType), ...base };
}

export function headerStr(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

/** Newest entries first (undated ones keep feed order after dated ones), at most `max`. */
export function capEntries(entries: FeedEntry[], max: number): FeedEntry[] {
  if (entries.length <= max) return entries;
  const idx = entries.map((e, i) => ({ e, i }));
  idx.sort((a, b) => {
    const da = a.e.published ?? '';
    const db = b.e.published ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return a.i - b.i;
  });
  return idx.slice(0, max).map((x) => x.e);
}

/**
 * Add a source: fetch the URL, detect RSS/RDF/Atom/JSON Feed/sitemap/news sitemap/sitemap index,
 * or discover the feed a home page announces (else the sitemap its robots.txt names); store it and
 * queue the entries it lists now. Throws when nothing followable is found.
 */
export async function addSource(store: Store, url: string, opts: AddSourceOptions = {}): Promise<AddSourceResult> {
  const db = followDb(store);
  const given = normaliseUrl(url);
  if (!given) throw new Error(`not an http(s) URL: ${url}`);
  const every = opts.every === undefined ? DEFAULT_EVERY_SECONDS : typeof opts.every === 'number' ? opts.every : parseEvery(opts.every);
  const fetcher = opts.fetcher ?? new PoliteFetcher({ delayMs: 0, robotsPersist: storeRobots(store), ...(opts.now ? { now: opts.now } : {}), ...opts.fetch });
  let got = await readFeed(fetcher, given);
  let feedUrl = got.finalUrl;
  let discoveredFrom: string | undefined;
  if (!got.feed) {
    const candidates = discoverFeeds(got.html ?? '', got.finalUrl).map((d) => d.url);
    const robots = await fetcher.robots.get(got.finalUrl);
    for (const s of robots.sitemaps) {
      const u = normaliseUrl(s, got.finalUrl);
      if (u) candidates.push(u);
    }
    let found = false;
    const errors: string[] = [];
    for (const c of candidates.slice(0, 6)) {
      try {
        const r = await readFeed(fetcher, c);
        if (r.feed) {
          got = r;
          feedUrl = r.finalUrl;
          found = true;
          break;
        }
      } catch (e) {
        errors.push(`${c}: ${(e as Error).message}`);
      }
    }
    if (!found) {
      throw new Error(`${given}: a web page with no feed or sitemap announced (no <link rel="alternate"> feed, no Sitemap in robots.txt)${errors.length ? '; ' + errors.join('; ') : ''}`);
    }
    discoveredFrom = given;
  }
  const feed = got.feed!;
  const now = opts.now ? opts.now() : Date.now();
  const nowIso = new Date(now).toISOString();
  const existing = await db.selectFrom('sources').selectAll().where('url', '=', feedUrl).executeTakeFirst();
  if (existing) throw new Error(`already followed: ${feedUrl} (source ${existing.id})`);
  const isIndex = feed.kind === 'sitemap-index';
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('sources')
      .values({
        url: feedUrl,
        name: opts.name ?? null,
        title: feed.title ?? null,
        kind: feed.kind,
        lang: opts.lang ?? null,
        every_seconds: every,
        paused: 0,
        // A sitemap index's children are fetched by the first pass; everything else was just read.
        etag: isIndex ? null : got.etag ?? null,
        last_modified: isIndex ? null : got.lastModified ?? null,
        last_fetched: nowIso,
        last_ok: isIndex ? null : nowIso,
        last_status: 200,
        error_count: 0,
        last_error: null,
        next_run: isIndex ? nowIso : new Date(now + every * 1000).toISOString(),
        entries_found: 0,
        articles_added: 0,
        added_at: nowIso,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const queued = await queueEntries(trx, row.id, capEntries(feed.entries, opts.maxEntries ?? 200), nowIso);
    await trx.updateTable('sources').set({ entries_found: queued }).where('id', '=', row.id).execute();
    const source = { ...row, entries_found: queued };
    return discoveredFrom ? { source, discoveredFrom, queued } : { source, queued };
  });
}

/** Insert the entries not seen before as pending; returns how many were new. */
export async function queueEntries(db: FollowDb, sourceId: number, entries: FeedEntry[], nowIso: string): Promise<number> {
  let added = 0;
  for (let i = 0; i < entries.length; i += 200) {
    const chunk = entries.slice(i, i + 200);
    const known = new Set(
      (await db.selectFrom('seen_urls').select('url').where('url', 'in', chunk.map((e) => e.url)).execute()).map((r) => r.url),
    );
    const fresh = chunk.filter((e) => !known.has(e.url));
    if (!fresh.length) continue;
    await db
      .insertInto('seen_urls')
      .values(
        fresh.map((e) => ({
          url: e.url,
          source_id: sourceId,
          status: 'pending' as const,
          title: e.title ?? null,
          published: e.published ?? null,
          article_id: null,
          attempts: 0,
          next_try: null,
          error: null,
          first_seen: nowIso,
          fetched_at: null,
        })),
      )
      .onConflict((oc) => oc.column('url').doNothing())
      .execute();
    added += fresh.length;
  }
  return added;
}

export interface SourceStatus extends Source {
  pending: number;
  failed: number;
}

export async function listSources(store: Store): Promise<SourceStatus[]> {
  const db = followDb(store);
  const rows = await db.selectFrom('sources').selectAll().orderBy('id').execute();
  const counts = await db
    .selectFrom('seen_urls')
    .select(['source_id', 'status', sql<number>`count(*)`.as('n')])
    .where('status', 'in', ['pending', 'failed'])
    .groupBy(['source_id', 'status'])
    .execute();
  return rows.map((r) => ({
    ...r,
    pending: Number(counts.find((c) => c.source_id === r.id && c.status === 'pending')?.n ?? 0),
    failed: Number(counts.find((c) => c.source_id === r.id && c.status === 'failed')?.n ?? 0),
  }));
}

/** A source by id ("3") or URL. */
export async function findSource(store: Store, idOrUrl: string | number): Promise<Source | undefined> {
  const db = followDb(store);
  if (typeof idOrUrl === 'number' || /^\d+$/.test(idOrUrl)) {
    return db.selectFrom('sources').selectAll().where('id', '=', Number(idOrUrl)).executeTakeFirst();
  }
  const u = normaliseUrl(idOrUrl) ?? idOrUrl;
  return db.selectFrom('sources').selectAll().where((eb) => eb.or([eb('url', '=', u), eb('url', '=', idOrUrl)])).executeTakeFirst();
}

/**
 * Stop following a source. URLs already seen stay recorded (re-adding the source fetches nothing
 * twice); its pending URLs are dropped.
 */
export async function removeSource(store: Store, idOrUrl: string | number): Promise<Source> {
  const src = await findSource(store, idOrUrl);
  if (!src) throw new Error(`no such source: ${idOrUrl}`);
  await followDb(store)
    .transaction()
    .execute(async (trx) => {
      await trx.deleteFrom('seen_urls').where('source_id', '=', src.id).where('status', '=', 'pending').execute();
      await trx.updateTable('seen_urls').set({ source_id: null }).where('source_id', '=', src.id).execute();
      await trx.deleteFrom('sources').where('id', '=', src.id).execute();
    });
  return src;
}

export async function pauseSource(store: Store, idOrUrl: string | number): Promise<Source> {
  return setPaused(store, idOrUrl, 1);
}

export async function resumeSource(store: Store, idOrUrl: string | number, now = Date.now()): Promise<Source> {
  return setPaused(store, idOrUrl, 0, now);
}

async function setPaused(store: Store, idOrUrl: string | number, paused: 0 | 1, now = Date.now()): Promise<Source> {
  const src = await findSource(store, idOrUrl);
  if (!src) throw new Error(`no such source: ${idOrUrl}`);
  const db = followDb(store);
  const set: Partial<Source> = { paused };
  // Resuming makes the source due now (and forgets its back-off).
  if (!paused) Object.assign(set, { next_run: new Date(now).toISOString(), error_count: 0 });
  await db.updateTable('sources').set(set).where('id', '=', src.id).execute();
  return (await findSource(store, src.id))!;
}

export { FeedError };
