import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../store/db.ts';
import { articleEntities } from './index.ts';
import { listEntities, storeEntities } from './store.ts';
import { splitSentences } from '../text/sentences.ts';
import { testDb } from '../../test/helpers.ts';

const doc = (text: string, language: string) => ({ text, sentences: splitSentences(text, language), language });

test('entities merge by key across articles and languages; aliases, roles and mentions per article', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-entities-'));
  const store = await openStore(await testDb('entities'));
  try {
    const id = doc('Presiden Prancis Emmanuel Macron tiba di Jakarta. Macron bertemu pengusaha dari Amerika Serikat.', 'id');
    const en = doc('French President Emmanuel Macron arrived in Jakarta on Monday, officials from the United States said.', 'en');
    const a = await store.db.transaction().execute((trx) => storeEntities(trx, 'art-id', articleEntities(id)));
    const b = await store.db.transaction().execute((trx) => storeEntities(trx, 'art-en', articleEntities(en)));
    assert.ok(a.length > 0 && b.length > 0);
    // storing again is idempotent
    await store.db.transaction().execute((trx) => storeEntities(trx, 'art-id', articleEntities(id)));
    const ents = await listEntities(store.db);
    const macron = ents.filter((e) => /Macron/.test(e.name));
    assert.equal(macron.length, 1, JSON.stringify(ents.map((e) => e.name)));
    assert.deepEqual([...new Set(macron[0]!.mentions.map((m) => m.article))].sort(), ['art-en', 'art-id']);
    assert.equal(macron[0]!.mentions.filter((m) => m.article === 'art-id').length, 2);
    assert.ok(macron[0]!.roles.some((r) => r.title === 'Presiden' && r.article === 'art-id'), JSON.stringify(macron[0]!.roles));
    const us = ents.filter((e) => e.country === 'US' && e.type === 'PLACE');
    assert.equal(us.length, 1);
    assert.deepEqual(us[0]!.aliases.map((x) => x.lang).sort(), ['en', 'id']);
    const jakarta = ents.find((e) => e.name === 'Jakarta');
    assert.ok(jakarta?.coordinates && jakarta.country === 'ID');
    assert.equal(jakarta.mentions.length, 2);
    // story filter: only entities mentioned in that story's articles
    const now = new Date().toISOString();
    await store.db
      .insertInto('stories')
      .values({ id: 's1', title: 't', article_count: 1, first_published: null, last_published: null, created_at: now, updated_at: now } as never)
      .execute();
    const cols = { text_hash: 'h', input: 'x', url: null, outlet: null, title: null, published: null, language: 'en', language_confidence: 1, authors: '[]', cited_sources: '[]', captions: '[]', paragraphs: '[]', sentences: '[]', text: en.text, ingested_at: now };
    await store.db.insertInto('articles').values({ ...cols, id: 'art-en', story_id: 's1' } as never).execute();
    const inStory = await listEntities(store.db, { storyId: 's1' });
    assert.ok(inStory.length > 0);
    assert.ok(inStory.every((e) => e.mentions.every((m) => m.article === 'art-en')));
    assert.deepEqual(await listEntities(store.db, { storyId: 'nope' }), []);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
