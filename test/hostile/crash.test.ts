// Crash safety: `kabar ingest` is killed with SIGKILL at random moments, restarted (sometimes killed
// again) and finally run to the end. Every time: nothing lost, nothing duplicated, the SQLite file
// passes its integrity check and every article sits in exactly one story, as in an uninterrupted run.
// Bounded in `npm test` (KILL_RUNS, default 4); `npm run test:hostile` sets KABAR_HOSTILE_FULL=1 for 50.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tmpDir } from '../helpers.ts';
import { rng } from '../../src/util/common.ts';
import { writeGoodCorpus } from '../../scripts/fuzz-inputs.ts';
import { BIN, runKabar } from './harness.ts';

const FULL = process.env.KABAR_HOSTILE_FULL === '1';
const RUNS = Number(process.env.KILL_RUNS ?? (FULL ? 50 : 2));
const ARTICLES = FULL ? 80 : 40;

interface Snapshot {
  inputs: Map<string, string>;
  stories: Map<string, string[]>;
  problems: string[];
  articles: number;
}

/** Reads the store and lists every broken invariant. */
function inspect(db: string): Snapshot {
  const s = new Database(db);
  const problems: string[] = [];
  const one = <T>(q: string) => s.prepare(q).get() as T;
  const integrity = (s.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.join('; ')}`);
  const tables = new Set((s.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name));
  const out: Snapshot = { inputs: new Map(), stories: new Map(), problems, articles: 0 };
  if (!tables.has('articles')) {
    s.close();
    return out; // killed before the first migration committed
  }
  out.articles = one<{ n: number }>('SELECT count(*) AS n FROM articles').n;
  const dupText = one<{ n: number }>('SELECT count(*) - count(DISTINCT text_hash) AS n FROM articles').n;
  if (dupText) problems.push(`${dupText} duplicated article texts`);
  for (const r of s.prepare('SELECT input, article_id FROM inputs').all() as Array<{ input: string; article_id: string }>) {
    if (out.inputs.has(r.input)) problems.push(`input ${r.input} recorded twice`);
    out.inputs.set(r.input, r.article_id);
  }
  const orphanInputs = one<{ n: number }>('SELECT count(*) AS n FROM inputs WHERE article_id NOT IN (SELECT id FROM articles)').n;
  if (orphanInputs) problems.push(`${orphanInputs} inputs point at no article`);
  const noInput = one<{ n: number }>('SELECT count(*) AS n FROM articles WHERE id NOT IN (SELECT article_id FROM inputs)').n;
  if (noInput) problems.push(`${noInput} articles without their input`);
  const fts = one<{ n: number }>('SELECT count(*) AS n FROM articles_fts').n;
  if (fts !== out.articles) problems.push(`full-text index has ${fts} rows for ${out.articles} articles`);
  // Exactly one story per article: a story id that exists, the story's count matching its members.
  const noStory = one<{ n: number }>('SELECT count(*) AS n FROM articles WHERE story_id IS NULL OR story_id NOT IN (SELECT id FROM stories)').n;
  if (noStory) problems.push(`${noStory} articles without a story`);
  const badCount = one<{ n: number }>('SELECT count(*) AS n FROM stories s WHERE article_count != (SELECT count(*) FROM articles a WHERE a.story_id = s.id)').n;
  if (badCount) problems.push(`${badCount} stories whose article_count is wrong`);
  const empty = one<{ n: number }>('SELECT count(*) AS n FROM stories s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)').n;
  if (empty) problems.push(`${empty} empty stories`);
  if (tables.has('story_vectors')) {
    const vec = one<{ n: number }>('SELECT count(*) AS n FROM articles a LEFT JOIN story_vectors v ON v.article_id = a.id WHERE v.article_id IS NULL OR v.story_id != a.story_id').n;
    if (vec) problems.push(`${vec} articles whose story index entry is missing or names another story`);
  }
  if (tables.has('reuse_links')) {
    const dangling = one<{ n: number }>('SELECT count(*) AS n FROM reuse_links WHERE a NOT IN (SELECT id FROM articles) OR b NOT IN (SELECT id FROM articles)').n;
    if (dangling) problems.push(`${dangling} reuse links to missing articles`);
  }
  for (const r of s.prepare('SELECT id, story_id FROM articles ORDER BY id').all() as Array<{ id: string; story_id: string }>) {
    out.stories.set(r.story_id, [...(out.stories.get(r.story_id) ?? []), r.id]);
  }
  s.close();
  return out;
}

/** Stories as a partition of article ids, independent of story ids. */
function partition(s: Snapshot): string[] {
  return [...s.stories.values()].map((ids) => ids.sort().join(',')).sort();
}

/**
 * Starts an ingest and SIGKILLs its process group `delayMs` after the store file appears (never when
 * null); resolves when it is gone, with how long it ran after the store appeared.
 */
function killedRun(corpus: string, db: string, delayMs: number | null, batch = 32): Promise<{ killed: boolean; afterStoreMs: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--db', db, '-q'], { env: { ...process.env, KABAR_DB: '', KABAR_INGEST_BATCH: String(batch) }, stdio: 'ignore', detached: true });
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    let appeared = 0;
    const poll = setInterval(() => {
      if (!fs.existsSync(db)) return;
      clearInterval(poll);
      appeared = performance.now();
      if (delayMs === null) return;
      timer = setTimeout(() => {
        killed = true;
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          killed = false; // it had already finished
        }
      }, delayMs);
    }, 5);
    child.on('exit', () => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve({ killed, afterStoreMs: appeared ? performance.now() - appeared : 0 });
    });
  });
}

test(`ingest survives SIGKILL at random moments (${RUNS} runs): nothing lost or duplicated, store intact, one story per article`, { timeout: RUNS * 120_000 + 180_000 }, async (t) => {
  const dir = tmpDir('kabar-crash-');
  const corpus = path.join(dir, 'corpus');
  const names = writeGoodCorpus(corpus, ARTICLES);

  // The uninterrupted run every killed-and-restarted store must end up equal to.
  const refDb = path.join(dir, 'ref.db');
  const ref = await killedRun(corpus, refDb, null);
  const want = inspect(refDb);
  assert.deepEqual(want.problems, []);
  assert.deepEqual([...want.inputs.keys()].map((k) => path.relative(corpus, k)).sort(), [...names].sort(), 'the reference run stored every input');
  assert.ok(want.articles < names.length && want.articles > names.length / 2, 'some inputs repeat a text');
  // How long the ingest runs once the store exists (model loading, then the articles): kills are spread over it.
  const span = Math.max(500, ref.afterStoreMs);

  const r = rng(Number(process.env.KILL_SEED ?? 20261122));
  const landed = { beforeFirstArticle: 0, midIngest: 0, afterLastArticle: 0, notKilled: 0 };
  const failures: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const db = path.join(dir, `run-${run}.db`);
    const kills = r() < 0.3 ? 2 : 1;
    // Commits of 32 articles (the default), 4 or 1: the smaller, the more kills land between two commits
    // of one run rather than inside its first transaction.
    const batch = [32, 4, 1][run % 3]!;
    for (let k = 0; k < kills; k++) {
      const { killed } = await killedRun(corpus, db, Math.floor(r() * span * 1.1), batch);
      if (!killed) {
        landed.notKilled++;
        continue;
      }
      const after = fs.existsSync(db) ? inspect(db) : null;
      if (after?.problems.length) failures.push(`run ${run} after kill ${k + 1}: ${after.problems.join('; ')}`);
      const n = after?.articles ?? 0;
      if (n === 0) landed.beforeFirstArticle++;
      else if (n < want.articles) landed.midIngest++;
      else landed.afterLastArticle++;
    }
    const fin = await runKabar(['ingest', corpus, '--db', db, '-q'], { timeoutMs: 300_000 });
    if (fin.status !== 0) failures.push(`run ${run}: re-run exit ${fin.status}: ${fin.stderr.slice(0, 500)}`);
    const got = inspect(db);
    if (got.problems.length) failures.push(`run ${run}: ${got.problems.join('; ')}`);
    if (got.articles !== want.articles) failures.push(`run ${run}: ${got.articles} articles, uninterrupted run has ${want.articles}`);
    const lost = [...want.inputs.keys()].filter((k) => !got.inputs.has(k));
    if (lost.length) failures.push(`run ${run}: lost inputs ${lost.slice(0, 5).join(', ')}`);
    const moved = [...want.inputs].filter(([k, id]) => got.inputs.get(k) !== id);
    if (moved.length) failures.push(`run ${run}: ${moved.length} inputs stored as other articles`);
    if (partition(got).join('|') !== partition(want).join('|')) failures.push(`run ${run}: stories differ from the uninterrupted run`);
    if (FULL) console.log(`${new Date().toISOString()} kill run ${run + 1}/${RUNS}: ${kills} kill(s); so far ${JSON.stringify(landed)}, failures ${failures.length}`);
    fs.rmSync(db, { force: true });
    fs.rmSync(db + '-wal', { force: true });
    fs.rmSync(db + '-shm', { force: true });
  }
  t.diagnostic(`kill runs ${RUNS} on ${names.length} inputs (${want.articles} articles, ${want.stories.size} stories); kills landed: ${landed.beforeFirstArticle} before the first article committed, ${landed.midIngest} mid-ingest, ${landed.afterLastArticle} after the last, ${landed.notKilled} runs finished before their kill time; failures ${failures.length}`);
  console.log(`crash safety: ${RUNS} runs, kills before first article ${landed.beforeFirstArticle}, mid-ingest ${landed.midIngest}, after last ${landed.afterLastArticle}, finished first ${landed.notKilled}; lost 0 expected, failures ${failures.length}`);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(failures, []);
  // Ingest commits in batches (src/ingest/run.ts), so many kills land between commits; in the full run
  // some must land after the first commit and before the last.
  if (RUNS >= 20) assert.ok(landed.midIngest >= RUNS / 5, 'kills landed mid-ingest');
  assert.ok(want.stories.size >= 2, 'the corpus forms several stories');
});
