import { sql, type Kysely } from 'kysely';
import { isSqlite } from './engine.ts';

// SQLite: story_postings was a WITHOUT ROWID table keyed (key, article_id) plus a (key, day) index, so every
// posting went into two B-trees at random places; in a large store each such row dirties its own page, and
// writing those pages at commit was most of an article's store cost. Now a rowid table (its rows appended
// in ingest order, a few pages per commit) with one unique (key, day, article_id) index: the date-window
// lookups read that index alone, as before, in the same order. An article is posted once per key (its rows
// are written when it is stored), so the uniqueness that matters is kept.
// PostgreSQL keeps its table as it is (a heap: rows are appended there already).
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`CREATE TABLE story_postings_new (key TEXT NOT NULL, day INTEGER, article_id TEXT NOT NULL)`.execute(db);
  await sql`INSERT INTO story_postings_new (key, day, article_id) SELECT key, day, article_id FROM story_postings ORDER BY article_id, key`.execute(db);
  await sql`DROP TABLE story_postings`.execute(db);
  await sql`ALTER TABLE story_postings_new RENAME TO story_postings`.execute(db);
  await sql`CREATE UNIQUE INDEX story_postings_key_day ON story_postings (key, day, article_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`CREATE TABLE story_postings_old (key TEXT NOT NULL, day INTEGER, article_id TEXT NOT NULL, PRIMARY KEY (key, article_id)) WITHOUT ROWID`.execute(db);
  await sql`INSERT OR IGNORE INTO story_postings_old (key, day, article_id) SELECT key, day, article_id FROM story_postings`.execute(db);
  await sql`DROP TABLE story_postings`.execute(db);
  await sql`ALTER TABLE story_postings_old RENAME TO story_postings`.execute(db);
  await sql`CREATE INDEX story_postings_key_day ON story_postings (key, day)`.execute(db);
}
