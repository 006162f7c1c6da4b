// The reader and the API over a PostgreSQL store: home, a story page (computed, then kept in the store's
// story_cache), search with diacritics folded, filters and API calls, with the same answers as over SQLite.
// Needs PostgreSQL on 127.0.0.1:5432 (KABAR_TEST_PG); skips without it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, tmpDir } from './helpers.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { ingestInputs } from '../src/ingest/run.ts';
import { createApp } from '../src/server/app.tsx';
import { clearCaches, SNIP_OPEN } from '../src/server/data.ts';
import { buildExport } from '../src/export/json.ts';
import { processRaw } from '../src/pipeline.ts';
import { ingestDoc } from '../src/store/ingest.ts';
import { postgresUnavailable, tempDatabase } from '../src/queue/testutil.ts';

const skip = await postgresUnavailable();
if (skip) console.log(`# server-postgres.test.ts: ${skip}`);

describe('reader on PostgreSQL', { skip: skip ?? false }, () => {
  let pg: Store;
  let sq: Store;
  let drop = async () => {};
  const dir = tmpDir();

  before(async () => {
    const t = await tempDatabase('server');
    drop = t.drop;
    pg = await openStore(t.url);
    sq = await openStore(path.join(dir, 'kabar.db'));
    for (const s of [pg, sq]) {
      const r = await ingestInputs(s, [path.join(repoRoot, 'examples')]);
      assert.equal(r.failed, 0);
    }
  });
  after(async () => {
    await pg?.close();
    await sq?.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = async (app: ReturnType<typeof createApp>, p: string) => {
    const r = await app.request(p, { headers: { cookie: 'kabar_csrf=BBBBBBBBBBBBBBBBBBBBBBBB' } });
    return { status: r.status, type: r.headers.get('content-type') ?? '', body: await r.text() };
  };

  test('home, story page (kept in the store), search, filters and the API answer as on SQLite', async () => {
    const errors: string[] = [];
    const onError = (e: Error) => void errors.push(e.stack ?? e.message);
    const pa = createApp({ store: pg, onError });
    const sa = createApp({ store: sq, onError });

    const home = await get(pa, '/');
    assert.equal(home.status, 200);
    const stories = JSON.parse((await get(pa, '/api/stories?limit=50')).body).stories as Array<{ id: string; title: string; articles: number }>;
    assert.deepEqual(stories, JSON.parse((await get(sa, '/api/stories?limit=50')).body).stories.map((s: { updatedAt: string }, i: number) => ({ ...s, updatedAt: (stories[i] as unknown as { updatedAt: string }).updatedAt })));
    assert.ok(stories.length >= 3);
    const big = [...stories].sort((a, b) => b.articles - a.articles)[0]!;
    assert.ok(home.body.includes(`/story/${big.id}`), 'home links the story');

    // the story page: computed on the first request, kept in PostgreSQL, the same page after memory is gone
    const first = await get(pa, `/story/${big.id}`);
    assert.equal(first.status, 200);
    assert.match(first.body, /id="h-timeline"/);
    assert.match(first.body, new RegExp(`${big.articles} articles`));
    const kept = await pg.db.selectFrom('story_cache' as never).select(['variant' as never]).where('story_id' as never, '=', big.id as never).execute();
    assert.deepEqual((kept as Array<{ variant: string }>).map((r) => r.variant).sort(), ['doc', 'page:en:11', 'view']);
    clearCaches();
    assert.equal((await get(pa, `/story/${big.id}`)).body, first.body);
    assert.equal((await get(sa, `/story/${big.id}`)).body, first.body, 'the same page from both engines');

    // the API's document is the export's, and the same from both engines
    const doc = await get(pa, `/api/stories/${big.id}`);
    assert.equal(doc.status, 200);
    assert.equal(doc.body, JSON.stringify(await buildExport(pg, { storyIds: [big.id] })));
    assert.equal(doc.body, (await get(sa, `/api/stories/${big.id}`)).body);
    for (const p of [`/api/claims?story=${big.id}`, `/api/events?story=${big.id}`, `/api/articles?story=${big.id}`, `/api/stories/${big.id}/entities`]) {
      const [a, b] = [await get(pa, p), await get(sa, p)];
      assert.equal(a.status, 200, p);
      assert.equal(a.body, b.body, p);
    }

    // search: diacritics folded, matches marked, the same articles as SQLite finds
    const exp = JSON.parse(doc.body);
    const all = await buildExport(pg);
    const accented = all.articles.find((a) => a.text.includes('Hà Nội'));
    assert.ok(accented, 'examples/ has an article mentioning Hà Nội');
    const hits = JSON.parse((await get(pa, '/api/search?q=Ha%20Noi')).body).hits as Array<{ article: string; snippet: string }>;
    assert.ok(hits.some((h) => h.article === accented.id));
    assert.ok(hits.every((h) => h.snippet.includes(SNIP_OPEN)), 'snippets mark the match');
    const sqHits = JSON.parse((await get(sa, '/api/search?q=Ha%20Noi')).body).hits as Array<{ article: string }>;
    assert.deepEqual(hits.map((h) => h.article).sort(), sqHits.map((h) => h.article).sort());
    const page = await get(pa, '/?q=Ha+Noi');
    assert.equal(page.status, 200);
    assert.match(page.body, /<mark/);
    assert.deepEqual(JSON.parse((await get(pa, '/api/search?q=zzqx%20nonexistentword')).body).hits, []);

    // filters: language, dates (a datetime on the last day is within "until" that day), outlet
    const a0 = exp.articles[0];
    const day = String(a0.published).slice(0, 10);
    for (const q of [`lang=${a0.language}`, `from=${day}&to=${day}`, `outlet=${encodeURIComponent(a0.outlet)}`]) {
      const [x, y] = [await get(pa, `/api/stories?${q}`), await get(sa, `/api/stories?${q}`)];
      assert.equal(x.status, 200, q);
      const ids = (b: string) => (JSON.parse(b).stories as Array<{ id: string }>).map((s) => s.id);
      assert.ok(ids(x.body).includes(big.id), q);
      assert.deepEqual(ids(x.body), ids(y.body), q);
    }
    for (const p of ['/api/entities?limit=5', `/article/${a0.id}`, `/api/articles/${a0.id}`]) assert.equal((await get(pa, p)).status, 200, p);

    // kept search results and pages: an article added afterwards shows on the next request
    const titles = async () => (JSON.parse((await get(pa, '/api/search?q=Qorvel')).body).hits as Array<{ title: string }>).map((h) => h.title);
    assert.deepEqual(await titles(), []);
    assert.doesNotMatch((await get(pa, '/?q=Qorvel')).body, /Qorvel lighthouse/);
    await ingestDoc(pg, processRaw({ input: 'q.txt', format: 'text', content: 'The Qorvel lighthouse was relit on Friday after a year of repairs, the port authority said.', hints: { title: 'Qorvel lighthouse relit', outlet: 'Cape Weekly', published: '2025-07-04', language: 'en' } }));
    assert.deepEqual(await titles(), ['Qorvel lighthouse relit']);
    assert.match((await get(pa, '/?q=Qorvel')).body, /Qorvel lighthouse relit/);
    assert.deepEqual(errors, []);
  });
});
