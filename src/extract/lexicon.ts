// The extraction lexicons of all languages Kabar knows, merged. A dump's language is not known
// before extraction (language identification runs later), so the classifier applies every
// language's page furniture at once; a hint only decides ambiguous numeric date order.

import type { ExtractLangData } from '../lang/types.ts';
import { extract as id } from '../lang/id/extract.ts';
import { extract as en } from '../lang/en/extract.ts';
import { extract as vi } from '../lang/vi/extract.ts';
import { extract as ms } from '../lang/ms/extract.ts';
import { extract as de } from '../lang/de/extract.ts';
import { extract as fr } from '../lang/fr/extract.ts';
import { extract as es } from '../lang/es/extract.ts';
import { extract as pt } from '../lang/pt/extract.ts';
import { extract as it } from '../lang/it/extract.ts';
import { extract as nl } from '../lang/nl/extract.ts';
import { extract as ro } from '../lang/ro/extract.ts';
import { extract as ar } from '../lang/ar/extract.ts';
import { extract as pl } from '../lang/pl/extract.ts';
import { baseCode } from '../lang/index.ts';
import { escapeRegExp } from '../util/common.ts';

/** Languages of the text-dump classifier (Kabar's input languages). */
export const LANGS: Readonly<Record<string, ExtractLangData>> = { id, en, vi, ms };
export const ALL_LANGS: readonly ExtractLangData[] = Object.values(LANGS);

/**
 * Every language with an extraction lexicon, for HTML pages: markup already separates bylines and
 * dates from prose, so the wider set (de, fr, es, pt, it, nl…) helps there without the risk it
 * carries for a bare text dump (Italian "Di …" would read Indonesian "Di …" lines as bylines).
 * Adding a language: a src/lang/<code>/extract.ts file and one entry here.
 */
export const WEB_LANGS_BY_CODE: Readonly<Record<string, ExtractLangData>> = { ...LANGS, de, fr, es, pt, it, nl, ro, ar, pl };
export const WEB_LANGS: readonly ExtractLangData[] = Object.values(WEB_LANGS_BY_CODE);

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
  /** Caption credit agent words ("by", "oleh") alternation, for the same pattern. */
  creditAgentAlt: string;
  updated: RegExp;
  /** Splits a byline list into names: commas, "&", "/", and each language's "and". */
  nameList: RegExp;
  /** Lower-case particles allowed inside a name ("bin", "van", "de"). */
  nameParticles: ReadonlySet<string>;
}


function alt(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** Name-list words of every web language: a byline can list names written in another language ("X und Y"). */
function nameWords(k: 'nameListConjunctions' | 'nameParticles'): string[] {
  return WEB_LANGS.flatMap((l) => l[k] ?? []);
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
    creditAgentAlt: alt(all('captionCreditAgents')),
    updated: new RegExp(`(?<![\\p{L}])(?:${alt(all('updatedWords'))})(?![\\p{L}])`, 'iu'),
    nameList: new RegExp(`\\s*(?:,|&|\\/|\\s(?:${alt(nameWords('nameListConjunctions'))})\\s)\\s*`, 'iu'),
    nameParticles: new Set(['&', ...nameWords('nameParticles'), ...nameWords('nameListConjunctions')].map((w) => w.toLowerCase())),
  };
}

export const LEXICON: MergedLexicon = build(ALL_LANGS);
/** The merged lexicon of all web languages (HTML extraction). */
export const WEB_LEXICON: MergedLexicon = build(WEB_LANGS);

/** Numeric date order for a language hint ('dmy' when unknown). */
export function dateOrderFor(lang: string | null | undefined): 'dmy' | 'mdy' {
  return WEB_LANGS_BY_CODE[baseCode(lang)]?.numericDateOrder ?? 'dmy';
}
