import { sql, type Kysely } from 'kysely';
import { isSqlite } from './engine.ts';

// SQLite: a new article's reuse-band rows (about 100 per article) and story postings (about 40) went straight into
// reuse_bands and story_postings' (key, day, article_id) index, at random keys. Past a few thousand articles each
// row landed on a page of its own in those large B-trees, so every row cost a page written to the WAL at commit and
// copied at checkpoint: most of an article's store cost at 20k stored. Now they go into small tables of recent rows
// with the same keys, whose pages stay few and hot, and are moved into the large ones in key order in bulk
// (moveRecentRows, src/store/bulk.ts): each page of a large B-tree is written once per move for many rows. Lookups
// read both. PostgreSQL appends its rows to heaps already: unchanged.
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`CREATE TABLE IF NOT EXISTS reuse_bands_recent (key INTEGER NOT NULL, article_id TEXT NOT NULL, sentence INTEGER NOT NULL, PRIMARY KEY (key, article_id, sentence)) WITHOUT ROWID`.execute(db);
  // day can be NULL (undated articles), which a WITHOUT ROWID key cannot hold: a rowid table and its index, as story_postings
  await sql`CREATE TABLE IF NOT EXISTS story_postings_recent (key TEXT NOT NULL, day INTEGER, article_id TEXT NOT NULL)`.execute(db);
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS story_postings_recent_key_day ON story_postings_recent (key, day, article_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`INSERT OR IGNORE INTO reuse_bands (key, article_id, sentence) SELECT key, article_id, sentence FROM reuse_bands_recent`.execute(db);
  await sql`DROP TABLE reuse_bands_recent`.execute(db);
  await sql`INSERT OR IGNORE INTO story_postings (key, day, article_id) SELECT key, day, article_id FROM story_postings_recent`.execute(db);
  await sql`DROP TABLE story_postings_recent`.execute(db);
}
