// One pass of following, and the loop around it. A pass:
//  1. polls the due sources (conditional requests; a sitemap index's changed children), queueing
//     the entries not seen before as `pending` in seen_urls — committed with the source's new
//     state (ETag, Last-Modified, next run) in one transaction;
//  2. fetches pending article URLs (capped per pass, round-robin across hosts, one request at a
//     time per host with a delay, robots.txt honoured) and ingests each through the normal
//     pipeline (processRaw → ingestDoc).
// Crash safety: ingestDoc commits the article with an `inputs` row naming the seen URL in the
// article's own transaction; a pending URL that already has that row was ingested before a crash
// and is marked done without fetching it again. Failures back off exponentially (per source and per
// article URL) with the error stored where `sources list` shows it.
import type { Store } from '../store/db.ts';
import { FetchError, type FetchResult } from '../net/fetch.ts';
import { decodeBytes } from '../extract/decode.ts';
import { fromBuffer, DEFAULT_MAX_BYTES } from '../ingest/sources.ts';
import { processRaw } from '../pipeline.ts';
import { ingestDoc } from '../store/ingest.ts';
import { parseFeed, FeedError, looksLikeHtmlPage, type FeedEntry } from './feeds.ts';
import { FEED_ACCEPT, PoliteFetcher, RobotsDisallowed, sleep, type PoliteOptions } from './net.ts';
import { capEntries, headerStr, queueEntries, type Source } from './sources.ts';
import { followDb, storeRobots, type FollowDb, type SeenStatus } from './schema.ts';
import { canonicalFromHtml, hostKey, normaliseUrl } from './urls.ts';

export interface FollowOptions extends PoliteOptions {
  /** Most article URLs fetched in one pass (default 500). */
  maxArticles?: number;
  /** Hosts worked on at once (each host still gets one request at a time). Default 8. */
  concurrency?: number;
  /** Most entries queued from one poll of one source (newest first). Default 200. */
  maxEntriesPerSource?: number;
  /** Child sitemaps of an index fetched per poll (newest first). Default 5. */
  maxChildSitemaps?: number;
  /** Attempts at one article URL before it is marked failed (transient errors). Default 3. */
  maxAttempts?: number;
  /** Longest back-off of a failing source (ms). Default 24 h. */
  maxBackoffMs?: number;
  /** Shared fetcher (request counts, robots cache); one per pass by default. */
  fetcher?: PoliteFetcher;
  /** Called after each article URL is settled (tests, progress). */
  onArticle?: (url: string, status: SeenStatus, error?: string) => void;
  onSource?: (source: Source, outcome: SourceOutcome) => void;
}

export type SourceOutcome = { status: 'ok'; newEntries: number } | { status: 'not-modified' } | { status: 'error'; error: string; retryAt: string };

export interface PassReport {
  sourcesDue: number;
  sourcesFetched: number;
  notModified: number;
  sourceErrors: number;
  newUrls: number;
  articlesAdded: number;
  articlesPresent: number;
  duplicates: number;
  articlesFailed: number;
  articlesRetry: number;
  blocked: number;
  recovered: number;
  pendingLeft: number;
  requests: number;
  ms: number;
  aborted: boolean;
}

const TRANSIENT_CODES = new Set(['timeout', 'network', 'dns']);

export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/** Retry-After (seconds or an HTTP date) in ms from now, if given. */
export function retryAfterMs(h: string | string[] | undefined, now: number): number | undefined {
  const v = headerStr(h);
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** Back-off after the n-th consecutive failure: every (at least a minute) × 2^n, capped. */
export function backoffMs(everySeconds: number, errorCount: number, maxMs: number): number {
  return Math.min(maxMs, Math.max(everySeconds, 60) * 1000 * 2 ** Math.min(errorCount, 30));
}

async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let i = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(n, items.length)) }, async () => {
    while (i < items.length && !signal?.aborted) await fn(items[i++]!);
  });
  await Promise.all(workers);
}

function errMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function followOnce(store: Store, opts: FollowOptions = {}): Promise<PassReport> {
  const t0 = performance.now();
  const db = followDb(store);
  const now = opts.now ?? Date.now;
  const fetcher = opts.fetcher ?? new PoliteFetcher({ robotsPersist: storeRobots(store), ...opts });
  const requestsBefore = fetcher.totalRequests;
  const signal = opts.signal;
  const report: PassReport = {
    sourcesDue: 0, sourcesFetched: 0, notModified: 0, sourceErrors: 0, newUrls: 0, articlesAdded: 0, articlesPresent: 0,
    duplicates: 0, articlesFailed: 0, articlesRetry: 0, blocked: 0, recovered: 0, pendingLeft: 0, requests: 0, ms: 0, aborted: false,
  };

  // 1. Sources due now, grouped by host (one worker per host).
  const due = await db
    .selectFrom('sources')
    .selectAll()
    .where('paused', '=', 0)
    .where('next_run', '<=', new Date(now()).toISOString())
    .orderBy('next_run')
    .execute();
  report.sourcesDue = due.length;
  const byHost = groupBy(due, (s) => hostKey(s.url));
  await pool(
    [...byHost.values()],
    opts.concurrency ?? 8,
    async (list) => {
      for (const src of list) {
        if (signal?.aborted) return;
        const outcome = await pollSource(db, fetcher, src, opts, now);
        if (outcome.status === 'ok') (report.sourcesFetched++, (report.newUrls += outcome.newEntries));
        else if (outcome.status === 'not-modified') report.notModified++;
        else report.sourceErrors++;
        opts.onSource?.(src, outcome);
      }
    },
    signal,
  );

  // 2. Pending article URLs, round-robin across hosts, capped.
  if (!signal?.aborted) {
    const nowIso = new Date(now()).toISOString();
    const pending = await db
      .selectFrom('seen_urls')
      .leftJoin('sources', 'sources.id', 'seen_urls.source_id')
      .select(['seen_urls.url', 'seen_urls.source_id', 'seen_urls.attempts', 'sources.lang', 'sources.name', 'sources.paused'])
      .where('seen_urls.status', '=', 'pending')
      .where((eb) => eb.or([eb('seen_urls.next_try', 'is', null), eb('seen_urls.next_try', '<=', nowIso)]))
      .orderBy('seen_urls.first_seen')
      .orderBy('seen_urls.url')
      .execute();
    const active = pending.filter((p) => !p.paused);
    const cap = opts.maxArticles ?? 500;
    const chosen = roundRobin(groupBy(active, (p) => hostKey(p.url)), cap);
    report.pendingLeft = active.length - chosen.length;
    await pool(
      [...groupBy(chosen, (p) => hostKey(p.url)).values()],
      opts.concurrency ?? 8,
      async (list) => {
        for (const item of list) {
          if (signal?.aborted) return;
          let r: ArticleOutcome;
          try {
            r = await fetchArticle(store, db, fetcher, item, opts, now);
          } catch (e) {
            // Anything unforeseen (undecodable bytes, …) fails this URL only, never the pass.
            r = { status: 'failed', error: errMessage(e) };
            await settle(db, item.url, { status: 'failed', error: r.error ?? null }, now()).catch(() => {});
          }
          if (r.recovered) report.recovered++;
          if (r.status === 'added') report.articlesAdded++;
          else if (r.status === 'present') report.articlesPresent++;
          else if (r.status === 'duplicate') report.duplicates++;
          else if (r.status === 'failed') report.articlesFailed++;
          else if (r.status === 'blocked') report.blocked++;
          else if (r.status === 'pending') report.articlesRetry++;
          opts.onArticle?.(item.url, r.status, r.error);
        }
      },
      signal,
    );
    if (signal?.aborted) report.pendingLeft = Number((await db.selectFrom('seen_urls').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirst())?.n ?? 0);
  }
  report.aborted = !!signal?.aborted;
  report.requests = fetcher.totalRequests - requestsBefore;
  report.ms = Math.round(performance.now() - t0);
  return report;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(it);
  }
  return m;
}

function roundRobin<T>(groups: Map<string, T[]>, cap: number): T[] {
  const out: T[] = [];
  const lists = [...groups.values()];
  for (let round = 0; out.length < cap; round++) {
    let any = false;
    for (const l of lists) {
      if (round < l.length) {
        any = true;
        out.push(l[round]!);
        if (out.length >= cap) break;
      }
    }
    if (!any) break;
  }
  return out;
}

