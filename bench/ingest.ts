// Whole-ingest throughput and peak memory on a synthetic corpus of text dumps (default 20,000),
// against a floor baseline in the same run: reading the same files and inserting their raw text
// (row + FTS, one transaction each) into SQLite — what any ingest must at least do.
// Usage: npx tsx bench/ingest.ts [--n 20000] [--only kabar|floor]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { writeCorpus } from './corpus.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
const n = Number(arg('--n', '20000'));
const only = arg('--only', '');

async function runKabar(dir: string, db: string) {
  const { openStore } = await import('../src/store/db.ts');
  const { ingestInputs } = await import('../src/ingest/run.ts');
  const store = await openStore(db);
  const t0 = performance.now();
  const s = await ingestInputs(store, [dir]);
  const secs = (performance.now() - t0) / 1000;
  await store.close();
  return { articles: s.added, failed: s.failed, secs };
}

function runFloor(dir: string, db: string) {
  const sqlite = new Database(db);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('CREATE TABLE a(seq INTEGER PRIMARY KEY, name TEXT, text TEXT); CREATE VIRTUAL TABLE f USING fts5(text)');
  const ins = sqlite.prepare('INSERT INTO a(name, text) VALUES (?, ?)');
  const fts = sqlite.prepare('INSERT INTO f(rowid, text) VALUES (?, ?)');
  const one = sqlite.transaction((name: string, text: string) => {
    const r = ins.run(name, text);
    fts.run(r.lastInsertRowid, text);
  });
  const t0 = performance.now();
  let count = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    one(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    count++;
  }
  const secs = (performance.now() - t0) / 1000;
  sqlite.close();
  return { articles: count, failed: 0, secs };
}

if (only) {
  // Child mode: one measurement in a fresh process, so peak RSS belongs to it alone.
  const dir = writeCorpus(path.join(here, 'data'), n);
  const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-')), 'b.db');
  const r = only === 'kabar' ? await runKabar(dir, db) : runFloor(dir, db);
  const rss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ...r, rssMB: rss, dbMB: fs.statSync(db).size / 1024 / 1024 }) + '\n');
} else {
  const t0 = performance.now();
  const dir = writeCorpus(path.join(here, 'data'), n);
  console.log(`corpus: ${n} text dumps in ${dir} (${((performance.now() - t0) / 1000).toFixed(1)} s to build)`);
  const run = (which: string) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--n', String(n), '--only', which], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${which} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!);
  };
  const floor = run('floor');
  const kabar = run('kabar');
  const rate = (x: { articles: number; secs: number }) => x.articles / x.secs;
  console.log(`| run | articles | seconds | articles/s | peak RSS MB | store MB |`);
  console.log(`|---|---|---|---|---|---|`);
  for (const [name, x] of [['floor (raw insert + FTS)', floor], ['kabar ingest (full pipeline)', kabar]] as const) {
    console.log(`| ${name} | ${x.articles} | ${x.secs.toFixed(1)} | ${rate(x).toFixed(0)} | ${x.rssMB.toFixed(0)} | ${x.dbMB.toFixed(0)} |`);
  }
  console.log(`kabar / floor throughput: ${(rate(kabar) / rate(floor)).toFixed(3)}; failed inputs: ${kabar.failed}`);
}
