import type { Kysely } from 'kysely';

// The analysis stage's per-article records (coded events, agreements, quotes) as JSON, written in the article's
// own transaction. Events are merged per story when read (src/export/json.ts), so a story that grows or a better
// merge rule never needs a rewrite. Schema builder only, so it runs on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('article_analysis')
    .addColumn('article', 'text', (c) => c.primaryKey())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('agreements', 'text', (c) => c.notNull())
    .addColumn('quotes', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_analysis').execute();
}
