// `kabar serve --workers N` (src/server/cluster.ts): several processes serve one port over one store. Pages are
// the same from every worker, a write through one worker shows on the next read through any other, a worker
// that dies is replaced, and close() stops them all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';
import { openStore, type Store } from '../src/store/db.ts';
import { startServer, type RunningServer } from '../src/server/cli.ts';
import { defaultWorkers, workerExecArgv, workersArg } from '../src/server/cluster.ts';
import { ingestRaw, STORY_TEXTS } from './browser/fixture.ts';
import { testDb } from './helpers.ts';

/** A GET on a connection of its own (no keep-alive): the cluster hands each new connection to the next worker. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

const workerPids = () => Object.values(cluster.workers ?? {}).map((w) => w!.process.pid!);

describe('kabar serve --workers', () => {
  let store: Store;
  let srv: RunningServer;
  let storyId = '';
  before(async () => {
    store = await openStore(await testDb('workers'));
    const a = STORY_TEXTS[0]!;
    storyId = (await ingestRaw(store, { input: 'w-0.txt', format: 'text', content: a.text, hints: { title: a.title, outlet: a.outlet, url: a.url, published: a.published, language: 'en' } })).storyId!;
    srv = await startServer(store, { port: 0, host: '127.0.0.1', workers: 2, warm: false });
  });
  after(async () => {
    await srv?.close();
    await store.close();
  });

  test('two processes serve the port, each the same pages', async () => {
    assert.equal(workerPids().length, 2);
    assert.ok(!workerPids().includes(process.pid));
    const pages = await Promise.all(Array.from({ length: 6 }, () => get(`${srv.url}/story/${storyId}`)));
    for (const p of pages) {
      assert.equal(p.status, 200);
      assert.ok(p.body.includes(STORY_TEXTS[0]!.title.replace(/&/g, '&amp;')), 'the story page');
    }
    // each reader its own CSRF token, the rest of the page identical
    const strip = (s: string) => s.replace(/name="_csrf" value="[^"]*"/g, '');
    assert.equal(new Set(pages.map((p) => strip(p.body))).size, 1);
  });

  test('a write through one worker shows on the next read through every worker', async () => {
    const title = 'Harbour crane toppled in Bitung';
    const body = JSON.stringify({ text: 'A harbour crane toppled in Bitung port on Friday; no one was hurt, the port authority said.', title, outlet: 'Harbour Daily', published: '2025-05-09', language: 'en' });
    const res = await fetch(`${srv.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(res.status, 201);
    // the lists kept in memory by both workers before the write
    const lists = await Promise.all(Array.from({ length: 4 }, () => get(`${srv.url}/api/stories?limit=50`)));
    for (const l of lists) assert.ok((JSON.parse(l.body) as { stories: Array<{ title: string }> }).stories.some((s) => s.title === title), 'every worker sees the new story');
  });

  test('a worker that dies is replaced', { timeout: 180_000 }, async () => {
    const [victim] = workerPids();
    process.kill(victim!, 'SIGKILL');
    const t0 = Date.now();
    while ((workerPids().length < 2 || workerPids().includes(victim!)) && Date.now() - t0 < 170_000) await new Promise((r) => setTimeout(r, 200));
    assert.equal(workerPids().length, 2);
    assert.ok(!workerPids().includes(victim!));
    // the new one listens once it said so; every connection is answered meanwhile by the live ones
    for (let i = 0; i < 4; i++) assert.equal((await get(`${srv.url}/`)).status, 200);
  });

  test('close() stops every worker', async () => {
    const pids = workerPids();
    await srv.close();
    assert.equal(workerPids().length, 0);
    for (const pid of pids) assert.throws(() => process.kill(pid, 0), /ESRCH/, `worker ${pid} has exited`);
  });
});

describe('how workers start', () => {
  test('with room in the old generation to begin with (fewer full collections under load), unless the operator sized the heap', () => {
    const argv = workerExecArgv(['--import', 'tsx', '--inspect=9229']);
    assert.ok(argv.includes('--initial-old-space-size=128'), argv.join(' '));
    assert.ok(!argv.some((a) => a.startsWith('--inspect')), 'a debugger port is not taken by every worker');
    assert.deepEqual(workerExecArgv(['--import', 'tsx', '--max-old-space-size=512']), ['--import', 'tsx', '--max-old-space-size=512']);
    assert.deepEqual(workerExecArgv(['--import', 'tsx', '--initial-old-space-size=64']), ['--import', 'tsx', '--initial-old-space-size=64']);
  });
});

describe('how many workers', () => {
  test('one on loopback, one per core (at most 8) beyond it, KABAR_WORKERS when valid', () => {
    assert.equal(defaultWorkers('127.0.0.1', undefined), 1);
    assert.equal(defaultWorkers('::1', undefined), 1);
    assert.equal(defaultWorkers('0.0.0.0', undefined), Math.min(8, os.availableParallelism()));
    assert.equal(defaultWorkers('127.0.0.1', '3'), 3);
    assert.equal(defaultWorkers('0.0.0.0', '1'), 1);
    assert.equal(defaultWorkers('127.0.0.1', 'many'), 1, 'an invalid value is ignored');
    assert.equal(defaultWorkers('127.0.0.1', '0'), 1);
    assert.equal(workersArg('4'), 4);
    assert.throws(() => workersArg('0'));
    assert.throws(() => workersArg('2.5'));
    assert.throws(() => workersArg('99'));
  });
});
