// Entities in the store: one row per key across all articles and languages (the same person, party or
// country in an Indonesian and a Vietnamese article is one entity), with aliases, roles and mentions per article.
// Tables: src/store/migrations/004_entities.ts.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DocEntity } from './link.ts';

export interface ExportEntity {
  id: string;
  type: string;
  name: string;
  aliases: Array<{ text: string; lang: string }>;
  roles: Array<{ title: string; org?: string; article: string }>;
  mentions: Array<{ article: string; start: number; end: number }>;
  country?: string;
  coordinates?: [number, number];
}

/** Stable entity id from its linking key (re-ingesting or merging stores gives the same ids). */
export function entityId(key: string): string {
  return 'e' + createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Stores one article's entities, merging by key with those already stored; returns their ids. */
export async function storeEntities(trx: Kysely<any>, articleId: string, ents: DocEntity[]): Promise<string[]> {
  const ids: string[] = [];
  for (const e of ents) {
    const id = entityId(e.key);
    ids.push(id);
    await trx
      .insertInto('entities')
      .values({
        id,
        type: e.type,
        name: e.name,
        key: e.key,
        country: e.country ?? null,
        lat: e.coordinates?.[0] ?? null,
        lon: e.coordinates?.[1] ?? null,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    if (e.country || e.coordinates) {
      // fill place data a first sighting lacked
      await trx
        .updateTable('entities')
        .set({ country: e.country ?? null })
        .where('id', '=', id)
        .where('country', 'is', null)
        .execute();
      if (e.coordinates) {
        await trx
          .updateTable('entities')
          .set({ lat: e.coordinates[0], lon: e.coordinates[1] })
          .where('id', '=', id)
          .where('lat', 'is', null)
          .execute();
      }
    }
    for (const a of e.aliases) {
      await trx
        .insertInto('entity_aliases')
        .values({ entity: id, text: a.text, lang: a.lang })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const r of e.roles) {
      await trx
        .insertInto('entity_roles')
        .values({ entity: id, title: r.title, org: r.org ?? '', article: articleId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const m of e.mentions) {
      await trx
        .insertInto('entity_mentions')
        .values({ entity: id, article: articleId, start: m.start, end: m.end })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  return ids;
}

/** Every stored entity (or those mentioned in one story's articles), most mentioned first. */
export async function listEntities(db: Kysely<any>, opts: { storyId?: string } = {}): Promise<ExportEntity[]> {
  let articleIds: string[] | null = null;
  if (opts.storyId) {
    const rows = await db.selectFrom('articles').select('id').where('story_id', '=', opts.storyId).execute();
    articleIds = rows.map((r) => r.id as string);
    if (!articleIds.length) return [];
  }
  let mq = db.selectFrom('entity_mentions').select(['entity', 'article', 'start', 'end']);
  if (articleIds) mq = mq.where('article', 'in', articleIds);
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
  // chunks keep the IN lists within SQLite's parameter limit
  for (let k = 0; k < ids.length; k += 500) {
    const chunk = ids.slice(k, k + 500);
    const ents = await db.selectFrom('entities').selectAll().where('id', 'in', chunk).execute();
    const aliases = await db.selectFrom('entity_aliases').selectAll().where('entity', 'in', chunk).execute();
    let rq = db.selectFrom('entity_roles').selectAll().where('entity', 'in', chunk);
    if (articleIds) rq = rq.where('article', 'in', articleIds);
    const roles = await rq.execute();
    for (const e of ents) {
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
  return out.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}
