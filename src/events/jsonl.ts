// `kabar events --jsonl FILE|-`: code sentences or texts outside the store. Reads `{id, text, lang?, published?}` per
// line and writes `{id, events: [...]}` per line (events as codeArticle returns them). Also PLOVER JSON records.
import readline from 'node:readline';
import countries from 'i18n-iso-countries';
import { identifyLanguage } from '../text/language.ts';
import { splitSentences } from '../text/sentences.ts';
import { codeArticle, type CodedEvent, type Party } from './code.ts';
import type { MergedEvent } from './merge.ts';

export interface EventsInput {
  id: string;
  text: string;
  lang?: string;
  published?: string | null;
}

/** The events of one input record. */
export function codeInput(rec: EventsInput): { id: string; lang: string; events: CodedEvent[] } {
  const lang = rec.lang ?? identifyLanguage(rec.text).lang;
  const l = lang === 'und' ? 'en' : lang;
  const events = codeArticle({ id: rec.id, text: rec.text, sentences: splitSentences(rec.text, l), language: l, published: rec.published ?? null });
  return { id: rec.id, lang: l, events };
}

/** Stream JSON lines in → JSON lines out; a bad line becomes `{line, error}` and does not stop the stream. Returns the records written. */
export async function eventsJsonl(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    try {
      const rec = JSON.parse(line) as EventsInput;
      if (typeof rec.text !== 'string') throw new Error('no "text" field');
      const r = codeInput({ ...rec, id: String(rec.id ?? lineNo) });
      output.write(JSON.stringify({ id: r.id, events: r.events }) + '\n');
    } catch (e) {
      output.write(JSON.stringify({ line: lineNo, error: (e as Error).message }) + '\n');
    }
    n++;
  }
  return n;
}

const iso3 = (cc?: string) => (cc ? countries.alpha2ToAlpha3(cc) : undefined);
const actor = (p: Pick<Party, 'text' | 'country'> & { entity?: string }) => ({
  actorText: p.text,
  ...(p.country ? { code: iso3(p.country) ?? p.country } : {}),
  ...(p.entity ? { entity: p.entity } : {}),
});

/** What a PLOVER record is made from: a merged event, or an exported one (src/export/schema.ts). */
export type PloverSource = Pick<MergedEvent, 'id' | 'date' | 'mode' | 'context' | 'triggers' | 'negated' | 'modality' | 'background' | 'location' | 'story'> & {
  actors: Array<Pick<Party, 'text' | 'country'> & { entity?: string }>;
  recipients: Array<Pick<Party, 'text' | 'country'> & { entity?: string }>;
  type: string;
  evidence: unknown[];
};

/** An event as a PLOVER JSON record (the fields of the PLOVER gold records: event, mode, context, source, target, eventText, date, eventLoc). */
export function toPlover(e: PloverSource, text?: string): Record<string, unknown> {
  const rec: Record<string, unknown> = {
    id: e.id,
    date: e.date.value,
    event: e.type,
    mode: e.mode ?? '',
    context: e.context.join(', '),
    source: e.actors.map(actor),
    target: e.recipients.map(actor),
    eventText: e.triggers.join('; '),
    negated: e.negated,
    modality: e.modality,
    background: e.background,
    mentions: e.evidence,
  };
  if (e.location) rec.eventLoc = { text: e.location.text, ...(e.location.country ? { code: iso3(e.location.country) ?? e.location.country } : {}) };
  if (text !== undefined) rec.text = text;
  if (e.story) rec.story = e.story;
  return rec;
}
