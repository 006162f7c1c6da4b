import type { Kysely } from 'kysely';
import { isSqlite } from './engine.ts';

// Errors readers report from the reader (src/server): what the report points at (a story, an article, a
// fact, an event, an agreement, an entity, a quote or a claim, by id, with the story and article it belongs
// to when known), what is wrong and what it should say, and its review state. Schema builder only, so it
// runs on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('corrections')
    .addColumn('id', isSqlite(db) ? 'integer' : 'serial', (c) => (isSqlite(db) ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('story_id', 'text')
    .addColumn('article_id', 'text')
    // which part of the target (a claim's field, an event's date, ...); '' for the whole target
    .addColumn('field', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    // open | accepted | rejected
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .execute();
  await db.schema.createIndex('corrections_story').on('corrections').column('story_id').execute();
  await db.schema.createIndex('corrections_article').on('corrections').column('article_id').execute();
  await db.schema.createIndex('corrections_target').on('corrections').columns(['target_kind', 'target_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('corrections').execute();
}
