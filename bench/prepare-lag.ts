// How long after an ingest a story's page is served from kept rows: the window in which a reader would get the page
// computed on request (bench/server.ts "not computed yet"). The examples are ingested into a temporary store, a
// server with its background preparer (src/server/cli.ts startWarmer) starts on it and prepares every story; then
// short generated reports are posted to /api/ingest one at a time (the table says into how many stories they went),
// and the store is watched for the story's kept page in both interface languages. An ingest can also make other
// stories' kept pages stale (an entity they name gained an alias): the preparer redoes those too, which the
// figures include.
// Two conditions: an idle server, and one that serves a request every few milliseconds meanwhile (busy: the
// preparer then does one story per BUSY_GAP_MS).
// Usage: npx tsx bench/prepare-lag.ts [--n 20]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/db.ts';
import { ingestInputs } from '../src/ingest/run.ts';
import { startServer } from '../src/server/cli.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const N = args.includes('--n') ? Number(args[args.indexOf('--n') + 1]) : 20;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-lag-'));
const dbPath = path.join(dir, 'lag.db');
const store = await openStore(dbPath);
await ingestInputs(store, [path.join(here, '..', 'examples')]);
const srv = await startServer(store, { port: 0, host: '127.0.0.1', warm: true, writesPerMinute: 1_000_000 });
const ro = new Database(dbPath, { readonly: true });
const keptPages = ro.prepare("SELECT count(*) FROM story_cache WHERE story_id = ? AND variant LIKE 'page:%' AND built_at >= ?").pluck();
const stories = ro.prepare('SELECT count(*) FROM stories').pluck();
const allKept = ro.prepare("SELECT count(DISTINCT story_id) FROM story_cache WHERE variant LIKE 'page:%'").pluck();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
for (const t0 = Date.now(); allKept.get() !== stories.get(); await sleep(50)) {
  if (Date.now() - t0 > 120_000) throw new Error('the preparer did not keep every story within 2 minutes');
}

const TOPICS = ['flood', 'election', 'harbour strike', 'vaccine rollout', 'bridge collapse', 'trade fair', 'drought', 'rail link'];
const PLACES = ['Lisbon', 'Accra', 'Quito', 'Tbilisi', 'Hobart', 'Tromsø', 'Cebu', 'Mombasa'];

async function post(i: number, existing: boolean): Promise<{ story: string; at: string }> {
  const topic = TOPICS[i % TOPICS.length]!;
  const place = PLACES[Math.floor(i / TOPICS.length) % PLACES.length]!;
  const text = existing
    ? `Officials in ${place} gave new figures on the ${topic} on Tuesday. Report ${i} adds that the ${topic} affected more districts than first thought, the regional office said.`
    : `${place} ${topic}: report ${i}\n\nThe ${topic} in ${place} was reported on Monday by the regional office. Officials said ${i + 3} districts were affected and that a review would follow within ${i + 2} weeks. Residents described the ${topic} as the largest in years.`;
  const at = new Date().toISOString();
  const res = await fetch(`${srv.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, outlet: `Bench Wire ${i % 3}`, published: '2026-03-0' + (1 + (i % 9)) }) });
  if (res.status !== 201) throw new Error(`ingest ${i}: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { story: string | null };
  if (!body.story) throw new Error(`ingest ${i}: no story`);
  return { story: body.story, at };
}

async function measure(busy: boolean): Promise<{ lags: number[]; stories: number }> {
  let stop = false;
  // a reader's requests every few milliseconds (the home page: kept, cheap), as a server under steady use
  const load = busy
    ? (async () => {
        while (!stop) {
          await (await fetch(`${srv.url}/`)).text();
          await sleep(5);
        }
      })()
    : null;
  const lags: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < N; i++) {
    const { story, at } = await post(i + (busy ? 1000 : 0), i % 2 === 1);
    seen.add(story);
    const t0 = performance.now();
    // both interface languages' pages kept for the story's new version
    while ((keptPages.get(story, at) as number) < 2) {
      if (performance.now() - t0 > 30_000) throw new Error(`story ${story}: no kept page after 30 s`);
      await sleep(2);
    }
    lags.push(performance.now() - t0);
  }
  stop = true;
  await load;
  return { lags, stories: seen.size };
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`| server | ingests | into stories | median ms | p90 ms | max ms |`);
console.log(`|---|---:|---:|---:|---:|---:|`);
for (const busy of [false, true]) {
  const { lags, stories } = await measure(busy);
  console.log(`| ${busy ? 'busy (a request every ~5 ms)' : 'idle'} | ${lags.length} | ${stories} | ${q(lags, 0.5).toFixed(0)} | ${q(lags, 0.9).toFixed(0)} | ${Math.max(...lags).toFixed(0)} |`);
}
ro.close();
await srv.close();
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
