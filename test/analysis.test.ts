// The analysis stage end to end: entities, events, agreements and quotes are stored with each article in its
// ingest transaction and come out in the export (JSON, PLOVER lines, CSV) and in `kabar entities`.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixtures, kabar, testDb } from './helpers.ts';
import { EXPORT_VERSION, kabarExport, type KabarExport } from '../src/export/schema.ts';
import { csvField } from '../src/export/formats.ts';

const db = await testDb('analysis');
let exp: KabarExport;

test('ingest stores the analysis; the export carries entities, events, agreements and quotes', () => {
  const r = kabar(['ingest', path.join(fixtures, 'analysis'), '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  const out = kabar(['export', '--format', 'json', '--db', db]);
  assert.equal(out.status, 0, out.stderr);
  exp = kabarExport.parse(JSON.parse(out.stdout));
  assert.equal(exp.version, EXPORT_VERSION);
  // one entity across both languages, typed and coded
  const chile = exp.entities.find((e) => e.country === 'CL' && e.type === 'PLACE');
  assert.ok(chile, 'Chile is a place with its code');
  assert.equal(new Set(chile.mentions.map((m) => m.article)).size, 2, 'Chile in both articles is one entity');
  const montes = exp.entities.find((e) => e.type === 'PERSON' && /Montes$/.test(e.name));
  assert.ok(montes, 'the visitor is a person entity');
  assert.ok(!/Presiden|President/.test(montes.name), 'the title is a role, not part of the name');
  assert.ok(montes.roles.some((r) => /Presiden|President/.test(r.title)), 'with the role as each source gives it');
  // the visit: one CONSULT/visit event told by both articles
  const visit = exp.events.find((e) => e.type === 'CONSULT' && e.mode === 'visit' && !e.background);
  assert.ok(visit, 'a visit event');
  assert.equal(new Set(visit.evidence.map((v) => v.article)).size, 2, 'one event with mentions from both articles');
  assert.ok(visit.actors.some((a) => a.country === 'CL'), 'the visitor (Chile) is the actor');
  assert.equal(visit.date.value, '2026-03-03');
  // every evidence span lies inside its sentence of its article
  const arts = new Map(exp.articles.map((a) => [a.id, a]));
  for (const e of exp.events)
    for (const v of e.evidence) {
      const sp = arts.get(v.article)!.sentences[v.sentence]!;
      assert.ok(v.start >= sp.start && v.end <= sp.end, `evidence ${v.start}-${v.end} inside sentence ${sp.start}-${sp.end}`);
    }
  // history recalled in passing is background with its own year
  assert.ok(exp.events.some((e) => e.background && e.date.value?.startsWith('1965')), 'relations established in 1965: background');
  // agreements listed, with their kind and the count the article claims
  const mou = exp.agreements.find((g) => /Energi Terbarukan/.test(g.title));
  assert.ok(mou, 'the memorandum is an agreement record');
  assert.match(mou.kind, /^memorandum/);
  // the quote's speaker is the person entity
  const q = exp.quotes.find((x) => /memperdalam/.test(x.text));
  assert.ok(q?.speaker, 'the Indonesian quote has a speaker');
  assert.equal(q.speaker.entity, montes.id);
});

test('export --format plover writes one PLOVER record per event; --format csv a table a spreadsheet cannot execute', () => {
  const pl = kabar(['export', '--format', 'plover', '--db', db]);
  assert.equal(pl.status, 0, pl.stderr);
  const lines = pl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, exp.events.length);
  const visit = lines.find((l) => l.event === 'CONSULT' && l.mode === 'visit' && !l.background);
  assert.ok(visit.source.some((s: { code?: string }) => s.code === 'CHL'), 'actors carry ISO alpha-3 codes as PLOVER does');
  assert.ok(typeof visit.text === 'string' && visit.text.length > 0, 'with the sentence it was coded from');
  const csv = kabar(['export', '--format', 'csv', '--table', 'entities', '--db', db]);
  assert.equal(csv.status, 0, csv.stderr);
  assert.match(csv.stdout.split('\r\n')[0]!, /^id,type,name,country/);
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField(['x', 'y']), 'x; y');
});

test('kabar entities lists entities with roles and codes; an unknown story is a clear error', () => {
  const r = kabar(['entities', '--db', db, '--type', 'place']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /PLACE\s+Chile \[CL\]/);
  assert.doesNotMatch(r.stdout, /PERSON/);
  const bad = kabar(['entities', '--db', db, '--story', 'nope']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /no story nope/);
});
