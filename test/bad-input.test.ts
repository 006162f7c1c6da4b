// Bad input in a batch: each gets one clear error line naming it (or is read correctly), and the
// rest of the batch is ingested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { kabar, testDb, tmpDir } from './helpers.ts';
import { kabarExport } from '../src/export/schema.ts';

test('a batch of broken inputs: one error line each, good ones ingested', async () => {
  const dir = tmpDir('kabar-bad-');
  const good = 'Harbour workers in Port Selwyn ended a three-day strike on Friday after the port authority agreed to raise wages by 6 percent. The union said 1,200 members would return to work on Saturday.';
  fs.writeFileSync(path.join(dir, '01-good.txt'), `Port strike ends\n\n${good}\n`);
  fs.writeFileSync(path.join(dir, '02-empty.txt'), '');
  fs.writeFileSync(path.join(dir, '03-binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const big = path.join(dir, '04-huge.txt');
  const fd = fs.openSync(big, 'w');
  const block = Buffer.alloc(1024 * 1024, 'a');
  for (let i = 0; i < 50; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
  // Invalid UTF-8 in a page with no declared charset: read with replacement characters, not a crash.
  fs.writeFileSync(path.join(dir, '05-invalid-utf8.txt'), Buffer.concat([Buffer.from('Fishermen protest fuel prices in Selwyn. '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' Hundreds of boats stayed in port on Monday as fishermen protested against higher diesel prices.\n')]));
  // Legacy charset declared in the page: must decode as windows-1252 (é, ’, €).
  const legacyHtml = `<html><head><meta charset="windows-1252"><title>Café owners protest €2 tax</title></head><body><article><h1>Café owners protest €2 tax</h1><p>Café owners in Port Selwyn protested on Monday against a new €2 tax on each takeaway cup, saying it would hurt small businesses’ income.</p><p>The city council said the tax would raise money to clean the harbour and would be reviewed after a year.</p></article></body></html>`;
  fs.writeFileSync(path.join(dir, '06-legacy.html'), iconv.encode(legacyHtml, 'win1252'));
  fs.writeFileSync(path.join(dir, '07-malformed.html'), '<html><body><div><p>Storm damage closes the coastal road near Selwyn after heavy rain on Sunday night, officials said.<p>Crews expect to reopen the road by Wednesday, the transport office said.<div></span></table><b>');
  fs.writeFileSync(path.join(dir, '08-lines.jsonl'), ['{"text":"The national museum reopened on Sunday after two years of renovation work in the capital."}', '{not json', '"a string"', ''].join('\n'));

  const db = await testDb('bad');
  const r = kabar(['ingest', dir, 'http://127.0.0.1:9/unreachable', '--db', db], { env: { KABAR_ALLOW_PRIVATE: '1' } });
  assert.equal(r.status, 1);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  const named = (n: string) => errors.filter((l) => l.includes(n));
  assert.equal(named('02-empty.txt').length, 1, r.stderr);
  assert.equal(named('03-binary.txt').length, 1, r.stderr);
  assert.equal(named('04-huge.txt').length, 1, r.stderr);
  assert.match(named('04-huge.txt')[0]!, /limit/);
  assert.equal(named('08-lines.jsonl#2').length, 1, r.stderr);
  assert.equal(named('08-lines.jsonl#3').length, 1, r.stderr);
  assert.equal(named('unreachable').length, 1, r.stderr);
  assert.match(named('unreachable')[0]!, /connection failed|refused/);
  assert.equal(errors.length, 6, r.stderr);
  assert.match(r.stderr, /ingest: 5 added, 0 already present, 6 failed/);

  const doc = kabarExport.parse(JSON.parse(kabar(['export', '--db', db]).stdout));
  const legacy = doc.articles.find((a) => a.input.endsWith('06-legacy.html'))!;
  assert.equal(legacy.title, 'Café owners protest €2 tax');
  assert.match(legacy.text, /small businesses’ income/);
  const inv = doc.articles.find((a) => a.input.endsWith('05-invalid-utf8.txt'))!;
  assert.match(inv.text, /Hundreds of boats stayed in port/);
  const mal = doc.articles.find((a) => a.input.endsWith('07-malformed.html'))!;
  assert.match(mal.text, /Crews expect to reopen the road/);
  assert.ok(doc.articles.some((a) => a.input.endsWith('08-lines.jsonl#1')));
});
