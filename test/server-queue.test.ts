// `kabar serve --queue`: the API's POST /api/ingest puts the page on the BullMQ ingest queue (job id = content
// hash, so the same page twice is one job) instead of storing it in the server's process; a worker stores it and
// the reader shows it. Against real Redis on 127.0.0.1:6379 (KABAR_TEST_REDIS); skips without it.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDb } from './helpers.ts';
import { openStore } from '../src/store/db.ts';
import { startServer } from '../src/server/cli.ts';
import { ingestResult } from '../src/server/api.ts';
import { queueCounts, startWorker, waitIdle } from '../src/queue/queue.ts';
import { obliterateQueues, redisUnavailable, REDIS_URL } from '../src/queue/testutil.ts';

const skip = await redisUnavailable();
if (skip) console.log(`# server-queue.test.ts: ${skip}`);

describe('serve --queue', { skip: skip ?? false }, () => {
  const prefix = `kabar-serve-test-${process.pid}-${Date.now()}`;
  after(async () => {
    await obliterateQueues(REDIS_URL, prefix);
  });

  test('POST /api/ingest enqueues (202, one job per page); a worker stores it; the reader shows it', async () => {
    const store = await openStore(await testDb('servequeue'));
    const srv = await startServer(store, { port: 0, host: '127.0.0.1', queue: REDIS_URL, queuePrefix: prefix });
    try {
      const body = JSON.stringify({
        title: 'Ferry runs aground off Bitung',
        outlet: 'Harbour Daily',
        published: '2025-05-05',
        text: 'A passenger ferry ran aground near Bitung port on Monday morning. All 212 passengers were brought ashore by rescue boats, the harbour master said.',
      });
      const post = () => fetch(`${srv.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const first = await post();
      assert.equal(first.status, 202);
      const j = await first.json();
      assert.ok(ingestResult.safeParse(j).success, JSON.stringify(j));
      assert.equal(j.status, 'queued');
      assert.match(j.job, /^[0-9a-f]{32}$/);
      assert.equal(j.duplicate, false);
      // nothing was stored by the server itself
      assert.equal((await store.db.selectFrom('articles').select('id').execute()).length, 0);
      assert.equal((await queueCounts(REDIS_URL, { prefix })).waiting, 1);
      const again = await post();
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), { status: 'queued', job: j.job, duplicate: true });
      assert.equal((await queueCounts(REDIS_URL, { prefix })).waiting, 1);

      const worker = startWorker(store, REDIS_URL, { prefix });
      try {
        await waitIdle(REDIS_URL, { prefix }, 60_000);
      } finally {
        await worker.close();
      }
      const arts = await store.db.selectFrom('articles').select(['id', 'story_id']).execute();
      assert.equal(arts.length, 1);
      const page = await fetch(`${srv.url}/story/${arts[0]!.story_id}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Ferry runs aground off Bitung/);
    } finally {
      await srv.close();
      await store.close();
    }
  });
});
