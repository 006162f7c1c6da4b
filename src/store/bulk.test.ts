import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directSql, forgetMemos } from './bulk.ts';
import { openStore } from './db.ts';
import { tempStore, makeDoc } from '../reuse/testutil.ts';
import { ingestDocs } from './ingest.ts';

test('shared memos: kept across this connection\'s own commits, emptied by another connection\'s commit and by forgetMemos', async (t) => {
  const { store, cleanup } = await tempStore();
  try {
    if (!store.sqlite) return t.skip('SQLite only: the direct runner');
    const other = await openStore(store.location);
    try {
      const mine = directSql(store.sqlite)!;
      mine.sharedMemo<number>('n').set('a', 1);
      store.sqlite.prepare("INSERT INTO story_stats (name, value) VALUES ('x', 1)").run();
      assert.equal(mine.sharedMemo<number>('n').get('a'), 1, 'own commit: kept');
      other.sqlite!.prepare("INSERT INTO story_stats (name, value) VALUES ('y', 1)").run();
      assert.equal(mine.sharedMemo<number>('n').get('a'), undefined, "another connection's commit: emptied");
      mine.sharedMemo<number>('n').set('a', 2);
      forgetMemos(store.sqlite);
      assert.equal(mine.sharedMemo<number>('n').get('a'), undefined, 'rollback: emptied');
    } finally {
      await other.close();
    }
  } finally {
    await cleanup();
  }
});

test('stories: ingest through two connections by turns writes what one connection writes (df read anew after the other\'s commits)', async () => {
  const texts = [
    'Floods hit Semarang on Monday after heavy rain, forcing 300 families from their homes, the city said.',
    'Heavy rain flooded parts of Semarang on Monday and 300 families left their homes, officials said.',
    // by turns: the first connection ingests this one after the second ingested the one before, which raised
    // the df of the words the three share
    'Semarang officials said floodwaters receded on Tuesday and families began returning home.',
    'The central bank kept its rate at 6 percent on Tuesday, citing stable inflation.',
    'Inflation stayed stable in March, the statistics agency said, as the central bank held its rate.',
    'Rain is forecast again for Semarang on Thursday, the weather agency warned.',
  ];
  const docs = texts.map((t, i) => makeDoc(t, { published: `2024-03-0${1 + i}`, language: 'en' }));
  const tables = async (s: Awaited<ReturnType<typeof openStore>>) => ({
    df: await s.db.selectFrom('story_df').select(['key', 'df']).orderBy('key').execute(),
    vectors: await s.db.selectFrom('story_vectors').select(['article_id', 'story_id', 'vector']).orderBy('article_id').execute(),
  });
  const one = await tempStore();
  const two = await tempStore();
  try {
    for (const d of docs) await ingestDocs(one.store, [d]);
    const second = await openStore(two.store.location);
    try {
      for (const [i, d] of docs.entries()) await ingestDocs(i % 2 ? second : two.store, [d]);
    } finally {
      await second.close();
    }
    assert.deepEqual(await tables(two.store), await tables(one.store));
  } finally {
    await one.cleanup();
    await two.cleanup();
  }
});
