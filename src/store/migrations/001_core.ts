import { sql, type Kysely } from 'kysely';
import { floatType, isSqlite } from './engine.ts';

// Core tables: articles (one row per distinct normalised text), the inputs that produced them,
// stories, and a small key/value table. Full-text search: FTS5 on SQLite, a text-search index on
// PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = isSqlite(db);
  await db.schema
    .createTable('articles')
    .addColumn('seq', sqlite ? 'integer' : 'serial', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('text_hash', 'text', (c) => c.notNull().unique())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('outlet', 'text')
    .addColumn('title', 'text')
    .addColumn('published', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('language_confidence', floatType(db), (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('cited_sources', 'text', (c) => c.notNull())
    .addColumn('captions', 'text', (c) => c.notNull())
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('sentences', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('story_id', 'text')
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_story').on('articles').column('story_id').execute();
  await db.schema.createIndex('articles_url').on('articles').column('url').execute();

  await db.schema
    .createTable('inputs')
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inputs_pk', ['input', 'article_id'])
    .execute();

  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text')
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('first_published', 'text')
    .addColumn('last_published', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stories_updated').on('stories').column('updated_at').execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  if (sqlite) {
    // unicode61 with remove_diacritics 2 so "Ha Noi" finds "Hà Nội".
    await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  } else {
    await postgresTextSearch(db);
  }
}

/**
 * PostgreSQL: a text search configuration `kabar_text` (the `simple` parser and dictionary: no
 * stemming, the store holds many languages) that folds diacritics with the unaccent extension when
 * it can be created, so "Ha Noi" finds "Hà Nội" as on SQLite; ts_headline with the same
 * configuration still marks the accented original. The title (weight A) and text (D) are indexed
 * as one expression (GIN), which queries repeat verbatim (src/store/queries.ts).
 */
async function postgresTextSearch(db: Kysely<any>): Promise<void> {
  let unaccent = true;
  try {
    // A savepoint: a failed CREATE EXTENSION (not installed, no privilege) would otherwise abort the
    // migration's transaction.
    await sql`SAVEPOINT kabar_unaccent`.execute(db);
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
    await sql`RELEASE SAVEPOINT kabar_unaccent`.execute(db);
  } catch {
    await sql`ROLLBACK TO SAVEPOINT kabar_unaccent`.execute(db);
    unaccent = false;
  }
  await sql`CREATE TEXT SEARCH CONFIGURATION kabar_text (COPY = pg_catalog.simple)`.execute(db);
  if (unaccent) {
    await sql`ALTER TEXT SEARCH CONFIGURATION kabar_text ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple`.execute(db);
  }
  await sql`CREATE INDEX articles_fts ON articles USING gin ((${sql.raw(ARTICLES_TSVECTOR)}))`.execute(db);
}

/** The indexed text-search vector of an article (PostgreSQL); queries must use this exact expression. */
export const ARTICLES_TSVECTOR =
  "setweight(to_tsvector('kabar_text'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('kabar_text'::regconfig, text), 'D')";

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) await sql`DROP TABLE articles_fts`.execute(db);
  else await sql`DROP TEXT SEARCH CONFIGURATION IF EXISTS kabar_text`.execute(db);
  for (const t of ['meta', 'stories', 'inputs', 'articles']) await db.schema.dropTable(t).execute();
}
