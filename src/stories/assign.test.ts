import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleDoc } from '../types.ts';
import type { Store } from '../store/db.ts';
import { detectReuse } from '../reuse/detect.ts';
import { makeDoc, tempStore } from '../reuse/testutil.ts';
import { StoryBatch, assignStory, defaultStoryOptions, flushStoryBatch, lookupPostings, mergeRecentPostings, parseStoredVector, storyIdFor, type Assignment, type StoryOptions } from './assign.ts';
import { directSql } from '../store/bulk.ts';
import { getStory } from '../store/queries.ts';
import { buildExport } from '../export/json.ts';

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

async function ingest(store: Store, doc: ArticleDoc, opts: StoryOptions = defaultStoryOptions, moveRecent = false): Promise<Assignment> {
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
    // as ingestDocs runs it: the store's direct statements, increments written at the end
    const direct = directSql(store.sqlite);
    const reuse = await detectReuse(trx, doc, undefined, direct);
    const batch = new StoryBatch(direct);
    const assigned = await assignStory(trx, doc, reuse, opts, batch);
    await flushStoryBatch(trx, batch);
    // as ingestDocs does once a batch's recent rows reach their limit, here after every article
    if (moveRecent) mergeRecentPostings(direct!, 1);
    return assigned;
  });
}

/** Each article's story once all are stored (a later article can move an earlier one). */
async function storiesOf(store: Store, docs: ArticleDoc[]): Promise<string[]> {
  const rows = await store.db.selectFrom('articles').select(['id', 'story_id']).execute();
  const of = new Map(rows.map((r) => [r.id, r.story_id!]));
  return docs.map((d) => of.get(d.id)!);
}

async function run(docs: ArticleDoc[]): Promise<string[]> {
  const { store, cleanup } = await tempStore();
  try {
    for (const d of docs) await ingest(store, d);
    return await storiesOf(store, docs);
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

test('stories: a dated report finds an undated one stored before it, its postings recent or moved', async () => {
  const undated = { ...quakeA2, published: null };
  const docs = [...background, undated, quakeA1];
  for (const moveRecent of [false, true]) {
    const { store, cleanup } = await tempStore();
    try {
      // PostgreSQL has no recent rows to move: once is enough there
      if (moveRecent && !store.sqlite) continue;
      for (const d of docs) await ingest(store, d, defaultStoryOptions, moveRecent);
      const [u, dated] = (await storiesOf(store, docs)).slice(background.length);
      assert.equal(dated, u, `moved: ${moveRecent}`);
      // by its postings: no reuse link joins the two
      assert.deepEqual(await store.db.selectFrom('reuse_links').selectAll().execute(), []);
    } finally {
      await cleanup();
    }
  }
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

test('stories: a report that joined a similar event\'s story moves out when that story\'s next report does not fit with it', async () => {
  const { store, cleanup } = await tempStore();
  try {
    for (const d of [...background, quakeA1]) await ingest(store, d);
    // The Cianjur quake's report has only the Lombok story to compare with, and shares its kind of words.
    assert.equal((await ingest(store, quakeB)).storyId, storyIdFor(quakeA1.id));
    // Lombok's second report is close to the first and far from Cianjur's: Cianjur's goes to a story of its own.
    const r = await ingest(store, quakeA2);
    assert.equal(r.storyId, storyIdFor(quakeA1.id));
    assert.equal(r.moved, 1);
    assert.deepEqual(await storiesOf(store, [quakeA1, quakeB, quakeA2]), [storyIdFor(quakeA1.id), storyIdFor(quakeB.id), storyIdFor(quakeA1.id)]);
    const rows = await store.db.selectFrom('stories').selectAll().where('id', 'in', [storyIdFor(quakeA1.id), storyIdFor(quakeB.id)]).orderBy('id').execute();
    const a = rows.find((x) => x.id === storyIdFor(quakeA1.id))!;
    const b = rows.find((x) => x.id === storyIdFor(quakeB.id))!;
    assert.deepEqual([a.article_count, a.first_published, a.last_published, a.title], [2, '2024-03-10', '2024-03-11', quakeA1.title]);
    assert.deepEqual([b.article_count, b.first_published, b.last_published, b.title], [1, '2024-03-14', '2024-03-14', quakeB.title]);
    // Every article's vector row follows its story.
    const off = await store.db.selectFrom('story_vectors as v').innerJoin('articles as a', 'a.id', 'v.article_id').select('a.id').whereRef('a.story_id', '!=', 'v.story_id').execute();
    assert.deepEqual(off, []);
  } finally {
    await cleanup();
  }
});

// One flood reported three times in different words (no shared sentence, so no reuse link); without
// time decay the reports are alike whatever their dates.
const floodReports = [
  'Floodwater from the Kali Seruni breached an embankment in Kota Seruni on Wednesday, forcing 3,400 residents of Desa Wiratama ' +
    'into shelters. Mayor Rendra Wiratmo said pumps were draining the flooded rice fields.',
  'Residents of Desa Wiratama began returning home on Tuesday after the Kali Seruni flood. Mayor Rendra Wiratmo said 3,400 people ' +
    'had left their houses when the embankment in Kota Seruni gave way, and the rice fields were still under water.',
  'Aid trucks reached the shelters in Kota Seruni on Saturday. About 3,400 people from Desa Wiratama are still there, ' +
    'Mayor Rendra Wiratmo said, while pumps clear the water the Kali Seruni left in the rice fields after the embankment broke.',
];
const flood = (i: number, day: string) => makeDoc(floodReports[i]!, { title: `Kota Seruni flood (${i + 1})`, published: day, language: 'en' });

test('stories: stories that one report shows to be one merge, and the emptied story id redirects', async () => {
  const { store, cleanup } = await tempStore();
  const opts: StoryOptions = { ...defaultStoryOptions, decayDays: 0 };
  try {
    for (const d of background) await ingest(store, d, opts);
    const first = flood(0, '2024-05-01');
    const late = flood(1, '2024-05-21');
    const middle = flood(2, '2024-05-11');
    // 20 days apart: outside each other's retrieval window, so the late report opens its own story.
    await ingest(store, first, opts);
    assert.equal((await ingest(store, late, opts)).storyId, storyIdFor(late.id));
    // The middle one retrieves both: the three are one story.
    const r = await ingest(store, middle, opts);
    assert.equal(r.merged.length, 1);
    const [s1, s2, s3] = await storiesOf(store, [first, late, middle]);
    assert.ok(s1 === s2 && s2 === s3, 'one story');
    const gone = r.merged[0]!;
    assert.ok([storyIdFor(first.id), storyIdFor(late.id)].includes(gone) && gone !== s1);
    assert.equal(await store.db.selectFrom('stories').select('id').where('id', '=', gone).executeTakeFirst(), undefined);
    const live = await store.db.selectFrom('stories').selectAll().where('id', '=', s1).executeTakeFirstOrThrow();
    assert.deepEqual([live.article_count, live.first_published, live.last_published], [3, '2024-05-01', '2024-05-21']);
    // The old id still resolves: to the story its articles went to.
    assert.deepEqual(await store.db.selectFrom('story_redirects').select(['id', 'story_id']).execute(), [{ id: gone, story_id: s1 }]);
    assert.equal((await getStory(store, gone))?.story.id, s1);
    assert.deepEqual((await buildExport(store, { storyIds: [gone] })).stories.map((s) => s.id), [s1]);
  } finally {
    await cleanup();
  }
});

test('stories: a stored vector reads the same from its array form and from the object form of older stores', () => {
  const keys = ['#:n3400', 'e:kotaseruni', 'n:kota seruni', 'w:banjir'];
  const vals = [0.2, 0.5, 0.4, 0.74162];
  const fromArrays = parseStoredVector(JSON.stringify([keys, vals]));
  const fromObject = parseStoredVector(JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, vals[i]]))));
  assert.deepEqual(fromArrays, fromObject);
  assert.deepEqual(fromArrays.kinds, ['#', 'e', 'n', 'w']);
});

