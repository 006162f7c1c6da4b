// The reader's kept story pages (src/server/storycache.ts, table story_cache): a page is computed once per story
// version and served from the store after that (also after a restart), and never once it is out of date: an
// article joining the story, a correction filed or reviewed, or shared entity data (an alias, a place's
// coordinates) that another story's article adds all show on the next request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import { openStore, type Store } from '../src/store/db.ts';
import { createApp, storyPageVariant } from '../src/server/app.tsx';
import { clearCaches, storyPage } from '../src/server/data.ts';
import { startServer } from '../src/server/cli.ts';
import { buildExport } from '../src/export/json.ts';
import { ingestRaw, STORY_TEXTS } from './browser/fixture.ts';
import { testDb } from './helpers.ts';
import { deserializePage, inflatePieces, joinPieces, packPage, serializePage } from '../src/server/packed.ts';

let store: Store;
let storyId = '';
before(async () => {
  store = await openStore(await testDb('cache'));
  for (const [i, a] of STORY_TEXTS.slice(0, 2).entries()) {
    const r = await ingestRaw(store, { input: `c-${i}.txt`, format: 'text', content: a.text, hints: { title: a.title, outlet: a.outlet, url: a.url, published: a.published, language: 'en' } });
    if (i === 0) storyId = r.storyId!;
  }
});
after(async () => {
  await store.close();
});

// story_cache is the reader's own table (migration 007), outside the store's typed schema.
const db = () => store.db as unknown as Kysely<any>;
const cookie = { cookie: 'kabar_csrf=AAAAAAAAAAAAAAAAAAAAAAAA' };
async function page(app: ReturnType<typeof createApp>, p: string) {
  const r = await app.request(p, { headers: cookie });
  assert.equal(r.status, 200, p);
  return r.text();
}
const rows = (variant: string) =>
  db().selectFrom('story_cache').select(['version', 'body']).where('story_id', '=', storyId).where('variant', '=', variant).executeTakeFirst() as Promise<{ version: string; body: Buffer } | undefined>;

