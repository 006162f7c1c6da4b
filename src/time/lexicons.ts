// Temporal lexicons come from the language registry (src/lang/<code>/time.ts via src/lang/index.ts).
import type { TimeLexicon } from './lexicon.ts';
import { findLanguage } from '../lang/index.ts';

/** The lexicon for `code` ("id", "en-US"); null when the language has none. */
export function getTimeLexicon(code: string): TimeLexicon | null {
  return findLanguage(code)?.time ?? null;
}
