// Storing one processed article: one transaction per article, so a crash mid-ingest loses
// nothing committed and leaves nothing half-written (article, FTS row, reuse links, story
// assignment and input record commit together or not at all).
import { sql, type Insertable } from 'kysely';
import type { ArticleRow } from './schema.ts';
import type { ArticleDoc } from '../types.ts';
import type { Store } from './db.ts';
import { detectReuse } from '../reuse/detect.ts';
import { assignStory } from '../stories/assign.ts';

export interface IngestResult {
  status: 'added' | 'present';
  articleId: string;
  storyId: string | null;
}

/** The `articles` row of a processed document (story assigned later in the same transaction). */
export function articleRow(doc: ArticleDoc, now: string): Insertable<ArticleRow> {
  return {
    id: doc.id,
    text_hash: doc.textHash,
    input: doc.input,
    url: doc.url,
    outlet: doc.outlet,
    title: doc.title,
    published: doc.published,
    language: doc.language,
    language_confidence: doc.languageConfidence,
    authors: JSON.stringify(doc.authors),
    cited_sources: JSON.stringify(doc.citedSources),
    captions: JSON.stringify(doc.captions),
    paragraphs: JSON.stringify(doc.paragraphs),
    sentences: JSON.stringify(doc.sentences),
    text: doc.text,
    story_id: null,
    ingested_at: now,
  };
}

export async function ingestDoc(store: Store, doc: ArticleDoc): Promise<IngestResult> {
  const now = new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('articles')
      .select(['id', 'story_id'])
      .where('text_hash', '=', doc.textHash)
      .executeTakeFirst();
    if (existing) {
      // Same text again (same input re-ingested, or a verbatim copy elsewhere): remember the input only.
      await trx
        .insertInto('inputs')
        .values({ input: doc.input, article_id: existing.id, ingested_at: now })
        .onConflict((oc) => oc.columns(['input', 'article_id']).doNothing())
        .execute();
      return { status: 'present', articleId: existing.id, storyId: existing.story_id };
    }
    const inserted = await trx
      .insertInto('articles')
      .values(articleRow(doc, now))
      .returning('seq')
      .executeTakeFirstOrThrow();
    if (store.engine === 'sqlite') {
      await sql`INSERT INTO articles_fts(rowid, title, text) VALUES (${inserted.seq}, ${doc.title ?? ''}, ${doc.text})`.execute(trx);
    }
    await trx.insertInto('inputs').values({ input: doc.input, article_id: doc.id, ingested_at: now }).execute();
    const reuse = await detectReuse(trx, doc);
    const { storyId } = await assignStory(trx, doc, reuse);
    return { status: 'added', articleId: doc.id, storyId };
  });
}
