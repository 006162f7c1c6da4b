// The JSON API: every route is declared once with zod schemas for its path parameters, query, body and
// response; the same schemas validate requests at run time and make the OpenAPI document (/openapi.json),
// so the document cannot drift from what the server does.
import { z } from 'zod';
import { exportAgreement, exportArticle, exportClaim, exportEntity, exportEvent, exportQuote, kabarExport, EXPORT_VERSION } from '../export/schema.ts';
import { correctionInput, correctionRecord, CORRECTION_STATUSES } from './corrections.ts';

const storyId = z.string().regex(/^s[0-9a-f]{16}$/).describe('story id: "s" + 16 hex digits');
const articleId = z.string().regex(/^[0-9a-f]{16}$/).describe('article id: 16 hex digits');
const entityId = z.string().regex(/^e[0-9a-f]{16}$/).describe('entity id: "e" + 16 hex digits');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const paging = {
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('how many (1–100)'),
  // deep offsets cost a walk over every skipped row: past 10,000 narrow the query with filters instead
  offset: z.coerce.number().int().min(0).max(10_000).default(0).describe('how many to skip (at most 10,000: narrow deeper queries with filters such as from/to)'),
};
const filters = {
  lang: z.string().regex(/^[a-z]{2,3}$/).optional().describe('only stories/articles with an article in this language (ISO 639-1)'),
  outlet: z.string().max(200).optional().describe('only those with an article from this outlet'),
  from: date.optional().describe('published on or after (YYYY-MM-DD)'),
  to: date.optional().describe('published on or before (YYYY-MM-DD)'),
  entity: z.string().max(200).optional().describe('mentioning this entity (id, name or alias)'),
};

export const storySummary = z.object({
  id: z.string(),
  title: z.string().nullable(),
  articles: z.number().int(),
  outlets: z.array(z.string()),
  languages: z.array(z.string()),
  firstPublished: z.string().nullable(),
  lastPublished: z.string().nullable(),
  updatedAt: z.string(),
});

export const searchHit = z.object({
  article: z.string(),
  story: z.string().nullable(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string(),
  snippet: z.string().describe('the matching passage; matched words between U+E000 and U+E001'),
});

export const ingestBody = z
  .object({
    text: z.string().min(1).optional().describe('plain text of an article (a text dump)'),
    html: z.string().min(1).optional().describe('an HTML page'),
    url: z.string().url().optional().describe('an http(s) URL to fetch (private and loopback addresses are refused)'),
    source: z.string().max(2000).optional().describe('the page URL, for text or HTML sent inline'),
    title: z.string().max(1000).optional(),
    outlet: z.string().max(200).optional(),
    published: z.string().max(40).optional().describe('ISO 8601 date or datetime'),
    language: z.string().regex(/^[a-z]{2,3}$/).optional().describe('ISO 639-1 hint'),
  })
  .refine((b) => [b.text, b.html, b.url].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of text, html or url' });

export const ingestResult = z.union([
  z.object({
    status: z.enum(['added', 'present']),
    article: z.string(),
    story: z.string().nullable(),
  }),
  // a server started with a queue (kabar serve --queue): the page waits for a worker (HTTP 202)
  z.object({
    status: z.literal('queued'),
    job: z.string().describe('the job id: a hash of the page, so the same page sent twice is one job'),
    duplicate: z.boolean().describe('the page was queued before'),
  }),
]);

export const apiError = z.object({ error: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() });

export const entitySummary = z.object({ id: z.string(), type: z.string(), name: z.string(), country: z.string().nullable(), articles: z.number().int() });

export const entityDetail = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  country: z.string().nullable(),
  coordinates: z.tuple([z.number(), z.number()]).nullable(),
  aliases: z.array(z.object({ text: z.string(), lang: z.string() })),
  roles: z.array(z.object({ title: z.string(), org: z.string().nullable(), article: z.string(), story: z.string().nullable(), published: z.string().nullable(), outlet: z.string().nullable() })),
  stories: z.array(storySummary),
  quotes: z.array(exportQuote),
});

export interface ApiRoute {
  method: 'get' | 'post';
  /** OpenAPI path, parameters in braces */
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
  /** needs the write token (when the server requires one) */
  write?: boolean;
}