describe('kept story pages', () => {
  test('computed once, kept in the store, served from it after a restart, with the reader’s CSRF token', async () => {
    const app = createApp({ store });
    const first = await page(app, `/story/${storyId}`);
    assert.match(first, /2 articles/);
    assert.match(first, /name="_csrf" value="AAAAAAAAAAAAAAAAAAAAAAAA"/);
    const html = await rows('page:en:11');
    assert.ok(html && (await rows('doc')) && (await rows('view')), 'document, brief and page kept');
    // a marker written into the kept page is what the next server (memory empty) sends: it reads the row
    const slot = 'csrf-slot-test';
    const text = joinPieces(inflatePieces(deserializePage(html!.body)!), slot).toString('utf8');
    const marked = text.replace('</main>', '<p id="kept-marker">kept</p></main>');
    await db().updateTable('story_cache').set({ body: serializePage(packPage(Buffer.from(marked), slot)) }).where('story_id', '=', storyId).where('variant', '=', 'page:en:11').execute();
    clearCaches();
    const again = await page(createApp({ store }), `/story/${storyId}`);
    assert.match(again, /id="kept-marker"/);
    assert.doesNotMatch(again, /csrf-slot-/);
    // the API's document is the export's, byte for byte
    const api = await app.request(`/api/stories/${storyId}`);
    assert.equal(api.status, 200);
    assert.match(api.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await api.text(), JSON.stringify(await buildExport(store, { storyIds: [storyId] })));
    // a client that accepts gzip gets the kept bytes as stored: the same document
    const gz = await app.request(`/api/stories/${storyId}`, { headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.match(gz.headers.get('vary') ?? '', /accept-encoding/i);
    assert.equal(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8'), JSON.stringify(await buildExport(store, { storyIds: [storyId] })));
    const refused = await app.request(`/api/stories/${storyId}`, { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    assert.equal(refused.headers.get('content-encoding'), null);
    assert.equal(await refused.text(), JSON.stringify(await buildExport(store, { storyIds: [storyId] })));
  });

  test('a client that accepts gzip gets the kept page’s compressed bytes with its own CSRF token', async () => {
    const app = createApp({ store });
    const plain = await page(app, `/story/${storyId}`);
    const r = await app.request(`/story/${storyId}`, { headers: { cookie: 'kabar_csrf=BBBBBBBBBBBBBBBBBBBBBBBB', 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-encoding'), 'gzip');
    assert.match(r.headers.get('vary') ?? '', /accept-encoding/i);
    const html = zlib.gunzipSync(Buffer.from(await r.arrayBuffer())).toString('utf8');
    assert.match(html, /name="_csrf" value="BBBBBBBBBBBBBBBBBBBBBBBB"/);
    assert.equal(html, plain.split('AAAAAAAAAAAAAAAAAAAAAAAA').join('BBBBBBBBBBBBBBBBBBBBBBBB'), 'the same page, another reader’s token');
  });

  test('article pages are kept with their story and computed again after a correction or a new article', async () => {
    const app = createApp({ store });
    const doc = JSON.parse(await (await app.request(`/api/stories/${storyId}`)).text()) as { articles: Array<{ id: string }> };
    const articleId = doc.articles[0]!.id;
    const first = await page(app, `/article/${articleId}`);
    assert.match(first, /name="_csrf" value="AAAAAAAAAAAAAAAAAAAAAAAA"/);
    const kept = await rows(`a:${articleId}:page:en:11`);
    assert.ok(kept, 'the article page is kept with its story');
    assert.ok(kept.version.startsWith((await rows('doc'))!.version + '|'), 'at the story’s version');
    // served from the row (memory empty): a marker written into it shows
    const slot = 'csrf-slot-test';
    const text = joinPieces(inflatePieces(deserializePage(kept.body)!), slot).toString('utf8').replace('</main>', '<p id="article-marker">kept</p></main>');
    await db().updateTable('story_cache').set({ body: serializePage(packPage(Buffer.from(text), slot)) }).where('story_id', '=', storyId).where('variant', '=', `a:${articleId}:page:en:11`).execute();
    clearCaches();
    assert.match(await page(createApp({ store }), `/article/${articleId}`), /id="article-marker"/);
    const gz = await app.request(`/article/${articleId}`, { headers: { ...cookie, 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.match(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8'), /id="article-marker"/);
    // a correction of the article, even one that names no story: the next page shows it
    const filed = await app.request('/api/corrections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ targetKind: 'article', targetId: articleId, message: 'The outlet misspelt the harbour master’s name.' }),
    });
    assert.equal(filed.status, 201);
    const corrected = await page(app, `/article/${articleId}`);
    assert.doesNotMatch(corrected, /id="article-marker"/);
    assert.match(corrected, /misspelt the harbour master/);
    const { id } = (await filed.json()) as { id: number };
    assert.equal((await app.request(`/api/corrections/${id}/review`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'rejected' }) })).status, 200);
    assert.notEqual(await page(app, `/article/${articleId}`), corrected, 'the review state shows');
    assert.equal((await app.request('/article/0000000000000000')).status, 404);
  });

  test('readers who ask for a story while it is computed share that one compute, and its page', async () => {
    await db().deleteFrom('story_cache').where('story_id', '=', storyId).execute();
    clearCaches();
    const v = storyPageVariant('en', true, true);
    // each compute makes its page with a fresh CSRF slot: six readers at once get the same page object only when
    // they waited for one compute
    const got = await Promise.all(Array.from({ length: 6 }, () => storyPage(store, storyId, v)));
    assert.ok(got[0]);
    for (const p of got) assert.equal(p, got[0]);
    assert.ok(await rows('page:en:11'), 'kept');
    // once it is done, the next version's compute (the row's version made stale) is a compute of its own, and is kept
    await db().updateTable('story_cache').set({ version: 'stale' }).where('story_id', '=', storyId).execute();
    clearCaches();
    const again = await storyPage(store, storyId, v);
    assert.ok(again && again !== got[0]);
    assert.notEqual((await rows('doc'))!.version, 'stale');
  });

  test('an article joining the story replaces the kept page and document', async () => {
    const app = createApp({ store });
    const before = (await rows('doc'))!.version;
    const a = STORY_TEXTS[2]!;
    const r = await ingestRaw(store, { input: 'c-2.txt', format: 'text', content: a.text, hints: { title: a.title, outlet: a.outlet, url: a.url, published: a.published, language: 'en' } });
    assert.equal(r.storyId, storyId, 'the third article joins the story');
    const html = await page(app, `/story/${storyId}`);
    assert.doesNotMatch(html, /id="kept-marker"/);
    assert.match(html, /3 articles/);
    assert.match(html, new RegExp(a.outlet));
    const doc = JSON.parse(await (await app.request(`/api/stories/${storyId}`)).text());
    assert.equal(doc.articles.length, 3);
    assert.notEqual((await rows('doc'))!.version, before);
    // the article pages of the story are computed again at its new version: they list the new article's events
    const other = doc.articles[0].id as string;
    await page(app, `/article/${other}`);
    assert.ok((await rows(`a:${other}:page:en:11`))!.version.startsWith((await rows('doc'))!.version + '|'));
  });

  test('a correction filed or reviewed shows at once, in the page and the API', async () => {
    const app = createApp({ store });
    await page(app, `/story/${storyId}`);
    const filed = await app.request('/api/corrections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ targetKind: 'story', targetId: storyId, message: 'The memorandum was signed on the 11th, not the 12th.' }),
    });
    assert.equal(filed.status, 201);
    const { id } = (await filed.json()) as { id: number };
    assert.match(await page(app, `/story/${storyId}`), /signed on the 11th/);
    const doc = JSON.parse(await (await app.request(`/api/stories/${storyId}`)).text());
    // (the story's other reports are the article's, from the test before)
    const own = (d: { corrections: Array<{ id: number; status: string }> }) => d.corrections.filter((c) => c.id === id);
    assert.deepEqual(own(doc).map((c) => [c.id, c.status]), [[id, 'open']]);
    const reviewed = await app.request(`/api/corrections/${id}/review`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'accepted' }) });
    assert.equal(reviewed.status, 200);
    const doc2 = JSON.parse(await (await app.request(`/api/stories/${storyId}`)).text());
    assert.deepEqual(own(doc2).map((c) => c.status), ['accepted']);
    const gz = await app.request(`/api/stories/${storyId}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    const doc3 = JSON.parse(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8'));
    assert.deepEqual(own(doc3).map((c) => c.status), ['accepted'], 'the gzip document is current too');
  });

  test('shared entity data another story adds (an alias, coordinates) shows in the document', async () => {
    const app = createApp({ store });
    const doc = JSON.parse(await (await app.request(`/api/stories/${storyId}`)).text());
    const ent = doc.entities.find((e: { type: string }) => e.type !== 'PERSON') ?? doc.entities[0];
    assert.ok(ent, 'the story names an entity');
    // what another article's analysis would add: a spelling of this entity in another language
    await store.db.insertInto('entity_aliases').values({ entity: ent.id, text: 'Xyzzyland alias', lang: 'vi' }).execute();
    const doc2 = JSON.parse(await (await app.request(`/api/stories/${storyId}`)).text());
    const ent2 = doc2.entities.find((e: { id: string }) => e.id === ent.id);
    assert.ok(ent2.aliases.some((a: { text: string }) => a.text === 'Xyzzyland alias'), 'the new alias is in the document');
    assert.equal(JSON.stringify(doc2), JSON.stringify(await buildExport(store, { storyIds: [storyId] })));
  });

  test('the kept home page and API list show a story added after they were rendered', async () => {
    const app = createApp({ store });
    const first = await page(app, '/');
    assert.doesNotMatch(first, /Volcano ash closes Manado airport/);
    const list = async () => ((await (await app.request('/api/stories?limit=50')).json()) as { stories: Array<{ title: string }> }).stories.map((x) => x.title);
    assert.ok(!(await list()).includes('Volcano ash closes Manado airport'));
    assert.equal(await page(app, '/'), first, 'kept until something changes');
    await ingestRaw(store, { input: 'h.txt', format: 'text', content: 'Ash from Mount Lokon closed Sam Ratulangi airport in Manado on Tuesday; 14 flights were cancelled, the airport operator said.', hints: { title: 'Volcano ash closes Manado airport', outlet: 'Harbour Daily', published: '2025-06-03', language: 'en' } });
    assert.match(await page(app, '/'), /Volcano ash closes Manado airport/);
    assert.equal((await list())[0], 'Volcano ash closes Manado airport', 'the API list too, newest first');
  });

  test('a server that is never idle still prepares a story that changes while it runs', async () => {
    const srv = await startServer(store, { port: 0, host: '127.0.0.1', warm: true });
    let stop = false;
    // two readers asking without pause: the server is never idle
    const readers = [0, 1].map(async () => {
      while (!stop) await (await fetch(`${srv.url}/assets/app.css`)).text();
    });
    try {
      await new Promise((res) => setTimeout(res, 300));
      const r = await ingestRaw(store, { input: 'busy.txt', format: 'text', content: 'A cargo crane toppled at Pelabuhan Tanjung Emas on Friday; no one was hurt, the port authority said.', hints: { title: 'Crane topples at port', outlet: 'Harbour Daily', published: '2025-05-09', language: 'en' } });
      const kept = async () => (await db().selectFrom('story_cache').select('variant').where('story_id', '=', r.storyId!).execute()).map((x) => x.variant);
      const t0 = Date.now();
      while (!(await kept()).includes('page:id:11') && Date.now() - t0 < 30_000) await new Promise((res) => setTimeout(res, 100));
      assert.ok((await kept()).includes('page:en:11') && (await kept()).includes('page:id:11'), 'prepared under load');
    } finally {
      stop = true;
      await Promise.all(readers);
      await srv.close();
    }
  });

  test('an idle server prepares the story and article pages nobody asked for, in every interface language', async () => {
    const a = STORY_TEXTS[0]!;
    // a story of its own, not requested by anyone
    const r = await ingestRaw(store, { input: 'w.txt', format: 'text', content: 'A ferry ran aground near Bitung port on Monday morning; all 212 passengers were brought ashore, the harbour master said.', hints: { title: 'Ferry aground off Bitung', outlet: a.outlet, published: '2025-05-05', language: 'en' } });
    assert.ok(r.storyId && r.storyId !== storyId);
    const variants = async () => (await db().selectFrom('story_cache').select('variant').where('story_id', '=', r.storyId!).orderBy('variant').execute()).map((x) => x.variant);
    assert.deepEqual(await variants(), []);
    const srv = await startServer(store, { port: 0, host: '127.0.0.1', warm: true });
    try {
      const t0 = Date.now();
      // the story's document, brief and page, and its one article's page, in each interface language
      const all = [`a:${r.articleId}:page:en:11`, `a:${r.articleId}:page:id:11`, 'doc', 'page:en:11', 'page:id:11', 'view'];
      while ((await variants()).length < all.length && Date.now() - t0 < 20_000) await new Promise((res) => setTimeout(res, 100));
      assert.deepEqual(await variants(), all);
      const res = await fetch(`${srv.url}/story/${r.storyId}`, { headers: { 'accept-language': 'id' } });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<html lang="id">/);
    } finally {
      await srv.close();
    }
  });
});
