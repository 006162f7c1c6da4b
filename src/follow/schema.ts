// Table shapes of the follow stage (migration 003_sources), and a Kysely handle typed for them.
import type { Generated, Kysely } from 'kysely';
import type { Store } from '../store/db.ts';
import type { InputRow } from '../store/schema.ts';
import type { RobotsPersistence } from './robots.ts';

export interface SourceRow {
  id: Generated<number>;
  url: string;
  /** Given by the user; used as the outlet of the source's articles. */
  name: string | null;
  /** The feed's own title (display only). */
  title: string | null;
  kind: string;
  lang: string | null;
  every_seconds: number;
  paused: number;
  etag: string | null;
  last_modified: string | null;
  last_fetched: string | null;
  last_ok: string | null;
  last_status: number | null;
  error_count: number;
  last_error: string | null;
  next_run: string;
  entries_found: number;
  articles_added: number;
  added_at: string;
}

export type SeenStatus = 'pending' | 'added' | 'present' | 'duplicate' | 'failed' | 'blocked';

export interface SeenUrlRow {
  url: string;
  source_id: number | null;
  status: SeenStatus;
  title: string | null;
  published: string | null;
  article_id: string | null;
  attempts: number;
  next_try: string | null;
  error: string | null;
  first_seen: string;
  fetched_at: string | null;
}

export interface RobotsTxtRow {
  origin: string;
  status: number;
  body: string;
  expires: string;
}

export type FollowTables = {
  sources: SourceRow;
  robots_txt: RobotsTxtRow;
  seen_urls: SeenUrlRow;
  inputs: InputRow;
};

export type FollowDb = Kysely<FollowTables>;

export function followDb(store: Store): FollowDb {
  return store.db.withTables<FollowTables>() as unknown as FollowDb;
}

/** robots.txt kept in the store (table robots_txt) for the RobotsCache. */
export function storeRobots(store: Store): RobotsPersistence {
  const db = followDb(store);
  return {
    async get(origin) {
      const r = await db.selectFrom('robots_txt').selectAll().where('origin', '=', origin).executeTakeFirst();
      return r ? { status: r.status, body: r.body, expires: Date.parse(r.expires) } : undefined;
    },
    async put(origin, e) {
      const row = { origin, status: e.status, body: e.body, expires: new Date(e.expires).toISOString() };
      await db
        .insertInto('robots_txt')
        .values(row)
        .onConflict((oc) => oc.column('origin').doUpdateSet({ status: row.status, body: row.body, expires: row.expires }))
        .execute();
    },
  };
}