export const ROUTES = {
  stories: { method: 'get', path: '/api/stories', summary: 'Stories, most recently updated first, with filters', query: z.object({ ...paging, ...filters }), response: z.object({ stories: z.array(storySummary) }) },
  story: { method: 'get', path: '/api/stories/{id}', summary: "One story's kabar-export document (articles, reuse, times, entities, events, agreements, quotes, corrections)", params: z.object({ id: storyId }), response: kabarExport },
  articles: { method: 'get', path: '/api/articles', summary: "Articles of a story, or the latest articles", query: z.object({ story: storyId.optional(), ...paging }), response: z.object({ articles: z.array(exportArticle) }) },
  article: { method: 'get', path: '/api/articles/{id}', summary: 'One article', params: z.object({ id: articleId }), response: exportArticle },
  entities: { method: 'get', path: '/api/entities', summary: 'Entities, most mentioned first', query: z.object({ type: z.enum(['PERSON', 'ORGANISATION', 'PLACE', 'OTHER']).optional(), ...paging }), response: z.object({ entities: z.array(entitySummary) }) },
  entity: { method: 'get', path: '/api/entities/{id}', summary: 'One entity: aliases, roles over time, stories, quotes', params: z.object({ id: entityId }), response: entityDetail },
  storyEntities: { method: 'get', path: '/api/stories/{id}/entities', summary: "A story's entities with their mentions", params: z.object({ id: storyId }), response: z.object({ entities: z.array(exportEntity) }) },
  events: { method: 'get', path: '/api/events', summary: "A story's events (PLOVER)", query: z.object({ story: storyId }), response: z.object({ events: z.array(exportEvent) }) },
  agreements: { method: 'get', path: '/api/agreements', summary: "A story's agreements", query: z.object({ story: storyId }), response: z.object({ agreements: z.array(exportAgreement) }) },
  claims: { method: 'get', path: '/api/claims', summary: "A story's cross-checked claims (corroborated, single-source, contested) with their sources", query: z.object({ story: storyId }), response: z.object({ claims: z.array(exportClaim) }) },
  search: { method: 'get', path: '/api/search', summary: 'Full-text search of articles (all words must match, diacritics ignored), with filters', query: z.object({ q: z.string().min(1).max(300), ...paging, ...filters }), response: z.object({ hits: z.array(searchHit) }) },
  corrections: { method: 'get', path: '/api/corrections', summary: 'Reported errors, newest first', query: z.object({ story: storyId.optional(), article: articleId.optional(), status: z.enum(CORRECTION_STATUSES).optional(), ...paging }), response: z.object({ corrections: z.array(correctionRecord) }) },
  ingest: { method: 'post', path: '/api/ingest', summary: 'Ingest one article: text, HTML or a URL to fetch (queued for a worker, HTTP 202, when the server has a queue)', body: ingestBody, response: ingestResult, status: 201, write: true },
  correct: { method: 'post', path: '/api/corrections', summary: 'Report an error in a story, article, fact, event, agreement, entity, quote or claim', body: correctionInput, response: correctionRecord, status: 201, write: true },
  review: { method: 'post', path: '/api/corrections/{id}/review', summary: 'Set the review state of a reported error', params: z.object({ id: z.coerce.number().int().min(1) }), body: z.object({ status: z.enum(CORRECTION_STATUSES) }), response: correctionRecord, write: true },
} satisfies Record<string, ApiRoute>;

/** Hono path ("/api/stories/:id") of an OpenAPI path ("/api/stories/{id}"). */
export function honoPath(p: string): string {
  return p.replace(/\{(\w+)\}/g, ':$1');
}

function jsonSchema(s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

/** The OpenAPI 3.1 document of ROUTES (JSON Schema 2020-12, which OpenAPI 3.1 uses as is). */
export function openApiDocument(opts: { serverUrl?: string } = {}): Record<string, unknown> {
  const named = new Map<z.ZodType, string>([
    [kabarExport, 'KabarExport'],
    [exportArticle, 'Article'],
    [correctionRecord, 'Correction'],
    [correctionInput, 'CorrectionInput'],
    [ingestBody, 'IngestRequest'],
    [ingestResult, 'IngestResult'],
    [entityDetail, 'Entity'],
    [apiError, 'Error'],
  ]);
  const components: Record<string, unknown> = {};
  const ref = (s: z.ZodType, io: 'input' | 'output') => {
    const name = named.get(s);
    if (!name) return jsonSchema(s, io);
    if (!components[name]) components[name] = jsonSchema(s, io);
    return { $ref: `#/components/schemas/${name}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [opId, r] of Object.entries(ROUTES) as Array<[string, ApiRoute]>) {
    const parameters: unknown[] = [];
    for (const [where, obj] of [['path', r.params], ['query', r.query]] as const) {
      if (!obj) continue;
      const schema = jsonSchema(obj, 'input') as { properties?: Record<string, { description?: string }>; required?: string[] };
      for (const [name, p] of Object.entries(schema.properties ?? {})) {
        const { description, ...rest } = p;
        parameters.push({ name, in: where, required: where === 'path' || (schema.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
      }
    }
    const op: Record<string, unknown> = {
      operationId: opId,
      summary: r.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: ref(r.response, 'output') } } },
        '400': { description: 'invalid parameters or body', content: { 'application/json': { schema: ref(apiError, 'output') } } },
        ...(r.params ? { '404': { description: 'not found', content: { 'application/json': { schema: ref(apiError, 'output') } } } } : {}),
        ...(r.write
          ? {
              '401': { description: 'the write token is missing or wrong' },
              '403': { description: 'writes are disabled (server listens beyond loopback without KABAR_TOKEN)' },
              '413': { description: 'body too large' },
              '415': { description: 'body is not application/json' },
              '429': { description: 'too many writes from this client; see Retry-After' },
            }
          : {}),
      },
      ...(r.write ? { security: [{ bearer: [] }, {}] } : {}),
    };
    (paths[r.path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kabar API',
      version: '1.0.0',
      description: `Stories, articles, entities, events, agreements, claims and search over a Kabar store; export documents use kabar-export ${EXPORT_VERSION}. Writes need \`Authorization: Bearer <KABAR_TOKEN>\` when the server has a token (always when it listens beyond loopback).`,
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the KABAR_TOKEN the server was started with' } },
    },
  };
}
