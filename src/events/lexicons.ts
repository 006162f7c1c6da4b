// Event lexicons come from the language registry (src/lang/<code>/events.ts via src/lang/index.ts).
import type { EventLexicon } from './lexicon.ts';
import { findLanguage, languages } from '../lang/index.ts';


/** The event lexicon of a language; English when the language has none. */
export function eventLexicon(lang: string): EventLexicon {
  return findLanguage(lang)?.events ?? languages.en!.events!;
}

/** One word field of every language's event lexicon, lower case: cues that mixed-language text may carry. */
export function allLanguagesWords(field: 'actorDeterminers' | 'genitives' | 'spanBoundaries' | 'clauseOpeners' | 'determiners' | 'complementizers'): ReadonlySet<string> {
  return new Set(Object.values(languages).flatMap((l) => (l.events?.[field] ?? []).map((w) => w.toLowerCase())));
}

/** Words that join the capitalised parts of one name in any language: name particles ("bin", "van", "de") and
 * the event lexicons' name linkers ("of"). */
export const NAME_LINKERS: ReadonlySet<string> = new Set(
  Object.values(languages).flatMap((l) => [...(l.extract.nameParticles ?? []), ...(l.events?.nameLinkers ?? [])].map((w) => w.toLowerCase())),
);
