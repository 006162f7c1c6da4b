import { sql, type Kysely } from 'kysely';

// Reuse sketch keys past the posting cap (boilerplate shared by more than 50 sentences: defaultReuseOptions.postingCap)
// keep one marker row (article_id '', sentence -1) instead of their postings: every article carrying such a key
// read all of its rows only to find the key too common to use. Stores written before kept the first 51 rows of
// each full key; they are replaced here. Nothing used is lost: rows of a full key were never candidates.
// Query builder only, so it runs on SQLite and PostgreSQL.
const CAP = 50;

export async function up(db: Kysely<any>): Promise<void> {
  const full = db.selectFrom('reuse_bands').select('key').where('sentence', '>=', 0).groupBy('key').having(sql`count(*)`, '>', CAP);
  await db
    .insertInto('reuse_bands')
    .columns(['key', 'article_id', 'sentence'])
    .expression(db.selectFrom(full.as('f')).select(['f.key', sql.lit('').as('article_id'), sql.lit(-1).as('sentence')]))
    .execute();
  await db
    .deleteFrom('reuse_bands')
    .where('sentence', '>=', 0)
    .where('key', 'in', db.selectFrom('reuse_bands').select('key').where('sentence', '=', -1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Earlier code reads the markers as rows of no article; without them a full key fills again up to the cap.
  await db.deleteFrom('reuse_bands').where('sentence', '=', -1).execute();
}
