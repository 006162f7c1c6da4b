// The reader and the API through app.request(): pages, injection payloads (SQL, HTML/JS, header injection,
// path traversal) in search, parameters, forms and ingested content, write authorisation, CSRF, rate and
// body limits, error handling, feeds and the OpenAPI document.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { XMLValidator } from 'fast-xml-parser';
import { createApp } from '../src/server/app.tsx';
import { ROUTES } from '../src/server/api.ts';
import { buildFixture, XSS, type Fixture } from './browser/fixture.ts';
import { openStore } from '../src/store/db.ts';
import { sql } from 'kysely';
import { testDb } from './helpers.ts';
import { clearCaches } from '../src/server/data.ts';
import { buildExport } from '../src/export/json.ts';
import { kabarExport } from '../src/export/schema.ts';

let fx: Fixture;
before(async () => {
  fx = await buildFixture();
});
after(async () => {
  await fx.cleanup();
});

const quiet = { onError: () => {} };

/** Everything a page does is inert: our one script file, no handlers, no script URLs, no foreign elements. */
function assertInert(html: string, where: string): void {
  const { document } = parseHTML(html);
  for (const s of document.querySelectorAll('script')) {
    assert.equal(s.getAttribute('src'), '/assets/app.js', `${where}: unexpected script element`);
    assert.equal(s.textContent, '', `${where}: inline script`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      assert.ok(!/^on/i.test(a.name), `${where}: event handler attribute ${a.name} on <${el.tagName}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name.toLowerCase())) {
        assert.ok(!/^\s*(javascript|data|vbscript):/i.test(a.value), `${where}: script URL in ${a.name}: ${a.value}`);
      }
    }
  }
  for (const tag of ['iframe', 'object', 'embed', 'img', 'style', 'base', 'textarea script', 'math', 'mglyph']) {
    assert.equal(document.querySelectorAll(tag).length, 0, `${where}: <${tag}> in page`);
  }
  assert.equal(document.querySelectorAll('body').length, 1, `${where}: extra <body>`);
  for (const m of document.querySelectorAll('meta')) assert.ok(!m.getAttribute('http-equiv'), `${where}: <meta http-equiv>`);
  for (const d of document.querySelectorAll('details')) assert.ok(!d.getAttribute('ontoggle'), `${where}: ontoggle`);
}

async function get(app: ReturnType<typeof createApp>, path: string, headers: Record<string, string> = {}) {
  const r = await app.request(path, { headers });
  return { r, body: await r.text() };
}

describe('pages', () => {
  test('home lists the stories with security headers', async () => {
    const app = createApp({ store: fx.store });
    const { r, body } = await get(app, '/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'.*script-src 'self'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    assert.match(body, /fisheries/i);
    assert.match(body, /<html lang="en">/);
    assertInert(body, 'home');
  });

  test('story page: sections, articles with shared passages, citations to sentences', async () => {
    const app = createApp({ store: fx.store });
    const { r, body } = await get(app, `/story/${fx.storyId}`);
    assert.equal(r.status, 200);
    const { document } = parseHTML(body);
    assert.ok(document.querySelector('#h-timeline'), 'timeline section');
    assert.ok(document.querySelector('#h-articles'), 'articles section');
    assert.ok(document.querySelectorAll('.story-article').length >= 2, 'the story has its articles');
    assert.ok(document.querySelectorAll('mark.m-shared').length >= 1, 'a shared passage is highlighted');
    const sources = [...document.querySelectorAll('a.source')].map((a) => a.getAttribute('href') ?? '');
    for (const s of sources) assert.match(s, /^\/article\/[0-9a-f]{16}#s-\d+$/);
    assert.ok(document.querySelectorAll('details.report form').length >= 1, 'report-an-error forms');
    assertInert(body, 'story');
  });

  test('article page marks entities, dates and events as spans from offsets, with sentence anchors', async () => {
    const app = createApp({ store: fx.store });
    const { r, body } = await get(app, `/article/${fx.articleIds[0]}`);
    assert.equal(r.status, 200);
    const { document } = parseHTML(body);
    assert.ok(document.querySelector('#s-0'), 'sentence 0 anchor');
    assert.ok(document.querySelectorAll('.m-time').length >= 1, 'a date is marked');
    assert.ok(document.querySelectorAll('a.m-entity').length >= 1, 'an entity is marked and linked');
    assert.ok(document.querySelector('a[href="https://coastal-herald.example/2025/03/12/fisheries"]'), 'link to the original');
    // the text survives marking exactly: the article's text content equals the stored text minus paragraph breaks
    const text = document.querySelector('.article-text')!.textContent!.replace(/\s+/g, ' ').trim();
    assert.match(text, /^Indonesia and Norway signed a memorandum of understanding/);
  });

  test('entity page shows roles, stories and quotes sections', async () => {
    const app = createApp({ store: fx.store });
    const ents = (await (await app.request('/api/entities?limit=5')).json()) as { entities: Array<{ id: string }> };
    assert.ok(ents.entities.length > 0, 'entities were found in the fixture');
    const { r, body } = await get(app, `/entity/${ents.entities[0]!.id}`);
    assert.equal(r.status, 200);
    assert.match(body, /id="h-roles"/);
    assert.match(body, /id="h-stories"/);
  });

  test('unknown and malformed ids are 404 pages, not errors', async () => {
    const app = createApp({ store: fx.store, ...quiet });
    for (const p of ['/story/s0000000000000000', '/story/nope', '/article/zz', '/entity/e0', '/nowhere']) {
      const { r, body } = await get(app, p);
      assert.equal(r.status, 404, p);
      assertInert(body, p);
    }
  });

  test('interface language: switch link sets a cookie and structured facts follow it', async () => {
    const app = createApp({ store: fx.store });
    const r = await app.request('/lang/id?next=%2Fstory%2F' + fx.storyId);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), `/story/${fx.storyId}`);
    assert.match(r.headers.get('set-cookie') ?? '', /kabar_lang=id/);
    const { body } = await get(app, `/story/${fx.storyId}`, { cookie: 'kabar_lang=id' });
    assert.match(body, /<html lang="id">/);
    assert.match(body, /Kronologi/);
    const en = await get(app, `/story/${fx.storyId}`, { cookie: 'kabar_lang=en' });
    assert.match(en.body, /Timeline/);
    // Accept-Language decides when no cookie is set
    assert.match((await get(app, '/', { 'accept-language': 'id-ID,id;q=0.9' })).body, /Berita terbaru/);
  });
});

describe('hostile input', () => {
  test('XSS payloads in article text, titles, outlets and URLs render inert on every page', async () => {
    const app = createApp({ store: fx.store });
    const pages = ['/', '/?q=payload', '/?q=alert', `/?outlet=${encodeURIComponent('Outlet ' + XSS[1])}`, '/corrections'];
    for (const id of fx.xssArticleIds) {
      pages.push(`/article/${id}`);
      const a = (await (await app.request(`/api/articles/${id}`)).json()) as { story: string };
      pages.push(`/story/${a.story}`);
    }
    let sawText = 0;
    for (const p of pages) {
      const { r, body } = await get(app, p);
      assert.equal(r.status, 200, p);
      assertInert(body, p);
      if (body.includes('alert(&quot;xss1&quot;)') || body.includes('alert("xss1")')) sawText++;
    }
    assert.ok(sawText >= 2, 'the payloads are shown as text, not dropped');
  });

  test('XSS payloads in search, filters and parameters are escaped', async () => {
    const app = createApp({ store: fx.store, ...quiet });
    for (const p of XSS) {
      const qs = new URLSearchParams({ q: p, outlet: p, entity: p, lang: p, from: p, to: p }).toString();
      for (const path of [`/?${qs}`, `/feeds/stories.rss?${qs}`, `/api/search?${qs}`, `/login?next=${encodeURIComponent(p)}`]) {
        const { r, body } = await get(app, path);
        assert.ok(r.status < 500, `${path}: ${r.status}`);
        if (path.startsWith('/?') || path.startsWith('/login')) assertInert(body, path);
      }
    }
  });

  test('SQL and FTS syntax in search and filters neither errors nor leaks', async () => {
    const app = createApp({ store: fx.store, ...quiet });
    const count = async () => Number((await fx.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const payloads = ["' OR 1=1 --", '" OR ""="', '1; DROP TABLE articles; --', 'NEAR(a b)', 'title:*', '*', 'a OR b', '"unterminated', "fisheries' UNION SELECT text FROM articles --", '\u0000', '%', '_'];
    for (const p of payloads) {
      for (const path of [`/?q=${encodeURIComponent(p)}`, `/api/search?q=${encodeURIComponent(p)}`, `/?outlet=${encodeURIComponent(p)}`, `/?entity=${encodeURIComponent(p)}`, `/api/stories?outlet=${encodeURIComponent(p)}`, `/story/${encodeURIComponent(p)}`, `/api/stories/${encodeURIComponent(p)}`]) {
        const r = await app.request(path);
        assert.ok(r.status === 200 || r.status === 400 || r.status === 404, `${path}: ${r.status}`);
      }
    }
    // an injected OR does not widen the search: a word that is in no article finds nothing
    const r = (await (await app.request(`/api/search?q=${encodeURIComponent("zzqx' OR 1=1 --")}`)).json()) as { hits: unknown[] };
    assert.equal(r.hits.length, 0);
    assert.equal(await count(), before);
  });

  test('path traversal finds nothing', async () => {
    const app = createApp({ store: fx.store, ...quiet });
    for (const p of ['/assets/../../../../etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/story/..%2f..%2fetc%2fpasswd', '/article/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/entity/....//....//etc/passwd', '/assets/app.css%00.js', '/%2e%2e/package.json']) {
      const { r, body } = await get(app, p);
      assert.equal(r.status, 404, p);
      assert.ok(!body.includes('root:'), p, 'line 184');
      assert.ok(!body.includes('"dependencies"'), p, 'line 185');
    }
  });

  test('redirect targets and header values cannot be injected', async () => {
    const app = createApp({ store: fx.store, ...quiet });
    const nexts = ['//evil.example/', 'https://evil.example/', '/\\evil.example', '/%0d%0aSet-Cookie:%20x=1', '\r\nSet-Cookie: x=1', 'javascript:alert(1)', '/ok?a=1'];
    for (const n of nexts) {
      const r = await app.request(`/lang/en?next=${encodeURIComponent(n)}`);
      assert.equal(r.status, 303);
      const loc = r.headers.get('location') ?? '';
      assert.ok(loc.startsWith('/') && !loc.startsWith('//') && !loc.includes('\\'), `${n} → ${loc}`);
      assert.ok(!/[\r\n]/.test(loc), 'no line breaks in Location');
      assert.ok(!(r.headers.get('set-cookie') ?? '').includes('x=1'), 'no injected cookie');
    }
    assert.equal((await app.request('/lang/en?next=%2Fok%3Fa%3D1')).headers.get('location'), '/ok?a=1');
  });

  test('a loopback server answers only loopback host names (DNS rebinding)', async () => {
    const app = createApp({ store: fx.store });
    assert.equal((await app.request('/', { headers: { host: 'evil.example' } })).status, 421);
    assert.equal((await app.request('/', { headers: { host: 'localhost:8080' } })).status, 200);
    assert.equal((await app.request('/', { headers: { host: '127.0.0.1:8080' } })).status, 200);
  });
});

function csrfPair() {
  const token = 'abcdefghijklmnopqrstuvwx';
  return { token, cookie: `kabar_csrf=${token}` };
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

describe('writes', () => {
  test('a correction filed through the form is stored, shown on the page and listed for review, inert', async () => {
    const app = createApp({ store: fx.store });
    const { token, cookie } = csrfPair();
    const message = `The date is wrong ${XSS[0]} ${XSS[1]}`;
    const r = await app.request('/corrections', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: form({ _csrf: token, targetKind: 'story', targetId: fx.storyId, story: fx.storyId, message, suggestion: XSS[2]!, next: `/story/${fx.storyId}` }),
    });
    assert.equal(r.status, 303);
    const loc = r.headers.get('location')!;
    assert.match(loc, new RegExp(`^/story/${fx.storyId}\\?reported=\\d+#corr-\\d+$`));
    const page = await get(app, loc.replace(/#.*/, ''));
    assert.match(page.body, /Thank you/);
    assert.match(page.body, /The date is wrong/);
    assertInert(page.body, 'story after correction');
    const review = await get(app, '/corrections');
    assert.match(review.body, /The date is wrong/);
    assertInert(review.body, '/corrections');
    const api = (await (await app.request(`/api/corrections?story=${fx.storyId}`)).json()) as { corrections: Array<{ message: string; status: string }> };
    assert.ok(api.corrections.some((c) => c.message === message && c.status === 'open'), 'line 241');
    // exported with the story, and the export stays valid
    const doc = await buildExport(fx.store, { storyIds: [fx.storyId] });
    assert.ok(doc.corrections.some((c) => c.message === message && c.targetKind === 'story' && c.story === fx.storyId), 'line 244');
    const valid = kabarExport.safeParse(doc);
    assert.ok(valid.success, valid.success ? '' : JSON.stringify(valid.error.issues.slice(0, 3)), 'line 246');
  });

  test('facts, events and agreements link to a report page whose form files against them', async () => {
    const app = createApp({ store: fx.store });
    const story = await get(app, `/story/${fx.storyId}`);
    const { document } = parseHTML(story.body);
    const links = [...document.querySelectorAll('p.report-link a')].map((a) => a.getAttribute('href')!);
    assert.ok(links.some((l) => l.includes('kind=claim')) && links.some((l) => l.includes('kind=event')), 'claims and events have report links');
    const claimLink = links.find((l) => l.includes('kind=claim'))!;
    const page = await get(app, claimLink);
    assert.equal(page.r.status, 200);
    const form = parseHTML(page.body).document.querySelector('form[action="/corrections"]')!;
    const field = (n: string) => form.querySelector(`input[name="${n}"]`)?.getAttribute('value');
    assert.equal(field('targetKind'), 'claim');
    assert.equal(field('story'), fx.storyId);
    assert.equal(field('next'), `/story/${fx.storyId}`);
    // the label comes from the store, never from the URL; bad parameters are refused
    const spoof = await get(app, `/report?kind=story&id=${fx.storyId}&label=${encodeURIComponent(XSS[0]!)}`);
    assert.ok(!spoof.body.includes('alert("xss1")') && !spoof.body.includes('alert(&quot;xss1&quot;)'), 'a label in the URL is not shown');
    for (const bad of ['/report?kind=script&id=x', '/report?kind=claim&id=../../etc', `/report?kind=claim&id=c1&field=${encodeURIComponent('<b>')}`]) assert.equal((await app.request(bad)).status, 400, bad);
    assert.equal(parseHTML((await get(app, '/report?kind=claim&id=c1&next=//evil.example')).body).document.querySelector('input[name="next"]')!.getAttribute('value'), '/');
  });

  test('a first visit gets its own CSRF token in a cookie and in the forms; assets and the API set none', async () => {
    const app = createApp({ store: fx.store });
    const tokens = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const r = await app.request(`/story/${fx.storyId}`);
      const token = /kabar_csrf=([A-Za-z0-9_-]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
      assert.ok(token && token.length === 24, 'a cookie with a 18-byte token');
      if (i < 3) assert.ok((await r.text()).includes(`name="_csrf" value="${token}"`), 'the same token in the page');
      tokens.add(token);
    }
    assert.equal(tokens.size, 300, 'every visitor a token of its own (across blocks of random bytes)');
    for (const p of ['/assets/app.css', '/api/stories', `/api/stories/${fx.storyId}`]) {
      const r = await app.request(p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers.get('set-cookie'), null, p);
    }
  });

  test('forms without the CSRF token, or with a wrong one, are refused', async () => {
    const app = createApp({ store: fx.store });
    const body = form({ targetKind: 'story', targetId: fx.storyId, message: 'no token' });
    assert.equal((await app.request('/corrections', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).status, 403);
    const wrong = form({ _csrf: 'zzzzzzzzzzzzzzzzzzzzzzzz', targetKind: 'story', targetId: fx.storyId, message: 'wrong token' });
    assert.equal((await app.request('/corrections', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfPair().cookie }, body: wrong })).status, 403);
  });

  test('a form field that is not an id, or an unknown target kind, is refused', async () => {
    const app = createApp({ store: fx.store });
    const { token, cookie } = csrfPair();
    for (const bad of [{ targetKind: 'story', targetId: '../../etc/passwd' }, { targetKind: 'script', targetId: fx.storyId }, { targetKind: 'story', targetId: '<b>x</b>' }]) {
      const r = await app.request('/corrections', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: form({ _csrf: token, message: 'something wrong', ...bad }) });
      assert.equal(r.status, 400, JSON.stringify(bad));
      assertInert(await r.text(), 'bad form');
    }
  });

  test('write token: beyond loopback writes need KABAR_TOKEN; without one they are disabled', async () => {
    const body = JSON.stringify({ targetKind: 'story', targetId: fx.storyId, message: 'token test' });
    const json = { 'content-type': 'application/json' };
    const open = createApp({ store: fx.store, host: '0.0.0.0' });
    assert.equal((await open.request('/api/corrections', { method: 'POST', headers: json, body })).status, 403);
    const app = createApp({ store: fx.store, host: '0.0.0.0', token: 's3cret-token' });
    assert.equal((await app.request('/api/corrections', { method: 'POST', headers: json, body })).status, 401);
    assert.equal((await app.request('/api/corrections', { method: 'POST', headers: { ...json, authorization: 'Bearer wrong' }, body })).status, 401);
    assert.equal((await app.request('/api/corrections', { method: 'POST', headers: { ...json, authorization: 'Bearer s3cret-token' }, body })).status, 201);
    // a token also guards a loopback server that has one
    const local = createApp({ store: fx.store, token: 's3cret-token' });
    assert.equal((await local.request('/api/corrections', { method: 'POST', headers: json, body })).status, 401);
    // without a token a loopback server accepts writes
    assert.equal((await createApp({ store: fx.store }).request('/api/corrections', { method: 'POST', headers: json, body })).status, 201);
  });

  test('browser sign-in with the token sets a session cookie that lets forms write', async () => {
    const app = createApp({ store: fx.store, host: '0.0.0.0', token: 'tok-123456' });
    const { token, cookie } = csrfPair();
    const bad = await app.request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: form({ _csrf: token, token: 'nope', next: '/' }) });
    assert.equal(bad.status, 401);
    const ok = await app.request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: form({ _csrf: token, token: 'tok-123456', next: '/corrections' }) });
    assert.equal(ok.status, 303);
    const session = /kabar_auth=([0-9a-f]+)/.exec(ok.headers.get('set-cookie') ?? '')![1]!;
    assert.ok(!session.includes('tok-123456'), 'line 312');
    const post = (c: string) =>
      app.request('/corrections', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: c }, body: form({ _csrf: token, targetKind: 'story', targetId: fx.storyId, message: 'signed in report' }) });
    assert.equal((await post(cookie)).status, 401);
    assert.equal((await post(`${cookie}; kabar_auth=${session}`)).status, 303);
  });

  test('writes are rate limited per client', async () => {
    const app = createApp({ store: fx.store, writesPerMinute: 3 });
    const body = JSON.stringify({ targetKind: 'story', targetId: fx.storyId, message: 'rate test' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.request('/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    const r = await app.request('/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.ok(Number(r.headers.get('retry-after')) >= 1, 'line 326');
  });

  test('bodies over the limit are refused', async () => {
    const app = createApp({ store: fx.store, maxIngestBytes: 10_000 });
    const big = JSON.stringify({ text: 'word '.repeat(5000) });
    const r = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(big.length) }, body: big });
    assert.equal(r.status, 413);
    const { token, cookie } = csrfPair();
    const f = form({ _csrf: token, targetKind: 'story', targetId: fx.storyId, message: 'x'.repeat(70_000) });
    const r2 = await app.request('/corrections', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'content-length': String(f.length) }, body: f });
    assert.equal(r2.status, 413);
  });

  test('API writes need a JSON body; bad bodies are 400 with the issues', async () => {
    const app = createApp({ store: fx.store });
    assert.equal((await app.request('/api/corrections', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status, 415);
    const r = await app.request('/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"targetKind":"story"' });
    assert.equal(r.status, 400);
    const r2 = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'a', html: '<p>b</p>' }) });
    assert.equal(r2.status, 400);
    assert.ok(((await r2.json()) as { issues: unknown[] }).issues.length > 0, 'line 347');
  });

  test('ingest through the API: text is stored, found by search and shown; private URLs are refused', async () => {
    const app = createApp({ store: fx.store });
    const text = `Volcano observers on the island reported ash columns of three kilometres on 2 May 2025. ${XSS[3]} The observatory raised the alert level.`;
    const r = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, title: `Ash ${XSS[0]}`, outlet: 'Island Observer', language: 'en', source: 'javascript:alert(9)' }) });
    assert.equal(r.status, 201);
    const res = (await r.json()) as { article: string; story: string; status: string };
    assert.equal(res.status, 'added');
    const hits = (await (await app.request('/api/search?q=volcano+observatory')).json()) as { hits: Array<{ article: string }> };
    assert.ok(hits.hits.some((h) => h.article === res.article), 'line 358');
    assertInert(await (await app.request(`/article/${res.article}`)).text(), 'ingested article');
    const again = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    assert.equal(((await again.json()) as { status: string }).status, 'present');
    for (const url of ['http://127.0.0.1:1/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/']) {
      const u = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
      assert.equal(u.status, 422, url);
      assert.match(((await u.json()) as { error: string }).error, /refused/);
    }
    const file = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'file:///etc/passwd' }) });
    assert.equal(file.status, 400);
  });
});

