// The reader under load: autocannon, 50 concurrent clients, against a store generated to 100k stories.
// Rows are generated directly (fast): 60 template articles go through the real pipeline once (extraction,
// language, sentences, entities, events, agreements, quotes), then every generated article is a template's
// text plus a paragraph of its own pseudo-words (so search terms are selective, ids and hashes unique), with
// the template's analysis rows copied. Stories hold 1–3 articles. The server runs in a child process.
// The store is then prepared as a server leaves it when idle (src/server/storycache.ts): every story's document,
// brief and English page computed and kept, the search index merged (src/server/cli.ts) (two processes; once per generated store, kept rows are checked
// against the story's version on every read). A run on stories whose kept rows were removed measures the
// page computed on request; the other story runs pick among the kept ones.
// Reports p50/p99 latency and requests/s per endpoint; the baseline in the same run is a static asset
// (what the HTTP stack costs without any store work).
// Usage: npx tsx bench/server.ts [--stories 100000] [--seconds 10] [--warmup 3] [--connections 50] [--only word,word] [--kept N] [--code DIR] [--against DIR] [--workers N]
//   --warmup S: before each measured run, S seconds of the same requests, not counted (a server's first requests of a
//     kind read what it then keeps: a common word's set of articles, the rows' sizes for ranking, the filter lists;
//     a server that has run a while has them). 0 measures from a cold start. The run of pages computed on request
//     has no warm-up (it would use up the stories left uncomputed for it).
//   --only: run only the measurements whose names contain one of the words (e.g. --only static,search)
//   --kept: prepare (and pick kept stories among) only the N most recently updated stories (default: all);
//     preparing a 100k store takes most of an hour of CPU on a busy machine
//   --code: run the server (and the preparing) from another checkout's sources (e.g. the main branch's) over
//     the same generated store, to compare code side by side; its kept pages sit beside this code's
//   --workers N: the server serves from N processes (kabar serve --workers, src/server/cluster.ts); CPU per
//     request is then summed over the server process and its workers. Code without the option serves from one.
//   --against DIR: a second server from another checkout (e.g. the main branch's) over the same store; every
//     measurement runs on both back to back (alternating which goes first) and the tables show base / this side by
//     side: on a machine shared with other work, the fairest comparison there is
//   KABAR_BENCH_PROF=<dir>: the server child (and its workers) write CPU profiles there (node --cpu-prof) when they stop
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './corpus.ts';
import { childPids, procStat } from './proc.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// Kept story pages carry the code version they were computed by; the bench's processes name one release, so
// that source edits between preparing the store and measuring (other work in the same checkout) do not turn
// every kept page into a page to compute. Its pages are timed, not read.
process.env.KABAR_CODE_VERSION ||= 'bench';
const args = process.argv.slice(2);
const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
const STORIES = Number(arg('--stories', '100000'));
const SECONDS = Number(arg('--seconds', '10'));
const WARMUP = Number(arg('--warmup', '3'));
const CONNECTIONS = Number(arg('--connections', '50'));
const WORKERS = args.includes('--workers') ? Number(arg('--workers', '1')) : 0;
const KEPT = args.includes('--kept') ? Number(arg('--kept', '0')) : Infinity;
const CODE = path.resolve(arg('--code', path.join(here, '..')));
/** --against DIR: a second server from another checkout, measured back to back with this one on every run */
const AGAINST = args.includes('--against') ? path.resolve(arg('--against', '')) : null;
const CODES = AGAINST ? [AGAINST, CODE] : [CODE];
/** this run's arguments with the code directory of a child process */
function withCode(dir: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--code' || args[i] === '--against') i++;
    else out.push(args[i]!);
  }
  return [...out, '--code', dir];
}
const ONLY = args.includes('--only') ? arg('--only', '').split(',').filter(Boolean) : null;
const wanted = (name: string) => !ONLY || name.includes('static') || ONLY.some((w) => name.includes(w));

