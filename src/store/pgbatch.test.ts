// Held-back writes (pgbatch.ts): parameters written in as literals give the values the extended protocol would
// have sent; in an opted-in transaction writes travel with the next read (one round trip) and are visible to it;
// a failing held-back write fails the transaction, which leaves nothing behind. Needs PostgreSQL; skips without it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { openStore, type Store } from './db.ts';
import { BATCH_WRITES, inlineParameters } from './pgbatch.ts';
import { postgresUnavailable, tempDatabase } from '../queue/testutil.ts';

const skip = await postgresUnavailable();

test('parameters inlined as quoted literals: quotes, backslashes, arrays, JSON, null', () => {
  assert.equal(inlineParameters('SELECT $1, $2, $10', ["it's", 'a\\b', 0, 0, 0, 0, 0, 0, 0, null]), `SELECT 'it''s',  E'a\\\\b', NULL`);
  assert.equal(inlineParameters('SELECT $1::text[], $2', [['x', 'y"z'], { a: 1 }]), `SELECT  E'{"x","y\\\\"z"}'::text[], '{"a":1}'`);
  assert.equal(inlineParameters('SELECT $1', [Buffer.from('x')]), null);
});

describe('held-back writes on PostgreSQL', { skip: skip ?? false }, () => {
  let store: Store;
  let drop: () => Promise<void>;
  before(async () => {
    const t = await tempDatabase('pgbatch');
    drop = t.drop;
    store = await openStore(t.url);
  });
  after(async () => {
    await store?.close();
    await drop?.();
  });

  test('writes travel with the next read and commit; the read sees them; odd values survive', async () => {
    const sent: string[] = [];
    const orig = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
      sent.push(String(typeof a[0] === 'string' ? a[0] : ''));
      return (orig as (...x: unknown[]) => unknown).apply(this, a);
    } as typeof orig;
    const odd = "quote ' backslash \\ dollar $1 ünïcode";
    let seen: string[] = [];
    try {
      seen = await store.db.transaction().execute(async (trx) => {
        await sql`${sql.raw(BATCH_WRITES)} SELECT 1`.execute(trx);
        await trx.insertInto('meta').values({ key: 'a', value: odd }).execute();
        await trx.insertInto('meta').values({ key: 'b', value: '2' }).execute();
        const rows = await trx.selectFrom('meta').select('value').where('key', 'in', ['a', 'b']).orderBy('key').execute();
        await trx.updateTable('meta').set({ value: '3' }).where('key', '=', 'b').execute();
        return rows.map((r) => r.value);
      });
    } finally {
      pg.Client.prototype.query = orig;
    }
    assert.deepEqual(seen, [odd, '2']);
    // BEGIN + marker + two inserts + the read in one message; the update with COMMIT in another.
    assert.equal(sent.length, 2, sent.join('\n---\n'));
    assert.match(sent[1]!, /update .*;\nCOMMIT$/s);
    const after = await store.db.selectFrom('meta').select(['key', 'value']).where('key', 'in', ['a', 'b']).orderBy('key').execute();
    assert.deepEqual(after, [{ key: 'a', value: odd }, { key: 'b', value: '3' }]);
  });

  test('an inlined array literal reads back as the array the parameter gives', async () => {
    const v = ['plain', 'quote "q"', 'back \\ slash', "apos ' trophe", 'NULL'];
    const viaParam = (await sql<{ a: string[] }>`SELECT ${v}::text[] AS a`.execute(store.db)).rows[0]!.a;
    const viaLiteral = (await sql<{ a: string[] }>`SELECT ${sql.raw(inlineParameters('$1', [v])!)}::text[] AS a`.execute(store.db)).rows[0]!.a;
    assert.deepEqual(viaParam, v);
    assert.deepEqual(viaLiteral, v);
  });

  test('a failing held-back write fails the transaction; nothing of it is stored; the connection is reusable', async () => {
    await assert.rejects(
      store.db.transaction().execute(async (trx) => {
        await sql`${sql.raw(BATCH_WRITES)} SELECT 1`.execute(trx);
        await trx.insertInto('meta').values({ key: 'c', value: '1' }).execute();
        await trx.insertInto('meta').values({ key: 'c', value: '2' }).execute(); // duplicate key
      }),
      /duplicate key/,
    );
    assert.equal((await store.db.selectFrom('meta').select('key').where('key', '=', 'c').execute()).length, 0);
    for (let i = 0; i < 6; i++) assert.equal((await sql<{ x: number }>`SELECT ${i}::int AS x`.execute(store.db)).rows[0]!.x, i);
  });
});
