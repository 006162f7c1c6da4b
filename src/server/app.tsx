// The reader: server-rendered pages (no script needed), feeds, the JSON API and /openapi.json, over one store.
// Everything from pages, users and URLs is data: rendered through JSX (escaped), bound as SQL parameters,
// checked by zod before use. Errors reach clients as a short message, never a stack trace.
import { gunzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { z } from 'zod';
import type { Store } from '../store/db.ts';
import { listArticles, listStories, resolveStoryIds } from '../store/queries.ts';
// The pipeline (language models, gazetteers) and the queue (which imports it) are loaded on the first ingest
// only: a reader that never ingests does not carry ~80 MB of their data in its heap, which every full garbage
// collection would walk (pauses that every request waiting behind them pays).
const pipeline = () => import('../pipeline.ts');
const queueModule = () => import('../queue/queue.ts');
import { ingestDoc } from '../store/ingest.ts';
import { expandInputs, isUrl, DEFAULT_MAX_BYTES } from '../ingest/sources.ts';
import type { RawInput } from '../types.ts';
import { log } from '../util/log.ts';
import { CSS, ICON, JS } from './assets.ts';
import { ROUTES, honoPath, openApiDocument, type ApiRoute } from './api.ts';
import { addCorrection, correctionInput, listCorrections, reviewCorrection } from './corrections.ts';
import { ARTICLE_ID, STORY_ID, cleanFilters, entityView, filterOptions, findStories, getArticle, hasFilters, keptFresh, searchHits, storeVersion, storyDocGzip, storyPage, storyView, topEntities, type Filters, type PageVariant } from './data.ts';
import { articlePage, pageBytes, pageGzip, type ArticleVariant, type KeptPage } from './storycache.ts';
import { atom, rss } from './feeds.ts';
import { dict, formatRange, isUiLang, label, LANG_COOKIE, pickLang, type UiLang } from './i18n.ts';
import {
  AUTH_COOKIE,
  CSRF_COOKIE,
  RateLimiter,
  SECURITY_HEADERS,
  checkToken,
  csrfOk,
  hasToken,
  isLoopbackHost,
  newCsrfToken,
  safeLocalPath,
  sessionValue,
  writePolicy,
} from './security.ts';
import { HomePage, fillShell, searchShell, type SearchShell } from './views/home.tsx';
import type { ViewCtx } from './views/layout.tsx';
import { ApiIndexPage, ArticlePage, CorrectionsPage, EntityPage, LoginPage, MessagePage, ReportPage } from './views/pages.tsx';
import { StoryPage } from './views/story.tsx';
import { Lru } from '../util/lru.ts';
import { cutAt, joinPieces } from './packed.ts';

export interface AppOptions {
  store: Store;
  /** the address the server listens on: decides whether writes need a token */
  host?: string;
  /** KABAR_TOKEN */
  token?: string | null;
  /** absolute URL the server is reached at, for feeds and OpenAPI (never taken from request headers) */
  baseUrl?: string;
  /** writes per client per minute */
  writesPerMinute?: number;
  /** largest ingest body (bytes) */
  maxIngestBytes?: number;
  /** let URL ingest reach private addresses (intranet use) */
  allowPrivate?: boolean;
  /** where unexpected errors go (default: the pino log) */
  onError?: (err: Error, path: string) => void;
  /** ingest through a queue (workers store the pages) instead of in this process: see ingestQueue */
  queue?: IngestQueue;
  /** called after an article was stored here (the server's background preparer then keeps its story's pages at once) */
  onIngested?: () => void;
}

const FORM_LIMIT = 64 * 1024;
const PAGE_SIZE = 20;

type Env = { Variables: { ctx: ViewCtx; client: string }; Bindings: { incoming?: { socket?: { remoteAddress?: string } } } };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

function zodIssues(e: z.ZodError): Array<{ path: string; message: string }> {
  return e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export function createApp(opts: AppOptions) {
  const store = opts.store;
  const policy = writePolicy({ host: opts.host ?? '127.0.0.1', token: opts.token });
  const loopback = isLoopbackHost(opts.host ?? '127.0.0.1');
  const baseUrl = (opts.baseUrl ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const writes = new RateLimiter(opts.writesPerMinute ?? 30);
  const logins = new RateLimiter(10);
  const maxIngest = opts.maxIngestBytes ?? 5 * 1024 * 1024;
  const queue = opts.queue ?? null;
  const app = new Hono<Env>();

  const isApi = (c: Context<Env>) => c.req.path.startsWith('/api/') || c.req.path === '/openapi.json';
  const fail = (c: Context<Env>, status: number, message: string, issues?: Array<{ path: string; message: string }>) => {
    if (isApi(c)) return c.json({ error: message, ...(issues ? { issues } : {}) }, status as 400);
    const ctx = c.get('ctx') ?? baseCtx(c);
    return c.html(page(<MessagePage ctx={ctx} title={status === 404 ? ctx.t.notFound : status >= 500 ? ctx.t.errorTitle : ctx.t.badRequest} text={message} />), status as 400);
  };

  app.onError((err, c) => {
    if (err instanceof HttpError) return fail(c, err.status, err.message, err.issues);
    // the stack goes to the operator's log only; the client gets a short message
    (opts.onError ?? ((e: Error, path: string) => log.error({ err: { message: e.message, stack: e.stack }, path }, 'server error')))(err, c.req.path);
    const t = (c.get('ctx') ?? baseCtx(c)).t;
    return fail(c, 500, t.errorText);
  });
  app.notFound((c) => fail(c, 404, (c.get('ctx') ?? baseCtx(c)).t.notFoundText));

  function baseCtx(c: Context<Env>): ViewCtx {
    const lang = pickLang(getCookie(c, LANG_COOKIE), c.req.header('accept-language'));
    return { lang, t: dict(lang), csrf: '', here: '/', writable: policy.writable, canWrite: false };
  }

  // Security headers on every response; DNS-rebinding guard: a loopback server answers only loopback host names.
  app.use('*', async (c, next) => {
    if (loopback) {
      const host = (c.req.header('host') ?? '').replace(/:\d+$/, '');
      if (host && !isLoopbackHost(host)) {
        for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
        return c.text('this server answers only on its loopback address', 421);
      }
    }
    c.set('client', c.env?.incoming?.socket?.remoteAddress ?? 'local');
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-cache');
  });

  // The page context: interface language, CSRF token (cookie set on first visit), write permission.
  app.use('*', async (c, next) => {
    const lang = pickLang(getCookie(c, LANG_COOKIE), c.req.header('accept-language'));
    let csrf = getCookie(c, CSRF_COOKIE);
    if (!csrf || !/^[A-Za-z0-9_-]{16,64}$/.test(csrf)) {
      // assets and the API show no form: no token for them (the API's writes are JSON, which no form can send)
      csrf = isApi(c) || c.req.path.startsWith('/assets/') ? '' : newCsrfToken();
      if (csrf && c.req.method === 'GET' && !isApi(c)) setCookie(c, CSRF_COOKIE, csrf, { path: '/', httpOnly: true, sameSite: 'Strict', secure: baseUrl.startsWith('https:') });
    }
    const authed = hasToken(policy, c.req.header('authorization'), getCookie(c, AUTH_COOKIE));
    const url = new URL(c.req.url);
    c.set('ctx', {
      lang,
      t: dict(lang),
      csrf,
      here: safeLocalPath(url.pathname + url.search),
      writable: policy.writable,
      canWrite: policy.writable && (!policy.tokenRequired || authed),
      notice: url.searchParams.get('reported') ? dict(lang).correctionThanks : url.searchParams.get('signedin') ? dict(lang).signedIn : null,
    });
    await next();
  });

  /** Gate for every write: allowed at all, token, rate limit. Forms also pass the CSRF check. */
  const guardWrite = (c: Context<Env>, limiter = writes) => {
    if (!policy.writable) throw new HttpError(403, c.get('ctx').t.tokenNeeded);
    if (policy.tokenRequired && !hasToken(policy, c.req.header('authorization'), getCookie(c, AUTH_COOKIE))) {
      if (isApi(c)) c.header('www-authenticate', 'Bearer realm="kabar"');
      throw new HttpError(401, c.get('ctx').t.tokenNeeded);
    }
    const wait = limiter.take(c.get('client'));
    if (wait > 0) {
      c.header('retry-after', String(wait));
      throw new HttpError(429, c.get('ctx').t.tooMany);
    }
  };
  const tooLarge = (c: Context<Env>) => fail(c, 413, 'request body too large');
  /** A kept page with the reader's CSRF token: its stored compressed bytes as they are when the client accepts gzip. */
  const keptPage = (c: Context<Env>, p: KeptPage) => {
    c.header('content-type', 'text/html; charset=UTF-8');
    c.header('vary', 'accept-encoding');
    if (acceptsGzip(c.req.header('accept-encoding'))) {
      c.header('content-encoding', 'gzip');
      return c.body(pageGzip(p, c.get('ctx').csrf) as unknown as Uint8Array<ArrayBuffer>);
    }
    return c.body(pageBytes(p, c.get('ctx').csrf) as unknown as Uint8Array<ArrayBuffer>);
  };

  // ---------- assets ----------
  const asset = (body: string, type: string) => (c: Context<Env>) => {
    c.header('content-type', type);
    c.header('cache-control', 'public, max-age=3600');
    return c.body(body);
  };
  app.get('/assets/app.css', asset(CSS, 'text/css; charset=utf-8'));
  app.get('/assets/app.js', asset(JS, 'text/javascript; charset=utf-8'));
  app.get('/assets/icon.svg', asset(ICON, 'image/svg+xml'));
  app.get('/favicon.ico', (c) => c.redirect('/assets/icon.svg', 301));
  app.get('/robots.txt', asset('User-agent: *\nDisallow: /api/\nDisallow: /feeds/\n', 'text/plain; charset=utf-8'));

  // ---------- pages ----------
  const pageNumber = (v: string | undefined) => {
    const n = Number(v ?? 1);
    return Number.isInteger(n) && n >= 1 && n <= 500 ? n : 1;
  };

  // The home page, its pages, filtered lists and searches are kept rendered until a story is updated or an
  // article added (storeVersion), with a slot for each reader's CSRF token: a repeated query costs two indexed
  // reads and no render. (What the page is made of is the key: the version, the interface, the
  // filters, the page number and the path its links come back to.)
  const homeSlot = `csrf-slot-${newCsrfToken()}`;
  // kept as bytes cut at the slot: outside the JS heap, so a kept page (one per new query) is not copied by the
  // young-generation collections it survives (those copies were most of a search's collection time)
  const homeHtml = new Lru<{ at: number; pieces: Buffer[] }>(512);
  const homeBody = (c: Context<Env>, pieces: Buffer[]) => {
    c.header('content-type', 'text/html; charset=UTF-8');
    return c.body(joinPieces(pieces, c.get('ctx').csrf) as unknown as Uint8Array<ArrayBuffer>);
  };
  const searchShells = new Lru<SearchShell | null>(64);
  app.get('/', async (c) => {
    const f = cleanFilters(c.req.query());
    const page = pageNumber(c.req.query('page'));
    const offset = (page - 1) * PAGE_SIZE;
    const ctx = c.get('ctx');
    const keep = !ctx.notice;
    // read once: the page's key, and what the filters and the search read up to
    const version = await storeVersion(store);
    const key = keep ? `${version.key}|${ctx.lang}|${ctx.writable}|${ctx.canWrite}|${page}|${ctx.here}|${JSON.stringify(f)}` : '';
    const kept = keep ? homeHtml.get(key) : undefined;
    if (kept && keptFresh(store, kept.at)) return homeBody(c, kept.pieces);
    const [options, stories, hits] = await Promise.all([
      filterOptions(store, version),
      f.q ? Promise.resolve([]) : findStories(store, f, PAGE_SIZE, offset),
      // the page is kept rendered (below): its hits need not be kept as well
      f.q ? searchHits(store, f, PAGE_SIZE, offset, version, !keep) : Promise.resolve(null),
    ]);
    if (!keep) return c.html(page_(<HomePage ctx={ctx} filters={f} options={options} stories={stories} hits={hits} page={page} pageSize={PAGE_SIZE} />));
    const slotted = { ...ctx, csrf: homeSlot };
    let html: string;
    if (hits && page === 1) {
      // a search's first page: filled into the shell kept for its filters (views/home.tsx searchShell), made at most
      // once per store version, interface, filters and how many hits (none, some, a full page: the pager differs).
      // Later pages are written whole: a shell per page number would be made (written twice) for few readers each.
      const shellKey = `${version.key}|${ctx.lang}|${ctx.writable}|${ctx.canWrite}|${JSON.stringify({ ...f, q: undefined })}|${hits.length ? (hits.length >= PAGE_SIZE ? 2 : 1) : 0}`;
      let shell = searchShells.get(shellKey);
      if (shell === undefined) searchShells.set(shellKey, (shell = searchShell({ ctx: slotted, filters: f, options, hits, page, pageSize: PAGE_SIZE })));
      html = shell ? DOCTYPE + fillShell(shell, slotted, f, hits) : page_(<HomePage ctx={slotted} filters={f} options={options} stories={stories} hits={hits} page={page} pageSize={PAGE_SIZE} />);
    } else html = page_(<HomePage ctx={slotted} filters={f} options={options} stories={stories} hits={hits} page={page} pageSize={PAGE_SIZE} />);
    const pieces = cutAt(Buffer.from(html), homeSlot);
    homeHtml.set(key, { at: Date.now(), pieces });
    return homeBody(c, pieces);
  });

  // Story pages are kept rendered (src/server/storycache.ts: per story version, interface language and write
  // permission, in memory and in the store) with a slot where each reader's CSRF token goes, so a story costs a
  // version check and a lookup, not a render. A page with a query (a notice) is rendered for its reader.
  app.get('/story/:id', async (c) => {
    const ctx = c.get('ctx');
    const id = c.req.param('id');
    if (!STORY_ID.test(id)) return fail(c, 404, ctx.t.notFoundText);
    if (new URL(c.req.url).search) {
      const view = await storyView(store, id);
      if (!view) return (await mergedInto(store, id, (to) => c.redirect(`/story/${to}${new URL(c.req.url).search}`, 301))) ?? fail(c, 404, ctx.t.notFoundText);
      return c.html(page_(<StoryPage ctx={ctx} view={view} />));
    }
    const p = await storyPage(store, id, storyPageVariant(ctx.lang, ctx.writable, ctx.canWrite));
    if (!p) return (await mergedInto(store, id, (to) => c.redirect(`/story/${to}`, 301))) ?? fail(c, 404, ctx.t.notFoundText);
    return keptPage(c, p);
  });

  // Article pages are kept like story pages (with their story's rows, src/server/storycache.ts); a page with a
  // query (a notice) is rendered for its reader.
  app.get('/article/:id', async (c) => {
    const ctx = c.get('ctx');
    if (!ARTICLE_ID.test(c.req.param('id'))) return fail(c, 404, ctx.t.notFoundText);
    if (!new URL(c.req.url).search) {
      const p = await articlePage(store, c.req.param('id'), articlePageVariant(ctx.lang, ctx.writable, ctx.canWrite));
      if (p === undefined) return fail(c, 404, ctx.t.notFoundText);
      if (p) return keptPage(c, p);
    }
    const a = await getArticle(store, c.req.param('id'));
    if (!a) return fail(c, 404, c.get('ctx').t.notFoundText);
    const view = a.storyId ? await storyView(store, a.storyId) : null;
    const corrections = await listCorrections(store, { article: a.id });
    return c.html(page_(<ArticlePage ctx={c.get('ctx')} a={a} doc={view?.doc ?? null} corrections={corrections} />));
  });

  app.get('/entity/:id', async (c) => {
    const e = await entityView(store, c.req.param('id'));
    if (!e) return fail(c, 404, c.get('ctx').t.notFoundText);
    return c.html(page_(<EntityPage ctx={c.get('ctx')} e={e} />));
  });

  app.get('/corrections', async (c) => {
    const list = await listCorrections(store, { limit: 500 });
    const ctx = c.get('ctx');
    return c.html(page_(<CorrectionsPage ctx={ctx} list={list} canReview={ctx.canWrite} />));
  });

  app.get('/lang/:code', (c) => {
    const code = c.req.param('code');
    if (!isUiLang(code)) return fail(c, 404, c.get('ctx').t.notFoundText);
    setCookie(c, LANG_COOKIE, code, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax' });
    return c.redirect(safeLocalPath(c.req.query('next')), 303);
  });

  // the report form for one item of a page; what it is about is looked up here, not taken from the URL
  const reportQuery = z.object({
    kind: correctionInput.shape.targetKind,
    id: correctionInput.shape.targetId,
    story: z.string().regex(STORY_ID).optional(),
    article: z.string().regex(ARTICLE_ID).optional(),
    field: z.string().max(80).regex(/^[A-Za-z0-9_.:-]*$/).optional(),
    next: z.string().optional(),
  });
  app.get('/report', async (c) => {
    const p = reportQuery.safeParse(c.req.query());
    if (!p.success) throw new HttpError(400, c.get('ctx').t.badRequest, zodIssues(p.error));
    const q = p.data;
    const t = c.get('ctx').t;
    let name: string | null = null;
    let back: string | null = null;
    if (q.kind === 'story' && STORY_ID.test(q.id)) {
      name = (await store.db.selectFrom('stories').select('title').where('id', '=', q.id).executeTakeFirst())?.title ?? null;
      back = `/story/${q.id}`;
    } else if (q.kind === 'article' && ARTICLE_ID.test(q.id)) {
      name = (await store.db.selectFrom('articles').select('title').where('id', '=', q.id).executeTakeFirst())?.title ?? null;
      back = `/article/${q.id}`;
    } else if (q.story) {
      const v = await storyView(store, q.story);
      if (v) {
        back = `/story/${q.story}`;
        const d = v.doc;
        if (q.kind === 'event') {
          const e = d.events.find((x) => x.id === q.id);
          if (e) name = `${label(t.eventTypes, e.type)} ${formatRange(e.date.start, e.date.end, c.get('ctx').lang)}`.trim();
        } else if (q.kind === 'agreement') name = d.agreements.find((x) => x.id === q.id)?.title ?? null;
        else if (q.kind === 'quote') name = d.quotes.find((x) => x.id === q.id)?.text.slice(0, 120) ?? null;
        else if (q.kind === 'claim') name = d.claims.find((x) => x.id === q.id)?.subject.label ?? null;
      }
    }
    const next = safeLocalPath(q.next, back ?? '/');
    return c.html(
      page_(
        <ReportPage
          ctx={c.get('ctx')}
          target={{ kind: q.kind, id: q.id, story: q.story ?? (q.kind === 'story' ? q.id : null), article: q.article ?? null, field: q.field, label: name ?? q.id }}
          next={next}
          back={back}
        />,
      ),
    );
  });

  app.get('/login', (c) => c.html(page_(<LoginPage ctx={c.get('ctx')} next={safeLocalPath(c.req.query('next'))} />)));

  const formBody = async (c: Context<Env>): Promise<Record<string, string>> => {
    const type = c.req.header('content-type') ?? '';
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) throw new HttpError(415, 'expected a form');
    const body = await c.req.parseBody();
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
    return out;
  };
  const checkCsrf = (c: Context<Env>, form: Record<string, string>) => {
    if (!csrfOk(getCookie(c, CSRF_COOKIE), form._csrf)) throw new HttpError(403, c.get('ctx').t.csrfFailed);
  };

  app.post('/login', bodyLimit({ maxSize: FORM_LIMIT, onError: tooLarge }), async (c) => {
    const form = await formBody(c);
    checkCsrf(c, form);
    const wait = logins.take(c.get('client'));
    if (wait > 0) {
      c.header('retry-after', String(wait));
      throw new HttpError(429, c.get('ctx').t.tooMany);
    }
    const next = safeLocalPath(form.next);
    if (!policy.token || !checkToken(policy, form.token ?? '')) {
      return c.html(page_(<LoginPage ctx={c.get('ctx')} next={next} failed />), 401);
    }
    setCookie(c, AUTH_COOKIE, sessionValue(policy.token), { path: '/', httpOnly: true, sameSite: 'Strict', secure: baseUrl.startsWith('https:'), maxAge: 7 * 24 * 3600 });
    return c.redirect(withParam(next, 'signedin', '1'), 303);
  });

  app.post('/corrections', bodyLimit({ maxSize: FORM_LIMIT, onError: tooLarge }), async (c) => {
    const form = await formBody(c);
    checkCsrf(c, form);
    guardWrite(c);
    const parsed = correctionInput.safeParse({
      targetKind: form.targetKind,
      targetId: form.targetId,
      story: form.story || undefined,
      article: form.article || undefined,
      field: form.field || undefined,
      message: form.message,
      suggestion: form.suggestion || undefined,
    });
    if (!parsed.success) throw new HttpError(400, c.get('ctx').t.badRequest, zodIssues(parsed.error));
    const rec = await addCorrection(store, parsed.data);
    const back = safeLocalPath(form.next);
    return c.redirect(withParam(back, 'reported', String(rec.id)) + `#corr-${rec.id}`, 303);
  });

  app.post('/corrections/:id/review', bodyLimit({ maxSize: FORM_LIMIT, onError: tooLarge }), async (c) => {
    const form = await formBody(c);
    checkCsrf(c, form);
    guardWrite(c);
    const id = Number(c.req.param('id'));
    const status = form.status;
    if (!Number.isInteger(id) || (status !== 'accepted' && status !== 'rejected' && status !== 'open')) throw new HttpError(400, c.get('ctx').t.badRequest);
    const rec = await reviewCorrection(store, id, status);
    if (!rec) return fail(c, 404, c.get('ctx').t.notFoundText);
    return c.redirect(`/corrections#corr-${rec.id}`, 303);
  });

  // ---------- feeds ----------
  const feedStories = async (f: Filters) => {
    if (f.q) {
      const hits = await searchHits(store, f, 50);
      const ids = [...new Set(hits.map((h) => h.story).filter((s): s is string => !!s))].slice(0, 30);
      const list = await listStories(store, { ids });
      const pos = new Map(ids.map((s, i) => [s, i]));
      return list.sort((a, b) => pos.get(a.id)! - pos.get(b.id)!);
    }
    return findStories(store, f, 30, 0);
  };
  const feedInfo = (c: Context<Env>, f: Filters, kind: 'rss' | 'atom') => {
    const t = c.get('ctx').t;
    const qs = new URLSearchParams();
    if (f.q) qs.set('q', f.q);
    if (f.entity) qs.set('entity', f.entity);
    const s = qs.toString() ? `?${qs}` : '';
    const what = [f.q ? `“${f.q}”` : '', f.entity ? f.entity : ''].filter(Boolean).join(' · ');
    return {
      title: `${t.siteName}: ${t.latestStories}${what ? ` — ${what}` : ''}`,
      link: `${baseUrl}/${s}`,
      self: `${baseUrl}/feeds/stories.${kind}${s}`,
      description: t.tagline,
      lang: c.get('ctx').lang,
    };
  };
  app.get('/feeds/stories.rss', async (c) => {
    const f = cleanFilters(c.req.query());
    const body = rss(feedInfo(c, f, 'rss'), await feedStories(f), baseUrl);
    c.header('content-type', 'application/rss+xml; charset=utf-8');
    return c.body(body);
  });
  app.get('/feeds/stories.atom', async (c) => {
    const f = cleanFilters(c.req.query());
    const body = atom(feedInfo(c, f, 'atom'), await feedStories(f), baseUrl);
    c.header('content-type', 'application/atom+xml; charset=utf-8');
    return c.body(body);
  });

  // ---------- API ----------
  const openapi = JSON.stringify(openApiDocument({ serverUrl: baseUrl }));
  app.get('/openapi.json', (c) => {
    c.header('content-type', 'application/json; charset=utf-8');
    return c.body(openapi);
  });
  app.get('/api', (c) => c.html(page_(<ApiIndexPage ctx={c.get('ctx')} routes={Object.values(ROUTES as Record<string, ApiRoute>)} />)));

  function input<R extends ApiRoute>(c: Context<Env>, r: R): { params: R['params'] extends z.ZodObject ? z.infer<R['params']> : Record<string, never>; query: R['query'] extends z.ZodObject ? z.infer<R['query']> : Record<string, never> } {
    const out: Record<string, unknown> = {};
    for (const [k, schema, raw] of [
      ['params', r.params, c.req.param()],
      ['query', r.query, c.req.query()],
    ] as const) {
      if (!schema) {
        out[k] = {};
        continue;
      }
      const p = schema.safeParse(raw);
      if (!p.success) throw new HttpError(400, `invalid ${k === 'params' ? 'path parameter' : 'query parameter'}`, zodIssues(p.error));
      out[k] = p.data;
    }
    return out as never;
  }
  async function jsonBody<T extends z.ZodType>(c: Context<Env>, schema: T): Promise<z.infer<T>> {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) throw new HttpError(415, 'expected Content-Type: application/json');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new HttpError(400, 'body is not valid JSON');
    }
    const p = schema.safeParse(raw);
    if (!p.success) throw new HttpError(400, 'invalid body', zodIssues(p.error));
    return p.data;
  }
  const needStory = async (c: Context<Env>, id: string) => {
    const v = await storyView(store, id);
    if (!v) throw new HttpError(404, 'no such story');
    return v;
  };

  // the unfiltered list is kept per page until a story is updated or an article added, as the home page is
  const storyLists = new Lru<{ at: number; text: string }>(256);
  app.get(ROUTES.stories.path, async (c) => {
    const { query } = input(c, ROUTES.stories);
    const f = cleanFilters(query as unknown as Record<string, string>);
    if (f.q || hasFilters(f)) return c.json({ stories: await findStories(store, f, query.limit, query.offset) });
    const key = `${(await storeVersion(store)).key}|${query.limit}|${query.offset}`;
    const kept = storyLists.get(key);
    let text = kept && keptFresh(store, kept.at) ? kept.text : undefined;
    if (text === undefined) storyLists.set(key, { at: Date.now(), text: (text = JSON.stringify({ stories: await findStories(store, f, query.limit, query.offset) })) });
    c.header('content-type', 'application/json');
    return c.body(text);
  });
  app.get(honoPath(ROUTES.story.path), async (c) => {
    const { params } = input(c, ROUTES.story);
    c.header('vary', 'accept-encoding');
    // the kept document's bytes as stored (gzip): sent as they are to a client that accepts gzip, else inflated
    // into a buffer (outside the JS heap: no per-request text for the garbage collector to copy)
    const gz = await storyDocGzip(store, params.id);
    if (gz === null) {
      const moved = await mergedInto(store, params.id, (to) => c.redirect(`/api/stories/${to}`, 301));
      if (moved) return moved;
      throw new HttpError(404, 'no such story');
    }
    c.header('content-type', 'application/json');
    if (acceptsGzip(c.req.header('accept-encoding'))) {
      c.header('content-encoding', 'gzip');
      return c.body(gz as unknown as Uint8Array<ArrayBuffer>);
    }
    return c.body(gunzipSync(gz) as unknown as Uint8Array<ArrayBuffer>);
  });
  app.get(honoPath(ROUTES.storyEntities.path), async (c) => {
    const { params } = input(c, ROUTES.storyEntities);
    return c.json({ entities: (await needStory(c, params.id)).doc.entities ?? [] });
  });
  app.get(ROUTES.articles.path, async (c) => {
    const { query } = input(c, ROUTES.articles);
    if (query.story) {
      const v = await needStory(c, query.story);
      return c.json({ articles: v.doc.articles.slice(query.offset, query.offset + query.limit) });
    }
    const rows = await store.db.selectFrom('articles').select('id').orderBy('seq', 'desc').limit(query.limit).offset(query.offset).execute();
    const arts = await listArticles(store, { ids: rows.map((r) => r.id) });
    arts.reverse();
    return c.json({
      articles: arts.map((a) => ({ id: a.id, story: a.storyId, input: a.input, url: a.url, outlet: a.outlet, title: a.title, published: a.published, language: a.language, authors: a.authors, citedSources: a.citedSources, captions: a.captions, text: a.text, paragraphs: a.paragraphs, sentences: a.sentences })),
    });
  });
  app.get(honoPath(ROUTES.article.path), async (c) => {
    const { params } = input(c, ROUTES.article);
    const a = await getArticle(store, params.id);
    if (!a) throw new HttpError(404, 'no such article');
    return c.json({ id: a.id, story: a.storyId, input: a.input, url: a.url, outlet: a.outlet, title: a.title, published: a.published, language: a.language, authors: a.authors, citedSources: a.citedSources, captions: a.captions, text: a.text, paragraphs: a.paragraphs, sentences: a.sentences });
  });
  app.get(ROUTES.entities.path, async (c) => {
    const { query } = input(c, ROUTES.entities);
    return c.json({ entities: await topEntities(store, query) });
  });
  app.get(honoPath(ROUTES.entity.path), async (c) => {
    const { params } = input(c, ROUTES.entity);
    const e = await entityView(store, params.id);
    if (!e) throw new HttpError(404, 'no such entity');
    return c.json({ id: e.id, type: e.type, name: e.name, country: e.country, coordinates: e.coordinates, aliases: e.aliases, roles: e.roles, stories: e.stories, quotes: e.quotes });
  });
  app.get(ROUTES.events.path, async (c) => {
    const { query } = input(c, ROUTES.events);
    return c.json({ events: (await needStory(c, query.story)).doc.events ?? [] });
  });
  app.get(ROUTES.agreements.path, async (c) => {
    const { query } = input(c, ROUTES.agreements);
    return c.json({ agreements: (await needStory(c, query.story)).doc.agreements ?? [] });
  });
  app.get(ROUTES.claims.path, async (c) => {
    const { query } = input(c, ROUTES.claims);
    return c.json({ claims: (await needStory(c, query.story)).doc.claims ?? [] });
  });
  app.get(ROUTES.search.path, async (c) => {
    const { query } = input(c, ROUTES.search);
    return c.json({ hits: await searchHits(store, cleanFilters(query as unknown as Record<string, string>), query.limit, query.offset) });
  });
  app.get(ROUTES.corrections.path, async (c) => {
    const { query } = input(c, ROUTES.corrections);
    return c.json({ corrections: await listCorrections(store, { story: query.story, article: query.article, status: query.status, limit: query.limit, offset: query.offset }) });
  });

  app.post(ROUTES.ingest.path, bodyLimit({ maxSize: maxIngest, onError: tooLarge }), async (c) => {
    guardWrite(c);
    const b = await jsonBody(c, ROUTES.ingest.body);
    let raw: RawInput;
    if (b.url !== undefined) {
      if (!isUrl(b.url)) throw new HttpError(400, 'url must be http or https');
      // expandInputs takes the URL branch only (checked above): the fetch refuses private addresses
      // after resolution and on every redirect unless the server was started with --allow-private
      let item: Awaited<ReturnType<ReturnType<typeof expandInputs>['next']>>['value'] | undefined;
      for await (const it of expandInputs([b.url], { maxBytes: Math.min(maxIngest, DEFAULT_MAX_BYTES), fetch: { allowPrivate: opts.allowPrivate ?? false } })) {
        item = it;
        break;
      }
      if (!item || 'error' in item) throw new HttpError(422, `cannot ingest ${b.url}: ${item && 'error' in item ? item.error : 'no content'}`);
      raw = item.raw;
    } else {
      const hints: NonNullable<RawInput['hints']> = {};
      if (b.source) hints.url = b.source;
      if (b.title) hints.title = b.title;
      if (b.outlet) hints.outlet = b.outlet;
      if (b.published) hints.published = b.published;
      if (b.language) hints.language = b.language;
      raw = { input: 'api', format: b.html !== undefined ? 'html' : 'text', content: (b.html ?? b.text)!, hints };
    }
    if (queue) {
      const r = await queue.add(raw);
      return c.json({ status: 'queued' as const, job: r.job, duplicate: r.duplicate }, r.duplicate ? 200 : 202);
    }
    const { processRaw } = await pipeline();
    let doc;
    try {
      doc = processRaw(raw);
    } catch (e) {
      throw new HttpError(422, (e as Error).message);
    }
    const r = await ingestDoc(store, doc);
    if (r.status === 'added') opts.onIngested?.();
    return c.json({ status: r.status, article: r.articleId, story: r.storyId }, r.status === 'added' ? 201 : 200);
  });

  app.post(ROUTES.correct.path, bodyLimit({ maxSize: FORM_LIMIT, onError: tooLarge }), async (c) => {
    guardWrite(c);
    const b = await jsonBody(c, ROUTES.correct.body);
    return c.json(await addCorrection(store, b), 201);
  });

  app.post(honoPath(ROUTES.review.path), bodyLimit({ maxSize: FORM_LIMIT, onError: tooLarge }), async (c) => {
    guardWrite(c);
    const { params } = input(c, ROUTES.review);
    const b = await jsonBody(c, ROUTES.review.body);
    const rec = await reviewCorrection(store, params.id, b.status);
    if (!rec) throw new HttpError(404, 'no such correction');
    return c.json(rec);
  });

  return app;
}

export interface IngestQueue {
  add(raw: RawInput): Promise<{ job: string; duplicate: boolean }>;
  close(): Promise<void>;
}

/**
 * Pages to the BullMQ ingest queue (src/queue/) that `kabar worker` processes, as `kabar ingest --queue` adds
 * them: job id = content hash (the same page twice is one job), retries with backoff, then the dead-letter
 * queue. One connection, opened with the first page.
 */
export function ingestQueue(redis: string, o: { prefix?: string; attempts?: number; backoffMs?: number } = {}): IngestQueue {
  let q: ReturnType<Awaited<ReturnType<typeof queueModule>>['openQueues']> | null = null;
  return {
    async add(raw) {
      const { jobIdFor, openQueues } = await queueModule();
      q ??= openQueues(redis, { prefix: o.prefix });
      const job = jobIdFor(raw);
      if (await q.ingest.getJob(job)) return { job, duplicate: true };
      await q.ingest.add('ingest', { raw }, {
        jobId: job,
        attempts: o.attempts ?? 4,
        backoff: { type: 'exponential', delay: o.backoffMs ?? 2000 },
        removeOnComplete: { count: 100_000 },
        removeOnFail: { count: 100_000 },
      });
      return { job, duplicate: false };
    },
    async close() {
      await q?.close();
      q = null;
    },
  };
}

/** The story page as a reader with this interface language and write permission sees it (CSRF token left to `slot`). */
export function storyPageVariant(lang: UiLang, writable: boolean, canWrite: boolean): PageVariant {
  return {
    // 'page:' rows hold packed pages (src/server/packed.ts); rows of the earlier 'html:' format are not read
    variant: `page:${lang}:${writable ? 1 : 0}${canWrite ? 1 : 0}`,
    render: (view, slot) => page_(<StoryPage ctx={{ lang, t: dict(lang), csrf: slot, here: `/story/${view.summary.id}`, writable, canWrite, notice: null }} view={view} />),
  };
}

/** The article page as a reader with this interface language and write permission sees it (CSRF token left to `slot`). */
export function articlePageVariant(lang: UiLang, writable: boolean, canWrite: boolean): ArticleVariant {
  return {
    variant: `page:${lang}:${writable ? 1 : 0}${canWrite ? 1 : 0}`,
    render: (a, doc, corrections, slot) => page_(<ArticlePage ctx={{ lang, t: dict(lang), csrf: slot, here: `/article/${a.id}`, writable, canWrite, notice: null }} a={a} doc={doc} corrections={corrections} />),
  };
}

/** Whether an Accept-Encoding header accepts gzip (named, or `*`, with a q-value above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qp ? Number(qp.slice(2)) : 1;
    const ok = Number.isFinite(q) && q > 0;
    if (name === 'gzip' || name === 'x-gzip') return ok;
    if (name === '*') star = ok;
  }
  return star;
}

function withParam(path: string, key: string, value: string): string {
  const u = new URL(path, 'http://kabar.invalid');
  u.searchParams.set(key, value);
  u.hash = '';
  return u.pathname + u.search;
}

const DOCTYPE = '<!doctype html>';
function page_(el: JSX.Element): string {
  return DOCTYPE + String(el);
}
const page = page_;

/**
 * A story id that re-clustering merged into another story (src/stories/recluster.ts) answers with a
 * permanent redirect to the story it went to, so links and bookmarks keep working; null otherwise.
 */
async function mergedInto<R>(store: Store, id: string, redirect: (to: string) => R): Promise<R | null> {
  const [to] = await resolveStoryIds(store, [id]);
  return to && to !== id ? redirect(to) : null;
}
