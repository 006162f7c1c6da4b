// The export's other shapes: PLOVER JSON lines (one event per line, the fields event-data users load) and CSV
// tables (events, agreements, quotes, entities) for spreadsheets. Both are views of the kabar-export document.
import { toPlover } from '../events/jsonl.ts';
import type { KabarExport } from './schema.ts';

/** One PLOVER JSON record per event, with the source sentence and article metadata of its first mention. */
export function ploverLines(exp: KabarExport): string {
  const articles = new Map(exp.articles.map((a) => [a.id, a]));
  const sentenceText = (article: string, sentence: number) => {
    const a = articles.get(article);
    const sp = a?.sentences[sentence];
    return a && sp ? a.text.slice(sp.start, sp.end) : undefined;
  };
  return exp.events
    .map((e) => {
      const first = e.evidence[0];
      const rec = toPlover(e, first ? sentenceText(first.article, first.sentence) : undefined);
      const a = first ? articles.get(first.article) : undefined;
      rec.mentions = e.evidence.map((v) => ({ ...v, url: articles.get(v.article)?.url ?? null, outlet: articles.get(v.article)?.outlet ?? null }));
      if (a) Object.assign(rec, { publication: a.outlet, url: a.url, published: a.published, language: a.language });
      return JSON.stringify(rec) + '\n';
    })
    .join('');
}

export const CSV_TABLES = ['events', 'agreements', 'quotes', 'entities'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/**
 * RFC 4180 field. A field a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with
 * an apostrophe: page text must never execute in the analyst's spreadsheet.
 */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rows(header: string[], body: unknown[][]): string {
  return [header, ...body].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvTable(exp: KabarExport, table: CsvTable): string {
  const outlet = new Map(exp.articles.map((a) => [a.id, a.outlet ?? a.url ?? a.id]));
  const outlets = (ids: string[]) => [...new Set(ids.map((id) => outlet.get(id) ?? id))];
  switch (table) {
    case 'events':
      return rows(
        ['id', 'story', 'type', 'mode', 'context', 'actors', 'actor_countries', 'recipients', 'recipient_countries', 'location', 'location_country', 'date', 'date_start', 'date_end', 'background', 'negated', 'modality', 'mentions', 'articles', 'outlets'],
        exp.events.map((e) => {
          const arts = [...new Set(e.evidence.map((v) => v.article))];
          return [
            e.id, e.story, e.type, e.mode, e.context,
            e.actors.map((p) => p.text), [...new Set(e.actors.flatMap((p) => (p.country ? [p.country] : [])))],
            e.recipients.map((p) => p.text), [...new Set(e.recipients.flatMap((p) => (p.country ? [p.country] : [])))],
            e.location?.text ?? null, e.location?.country ?? null,
            e.date.value, e.date.start, e.date.end, e.background, e.negated, e.modality,
            e.evidence.length, arts, outlets(arts),
          ];
        }),
      );
    case 'agreements':
      return rows(
        ['id', 'event', 'story', 'title', 'kind', 'parties', 'fields', 'date', 'place', 'signed', 'count', 'article', 'outlet'],
        exp.agreements.map((g) => [g.id, g.event, g.story, g.title, g.kind, g.parties, g.fields, g.date.value, g.place, g.signed, g.count ?? null, g.evidence[0]?.article ?? null, outlets(g.evidence.map((v) => v.article))]),
      );
    case 'quotes':
      return rows(
        ['id', 'speaker', 'speaker_entity', 'kind', 'text', 'article', 'outlet', 'start', 'end'],
        exp.quotes.map((q) => [q.id, q.speaker?.text ?? null, q.speaker?.entity ?? null, q.kind, q.text, q.article, outlet.get(q.article) ?? null, q.start, q.end]),
      );
    case 'entities':
      return rows(
        ['id', 'type', 'name', 'country', 'lat', 'lon', 'aliases', 'roles', 'mentions', 'articles'],
        exp.entities.map((e) => [
          e.id, e.type, e.name, e.country ?? null, e.coordinates?.[0] ?? null, e.coordinates?.[1] ?? null,
          [...new Set(e.aliases.map((a) => a.text))], [...new Set(e.roles.map((r) => (r.org ? `${r.title} (${r.org})` : r.title)))],
          e.mentions.length, new Set(e.mentions.map((m) => m.article)).size,
        ]),
      );
  }
}
