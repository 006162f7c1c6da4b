// Test helpers shared by the reuse and stories tests: a temp store and ArticleDocs built from plain text.
import fs from 'node:fs';
import path from 'node:path';
import { openStore, type Store } from '../store/db.ts';
import { testDb } from '../../test/helpers.ts';
import { articleRow } from '../store/ingest.ts';
import type { ArticleDoc, Span } from '../types.ts';
import { sha256Hex } from '../text/normalise.ts';

/** A fresh store on the suite's engine (test/helpers.ts testDb: SQLite file, or PostgreSQL database). */
export async function tempStore(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const location = await testDb('store');
  const store = await openStore(location);
  return {
    store,
    cleanup: async () => {
      await store.close();
      // PostgreSQL databases are dropped by the suite's runner (scripts/pg-suite.ts drop).
      if (!/^postgres(ql)?:/.test(location)) fs.rmSync(path.dirname(location), { recursive: true, force: true });
    },
  };
}

/** Sentences split at . ! ? followed by a space or the end: enough for hand-written fixtures. */
function split(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^.!?]+[.!?]*/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = (m.index ?? 0) + lead;
    const end = (m.index ?? 0) + m[0].trimEnd().length;
    if (end > start) out.push({ start, end });
  }
  return out;
}

export function makeDoc(text: string, opts: { title?: string; published?: string | null; language?: string } = {}): ArticleDoc {
  const textHash = sha256Hex(text.toLowerCase().replace(/\s+/g, ' ').trim());
  return {
    id: textHash.slice(0, 16),
    input: `test:${textHash.slice(0, 8)}`,
    url: null,
    outlet: null,
    title: opts.title ?? null,
    published: opts.published ?? null,
    authors: [],
    citedSources: [],
    captions: [],
    text,
    language: opts.language ?? 'en',
    languageConfidence: 1,
    paragraphs: [{ start: 0, end: text.length, lang: opts.language ?? 'en' }],
    sentences: split(text),
    textHash,
  };
}

/** Inserts the article row the way ingest does before the reuse and story stages run. */
export async function insertArticle(store: Store, doc: ArticleDoc): Promise<void> {
  await store.db.insertInto('articles').values(articleRow(doc, new Date().toISOString())).execute();
}
