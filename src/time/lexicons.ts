// Registry of temporal lexicons (data in src/lang/<code>/time.ts). Adding a language = one line here.
import type { TimeLexicon } from './lexicon.ts';
import { time as en } from '../lang/en/time.ts';
import { time as id } from '../lang/id/time.ts';
import { time as ms } from '../lang/ms/time.ts';
import { time as vi } from '../lang/vi/time.ts';

export const timeLexicons: Record<string, TimeLexicon> = { id, en, vi, ms };

/** The lexicon for `code` ("id", "en-US"); null when the language has none. */
export function getTimeLexicon(code: string): TimeLexicon | null {
  const base = (code ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return timeLexicons[base] ?? null;
}
