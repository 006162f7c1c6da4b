import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { boundedLines, countInputs, expandInputs, jsonlItem, type SourceItem } from './sources.ts';

const opts = { maxBytes: 1000 };

async function collect(args: string[], o = opts): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const it of expandInputs(args, o)) out.push(it);
  return out;
}

test('boundedLines never holds an over-long line and reports it as null', async () => {
  const chunks = ['ab', 'c\nde', 'x'.repeat(50), 'f\n\ng', 'h'];
  const lines: Array<string | null> = [];
  for await (const l of boundedLines(Readable.from(chunks.map((c) => Buffer.from(c))), 10)) lines.push(l);
  assert.deepEqual(lines, ['abc', null, '', 'gh']);
});

test('JSONL lines: object with text or html, clear errors otherwise', () => {
  const ok = jsonlItem('f#1', '{"text":"Hello there.","url":"https://a.example/x","published":"2024-01-02"}', opts);
  assert.ok('raw' in ok && ok.raw.format === 'text' && ok.raw.hints?.url === 'https://a.example/x');
  const html = jsonlItem('f#2', '{"html":"<p>x</p>"}', opts);
  assert.ok('raw' in html && html.raw.format === 'html');
  assert.match((jsonlItem('f#3', '{oops', opts) as { error: string }).error, /not valid JSON/);
  assert.match((jsonlItem('f#4', '[1,2]', opts) as { error: string }).error, /not a JSON object/);
  assert.match((jsonlItem('f#5', '{"title":"t"}', opts) as { error: string }).error, /neither "text" nor "html"/);
});

test('folders: recursive, sorted, symlink loops followed once, oversize and missing named', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-src-'));
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'b.txt'), 'Second page. It has text.');
  fs.writeFileSync(path.join(dir, 'a.html'), '<html><body><p>First page.</p></body></html>');
  fs.writeFileSync(path.join(dir, 'sub', 'c.txt'), 'Third page.');
  fs.writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2000));
  fs.writeFileSync(path.join(dir, 'photo.jpg'), 'not scanned');
  fs.writeFileSync(path.join(dir, 'feed.jsonl.gz'), zlib.gzipSync('{"text":"From gzip JSONL."}\n'));
  fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
  const items = await collect([dir, path.join(dir, 'nope.txt')]);
  const names = items.map((i) => path.relative(dir, i.input));
  assert.deepEqual(names, ['a.html', 'b.txt', 'big.txt', 'feed.jsonl.gz#1', 'sub/c.txt', 'nope.txt']);
  const byName = (n: string) => items.find((i) => i.input.endsWith(n))!;
  assert.ok('raw' in byName('a.html') && (byName('a.html') as { raw: { format: string } }).raw.format === 'html');
  assert.match((byName('big.txt') as { error: string }).error, /over the .* limit/);
  assert.match((byName('nope.txt') as { error: string }).error, /no such file/);
  assert.ok('raw' in byName('feed.jsonl.gz#1'));
  // The progress bar's total walks the same way: one per item the expansion yields.
  assert.equal(await countInputs([dir, path.join(dir, 'nope.txt')]), items.length);
  fs.writeFileSync(path.join(dir, 'sub', 'three.jsonl'), '{"text":"a"}\n{"text":"b"}\n{"text":"c"}');
  assert.equal(await countInputs([path.join(dir, 'sub', 'three.jsonl'), 'https://x.example/a']), 4);
  assert.equal(await countInputs(['-']), null);
});
