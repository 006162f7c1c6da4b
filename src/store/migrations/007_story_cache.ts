import type { Kysely } from 'kysely';
import { isSqlite } from './engine.ts';

// What the reader computes per story (the export document, the cross-checked brief, the rendered page per
// interface variant), kept per story and variant with the version it was computed from (src/server/data.ts
// checks that version on every read, so nothing stale is served; a stale row is recomputed and replaced).
// The body is gzip-compressed. Schema builder only, so it runs on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('story_cache')
    .addColumn('story_id', 'text', (c) => c.notNull())
    // 'doc' (export document, JSON), 'view' (summary and brief, JSON), 'html:<lang>:<canWrite>' (page)
    .addColumn('variant', 'text', (c) => c.notNull())
    // the story's version (stories row and corrections) and the entity fingerprint of what was computed
    .addColumn('version', 'text', (c) => c.notNull())
    // JSON array of the entity ids the document names (their aliases and place data are shared with other stories)
    .addColumn('deps', 'text')
    .addColumn('body', isSqlite(db) ? 'blob' : 'bytea', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_cache_pk', ['story_id', 'variant'])
    .execute();
  // the story list's order (newest first, ties by id) read from one index, pages deep in it without a sort
  await db.schema.createIndex('stories_updated_id').on('stories').columns(['updated_at desc', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stories_updated_id').execute();
  await db.schema.dropTable('story_cache').execute();
}
