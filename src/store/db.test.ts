// The embedded store's migrations are all-or-nothing: a migration that fails (or a process killed while it
// runs) leaves the schema as it was before it, so the next open migrates cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, sql, type Migration } from 'kysely';
import { migrate, openStore, TransactionalSqliteDialect } from './db.ts';
import * as m011 from './migrations/011_story_postings_one_index.ts';

test('a migration that fails half-way leaves no half schema behind; the store then opens and migrates', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-migrate-'));
  const file = path.join(dir, 'k.db');
  try {
    const db = new Kysely<any>({ dialect: new TransactionalSqliteDialect({ database: new Database(file) }) });
    const broken: Record<string, Migration> = {
      '001_half': {
        async up(d) {
          await sql`CREATE TABLE first_half (x INTEGER)`.execute(d);
          throw new Error('killed here');
        },
      },
    };
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => broken } }).migrateToLatest();
    assert.ok(error, 'the migration failed');
    const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db);
    assert.ok(!tables.rows.some((r) => r.name === 'first_half'), 'its first statement was rolled back');
    await db.destroy();
    fs.rmSync(file);
    const store = await openStore(file);
    const n = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0);
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('migration 009 drops kept pages of the earlier html: format and keeps the packed page: rows', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-migrate-'));
  try {
    const store = await openStore(path.join(dir, 'k.db'));
    const row = (variant: string) => ({ story_id: 's1', variant, version: 'v', deps: null, body: Buffer.from('x'), built_at: '2026-01-01T00:00:00Z' });
    const db = store.db as unknown as Kysely<any>;
    await db.insertInto('story_cache').values([row('html:en:11'), row('page:en:11'), row('doc')]).execute();
    // as a store written by the earlier reader: its rows are there and 009 (and the later ones) have not run yet
    await sql`DELETE FROM kysely_migration WHERE name >= '009_drop_html_pages'`.execute(store.db);
    await migrate(store);
    const left = await db.selectFrom('story_cache').select('variant').orderBy('variant').execute();
    assert.deepEqual(left.map((r: { variant: string }) => r.variant), ['doc', 'page:en:11']);
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('migration 011 moves every story posting into the one-index table, undated ones included', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-migrate-'));
  try {
    const store = await openStore(path.join(dir, 'k.db'));
    const db = store.db as unknown as Kysely<any>;
    // as a store written before 011: the WITHOUT ROWID table keyed (key, article_id)
    await m011.down(db);
    const rows = [
      { key: 'w:alpha', day: 100, article_id: 'a1' },
      { key: 'w:alpha', day: null, article_id: 'a2' },
      { key: 'w:beta', day: 101, article_id: 'a1' },
    ];
    await db.insertInto('story_postings').values(rows).execute();
    await sql`DELETE FROM kysely_migration WHERE name >= '011_story_postings_one_index'`.execute(store.db);
    await migrate(store);
    const after = await db.selectFrom('story_postings').select(['key', 'day', 'article_id']).orderBy('key').orderBy('article_id').execute();
    assert.deepEqual(after, rows);
    const ddl = store.sqlite!.prepare(`SELECT sql FROM sqlite_master WHERE tbl_name = 'story_postings' AND sql IS NOT NULL`).pluck().all() as string[];
    assert.ok(!ddl.some((s) => /without rowid/i.test(s)), 'a rowid table');
    assert.ok(ddl.some((s) => /UNIQUE INDEX story_postings_key_day ON story_postings \(key, day, article_id\)/.test(s)), 'one unique (key, day, article_id) index');
    await db.insertInto('story_postings').values(rows[0]).onConflict((oc) => oc.doNothing()).execute();
    assert.equal((await db.selectFrom('story_postings').selectAll().execute()).length, 3, 'a posting written again is kept once');
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
