import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleDoc } from '../types.ts';
import type { Store } from '../store/db.ts';
import { detectReuse } from '../reuse/detect.ts';
import { makeDoc, tempStore } from '../reuse/testutil.ts';
import { assignStory, centroidCosine as centroidOf, storedVector, storyIdFor, type Weighted } from './assign.ts';

const centroidCosine = (x: Weighted, members: Array<Record<string, number>>, crossOnly: ReadonlySet<string>) => centroidOf(x, members.map(storedVector), crossOnly);

// Two earthquakes (same kind of event, different places, people, dates) and unrelated background news.
const quakeA1 = makeDoc(
  'A magnitude 6.2 earthquake struck Lombok Utara on Sunday, killing 14 people and damaging 1,200 houses. ' +
    'Governor Zulkieflimansyah said rescue teams from Mataram reached the worst-hit villages by evening. ' +
    'The Meteorology Agency recorded 38 aftershocks and warned residents to stay away from damaged buildings.',
  { title: 'Lombok Utara earthquake kills 14', published: '2024-03-10', language: 'en' },
);
const quakeA2 = makeDoc(
  'Rescuers in Lombok Utara were still searching for survivors on Monday after the 6.2 earthquake. ' +
    'The death toll rose to 17, Governor Zulkieflimansyah told reporters in Mataram, and 1,200 houses were damaged. ' +
    'Aftershocks continued through the night, the Meteorology Agency said.',
  { title: 'Lombok Utara quake death toll rises to 17', published: '2024-03-11', language: 'en' },
);
const quakeB = makeDoc(
  'A magnitude 5.8 earthquake hit Cianjur Regency on Thursday, killing three people and damaging 240 houses. ' +
    'Regent Herman Suherman said rescue teams from Bandung reached the affected villages by noon. ' +
    'The Meteorology Agency said 12 aftershocks followed and that no tsunami warning was issued.',
  { title: 'Cianjur earthquake kills three', published: '2024-03-14', language: 'en' },
);
const background = [
  'The central bank kept its benchmark interest rate at 6 percent on Wednesday, citing stable inflation and a firm currency.',
  'The national football team beat Vietnam 2-0 in a friendly match in Jakarta, with both goals coming in the second half.',
  'A new toll road linking Semarang and Demak opened to traffic after three years of construction, the ministry said.',
  'Farmers in Central Java reported a larger rice harvest this season thanks to steady rainfall and new irrigation canals.',
].map((t, i) => makeDoc(t, { published: `2024-03-0${i + 1}`, language: 'en' }));

async function ingest(store: Store, doc: ArticleDoc): Promise<string> {
  return store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('articles')
      .values({
        id: doc.id,
        text_hash: doc.textHash,
        input: doc.input,
        url: null,
        outlet: null,
        title: doc.title,
        published: doc.published,
        language: doc.language,
        language_confidence: 1,
        authors: '[]',
        cited_sources: '[]',
        captions: '[]',
        paragraphs: '[]',
        sentences: JSON.stringify(doc.sentences),
        text: doc.text,
        story_id: null,
        ingested_at: new Date().toISOString(),
      })
      .execute();
    const reuse = await detectReuse(trx, doc);
    return (await assignStory(trx, doc, reuse)).storyId;
  });
}

async function run(docs: ArticleDoc[]): Promise<string[]> {
  const { store, cleanup } = await tempStore();
  try {
    const out: string[] = [];
    for (const d of docs) out.push(await ingest(store, d));
    return out;
  } finally {
    await cleanup();
  }
}

test('stories: two reports of one event join, a similar event elsewhere stays apart', async () => {
  const [, , , , a1, b, a2] = await run([...background, quakeA1, quakeB, quakeA2]);
  assert.equal(a1, storyIdFor(quakeA1.id));
  assert.equal(a2, a1);
  assert.equal(b, storyIdFor(quakeB.id));
});

test('stories: the same input order gives the same stories', async () => {
  const order = [quakeB, ...background.slice(0, 2), quakeA2, ...background.slice(2), quakeA1];
  const first = await run(order);
  const second = await run(order);
  assert.deepEqual(second, first);
  // the first article of a story names it
  assert.equal(first[3], storyIdFor(quakeA2.id));
  assert.equal(first[6], storyIdFor(quakeA2.id));
});

