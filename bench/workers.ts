// Queue throughput with 1 and 2 worker processes on the same synthetic corpus, into PostgreSQL, and whether
// concurrency changes the stories: B-cubed P/R/F1 of each run against the corpus's events, and of the 2-worker
// clusters against the 1-worker ones. Throughput counts from the first job started to the last finished
// (BullMQ's own timestamps), so process start-up (loading models) is left out.
// --profile first ingests in-process into PostgreSQL and SQLite and reports the store step's share (serialised
// across workers, so it bounds the speed-up).
// Needs PostgreSQL and Redis (127.0.0.1). Usage: npx tsx bench/workers.ts [--n 400 | --clusters] [--workers 1,2] [--concurrency 1 (jobs stored per transaction)] [--locks keyed|global] [--profile] [--cpu-prof DIR] [--node-flags "--single-threaded"]
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, writeCorpus } from './corpus.ts';
import { pgServerCpu, postmasterOf, procStat } from './proc.ts';
import { shuffled } from '../eval/clusters.ts';
import fs from 'node:fs';
import { sql } from 'kysely';
import { ingestInputs } from '../src/ingest/run.ts';
import { openStore } from '../src/store/db.ts';
import { enqueueInputs, openQueues } from '../src/queue/queue.ts';
import { obliterateQueues, PG_ADMIN_URL, REDIS_URL, tempDatabase } from '../src/queue/testutil.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
const n = Number(arg('--n', '400'));
const concurrency = arg('--concurrency', '1');
const counts = arg('--workers', '1,2').split(',').filter(Boolean).map(Number);
// PostgreSQL ingest locks (src/store/locks.ts): keyed by default; global serialises the store step, for comparison.
const locks = arg('--locks', 'keyed');
// --cpu-prof DIR: each worker process writes a V8 CPU profile there (where a worker's time goes with 1 vs 2).
const cpuProf = args.includes('--cpu-prof') ? path.resolve(arg('--cpu-prof', 'prof')) : null;
// --node-flags "...": Node/V8 flags for the worker processes (e.g. --single-threaded: no GC or compiler helper threads).
const nodeFlags = arg('--node-flags', '').split(/\s+/).filter(Boolean);

// --clusters: the clusters dev set (../shared/eval/clusters/vietnamese-mds-dev) as one JSONL file, with its gold
// clusters as the truth, instead of the synthetic corpus.
const clustersDir = args.includes('--clusters') ? path.resolve(here, '../../shared/eval/clusters/vietnamese-mds-dev') : null;
let dir: string;
let truth: Map<string, string | number>;
if (clustersDir) {
  if (!fs.existsSync(clustersDir)) throw new Error(`--clusters: ${clustersDir} not found`);
  const { loadClusters, shuffled } = await import('../eval/clusters.ts');
  const articles = shuffled(loadClusters(clustersDir), 1);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-clusters-'));
  const file = path.join(dir, 'clusters.jsonl');
  fs.writeFileSync(file, articles.map((a) => JSON.stringify({ url: a.url, title: a.title, published: a.published, text: a.body })).join('\n') + '\n');
  truth = new Map(articles.map((a, i) => [`${file}#${i + 1}`, a.cluster]));
} else {
  dir = writeCorpus(path.join(os.tmpdir(), 'kabar-bench'), n);
  truth = new Map(buildCorpus(n).files.map((f) => [path.join(dir, f.name), f.event]));
}

/** B-cubed precision/recall/F1 of clusters `got` (item → cluster) against `want` (item → class). */
function bcubed(got: Map<string, string>, want: Map<string, string | number>): { p: number; r: number; f1: number } {
  const items = [...want.keys()].filter((k) => got.has(k));
  let p = 0;
  let r = 0;
  for (const i of items) {
    const same = items.filter((j) => got.get(j) === got.get(i));
    const cls = items.filter((j) => want.get(j) === want.get(i));
    p += same.filter((j) => want.get(j) === want.get(i)).length / same.length;
    r += cls.filter((j) => got.get(j) === got.get(i)).length / cls.length;
  }
  p /= items.length;
  r /= items.length;
  return { p, r, f1: (2 * p * r) / (p + r) };
}

