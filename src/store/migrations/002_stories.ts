import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { floatType } from './engine.ts';

// Tables of the story-clustering and reuse stages (see stories/schema.ts and reuse/schema.ts).
// Schema builder only (no engine-specific SQL) so the same migration runs on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  // On SQLite the index-like tables are WITHOUT ROWID: one B-tree ordered by the primary key
  // instead of a table plus index, so each posting is written once and a lookup is one range.
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const noRowid = sqlite ? sql`without rowid` : sql``;
  await db.schema
    .createTable('reuse_bands')
    .addColumn('key', 'bigint', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('sentence', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reuse_bands_pk', ['key', 'article_id', 'sentence'])
    .modifyEnd(noRowid)
    .execute();

  await db.schema
    .createTable('reuse_links')
    .addColumn('a', 'text', (c) => c.notNull())
    .addColumn('b', 'text', (c) => c.notNull())
    .addColumn('score', floatType(db), (c) => c.notNull())
    .addColumn('sentences', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reuse_links_pk', ['a', 'b'])
    .execute();
  await db.schema.createIndex('reuse_links_b').on('reuse_links').column('b').execute();

  await db.schema
    .createTable('story_df')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .modifyEnd(noRowid)
    .execute();

  await db.schema
    .createTable('story_stats')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('story_postings')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('day', 'integer')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_postings_pk', ['key', 'article_id'])
    .modifyEnd(noRowid)
    .execute();
  // (key, day): a key's postings inside a date window are one index range.
  await db.schema.createIndex('story_postings_key_day').on('story_postings').columns(['key', 'day']).execute();

  await db.schema
    .createTable('story_vectors')
    .addColumn('article_id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addColumn('day', 'integer')
    .addColumn('vector', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_vectors_story').on('story_vectors').column('story_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['story_vectors', 'story_postings', 'story_stats', 'story_df', 'reuse_links', 'reuse_bands']) {
    await db.schema.dropTable(t).execute();
  }
}
