import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { openStore } from '../store/db.ts';
import { testDb } from '../../test/helpers.ts';
import { followCommand, registerFollowCommands, sourcesAdd, sourcesList, sourcesPause, sourcesRemove } from './cli.ts';
import { startSite } from './testsite.ts';

function capture() {
  const s = new PassThrough();
  let text = '';
  s.on('data', (c) => (text += c));
  return { s, get text() { return text; } };
}

test('sources add + follow --once against local outlets ingests exactly the new articles, into stories', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-follow-cli-'));
  const db = await testDb('followcli');
  const init = await openStore(db);
  await init.close();
  // Two outlets covering the same three events in their own words.
  const a = await startSite({ topic: 'flooding' });
  const b = await startSite({ address: '127.0.0.4', topic: 'heavy floods' });
  try {
    for (const s of [a, b]) for (let i = 1; i <= 3; i++) s.items.push({ path: `/news/${i}`, title: `t${i}` });
    b.feedFormat = 'json';
    const out = capture();
    const err = capture();
    const io = { db, allowPrivate: true, out: out.s, err: err.s };
    assert.equal(await sourcesAdd(a.base + '/feed.xml', { ...io, name: 'Outlet A', every: '15m' }), 0);
    assert.equal(await sourcesAdd(b.base + '/feed.xml', { ...io, lang: 'en' }), 0);
    assert.match(out.text, /source 1: rss .* “Outlet A”, every 15m; 3 article URLs queued/);
    assert.match(out.text, /source 2: jsonfeed/);
    assert.equal(await sourcesAdd('http://127.0.0.1:1/nothing', io), 1, 'an unreachable URL is an error');
    assert.match(err.text, /error: /);

    assert.equal(await followCommand({ ...io, once: true, delayMs: 0, timeoutMs: 60_000 }), 0);
    assert.match(err.text, /6 added/);
    assert.equal(await followCommand({ ...io, once: true, delayMs: 0, timeoutMs: 60_000 }), 0);
    assert.match(err.text.trim().split('\n').at(-1)!, /0 sources due .* 0 added/);

    const store = await openStore(db);
    const arts = await store.db.selectFrom('articles').select(['url', 'story_id', 'outlet']).execute();
    await store.close();
    assert.equal(arts.length, 6);
    assert.ok(arts.every((x) => x.story_id));
    const stories = new Map<string, Set<string>>();
    for (const x of arts) {
      const n = /\/news\/(\d+)/.exec(x.url!)![1]!;
      if (!stories.has(x.story_id!)) stories.set(x.story_id!, new Set());
      stories.get(x.story_id!)!.add(n);
    }
    for (const ns of stories.values()) assert.equal(ns.size, 1, 'a story holds one event only');

    assert.equal(await sourcesPause('1', io), 0);
    const list = capture();
    assert.equal(await sourcesList({ db, out: list.s }), 0);
    assert.match(list.text, /^1 {2}paused/m);
    assert.match(list.text, /^2 {2}ok/m);
    assert.match(list.text, /3 articles added, 0 pending, 0 failed/);
    assert.equal(await sourcesRemove(b.base + '/feed.xml', io), 0);
    const json = capture();
    await sourcesList({ db, json: true, out: json.s });
    assert.equal(json.text.trim().split('\n').length, 1);

    // commander wiring parses
    const program = new Command().exitOverride();
    registerFollowCommands(program);
    assert.ok(program.commands.find((c) => c.name() === 'sources')!.commands.map((c) => c.name()).includes('add'));
    assert.ok(program.commands.find((c) => c.name() === 'follow'));
  } finally {
    await a.close();
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
