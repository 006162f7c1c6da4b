// Sentence splitting: Intl.Segmenter (Unicode sentence rules) proposes boundaries, then
// language rules veto the ones that are not sentence ends (abbreviations, initials, dotted
// acronyms, ellipses and "?"/"!" followed by a lower-case word). Line breaks always split.
// The per-language abbreviation lists live in src/lang/<code>/sentences.ts.
import { getLanguage } from '../lang/index.ts';
import type { Span } from '../types.ts';

/**
 * V8's sentence segmenter gets super-linear on long strings (8 KB: 60 ns/char, 32 KB: 900 ns/char),
 * so text is segmented in pieces of about this size, cut where a boundary is certain or likely.
 */
const CHUNK = 4000;

interface Rules {
  segmenter: Intl.Segmenter;
  /** Exact spellings that never end a sentence. */
  abbreviations: Set<string>;
  /** Abbreviations that end a sentence when a capitalised word follows. */
  terminal: Set<string>;
  /** Lower-case single-word function words: a capitalised one after an initial or acronym starts a sentence. */
  starters: Set<string>;
}

const rulesCache = new Map<string, Rules>();

function segmenterFor(lang: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(lang, { granularity: 'sentence' });
  } catch {
    return new Intl.Segmenter('en', { granularity: 'sentence' });
  }
}

/** Every spelling an entry may appear in: as listed, ALL CAPS, and capitalised for lower-case entries. */
function spellings(entries: string[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    out.add(e);
    if (e.length > 1) out.add(e.toUpperCase());
    if (e === e.toLowerCase()) out.add(e.charAt(0).toUpperCase() + e.slice(1));
  }
  return out;
}

function rulesFor(lang: string): Rules {
  const key = (lang || 'und').toLowerCase();
  let rules = rulesCache.get(key);
  if (!rules) {
    const data = getLanguage(key);
    rules = {
      segmenter: segmenterFor(key === 'und' ? 'en' : key),
      abbreviations: spellings(data.sentences.abbreviations),
      terminal: spellings(data.sentences.terminalAbbreviations ?? []),
      // single letters are excluded: in stopword lists they are noise, and "J. K." is a run of initials
      starters: new Set(data.stopwords.filter((w) => w.length > 1 && !w.includes(' ')).map((w) => w.toLowerCase())),
    };
    rulesCache.set(key, rules);
  }
  return rules;
}

