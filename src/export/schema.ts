// The kabar-export format, defined once in zod: the JSON Schema in schema/ is generated from
// this (npm run schema), and exports are checked against it in tests. Later versions add
// fields and arrays; they never rename or remove one.
import { z } from 'zod';

export const EXPORT_FORMAT = 'kabar-export';
export const EXPORT_VERSION = '1.1.0';

const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).describe('UTF-16 code-unit offsets into the article text');

export const exportStory = z.object({
  id: z.string(),
  title: z.string().nullable(),
  articles: z.array(z.string()).describe('article ids, in ingest order'),
  firstPublished: z.string().nullable(),
  lastPublished: z.string().nullable(),
});

export const exportArticle = z.object({
  id: z.string().describe('first 16 hex digits of the SHA-256 of the normalised text'),
  story: z.string().nullable(),
  input: z.string().describe('path, URL, "-" or "file.jsonl#line" that was ingested'),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable().describe('ISO 8601 date or datetime, or null when the page states none'),
  language: z.string().describe('ISO 639-1 code, "und" when unknown'),
  authors: z.array(z.string()),
  citedSources: z.array(z.string()),
  captions: z.array(z.object({ text: z.string(), credit: z.string().nullable() })),
  text: z.string().describe('clean body, paragraphs separated by a blank line'),
  paragraphs: z.array(span.extend({ lang: z.string() })),
  sentences: z.array(span),
});

export const exportReuse = z.object({
  a: z.string().describe('article id (the earlier-stored one)'),
  b: z.string().describe('article id (the later one)'),
  score: z.number().min(0).max(1).describe("share of b's sentences found in a"),
  sentences: z.array(z.object({ a: span, b: span })),
});

export const exportTime = z.object({
  article: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
  value: z.string().describe('TIMEX3 value: 2025-10-11, 2025-10-11TMO, 2025-10, 198X, P18Y, PAST_REF, XXXX-10-11 …'),
  anchor: z.string().nullable().describe('the date the value was resolved against (publication date or an earlier date in the text)'),
  interval: z.object({ start: z.string(), end: z.string() }).optional().describe('for ranges such as "9-11 Oktober 2025"'),
  mod: z.string().optional().describe('TIMEX3 mod: APPROX, MORE_THAN, LESS_THAN, START, MID, END'),
  confidence: z.number().min(0).max(1),
  anniversary: z
    .object({ ordinal: z.number().int(), of: z.string().optional(), since: z.string().optional() })
    .optional()
    .describe('for "ulang tahun ke-75 hubungan diplomatik": the ordinal, what it is of, and the founding year when the text states it'),
});

export const kabarExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.string().describe('semantic version of the format'),
  stories: z.array(exportStory),
  articles: z.array(exportArticle),
  reuse: z.array(exportReuse),
  times: z.array(exportTime).describe('time expressions per article (since 1.1.0)'),
});

export type KabarExport = z.infer<typeof kabarExport>;
export type ExportArticle = z.infer<typeof exportArticle>;

export function exportJsonSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://kabar.example/schema/kabar-export.schema.json',
    title: 'kabar-export',
    description: `Kabar export, format version ${EXPORT_VERSION}. See docs/export.md.`,
    ...(z.toJSONSchema(kabarExport) as Record<string, unknown>),
  };
}