test('stories: the stories row counts members and spans their dates', async () => {
  const { store, cleanup } = await tempStore();
  try {
    for (const d of [...background, quakeA1, quakeB, quakeA2]) await ingest(store, d);
    const rows = await store.db.selectFrom('stories').selectAll().orderBy('id').execute();
    assert.equal(rows.length, 6);
    const a = rows.find((r) => r.id === storyIdFor(quakeA1.id))!;
    assert.equal(a.article_count, 2);
    assert.equal(a.first_published, '2024-03-10');
    assert.equal(a.last_published, '2024-03-11');
    assert.equal(a.title, 'Lombok Utara earthquake kills 14');
    assert.ok(a.created_at <= a.updated_at);
    const total = rows.reduce((n, r) => n + r.article_count, 0);
    assert.equal(total, 7);
    const members = await store.db.selectFrom('articles').select(['id', 'story_id']).where('story_id', '=', a.id).orderBy('id').execute();
    assert.deepEqual(members.map((m) => m.id).sort(), [quakeA1.id, quakeA2.id].sort());
  } finally {
    await cleanup();
  }
});

test('stories: outside the date window an article opens a new story; undated ones are compared anyway', async () => {
  const later = { ...quakeA2, published: '2024-06-30' };
  const [, , , , a1, far] = await run([...background, quakeA1, later]);
  assert.notEqual(far, a1);
  const undated = { ...quakeA2, published: null };
  const [, , , , b1, near] = await run([...background, quakeA1, undated]);
  assert.equal(near, b1);
});

test('stories: a reused passage is strong evidence', async () => {
  // b shares two long sentences with a but adds an unrelated lead: reuse carries it into a's story.
  const a = quakeA1;
  const b = makeDoc(
    'Markets in the capital were quiet on Sunday as traders waited for the holiday weekend to end. ' +
      'Governor Zulkieflimansyah said rescue teams from Mataram reached the worst-hit villages by evening. ' +
      'The Meteorology Agency recorded 38 aftershocks and warned residents to stay away from damaged buildings.',
    { title: 'Weekend roundup', published: '2024-03-10', language: 'en' },
  );
  const [, , , , sa, sb] = await run([...background, a, b]);
  assert.equal(sb, sa);
});


test('stories: a story centroid favours the words its members share over one member\'s side topic', () => {
  const unit = (o: Record<string, number>) => {
    const n = Math.sqrt(Object.values(o).reduce((s, v) => s + v * v, 0));
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v / n]));
  };
  const weighted = (o: Record<string, number>): Weighted => ({ weights: new Map(Object.entries(o)), norm: Math.sqrt(Object.values(o).reduce((s, v) => s + v * v, 0)) });
  const cos = (x: Weighted, m: Record<string, number>) => [...x.weights].reduce((s, [k, w]) => s + w * (m[k] ?? 0), 0) / x.norm;
  // Two members share the event's words (weir, breach, semarang) and each has its own side topic.
  const m1 = unit({ 'w:weir': 1, 'w:breach': 1, 'n:semarang': 1, 'w:heritage': 1, 'w:colonial': 1, 'w:museum': 1 });
  const m2 = unit({ 'w:weir': 1, 'w:breach': 1, 'n:semarang': 1, 'w:blankets': 1, 'w:shelters': 1, 'w:rice': 1 });
  // A cross-language-only key in a stored vector takes no share of it.
  const m2x = { ...m2, 'e:semarang': 0.5 };
  const none = new Set<string>();
  const crossOnly = new Set(['e']);
  const core = weighted({ 'w:weir': 1, 'w:breach': 1, 'n:semarang': 1, 'w:schools': 1, 'w:exams': 1 });
  const c = centroidCosine(core, [m1, m2], none);
  assert.ok(c > cos(core, m1) + 0.05 && c > cos(core, m2) + 0.05, `centroid ${c} vs members ${cos(core, m1)}, ${cos(core, m2)}`);
  assert.ok(Math.abs(centroidCosine(core, [m1, m2x], crossOnly) - c) < 1e-9);
  // An article about one member's side topic matches that member better than the story as a whole.
  const side = weighted({ 'w:heritage': 1, 'w:colonial': 1, 'w:museum': 1, 'n:semarang': 1 });
  assert.ok(centroidCosine(side, [m1, m2], none) < cos(side, m1) - 0.05);
  // One member: its own cosine.
  assert.ok(Math.abs(centroidCosine(core, [m1], none) - cos(core, m1)) < 1e-9);
  assert.equal(centroidCosine(weighted({}), [m1, m2], none), 0);
});
