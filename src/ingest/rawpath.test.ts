// File names that are not UTF-8: found in folders and on the command line, read, and named in messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { showBytes } from './rawpath.ts';
import { repoRoot } from '../../test/helpers.ts';

test('shown names keep valid UTF-8 and escape stray bytes', () => {
  assert.equal(showBytes(Buffer.from('Hà Nội.txt')), 'Hà Nội.txt');
  assert.equal(showBytes(Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.txt')])), 'caf\\xE9.txt');
  assert.equal(showBytes(Buffer.from([0xff, 0xc3, 0xa9, 0x80])), '\\xFFé\\x80');
});

test('kabar extract reads Latin-1 file names in a folder and on the command line', { skip: process.platform !== 'linux' ? 'needs Linux file names as bytes' : false }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-rawname-'));
  try {
    const body = (w: string) => `Headline about ${w}\n\nThe harbour council met on Monday and agreed a new budget for the ${w} ferry service after a long debate.\n`;
    const latin1 = Buffer.concat([Buffer.from(dir + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
    fs.writeFileSync(latin1, body('zanzibar'));
    fs.writeFileSync(path.join(dir, 'plain.txt'), body('orkney'));
    // a folder: both files, the Latin-1 one under its shown name
    const a = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kabar.mjs'), 'extract', '--json', dir], { encoding: 'utf8' });
    assert.equal(a.status, 0, a.stderr);
    const lines = a.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; text: string });
    assert.deepEqual(lines.map((l) => path.basename(l.input)).sort(), ['caf\\xE9.txt', 'plain.txt']);
    assert.ok(lines.find((l) => l.input.endsWith('caf\\xE9.txt'))!.text.includes('zanzibar'));
    // the command line: the same file named by its bytes (Node's spawn would decode them, so a shell builds the argument)
    const b = spawnSync('sh', ['-c', `exec "$0" "$1" extract --json "$2/caf$(printf '\\351').txt"`, process.execPath, path.join(repoRoot, 'bin/kabar.mjs'), dir], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    assert.ok((JSON.parse(b.stdout.trim()) as { text: string }).text.includes('zanzibar'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
