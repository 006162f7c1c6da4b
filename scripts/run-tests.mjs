// `npm test`: the typecheck, then every *.test.ts under src/ and test/ through node's built-in runner (Node 20 has no
// glob support in --test, so the files are listed here). Extra arguments filter by path substring.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);

function walk(dir, out) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'fixtures') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.test.ts')) out.push(path.relative(root, p));
  }
  return out;
}

const files = [...walk(path.join(root, 'src'), []), ...walk(path.join(root, 'test'), [])]
  .sort()
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// The whole suite starts with the strict typecheck (a couple of seconds with TypeScript 7).
if (filters.length === 0) {
  const tsc = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', root], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) {
    console.error('typecheck failed (tsc --noEmit)');
    process.exit(tsc.status ?? 1);
  }
  console.log('typecheck: ok');
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit' });
if (r.status !== 0 || filters.length > 0) process.exit(r.status ?? 1);

// Every test that keeps data in a store runs again on PostgreSQL (each store a fresh database, through the same
// CLI and query layer) when PostgreSQL is reachable. A test is such a test when it takes its store from the
// suite's helpers (testDb, tempStore, buildFixture), which honour KABAR_TEST_ENGINE; the PostgreSQL-only tests
// above already ran (or skipped), and the rest keep no data in a store.
const STORE_HELPERS = /\b(testDb|tempStore|buildFixture)\(/;
const ENGINE_TESTS = files.filter((f) => STORE_HELPERS.test(fs.readFileSync(path.join(root, f), 'utf8')));
const pgSuite = (cmd, opts = {}) => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/pg-suite.ts'), cmd], { cwd: root, ...opts });
const probe = pgSuite('probe', { encoding: 'utf8' });
if (probe.status === 3) {
  console.log(`engine pass on PostgreSQL: ${probe.stdout.trim()}`);
  process.exit(0);
}
console.log(`\nengine pass on PostgreSQL (KABAR_TEST_ENGINE=postgres), ${ENGINE_TESTS.length} files that keep data in a store: ${ENGINE_TESTS.join(', ')}`);
const pgRun = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...ENGINE_TESTS], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, KABAR_TEST_ENGINE: 'postgres' },
});
// Drop the databases the pass created (named kabar_suite_*), whatever its outcome.
pgSuite('drop', { stdio: 'inherit' });
process.exit(pgRun.status ?? 1);
