// The shape of a per-language temporal lexicon (the data lives in src/lang/<code>/time.ts).
// Word lists are lower case; multi-word entries use single spaces (matched as any whitespace).
// The tagger in tag.ts builds its patterns from these lists only, so adding a language is
// adding a time.ts file and one line in lexicons.ts.

/** TIMEX3 duration units: Y year, M month, W week, D day, DE decade, CE century, H hour, MIN minute, S second. */
export type TimeUnit = 'Y' | 'M' | 'W' | 'D' | 'DE' | 'CE' | 'H' | 'MIN' | 'S';
/** TIMEX3 parts of the day. */
export type PartOfDay = 'MO' | 'MI' | 'AF' | 'EV' | 'NI' | 'DT';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export type RefValue = 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF';
/** TIMEX3 mod values used for approximators and parts of periods. */
export type TimexMod = 'APPROX' | 'LESS_THAN' | 'MORE_THAN' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE' | 'START' | 'MID' | 'END' | 'BEFORE' | 'AFTER';

/**
 * What a word next to a date says about it: `past`/`future` choose the direction of a partial date
 * ("Maret lalu", "Senin depan"), `this` keeps the anchor's period ("tahun ini"), `that` refers back
 * to the previous date in the text ("hari itu"), `later` counts from the previous date ("kemudian").
 */
export type Direction = 'past' | 'future' | 'this' | 'that' | 'later';

