// Registry of per-language resources. Adding a language = adding a folder and one line here.
import type { LanguageData } from './types.ts';
import { language as en } from './en/index.ts';
import { clitics as idClitics, language as id, distinctiveWords as idDistinctive } from './id/index.ts';
import { clitics as msClitics, language as ms, distinctiveWords as msDistinctive } from './ms/index.ts';
import { language as vi } from './vi/index.ts';

export const languages: Record<string, LanguageData> = { id, en, vi, ms };

export const supportedLanguages: string[] = Object.keys(languages);

/** The language part of a tag, lower case: "en-US" → "en", "ms_MY" → "ms". */
export function baseCode(code: string | null | undefined): string {
  return (code ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Resources for `code` ("id", "en-US", "ID"); undefined when Kabar has none for it. */
export function findLanguage(code: string | null | undefined): LanguageData | undefined {
  return languages[baseCode(code)];
}

/** Resources for `code` ("id", "en-US", "ID"); English data for unknown codes. */
export function getLanguage(code: string): LanguageData {
  return findLanguage(code) ?? en;
}

const stopwordCache = new Map<string, ReadonlySet<string>>();
const noStopwords: ReadonlySet<string> = new Set();

/**
 * Stop words of `lang`, NFC lower case (single words and multi-word entries); none for a language Kabar has no
 * resources for (not another language's). The one cached set every stage reads.
 */
export function stopwordsFor(lang: string): ReadonlySet<string> {
  const base = baseCode(lang);
  if (!(base in languages)) return noStopwords;
  let set = stopwordCache.get(base);
  if (!set) stopwordCache.set(base, (set = new Set(languages[base]!.stopwords.map((w) => w.normalize('NFC').toLowerCase()))));
  return set;
}

/** Languages a general detector cannot tell apart, with what separates them. */
export interface CloseLanguageGroup {
  /** Per member, the words (lower case, one or two words) that mark it against the others, weighted 1..3. */
  words: Record<string, Record<string, number>>;
  /** Suffixes shared by the members that may be stripped to find a listed word ("kualitinya" → "kualiti"). */
  clitics: string[];
}

/** Language identification resolves within these groups with word evidence. The first member is the default. */
export const closeLanguageGroups: CloseLanguageGroup[] = [
  { words: { id: idDistinctive, ms: msDistinctive }, clitics: [...new Set([...idClitics, ...msClitics])] },
];
