// The ingest queue against real Redis (BullMQ): enqueueing is idempotent by content hash, workers store every
// page once, an unusable page goes straight to the dead-letter queue, a failing store is retried with backoff
// and then dead-lettered, and two workers sharing a PostgreSQL store give the embedded run's stories.
// Skips with a message when Redis (or, for the last test, PostgreSQL) is not reachable.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, tmpDir } from './helpers.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { ingestInputs } from '../src/ingest/run.ts';
import { listStories } from '../src/store/queries.ts';
import { enqueueInputs, openQueues, queueCounts, startWorker, waitIdle } from '../src/queue/queue.ts';
import { obliterateQueues, postgresUnavailable, redisUnavailable, REDIS_URL, tempDatabase } from '../src/queue/testutil.ts';

const skip = await redisUnavailable();
if (skip) console.log(`# queue.test.ts: ${skip}`);
const pgSkip = skip ?? (await postgresUnavailable());
if (pgSkip && !skip) console.log(`# queue.test.ts (two workers on PostgreSQL): ${pgSkip}`);

const wire =
  'Floodwaters from the Citarum River submerged 4,300 homes in Bandung Regency on Friday, the disaster agency said. ' +
  'Agency spokesman Abdul Muhari said 12,000 residents had been moved to temporary shelters in Baleendah and Dayeuhkolot, ' +
  'and that two people were still missing after a landslide near the river.';

function page(title: string, body: string, date: string): string {
  return `${title}\n\n${date}\n\n${body}\n\nSumber: https://news.example/${encodeURIComponent(title.toLowerCase().replace(/\s+/g, '-'))}\n`;
}

/** Every story as its sorted article ids: what must not depend on workers or order. */
async function partition(store: Store): Promise<string[]> {
  const stories = await listStories(store);
  const arts = await store.db.selectFrom('articles').select(['id', 'story_id']).execute();
  return stories.map((s) => arts.filter((a) => a.story_id === s.id).map((a) => a.id).sort().join(',')).sort();
}

