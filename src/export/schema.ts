// The kabar-export format, defined once in zod: the JSON Schema in schema/ is generated from
// this (npm run schema), and exports are checked against it in tests. Later versions add
// fields and arrays; they never rename or remove one.
import { z } from 'zod';

export const EXPORT_FORMAT = 'kabar-export';
export const EXPORT_VERSION = '1.5.0';

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

const articleSpan = z.object({ article: z.string(), sentence: z.number().int().min(0), start: z.number().int().min(0), end: z.number().int().min(0) }).describe('where an article states it: sentence index and UTF-16 span');

export const exportEntity = z.object({
  id: z.string().describe('stable id from the linking key: the same entity in every article and language'),
  type: z.enum(['PERSON', 'ORGANISATION', 'PLACE', 'OTHER']),
  name: z.string().describe('canonical name'),
  aliases: z.array(z.object({ text: z.string(), lang: z.string() })).describe('every spelling seen, with the language of its article'),
  roles: z.array(z.object({ title: z.string(), org: z.string().optional(), article: z.string() })).describe('roles as each source gives them'),
  mentions: z.array(z.object({ article: z.string(), start: z.number().int().min(0), end: z.number().int().min(0) })),
  country: z.string().optional().describe('ISO 3166-1 alpha-2, for places'),
  coordinates: z.tuple([z.number(), z.number()]).optional().describe('[lat, lon], for cities'),
});

const party = z.object({
  text: z.string().describe("the linked entity's canonical name (a name the party's words give in full), else the words the article uses"),
  entity: z.string().optional().describe('id in entities[] when linked'),
  country: z.string().optional().describe("ISO 3166-1 alpha-2 of the party or the person's country"),
  role: z.string().optional().describe('for a person: the title the article gives with the name ("Presiden Negara", "President of Chile") (since 1.4.0)'),
});

export const exportEvent = z.object({
  id: z.string(),
  story: z.string().nullable(),
  type: z.string().describe('PLOVER event type: AGREE, CONSULT, SUPPORT, ...'),
  mode: z.string().nullable().describe('PLOVER mode, e.g. visit, phone, multilateral, third-party for CONSULT'),
  context: z.array(z.string()),
  actors: z.array(party),
  recipients: z.array(party),
  location: z.object({ text: z.string(), country: z.string().optional() }).nullable(),
  date: z.object({ start: z.string().nullable(), end: z.string().nullable(), value: z.string().nullable() }).describe('TIMEX3 value and the interval it covers'),
  dateFrom: z
    .enum(['context', 'story'])
    .optional()
    .describe('(since 1.5.0) where a date no mention\'s own sentence gives came from: "context" an earlier sentence of the paragraph, "story" the visit or talks it happened during (the interval it lies within, not its own day); absent when a sentence dates it'),
  background: z.boolean().describe('history recalled in passing (dated before the reported news), not an event of the story'),
  negated: z.boolean(),
  modality: z.enum(['asserted', 'future', 'planned', 'hypothetical', 'reported']),
  intent: z.string().optional().describe('for a promise, demand or refusal: the type of the framed event'),
  triggers: z.array(z.string()),
  evidence: z.array(articleSpan),
});

export const exportAgreement = z.object({
  id: z.string(),
  event: z.string().nullable().describe('id in events[] of the signing, when coded'),
  story: z.string().nullable(),
  title: z.string().describe('as written'),
  kind: z.string().describe('agreement, memorandum, protocol, letter-of-intent, minutes, joint-statement, treaty, contract, ...'),
  parties: z.array(z.string()).describe('the parties as the article writes them'),
  partyRefs: z.array(party).describe('the same parties, in the same order, as entity references like events\' actors (since 1.5.0)'),
  fields: z.array(z.string()),
  date: z.object({ start: z.string().nullable(), end: z.string().nullable(), value: z.string().nullable() }),
  place: z.string().nullable(),
  signed: z.boolean(),
  count: z.number().int().optional().describe('the number of documents the article claims when it lists this one among them'),
  evidence: z.array(articleSpan),
});

