// Shared helpers for end-to-end tests: run the real CLI in a child process, temp folders.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const fixtures = path.join(repoRoot, 'test/fixtures');

export function tmpDir(prefix = 'kabar-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function kabar(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(repoRoot, 'bin/kabar.mjs'), ...args], {
    input: opts.input,
    encoding: 'utf8',
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, KABAR_DB: '', ...opts.env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * The store engine the engine-neutral tests run on: SQLite files by default; KABAR_TEST_ENGINE=postgres gives
 * each a fresh PostgreSQL database (`npm test` runs those tests a second time that way, see
 * scripts/run-tests.mjs, which drops the databases afterwards).
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.KABAR_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh store location for a test: a SQLite file in a temp folder, or a new PostgreSQL database's URL. */
export async function testDb(name = 'kabar'): Promise<string> {
  if (TEST_ENGINE === 'sqlite') return path.join(tmpDir(), `${name}.db`);
  const { tempDatabase } = await import('../src/queue/testutil.ts');
  return (await tempDatabase(`suite_${name.replace(/[^a-z0-9]/gi, '')}`)).url;
}
