// Registry of the per-language event lexicons (src/lang/<code>/events.ts). Adding a language: add its file and a line here.
import type { EventLexicon } from './lexicon.ts';
import { events as en } from '../lang/en/events.ts';
import { events as id } from '../lang/id/events.ts';
import { events as ms } from '../lang/ms/events.ts';
import { events as vi } from '../lang/vi/events.ts';

const lexicons: Record<string, EventLexicon> = { en, id, ms, vi };

export const eventLanguages = Object.keys(lexicons);

/** The event lexicon of a language; English when the language has none. */
export function eventLexicon(lang: string): EventLexicon {
  return lexicons[lang] ?? lexicons[lang.slice(0, 2)] ?? en;
}
