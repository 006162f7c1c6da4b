// Keyed ingest locks for PostgreSQL with several workers. An article's store step locks what it reads and
// writes by key: its text hash (duplicates), its reuse sketch keys (shared sentences), its story retrieval
// and index keys (candidate articles) and the story it joins. Two articles that could see each other share
// at least one key, so they are serialised and the later one sees the earlier one's commit; unrelated
// articles go through at once. Transaction-scoped advisory locks: released at commit or rollback, so a
// killed worker holds nothing. Locks are taken in sorted order per group, groups in a fixed order; a batch
// of several articles can still deadlock, which PostgreSQL detects and `ingestDocs` retries.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { DEFERRABLE } from './pgbatch.ts';

/** How PostgreSQL ingest transactions exclude each other: one at a time, or by key. */
export type LockMode = 'global' | 'keyed';

/** The lock mode asked for by KABAR_PG_LOCKS (keyed unless it says global). */
export function lockModeFromEnv(): LockMode {
  return process.env.KABAR_PG_LOCKS === 'global' ? 'global' : 'keyed';
}

/** A signed 64-bit advisory lock id for a key (as a decimal string: pg takes it as bigint). */
export function lockId(key: string): string {
  return createHash('sha1').update(key).digest().readBigInt64BE(0).toString();
}

/**
 * Locks one keyed transaction may hold. PostgreSQL keeps advisory locks in its shared lock table (by default
 * 64 × max_connections slots for the whole server), and a long article has a reuse key for every sentence.
 */
export const DEFAULT_LOCK_BUDGET = 1500;

/** A transaction would hold more keyed locks than its budget: run it with the global lock instead. */
export class LockBudgetExceeded extends Error {
  constructor(readonly wanted: number) {
    super(`ingest transaction needs ${wanted} keyed locks`);
  }
}

/** Keyed locks one transaction holds: each key is locked at most once; new keys are locked in sorted order. */
export class KeyLocks {
  private readonly held = new Set<string>();
  constructor(
    private readonly trx: Kysely<any>,
    private readonly budget = DEFAULT_LOCK_BUDGET,
  ) {}

  get size(): number {
    return this.held.size;
  }

  async lock(keys: Iterable<string>): Promise<void> {
    const ids = [...new Set([...keys].map(lockId))].filter((id) => !this.held.has(id));
    if (!ids.length) return;
    if (this.held.size + ids.length > this.budget) throw new LockBudgetExceeded(this.held.size + ids.length);
    ids.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    // The subquery's ORDER BY fixes the order in which the locks are taken (a subquery with ORDER BY is
    // not flattened into the outer query), so any two transactions take shared keys in the same order.
    await sql`${sql.raw(DEFERRABLE)} SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest(${ids}::bigint[]) AS t(k) ORDER BY k) AS s`.execute(this.trx);
    for (const id of ids) this.held.add(id);
  }
}

/** A deadlock or a lost race on a unique key: the transaction can be run again from the start. */
export function retryableConflict(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '40P01' || code === '40001' || code === '23505';
}
