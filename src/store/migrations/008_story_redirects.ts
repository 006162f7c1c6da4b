import type { Kysely } from 'kysely';

// Story re-clustering (src/stories/recluster.ts) moves stored articles between stories and can empty one:
// - story_redirects: an emptied story's id -> the story that took its articles, so old ids still resolve;
// - story_vectors gets a (story_id, day) index: a story's most recent members are one index range;
// - story_postings loses story_id: it was written once per posting and never read, and keeping it current
//   when an article moves would cost one write per posting (an article's story is in story_vectors).
// Schema builder only, so it runs on SQLite (DROP COLUMN since 3.35) and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('story_redirects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_redirects_story').on('story_redirects').column('story_id').execute();
  await db.schema.createIndex('story_vectors_story_day').on('story_vectors').columns(['story_id', 'day']).execute();
  await db.schema.dropIndex('story_vectors_story').execute();
  await db.schema.alterTable('story_postings').dropColumn('story_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Postings get their article's story back from story_vectors.
  await db.schema.alterTable('story_postings').addColumn('story_id', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db
    .updateTable('story_postings')
    .set((eb) => ({ story_id: eb.selectFrom('story_vectors').select('story_vectors.story_id').whereRef('story_vectors.article_id', '=', 'story_postings.article_id') }))
    .execute();
  await db.schema.createIndex('story_vectors_story').on('story_vectors').column('story_id').execute();
  await db.schema.dropIndex('story_vectors_story_day').execute();
  await db.schema.dropIndex('story_redirects_story').execute();
  await db.schema.dropTable('story_redirects').execute();
}
