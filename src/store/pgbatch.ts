// Fewer PostgreSQL round trips for ingest transactions. An article's store step ran about 30 statements, each a
// round trip (a socket write and read on both sides, which cost more CPU than the statements themselves on a busy
// machine). Most are writes whose results nobody reads (inserts, updates, lock statements). In a transaction that
// opts in (its first statement starts with BATCH_WRITES), such statements are held back and sent in one simple-query
// message with the next statement whose result is read, or with COMMIT. PostgreSQL runs them in the same order as
// before, each with its own snapshot (READ COMMITTED takes one per statement), so a read still sees the locks and
// writes sent before it; a failing held-back statement fails the read or commit it travels with, and the whole
// transaction rolls back as before. BEGIN is held back in every transaction (sent with its first statement).
import { createRequire } from 'node:module';
import type pg from 'pg';

/** First words of a transaction's first statement: hold back its writes (see above). */
export const BATCH_WRITES = '/* kabar:batch-writes */';
/** First words of a statement whose result is not read (lock statements): held back like a write. */
export const DEFERRABLE = '/* kabar:deferrable */';

// pg's own conversion of a parameter to its text form (arrays, dates, JSON), so an inlined value is exactly what
// the extended protocol would have sent.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils') as { prepareValue: (v: unknown) => unknown };

/** Quoted literal of a parameter's text form (untyped, as a parameter is): null when it has none (binary). */
function literal(v: unknown): string | null {
  const p = prepareValue(v);
  if (p === null) return 'NULL';
  if (typeof p !== 'string') return null;
  if (p.includes('\0')) return null;
  const q = `'${p.replace(/'/g, "''")}'`;
  // E'' makes the backslashes literal whatever standard_conforming_strings says.
  return p.includes('\\') ? ` E${q.replace(/\\/g, '\\\\')}` : q;
}

/** The statement with its $n parameters written in as literals (null when one cannot be). */
export function inlineParameters(text: string, values: readonly unknown[] | undefined): string | null {
  if (!values?.length) return text;
  const lits = values.map(literal);
  if (lits.some((l) => l === null)) return null;
  return text.replace(/\$(\d+)/g, (m, i: string) => lits[Number(i) - 1] ?? m);
}

function deferrable(text: string): boolean {
  return text.startsWith(DEFERRABLE) || text.startsWith(BATCH_WRITES) || (/^\s*(insert|update|delete)\b/i.test(text) && !/\breturning\b/i.test(text));
}

/** What a held-back statement returns: no rows, no count (Kysely reports numAffectedRows undefined). */
const held = () => ({ command: 'HELD', rowCount: null, rows: [], fields: [] }) as unknown as pg.QueryResult;

interface State {
  pending: string[];
  /** BEGIN is among `pending` (not yet sent). */
  beginHeld: boolean;
  batching: boolean;
}

type Query = (text: unknown, values?: unknown) => Promise<pg.QueryResult>;

function batchingClient(client: pg.PoolClient): pg.PoolClient {
  const query: Query = (text, values) => (client.query as unknown as Query).call(client, text, values);
  const s: State = { pending: [], beginHeld: false, batching: false };
  const reset = () => {
    s.pending = [];
    s.beginHeld = false;
    s.batching = false;
  };
  /** Sends the held-back statements, then `text` (one message when it can be inlined). */
  const flushWith = async (text: string, values?: unknown[]): Promise<pg.QueryResult> => {
    const batch = s.pending;
    s.pending = [];
    s.beginHeld = false;
    const inlined = inlineParameters(text, values);
    if (inlined === null) {
      await query(batch.join(';\n'));
      return query(text, values);
    }
    const rs = (await query(`${batch.join(';\n')};\n${inlined}`)) as unknown as pg.QueryResult[];
    return rs[rs.length - 1]!;
  };
  const batched = async (text: unknown, values?: unknown): Promise<pg.QueryResult> => {
    if (typeof text !== 'string' || (values !== undefined && !Array.isArray(values))) {
      if (s.pending.length) await query(s.pending.splice(0).join(';\n'));
      s.beginHeld = false;
      return query(text, values);
    }
    const word = text.trim().toLowerCase();
    if (word === 'begin') {
      reset();
      s.pending.push('BEGIN');
      s.beginHeld = true;
      return held();
    }
    if (word === 'rollback') {
      const sent = !s.beginHeld;
      reset();
      // Nothing reached the server: there is nothing to roll back.
      return sent ? query(text) : held();
    }
    if (word === 'commit') {
      try {
        return s.pending.length ? await flushWith('COMMIT') : await query(text);
      } finally {
        reset();
      }
    }
    if (text.startsWith(BATCH_WRITES) && s.beginHeld) s.batching = true;
    if (s.batching && deferrable(text)) {
      const inlined = inlineParameters(text, values as unknown[] | undefined);
      if (inlined !== null) {
        s.pending.push(inlined);
        return held();
      }
    }
    return s.pending.length ? flushWith(text, values as unknown[] | undefined) : query(text, values);
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'query') return batched;
      if (prop === 'release') {
        // pg-pool gives the client a new release function at each checkout: look it up at call time.
        return (err?: Error | boolean) => {
          reset();
          return target.release(err);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** The pool with its clients wrapped (each client once, for its lifetime). */
export function batchingPool(pool: pg.Pool): pg.Pool {
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const connect = async () => {
    const c = await pool.connect();
    let w = wrapped.get(c);
    if (!w) wrapped.set(c, (w = batchingClient(c)));
    return w;
  };
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') return connect;
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