test('stories: postings moved from the recent table after every article, or never, give the same stories', async (t) => {
  const undated = makeDoc('Rescue teams searched collapsed houses in Lombok Utara after the 6.2 earthquake, Governor Zulkieflimansyah said.', { language: 'en' });
  const docs = [...background, quakeA1, undated, quakeB, quakeA2];
  // one after the other: on PostgreSQL each is a new database (created in turn)
  const runs = [await tempStore(), await tempStore()];
  try {
    if (!runs[0].store.sqlite) return t.skip('SQLite only: PostgreSQL writes story_postings directly');
    for (const d of docs) for (const [i, r] of runs.entries()) await ingest(r.store, d, defaultStoryOptions, i === 0);
    assert.deepEqual(await storiesOf(runs[0].store, docs), await storiesOf(runs[1].store, docs));
    const rows = async (s: Store, table: 'story_postings' | 'story_postings_recent') =>
      (await s.db.selectFrom(table).select(['key', 'day', 'article_id']).orderBy(['key', 'day', 'article_id']).execute()).map((r) => `${r.key} ${r.day} ${r.article_id}`);
    assert.deepEqual(await rows(runs[0].store, 'story_postings_recent'), []);
    assert.deepEqual(await rows(runs[1].store, 'story_postings'), []);
    const moved = await rows(runs[0].store, 'story_postings');
    assert.ok(moved.some((r) => r.includes(' null ')), 'an undated posting');
    assert.deepEqual(moved, await rows(runs[1].store, 'story_postings_recent'));
    // the merged quake reports still find each other after the move
    const [a1, , , a2] = (await storiesOf(runs[0].store, docs)).slice(background.length);
    assert.equal(a1, a2);
  } finally {
    for (const r of runs) await r.cleanup();
  }
});

