// Two-level inverted indexes (SQLite). A posting keyed by a hash lands at a random place in its B-tree, so in a
// large store each posting an article adds dirties a page of its own, written to the WAL at commit and again to
// the file at checkpoint: at 20k stored articles, of the ~150 pages one article's commit wrote, about 100 were
// reuse_bands pages and 30 story_postings pages. New postings therefore go to a small `<table>_recent` (rows
// appended to a rowid table with one unique index: a few hot pages, kept in the page cache), and once it holds
// RECENT_ROWS rows they move to the main table in key order, in one statement of the ingest transaction that
// filled it, which writes each main page once per move instead of once per posting. Readers read both tables.
// PostgreSQL keeps one table of each.
import type Database from 'better-sqlite3';
import { prepared } from './bulk.ts';

/** Rows a recent table holds before they move to the main table (about 2,000 articles' reuse keys, 5,000 articles' postings). */
export const RECENT_ROWS = 200_000;

export interface TieredIndex {
  /** The main table (a WITHOUT ROWID table or one with a unique index over `columns`). */
  table: string;
  /** Its columns, in the order of the main table's key. */
  columns: string[];
}

export const REUSE_BANDS: TieredIndex = { table: 'reuse_bands', columns: ['key', 'article_id', 'sentence'] };

export const STORY_POSTINGS: TieredIndex = { table: 'story_postings', columns: ['key', 'day', 'article_id'] };

export const TIERED: TieredIndex[] = [REUSE_BANDS, STORY_POSTINGS];

export function recentOf(t: TieredIndex): string {
  return `${t.table}_recent`;
}

/** The rows in `t`'s recent table (its rowids count up from 1 after each move: the largest is the count). */
function recentRows(sqlite: Database.Database, t: TieredIndex): number {
  return ((prepared(sqlite, `SELECT max(rowid) AS n FROM "${recentOf(t)}"`).get() as { n: number | null }).n ?? 0) as number;
}

/**
 * Moves every recent table holding `limit` rows or more into its main table (inside the caller's transaction:
 * the move commits or rolls back with it). Returns the rows moved.
 */
export function moveFullRecent(sqlite: Database.Database, limit = RECENT_ROWS): number {
  let moved = 0;
  for (const t of TIERED) {
    if (recentRows(sqlite, t) < limit) continue;
    const cols = t.columns.map((c) => `"${c}"`).join(', ');
    // In key order, so the main B-tree is written page after page; a row already there is kept once.
    moved += prepared(sqlite, `INSERT INTO "${t.table}" (${cols}) SELECT ${cols} FROM "${recentOf(t)}" WHERE true ORDER BY ${cols} ON CONFLICT DO NOTHING`).run().changes;
    prepared(sqlite, `DELETE FROM "${recentOf(t)}"`).run();
  }
  return moved;
}