export const exportQuote = z.object({
  id: z.string(),
  speaker: z.object({ text: z.string(), entity: z.string().optional() }).nullable(),
  text: z.string(),
  kind: z.enum(['direct', 'reported', 'interview']),
  article: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

const claimValue = z.object({
  value: z.union([z.string(), z.number()]).describe('the value: a date (2025-03-12, 2025-03, XXXX-02-19), a number, a label (a kind, a place key, a role)'),
  qualifier: z.enum(['approx', 'at-least', 'at-most']).optional().describe('for numbers given rounded ("about") or as a bound ("more than")'),
  variants: z.array(z.string()).describe('the different ways sources wrote it'),
  articles: z.array(z.string()).describe('articles that state this value'),
  independentSources: z.number().int().min(0).describe('articles counted once per origin (copied text, citation, same outlet)'),
  sharedOrigins: z.array(z.array(z.string())).describe('groups of two or more of these articles that are one origin'),
  evidence: z.array(articleSpan),
});

export const exportClaim = z.object({
  id: z.string().describe('stable id from story, subject, attribute and values'),
  story: z.string(),
  subject: z.object({ kind: z.enum(['story', 'event', 'agreement', 'entity']), id: z.string(), label: z.string() }).describe('what the claim is about'),
  attribute: z.string().describe('date.start, date.end, date, type, place, kind, documents, people.dead, homes, minute, amount.USD, role, quote, ...'),
  status: z.enum(['corroborated', 'single-source', 'contested']).describe('corroborated: 2+ independent sources, one value; contested: independent sources give values that cannot both be true'),
  values: z.array(claimValue),
});

export const exportConsistency = z.object({
  id: z.string(),
  story: z.string(),
  kind: z.enum(['anniversary', 'time-since']).describe('an anniversary against the founding year, or "first in N years" against the last such event or against the other sources'),
  text: z.string().describe('the words checked, as written'),
  stated: z.string().describe('what the text says, normalised'),
  expected: z.string().describe('what the other evidence implies, with the arithmetic'),
  status: z.enum(['consistent', 'inconsistent']),
  evidence: z.array(articleSpan),
});

export const exportCorrection = z.object({
  id: z.number().int(),
  targetKind: z.enum(['story', 'article', 'fact', 'event', 'agreement', 'entity', 'quote', 'claim']),
  targetId: z.string().describe('id of what the report is about'),
  story: z.string().nullable(),
  article: z.string().nullable(),
  field: z.string().nullable().describe("which part of the target: a claim's attribute, an event's date, ..."),
  message: z.string().describe('what the reader says is wrong'),
  suggestion: z.string().nullable().describe('what it should say'),
  status: z.enum(['open', 'accepted', 'rejected']),
  created: z.string().describe('ISO 8601 time the report was filed'),
  reviewed: z.string().nullable(),
});

export const kabarExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.string().describe('semantic version of the format'),
  stories: z.array(exportStory),
  articles: z.array(exportArticle),
  reuse: z.array(exportReuse),
  times: z.array(exportTime).describe('time expressions per article (since 1.1.0)'),
  entities: z.array(exportEntity).describe('people, organisations and places, one per real thing across articles and languages (since 1.2.0)'),
  events: z.array(exportEvent).describe('PLOVER events, one per happening per story, with every mention (since 1.2.0)'),
  agreements: z.array(exportAgreement).describe('documents signed or agreed (since 1.2.0)'),
  quotes: z.array(exportQuote).describe('direct and reported speech with the speaker (since 1.2.0)'),
  claims: z.array(exportClaim).describe('every fact of each story with the sources stating each value and its status (since 1.3.0)'),
  consistency: z.array(exportConsistency).describe('arithmetic checks of anniversaries and "first in N years" (since 1.3.0)'),
  corrections: z.array(exportCorrection).describe('errors readers reported in the reader, with their review state (since 1.3.0)'),
});

export type KabarExport = z.infer<typeof kabarExport>;
export type ExportArticle = z.infer<typeof exportArticle>;
export type ExportEvent = z.infer<typeof exportEvent>;
export type ExportAgreement = z.infer<typeof exportAgreement>;
export type ExportQuote = z.infer<typeof exportQuote>;
export type ExportEntityRecord = z.infer<typeof exportEntity>;
export type ExportClaim = z.infer<typeof exportClaim>;
export type ExportConsistency = z.infer<typeof exportConsistency>;

export function exportJsonSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://kabar.example/schema/kabar-export.schema.json',
    title: 'kabar-export',
    description: `Kabar export, format version ${EXPORT_VERSION}. See docs/export.md.`,
    ...(z.toJSONSchema(kabarExport) as Record<string, unknown>),
  };
}
