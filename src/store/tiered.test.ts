import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectReuse } from '../reuse/detect.ts';
import { allBands, insertArticle, makeDoc, tempStore } from '../reuse/testutil.ts';
import { directSql } from './bulk.ts';
import { moveFullRecent } from './tiered.ts';

const sentence = (i: number) => `The harbour board in district ${i} approved repairs to the northern pier after the storm of last winter.`;
const count = (sqlite: import('better-sqlite3').Database, table: string) => (sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);

test('tiered index: new reuse keys wait in the recent table, move in key order, and are found from either table', async (t) => {
  const { store, cleanup } = await tempStore();
  try {
    if (!store.sqlite) return t.skip('SQLite only: PostgreSQL keeps one table');
    const sqlite = store.sqlite;
    const direct = directSql(sqlite);
    const run = (doc: ReturnType<typeof makeDoc>) => store.db.transaction().execute((trx) => detectReuse(trx, doc, undefined, direct));
    const a = makeDoc(`${sentence(1)} ${sentence(2)}`);
    await insertArticle(store, a);
    await run(a);
    assert.equal(count(sqlite, 'reuse_bands'), 0);
    assert.equal(count(sqlite, 'reuse_bands_recent'), 10, 'two sentences, five keys each');
    // Under the limit nothing moves; at it everything does, and the recent table starts again from empty.
    assert.equal(sqlite.transaction(() => moveFullRecent(sqlite, 11))(), 0);
    assert.equal(sqlite.transaction(() => moveFullRecent(sqlite, 10))(), 10);
    assert.equal(count(sqlite, 'reuse_bands'), 10);
    assert.equal(count(sqlite, 'reuse_bands_recent'), 0);
    const b = makeDoc(`${sentence(2)} ${sentence(3)}`);
    await insertArticle(store, b);
    const viaMain = await run(b);
    assert.deepEqual(viaMain.map((l) => l.a), [a.id], 'found through the main table');
    assert.equal(count(sqlite, 'reuse_bands_recent'), 10);
    // c shares one sentence with a (in the main table) and one with b (still recent): linked to both.
    const c = makeDoc(`${sentence(1)} ${sentence(3)}`);
    await insertArticle(store, c);
    assert.deepEqual((await run(c)).map((l) => l.a).sort(), [a.id, b.id].sort());
    const all = (await allBands(store.db).select(['key', 'article_id', 'sentence']).execute()).length;
    assert.equal(all, 30);
  } finally {
    await cleanup();
  }
});

test('tiered index: a move rolls back with its transaction', async (t) => {
  const { store, cleanup } = await tempStore();
  try {
    if (!store.sqlite) return t.skip('SQLite only');
    const sqlite = store.sqlite;
    const a = makeDoc(`${sentence(4)} ${sentence(5)}`);
    await insertArticle(store, a);
    await store.db.transaction().execute((trx) => detectReuse(trx, a, undefined, directSql(sqlite)));
    assert.throws(() =>
      sqlite.transaction(() => {
        moveFullRecent(sqlite, 1);
        throw new Error('crash after the move');
      })(),
    );
    assert.equal(count(sqlite, 'reuse_bands'), 0);
    assert.equal(count(sqlite, 'reuse_bands_recent'), 10);
  } finally {
    await cleanup();
  }
});

test('tiered index: stories and reuse come out the same whether the postings were moved or not', async (t) => {
  const moved = await tempStore();
  const kept = await tempStore();
  try {
    if (!moved.store.sqlite) return t.skip('SQLite only');
    const { ingestDoc } = await import('./ingest.ts');
    const events = [
      (i: number) => `Engineers raised the flood embankment along the northern river near Lowbridge; the provincial water agency said levee section ${i} held overnight.`,
      (i: number) => `The harbour canal bridge at Eastmoor opened to lorries after welders finished girder number ${i}, the transport ministry announced.`,
      (i: number) => `Hill villages around Greenfell began serving free school lunches, and headteacher ${i} praised the nutrition programme funded by donors.`,
    ];
    const results: Record<string, string[]> = { moved: [], kept: [] };
    for (let i = 0; i < 9; i++) {
      const doc = makeDoc(`${events[i % 3]!(i)} ${events[i % 3]!(0)}`, { published: `2026-03-0${1 + (i % 3)}` });
      for (const [name, s] of [['moved', moved.store], ['kept', kept.store]] as const) {
        const r = await ingestDoc(s, doc);
        results[name]!.push(r.storyId!);
        // One store moves everything after each article: every later lookup reads the main tables.
        if (name === 'moved') s.sqlite!.transaction(() => moveFullRecent(s.sqlite!, 1))();
      }
    }
    assert.deepEqual(results.moved, results.kept);
    assert.equal(new Set(results.kept).size, 3, 'three events, three stories');
    assert.equal(count(moved.store.sqlite, 'story_postings_recent'), 0);
    assert.ok(count(moved.store.sqlite, 'story_postings') > 0);
    const links = (s: typeof moved.store) => s.sqlite!.prepare('SELECT a, b FROM reuse_links ORDER BY a, b').all();
    assert.deepEqual(links(moved.store), links(kept.store));
    assert.ok(links(kept.store).length > 0);
  } finally {
    await moved.cleanup();
    await kept.cleanup();
  }
});
