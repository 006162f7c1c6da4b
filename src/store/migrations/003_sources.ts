import type { Kysely } from 'kysely';
import { isSqlite } from './engine.ts';

// Followed sources (feeds, sitemaps) with their polling state, and every article URL found in
// them (seen_urls), so nothing is fetched twice and a pass interrupted by a crash resumes where it
// stopped. Schema builder only, so it runs on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', isSqlite(db) ? 'integer' : 'serial', (c) => (isSqlite(db) ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('url', 'text', (c) => c.notNull().unique())
    // name: given by the user (used as the articles' outlet); title: the feed's own title
    .addColumn('name', 'text')
    .addColumn('title', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('every_seconds', 'integer', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_fetched', 'text')
    .addColumn('last_ok', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_run', 'text', (c) => c.notNull())
    .addColumn('entries_found', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('articles_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sources_next_run').on('sources').column('next_run').execute();

  await db.schema
    .createTable('seen_urls')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'integer')
    // pending | added | present | duplicate | failed | blocked
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('published', 'text')
    .addColumn('article_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_try', 'text')
    .addColumn('error', 'text')
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text')
    .execute();
  await db.schema.createIndex('seen_urls_status').on('seen_urls').columns(['status', 'next_try']).execute();
  await db.schema.createIndex('seen_urls_source').on('seen_urls').column('source_id').execute();

  // robots.txt per origin, kept until it expires (a cron pass does not refetch it every time).
  await db.schema
    .createTable('robots_txt')
    .addColumn('origin', 'text', (c) => c.primaryKey())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('expires', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('robots_txt').execute();
  await db.schema.dropTable('seen_urls').execute();
  await db.schema.dropTable('sources').execute();
}
