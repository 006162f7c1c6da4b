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
