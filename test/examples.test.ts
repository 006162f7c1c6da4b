// The bundled example corpus (examples/, answer key in examples/MANIFEST.json): what `npm start` runs on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { kabar, repoRoot, testDb } from './helpers.ts';
import { kabarExport } from '../src/export/schema.ts';

interface Manifest {
  articles: Array<{ ref: string; event: string; language: string; url: string; published: string | null; title: string }>;
  reuse: Array<{ a: string; b: string }>;
}
const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples/MANIFEST.json'), 'utf8'));

test('examples: every article ingested, no story mixes events, same-language coverage of an event is one story', async () => {
  const db = await testDb('ex');
  const r = kabar(['start', '--no-serve', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`ingest: ${manifest.articles.length} added, 0 already present, 0 failed`));
  const doc = kabarExport.parse(JSON.parse(kabar(['export', '--db', db]).stdout));
  const ref = (input: string) => {
    const rel = path.relative(path.join(repoRoot, 'examples'), input);
    return rel;
  };
  const byRef = new Map(doc.articles.map((a) => [ref(a.input), a]));
  for (const m of manifest.articles) assert.ok(byRef.has(m.ref), `article ${m.ref} stored`);

  const eventsOfStory = new Map<string, Set<string>>();
  for (const m of manifest.articles) {
    const a = byRef.get(m.ref)!;
    if (!eventsOfStory.has(a.story!)) eventsOfStory.set(a.story!, new Set());
    eventsOfStory.get(a.story!)!.add(m.event);
    assert.equal(a.language, m.language, `language of ${m.ref}`);
  }
  for (const [story, events] of eventsOfStory) assert.equal(events.size, 1, `story ${story} mixes events ${[...events]}`);

  const groups = new Map<string, Set<string>>();
  for (const m of manifest.articles) {
    const k = `${m.event}/${m.language}`;
    if (!groups.has(k)) groups.set(k, new Set());
    groups.get(k)!.add(byRef.get(m.ref)!.story!);
  }
  for (const [k, stories] of groups) assert.equal(stories.size, 1, `${k} split over ${stories.size} stories`);

  // Metadata from the pages.
  for (const m of manifest.articles) {
    const a = byRef.get(m.ref)!;
    if (m.published) assert.equal(a.published?.slice(0, 10), m.published, `date of ${m.ref}`);
    else assert.equal(a.published, null, `${m.ref} states no date`);
    assert.equal(a.url, m.url, `url of ${m.ref}`);
  }

  // Planted reuse between same-language articles is found.
  const pair = (x: string, y: string) => doc.reuse.some((l) => (l.a === x && l.b === y) || (l.a === y && l.b === x));
  for (const p of manifest.reuse) {
    const a = byRef.get(p.a)!;
    const b = byRef.get(p.b)!;
    if (a.language !== b.language) continue;
    assert.ok(pair(a.id, b.id), `reuse ${p.a} ~ ${p.b}`);
  }

  const again = kabar(['start', '--no-serve', '--db', db]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /ingest: 0 added/);
  assert.match(again.stdout, /articles? · outlets:/);
});