export interface TimeLexicon {
  code: string;
  /** Month names, index 0 = January: full names, abbreviations, numeric forms where the language uses them ("tháng 10"). */
  months: string[][];
  /** Month names that are also common words: matched alone only when capitalised or with a year/day/prefix. */
  ambiguousMonths?: string[];
  /** Weekday names, index 0 = Monday. */
  weekdays: string[][];
  /** Weekday names that are also common words ("minggu" = week): matched only when capitalised. */
  ambiguousWeekdays?: string[];
  /** Order of all-numeric dates (03/04/2025) when neither part exceeds 12. */
  numericDateOrder: 'dmy' | 'mdy';
  /** The language writes "October 9" (month before day) as well as or instead of "9 October". */
  monthFirstText?: boolean;
  /** Ordinal suffixes after a day number ("9th") and the word between day and month ("9th of October"). */
  dayOrdinalSuffixes?: string[];
  dayMonthJoiners?: string[];
  /** Words before a day that belong to the expression ("tanggal", "ngày"). */
  dayPrefixes: string[];
  /** Words before a month name that belong to the expression ("bulan"). */
  monthPrefixes: string[];
  /** Words before a year that belong to the expression ("tahun", "năm", "the year"). */
  yearPrefixes: string[];
  /** Words before a weekday that belong to the expression ("hari"). */
  weekdayPrefixes?: string[];
  /** Words/separators between a month and a year besides whitespace ("năm" in "tháng 10 năm 2025"). */
  monthYearJoiners?: string[];
  /** Words after a date-like expression that belong to it, with what they say. */
  suffixes: Record<string, Direction>;
  /** Words before a date-like expression that belong to it ("last", "next", "this"). */
  prefixes?: Record<string, Direction>;
  /** Unit words for durations and relative expressions. */
  units: Record<string, TimeUnit>;
  /** Single words meaning "one <unit>" ("sehari", "setahun"). */
  oneUnitWords?: Record<string, TimeUnit>;
  /** Reduplicated/plural-vague unit words: an unspecified number of units ("bertahun-tahun", "years"). */
  vagueUnitWords?: Record<string, TimeUnit>;
  /** Quantifiers meaning "some/several" before a unit ("beberapa", "several", "vài"). */
  vagueQuantifiers: string[];
  /** Fixed vague durations ("sejenak", "a while"): value PXX unless given. */
  vagueDurations?: Record<string, string>;
  /** Cardinal number words and their values ("dua": 2). */
  numbers: Record<string, number>;
  /** Number words that multiply what precedes ("puluh": 10, "ratus": 100, "ribu": 1000). */
  multipliers?: Record<string, number>;
  /** Number words that add ten to what precedes ("belas"). */
  teens?: string[];
  /** After "<n> <unit>": counted back from the anchor ("lalu", "ago", "trước"). */
  agoWords: string[];
  /** After "<n> <unit>": counted forward from the anchor ("lagi", "from now", "nữa"). */
  henceWords: string[];
  /** After "<n> <unit>": counted forward from the previous date in the text ("kemudian", "later", "sau đó"). */
  laterWords: string[];
  /** After "<n> <unit>": counted back from the previous date in the text ("sebelumnya", "earlier"). */
  earlierWords?: string[];
  /** Before "<n> <unit>": counted forward from the anchor ("in" in "in two days"). */
  henceBefore?: string[];
  /**
   * Words that make a following "<henceBefore> <n> <unit>" a span reaching up to now, not a future date: "the
   * first visit in 18 years", "the highest level in a decade" (a superlative or "first" earlier in the sentence).
   */
  spanCues?: string[];
  /** Relative period words: unit word + relation ("tahun lalu", "last year", "năm ngoái"), shift in units. */
  periodRelations: { before: Record<string, number>; after: Record<string, number> };
  /** Whole words for days relative to the anchor ("kemarin": -1), optionally with a part of the day ("semalam"). */
  deicticDays: Record<string, { shift: number; part?: PartOfDay }>;
  /** General references: "sekarang" PRESENT_REF, "dulu" PAST_REF. */
  refs: Record<string, RefValue>;
  /** Phrases referring back to the previous date in the text ("hari itu", "that day"), with their granularity. */
  anaphoric?: Record<string, 'D' | 'M' | 'Y'>;
  /** Parts of the day. */
  partsOfDay: Record<string, PartOfDay>;
  /** Parts-of-day phrases that stand alone as an expression ("pagi-pagi sekali", "early morning"). */
  standalonePartsOfDay?: Record<string, PartOfDay>;
  /** Words that introduce a clock time ("pukul", "jam", "at", "lúc"). */
  timeMarkers: string[];
  /** Words between hour and minute or after the hour ("giờ", "h"), and after minutes ("phút"). */
  hourWords?: string[];
  minuteWords?: string[];
  /** Time zones written after a time, with their UTC offset in hours. */
  timeZones?: Record<string, number>;
  /** am/pm words. */
  meridiem?: { am: string[]; pm: string[] };
  /** Named times ("noon", "midnight", "tengah hari"). */
  namedTimes?: Record<string, string>;
  /** Approximators and modifiers before an expression ("sekitar" APPROX, "awal" START). */
  approximators: Record<string, TimexMod>;
  /** Words that make a SET ("setiap", "every", "hàng"): prefix + unit/weekday/part of day. */
  setPrefixes: string[];
  /** Single-word SETs ("daily" P1D). */
  setWords?: Record<string, string>;
  /** Seasons. */
  seasons?: Record<string, Season>;
  /** Decade patterns: regex sources with a named group `dec` (2–4 digits: "1990", "90", "40"). */
  decadePatterns: string[];
  /** Century patterns: regex sources with a named group `c` (arabic or roman numeral). */
  centuryPatterns: string[];
  /** Words joining the two days of a range ("hingga", "to", "đến"); "-" and "–" always join. */
  rangeConnectors: string[];
  /** Words that open a range ("dari", "from", "từ", "between"). */
  rangeOpeners: string[];
  /** Anniversary patterns: regex sources with a named group `n` (digits or number words) for the ordinal. */
  anniversaryPatterns: string[];
  /** Words that never precede a year ("rp", "no", "nomor"): a number after them is not a year. */
  nonYearPrecedents?: string[];
  /** Words between a clock time or part of the day and the date it belongs to ("on" in "10 a.m. on Monday"). */
  timeDateJoiners?: string[];
  /** Words after an anniversary that introduce what it is of ("of"); skipped when reading it. */
  anniversaryOf?: string[];
  /** Prepositions that make a bare month name (lower case or ambiguous) a date: "pada juni", "in May". */
  monthPrepositions?: string[];
  /** Reference words that are discourse particles when they end a clause ("komentar dulu,"): dropped there. */
  clauseFinalParticles?: string[];
  /** Phrases containing time words that are not time expressions ("terlebih dulu", "at once"): atoms inside them are dropped. */
  nonTemporalPhrases?: string[];
  /** Words that, right after a number + minute/second unit, show it is a coordinate or angle. */
  angleWords?: string[];
}