/** Poll one source: conditional request, parse, queue new entries, store the state. */
export async function pollSource(db: FollowDb, fetcher: PoliteFetcher, src: Source, opts: FollowOptions, now: () => number): Promise<SourceOutcome> {
  const headers: Record<string, string> = {};
  if (src.etag) headers['if-none-match'] = src.etag;
  if (src.last_modified) headers['if-modified-since'] = src.last_modified;
  const maxBackoff = opts.maxBackoffMs ?? 24 * 3600_000;
  const fail = async (error: string, status: number | null, retryAfter?: number): Promise<SourceOutcome> => {
    const t = now();
    const count = src.error_count + 1;
    const wait = Math.max(backoffMs(src.every_seconds, count, maxBackoff), retryAfter ?? 0);
    const retryAt = new Date(t + wait).toISOString();
    await db
      .updateTable('sources')
      .set({ error_count: count, last_error: error, last_status: status, last_fetched: new Date(t).toISOString(), next_run: retryAt })
      .where('id', '=', src.id)
      .execute();
    return { status: 'error', error, retryAt };
  };
  let res: FetchResult;
  try {
    res = await fetcher.fetch(src.url, headers, FEED_ACCEPT);
  } catch (e) {
    return fail(errMessage(e), null);
  }
  const t = now();
  if (res.status === 304) {
    await db
      .updateTable('sources')
      .set({ last_fetched: new Date(t).toISOString(), last_ok: new Date(t).toISOString(), last_status: 304, error_count: 0, last_error: null, next_run: new Date(t + src.every_seconds * 1000).toISOString() })
      .where('id', '=', src.id)
      .execute();
    return { status: 'not-modified' };
  }
  if (res.status < 200 || res.status >= 300) {
    return fail(`HTTP ${res.status}`, res.status, isTransientStatus(res.status) ? retryAfterMs(res.headers['retry-after'], t) : undefined);
  }
  let entries: FeedEntry[];
  let kind: string;
  let feedTitle: string | undefined;
  try {
    const text = decodeBytes(res.body, { contentType: res.contentType, name: src.url }).text;
    if (looksLikeHtmlPage(text)) throw new FeedError('the source now serves a web page, not a feed');
    const feed = parseFeed(text, res.finalUrl, res.contentType);
    kind = feed.kind;
    feedTitle = feed.title;
    entries = feed.entries;
    if (feed.kind === 'sitemap-index' && feed.sitemaps?.length) {
      entries = await childSitemapEntries(fetcher, feed.sitemaps, src.last_ok, opts.maxChildSitemaps ?? 5);
    }
  } catch (e) {
    return fail(e instanceof FeedError ? `unreadable feed: ${e.message}` : errMessage(e), res.status);
  }
  const nowIso = new Date(t).toISOString();
  const newCount = await db.transaction().execute(async (trx) => {
    const n = await queueEntries(trx, src.id, capEntries(entries, opts.maxEntriesPerSource ?? 200), nowIso);
    await trx
      .updateTable('sources')
      .set({
        etag: headerStr(res.headers.etag) ?? null,
        last_modified: headerStr(res.headers['last-modified']) ?? null,
        last_fetched: nowIso,
        last_ok: nowIso,
        last_status: res.status,
        error_count: 0,
        last_error: null,
        kind,
        ...(feedTitle ? { title: feedTitle } : {}),
        next_run: new Date(t + src.every_seconds * 1000).toISOString(),
        entries_found: src.entries_found + n,
      })
      .where('id', '=', src.id)
      .execute();
    return n;
  });
  return { status: 'ok', newEntries: newCount };
}

