// Bulk writes and key lookups for the ingest hot path. Building a many-row INSERT through the
// query builder costs more than running it; here the rows travel as one JSON parameter and the
// engine unpacks them (SQLite json_each; PostgreSQL json_array_elements), so the statement text is
// constant, prepared once, and the same call serves both engines.
import type Database from 'better-sqlite3';
import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';
import { Lru } from '../util/lru.ts';

function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export type ColumnType = 'text' | 'integer' | 'bigint' | 'real';

/**
 * INSERT rows (arrays in `columns` order) into `table`. `onConflict` is raw SQL such as
 * `ON CONFLICT (key) DO UPDATE SET df = story_df.df + 1` or `ON CONFLICT DO NOTHING`.
 * `direct`: the store's direct statement runner (SQLite), which inserts the same rows row by row.
 */
export async function bulkInsert(db: Kysely<any>, table: string, columns: Array<[string, ColumnType]>, rows: unknown[][], onConflict = '', direct?: DirectSql): Promise<void> {
  if (rows.length === 0) return;
  if (direct) return direct.insert(table, columns, rows, onConflict);
  const cols = sql.join(columns.map(([c]) => sql.ref(c)));
  await sql`INSERT INTO ${sql.table(table)} (${cols}) ${jsonRows(db, columns, rows)} WHERE true ${sql.raw(onConflict)}`.execute(db);
}

/** `SELECT` of `rows` (arrays in `columns` order) as a derived table with those column names, one JSON parameter. */
export function jsonRows(db: Kysely<any>, columns: Array<[string, ColumnType]>, rows: unknown[][]): RawBuilder<unknown> {
  const json = JSON.stringify(rows);
  if (isSqlite(db)) {
    return sql`SELECT ${sql.join(columns.map(([c], i) => sql.raw(`value ->> ${i} AS "${c}"`)))} FROM json_each(${json})`;
  }
  const pgType = (t: ColumnType) => (t === 'real' ? 'double precision' : t);
  return sql`SELECT ${sql.join(columns.map(([c, t], i) => sql.raw(`(r ->> ${i})::${pgType(t)} AS "${c}"`)))} FROM json_array_elements(${json}::json) AS r`;
}

/** `column IN (values)` with a constant statement text whatever the number of values. */
export function inValues(db: Kysely<any>, column: string, values: Array<string | number>, type: ColumnType): RawBuilder<boolean> {
  if (isSqlite(db)) return sql<boolean>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
  const pgType = type === 'real' ? 'double precision' : type;
  // One array parameter: the planner probes the index once per element (a json_array_elements subquery cost
  // about twice the server time, planned as a join).
  return sql<boolean>`${sql.ref(column)} = ANY(${values}::${sql.raw(pgType)}[])`;
}

/**
 * Rows of `table` whose `key` is one of `values` (distinct), as `key` and `columns`, with a constant statement text.
 * On PostgreSQL, one index probe per value (a LATERAL subquery per element of one array parameter; OFFSET 0 keeps the
 * planner from flattening it into a join): `key = ANY(array)` leaves the choice to the planner, which on a table it has
 * no statistics for (never analysed: autovacuum off, or a young table) guesses that a few hundred values match most
 * rows and scans the whole table, so the lookup grew with the store (reuse bands: 3.4 of PostgreSQL's 11 ms per
 * article at 400 articles). The rows come in no particular order on either engine.
 */
export function keyLookup(db: Kysely<any>, table: string, key: string, type: ColumnType, values: Array<string | number>, columns: string[]): RawBuilder<unknown> {
  const cols = (prefix: string) => sql.join(columns.map((c) => sql.raw(`${prefix}"${c}"`)));
  if (isSqlite(db)) return sql`SELECT ${sql.ref(key)}, ${cols('')} FROM ${sql.table(table)} WHERE ${inValues(db, key, values, type)}`;
  const pgType = type === 'real' ? 'double precision' : type;
  return sql`SELECT k.key AS ${sql.ref(key)}, ${cols('t.')} FROM unnest(${values}::${sql.raw(pgType)}[]) AS k(key)
    CROSS JOIN LATERAL (SELECT ${cols('')} FROM ${sql.table(table)} WHERE ${sql.ref(key)} = k.key OFFSET 0) AS t`;
}

/**
 * Synchronous statements on the store's own connection, for the few hot-path lookups that run
 * dozens of times per article and cost more through the query builder's async round trip than in
 * the engine. SQLite only (better-sqlite3, `?` placeholders, statements prepared once); callers
 * fall back to the query builder when a store has none (PostgreSQL).
 */
export interface DirectSql {
  all<T>(source: string, params: unknown[]): T[];
  /** The first column of each row (no row objects: cheaper when one column is all the caller needs). */
  column<T>(source: string, params: unknown[]): T[];
  /** Rows as arrays of their columns in order (better-sqlite3 makes a row object at a cost near the row's own read). */
  arrays<T extends unknown[]>(source: string, params: unknown[]): T[];
  /** Runs a statement that returns no rows; the rowid of the row it inserted (if any). */
  run(source: string, params: unknown[]): number;
  /** `bulkInsert` on this connection. */
  insert(table: string, columns: Array<[string, ColumnType]>, rows: unknown[][], onConflict: string): void;
  /**
   * A bounded map (least recently used out) kept with this connection across transactions, by name: for rows that
   * never change once committed (an article's text). Emptied when a transaction rolls back (`forgetMemos`), so it
   * never holds what the store does not. Bounded by `weigh` (the entry's approximate bytes) to MEMO_BYTES, or without
   * it to MEMO_SIZE entries; the first call for a name decides.
   */
  memo<T>(name: string, weigh?: (v: T) => number): Memo<T>;
  /**
   * A memo for rows this connection writes and other connections may write too (counters): as `memo`, and also
   * emptied whenever another connection has committed since it was last asked for (SQLite's data_version), so it
   * holds what the store holds as of this connection's last read or write. Ask for it after the transaction's first
   * read: a commit by another connection before that is seen and empties it; one after it makes this transaction's
   * writes fail (its snapshot is old), and the rollback empties it.
   */
  sharedMemo<T>(name: string, weigh?: (v: T) => number): Memo<T>;
}

