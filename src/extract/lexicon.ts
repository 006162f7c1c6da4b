// The extraction lexicons of all languages Kabar knows, merged. A dump's language is not known
// before extraction (language identification runs later), so the classifier applies every
// language's page furniture at once; a hint only decides ambiguous numeric date order.

import type { ExtractLangData } from '../lang/types.ts';
import { extract as id } from '../lang/id/extract.ts';
import { extract as en } from '../lang/en/extract.ts';
import { extract as vi } from '../lang/vi/extract.ts';
import { extract as ms } from '../lang/ms/extract.ts';

export const LANGS: Readonly<Record<string, ExtractLangData>> = { id, en, vi, ms };
export const ALL_LANGS: readonly ExtractLangData[] = Object.values(LANGS);

export interface MergedLexicon {
  /** `^(prefix)\s*[:：]\s*(rest)$` */
  source: RegExp;
  /** `^(prefix)(\s*[:：]\s*|\s+)(rest)$` */
  byline: RegExp;
  editor: RegExp;
  citedHeading: RegExp;
  relatedHeading: RegExp;
  boilerplate: RegExp[];
  /** Caption credit words alternation, for building the caption pattern. */
  creditAlt: string;
  updated: RegExp;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alt(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}

function build(langs: readonly ExtractLangData[]): MergedLexicon {
  const all = <K extends keyof ExtractLangData>(k: K): string[] =>
    langs.flatMap((l) => (l[k] as string[] | undefined) ?? []);
  return {
    source: new RegExp(`^(?:${alt(all('sourcePrefixes'))})\\s*[:：]\\s*(.+)$`, 'iu'),
    byline: new RegExp(`^(?:${alt(all('bylinePrefixes'))})(?:\\s*[:：]\\s*|\\s+)(.+)$`, 'iu'),
    editor: new RegExp(`^(?:${alt(all('editorPrefixes'))})(?:\\s*[:：]\\s*|\\s+)(.+)$`, 'iu'),
    citedHeading: new RegExp(`^(?:${alt(all('citedSourcesHeadings'))})\\s*[:：]?$`, 'iu'),
    relatedHeading: new RegExp(`^(?:${alt(all('relatedHeadings'))})\\s*[:：]?$`, 'iu'),
    boilerplate: langs.flatMap((l) => l.boilerplateLines),
    creditAlt: alt(all('captionCreditWords')),
    updated: new RegExp(`(?<![\\p{L}])(?:${alt(all('updatedWords'))})(?![\\p{L}])`, 'iu'),
  };
}

export const LEXICON: MergedLexicon = build(ALL_LANGS);

/** Numeric date order for a language hint ('dmy' when unknown). */
export function dateOrderFor(lang: string | null | undefined): 'dmy' | 'mdy' {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return LANGS[base]?.numericDateOrder ?? 'dmy';
}
