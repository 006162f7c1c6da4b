// Helper of scripts/run-tests.mjs for the PostgreSQL pass: `probe` exits 3 (printing why) when PostgreSQL
// cannot be reached; `drop` removes the databases the pass created (kabar_suite_*).
import pg from 'pg';
import { PG_ADMIN_URL, postgresUnavailable } from '../src/queue/testutil.ts';

const cmd = process.argv[2];
if (cmd === 'probe') {
  const why = await postgresUnavailable();
  if (why) {
    console.log(why);
    process.exit(3);
  }
} else if (cmd === 'drop') {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'kabar\\_suite\\_%'`);
  for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  await c.end();
  console.log(`dropped ${rows.length} test databases`);
} else {
  console.error('usage: pg-suite.ts probe|drop');
  process.exit(2);
}
