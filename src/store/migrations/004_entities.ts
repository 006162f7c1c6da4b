import type { Kysely } from 'kysely';
import { floatType } from './engine.ts';

// Entities (people, organisations, places) linked across articles by a normalised key, with the aliases,
// roles and mentions each article gives them. Schema builder only, so it runs on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('country', 'text')
    .addColumn('lat', floatType(db))
    .addColumn('lon', floatType(db))
    .execute();

  await db.schema
    .createTable('entity_aliases')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_aliases_pk', ['entity', 'text', 'lang'])
    .execute();

  // org is '' when the source names no organisation (a primary key cannot hold NULL)
  await db.schema
    .createTable('entity_roles')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('org', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('article', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_roles_pk', ['entity', 'title', 'org', 'article'])
    .execute();

  await db.schema
    .createTable('entity_mentions')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('article', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_mentions_pk', ['entity', 'article', 'start'])
    .execute();
  await db.schema.createIndex('entity_mentions_article').on('entity_mentions').column('article').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['entity_mentions', 'entity_roles', 'entity_aliases', 'entities']) await db.schema.dropTable(t).execute();
}
