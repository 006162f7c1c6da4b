// `npm start` (kabar start): ingest the examples, print the stories, then serve the reader and print its address.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot, testDb } from './helpers.ts';

test('kabar start ingests the examples, then serves the reader at the printed address', async () => {
  const db = await testDb('start');
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kabar.mjs'), 'start', '--db', db, '--port', '0'], { cwd: repoRoot, env: { ...process.env, KABAR_DB: '' } });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed in 240 s\n${out}\n${err}`)), 240_000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = /Kabar reader: (http:\/\/\S+?)\/?\s/.exec(out);
        if (m) (clearTimeout(timer), resolve(m[1]!));
      });
      child.on('exit', (code) => reject(new Error(`exited ${code} before serving\n${out}\n${err}`)));
    });
    assert.match(out, /articles/, 'the stories were printed first');
    const home = await fetch(url + '/');
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /<html/);
    const api = await fetch(url + '/api/stories');
    assert.equal(api.status, 200);
    const stories = (await api.json()) as unknown;
    assert.ok(JSON.stringify(stories).length > 100);
  } finally {
    child.kill('SIGTERM');
  }
});
