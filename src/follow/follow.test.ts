import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openStore, type Store } from '../store/db.ts';
import { testDb } from '../../test/helpers.ts';
import { addSource, listSources, pauseSource, resumeSource, removeSource } from './sources.ts';
import { follow, followOnce, backoffMs } from './follow.ts';
import { followDb } from './schema.ts';
import { startSite, articlePage, type Site } from './testsite.ts';

const MIN = 60_000;

async function tmpStore(): Promise<{ store: Store; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-follow-'));
  const store = await openStore(await testDb('follow'));
  return { store, dir };
}

async function articleCount(store: Store): Promise<number> {
  const r = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

function items(site: Site, from: number, to: number) {
  for (let i = from; i <= to; i++) site.items.push({ path: `/news/${i}`, title: `Story ${i}`, published: new Date(Date.UTC(2024, 4, 1, i)).toISOString() });
}

// generous timeouts: a loaded machine (CI, parallel suites) must not turn a slow local reply into a failed fetch
const FAST = { allowPrivate: true, delayMs: 0, timeoutMs: 15000 } as const;

test('feed changes between polls: new articles ingested exactly once, unchanged feed costs a 304 (ETag and Last-Modified)', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite();
  const site2 = await startSite({ address: '127.0.0.2', seed: 100, topic: 'a landslide' });
  let clock = Date.UTC(2024, 4, 1, 12);
  const now = () => clock;
  try {
    items(site, 1, 3);
    site.validators = 'etag';
    site2.feedFormat = 'atom';
    site2.validators = 'last-modified';
    site2.items.push({ path: '/n/1', title: 'L1' }, { path: '/n/2', title: 'L2' });
    const a = await addSource(store, site.base + '/feed.xml', { every: '15m', fetch: FAST, now });
    assert.equal(a.source.kind, 'rss');
    assert.equal(a.queued, 3);
    const b = await addSource(store, site2.base + '/feed.xml', { every: '15m', name: 'Second Outlet', fetch: FAST, now });
    assert.equal(b.source.kind, 'atom');

    let r = await followOnce(store, { ...FAST, delayMs: 40, now });
    assert.equal(r.sourcesDue, 0, 'just added: not due yet, its entries are already queued');
    assert.equal(r.articlesAdded, 5);
    assert.equal(await articleCount(store), 5);
    // politeness: one request at a time per host, and the delay between them
    assert.equal(site.maxInFlight, 1);
    const times = site.log.filter((l) => l.path.startsWith('/news/')).map((l) => l.start);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 35, `gap ${times[i]! - times[i - 1]!} ms`);
    assert.ok(site.log.every((l) => /Kabar\/.*contact/.test(String(l.headers['user-agent']))), 'User-Agent names Kabar and a contact');

    // Unchanged: a 304 for each feed, nothing else fetched.
    clock += 16 * MIN;
    const before = site.log.length + site2.log.length;
    r = await followOnce(store, { ...FAST, now });
    assert.equal(r.sourcesDue, 2);
    assert.equal(r.notModified, 2);
    assert.equal(r.articlesAdded, 0);
    assert.equal(site.log.length + site2.log.length - before, 2, 'one conditional feed request per host (robots.txt kept in the store)');
    const feedReq1 = site.log.filter((l) => l.path === '/feed.xml').at(-1)!;
    assert.ok(feedReq1.headers['if-none-match'], 'If-None-Match sent');
    const feedReq2 = site2.log.filter((l) => l.path === '/feed.xml').at(-1)!;
    assert.ok(feedReq2.headers['if-modified-since'], 'If-Modified-Since sent');

    // Changed: only the new items are fetched.
    items(site, 4, 5);
    site2.items.unshift({ path: '/n/3', title: 'L3' });
    clock += 16 * MIN;
    r = await followOnce(store, { ...FAST, now });
    assert.equal(r.sourcesFetched, 2);
    assert.equal(r.newUrls, 3);
    assert.equal(r.articlesAdded, 3);
    assert.equal(await articleCount(store), 8);
    for (let i = 1; i <= 5; i++) assert.equal(site.requests(`/news/${i}`), 1, `/news/${i} fetched once`);
    for (let i = 1; i <= 3; i++) assert.equal(site2.requests(`/n/${i}`), 1);
    const outlets = await store.db.selectFrom('articles').select('outlet').where('url', 'like', site2.base + '%').execute();
    assert.ok(outlets.length === 3 && outlets.every((o) => o.outlet === 'Second Outlet'), 'the source name is the outlet');
    const [s1] = await listSources(store);
    assert.equal(s1!.articles_added, 5);
    assert.equal(s1!.error_count, 0);
  } finally {
    await site.close();
    await site2.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('500, 429 (Retry-After) and timeouts back off exponentially with the error visible, then recover', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite();
  let clock = Date.UTC(2024, 4, 1, 12);
  const now = () => clock;
  try {
    items(site, 1, 1);
    const { source } = await addSource(store, site.base + '/feed.xml', { every: '10m', fetch: FAST, now });
    await followOnce(store, { ...FAST, now });
    let mode: 'ok' | '500' | '429' | 'hang' = '500';
    const hung: Array<() => void> = [];
    site.routes.set('/feed.xml', (req, res) => {
      if (mode === '500') return void res.writeHead(500).end('oops');
      if (mode === '429') return void res.writeHead(429, { 'retry-after': '7200' }).end('slow down');
      if (mode === 'hang') return void hung.push(() => res.destroy());
      site.routes.delete('/feed.xml');
      res.writeHead(307, { location: '/feed.xml' }).end();
    });
    items(site, 2, 3);

    clock += 11 * MIN;
    let r = await followOnce(store, { ...FAST, now });
    assert.equal(r.sourceErrors, 1);
    let [s] = await listSources(store);
    assert.equal(s!.error_count, 1);
    assert.equal(s!.last_error, 'HTTP 500');
    assert.equal(Date.parse(s!.next_run), clock + backoffMs(600, 1, 86_400_000));

    clock += 11 * MIN; // not yet due: backed off to 20 minutes
    const n0 = site.requests('/feed.xml');
    r = await followOnce(store, { ...FAST, now });
    assert.equal(r.sourcesDue, 0);
    assert.equal(site.requests('/feed.xml'), n0);

    clock += 10 * MIN;
    mode = '429';
    r = await followOnce(store, { ...FAST, now });
    [s] = await listSources(store);
    assert.equal(s!.error_count, 2);
    assert.equal(s!.last_error, 'HTTP 429');
    assert.equal(Date.parse(s!.next_run), clock + 7200_000, 'Retry-After longer than the back-off is honoured');

    clock += 121 * MIN;
    mode = 'hang';
    r = await followOnce(store, { ...FAST, timeoutMs: 300, now });
    [s] = await listSources(store);
    assert.equal(s!.error_count, 3);
    assert.match(s!.last_error!, /timed out/);
    assert.equal(Date.parse(s!.next_run), clock + backoffMs(600, 3, 86_400_000));
    for (const h of hung) h();

    clock += 81 * MIN;
    mode = 'ok';
    r = await followOnce(store, { ...FAST, now });
    [s] = await listSources(store);
    assert.equal(s!.error_count, 0);
    assert.equal(s!.last_error, null);
    assert.equal(r.articlesAdded, 2, 'recovered through a redirect: the new items arrive');
    assert.equal(await articleCount(store), 3);
    assert.equal(source.id, s!.id);
  } finally {
    await site.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('article errors: 503 retried later, 404 failed, redirects and canonical links give one article per page', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite();
  let clock = Date.UTC(2024, 4, 1, 12);
  const now = () => clock;
  try {
    let flaky = 0;
    site.routes.set('/flaky/7', (req, res) => {
      if (flaky++ === 0) return void res.writeHead(503).end('busy');
      res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(7, 'a storm'));
    });
    site.routes.set('/gone/8', (req, res) => void res.writeHead(404).end('no'));
    site.routes.set('/a-short/9', (req, res) => void res.writeHead(301, { location: '/news/9?utm_source=short' }).end());
    site.routes.set('/amp/10', (req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(10, 'a storm', `<link rel="canonical" href="/news/10?utm_medium=amp">`)));
    site.items.push(
      { path: '/flaky/7', title: 'flaky' },
      { path: '/gone/8', title: 'gone' },
      { path: '/a-short/9', title: 'short link' },
      { path: '/news/9', title: 'nine' },
      { path: '/amp/10', title: 'amp' },
      { path: '/news/10', title: 'ten' },
      { path: '/news/11?fbclid=abc#top', title: 'tracking' },
    );
    await addSource(store, site.base + '/feed.xml', { fetch: FAST, now });
    const seen = (await followDb(store).selectFrom('seen_urls').select('url').execute()).map((r) => r.url);
    assert.ok(seen.includes(site.base + '/news/11'), 'tracking parameters and fragment stripped from feed links');
    let r = await followOnce(store, { ...FAST, now });
    assert.equal(r.articlesRetry, 1);
    assert.equal(r.articlesFailed, 1);
    const rows = await followDb(store).selectFrom('seen_urls').selectAll().execute();
    const by = (p: string) => rows.find((x) => x.url === site.base + p)!;
    assert.equal(by('/gone/8').status, 'failed');
    assert.equal(by('/gone/8').error, 'HTTP 404');
    assert.equal(by('/flaky/7').status, 'pending');
    assert.ok(by('/flaky/7').next_try);
    // /a-short/9 redirects to /news/9 and /amp/10 declares /news/10: one article each.
    assert.equal(await articleCount(store), 3, 'news/9, news/10, news/11');
    assert.equal(site.requests('/news/9') + site.requests('/news/9?utm_source=short'), 1, 'a page already reached through a redirect is not fetched again');
    assert.equal(site.requests('/news/10'), 0, 'the canonical of a fetched page is not fetched again');
    assert.equal(by('/news/10').status, 'duplicate');

    r = await followOnce(store, { ...FAST, now });
    assert.equal(r.articlesAdded, 0, 'retry not due yet');
    clock += 2 * MIN;
    r = await followOnce(store, { ...FAST, now });
    assert.equal(r.articlesAdded, 1);
    assert.equal(site.requests('/flaky/7'), 2);
    assert.equal(site.requests('/gone/8'), 1, 'a failed URL is not fetched again');
    assert.equal(await articleCount(store), 4);
  } finally {
    await site.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('robots.txt disallow is honoured for articles and feeds', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite();
  let clock = Date.UTC(2024, 4, 1, 12);
  const now = () => clock;
  try {
    site.robots = 'User-agent: *\nDisallow: /private/\nDisallow: /hidden-feed.xml\n';
    site.items.push({ path: '/private/1', title: 'p' }, { path: '/news/2', title: 'n' });
    await addSource(store, site.base + '/feed.xml', { fetch: { ...FAST, robotsTtlMs: 30 * MIN }, now });
    await assert.rejects(addSource(store, site.base + '/hidden-feed.xml', { fetch: FAST, now }), /robots\.txt/);
    const r = await followOnce(store, { ...FAST, now });
    assert.equal(r.blocked, 1);
    assert.equal(r.articlesAdded, 1);
    assert.equal(site.requests('/private/1'), 0, 'never requested');
    assert.equal(site.requests('/hidden-feed.xml'), 0);
    // robots.txt changes to forbid the feed itself: the source errors, visibly.
    site.robots = 'User-agent: Kabar\nDisallow: /\n';
    clock += 16 * MIN;
    await followOnce(store, { ...FAST, now, robotsTtlMs: 30 * MIN });
    assert.equal((await listSources(store))[0]!.last_error, null, 'robots.txt kept until it expires');
    clock += 16 * MIN;
    await followOnce(store, { ...FAST, now, robotsTtlMs: 30 * MIN });
    const [s] = await listSources(store);
    assert.match(s!.last_error!, /robots\.txt/);
  } finally {
    await site.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('broken XML: what parses is recovered; an unreadable feed is an error on the source', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite();
  let clock = Date.UTC(2024, 4, 1, 12);
  const now = () => clock;
  try {
    let body = `<?xml version="1.0"?><rss><channel><title>Broken & proud</title><item><title>A & B</title><link>${site.base}/news/1</link></item><item><title>two</title><link>${site.base}/news/2</link></item><item><title>cut`;
    site.routes.set('/broken.xml', (req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    items(site, 1, 2);
    const a = await addSource(store, site.base + '/broken.xml', { fetch: FAST, now });
    assert.equal(a.queued, 2);
    await assert.rejects(
      (async () => {
        site.routes.set('/garbage.xml', (req, res) => void res.writeHead(200, { 'content-type': 'application/xml' }).end('<<<< not xml ]]>'));
        await addSource(store, site.base + '/garbage.xml', { fetch: FAST, now });
      })(),
      /not a feed/,
    );
    await followOnce(store, { ...FAST, now });
    assert.equal(await articleCount(store), 2);
    body = 'Internal error: template not found';
    clock += 16 * MIN;
    const r = await followOnce(store, { ...FAST, now });
    assert.equal(r.sourceErrors, 1);
    const [s] = await listSources(store);
    assert.match(s!.last_error!, /unreadable feed/);
    assert.equal(s!.error_count, 1);
  } finally {
    await site.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a restart mid-pass loses nothing and fetches nothing twice', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite();
  const clock = Date.UTC(2024, 4, 1, 12);
  const now = () => clock;
  try {
    items(site, 1, 10);
    await addSource(store, site.base + '/feed.xml', { fetch: FAST, now });
    const ctrl = new AbortController();
    let settled = 0;
    const r1 = await followOnce(store, { ...FAST, now, signal: ctrl.signal, onArticle: () => ++settled === 4 && ctrl.abort() });
    assert.equal(r1.aborted, true);
    assert.equal(r1.articlesAdded, 4);
    assert.equal(r1.pendingLeft, 6);
    assert.equal(await articleCount(store), 4);

    // A crash between the article's commit and the seen_urls update: the URL is still pending
    // but its article is stored; the next pass must not fetch it again.
    const db = followDb(store);
    const done = await db.selectFrom('seen_urls').select('url').where('status', '=', 'added').orderBy('url').execute();
    await db.updateTable('seen_urls').set({ status: 'pending', article_id: null }).where('url', '=', done[0]!.url).execute();

    const r2 = await followOnce(store, { ...FAST, now });
    assert.equal(r2.recovered, 1);
    assert.equal(r2.articlesAdded, 7);
    assert.equal(await articleCount(store), 10);
    for (let i = 1; i <= 10; i++) assert.equal(site.requests(`/news/${i}`), 1, `/news/${i} fetched exactly once`);
    const r3 = await followOnce(store, { ...FAST, now });
    assert.equal(r3.requests, 0, 'nothing due, nothing pending: no requests at all');
  } finally {
    await site.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cap per pass, pause/resume/remove, sitemap index and feed discovery from a home page', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite();
  const site2 = await startSite({ address: '127.0.0.3', seed: 500 });
  let clock = Date.UTC(2024, 4, 1, 12);
  const now = () => clock;
  try {
    items(site, 1, 6);
    site.routes.set('/', (req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>home</body></html>`));
    const a = await addSource(store, site.base + '/', { fetch: FAST, now, name: 'Home' });
    assert.equal(a.source.url, site.base + '/feed.xml');
    assert.equal(a.discoveredFrom, site.base + '/');
    await assert.rejects(addSource(store, site.base + '/', { fetch: FAST, now }), /already followed/);

    // sitemap index on the second host
    site2.routes.set('/sitemap.xml', (req, res) =>
      void res.writeHead(200, { 'content-type': 'application/xml' }).end(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site2.base}/sm-news.xml</loc><lastmod>2024-05-01</lastmod></sitemap><sitemap><loc>${site2.base}/sm-old.xml</loc><lastmod>2020-01-01</lastmod></sitemap></sitemapindex>`),
    );
    site2.routes.set('/sm-news.xml', (req, res) =>
      void res.writeHead(200, { 'content-type': 'application/xml' }).end(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>${site2.base}/s/1</loc><news:news><news:title>S1</news:title><news:publication_date>2024-05-01T10:00:00Z</news:publication_date></news:news></url></urlset>`),
    );
    // the old child is a gzipped sitemap (.xml.gz served as application/x-gzip)
    site2.routes.set('/sm-old.xml', (req, res) => void res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(zlib.gzipSync(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site2.base}/s/2</loc></url></urlset>`)));
    site2.items.push({ path: '/s/1', title: 'S1' }, { path: '/s/2', title: 'S2' });
    const b = await addSource(store, site2.base + '/sitemap.xml', { fetch: FAST, now });
    assert.equal(b.source.kind, 'sitemap-index');

    let r = await followOnce(store, { ...FAST, now, maxArticles: 4 });
    assert.equal(r.sourcesDue, 1, 'the index is due at once (its children are read by the pass)');
    assert.equal(r.articlesAdded, 4);
    assert.equal(r.pendingLeft, 4);
    assert.equal(site2.requests('/s/1') + site2.requests('/s/2'), 2, 'round-robin across hosts: the second host is not starved');
    assert.equal(site.requests('/news/1') + site.requests('/news/2'), 2);

    await pauseSource(store, a.source.id);
    r = await followOnce(store, { ...FAST, now, maxArticles: 4 });
    assert.equal(r.articlesAdded, 0);
    const paused = site.log.length;
    clock += 20 * MIN;
    await followOnce(store, { ...FAST, now });
    assert.equal(site.log.length, paused, 'a paused source is neither polled nor its articles fetched');
    const [p] = await listSources(store);
    assert.equal(p!.paused, 1);
    assert.ok(p!.pending > 0);

    await resumeSource(store, a.source.id, clock);
    r = await followOnce(store, { ...FAST, now });
    assert.equal(await articleCount(store), 8);
    for (let i = 1; i <= 6; i++) assert.equal(site.requests(`/news/${i}`), 1);

    await removeSource(store, String(a.source.id));
    assert.equal((await listSources(store)).length, 1);
    await assert.rejects(removeSource(store, '999'), /no such source/);
  } finally {
    await site.close();
    await site2.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('follow() keeps polling until aborted: coverage arriving later is ingested as it comes', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite();
  const ctrl = new AbortController();
  try {
    items(site, 1, 2);
    await addSource(store, site.base + '/feed.xml', { every: 1, fetch: FAST });
    const passes: number[] = [];
    const loop = follow(store, { ...FAST, signal: ctrl.signal, minSleepMs: 20, maxSleepMs: 300, onPass: (r) => passes.push(r.articlesAdded) });
    const waitFor = async (n: number) => {
      const until = Date.now() + 5000;
      while ((await articleCount(store)) < n) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${n} articles`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    await waitFor(2);
    items(site, 3, 4);
    await waitFor(4);
    ctrl.abort();
    await loop;
    assert.equal(await articleCount(store), 4);
    assert.ok(passes.length >= 2);
    for (let i = 1; i <= 4; i++) assert.equal(site.requests(`/news/${i}`), 1);
    assert.equal(site.requests('/robots.txt'), 1, 'robots.txt fetched once, then cached');
  } finally {
    ctrl.abort();
    await site.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a home page without feed links: the sitemap named in robots.txt is followed', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite({ feedPath: '/sitemap-news.xml' });
  try {
    site.feedFormat = 'sitemap';
    items(site, 1, 2);
    site.robots = `User-agent: *\nDisallow: /admin/\n\nSitemap: ${site.base}/sitemap-news.xml\n`;
    site.routes.set('/', (req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Home</title></head><body>no feeds here</body></html>'));
    const r = await addSource(store, site.base + '/', { fetch: FAST });
    assert.equal(r.source.kind, 'sitemap');
    assert.equal(r.source.url, site.base + '/sitemap-news.xml');
    assert.equal(r.queued, 2);
    site.routes.set('/plain', (req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>nothing</body></html>'));
    site.robots = '';
    const store2 = await tmpStore();
    try {
      await assert.rejects(addSource(store2.store, site.base + '/plain', { fetch: FAST }), /no feed or sitemap/);
    } finally {
      await store2.store.close();
      fs.rmSync(store2.dir, { recursive: true, force: true });
    }
  } finally {
    await site.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('network safety and robots Crawl-delay: private addresses refused unless allowed; Crawl-delay spaces requests', async () => {
  const { store, dir } = await tmpStore();
  const site = await startSite();
  try {
    items(site, 1, 3);
    site.robots = 'User-agent: *\nCrawl-delay: 0.15\n';
    await assert.rejects(addSource(store, site.base + '/feed.xml', { fetch: { delayMs: 0, allowPrivate: false } }), /refused/);
    assert.equal(site.log.length, 0, 'nothing was requested');
    await addSource(store, site.base + '/feed.xml', { fetch: FAST });
    const r = await followOnce(store, { ...FAST });
    assert.equal(r.articlesAdded, 3);
    const times = site.log.filter((l) => l.path.startsWith('/news/')).map((l) => l.start);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 140, `gap ${times[i]! - times[i - 1]!} ms ≥ Crawl-delay`);
  } finally {
    await site.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
