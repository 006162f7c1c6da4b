// What the cross-check needs from a language: the nouns things are counted in, the states counted people are in,
// approximation and bound markers, number scales and currencies, ordinal positions ("67th minute"), and the words
// that make a date the start or the end of what is reported. The data lives in src/lang/<code>/claims.ts.
import { findLanguage, languages } from '../lang/index.ts';

export interface ClaimLexicon {
  /** attribute → nouns (lower case, one or more words) that a number counts: "rumah" → homes */
  counted: Record<string, string[]>;
  /** nouns for people in general ("orang", "people"): a count of them takes its attribute from a state word nearby */
  persons: string[];
  /** attribute → words that say what counted people are (dead, missing, injured, displaced, detained, freed) */
  states: Record<string, string[]>;
  /** "about", "nearly": the number is rounded */
  approx: string[];
  /** "more than", "at least": the number is a lower bound */
  atLeast: string[];
  /** "less than", "up to": an upper bound */
  atMost: string[];
  /** number words → multiplier ("juta" → 1e6) */
  scales: Record<string, number>;
  /** currency code → words or symbols written before or after the amount */
  currencies: Record<string, string[]>;
  /** attribute → ordinal position patterns with {n} for the number, as tokens ("menit ke-{n}", "{n}th minute") */
  positions: Record<string, string[]>;
  /** per position attribute, how the thing at that position happened ("menit ke-81 … tendangan bebas"): label → phrases */
  manners: Record<string, Record<string, string[]>>;
  /** words that make a nearby date the start of what is reported ("sejak", "began") */
  startCues: string[];
  /** … the end ("berakhir", "concluded") */
  endCues: string[];
  /** "first … in 18 years": words that make a duration the time since the last such thing */
  firstCues: string[];
  /** "the last such visit was in 2007": words that make a recalled event the last of its kind */
  lastCues: string[];
  /** words that introduce a date ("pada", "on", "vào"): "completed the state visit to X on 10 October" ties the
   * end cue to the date across the object in between */
  datePreps?: string[];
}

/** The claim lexicon of a language tag (src/lang/<code>/claims.ts, via the language registry); English for languages Kabar has none for. */
export function claimLexicon(lang: string | null | undefined): ClaimLexicon {
  return (lang ? findLanguage(lang)?.claims : undefined) ?? languages.en!.claims!;
}
