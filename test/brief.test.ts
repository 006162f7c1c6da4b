// The cross-check and the brief on the bundled examples (examples/, answer key in examples/MANIFEST.json):
// every cited sentence of every brief exists verbatim in the article it cites; every planted disagreement is
// found contested and nothing else is — on the stories the store forms, and on the answer key's events (which
// separates the cross-check from story clustering).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { kabar, repoRoot, testDb } from './helpers.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { buildExport } from '../src/export/json.ts';
import { kabarExport, type KabarExport } from '../src/export/schema.ts';
import { briefOf, renderBrief, type BriefCitation } from '../src/publish/brief.ts';
import { crossCheck } from '../src/crosscheck/index.ts';

interface Side {
  value: string | number;
  files: string[];
}
interface Planted {
  event: string;
  attribute: string;
  subject: string;
  values: Side[];
}
interface Manifest {
  articles: Array<{ ref: string; event: string }>;
  events: Array<{ id: string; summary: string }>;
  disagreements: Planted[];
}
const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples/MANIFEST.json'), 'utf8'));

let db: string;
let store: Store;
let doc: KabarExport;
const refOf = new Map<string, string>(); // article id → manifest ref
const idOf = new Map<string, string>(); // manifest ref → article id
const eventOfRef = new Map(manifest.articles.map((m) => [m.ref, m.event]));