/** Entries of the child sitemaps changed since the last good poll (all, the first time), newest first. */
async function childSitemapEntries(fetcher: PoliteFetcher, children: Array<{ url: string; lastmod?: string }>, lastOk: string | null, max: number): Promise<FeedEntry[]> {
  const changed = children.filter((c) => !lastOk || !c.lastmod || c.lastmod >= lastOk.slice(0, c.lastmod.length));
  changed.sort((a, b) => (b.lastmod ?? '').localeCompare(a.lastmod ?? ''));
  const out: FeedEntry[] = [];
  let readable = 0;
  for (const c of changed.slice(0, max)) {
    try {
      const r = await fetcher.fetch(c.url, {}, FEED_ACCEPT);
      if (r.status < 200 || r.status >= 300) continue;
      const feed = parseFeed(decodeBytes(r.body, { contentType: r.contentType, name: c.url }).text, r.finalUrl, r.contentType);
      out.push(...feed.entries);
      readable++;
    } catch {
      // one unreadable child does not fail the index
    }
  }
  if (changed.length && !readable) throw new FeedError('no child sitemap of the index could be read');
  return out;
}

interface PendingItem {
  url: string;
  source_id: number | null;
  attempts: number;
  lang: string | null;
  name: string | null;
}

type ArticleOutcome = { status: SeenStatus; error?: string; recovered?: boolean };

async function settle(db: FollowDb, url: string, set: { status: SeenStatus; article_id?: string | null; error?: string | null; attempts?: number; next_try?: string | null }, now: number): Promise<void> {
  await db
    .updateTable('seen_urls')
    .set({ ...set, fetched_at: new Date(now).toISOString() })
    .where('url', '=', url)
    .execute();
}

/** Fetch one pending article URL and ingest it; the seen_urls row always leaves `pending` unless a retry is due later. */
export async function fetchArticle(store: Store, db: FollowDb, fetcher: PoliteFetcher, item: PendingItem, opts: FollowOptions, now: () => number): Promise<ArticleOutcome> {
  // Settled meanwhile (another URL of this pass had it as its canonical)?
  const row = await db.selectFrom('seen_urls').select(['status']).where('url', '=', item.url).executeTakeFirst();
  if (row && row.status !== 'pending') return { status: row.status };
  // Ingested before a crash (the article's own transaction holds an inputs row for this URL)?
  const done = await db.selectFrom('inputs').select('article_id').where('input', '=', item.url).executeTakeFirst();
  if (done) {
    const own = await (db as unknown as Store['db']).selectFrom('articles').select('input').where('id', '=', done.article_id).executeTakeFirst();
    const status: SeenStatus = own?.input === item.url ? 'added' : 'present';
    await settle(db, item.url, { status, article_id: done.article_id, error: null }, now());
    return { status, recovered: true };
  }
  let res: FetchResult;
  try {
    res = await fetcher.fetch(item.url);
  } catch (e) {
    if (e instanceof RobotsDisallowed) {
      await settle(db, item.url, { status: 'blocked', error: e.message }, now());
      return { status: 'blocked', error: e.message };
    }
    const transient = e instanceof FetchError ? TRANSIENT_CODES.has(e.code) : true;
    return retryOrFail(db, item, errMessage(e), transient, opts, now);
  }
  if (res.status < 200 || res.status >= 300) {
    const t = now();
    return retryOrFail(db, item, `HTTP ${res.status}`, isTransientStatus(res.status), opts, () => t, retryAfterMs(res.headers['retry-after'], t));
  }
  const finalUrl = normaliseUrl(res.finalUrl) ?? item.url;
  const type = (res.contentType ?? '').toLowerCase();
  const kind = type.includes('html') ? 'html' : type.startsWith('text/plain') ? 'text' : 'sniff';
  let canonical: string | null = null;
  let html: string | null = null;
  if (kind !== 'text') {
    html = decodeBytes(res.body, { contentType: res.contentType, name: item.url }).text;
    if (kind === 'html' || /<html\b|<head\b/i.test(html.slice(0, 4000))) canonical = canonicalFromHtml(html, finalUrl);
  }
  const key = canonical ?? finalUrl;
  if (key !== item.url) {
    const other = await db.selectFrom('seen_urls').select(['status', 'article_id']).where('url', '=', key).executeTakeFirst();
    if (other && (other.status === 'added' || other.status === 'present' || other.status === 'duplicate')) {
      await settle(db, item.url, { status: 'duplicate', article_id: other.article_id, error: null }, now());
      return { status: 'duplicate' };
    }
  }
  const hints: Record<string, string> = { url: key };
  if (item.lang) hints.language = item.lang;
  if (item.name) hints.outlet = item.name;
  const raw = fromBuffer(item.url, res.body, kind, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES }, hints, res.contentType);
  if ('error' in raw) {
    await settle(db, item.url, { status: 'failed', error: raw.error }, now());
    return { status: 'failed', error: raw.error };
  }
  let status: SeenStatus;
  let articleId: string;
  try {
    const doc = processRaw(raw.raw);
    const r = await ingestDoc(store, doc);
    status = r.status;
    articleId = r.articleId;
  } catch (e) {
    const msg = errMessage(e);
    await settle(db, item.url, { status: 'failed', error: msg }, now());
    return { status: 'failed', error: msg };
  }
  const t = new Date(now()).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('seen_urls').set({ status, article_id: articleId, error: null, fetched_at: t }).where('url', '=', item.url).execute();
    if (key !== item.url) {
      // The canonical URL is known now too: a feed listing it later costs nothing.
      await trx
        .insertInto('seen_urls')
        .values({ url: key, source_id: item.source_id, status: 'duplicate', title: null, published: null, article_id: articleId, attempts: 0, next_try: null, error: null, first_seen: t, fetched_at: t })
        .onConflict((oc) => oc.column('url').doUpdateSet({ status: 'duplicate', article_id: articleId }).where('seen_urls.status', '=', 'pending'))
        .execute();
    }
    if (status === 'added' && item.source_id != null) {
      await trx.updateTable('sources').set((eb) => ({ articles_added: eb('articles_added', '+', 1) })).where('id', '=', item.source_id!).execute();
    }
  });
  return { status };
}