describe('errors', () => {
  test('an internal error reaches the client as a short message, never a stack trace', async () => {
    const store = await openStore(await testDb('broken'));
    const logged: string[] = [];
    const app = createApp({ store, onError: (e) => logged.push(e.stack ?? e.message) });
    await sql.raw(store.sqlite ? 'DROP TABLE stories' : 'DROP TABLE stories CASCADE').execute(store.db);
    clearCaches();
    for (const p of ['/', '/api/stories']) {
      const { r, body } = await get(app, p);
      assert.equal(r.status, 500, p);
      assert.ok(!/\bat .*\.(ts|js):\d+/.test(body), `${p}: stack trace in body`);
      assert.ok(!/no such table|does not exist/.test(body), `${p}: error detail in body`);
      assert.ok(r.headers.get('content-security-policy'), 'line 384');
    }
    assert.ok(logged.length >= 2 && /no such table|relation "stories" does not exist/.test(logged[0]!), 'the operator log has the error');
    await store.close();
  });
});

describe('feeds and API', () => {
  test('RSS and Atom feeds (all, per entity, per search) are well-formed XML with escaped titles', async () => {
    // listening beyond loopback, so any Host header is answered: feed links must still come from baseUrl
    const app = createApp({ store: fx.store, baseUrl: 'https://kabar.example', host: '0.0.0.0' });
    const ents = (await (await app.request('/api/entities?limit=1')).json()) as { entities: Array<{ id: string }> };
    for (const p of ['/feeds/stories.rss', '/feeds/stories.atom', `/feeds/stories.rss?entity=${ents.entities[0]!.id}`, '/feeds/stories.atom?q=fisheries', `/feeds/stories.rss?q=${encodeURIComponent(XSS[0]!)}`]) {
      const { r, body } = await get(app, p, { host: 'attacker-host.test' });
      assert.equal(r.status, 200, p);
      assert.equal(XMLValidator.validate(body), true, p);
      assert.ok(!body.includes('attacker-host'), p, 'line 400');
      assert.ok(!body.includes('<script>'), p, 'line 401');
    }
    const rss = await get(app, '/feeds/stories.rss?q=fisheries');
    assert.match(rss.body, /<item><title>[^<]*[Ff]isheries/);
    assert.match(rss.body, /https:\/\/kabar\.example\/story\/s[0-9a-f]{16}/);
    const atom = await get(app, '/feeds/stories.atom');
    assert.match(atom.r.headers.get('content-type')!, /atom\+xml/);
    assert.ok(atom.body.includes('&lt;script&gt;'), 'an XSS title is escaped in the feed');
  });

  test('the OpenAPI document lists every route, and API responses match their schemas', async () => {
    const app = createApp({ store: fx.store });
    const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    assert.equal(doc.openapi, '3.1.0');
    for (const r of Object.values(ROUTES)) assert.ok(doc.paths[r.path]?.[r.method], `${r.method} ${r.path}`);
    assert.ok(doc.components.schemas.KabarExport, 'line 416');
    const ents = (await (await app.request('/api/entities')).json()) as { entities: Array<{ id: string }> };
    const checks: Array<[string, { response: { safeParse(v: unknown): { success: boolean; error?: unknown } } }]> = [
      ['/api/stories', ROUTES.stories],
      ['/api/stories?lang=en&limit=5', ROUTES.stories],
      [`/api/stories/${fx.storyId}`, ROUTES.story],
      [`/api/stories/${fx.storyId}/entities`, ROUTES.storyEntities],
      [`/api/articles?story=${fx.storyId}`, ROUTES.articles],
      ['/api/articles?limit=3', ROUTES.articles],
      [`/api/articles/${fx.articleIds[1]}`, ROUTES.article],
      ['/api/entities', ROUTES.entities],
      [`/api/entities/${ents.entities[0]!.id}`, ROUTES.entity],
      [`/api/events?story=${fx.storyId}`, ROUTES.events],
      [`/api/agreements?story=${fx.storyId}`, ROUTES.agreements],
      [`/api/claims?story=${fx.storyId}`, ROUTES.claims],
      ['/api/search?q=fisheries', ROUTES.search],
      ['/api/corrections', ROUTES.corrections],
    ];
    for (const [p, route] of checks) {
      const r = await app.request(p);
      assert.equal(r.status, 200, p);
      const parsed = route.response.safeParse(await r.json());
      assert.ok(parsed.success, `${p}: ${JSON.stringify(parsed.error)}`);
    }
    const story = (await (await app.request(`/api/stories/${fx.storyId}`)).json()) as { articles: unknown[]; events: unknown[] };
    assert.equal(story.articles.length, 3);
    assert.ok(story.events.length > 0, 'the fixture story has events');
    const bad = await app.request('/api/stories?limit=100000');
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { issues: Array<{ path: string }> }).issues[0]!.path, 'limit');
  });
});