describe('ingest queue (BullMQ on Redis)', { skip: skip ?? false }, () => {
  const prefix = `kabar-test-${process.pid}-${Date.now()}`;
  const dir = tmpDir();
  after(async () => {
    await obliterateQueues(REDIS_URL, prefix);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('enqueue is idempotent; a worker stores each page once; an unusable page is dead-lettered at once', async () => {
    const inputs = path.join(dir, 'in');
    fs.mkdirSync(inputs);
    fs.writeFileSync(path.join(inputs, 'a.txt'), page('Citarum floods 4,300 homes', wire + ' Heavy rain is expected to continue until Sunday.', '2 Februari 2024'));
    fs.writeFileSync(path.join(inputs, 'b.txt'), page('Bandung flood: 12,000 evacuated', 'Local officials opened a second field kitchen on Saturday. ' + wire, '3 Februari 2024'));
    fs.writeFileSync(path.join(inputs, 'c.txt'), page('Stocks close higher', 'The stock exchange closed higher on Friday as banking shares gained for a third session in a row, traders said, while the rupiah held steady against the dollar.', '2 Februari 2024'));
    fs.writeFileSync(path.join(inputs, 'empty.html'), '<html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>');
    const first = await enqueueInputs(REDIS_URL, [inputs], { prefix });
    assert.deepEqual([first.added, first.duplicate, first.failed], [4, 0, 0]);
    const second = await enqueueInputs(REDIS_URL, [inputs], { prefix });
    assert.deepEqual([second.added, second.duplicate], [0, 4]);
    assert.equal((await queueCounts(REDIS_URL, { prefix })).waiting, 4);

    const storeDir = tmpDir();
    const store = await openStore(path.join(storeDir, 'kabar.db'));
    const w = startWorker(store, REDIS_URL, { prefix, concurrency: 2 });
    try {
      const c = await waitIdle(REDIS_URL, { prefix }, 60_000);
      // the dead letter is written from the worker's failed event: give it a moment
      let counts = c;
      for (let i = 0; i < 50 && counts.dead < 1; i++) {
        await new Promise((r) => setTimeout(r, 100));
        counts = await queueCounts(REDIS_URL, { prefix });
      }
      assert.deepEqual([counts.completed, counts.failed, counts.dead], [3, 1, 1]);
      const q = openQueues(REDIS_URL, { prefix });
      const [dead] = await q.dead.getJobs(['waiting']);
      await q.close();
      assert.ok(dead && dead.data.input.endsWith('empty.html'), 'the unusable page is in the dead-letter queue');
      assert.equal(dead.data.attempts, 1, 'no retries for a page that cannot be an article');
      const n = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 3);
      const parts = await partition(store);
      assert.equal(parts.length, 2, 'the two flood reports share a story, the market report has its own');
    } finally {
      await w.close();
      await store.close();
      fs.rmSync(storeDir, { recursive: true, force: true });
    }
  });

  test('a job whose store keeps failing is retried with backoff, then dead-lettered', async () => {
    const p2 = `${prefix}-retry`;
    const f = path.join(dir, 'retry.txt');
    fs.writeFileSync(f, page('Ferry aground near Bitung', 'A passenger ferry ran aground near Bitung port on Monday morning; all 212 passengers were taken ashore by navy boats, the harbour master said.', '4 Maret 2024'));
    await enqueueInputs(REDIS_URL, [f], { prefix: p2, attempts: 3, backoffMs: 100 });
    const storeDir = tmpDir();
    const store = await openStore(path.join(storeDir, 'kabar.db'));
    await store.close(); // a store that is gone: every attempt fails in the store step
    const failures: number[] = [];
    const w = startWorker(store, REDIS_URL, { prefix: p2, onFailed: (job) => failures.push(job?.attemptsMade ?? -1) });
    try {
      await waitIdle(REDIS_URL, { prefix: p2 }, 30_000);
      let counts = await queueCounts(REDIS_URL, { prefix: p2 });
      for (let i = 0; i < 50 && counts.dead < 1; i++) {
        await new Promise((r) => setTimeout(r, 100));
        counts = await queueCounts(REDIS_URL, { prefix: p2 });
      }
      assert.deepEqual(failures, [1, 2, 3]);
      assert.deepEqual([counts.failed, counts.dead, counts.completed], [1, 1, 0]);
      const q = openQueues(REDIS_URL, { prefix: p2 });
      const [dead] = await q.dead.getJobs(['waiting']);
      const job = await q.ingest.getJob(dead!.data.jobId);
      // exponential backoff: 100 ms then 200 ms between the three attempts
      assert.ok(job && job.finishedOn! - job.timestamp >= 300, `attempts were spaced by the backoff (${job ? job.finishedOn! - job.timestamp : '?'} ms)`);
      await q.ingest.obliterate({ force: true });
      await q.dead.obliterate({ force: true });
      await q.close();
      assert.equal(dead!.data.attempts, 3);
    } finally {
      await w.close();
      fs.rmSync(storeDir, { recursive: true, force: true });
    }
  });

  test('a worker killed mid-job loses nothing and duplicates nothing', async () => {
    const p4 = `${prefix}-kill`;
    const inputs = path.join(dir, 'kill');
    fs.mkdirSync(inputs);
    const topics = ['ferry', 'harvest', 'election', 'bridge', 'vaccine', 'festival'];
    topics.forEach((t, i) =>
      fs.writeFileSync(path.join(inputs, `${t}.txt`), page(`${t} report ${i}`, `Officials in district ${i} said on Monday that the ${t} work would resume next week after ${i + 3} days of delay, and that ${100 + i * 17} residents were affected.`, `${i + 1} Mei 2024`)),
    );
    const e = await enqueueInputs(REDIS_URL, [inputs], { prefix: p4 });
    assert.equal(e.added, topics.length);
    const storeDir = tmpDir();
    const db = path.join(storeDir, 'kabar.db');
    await (await openStore(db)).close();
    // A worker process, killed (SIGKILL: no cleanup) as soon as it holds a job.
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kabar.mjs'), 'worker', '--db', db, '--redis', REDIS_URL, '--queue-prefix', p4], {
      env: { ...process.env, KABAR_DB: '', KABAR_QUEUE_LOCK_MS: '1000' },
      stdio: 'ignore',
    });
    try {
      const t0 = Date.now();
      while ((await queueCounts(REDIS_URL, { prefix: p4 })).active === 0) {
        assert.ok(Date.now() - t0 < 90_000, 'the worker process never took a job');
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const store = await openStore(db);
      const w = startWorker(store, REDIS_URL, { prefix: p4, lockMs: 1000 });
      try {
        const c = await waitIdle(REDIS_URL, { prefix: p4 }, 60_000);
        assert.deepEqual([c.completed, c.failed, c.dead], [topics.length, 0, 0]);
        const arts = await store.db.selectFrom('articles').select('input').execute();
        assert.deepEqual(arts.map((a) => path.basename(a.input)).sort(), topics.map((t) => `${t}.txt`).sort(), 'every page stored exactly once');
      } finally {
        await w.close();
        await store.close();
      }
    } finally {
      child.kill('SIGKILL');
      const q = openQueues(REDIS_URL, { prefix: p4 });
      await q.ingest.obliterate({ force: true });
      await q.dead.obliterate({ force: true });
      await q.close();
      fs.rmSync(storeDir, { recursive: true, force: true });
    }
  });

  test('two workers on one PostgreSQL store find the same stories as one embedded run', { skip: pgSkip ?? false }, async () => {
    const p3 = `${prefix}-pg`;
    const examples = path.join(repoRoot, 'examples');
    const { url, drop } = await tempDatabase('queue');
    const sqDir = tmpDir();
    const embedded = await openStore(path.join(sqDir, 'kabar.db'));
    const s1 = await openStore(url);
    const s2 = await openStore(url);
    try {
      await ingestInputs(embedded, [examples]);
      const want = await partition(embedded);
      const e = await enqueueInputs(REDIS_URL, [examples], { prefix: p3 });
      assert.equal(e.failed, 0);
      const done: number[] = [0, 0];
      const w1 = startWorker(s1, REDIS_URL, { prefix: p3, onDone: () => done[0]++ });
      const w2 = startWorker(s2, REDIS_URL, { prefix: p3, onDone: () => done[1]++ });
      try {
        const c = await waitIdle(REDIS_URL, { prefix: p3 }, 120_000);
        assert.deepEqual([c.completed, c.failed], [e.added, 0]);
      } finally {
        await w1.close();
        await w2.close();
      }
      assert.ok(done[0] > 0 && done[1] > 0, `both workers took jobs (${done})`);
      assert.deepEqual(await partition(s1), want);
      const q = openQueues(REDIS_URL, { prefix: p3 });
      await q.ingest.obliterate({ force: true });
      await q.dead.obliterate({ force: true });
      await q.close();
    } finally {
      await embedded.close();
      await s1.close();
      await s2.close();
      await drop();
      fs.rmSync(sqDir, { recursive: true, force: true });
    }
  });
});

