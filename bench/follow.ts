// One `follow --once` pass over N local outlets (default 200, each on its own loopback address
// 127.0.1.x so per-host politeness applies as on the real web) with M new articles each (default
// 20): wall time, requests made against the minimum needed, peak memory (RSS) of the pass process.
// Then a second pass with nothing new (the cost of an unchanged poll), and a baseline in the same
// run: the same URLs fetched with plain http.get at the same concurrency (nothing parsed or stored),
// and the same pages ingested through processRaw + ingestDoc without network — so what following
// itself costs is the pass minus those two.
// Outlets run in a separate process so their memory is not counted.
// Usage: npx tsx bench/follow.ts [--sources 200] [--articles 20] [--concurrency 16] [--delay 0]
// (BENCH_PROF=DIR writes a CPU profile of each pass to DIR.)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
const nSources = Number(arg('--sources', '200'));
const nArticles = Number(arg('--articles', '20'));
const concurrency = Number(arg('--concurrency', '16'));
const delay = Number(arg('--delay', '0'));

function address(i: number): string {
  return `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
}

async function serve(): Promise<void> {
  const { startSite } = await import('../src/follow/testsite.ts');
  const sites: Array<Awaited<ReturnType<typeof startSite>>> = [];
  for (let i = 0; i < nSources; i++) {
    const s = await startSite({ address: address(i), seed: i * 1000, topic: `outlet ${i}` });
    for (let k = 1; k <= nArticles; k++) s.items.push({ path: `/news/${k}`, title: `Story ${k}`, published: new Date(Date.UTC(2024, 4, 1, k)).toISOString() });
    sites.push(s);
  }
  const control = http.createServer((req, res) => {
    const total = sites.reduce((n, s) => n + s.log.length, 0);
    const byKind = { robots: 0, feed: 0, article: 0, other: 0 };
    for (const s of sites) for (const l of s.log) byKind[l.path === '/robots.txt' ? 'robots' : l.path === '/feed.xml' ? 'feed' : l.path.startsWith('/news/') ? 'article' : 'other']++;
    const maxInFlight = Math.max(...sites.map((s) => s.maxInFlight));
    if (req.url === '/reset') for (const s of sites) (s.log.length = 0), (s.maxInFlight = 0);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total, ...byKind, maxInFlight }));
  });
  await new Promise<void>((r) => control.listen(0, '127.0.0.1', () => r()));
  process.stdout.write(JSON.stringify({ control: (control.address() as { port: number }).port, bases: sites.map((s) => s.base) }) + '\n');
  await new Promise(() => {}); // until killed
}

async function pass(db: string, sourcesFile: string, init: boolean): Promise<void> {
  const { openStore } = await import('../src/store/db.ts');
  const { up } = await import('../src/store/migrations/003_sources.ts');
  const { followOnce } = await import('../src/follow/follow.ts');
  const store = await openStore(db);
  if (init) {
    await up(store.db);
    const bases: string[] = JSON.parse(fs.readFileSync(sourcesFile, 'utf8'));
    const now = new Date().toISOString();
    const { followDb } = await import('../src/follow/schema.ts');
    await followDb(store)
      .insertInto('sources')
      .values(bases.map((b, i) => ({ url: b + '/feed.xml', name: `Outlet ${i}`, title: null, kind: 'rss', lang: null, every_seconds: 0, paused: 0, etag: null, last_modified: null, last_fetched: null, last_ok: null, last_status: null, error_count: 0, last_error: null, next_run: now, entries_found: 0, articles_added: 0, added_at: now })))
      .execute();
  }
  const t0 = performance.now();
  const r = await followOnce(store, { allowPrivate: true, delayMs: delay, concurrency, maxArticles: nSources * nArticles + 1000 });
  const secs = (performance.now() - t0) / 1000;
  await store.close();
  process.stdout.write(JSON.stringify({ secs, report: r, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

async function floor(sourcesFile: string, db: string, orderFrom: string): Promise<void> {
  const bases: string[] = JSON.parse(fs.readFileSync(sourcesFile, 'utf8'));
  const agent = new http.Agent({ keepAlive: false });
  const get = (u: string) =>
    new Promise<string>((resolve, reject) => {
      http.get(u, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      }).on('error', reject);
    });
  const t0 = performance.now();
  let i = 0;
  let requests = 0;
  const pages: Array<Array<{ url: string; html: string }>> = bases.map(() => []);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < bases.length) {
        const idx = i++;
        const b = bases[idx]!;
        const feed = await get(b + '/feed.xml');
        requests++;
        for (const m of feed.matchAll(/<link>([^<]+)<\/link>/g)) {
          if (!m[1]!.includes('/news/')) continue;
          pages[idx]!.push({ url: m[1]!, html: await get(m[1]!) });
          requests++;
        }
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  const rssFetch = process.resourceUsage().maxRSS / 1024;
  // The same pages through the pipeline and the store, no network, interleaved across outlets as a pass does.
  const { openStore } = await import('../src/store/db.ts');
  const { processRaw } = await import('../src/pipeline.ts');
  const { ingestDoc } = await import('../src/store/ingest.ts');
  // Same order as the pass stored them (clustering cost depends on the order articles arrive in).
  const passDb = await openStore(orderFrom);
  const order = (await passDb.db.selectFrom('articles').select('input').orderBy('seq').execute()).map((r) => r.input);
  await passDb.close();
  const byUrl = new Map<string, { html: string; outlet: string }>();
  pages.forEach((list, s) => list.forEach((p) => byUrl.set(p.url, { html: p.html, outlet: `Outlet ${s}` })));
  const store = await openStore(db);
  const t1 = performance.now();
  let added = 0;
  for (const url of order) {
    const p = byUrl.get(url);
    if (!p) continue;
    const doc = processRaw({ input: url, format: 'html', content: p.html, hints: { url, outlet: p.outlet } });
    if ((await ingestDoc(store, doc)).status === 'added') added++;
  }
  const ingestSecs = (performance.now() - t1) / 1000;
  await store.close();
  process.stdout.write(JSON.stringify({ secs, requests, maxRssMB: rssFetch, ingestSecs, added, ingestRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

function child(mode: string[], ): any {
  const prof = process.env.BENCH_PROF && mode[0] === '--pass' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const r = spawnSync(process.execPath, [...prof, '--import', 'tsx', fileURLToPath(import.meta.url), ...args, ...mode], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: path.join(here, '..') });
  if (r.status !== 0) throw new Error(`child ${mode.join(" ")} failed (status ${r.status}, signal ${r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

async function stats(port: number, reset = false): Promise<any> {
  return new Promise((resolve, reject) => {
    http.get(`http://127.0.0.1:${port}/${reset ? "reset" : "stats"}`, { agent: false }, (res) => {
      let t = '';
      res.on('data', (c) => (t += c));
      res.on('end', () => resolve(JSON.parse(t)));
    }).on('error', reject);
  });
}

async function main(): Promise<void> {
  if (args.includes('--serve')) return serve();
  if (args.includes('--pass')) return pass(arg('--db', ''), arg('--bases', ''), args.includes('--init'));
  if (args.includes('--floor')) return floor(arg('--bases', ''), arg('--db', ''), arg('--order-from', ''));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-follow-'));
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args, '--serve'], { stdio: ['ignore', 'pipe', 'inherit'], cwd: path.join(here, '..') });
  try {
    const info = await new Promise<{ control: number; bases: string[] }>((resolve, reject) => {
      let buf = '';
      server.stdout!.on('data', (c) => {
        buf += c;
        if (buf.includes('\n')) resolve(JSON.parse(buf.split('\n')[0]!));
      });
      server.on('exit', (code) => reject(new Error(`outlet server exited (${code})`)));
    });
    const basesFile = path.join(dir, 'bases.json');
    fs.writeFileSync(basesFile, JSON.stringify(info.bases));
    const db = path.join(dir, 'k.db');
    console.log(`follow bench: ${nSources} local outlets × ${nArticles} new articles, concurrency ${concurrency} hosts, delay ${delay} ms per host`);

    const first = child(['--pass', '--init', '--db', db, '--bases', basesFile]);
    const s1 = await stats(info.control, true);
    const second = child(['--pass', '--db', db, '--bases', basesFile]);
    const s2 = await stats(info.control, true);
    const base = child(['--floor', '--bases', basesFile, '--db', path.join(dir, 'floor.db'), '--order-from', db]);
    const s3 = await stats(info.control, true);

    const needed = nSources * (nArticles + 1);
    const r = first.report;
    console.log(`kabar pass 1 (all new):   ${first.secs.toFixed(1)} s, ${r.articlesAdded} added / ${r.articlesPresent} present / ${r.articlesFailed} failed, ${(r.articlesAdded / first.secs).toFixed(0)} articles/s`);
    console.log(`  requests: ${s1.total} (feeds ${s1.feed}, articles ${s1.article}, robots.txt ${s1.robots}); minimum without robots.txt ${needed}, with ${needed + nSources}; max in flight to one host ${s1.maxInFlight}`);
    console.log(`  peak RSS ${first.maxRssMB.toFixed(0)} MB`);
    console.log(`kabar pass 2 (unchanged): ${second.secs.toFixed(2)} s, requests ${s2.total} (feeds ${s2.feed} → ${second.report.notModified} × 304, robots.txt ${s2.robots}, articles ${s2.article}), peak RSS ${second.maxRssMB.toFixed(0)} MB`);
    console.log(`baseline fetch (plain http.get of the same feeds + articles, no politeness, nothing parsed): ${base.secs.toFixed(1)} s, ${s3.total} requests, peak RSS ${base.maxRssMB.toFixed(0)} MB`);
    console.log(`baseline ingest (the same pages through processRaw + ingestDoc, no network, in the order the pass stored them): ${base.ingestSecs.toFixed(1)} s, ${base.added} added, peak RSS ${base.ingestRssMB.toFixed(0)} MB`);
    console.log(`follow overhead = pass 1 − (fetch + ingest baselines) = ${(first.secs - base.secs - base.ingestSecs).toFixed(1)} s (${(((first.secs - base.secs - base.ingestSecs) / first.secs) * 100).toFixed(0)}% of the pass)`);
    // Feed parsing alone: fast-xml-parser through parseFeed vs a regex floor that only pulls <link> texts.
    const { parseFeed } = await import('../src/follow/feeds.ts');
    const { renderFeed } = await import('../src/follow/testsite.ts');
    const big = renderFeed({ base: 'https://x.test', feedFormat: 'rss', items: Array.from({ length: 100 }, (_, k) => ({ path: `/news/${k}?utm_source=rss`, title: `Story ${k} &amp; more`, published: new Date(Date.UTC(2024, 4, 1, k % 24)).toISOString() })) }).body;
    const reps = 500;
    let t = performance.now();
    let n = 0;
    for (let k = 0; k < reps; k++) n += parseFeed(big, 'https://x.test/feed').entries.length;
    const parseMs = (performance.now() - t) / reps;
    t = performance.now();
    let m = 0;
    for (let k = 0; k < reps; k++) m += [...big.matchAll(/<link>([^<]+)<\/link>/g)].length;
    const regexMs = (performance.now() - t) / reps;
    console.log(`feed parsing: a 100-item RSS feed (${(big.length / 1024).toFixed(0)} kB) in ${parseMs.toFixed(2)} ms with parseFeed (${n / reps} entries, dates, normalised URLs) vs ${regexMs.toFixed(3)} ms for a regex pulling <link> only`);
    if (delay === 0) {
      console.log(`politeness floor with the default 1000 ms delay per host: ≥ ${(((nArticles + 1) * 1000 * Math.ceil(nSources / concurrency)) / 1000).toFixed(0)} s at concurrency ${concurrency} (one request per host per second)`);
    }
  } finally {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
