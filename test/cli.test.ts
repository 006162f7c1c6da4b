import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixtures, kabar, testDb } from './helpers.ts';
import { kabarExport } from '../src/export/schema.ts';

const mini = path.join(fixtures, 'mini');

test('ingest a folder: good inputs stored, each bad input named once, exit 1; again adds nothing', async () => {
  const db = await testDb('cli');
  const r = kabar(['ingest', mini, '--db', db]);
  assert.equal(r.status, 1, r.stderr);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  assert.equal(errors.length, 3, r.stderr);
  assert.ok(errors.some((l) => l.includes('empty.txt') && /empty/.test(l)));
  assert.ok(errors.some((l) => l.includes('binary.txt') && /binary/.test(l)));
  assert.ok(errors.some((l) => l.includes('wire.jsonl#2') && /JSON/.test(l)));
  assert.match(r.stderr, /ingest: 5 added, 0 already present, 3 failed/);

  const again = kabar(['ingest', path.join(mini, 'a1.txt'), path.join(mini, 'b1.txt'), '--db', db]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /ingest: 0 added, 2 already present, 0 failed/);

  const stories = kabar(['stories', '--db', db, '--json']);
  assert.equal(stories.status, 0, stories.stderr);
  const list = stories.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const total = list.reduce((n: number, s: { articles: number }) => n + s.articles, 0);
  assert.equal(total, 5);

  const exp = kabar(['export', '--format', 'json', '--db', db]);
  assert.equal(exp.status, 0, exp.stderr);
  const doc = kabarExport.parse(JSON.parse(exp.stdout));
  const storyOf = (needle: string) => doc.articles.find((a) => a.input.endsWith(needle))!.story;
  assert.equal(storyOf('a1.txt'), storyOf('a2.txt'), 'two reports of the Sintang flood form one story');
  assert.equal(storyOf('b1.txt'), storyOf('b2.txt'), 'two reports of the rate decision form one story');
  assert.notEqual(storyOf('a1.txt'), storyOf('b1.txt'));
  const a1 = doc.articles.find((a) => a.input.endsWith('a1.txt'))!;
  assert.equal(a1.url, 'https://kabar-borneo.example/2024/02/03/banjir-sintang');
  assert.equal(a1.outlet, 'kabar-borneo.example');
  assert.equal(a1.published?.slice(0, 10), '2024-02-03');
  assert.equal(a1.language, 'id');
  assert.ok(!a1.text.includes('Komentar'), 'comment counter removed');
  assert.ok(!a1.text.includes('Harga beras'), 'related-article list removed');
  assert.ok(a1.text.includes('Sungai Kapuas dan Sungai Melawi meluap'));
  for (const s of a1.sentences) assert.ok(s.end > s.start && s.end <= a1.text.length);
  const b1 = doc.articles.find((a) => a.input.endsWith('b1.txt'))!;
  assert.equal(b1.language, 'en');
  assert.deepEqual(b1.authors, ['Daniel Okafor']);
  // a2 copies a1's first sentence: one reuse link carrying that sentence pair.
  const link = doc.reuse.find((l) => [l.a, l.b].sort().join() === [a1.id, doc.articles.find((a) => a.input.endsWith('a2.txt'))!.id].sort().join());
  assert.ok(link, 'reuse link between a1 and a2');
  assert.ok(link.sentences.length >= 1);

  const one = kabar(['export', '--format', 'json', '--db', db, '--story', a1.story!]);
  const sub = kabarExport.parse(JSON.parse(one.stdout));
  assert.deepEqual(sub.stories.map((s) => s.id), [a1.story]);
  assert.ok(sub.articles.every((a) => a.story === a1.story));

  const s = kabar(['search', 'Kapuas Melawi', '--db', db, '--json']);
  assert.equal(s.status, 0, s.stderr);
  assert.ok(s.stdout.trim().split('\n').length >= 2);
  const none = kabar(['search', '"); DROP TABLE articles; --', '--db', db]);
  assert.equal(none.status, 0, none.stderr);

  const show = kabar(['show', a1.story!, '--db', db]);
  assert.equal(show.status, 0);
  assert.match(show.stdout, /kabar-borneo\.example/);
  const missing = kabar(['show', 'nope', '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no story nope/);
});

test('stdin: a page and a JSONL stream', async () => {
  const db = await testDb('cli');
  const page = fs.readFileSync(path.join(mini, 'b2.txt'), 'utf8');
  const r = kabar(['ingest', '-', '--db', db], { input: page });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /1 added/);
  const jl = JSON.stringify({ title: 'T', text: 'One sentence here about a thing. Another sentence there.', url: 'https://x.example/1' }) + '\n';
  const r2 = kabar(['ingest', '-', '--db', db], { input: jl });
  assert.equal(r2.status, 0, r2.stderr);
  const exp = kabarExport.parse(JSON.parse(kabar(['export', '--db', db]).stdout));
  assert.ok(exp.articles.some((a) => a.input === '-#1' && a.url === 'https://x.example/1'));
});

test('extract --json prints one line per input and names failures', () => {
  const r = kabar(['extract', '--json', path.join(mini, 'b1.txt'), path.join(mini, 'missing.txt')]);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const o = JSON.parse(lines[0]!);
  for (const k of ['input', 'url', 'outlet', 'title', 'published', 'language', 'authors', 'citedSources', 'captions', 'text']) assert.ok(k in o, k);
  assert.equal(o.title, 'Central bank of Freedonia holds interest rate at 5.25 percent');
  assert.match(r.stderr, /missing\.txt: no such file/);
});

test('unreachable and refused URLs fail with a clear line; --help works', async () => {
  const db = await testDb('cli');
  const r = kabar(['ingest', 'http://127.0.0.1:9/x', 'http://nonexistent.invalid/', '--db', db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /error: http:\/\/127\.0\.0\.1:9\/x: refused: .*loopback/);
  assert.match(r.stderr, /error: http:\/\/nonexistent\.invalid\/: cannot resolve host/);
  const h = kabar(['--help']);
  assert.equal(h.status, 0);
  for (const c of ['ingest', 'stories', 'show', 'search', 'extract', 'export']) assert.match(h.stdout, new RegExp(`\\b${c}\\b`));
});