/** `body` on a new store when it is SQLite (skipped with `why` on PostgreSQL), the store removed after. */
async function onSqliteStore(t: TestContext, why: string, body: (store: Store) => Promise<void>): Promise<void> {
  const { store, cleanup } = await tempStore();
  try {
    if (!store.sqlite) return t.skip(`SQLite only: ${why}`);
    await body(store);
  } finally {
    await cleanup();
  }
}

test('stories: on SQLite, assignStory without the store\'s direct statements fails with a clear error and leaves nothing', (t) =>
  onSqliteStore(t, 'PostgreSQL goes through the query builder', async (store) => {
    await assert.rejects(store.db.transaction().execute((trx) => assignStory(trx, quakeA1, [], defaultStoryOptions)), /direct statements/);
    assert.equal((await store.db.selectFrom('story_postings_recent').selectAll().execute()).length, 0);
    assert.equal((await store.db.selectFrom('stories').selectAll().execute()).length, 0);
  }));

test('stories: on SQLite, the vectors kept with the connection are the stored ones, and stories come out the same without them', async (t) => {
  const docs = [...background, quakeA1, quakeB, quakeA2];
  const runs = [await tempStore(), await tempStore()];
  try {
    if (!runs[0].store.sqlite) return t.skip('SQLite only: the memo is the direct runner\'s');
    for (const d of docs) {
      for (const [i, r] of runs.entries()) {
        // the second store's connection forgets its vectors before every article: each is read and parsed from the store
        if (i === 1) directSql(r.store.sqlite)!.memo('stories:vectors').clear();
        await ingest(r.store, d);
      }
    }
    assert.deepEqual(await storiesOf(runs[0].store, docs), await storiesOf(runs[1].store, docs));
    // what the first connection kept as it wrote each vector equals the vector read back from the store
    const memo = directSql(runs[0].store.sqlite)!.memo<{ arrays: { keys: string[]; vals: number[]; kinds: string[] } }>('stories:vectors');
    const stored = await runs[0].store.db.selectFrom('story_vectors').select(['article_id', 'vector']).execute();
    assert.equal(stored.length, docs.length);
    for (const r of stored) {
      const kept = memo.get(r.article_id)?.arrays;
      // (the scoring adds the parts it picked out to a kept vector)
      assert.deepEqual(kept && { keys: kept.keys, vals: kept.vals, kinds: kept.kinds }, parseStoredVector(r.vector), r.article_id);
    }
  } finally {
    for (const r of runs) await r.cleanup();
  }
});

test('stories: on SQLite, the postings lookup gives each key its rows of both tables in the window, undated ones too, at most the limit', (t) =>
  onSqliteStore(t, 'the one-statement lookup is the direct runner\'s', async (store) => {
    const direct = directSql(store.sqlite)!;
    const put = (table: string, key: string, day: number | null, id: string) => direct.run(`INSERT INTO ${table} (key, day, article_id) VALUES (?, ?, ?)`, [key, day, id]);
    // w:a: 2 old + 2 recent in the window, one outside; w:b: 6 rows (past a limit of 4); w:c none; w:d undated only
    put('story_postings', 'w:a', 100, 'a1');
    put('story_postings', 'w:a', 103, 'a2');
    put('story_postings', 'w:a', 130, 'far');
    put('story_postings_recent', 'w:a', 99, 'a3');
    put('story_postings_recent', 'w:a', 101, "a'4,\"x\"");
    for (let i = 0; i < 3; i++) put('story_postings', 'w:b', 100 + i, `b${i}`);
    for (let i = 3; i < 6; i++) put('story_postings_recent', 'w:b', 100, `b${i}`);
    const keys = ['w:d', 'w:a', 'w:b', 'w:c'];
    const ids = (ps: Array<{ key: string; articles: string[] }>) => ps.map((p) => `${p.key}=${[...p.articles].sort().join('|')}`);
    const got = await lookupPostings(store.db, keys, 101, 3, 4, direct);
    assert.deepEqual(got.map((p) => p.key), keys, 'in the order asked');
    assert.deepEqual(ids(got).filter((s) => !s.startsWith('w:b')), ['w:d=', "w:a=a'4,\"x\"|a1|a2|a3", 'w:c=']);
    assert.equal(got[2]!.articles.length, 4, 'a key past the limit gives the limit');
    // with undated postings in the store, they match any window; without a day, every row of the key
    put('story_postings_recent', 'w:d', null, 'd1');
    put('story_postings', 'w:a', null, 'a5');
    assert.deepEqual(ids(await lookupPostings(store.db, ['w:a', 'w:d'], 101, 3, 10, direct)), ["w:a=a'4,\"x\"|a1|a2|a3|a5", 'w:d=d1']);
    assert.deepEqual(ids(await lookupPostings(store.db, ['w:a', 'w:c'], null, 3, 10, direct)), ["w:a=a'4,\"x\"|a1|a2|a3|a5|far", 'w:c=']);
  }));
