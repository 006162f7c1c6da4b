// The stage as the store runs it: ingestDoc calls detectReuse then assignStory in its transaction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestDoc, ingestDocs } from '../store/ingest.ts';
import { listReuse } from '../reuse/detect.ts';
import { makeDoc, tempStore } from '../reuse/testutil.ts';
import { storyIdFor } from './assign.ts';

const wire =
  'Floodwaters from the Citarum River submerged 4,300 homes in Bandung Regency on Friday, the disaster agency said. ' +
  'Agency spokesman Abdul Muhari said 12,000 residents had been moved to temporary shelters in Baleendah and Dayeuhkolot. ';

test('ingest: a wire copy and its rewrite join one story with a reuse link; re-ingesting changes nothing', async () => {
  const { store, cleanup } = await tempStore();
  try {
    const a = makeDoc(wire + 'Heavy rain is expected to continue until Sunday.', { title: 'Citarum floods 4,300 homes', published: '2024-02-02' });
    const b = makeDoc('Local officials opened a second field kitchen on Saturday. ' + wire, { title: 'Bandung flood: 12,000 evacuated', published: '2024-02-03' });
    const c = makeDoc('The stock exchange closed higher on Friday as banking shares gained for a third session in a row.', { published: '2024-02-02' });
    const ra = await ingestDoc(store, a);
    const rb = await ingestDoc(store, b);
    const rc = await ingestDoc(store, c);
    assert.equal(ra.storyId, storyIdFor(a.id));
    assert.equal(rb.storyId, ra.storyId);
    assert.equal(rc.storyId, storyIdFor(c.id));
    const links = await listReuse(store.db);
    assert.equal(links.length, 1);
    assert.deepEqual([links[0].a, links[0].b, links[0].sentences.length], [a.id, b.id, 2]);

    const again = await ingestDoc(store, { ...b, input: 'elsewhere' });
    assert.deepEqual([again.status, again.storyId], ['present', ra.storyId]);
    const story = await store.db.selectFrom('stories').selectAll().where('id', '=', ra.storyId!).executeTakeFirstOrThrow();
    assert.equal(story.article_count, 2);
    assert.equal(story.first_published, '2024-02-02');
    assert.equal(story.last_published, '2024-02-03');
    const stats = await store.db.selectFrom('story_stats').select('value').where('name', '=', 'docs').executeTakeFirstOrThrow();
    assert.equal(Number(stats.value), 3);
  } finally {
    await cleanup();
  }
});

test('ingest: a batch in one transaction stores what one-by-one ingest stores (df, stories, reuse), duplicates once', async () => {
  const docs = [
    makeDoc(wire + 'Heavy rain is expected to continue until Sunday.', { title: 'Citarum floods 4,300 homes', published: '2024-02-02' }),
    makeDoc('Local officials opened a second field kitchen on Saturday. ' + wire, { title: 'Bandung flood: 12,000 evacuated', published: '2024-02-03' }),
    makeDoc('The stock exchange closed higher on Friday as banking shares gained for a third session in a row.', { published: '2024-02-02' }),
  ];
  const batchDocs = [...docs, { ...docs[1]!, input: 'copy-of-b' }];
  const one = await tempStore();
  const many = await tempStore();
  try {
    const single = [];
    for (const d of batchDocs) single.push(await ingestDoc(one.store, d));
    const batched = await ingestDocs(many.store, batchDocs);
    assert.deepEqual(batched, single);
    assert.deepEqual(batched.map((r) => r.status), ['added', 'added', 'added', 'present']);
    const dump = async (s: typeof one.store) => ({
      df: await s.db.selectFrom('story_df').selectAll().orderBy('key').execute(),
      stats: await s.db.selectFrom('story_stats').selectAll().execute(),
      vectors: await s.db.selectFrom('story_vectors').selectAll().orderBy('article_id').execute(),
      links: await listReuse(s.db),
      inputs: await s.db.selectFrom('inputs').select(['input', 'article_id']).orderBy('input').execute(),
    });
    assert.deepEqual(await dump(many.store), await dump(one.store));
    // again: nothing added
    const again = await ingestDocs(many.store, batchDocs);
    assert.deepEqual(again.map((r) => r.status), ['present', 'present', 'present', 'present']);
  } finally {
    await one.cleanup();
    await many.cleanup();
  }
});