const TERMINATOR = /[.!?…。！？‼⁇⁈⁉]/u;
const CLOSERS = /["'”’»)\]}›」』]/u;
const INITIAL = /^\p{Lu}$/u;
/** "U.S", "S.Sos", "Ph.D", "a.m", "v.v" (the final period is already stripped). */
const DOTTED = /^\p{L}{1,4}(?:\.\p{L}{1,4})+$/u;

/** The word after a boundary, without opening quotes or brackets. */
function nextWord(text: string, from: number): string {
  const m = /^[\s"'“‘«(\[{‹「『¿¡]*([^\s]*)/u.exec(text.slice(from, from + 80));
  return m?.[1] ?? '';
}

function startsLower(word: string): boolean {
  const c = word.charAt(0);
  // a lower-case word such as "iPhone" with a capital inside can start a sentence
  return c !== c.toUpperCase() && c === c.toLowerCase() && !/\p{Lu}/u.test(word.slice(1));
}

function startsDigit(word: string): boolean {
  return /^\p{Nd}/u.test(word);
}

/** True when the candidate boundary between `end` (end of the left text, trimmed) and `next` is not a sentence end. */
function isFalseBoundary(text: string, segStart: number, end: number, next: number, rules: Rules): boolean {
  // a line break always ends a sentence (headlines, list items, captions)
  for (let i = end; i < next; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return false;
  if (next >= text.length) return false;

  // last character, looking through closing quotes and brackets
  let k = end - 1;
  while (k > segStart && CLOSERS.test(text[k]!)) k--;
  const last = text[k]!;
  const closedAfterEnd = k < end - 1; // `.”` / `."`: a quoted sentence ended
  const word = nextWord(text, next);
  const lower = startsLower(word);

  // a piece boundary (or anything else) that does not follow sentence punctuation is no sentence end
  if (!TERMINATOR.test(last)) return true;
  if (last !== '.') return lower; // "?"/"!"/"…" followed by a lower-case word continues the sentence
  if (text[k - 1] === '.' && text[k - 2] === '.') return lower; // "..." ellipsis
  if (closedAfterEnd) return lower;

  // the token ending in this period, without leading quotes/brackets and the period itself
  let t = k;
  while (t > segStart && !/\s/.test(text[t - 1]!)) t--;
  const token = text.slice(t, k).replace(/^[("'“‘«\[{]+/u, '');
  if (token === '') return lower;

  if (rules.abbreviations.has(token)) return true;
  if (rules.terminal.has(token)) return lower || startsDigit(word);
  if (INITIAL.test(token) || DOTTED.test(token)) {
    // "J. K. Rowling", "U.S. officials" continue; "in the U.S. The ..." ends
    return !(word && !lower && rules.starters.has(word.toLowerCase().replace(/[^\p{L}]+$/u, '')));
  }
  return lower;
}

/** Cut points for pieces of at most about CHUNK chars: a line break, else after sentence punctuation, else a space. */
function pieceEnds(text: string): number[] {
  const ends: number[] = [];
  let start = 0;
  while (text.length - start > CHUNK) {
    const limit = start + CHUNK;
    const window = text.slice(start + CHUNK / 2, limit);
    let cut = window.lastIndexOf('\n');
    if (cut === -1) {
      const m = [...window.matchAll(/[.!?…。！？]["'”’»)\]]*\s+/gu)].pop();
      cut = m ? m.index + m[0].length - 1 : window.lastIndexOf(' ');
    }
    const at = cut === -1 ? limit : start + CHUNK / 2 + cut + 1;
    ends.push(at);
    start = at;
  }
  ends.push(text.length);
  return ends;
}

/**
 * Sentence spans of `text` (UTF-16 offsets into it), surrounding whitespace excluded.
 * Splits at line breaks and sentence ends; keeps abbreviations, initials, decimals and
 * ellipses inside a sentence using the abbreviation lists of `lang`.
 */
export function splitSentences(text: string, lang: string): Span[] {
  const rules = rulesFor(lang);
  const boundaries: number[] = [];
  let pieceStart = 0;
  for (const pieceEnd of pieceEnds(text)) {
    const piece = pieceStart === 0 && pieceEnd === text.length ? text : text.slice(pieceStart, pieceEnd);
    for (const seg of rules.segmenter.segment(piece)) if (seg.index > 0) boundaries.push(pieceStart + seg.index);
    if (pieceEnd < text.length) boundaries.push(pieceEnd);
    pieceStart = pieceEnd;
  }
  boundaries.push(text.length);

  const spans: Span[] = [];
  let start = 0;
  for (const b of boundaries) {
    // trim the candidate sentence [start, b)
    let s = start;
    let e = b;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) { start = b; continue; }
    if (b < text.length) {
      let next = b;
      while (next < text.length && isSpace(text.charCodeAt(next))) next++;
      if (isFalseBoundary(text, s, e, next, rules)) continue; // keep `start`: the sentence goes on
    }
    pushCapped(text, s, e, spans);
    start = b;
  }
  return spans;
}

/** Longest sentence kept whole (UTF-16 units). Text without punctuation would otherwise be one "sentence". */
export const MAX_SENTENCE = 1500;

/**
 * Push [s, e), cut at the last space before every MAX_SENTENCE units: the stages after this one work sentence by
 * sentence, and an unpunctuated megabyte must not become one unit of work for them.
 */
function pushCapped(text: string, s: number, e: number, spans: Span[]): void {
  while (e - s > MAX_SENTENCE) {
    let cut = s + MAX_SENTENCE;
    while (cut > s + MAX_SENTENCE / 2 && !isSpace(text.charCodeAt(cut))) cut--;
    if (cut <= s + MAX_SENTENCE / 2) {
      cut = s + MAX_SENTENCE;
      // never between the halves of a surrogate pair
      if ((text.charCodeAt(cut) & 0xfc00) === 0xdc00) cut--;
    }
    let end = cut;
    while (end > s && isSpace(text.charCodeAt(end - 1))) end--;
    spans.push({ start: s, end });
    s = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  if (e > s) spans.push({ start: s, end: e });
}

function isSpace(c: number): boolean {
  // ASCII whitespace, NBSP, line/paragraph separators, zero-width space, BOM and the Unicode space block
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x200b || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}
