// PostgreSQL CPU per stored article: the synthetic corpus is processed first (outside the measurement), then
// stored one article per transaction (as a queue worker with concurrency 1 does) into a fresh database, and the
// CPU of every process of the PostgreSQL server is read from /proc before and after (live processes plus the
// ended ones their parent has reaped). Pair it with `pg_stat_statements` to see where it goes. The figure is
// CPU time, so it holds on a busy machine better than wall time does; the server should serve nothing else.
// Round trips: messages the store's connections send (each a socket write and read on both sides); -v lists them
// by their first statement.
// --keep: the database is left in place (its name is printed), to look at its tables and plans afterwards.
// Usage: npx tsx bench/pgcpu.ts [--n 400] [--pg postgres://postgres@127.0.0.1:5432/postgres] [-v] [--keep]
import fs from 'node:fs';
import pg from 'pg';
import { buildCorpus } from './corpus.ts';
import { pgServerCpu as serverCpu } from './proc.ts';

const args = process.argv.slice(2);
const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
const n = Number(arg('--n', '400'));
const admin = arg('--pg', process.env.KABAR_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres');

const { processRaw } = await import('../src/pipeline.ts');
const { openStore } = await import('../src/store/db.ts');
const { ingestDoc } = await import('../src/store/ingest.ts');
const corpus = buildCorpus(n);
const docs = corpus.files.map((f) => processRaw({ input: f.name, format: 'text', content: f.text }));

// Counts every query message sent (src/store/pgbatch.ts sends several statements in one).
const sent = new Map<string, number>();
let roundTrips = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
  roundTrips++;
  const first = (typeof a[0] === 'string' ? a[0] : '').replace(/\s+/g, ' ').slice(0, 72);
  sent.set(first, (sent.get(first) ?? 0) + 1);
  return (query as (...x: unknown[]) => unknown).apply(this, a);
} as typeof query;

const c = new pg.Client(admin);
await c.connect();
const dataDir = (await c.query('SHOW data_directory')).rows[0].data_directory as string;
const postmaster = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
const name = `kabar_pgcpu_${process.pid}`;
await c.query(`CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = '/' + name;
try {
  const store = await openStore(url.toString());
  // warm-up: the first articles create the pool's connections and plan caches
  const warm = Math.min(20, Math.floor(n / 10));
  for (const d of docs.slice(0, warm)) await ingestDoc(store, d);
  roundTrips = 0;
  sent.clear();
  const cpu0 = serverCpu(postmaster);
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  for (const d of docs.slice(warm)) await ingestDoc(store, d);
  const wall = performance.now() - t0;
  const own = process.cpuUsage(own0);
  const cpu = serverCpu(postmaster) - cpu0;
  const k = docs.length - warm;
  await store.close();
  console.log(
    `${k} articles, one per transaction: PostgreSQL CPU ${(cpu / k).toFixed(2)} ms/article; ` +
      `store step in Node ${((own.user + own.system) / 1000 / k).toFixed(2)} ms CPU/article; wall ${(wall / k).toFixed(2)} ms/article; ` +
      `${(roundTrips / k).toFixed(1)} round trips/article`,
  );
  if (args.includes('-v')) for (const [q, m] of [...sent].sort((x, y) => y[1] - x[1])) console.log(`${(m / k).toFixed(2).padStart(6)}  ${q}`);
} finally {
  if (args.includes('--keep')) console.log(`kept database ${name}`);
  else await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}
