// Opening a store: one Kysely query layer over SQLite (embedded, better-sqlite3) or PostgreSQL
// (pg, a `postgres://` location). Every schema change is a versioned migration run on open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, type DialectAdapter, type Migration, type MigrationProvider } from 'kysely';
import type { Tables } from './schema.ts';
import { Lru } from '../util/lru.ts';
import { batchingPool } from './pgbatch.ts';
import * as m001 from './migrations/001_core.ts';
import * as m002 from './migrations/002_stories.ts';
import * as m003 from './migrations/003_sources.ts';
import * as m004 from './migrations/004_entities.ts';
import * as m005 from './migrations/005_analysis.ts';
import * as m006 from './migrations/006_corrections.ts';
import * as m007 from './migrations/007_story_cache.ts';
import * as m008 from './migrations/008_story_redirects.ts';
import * as m009 from './migrations/009_drop_html_pages.ts';
import * as m010 from './migrations/010_full_reuse_keys.ts';
import * as m011 from './migrations/011_story_postings_one_index.ts';
import * as m012 from './migrations/012_recent_index_rows.ts';
import * as m013 from './migrations/013_undated_postings_index.ts';

export type Db = Kysely<Tables>;
export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Db;
  engine: Engine;
  /** Where the store lives: a file path or a connection URL (password removed). */
  location: string;
  /** The raw SQLite handle (FTS5 queries, integrity checks); undefined on PostgreSQL. */
  sqlite?: Database.Database;
  close(): Promise<void>;
}

const migrations: Record<string, Migration> = {
  '001_core': m001,
  '002_stories': m002,
  '003_sources': m003,
  '004_entities': m004,
  '005_analysis': m005,
  '006_corrections': m006,
  '007_story_cache': m007,
  '008_story_redirects': m008,
  '009_drop_html_pages': m009,
  '010_full_reuse_keys': m010,
  '011_story_postings_one_index': m011,
  '012_recent_index_rows': m012,
  '013_undated_postings_index': m013,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export function defaultDbLocation(): string {
  return process.env.KABAR_DB || './kabar.db';
}

export async function openStore(location = defaultDbLocation()): Promise<Store> {
  if (isPostgresLocation(location)) return openPostgres(location);
  const dir = path.dirname(path.resolve(location));
  if (!fs.existsSync(dir)) throw new Error(`store ${location}: folder ${dir} does not exist`);
  const sqlite = new Database(location);
  // WAL + synchronous=NORMAL: a crash loses at most the last uncommitted transaction, never corrupts.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  // Ingest touches several indexes per article: a 64 MB page cache keeps their hot pages in memory,
  // and fewer, larger checkpoints cost fewer fsyncs than SQLite's 4 MB default.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('wal_autocheckpoint = 16384');
  const db = new Kysely<Tables>({ dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }) });
  const store: Store = {
    db,
    engine: 'sqlite',
    location,
    sqlite,
    async close() {
      await db.destroy();
    },
  };
  await migrate(store);
  return store;
}

/**
 * SQLite runs DDL inside transactions, but Kysely's SQLite adapter says it cannot, so its migrator would run
 * each migration's statements one by one: a process killed mid-migration left half a schema that the next
 * open could not migrate ("table already exists"). With this adapter each migration commits whole or not at all.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

// int8 (bigint columns, count(*)) comes back from pg as a string by default; every bigint this store
// holds (MinHash band keys, counters) is 53-bit safe, so numbers keep both engines' rows alike.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 && format !== 'binary') return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

async function openPostgres(location: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: location,
    types: pgTypes,
    max: Number(process.env.KABAR_PG_POOL) || 4,
    connectionTimeoutMillis: 10000,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  const shown = redact(location);
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new Error(`store ${shown}: cannot connect to PostgreSQL: ${(e as Error).message}`);
  }
  // Ingest transactions send their writes with their next read or commit (src/store/pgbatch.ts).
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: batchingPool(pool) }) });
  const store: Store = {
    db,
    engine: 'postgres',
    location: shown,
    async close() {
      await db.destroy();
    },
  };
  try {
    // Kysely's migrator holds a PostgreSQL advisory lock while it runs, so processes opening a fresh
    // database at once migrate it one at a time.
    await migrate(store);
  } catch (e) {
    await db.destroy().catch(() => {});
    throw e;
  }
  return store;
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs as much as running the small
 * queries ingest makes. Reuse prepared statements by SQL text (bounded, least recently used out).
 */
function withStatementCache(sqlite: Database.Database, size = 512): Database.Database {
  const cache = new Lru<Database.Statement>(size);
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (source: string) => {
          let stmt = cache.get(source);
          if (!stmt) cache.set(source, (stmt = prepare(source)));
          return stmt;
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

export async function migrate(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const why = error instanceof Error ? error.message : String(error ?? failed?.migrationName);
    throw new Error(`store ${store.location}: migration failed: ${why}`);
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
