import { SqliteAdapter, sql, type Kysely, type ColumnDataType, type Expression } from 'kysely';

// Column types that differ between the engines, for the migrations' few engine branches.

export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * A float column: SQLite's REAL is 8 bytes; PostgreSQL's `real` is 4 (7 digits), which would change
 * stored scores and confidences, so PostgreSQL gets `double precision`.
 */
export function floatType(db: Kysely<any>): ColumnDataType | Expression<unknown> {
  return isSqlite(db) ? 'real' : sql`double precision`;
}