async function retryOrFail(db: FollowDb, item: PendingItem, error: string, transient: boolean, opts: FollowOptions, now: () => number, retryAfter?: number): Promise<ArticleOutcome> {
  const attempts = item.attempts + 1;
  const t = now();
  if (!transient || attempts >= (opts.maxAttempts ?? 3)) {
    await db.updateTable('seen_urls').set({ status: 'failed', attempts, error, fetched_at: new Date(t).toISOString(), next_try: null }).where('url', '=', item.url).execute();
    return { status: 'failed', error };
  }
  const wait = Math.max(60_000 * 2 ** (attempts - 1), retryAfter ?? 0);
  await db
    .updateTable('seen_urls')
    .set({ attempts, error, fetched_at: new Date(t).toISOString(), next_try: new Date(t + wait).toISOString() })
    .where('url', '=', item.url)
    .execute();
  return { status: 'pending', error };
}

export interface FollowLoopOptions extends FollowOptions {
  /** Longest sleep between passes (ms). Default 60 s. */
  maxSleepMs?: number;
  /** Shortest sleep between passes (ms). Default 1 s. */
  minSleepMs?: number;
  onPass?: (report: PassReport) => void;
}

/** Follow until `signal` aborts: a pass, then sleep until the next source or retry is due. */
export async function follow(store: Store, opts: FollowLoopOptions = {}): Promise<void> {
  const db = followDb(store);
  const now = opts.now ?? Date.now;
  const fetcher = opts.fetcher ?? new PoliteFetcher({ robotsPersist: storeRobots(store), ...opts });
  while (!opts.signal?.aborted) {
    const report = await followOnce(store, { ...opts, fetcher });
    opts.onPass?.(report);
    if (opts.signal?.aborted) break;
    let wait = opts.maxSleepMs ?? 60_000;
    if (report.pendingLeft > 0) wait = opts.minSleepMs ?? 1000;
    else {
      const next = await db.selectFrom('sources').select((eb) => eb.fn.min('next_run').as('t')).where('paused', '=', 0).executeTakeFirst();
      const retry = await db.selectFrom('seen_urls').select((eb) => eb.fn.min('next_try').as('t')).where('status', '=', 'pending').executeTakeFirst();
      for (const v of [next?.t, retry?.t]) if (v) wait = Math.min(wait, Math.max(opts.minSleepMs ?? 1000, Date.parse(String(v)) - now()));
    }
    await sleep(wait, opts.signal);
  }
}