/** CPU seconds of a process and the children it has reaped (PostgreSQL's ended backends); null when gone. */
function procCpu(pid: number): number | null {
  const s = procStat(pid);
  return s && (s.cpu + s.childCpu) / 1000;
}
/** CPU seconds used so far by every process whose command name matches (PostgreSQL's backends, Redis). */
function cpuOf(name: RegExp): number {
  let t = 0;
  for (const d of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (name.test(fs.readFileSync(`/proc/${d}/comm`, 'utf8'))) t += procCpu(Number(d)) ?? 0;
    } catch {
      // gone meanwhile
    }
  }
  return t;
}

// PostgreSQL's CPU: the processes of the server the bench uses (KABAR_TEST_PG), when it runs on this machine; else
// every process named postgres (which counts other servers' and other users' work too).
const postmaster = await postmasterOf(PG_ADMIN_URL).catch(() => null);
const postgresCpu = () => (postmaster ? pgServerCpu(postmaster) / 1000 : cpuOf(/^postgres/));

/** Worker processes' CPU: sampled while they run (a process's counters vanish when it exits). */
const workerCpu = new Map<number, number>();

function runWorker(db: string, prefix: string): Promise<number | null> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [...nodeFlags, ...(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : []), path.join(here, '../bin/kabar.mjs'), 'worker', '--db', db, '--redis', REDIS_URL, '--queue-prefix', prefix, '--concurrency', concurrency, '--exit-when-idle'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, KABAR_PG_LOCKS: locks },
    });
    const sample = setInterval(() => {
      const c = procCpu(p.pid!);
      if (c !== null) workerCpu.set(p.pid!, c);
    }, 100);
    p.on('close', (code) => (clearInterval(sample), resolve(code)));
  });
}

const jobsDone = (k: number) => Math.max(1, k);