before(async () => {
  db = await testDb('brief');
  const r = kabar(['start', '--no-serve', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  store = await openStore(db);
  doc = kabarExport.parse(await buildExport(store));
  for (const a of doc.articles) {
    const ref = path.relative(path.join(repoRoot, 'examples'), a.input);
    refOf.set(a.id, ref);
    idOf.set(ref, a.id);
  }
});

after(async () => {
  await store?.close();
});

function checkCitation(d: Pick<KabarExport, 'articles' | 'stories'>, storyId: string, c: BriefCitation, what: string): void {
  const story = d.stories.find((s) => s.id === storyId)!;
  assert.ok(story.articles.includes(c.article), `${what}: cites ${c.article}, not in story ${storyId}`);
  const a = d.articles.find((x) => x.id === c.article)!;
  assert.ok(c.start >= 0 && c.end <= a.text.length && c.start <= c.end, `${what}: span inside the article`);
  assert.ok(a.sentences[c.sentence], `${what}: sentence ${c.sentence} exists`);
}

test('every cited sentence of every brief exists verbatim in the article it cites', () => {
  assert.ok(doc.stories.length >= 5);
  for (const s of doc.stories) {
    const b = briefOf(doc, s.id);
    assert.ok(b.whatHappened.length > 0, `story ${s.id} has sentences`);
    for (const w of b.whatHappened) {
      const a = doc.articles.find((x) => x.id === w.cite.article)!;
      checkCitation(doc, s.id, w.cite, 'what happened');
      assert.equal(a.text.slice(w.cite.start, w.cite.end), w.text, `sentence of ${refOf.get(a.id)} verbatim at its span`);
      assert.deepEqual(a.sentences[w.cite.sentence], { start: w.cite.start, end: w.cite.end }, 'a whole sentence of the article');
      assert.ok(a.text.includes(w.text));
    }
    for (const f of [...b.keyFacts, ...b.disagreements]) for (const v of f.values) for (const c of v.sources) checkCitation(doc, s.id, c, `fact ${f.attribute}`);
    for (const q of b.quotes) for (const c of q.sources) checkCitation(doc, s.id, c, 'quote');
    for (const t of b.timeline) for (const c of t.sources) checkCitation(doc, s.id, c, 'timeline');
    // Markdown and HTML render without error and cite outlets
    assert.match(renderBrief(doc, s.id, 'md'), /## What happened\n\n- .+\[\[.+\]\]\(https:\/\//);
    assert.match(renderBrief(doc, s.id, 'html'), /<section id="what-happened">/);
  }
});

test('kabar brief prints the same brief as the library, and fails on an unknown story', () => {
  const s = doc.stories[0]!;
  const r = kabar(['brief', s.id, '--format', 'json', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  const fromCli = JSON.parse(r.stdout);
  const lib = JSON.parse(renderBrief(doc, s.id, 'json'));
  // the single-story export has the same articles for this story, so the same brief
  assert.deepEqual(fromCli, lib);
  const bad = kabar(['brief', 'sdoesnotexist', '--db', db]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /no story sdoesnotexist/);
});

// ---------------------------------------------------------------------------------------------------------------
// planted disagreements

const norm = (v: string | number) => (typeof v === 'number' ? v : v.toLowerCase().replace(/-/g, ' ').trim());
function valueMatches(claimValue: string | number, planted: string | number): boolean {
  const c = norm(claimValue);
  const p = norm(planted);
  if (typeof p === 'number' || typeof c === 'number') return Number(c) === Number(p);
  return c === p || (/^\d{4}-\d{2}-\d{2}$/.test(p) && c.replace(/^xxxx/, p.slice(0, 4)) === p);
}

type Claims = KabarExport['claims'];

/** The contested claim of `claims` that shows the planted disagreement, each side with some of its files. */
function foundIn(claims: Claims, d: Planted): Claims[number] | undefined {
  return claims.find(
    (c) =>
      c.status === 'contested' &&
      d.values.every((side) => c.values.some((v) => valueMatches(v.value, side.value) && v.articles.some((a) => side.files.includes(refOf.get(a)!)))),
  );
}

/** Is a contested claim one of the planted disagreements of its event? */
function planted(c: Claims[number], event: string): boolean {
  return manifest.disagreements.some((d) => d.event === event && c.values.every((v) => d.values.some((side) => valueMatches(v.value, side.value))) && new Set(c.values.map((v) => d.values.findIndex((side) => valueMatches(v.value, side.value)))).size >= 2);
}

// what the cross-check has no attribute for yet; anything else missing fails
const NOT_COVERED: Record<string, string> = {};

/** Why a planted kind-of-document disagreement cannot be found: the agreement coder gives no record of that kind. */
function upstreamGap(d: Planted, agreements: KabarExport['agreements']): string | null {
  if (!d.attribute.startsWith('documents.') || !d.attribute.endsWith('.kind') || NOT_COVERED[d.attribute]) return null;
  for (const side of d.values)
    for (const f of side.files) {
      const id = idOf.get(f);
      if (!agreements.some((g) => g.evidence.some((e) => e.article === id) && valueMatches(g.kind, side.value)))
        return `upstream: agreements[] has no "${side.value}" record for ${f} (agreement coder)`;
    }
  return null;
}

test('planted disagreements in the stories the store forms (both sides in one story)', async (t) => {
  for (const d of manifest.disagreements) {
    const files = d.values.flatMap((v) => v.files);
    const stories = new Set(files.map((f) => doc.articles.find((a) => a.id === idOf.get(f))!.story));
    const together = [...stories].filter((s) => d.values.every((side) => side.files.some((f) => doc.articles.find((a) => a.id === idOf.get(f))!.story === s)));
    const todo = NOT_COVERED[d.attribute] ?? upstreamGap(d, doc.agreements) ?? (together.length ? undefined : `upstream: the sides are in different stories (${[...stories].join(', ')}): story clustering`);
    await t.test(`${d.event} ${d.attribute}: ${d.values.map((v) => v.value).join(' vs ')}`, { todo }, () => {
      const claims = doc.claims.filter((c) => together.includes(c.story));
      assert.ok(foundIn(claims, d), 'a contested claim with each side');
    });
  }
});

test('nothing that was not planted is contested in the stories the store forms', () => {
  for (const c of doc.claims.filter((x) => x.status === 'contested')) {
    const story = doc.stories.find((s) => s.id === c.story)!;
    const event = eventOfRef.get(refOf.get(story.articles[0]!)!)!;
    assert.ok(planted(c, event), `not planted: ${c.story} ${c.subject.label} ${c.attribute} ${JSON.stringify(c.values.map((v) => [v.value, v.articles.map((a) => refOf.get(a))]))}`);
  }
});

/** The export with stories replaced by the answer key's events: the cross-check without story clustering. */
function byEvent(): KabarExport {
  const ev = (article: string) => eventOfRef.get(refOf.get(article)!)!;
  const d = structuredClone(doc);
  d.stories = manifest.events.map((e) => ({ id: e.id, title: e.summary, articles: d.articles.filter((a) => ev(a.id) === e.id).map((a) => a.id), firstPublished: null, lastPublished: null }));
  for (const a of d.articles) a.story = ev(a.id);
  for (const e of d.events) e.story = ev(e.evidence[0]!.article);
  for (const g of d.agreements) g.story = ev(g.evidence[0]!.article);
  return { ...d, ...crossCheck(d) };
}

test('planted disagreements with stories as the answer key groups them', async (t) => {
  const d = byEvent();
  for (const p of manifest.disagreements) {
    const todo = NOT_COVERED[p.attribute] ?? upstreamGap(p, d.agreements) ?? undefined;
    await t.test(`${p.event} ${p.attribute}: ${p.values.map((v) => v.value).join(' vs ')}`, { todo }, () => {
      const c = foundIn(d.claims.filter((x) => x.story === p.event), p);
      assert.ok(c, 'a contested claim with each side');
      // each side's sources: the files that state it are among its articles, copies counted once
      for (const side of p.values) {
        const v: Claims[number]['values'][number] = c.values.find((x) => valueMatches(x.value, side.value))!;
        assert.ok(v.independentSources >= 1 && v.independentSources <= v.articles.length);
      }
    });
  }
  for (const c of d.claims.filter((x) => x.status === 'contested'))
    assert.ok(planted(c, c.story), `not planted: ${c.story} ${c.subject.label} ${c.attribute} ${JSON.stringify(c.values.map((v) => [v.value, v.articles.map((a) => refOf.get(a))]))}`);
});