const COUNTRIES = ['Indonesia', 'Malaysia', 'Vietnam', 'Thailand', 'the Philippines', 'Singapore', 'Japan', 'South Korea', 'India', 'Australia', 'Norway', 'Germany', 'France', 'Brazil', 'Kenya', 'Egypt', 'Canada', 'Chile'];
const CITIES = ['Jakarta', 'Kuala Lumpur', 'Hanoi', 'Bangkok', 'Manila', 'Singapore', 'Tokyo', 'Seoul', 'New Delhi', 'Canberra', 'Oslo', 'Berlin', 'Paris', 'Nairobi', 'Cairo', 'Ottawa'];
const FIELDS = ['trade', 'energy', 'health', 'education', 'fisheries', 'defence', 'agriculture', 'transport', 'culture', 'science'];
const KINDS = ['memorandum of understanding', 'agreement', 'protocol', 'joint statement', 'letter of intent'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SYL = ['ka', 'ma', 'ran', 'ti', 'su', 'lan', 'de', 'wi', 'pa', 'ngan', 'ba', 'ru', 'se', 'to', 'li', 'ha', 'nu', 'ger', 'mo', 'dan', 'ji', 'ko', 'ren', 'sa', 'tu'];

function templateText(r: () => number, i: number) {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const a = pick(COUNTRIES);
  let b = pick(COUNTRIES);
  while (b === a) b = pick(COUNTRIES);
  const city = pick(CITIES);
  const field = pick(FIELDS);
  const kind = pick(KINDS);
  const day = 1 + Math.floor(r() * 27);
  const month = MONTHS[Math.floor(r() * 12)]!;
  const n = 2 + Math.floor(r() * 9);
  const title = `${a} and ${b} sign ${field} ${kind} in ${city}`;
  const text = [
    `${a} and ${b} signed a ${kind} on ${field} cooperation in ${city} on ${day} ${month} 2025.`,
    `The ministers of both countries met for two days of talks before the signing, officials said.`,
    `The ${kind} was one of ${n} documents exchanged during the visit, according to the foreign ministry.`,
    `"This is a new chapter for our ${field} relations," the minister of ${a} said after the ceremony.`,
    `The two governments first agreed to work together on ${field} in ${2000 + (i % 20)}.`,
  ].join('\n\n');
  return { title, text, published: `2025-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${String(Math.min(28, day + 1)).padStart(2, '0')}` };
}

async function generate(dbPath: string): Promise<void> {
  const { openStore } = await import('../src/store/db.ts');
  const { processRaw } = await import('../src/pipeline.ts');
  const { articleRow } = await import('../src/store/ingest.ts');
  const { entityId } = await import('../src/entities/store.ts');
  const store = await openStore(dbPath);
  const db = store.sqlite!;
  const r = rng(11);
  const t0 = performance.now();
  const templates = Array.from({ length: 60 }, (_, i) => {
    const t = templateText(r, i);
    return { ...t, doc: processRaw({ input: `template-${i}`, format: 'text', content: t.text, hints: { title: t.title, published: t.published, outlet: `outlet-${i % 12}.example`, language: 'en' } }) };
  });
  process.stderr.write(`templates through the pipeline: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const word = () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => SYL[Math.floor(r() * SYL.length)]!).join('');
  const vocab = Array.from({ length: 60_000 }, word);
  const cols = Object.keys(articleRow(templates[0]!.doc, '')).filter((c) => c !== 'seq');
  const insArticle = db.prepare(`INSERT INTO articles (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`);
  const insFts = db.prepare('INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)');
  const insStory = db.prepare('INSERT INTO stories (id, title, article_count, first_published, last_published, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insAnalysis = db.prepare('INSERT INTO article_analysis (article, events, agreements, quotes) VALUES (?, ?, ?, ?)');
  const insEntity = db.prepare('INSERT OR IGNORE INTO entities (id, type, name, key, country, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insAlias = db.prepare('INSERT OR IGNORE INTO entity_aliases (entity, text, lang) VALUES (?, ?, ?)');
  const insMention = db.prepare('INSERT OR IGNORE INTO entity_mentions (entity, article, start, "end") VALUES (?, ?, ?, ?)');
  const insRole = db.prepare('INSERT OR IGNORE INTO entity_roles (entity, title, org, article) VALUES (?, ?, ?, ?)');
  const now = new Date().toISOString();
  let seq = 0;
  const tx = db.transaction((from: number, to: number) => {
    for (let s = from; s < to; s++) {
      const k = 1 + Math.floor(r() * 3);
      const tpl = templates[Math.floor(r() * templates.length)]!;
      let storyId = '';
      const dates: string[] = [];
      for (let j = 0; j < k; j++) {
        const own = Array.from({ length: 25 }, () => vocab[Math.floor(r() * r() * vocab.length)]!).join(' ');
        const text = `${tpl.doc.text}\n\nReference ${s}-${j}: ${own}.`;
        const hash = createHash('sha256').update(text).digest('hex');
        const id = hash.slice(0, 16);
        if (j === 0) storyId = 's' + id;
        const published = tpl.published;
        dates.push(published);
        const paragraphs = [...tpl.doc.paragraphs, { start: tpl.doc.text.length + 2, end: text.length, lang: 'en' }];
        const sentences = [...tpl.doc.sentences, { start: tpl.doc.text.length + 2, end: text.length }];
        const row = { ...articleRow({ ...tpl.doc, id, textHash: hash, text, paragraphs, sentences, input: `gen-${s}-${j}`, outlet: `outlet-${(s + j) % 40}.example`, published }, now), story_id: storyId };
        const res = insArticle.run(row);
        seq = Number(res.lastInsertRowid);
        insFts.run(seq, tpl.title, text);
        const a = tpl.doc.analysis!;
        insAnalysis.run(id, JSON.stringify(a.events), JSON.stringify(a.agreements), JSON.stringify(a.quotes));
        for (const e of a.entities) {
          const eid = entityId(e.key);
          insEntity.run(eid, e.type, e.name, e.key, e.country ?? null, e.coordinates?.[0] ?? null, e.coordinates?.[1] ?? null);
          for (const al of e.aliases) insAlias.run(eid, al.text, al.lang);
          for (const m of e.mentions) insMention.run(eid, id, m.start, m.end);
          for (const ro of e.roles) insRole.run(eid, ro.title, ro.org ?? '', id);
        }
      }
      dates.sort();
      const updated = new Date(Date.parse('2025-01-01T00:00:00Z') + s * 60_000).toISOString();
      insStory.run(storyId, tpl.title, k, dates[0], dates[dates.length - 1], updated, updated);
    }
  });
  for (let s = 0; s < STORIES; s += 5000) tx(s, Math.min(STORIES, s + 5000));
  await store.close();
  process.stderr.write(`generated ${STORIES} stories, ${seq} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(fs.statSync(dbPath).size / 1e6).toFixed(0)} MB)\n`);
}

/** A module of the code under test (this checkout's unless --code names another). */
const code = <T,>(rel: string): Promise<T> => import(path.join(CODE, rel)) as Promise<T>;

async function child(dbPath: string): Promise<void> {
  const { openStore } = await code<typeof import('../src/store/db.ts')>('src/store/db.ts');
  const { startServer } = await code<typeof import('../src/server/cli.ts')>('src/server/cli.ts');
  const store = await openStore(dbPath);
  // --workers N: processes serving the port (code without the option serves from one)
  const srv = await startServer(store, { port: 0, host: '127.0.0.1', writesPerMinute: 1_000_000, ...(WORKERS ? { workers: WORKERS } : {}) } as Parameters<typeof startServer>[1]);
  process.stdout.write(JSON.stringify({ url: srv.url }) + '\n');
  process.on('SIGTERM', () => void srv.close().then(() => store.close()).then(() => process.exit(0)));
}

/** Compute and keep what the reader needs for every story (a shard of them: index % n === i). */
async function warm(dbPath: string, i: number, n: number): Promise<void> {
  const { openStore } = await code<typeof import('../src/store/db.ts')>('src/store/db.ts');
  const { warmStories } = await code<typeof import('../src/server/data.ts')>('src/server/data.ts');
  const app = await code<Partial<typeof import('../src/server/app.tsx')> & Pick<typeof import('../src/server/app.tsx'), 'storyPageVariant'>>('src/server/app.tsx');
  const store = await openStore(dbPath);
  const ids = (store.sqlite!.prepare('SELECT id FROM stories ORDER BY updated_at DESC, id LIMIT ?').all(Number.isFinite(KEPT) ? KEPT : -1) as Array<{ id: string }>).map((x) => x.id).filter((_, k) => k % n === i);
  const variants = [app.storyPageVariant('en', true, true)];
  // article pages too, where the code keeps them
  const articles = app.articlePageVariant ? [app.articlePageVariant('en', true, true)] : [];
  const t0 = performance.now();
  let done = 0;
  for (let k = 0; k < ids.length; k += 500) {
    done += await warmStories(store, ids.slice(k, k + 500), variants, { wait: true, articles });
    if (i === 0 && k % 10_000 === 0) process.stderr.write(`warm ${i}/${n}: ${k} of ${ids.length} checked, ${done} computed, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  process.stderr.write(`warm ${i}/${n}: ${done} of ${ids.length} computed in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  // the search index as an idle server leaves it (merged: src/server/cli.ts), where the code does that
  const { mergeSearchIndex } = await code<Partial<typeof import('../src/server/data.ts')>>('src/server/data.ts');
  if (i === 0 && mergeSearchIndex) {
    const tm = performance.now();
    let steps = 0;
    while (mergeSearchIndex(store)) steps++;
    if (steps) process.stderr.write(`search index merged in ${steps} steps, ${((performance.now() - tm) / 1000).toFixed(1)} s\n`);
  }
  await store.close();
}

interface Result {
  name: string;
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
  /** CPU time the server process spent per request (user + system), ms: what wall-clock latency under a shared
   * machine's load cannot show */
  cpu: number;
  /** major page faults of the server process during the run (reads that waited for the disk) */
  majflt: number;
}

/** CPU time (ms) and major page faults of a process and its live child processes (the server's workers) so far (zeros without /proc). */
function procCounters(pid: number): { cpu: number; majflt: number } {
  let cpu = 0;
  let majflt = 0;
  for (const p of [pid, ...childPids(pid)]) {
    const s = procStat(p);
    cpu += s?.cpu ?? 0;
    majflt += s?.majflt ?? 0;
  }
  return { cpu, majflt };
}

/**
 * A GET's body; a connection the server closed as idle just as the request went out (a race of keep-alive
 * clients) is tried again, on a new connection.
 */
async function getText(url: string): Promise<string> {
  for (let i = 0; ; i++) {
    try {
      return await (await fetch(url)).text();
    } catch (e) {
      if (i >= 2) throw e;
    }
  }
}

async function load(name: string, url: string, paths: () => string, headers: Record<string, string> = {}, seconds = SECONDS): Promise<Omit<Result, 'cpu' | 'majflt'> & { requests: number }> {
  const autocannon = (await import('autocannon')).default;
  const res = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths(), headers: { ...(req.headers as object), ...headers } }),
      },
    ],
  } as never);
  const r = res as unknown as { latency: { p50: number; p99: number }; requests: { average: number; total: number }; non2xx: number; errors: number };
  return { name, p50: r.latency.p50, p99: r.latency.p99, rps: Math.round(r.requests.average), non2xx: r.non2xx, errors: r.errors, requests: r.requests.total };
}

if (args[0] === '--child') {
  await child(args[1]!);
} else if (args[0] === '--warm') {
  await warm(args[3]!, Number(args[1]), Number(args[2]));
} else {
  const dataDir = path.join(here, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const dbPath = path.join(dataDir, `server-${STORIES}.db`);
  if (!fs.existsSync(dbPath)) await generate(dbPath);
  else process.stderr.write(`reusing ${dbPath}\n`);
  const WARMERS = 2;
  const tw = performance.now();
  // each code prepares with its own modules (with --against, the other code's first: pages in the same format are
  // then current for both, and only what differs is computed again)
  for (const dir of CODES) {
    await Promise.all(
      Array.from({ length: WARMERS }, (_, i) => {
        const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--warm', String(i), String(WARMERS), dbPath, ...withCode(dir)], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
        return new Promise<void>((resolve, reject) => p.once('exit', (c) => (c === 0 ? resolve() : reject(new Error(`warm ${i} exited ${c}`)))));
      }),
    );
  }
  const Database = (await import('better-sqlite3')).default;
  const ro = new Database(dbPath, { readonly: true });
  const storyIds = (ro.prepare('SELECT id FROM stories ORDER BY updated_at DESC, id').all() as Array<{ id: string }>).map((x) => x.id);
  const prepared = Number.isFinite(KEPT) ? storyIds.slice(0, KEPT) : storyIds;
  // articles of prepared stories (kept pages where the code keeps article pages)
  const preparedSet = new Set(prepared);
  const articleIds = (ro.prepare('SELECT id, story_id AS s FROM articles ORDER BY random() LIMIT 40000').all() as Array<{ id: string; s: string }>).filter((x) => preparedSet.has(x.s)).map((x) => x.id).slice(0, 20000);
  // search terms: words from the generated paragraphs (selective), two per query
  const words = (ro.prepare("SELECT text FROM articles ORDER BY random() LIMIT 500").all() as Array<{ text: string }>).flatMap((x) => x.text.split('Reference ')[1]!.split(': ')[1]!.replace(/\.$/, '').split(' '));
  ro.close();
  // stories whose kept rows are removed: their first request computes them (a reader who comes before the server did)
  const rw = new Database(dbPath);
  // with --kept, among the stories never prepared (nothing to remove: rows a previous run computed are removed);
  // else prepared ones whose rows are removed
  const pool = prepared.length < storyIds.length ? storyIds.slice(prepared.length) : prepared;
  // with --against, each server its own share (what one computes, the other would find kept)
  const uncomputedAll = pool.map((id) => [Math.random(), id] as const).sort((a, b) => a[0] - b[0]).slice(0, Math.min(3000 * CODES.length, pool.length >> 2)).map((x) => x[1]);
  const del = rw.prepare('DELETE FROM story_cache WHERE story_id = ?');
  rw.transaction(() => uncomputedAll.forEach((id) => del.run(id)))();
  rw.close();
  const removed = new Set(uncomputedAll);
  const kept = prepared.filter((id) => !removed.has(id));
  const r = rng(5);
  const any = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const hot = kept.slice(0, 200);

  // (one argument each: a server's workers are started with the same ones)
  const prof = process.env.KABAR_BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.KABAR_BENCH_PROF}`] : [];
  /** The servers measured: this code's, and with --against the other code's (first in the tables). */
  interface Server {
    label: string;
    proc: ChildProcess;
    url: string;
    uncomputed: string[];
  }
  const servers: Server[] = [];
  for (const [k, dir] of CODES.entries()) {
    const proc: ChildProcess = spawn(process.execPath, [...prof, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', dbPath, ...withCode(dir)], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString().split('\n')[0]!).url));
      proc.once('exit', (c) => reject(new Error(`server exited ${c}`)));
    });
    servers.push({ label: CODES.length > 1 ? (k === 0 ? 'base' : 'this') : 'this', proc, url, uncomputed: uncomputedAll.filter((_, i) => i % CODES.length === k) });
  }
  /** the server being measured (the paths of a run pick from its share of uncomputed stories) */
  let on = servers[0]!;
  try {
    const results: Array<Result & { server: string }> = [];
    let order = 0;
    const run = async (name: string, p: () => string, headers: Record<string, string> = {}, warmup = WARMUP) => {
      if (!wanted(name)) return;
      // with two servers, each measurement runs on both back to back, the order alternating (load drifts)
      const turn = order++ % 2 ? [...servers].reverse() : servers;
      for (const sv of turn) {
        on = sv;
        // start each run on an idle server: the previous run's queued requests must not be counted here
        for (let t0 = performance.now(); ; ) {
          const t = performance.now();
          await getText(`${sv.url}/assets/app.css`);
          if (performance.now() - t < 20 || performance.now() - t0 > 60_000) break;
          await new Promise((r) => setTimeout(r, 500));
        }
        if (warmup > 0) await load(name, sv.url, p, headers, warmup);
        const before = procCounters(sv.proc.pid!);
        const l = await load(name, sv.url, p, headers);
        const after = procCounters(sv.proc.pid!);
        const res = { ...l, server: sv.label, cpu: Math.round(((after.cpu - before.cpu) / Math.max(1, l.requests)) * 100) / 100, majflt: after.majflt - before.majflt };
        results.push(res);
        process.stderr.write(`${sv.label}: ${name}: p50 ${res.p50} ms, p99 ${res.p99} ms, ${res.rps} req/s, server CPU ${res.cpu} ms/request\n`);
      }
    };
    await run('baseline: static asset /assets/app.css', () => '/assets/app.css');
    // the hot set is requested once before its run, as readers would have done
    // (over eight connections at once: with --workers every worker gets them)
    for (const sv of servers) {
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (const id of hot) await getText(`${sv.url}/story/${id}`);
          await getText(`${sv.url}/`);
        }),
      );
    }
    await run('story page, 200 hot stories (rendered pages cached)', () => `/story/${any(hot)}`);
    await run('story page, any of 100k stories (kept, not in memory)', () => `/story/${any(kept)}`);
    await run('story page, not computed yet (computed on request)', () => `/story/${on.uncomputed.pop() ?? any(storyIds)}`, {}, 0);
    // a story just updated, its readers all at once (a breaking story's page right after an ingest): each uncomputed
    // story is asked for by as many requests in a row as there are clients
    let burst = 0;
    let burstStory = '';
    await run('story page, just updated, all clients at once (computed on request)', () => {
      if (burst++ % CONNECTIONS === 0) burstStory = on.uncomputed.pop() ?? any(storyIds);
      return `/story/${burstStory}`;
    }, {}, 0);
    // as browsers ask (autocannon does not decompress: the bytes are only counted)
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    await run('story page, any of 100k stories (kept, not in memory), Accept-Encoding: gzip', () => `/story/${any(kept)}`, gzip);
    await run('article page, any article', () => `/article/${any(articleIds)}`);
    await run('article page, any article, Accept-Encoding: gzip', () => `/article/${any(articleIds)}`, gzip);
    await run('search page, two selective words', () => `/?q=${encodeURIComponent(any(words) + ' ' + any(words))}`);
    await run('search page, one common word (every article)', () => `/?q=${encodeURIComponent(any(['signed', 'ministers', 'cooperation']))}`);
    // a common word next to a selective one: a query nobody asked before (results are kept per store version)
    await run('search page, a common word and a selective one (new queries)', () => `/?q=${encodeURIComponent(any(['signed', 'ministers', 'cooperation']) + ' ' + any(words))}`);
    await run('home page (latest stories)', () => '/');
    await run('API /api/stories?limit=20&offset=N', () => `/api/stories?limit=20&offset=${Math.floor(r() * 500) * 20}`);
    await run('API /api/stories/{id} (export document, kept)', () => `/api/stories/${any(kept)}`);
    // as browsers and most HTTP clients ask (autocannon does not decompress: the bytes are only counted)
    await run('API /api/stories/{id} (export document, kept), Accept-Encoding: gzip', () => `/api/stories/${any(kept)}`, { 'accept-encoding': 'gzip, deflate, br' });
    await run('API /api/search?q=…', () => `/api/search?q=${encodeURIComponent(any(words))}`);
    // service time: the same requests one at a time (what one request costs the server, queueing aside)
    const seq: Array<{ name: string; server: string; median: number; p90: number; cpu: number }> = [];
    const serial = async (name: string, p: () => string, n = 40) => {
      if (!wanted(name)) return;
      for (const sv of servers) {
        on = sv;
        const ms: number[] = [];
        const before = procCounters(sv.proc.pid!);
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          await getText(sv.url + p());
          ms.push(performance.now() - t);
        }
        ms.sort((a, b) => a - b);
        const cpu = Math.round(((procCounters(sv.proc.pid!).cpu - before.cpu) / n) * 100) / 100;
        seq.push({ name, server: sv.label, median: Math.round(ms[n >> 1]! * 10) / 10, p90: Math.round(ms[Math.floor(n * 0.9)]! * 10) / 10, cpu });
      }
    };
    await serial('static asset', () => '/assets/app.css');
    await serial('story page, hot', () => `/story/${any(hot)}`);
    await serial('story page, cold (not requested before, kept)', () => `/story/${any(kept)}`);
    await serial('story page, not computed yet', () => `/story/${on.uncomputed.pop() ?? any(storyIds)}`);
    await serial('search, two selective words', () => `/?q=${encodeURIComponent(any(words) + ' ' + any(words))}`);
    await serial('search, one common word', () => `/?q=${encodeURIComponent(any(['signed', 'ministers', 'cooperation']))}`);
    await serial('search, one common word, pages 2-100 (new queries)', () => `/?q=${encodeURIComponent(any(['signed', 'ministers', 'cooperation']))}&page=${2 + Math.floor(r() * 99)}`);
    await serial('search, a common word and a selective one (new queries)', () => `/?q=${encodeURIComponent(any(['signed', 'ministers', 'cooperation']) + ' ' + any(words))}`);
    await serial('article page', () => `/article/${any(articleIds)}`);
    await serial('home page', () => '/');
    await serial('API stories list', () => `/api/stories?limit=20&offset=${Math.floor(r() * 500) * 20}`);
    await serial('API story document (kept)', () => `/api/stories/${any(kept)}`);
    await serial('API search, one word', () => `/api/search?q=${encodeURIComponent(any(words))}`);
    console.log(`\n${STORIES} stories, ${CONNECTIONS} connections, ${SECONDS} s each (after ${WARMUP} s of warm-up, but for pages computed on request)${WORKERS ? `, --workers ${WORKERS}` : ''}${servers.length > 1 ? `; base: ${CODES[0]}, this: ${CODES[1]}` : ''}\n`);
    if (servers.length > 1) {
      // side by side: base | this
      const pair = <T extends { name: string; server: string }>(xs: T[]) => [...new Set(xs.map((x) => x.name))].map((name) => [xs.find((x) => x.name === name && x.server === 'base')!, xs.find((x) => x.name === name && x.server === 'this')!] as const);
      console.log('| endpoint | p50 ms base / this | p99 ms base / this | req/s base / this | server CPU ms/req base / this | non-2xx + errors base / this |');
      console.log('|---|---:|---:|---:|---:|---:|');
      for (const [x, y] of pair(results)) console.log(`| ${x.name} | ${x.p50} / ${y.p50} | ${x.p99} / ${y.p99} | ${x.rps} / ${y.rps} | ${x.cpu} / ${y.cpu} | ${x.non2xx + x.errors} / ${y.non2xx + y.errors} |`);
      console.log('\nservice time, one request at a time (40 each):\n');
      console.log('| endpoint | median ms base / this | p90 ms base / this | server CPU ms/req base / this |');
      console.log('|---|---:|---:|---:|');
      for (const [x, y] of pair(seq)) console.log(`| ${x.name} | ${x.median} / ${y.median} | ${x.p90} / ${y.p90} | ${x.cpu} / ${y.cpu} |`);
    } else {
      console.log('| endpoint | p50 ms | p99 ms | req/s | server CPU ms/req | major faults | non-2xx | errors |');
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
      for (const x of results) console.log(`| ${x.name} | ${x.p50} | ${x.p99} | ${x.rps} | ${x.cpu} | ${x.majflt} | ${x.non2xx} | ${x.errors} |`);
      console.log('\nservice time, one request at a time (40 each):\n');
      console.log('| endpoint | median ms | p90 ms | server CPU ms/req |');
      console.log('|---|---:|---:|---:|');
      for (const x of seq) console.log(`| ${x.name} | ${x.median} | ${x.p90} | ${x.cpu} |`);
    }
    console.log(`\nload average at the end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    for (const sv of servers) sv.proc.kill('SIGTERM');
  }
}