if (args.includes('--profile')) {
  // The part of an article's cost that workers cannot share: the store step, which PostgreSQL runs one
  // transaction at a time (src/store/ingest.ts). In-process, so CPU times are this process's own.
  for (const target of ['postgres', 'sqlite']) {
    const { url, drop } = await tempDatabase('profile');
    const loc = target === 'postgres' ? url : path.join(os.tmpdir(), `kabar-bench-profile-${process.pid}.db`);
    const store = await openStore(loc);
    const cpu0 = process.cpuUsage();
    const s = await ingestInputs(store, [dir]);
    const cpu = process.cpuUsage(cpu0);
    await store.close();
    await drop();
    if (target === 'sqlite') for (const x of ['', '-wal', '-shm']) fs.rmSync(loc + x, { force: true });
    const total = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${target} in-process: ${s.added} added in ${s.seconds.toFixed(1)} s wall (${(s.added / s.seconds).toFixed(1)}/s); CPU ${total.toFixed(1)} s, of which store step ${s.storeCpuSeconds.toFixed(1)} s CPU (${((100 * s.storeCpuSeconds) / total).toFixed(0)}%), ${s.storeSeconds.toFixed(1)} s wall = ${((1000 * s.storeSeconds) / s.added).toFixed(1)} ms/article`,
    );
  }
}

// A worker's start-up (loading the language models) on an empty queue: subtracted from the workers' CPU below.
let startupCpu = 0;
{
  const { url, drop } = await tempDatabase('bench');
  await (await openStore(url)).close();
  workerCpu.clear();
  await runWorker(url, `kabar-bench-${process.pid}-empty`);
  startupCpu = [...workerCpu.values()][0] ?? 0;
  await drop();
  console.log(`worker start-up on an empty queue: ${startupCpu.toFixed(2)} s CPU`);
}

const results: Array<{ workers: number; seconds: number; perSecond: number; clusters: Map<string, string> }> = [];
for (const w of counts) {
  const prefix = `kabar-bench-${process.pid}-${w}`;
  const { url, drop } = await tempDatabase('bench');
  try {
    // Migrate once before the workers start, so none of them waits on the others' migration.
    await (await openStore(url)).close();
    // Synthetic files are written event by event; a real queue interleaves events, so they are enqueued in a
    // seeded shuffled order (the clusters set is already shuffled inside its one JSONL file).
    const inputs = clustersDir ? [dir] : shuffled(fs.readdirSync(dir).filter((f) => !f.startsWith('.')).map((f) => path.join(dir, f)), 7);
    const e = await enqueueInputs(REDIS_URL, inputs, { prefix });
    workerCpu.clear();
    const pg0 = postgresCpu();
    const redis0 = cpuOf(/^redis-server/);
    await Promise.all(Array.from({ length: w }, () => runWorker(url, prefix)));
    const pgCpu = postgresCpu() - pg0;
    const redisCpu = cpuOf(/^redis-server/) - redis0;
    const wCpu = [...workerCpu.values()].reduce((a, b) => a + b, 0) - w * startupCpu;
    const q = openQueues(REDIS_URL, { prefix });
    const jobs = await q.ingest.getJobs(['completed'], 0, -1);
    const failed = await q.ingest.getFailedCount();
    const start = Math.min(...jobs.map((j) => j.processedOn!));
    const end = Math.max(...jobs.map((j) => j.finishedOn!));
    await q.close();
    await obliterateQueues(REDIS_URL, prefix);
    const store = await openStore(url);
    if (w === counts[0]) {
      // Space per article, by table and index (for docs/scaling.md's extrapolation).
      const { rows: sizes } = await sql<{ name: string; bytes: number }>`
        SELECT c.relname AS name, pg_total_relation_size(c.oid)::bigint AS bytes FROM pg_class c
        JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 8`.execute(store.db);
      const { rows: fts } = await sql<{ bytes: number }>`SELECT pg_relation_size('articles_fts')::bigint AS bytes`.execute(store.db);
      const { rows: total } = await sql<{ bytes: number }>`SELECT pg_database_size(current_database())::bigint AS bytes`.execute(store.db);
      const per = (b: number) => `${(Number(b) / jobsDone(e.added)).toFixed(0)} B/article`;
      console.log(`database ${(Number(total[0]!.bytes) / 1e6).toFixed(1)} MB; ` + sizes.map((r) => `${r.name} ${per(r.bytes)}`).join(', ') + `; text-search index ${per(fts[0]!.bytes)}`);
    }
    const rows = await store.db.selectFrom('inputs').innerJoin('articles', 'articles.id', 'inputs.article_id').select(['inputs.input', 'articles.story_id']).execute();
    await store.close();
    const clusters = new Map(rows.map((r) => [r.input.includes('#') ? r.input : path.resolve(r.input), r.story_id ?? '']));
    const seconds = (end - start) / 1000;
    results.push({ workers: w, seconds, perSecond: jobs.length / seconds, clusters });
    const b = bcubed(clusters, truth);
    console.log(`${w} worker(s), ${locks} locks${nodeFlags.length ? `, node ${nodeFlags.join(' ')}` : ''}: ${e.added} jobs, ${jobs.length} completed, ${failed} failed in ${seconds.toFixed(1)} s = ${(jobs.length / seconds).toFixed(1)} articles/s; B-cubed vs events P ${b.p.toFixed(4)} R ${b.r.toFixed(4)} F1 ${b.f1.toFixed(4)}`);
    // Where the CPU went, per article (workers without their start-up; PostgreSQL and Redis machine-wide, so
    // other users of them count too): with C cores no number of workers can beat C / (sum) articles/s.
    const per = (x: number) => ((1000 * x) / jobsDone(jobs.length)).toFixed(1);
    const sum = wCpu + pgCpu + redisCpu;
    const cores = os.availableParallelism();
    console.log(`  CPU per article: workers ${per(wCpu)} ms, postgres ${per(pgCpu)} ms, redis ${per(redisCpu)} ms = ${per(sum)} ms; CPU-bound ceiling on ${cores} cores ${((cores * jobsDone(jobs.length)) / sum).toFixed(1)} articles/s; machine load ${os.loadavg()[0]!.toFixed(1)}`);
  } finally {
    await drop();
  }
}
if (results.length >= 2) {
  const [a, b] = results;
  const agree = bcubed(b!.clusters, a!.clusters);
  console.log(`speed-up ${b!.workers} vs ${a!.workers} workers: ${(b!.perSecond / a!.perSecond).toFixed(2)}x; B-cubed of ${b!.workers}-worker clusters vs ${a!.workers}-worker clusters: F1 ${agree.f1.toFixed(4)}`);
}
