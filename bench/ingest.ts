// Whole-ingest throughput and peak memory on a synthetic corpus of text dumps (default 20,000),
// against a floor baseline in the same run: reading the same files and inserting their raw text
// (row + FTS, one transaction each) into SQLite — what any ingest must at least do.
// Runs: `floor`; `text` (kabar ingest without the analysis stage: extraction, language, sentences,
// store with reuse and stories); `kabar` (the whole pipeline, analysis stage included). Each kabar
// run also reports its store part alone (transactions: reuse, stories, indexes; processing excluded).
// Usage: npx tsx bench/ingest.ts [--n 20000] [--runs floor,text,kabar] [--only floor|text|kabar]
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
const runs = arg('--runs', 'floor,text,kabar').split(',');

async function runKabar(dir: string, db: string, analyse: boolean) {
  const { openStore } = await import('../src/store/db.ts');
  const { ingestInputs } = await import('../src/ingest/run.ts');
  const store = await openStore(db);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const s = await ingestInputs(store, [dir], { analyse });
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  await store.close();
  return { articles: s.added, failed: s.failed, secs, cpuSecs: (cpu.user + cpu.system) / 1e6, storeSecs: s.storeSeconds, storeCpuSecs: s.storeCpuSeconds };
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
  const c0 = process.cpuUsage();
  let count = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    one(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    count++;
  }
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  sqlite.close();
  return { articles: count, failed: 0, secs, cpuSecs: (cpu.user + cpu.system) / 1e6 };
}

if (only) {
  // Child mode: one measurement in a fresh process, so peak RSS belongs to it alone.
  const dir = writeCorpus(path.join(here, 'data'), n);
  const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-')), 'b.db');
  const r = only === 'floor' ? runFloor(dir, db) : await runKabar(dir, db, only === 'kabar');
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
  type Result = { articles: number; failed: number; secs: number; cpuSecs: number; storeSecs?: number; storeCpuSecs?: number; rssMB: number; dbMB: number };
  const results: Array<[string, Result]> = [];
  const names: Record<string, string> = { floor: 'floor (raw insert + FTS)', text: 'kabar ingest, no analysis stage', kabar: 'kabar ingest (whole pipeline)' };
  for (const which of runs) results.push([which, run(which)]);
  const floor = results.find(([w]) => w === 'floor')?.[1];
  // Per wall second, and per CPU second of the process (what one free core would do: on a shared
  // machine other work stretches wall time, not CPU time).
  const per = (n: number, s: number | undefined) => (s ? (n / s).toFixed(0) : '');
  console.log(`| run | articles | wall s | articles/s | articles/CPU-s | store part: articles/s | store part: articles/CPU-s | peak RSS MB | store MB | articles/s / floor |`);
  console.log(`|---|---|---|---|---|---|---|---|---|---|`);
  for (const [which, x] of results) {
    const ratio = floor ? (x.articles / x.secs / (floor.articles / floor.secs)).toFixed(3) : '';
    console.log(
      `| ${names[which] ?? which} | ${x.articles} | ${x.secs.toFixed(1)} | ${per(x.articles, x.secs)} | ${per(x.articles, x.cpuSecs)} | ${per(x.articles, x.storeSecs)} | ${per(x.articles, x.storeCpuSecs)} | ${x.rssMB.toFixed(0)} | ${x.dbMB.toFixed(0)} | ${ratio} |`,
    );
    if (x.failed) console.log(`  ${which}: ${x.failed} failed inputs`);
  }
}
