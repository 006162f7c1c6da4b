// Entities in the store: one row per key across all articles and languages (the same person, party or
// country in an Indonesian and a Vietnamese article is one entity), with aliases, roles and mentions per article.
// Tables: src/store/migrations/004_entities.ts.
import { shortHash } from '../text/normalise.ts';
import { sql, type Kysely } from 'kysely';
import type { DocEntity } from './link.ts';
import type { EntityType } from './mentions.ts';
import { bulkInsert, inValues, jsonRows, type DirectSql } from '../store/bulk.ts';
import { linkShortNamesInStories } from './storylink.ts';

export interface ExportEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: Array<{ text: string; lang: string }>;
  roles: Array<{ title: string; org?: string; article: string }>;
  mentions: Array<{ article: string; start: number; end: number }>;
  country?: string;
  coordinates?: [number, number];
}

/** Stable entity id from its linking key (re-ingesting or merging stores gives the same ids). */
export function entityId(key: string): string {
  return 'e' + shortHash(key);
}

/**
 * Stores one article's entities, merging by key with those already stored; returns their ids. `direct`: the store's
 * direct statement runner (SQLite) for the inserts.
 */
export async function storeEntities(trx: Kysely<any>, articleId: string, ents: DocEntity[], direct?: DirectSql): Promise<string[]> {
  if (!ents.length) return [];
  const ids = ents.map((e) => entityId(e.key));
  // a few multi-row statements per article rather than one per alias, role and mention (ingest hot path);
  // rows in key order, so concurrent writers (PostgreSQL workers) meet shared rows in the same order
  const rows = ents
    .map((e, i) => [ids[i], e.type, e.name, e.key, e.country ?? null, e.coordinates?.[0] ?? null, e.coordinates?.[1] ?? null])
    .sort((a, b) => (a[3]! < b[3]! ? -1 : a[3]! > b[3]! ? 1 : 0));
  const cols: Array<[string, 'text' | 'real']> = [['id', 'text'], ['type', 'text'], ['name', 'text'], ['key', 'text'], ['country', 'text'], ['lat', 'real'], ['lon', 'real']];
  // DO NOTHING, not DO UPDATE: an upsert would lock every shared row (a country most articles name)
  // until commit and queue concurrent writers behind each other.
  await bulkInsert(trx, 'entities', cols, rows, 'ON CONFLICT (key) DO NOTHING', direct);
  // Place data a first sighting lacked is filled in by a later one; the WHERE touches (and locks) only
  // rows that actually gain something, which after the first sightings is none.
  const fill = rows.filter((r) => r[4] !== null || r[5] !== null);
  if (fill.length) {
    await sql`UPDATE entities SET country = COALESCE(entities.country, n.country), lat = COALESCE(entities.lat, n.lat), lon = COALESCE(entities.lon, n.lon)
      FROM (${jsonRows(trx, [['key', 'text'], ['country', 'text'], ['lat', 'real'], ['lon', 'real']], fill.map((r) => [r[3], r[4], r[5], r[6]]))}) AS n
      WHERE entities.key = n.key AND ((entities.country IS NULL AND n.country IS NOT NULL) OR (entities.lat IS NULL AND n.lat IS NOT NULL))`.execute(trx);
  }
  await bulkInsert(
    trx,
    'entity_aliases',
    [['entity', 'text'], ['text', 'text'], ['lang', 'text']],
    ents.flatMap((e, i) => e.aliases.map((a) => [ids[i], a.text, a.lang])),
    'ON CONFLICT DO NOTHING',
    direct,
  );
  await bulkInsert(
    trx,
    'entity_roles',
    [['entity', 'text'], ['title', 'text'], ['org', 'text'], ['article', 'text']],
    ents.flatMap((e, i) => e.roles.map((r) => [ids[i], r.title, r.org ?? '', articleId])),
    'ON CONFLICT DO NOTHING',
    direct,
  );
  await bulkInsert(
    trx,
    'entity_mentions',
    [['entity', 'text'], ['article', 'text'], ['start', 'integer'], ['end', 'integer']],
    ents.flatMap((e, i) => e.mentions.map((m) => [ids[i], articleId, m.start, m.end])),
    'ON CONFLICT DO NOTHING',
    direct,
  );
  return ids;
}

/** Every stored entity (or those mentioned in one story's articles), most mentioned first. */
export async function listEntities(db: Kysely<any>, opts: { storyId?: string; articleIds?: string[] } = {}): Promise<ExportEntity[]> {
  let articleIds: string[] | null = opts.articleIds ?? null;
  if (articleIds && !articleIds.length) return [];
  if (opts.storyId) {
    const rows = await db.selectFrom('articles').select('id').where('story_id', '=', opts.storyId).execute();
    articleIds = rows.map((r) => r.id as string);
    if (!articleIds.length) return [];
  }
  let mq = db.selectFrom('entity_mentions').select(['entity', 'article', 'start', 'end']);
  if (articleIds) mq = mq.where(inValues(db, 'article', articleIds, 'text'));
  const mentions = await mq.orderBy('article').orderBy('start').execute();
  const byEntity = new Map<string, ExportEntity['mentions']>();
  for (const m of mentions) {
    let l = byEntity.get(m.entity as string);
    if (!l) byEntity.set(m.entity as string, (l = []));
    l.push({ article: m.article as string, start: Number(m.start), end: Number(m.end) });
  }
  const ids = [...byEntity.keys()];
  if (!ids.length) return [];
  const out: ExportEntity[] = [];
  const keyOf = new Map<string, string>();
  // chunks keep the IN lists within SQLite's parameter limit
  for (let k = 0; k < ids.length; k += 500) {
    const chunk = ids.slice(k, k + 500);
    // explicit primary-key order: SQLite reads it from the key anyway, PostgreSQL would return heap order
    const ents = await db.selectFrom('entities').selectAll().where('id', 'in', chunk).orderBy('id').execute();
    const aliases = await db.selectFrom('entity_aliases').selectAll().where('entity', 'in', chunk).orderBy('entity').orderBy('text').orderBy('lang').execute();
    let rq = db.selectFrom('entity_roles').selectAll().where('entity', 'in', chunk).orderBy('entity').orderBy('title').orderBy('org').orderBy('article');
    if (articleIds) rq = rq.where(inValues(db, 'article', articleIds, 'text'));
    const roles = await rq.execute();
    for (const e of ents) {
      keyOf.set(e.id, e.key);
      const x: ExportEntity = {
        id: e.id,
        type: e.type,
        name: e.name,
        aliases: aliases.filter((a) => a.entity === e.id).map((a) => ({ text: a.text, lang: a.lang })),
        roles: roles
          .filter((r) => r.entity === e.id)
          .map((r) => (r.org ? { title: r.title, org: r.org, article: r.article } : { title: r.title, article: r.article })),
        mentions: byEntity.get(e.id) ?? [],
      };
      if (e.country) x.country = e.country;
      if (e.lat != null && e.lon != null) x.coordinates = [Number(e.lat), Number(e.lon)];
      out.push(x);
    }
  }
  // a bare surname in one article of a story is the full name another article of it gives (storylink.ts)
  const storyOf = new Map<string, string>();
  const articles = [...new Set(mentions.map((m) => m.article as string))];
  for (let k = 0; k < articles.length; k += 500) {
    const rows = await db.selectFrom('articles').select(['id', 'story_id']).where('id', 'in', articles.slice(k, k + 500)).execute();
    for (const r of rows) if (r.story_id) storyOf.set(r.id as string, r.story_id as string);
  }
  return linkShortNamesInStories(out, storyOf, keyOf).sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}
