import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { boundedLines, countInputs, expandInputs, jsonlItem, printable, type SourceItem } from './sources.ts';

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

test('a gzipped JSONL bomb is refused as one error before any line is read; an honest .jsonl.gz is read', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-src-'));
  // 64 MB of one short JSON line repeated: millions of lines from 100 kB on disk.
  const line = '{"text":"The same short line again and again."}\n';
  fs.writeFileSync(path.join(dir, 'bomb.jsonl.gz'), zlib.gzipSync(line.repeat((64 * 1024 * 1024) / line.length), { level: 9 }));
  const bomb = await collect([path.join(dir, 'bomb.jsonl.gz')]);
  assert.equal(bomb.length, 1);
  assert.ok('error' in bomb[0]! && /gzip bomb/.test(bomb[0].error), JSON.stringify(bomb[0]));
  assert.equal(bomb[0]!.input, path.join(dir, 'bomb.jsonl.gz'));
  const honest = ['{"text":"Harbour workers ended their strike on Friday."}', '{"text":"The council approved the budget on Monday."}'].join('\n');
  fs.writeFileSync(path.join(dir, 'ok.jsonl.gz'), zlib.gzipSync(honest));
  const ok = await collect([path.join(dir, 'ok.jsonl.gz')]);
  assert.deepEqual(ok.map((i) => 'raw' in i), [true, true]);
  fs.writeFileSync(path.join(dir, 'corrupt.jsonl.gz'), zlib.gzipSync(honest).subarray(0, 20));
  const bad = await collect([path.join(dir, 'corrupt.jsonl.gz')]);
  assert.equal(bad.length, 1);
  assert.ok('error' in bad[0]! && /corrupt/.test(bad[0].error));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a byte-order mark before a JSONL line is not an error', () => {
  const it = jsonlItem('x#1', '\ufeff{"text":"The council approved the budget on Monday."}', opts);
  assert.ok('raw' in it, JSON.stringify(it));
});

test('printable: control characters, escapes, newlines, bidi overrides and lone surrogates are shown, not acted on', () => {
  assert.equal(printable('a\nb\u001b[31mc\u202ed\ud800e'), 'a\\u{a}b\\u{1b}[31mc\\u{202e}d\\u{d800}e');
  assert.equal(printable('Hà Nội 😀 ok'), 'Hà Nội 😀 ok');
});

test('an empty or blank JSONL file is one error naming it, not silence', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-src-'));
  fs.writeFileSync(path.join(dir, 'empty.jsonl'), '');
  fs.writeFileSync(path.join(dir, 'blank.jsonl'), '\n  \n\r\n');
  const items = await collect([path.join(dir, 'empty.jsonl'), path.join(dir, 'blank.jsonl')]);
  assert.deepEqual(items.map((i) => ('error' in i ? `${path.basename(i.input)}: ${i.error}` : 'raw')), ['empty.jsonl: empty input', 'blank.jsonl: no JSON lines in input (only blank lines)']);
  fs.rmSync(dir, { recursive: true, force: true });
});
