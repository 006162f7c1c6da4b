// Opening a store: one Kysely query layer over SQLite (embedded, better-sqlite3) now,
// PostgreSQL (pg) later. Every schema change is a versioned migration run on open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import type { Tables } from './schema.ts';
import * as m001 from './migrations/001_core.ts';
import * as m002 from './migrations/002_stories.ts';

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
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
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
