// Storing and reading the analysis stage's output: entities into the linked entity tables (one entity across
// articles and languages), events/agreements/quotes as one JSON row per article. Runs inside the article's
// ingest transaction, so an article is never stored without its analysis.
import type { Kysely } from 'kysely';
import type { ArticleDoc, DocAnalysis } from '../types.ts';
import { storeEntities } from '../entities/store.ts';
import { inValues, type DirectSql } from './bulk.ts';

export async function storeAnalysis(trx: Kysely<any>, doc: ArticleDoc, direct?: DirectSql): Promise<void> {
  const a = doc.analysis;
  if (!a) return;
  await storeEntities(trx, doc.id, a.entities, direct);
  await trx
    .insertInto('article_analysis')
    .values({ article: doc.id, events: JSON.stringify(a.events), agreements: JSON.stringify(a.agreements), quotes: JSON.stringify(a.quotes) })
    .onConflict((oc) => oc.column('article').doNothing())
    .execute();
}

export type StoredAnalysis = Omit<DocAnalysis, 'entities'>;

/** The stored events, agreements and quotes of some articles, by article id (articles without analysis are absent). */
export async function loadAnalyses(db: Kysely<any>, articleIds: string[]): Promise<Map<string, StoredAnalysis>> {
  const out = new Map<string, StoredAnalysis>();
  if (!articleIds.length) return out;
  const rows = await db.selectFrom('article_analysis').selectAll().where(inValues(db, 'article', articleIds, 'text')).execute();
  for (const r of rows) out.set(r.article, { events: JSON.parse(r.events), agreements: JSON.parse(r.agreements), quotes: JSON.parse(r.quotes) });
  return out;
}
