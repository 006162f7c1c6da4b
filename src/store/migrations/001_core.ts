import { sql, type Kysely } from 'kysely';

// Core tables: articles (one row per distinct normalised text), the inputs that produced them,
// stories, and a small key/value table. FTS5 mirrors title+text for search (SQLite only).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('text_hash', 'text', (c) => c.notNull().unique())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('outlet', 'text')
    .addColumn('title', 'text')
    .addColumn('published', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('language_confidence', 'real', (c) => c.notNull())
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

  // unicode61 with remove_diacritics 2 so "Ha Noi" finds "Hà Nội".
  await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE articles_fts`.execute(db);
  for (const t of ['meta', 'stories', 'inputs', 'articles']) await db.schema.dropTable(t).execute();
}
