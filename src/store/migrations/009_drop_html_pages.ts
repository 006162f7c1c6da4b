import type { Kysely } from 'kysely';

// The reader keeps story and article pages as packed pieces under 'page:…' variants (src/server/packed.ts);
// rows of the earlier 'html:…' format are never read again, so they are dropped rather than left to take space.
// They are a cache: going back down recomputes pages on request, nothing is lost.
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('story_cache').where('variant', 'like', 'html:%').execute();
}

export async function down(): Promise<void> {}
