import type { TimeLexicon } from '../time/lexicon.ts';
import type { EventLexicon } from '../events/lexicon.ts';
import type { EntityOrgs, EntityTitles } from '../entities/langdata.ts';

// Per-language resources. Algorithms live in their stage folders and read these;
// adding a language is adding a folder under src/lang/ and registering it in index.ts.

export interface SentenceLangData {
  /** Tokens that end with a period but do not end a sentence, without the period ("Dr", "Prof", "Jl", "No"). */
  abbreviations: string[];
  /** Abbreviations that may also end a sentence (e.g. "dll", "etc"): a following capital splits. */
  terminalAbbreviations?: string[];
}

export interface ExtractLangData {
  /** Line prefixes that introduce the article's source URL or outlet ("Sumber:", "Source:", "Nguồn:"). */
  sourcePrefixes: string[];
  /** Line prefixes that introduce authors ("Oleh", "By", "Theo", "Penulis"). */
  bylinePrefixes: string[];
  /** Line prefixes that introduce editors ("Editor", "Diedit oleh", "Biên tập"). */
  editorPrefixes: string[];
  /** Headings of a list of cited sources ("Sumber-sumber", "Sources"). */
  citedSourcesHeadings: string[];
  /** Words that introduce a photo credit at the end of a caption ("Foto", "Photo", "Ảnh"). */
  captionCreditWords: string[];
  /** Words joining a credit word to the name it credits, instead of ":" or "/" ("Photo by X", "Foto oleh X"). */
  captionCreditAgents?: string[];
  /** Whole-line patterns that are boilerplate in this language (comment counters, "report an error", nav headings). */
  boilerplateLines: RegExp[];
  /** Headings after which a run of short title-like lines is a related/navigation list ("Baca juga", "Related"). */
  relatedHeadings?: string[];
  /** Month names for reading date lines, index 0 = January; full names and abbreviations, lower case. */
  months?: string[][];
  /** Order of an all-numeric date like 03/04/2025 when neither part exceeds 12. Default 'dmy'. */
  numericDateOrder?: 'dmy' | 'mdy';
  /** Words that mark a date as a later update, not the publication ("Diperbarui", "Updated", "Cập nhật"). */
  updatedWords?: string[];
  /** Words that join names in a byline list ("dan", "and", "và"): "A dan B" is two authors. */
  nameListConjunctions?: string[];
  /** Lower-case particles inside personal names ("bin", "van", "de"): allowed in an otherwise capitalised name. */
  nameParticles?: string[];
}

export interface DateLangData {
  /** Month names, index 0 = January; each entry lists full names and abbreviations, lower case. */
  months: string[][];
  /** Weekday names, index 0 = Monday; lower case. */
  weekdays: string[][];
}

export interface LanguageData {
  code: string;
  name: string;
  sentences: SentenceLangData;
  extract: ExtractLangData;
  dates: DateLangData;
  stopwords: string[];
  /** Temporal lexicon (time stage); a language without one is not time-tagged. */
  time?: TimeLexicon;
  /** Event verbs, cues, agreement and quote words (events stage). */
  events?: EventLexicon;
  /** Titles, honorifics, organisation and place heads (entities stage). */
  entities?: EntityTitles & EntityOrgs;
  /** Counted nouns, bounds, scales, currencies, positions and date cues (cross-check stage). */
  claims?: import('../crosscheck/lexicon.ts').ClaimLexicon;
  /** Is this an ordinary word of the language (a dictionary root or its derived form)? */
  isDictionaryWord?: (word: string) => boolean;
}
