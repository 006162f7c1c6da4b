import { sql, type Kysely } from 'kysely';
import { isSqlite } from './engine.ts';

// SQLite: new reuse keys and story postings are written to <table>_recent and moved to the main tables in bulk
// (src/store/tiered.ts): rowid tables (rows appended) with the main table's key as a unique index. PostgreSQL:
// nothing changes. Idempotent (a test runs the migrations again from an earlier one).
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`CREATE TABLE IF NOT EXISTS reuse_bands_recent (key INTEGER NOT NULL, article_id TEXT NOT NULL, sentence INTEGER NOT NULL)`.execute(db);
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS reuse_bands_recent_key ON reuse_bands_recent (key, article_id, sentence)`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS story_postings_recent (key TEXT NOT NULL, day INTEGER, article_id TEXT NOT NULL)`.execute(db);
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS story_postings_recent_key_day ON story_postings_recent (key, day, article_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`INSERT INTO reuse_bands (key, article_id, sentence) SELECT key, article_id, sentence FROM reuse_bands_recent WHERE true ON CONFLICT DO NOTHING`.execute(db);
  await sql`DROP TABLE reuse_bands_recent`.execute(db);
  await sql`INSERT INTO story_postings (key, day, article_id) SELECT key, day, article_id FROM story_postings_recent WHERE true ON CONFLICT DO NOTHING`.execute(db);
  await sql`DROP TABLE story_postings_recent`.execute(db);
}
