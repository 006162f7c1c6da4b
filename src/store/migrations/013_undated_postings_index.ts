import { sql, type Kysely } from 'kysely';
import { isSqlite } from './engine.ts';

// SQLite: an undated article's postings (day NULL) match every window, so a story lookup read them with two more
// index seeks per key (both posting tables), although most stores hold none. These partial indexes hold only the
// undated rows: whether there are any is one step into them, and the extra seeks run only when there are.
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`CREATE INDEX IF NOT EXISTS story_postings_undated ON story_postings (key) WHERE day IS NULL`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS story_postings_recent_undated ON story_postings_recent (key) WHERE day IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`DROP INDEX IF EXISTS story_postings_undated`.execute(db);
  await sql`DROP INDEX IF EXISTS story_postings_recent_undated`.execute(db);
}