/** Entries per memo without a weight. */
const MEMO_SIZE = 2048;
/**
 * Approximate bytes per weighed memo. Candidates come from anywhere in the store, not only recent articles: with a
 * count of 2048, a store of 20,000 articles missed most of them, and reading and parsing them again cost 7-13x as
 * much per article as at 2,000 stored; a budget in bytes keeps as many as fit.
 */
const MEMO_BYTES = 96 * 1024 * 1024;

export type Memo<T> = Lru<T>;

const memos = new WeakMap<Database.Database, Map<string, Memo<unknown>>>();
const sharedMemos = new WeakMap<Database.Database, { version: number; byName: Map<string, Memo<unknown>> }>();

/** Empties the connection's memos (its transaction rolled back: rows it wrote and memoised are gone). */
export function forgetMemos(sqlite: Database.Database | undefined): void {
  if (!sqlite) return;
  for (const m of memos.get(sqlite)?.values() ?? []) m.clear();
  for (const m of sharedMemos.get(sqlite)?.byName.values() ?? []) m.clear();
}

/** The named memo in `byName`, made on first use (bounded as DirectSql.memo says). */
function memoIn<T>(byName: Map<string, Memo<unknown>>, name: string, weigh?: (v: T) => number): Memo<T> {
  let m = byName.get(name);
  if (!m) byName.set(name, (m = weigh ? new Lru<unknown>(MEMO_BYTES, weigh as (v: unknown) => number) : new Lru<unknown>(MEMO_SIZE)));
  return m as Memo<T>;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement of this connection, prepared once per SQL text (Kysely prepares every query it runs again). For
 * statements whose text is fixed in code: the cache is not bounded.
 */
export function prepared(sqlite: Database.Database, source: string, mode: 'objects' | 'pluck' | 'raw' = 'objects'): Database.Statement {
  let m = statements.get(sqlite);
  if (!m) statements.set(sqlite, (m = new Map()));
  // a statement per mode (pluck and raw are modes of the prepared statement)
  const key = mode === 'objects' ? source : `${mode}\u0001${source}`;
  let s = m.get(key);
  if (!s) {
    s = sqlite.prepare(source);
    if (mode === 'pluck') s.pluck();
    else if (mode === 'raw') s.raw();
    m.set(key, s);
  }
  return s;
}

export function directSql(sqlite: Database.Database | undefined): DirectSql | undefined {
  if (!sqlite) return undefined;
  return {
    all: <T>(source: string, params: unknown[]) => prepared(sqlite, source).all(...params) as T[],
    column: <T>(source: string, params: unknown[]) => prepared(sqlite, source, 'pluck').all(...params) as T[],
    arrays: <T extends unknown[]>(source: string, params: unknown[]) => prepared(sqlite, source, 'raw').all(...params) as T[],
    run: (source: string, params: unknown[]) => Number(prepared(sqlite, source).run(...params).lastInsertRowid),
    // One prepared single-row statement run per row: in SQLite, unpacking a JSON parameter with json_each and
    // `->>` costs more than the rows' index writes (about 1.6x the CPU of running the statement per row).
    insert(table, columns, rows, onConflict) {
      const cols = columns.map(([c]) => `"${c}"`).join(', ');
      const stmt = prepared(sqlite, `INSERT INTO "${table}" (${cols}) VALUES (${columns.map(() => '?').join(', ')}) ${onConflict}`);
      for (const row of rows) stmt.run(...row);
    },
    memo<T>(name: string, weigh?: (v: T) => number): Memo<T> {
      let byName = memos.get(sqlite);
      if (!byName) memos.set(sqlite, (byName = new Map()));
      return memoIn(byName, name, weigh);
    },
    sharedMemo<T>(name: string, weigh?: (v: T) => number): Memo<T> {
      const version = prepared(sqlite, 'PRAGMA data_version', 'pluck').get() as number;
      let state = sharedMemos.get(sqlite);
      if (!state) sharedMemos.set(sqlite, (state = { version, byName: new Map() }));
      if (state.version !== version) {
        for (const m of state.byName.values()) m.clear();
        state.version = version;
      }
      return memoIn(state.byName, name, weigh);
    },
  };
}

/**
 * SQLite: moves the rows of a small table of recent index rows (`recent`, migration 012) into the large table they
 * belong to (`into`: same columns, same unique key) once there are `max` of them. They are read in their key order,
 * so each page of the large B-tree is written once for all the rows it takes instead of once per row. Runs inside
 * the caller's transaction (the move commits with it or not at all); returns the rows moved.
 */
export function moveRecentRows(direct: DirectSql, recent: string, into: string, columns: string[], orderBy: string, max: number): number {
  const [{ n }] = direct.all<{ n: number }>(`SELECT count(*) AS n FROM ${recent}`, []) as [{ n: number }];
  if (n < max) return 0;
  const cols = columns.join(', ');
  direct.run(`INSERT OR IGNORE INTO ${into} (${cols}) SELECT ${cols} FROM ${recent} ORDER BY ${orderBy}`, []);
  direct.run(`DELETE FROM ${recent}`, []);
  return n;
}
