// Opening a store: one Kysely query layer over SQLite (embedded, better-sqlite3) now,
// PostgreSQL (pg) later. Every schema change is a versioned migration run on open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import type { Tables } from './schema.ts';
import * as m001 from './migrations/001_core.ts';
import * as m002 from './migrations/002_stories.ts';
import * as m003 from './migrations/003_sources.ts';

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
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new Error(`PostgreSQL store (${redact(location)}) is not available in this version; use a SQLite file path`);
  }
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
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
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
 * Kysely prepares every query anew; on SQLite preparing costs as much as running the small
 * queries ingest makes. Reuse prepared statements by SQL text (bounded, least recently used out).
 */
function withStatementCache(sqlite: Database.Database, size = 512): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (source: string) => {
          let stmt = cache.get(source);
          if (stmt) {
            cache.delete(source);
          } else {
            stmt = prepare(source);
            if (cache.size >= size) cache.delete(cache.keys().next().value!);
          }
          cache.set(source, stmt);
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
