// Test helpers for the PostgreSQL and Redis tests: a throwaway database per run, and reachability checks
// so the tests skip with a clear message on machines without the services.
import net from 'node:net';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.KABAR_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.KABAR_TEST_REDIS || 'redis://127.0.0.1:6379';

/** Why PostgreSQL cannot be used for tests, or null when it can. */
export async function postgresUnavailable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (e) {
    return `PostgreSQL not reachable at ${PG_ADMIN_URL} (${(e as Error).message}): skipped`;
  } finally {
    await c.end().catch(() => {});
  }
}

/** Why Redis cannot be used for tests, or null when it can (a TCP PING, no client library needed). */
export async function redisUnavailable(url = REDIS_URL): Promise<string | null> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const sock = net.connect({ host: u.hostname, port: Number(u.port) || 6379 });
    const done = (why: string | null) => {
      sock.destroy();
      resolve(why);
    };
    sock.setTimeout(3000, () => done(`Redis not reachable at ${url} (timeout): skipped`));
    sock.on('error', (e) => done(`Redis not reachable at ${url} (${e.message}): skipped`));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => done(d.toString().startsWith('+PONG') ? null : `Redis at ${url} did not answer PING: skipped`));
  });
}

/** Databases this process made: two made in the same millisecond get different names. */
let made = 0;

/** A fresh, empty database (dropped by `drop`, even with connections still open). */
export async function tempDatabase(tag = 'test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kabar_${tag}_${process.pid}_${Date.now()}_${++made}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(PG_ADMIN_URL);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Removes a test's or benchmark's queues (ingest and dead-letter) with everything in them. */
export async function obliterateQueues(redisUrl: string, prefix: string): Promise<void> {
  const { openQueues } = await import('./queue.ts');
  const q = openQueues(redisUrl, { prefix });
  await q.ingest.obliterate({ force: true });
  await q.dead.obliterate({ force: true });
  await q.close();
}
