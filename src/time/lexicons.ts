// Temporal lexicons come from the language registry (src/lang/<code>/time.ts via src/lang/index.ts).
import type { TimeLexicon } from './lexicon.ts';
import { findLanguage, languages } from '../lang/index.ts';

export const timeLexicons: Record<string, TimeLexicon> = Object.fromEntries(
  Object.entries(languages).flatMap(([code, l]) => (l.time ? [[code, l.time]] : [])),
);

/** The lexicon for `code` ("id", "en-US"); null when the language has none. */
export function getTimeLexicon(code: string): TimeLexicon | null {
  return findLanguage(code)?.time ?? null;
}
