import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runTimeCommand } from './cli.ts';

function sink() {
  const s = new PassThrough();
  let out = '';
  s.on('data', (c) => (out += c));
  return { s, get: () => out };
}

test('time command: JSON from stdin, offsets into the text as read (CRLF kept)', async () => {
  const text = 'Rapat\r\n\r\nKemarin, Senin (6/10/2025) pukul 09.00 WIB, rapat dimulai.\r\n';
  const out = sink();
  const code = await runTimeCommand('-', { anchor: '2025-10-11', lang: 'id', json: true }, { stdin: Readable.from([Buffer.from(text)]), stdout: out.s });
  assert.equal(code, 0);
  const rows = JSON.parse(out.get()) as Array<{ start: number; end: number; text: string; type: string; value: string }>;
  assert.deepEqual(rows.map((r) => r.value), ['2025-10-10', '2025-10-06T09:00']);
  for (const r of rows) {
    assert.equal(text.slice(r.start, r.end), r.text);
    assert.deepEqual(Object.keys(r), ['start', 'end', 'text', 'type', 'value']);
  }
});

test('time command: file input, language identified when --lang is absent, table output', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-time-'));
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, 'Hội nghị diễn ra sáng nay tại Hà Nội với sự tham gia của nhiều đại biểu. Hôm qua, các bộ trưởng đã gặp nhau để chuẩn bị cho hội nghị quan trọng này.');
  const out = sink();
  assert.equal(await runTimeCommand(file, { anchor: '2025-10-11', json: false }, { stdin: Readable.from([]), stdout: out.s }), 0);
  assert.match(out.get(), /2025-10-11TMO/);
  assert.match(out.get(), /2025-10-10/);
  fs.rmSync(dir, { recursive: true });
});

test('time command: bad anchor and missing file are errors', async () => {
  const err = sink();
  const out = sink();
  assert.equal(await runTimeCommand('-', { anchor: '11/10/2025', json: true }, { stdin: Readable.from([]), stdout: out.s, stderr: err.s }), 2);
  assert.match(err.get(), /--anchor/);
  assert.equal(await runTimeCommand('/nonexistent/x.txt', { anchor: null, json: true }, { stdin: Readable.from([]), stdout: out.s, stderr: err.s }), 1);
});
