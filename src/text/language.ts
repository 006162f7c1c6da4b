// Language identification: eld (n-gram detector, 60 languages) on a bounded sample of the text,
// then a lexical discriminator for languages eld cannot separate (eld has no Indonesian: it
// answers "ms" for both Indonesian and Malaysian Malay). The discriminating word lists live in
// src/lang/<code>/distinctive.ts; this module only counts them.
import { eldCodes, eldRanked } from './eldscores.ts';
import { closeLanguageGroups, languages, type CloseLanguageGroup } from '../lang/index.ts';
import type { LanguageGuess } from '../types.ts';

/** Fewer letters than this is too little text to say anything. */
const MIN_LETTERS = 12;
/** Characters handed to the n-gram detector; its cost grows with input and 2000 chars decide any real text. */
const DETECT_SAMPLE = 2000;
/** Characters scanned for discriminating words; a dictionary lookup per word is cheap, more text = more evidence. */
const LEXICAL_SAMPLE = 12000;
/** Paragraphs shorter than this (letters) inherit the document language: detectors are unreliable on them. */
const PARAGRAPH_MIN_LETTERS = 160;
/**
 * Share of a paragraph's words that are function words of the document language above which the
 * paragraph is taken to be in that language without running the detector. Measured on the eval
 * set: own-language share is >= 0.30 for 95% of id/en docs; other languages score <= 0.27 against
 * the (noisy, 1,300-word) English list and <= 0.10 against the others.
 */
const SAME_LANGUAGE_STOPWORD_SHARE = 0.33;
/** Per-word cap on counted occurrences so one repeated topical word cannot decide alone. */
const MAX_COUNT_PER_WORD = 3;
/** Lead in weighted word evidence needed to choose within a close-language group. */
const MIN_LEAD = 2;

/** Older and three-letter codes people put in lang attributes and hints. */
const CODE_ALIASES: Record<string, string> = {
  in: 'id', ind: 'id', may: 'ms', msa: 'ms', zsm: 'ms', zlm: 'ms', eng: 'en', vie: 'vi', iw: 'he', ji: 'yi', jw: 'jv',
};

/** "id-ID", "IN", "ind" → "id"; null for empty or unusable hints. */
export function normaliseLangCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const base = code.trim().toLowerCase().split(/[-_\s]/)[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(base) || base === 'und' || base === 'mul' || base === 'zxx') return null;
  return CODE_ALIASES[base] ?? base;
}

/**
 * At most `max` characters: the whole text when short, else evenly spaced windows
 * (start, middle, end) cut at spaces, so boilerplate at either end cannot dominate.
 */
export function sampleText(text: string, max: number): string {
  return sampleWindows(text, max).join(' \n');
}

/** The windows `sampleText` joins: one when the text fits, else four spread over it. */
export function sampleWindows(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const windows = 4;
  const size = Math.floor(max / windows);
  const parts: string[] = [];
  for (let i = 0; i < windows; i++) {
    let start = Math.floor(((text.length - size) * i) / (windows - 1));
    let end = start + size;
    // move to word boundaries so no window starts or ends mid-word
    const s = text.indexOf(' ', start);
    if (i > 0 && s !== -1 && s < start + 50) start = s + 1;
    const e = text.lastIndexOf(' ', end);
    if (end < text.length && e > start + size / 2) end = e;
    parts.push(text.slice(start, end));
  }
  return parts;
}

const URLISH = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|[@#][\w.]+/g;

/** Removes URLs, e-mail addresses and handles: they are language-neutral and skew n-grams. */
function cleanForDetection(text: string): string {
  return text.replace(URLISH, ' ');
}

function countLetters(text: string, stopAt: number): number {
  let n = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    n += m[0].length;
    if (n >= stopAt) break;
  }
  return n;
}

const WORD = /\p{L}+(?:[-'’]\p{L}+)*/gu;

interface GroupIndex {
  members: string[];
  /** word or word pair → weight per member (index into `members`) */
  weights: Map<string, number[]>;
  /** single words only, for clitic stripping */
  singles: Set<string>;
  /** first words of two-word entries: a pair is only formed after one of these */
  pairStarts: Set<string>;
  clitics: string[];
}

const groupIndexes = new WeakMap<CloseLanguageGroup, GroupIndex>();

function indexGroup(group: CloseLanguageGroup): GroupIndex {
  let idx = groupIndexes.get(group);
  if (!idx) {
    const members = Object.keys(group.words);
    const weights = new Map<string, number[]>();
    members.forEach((lang, i) => {
      for (const [w, weight] of Object.entries(group.words[lang]!)) {
        const row = weights.get(w) ?? members.map(() => 0);
        row[i] = weight;
        weights.set(w, row);
      }
    });
    const singles = new Set([...weights.keys()].filter((w) => !w.includes(' ')));
    // longest clitic first, so "-nya" is tried before shorter endings
    const pairStarts = new Set([...weights.keys()].filter((w) => w.includes(' ')).map((w) => w.split(' ')[0]!));
    idx = { members, weights, singles, pairStarts, clitics: [...group.clitics].sort((a, b) => b.length - a.length) };
    groupIndexes.set(group, idx);
  }
  return idx;
}

/** Weighted evidence for each member of a close-language group; two-word entries match adjacent words. */
export function lexicalScores(text: string, group: CloseLanguageGroup): Record<string, number> {
  const idx = indexGroup(group);
  const counts = new Map<string, number>();
  const bump = (key: string) => {
    if (idx.weights.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  let prev = '';
  for (const m of text.toLowerCase().matchAll(WORD)) {
    let w = m[0];
    if (!idx.singles.has(w)) {
      for (const c of idx.clitics) {
        if (w.length > c.length + 2 && w.endsWith(c) && idx.singles.has(w.slice(0, -c.length))) {
          w = w.slice(0, -c.length);
          break;
        }
      }
    }
    bump(w);
    if (idx.pairStarts.has(prev)) bump(prev + ' ' + w);
    prev = w;
  }
  const totals = idx.members.map(() => 0);
  for (const [key, c] of counts) {
    const row = idx.weights.get(key)!;
    for (let i = 0; i < row.length; i++) totals[i]! += row[i]! * Math.min(c, MAX_COUNT_PER_WORD);
  }
  return Object.fromEntries(idx.members.map((lang, i) => [lang, totals[i]!]));
}

function groupOf(lang: string): CloseLanguageGroup | null {
  return closeLanguageGroups.find((g) => lang in g.words) ?? null;
}

/**
 * Picks a member of a close-language group from word evidence. Evidence must lead by at least
 * MIN_LEAD (one weak word is no evidence); otherwise the hint, else the group's first member.
 */
function resolveInGroup(text: string, group: CloseLanguageGroup, hint: string | null, baseConfidence: number): LanguageGuess {
  const scores = lexicalScores(sampleText(text, LEXICAL_SAMPLE), group);
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = ranked[0]!;
  const second = ranked[1]?.[1] ?? 0;
  if (bestScore - second < MIN_LEAD) {
    const fallback = hint && hint in group.words ? hint : Object.keys(group.words)[0]!;
    return { lang: fallback, confidence: round(baseConfidence * 0.5) };
  }
  const margin = (bestScore - second) / (bestScore + second);
  const amount = Math.min(1, (bestScore + second) / 8);
  return { lang: best, confidence: round(baseConfidence * (0.5 + 0.5 * margin * amount)) };
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}

/**
 * eld scores per language, averaged over the sample windows after scaling each window's scores
 * to its top score: every window votes with equal weight, so a block of navigation or a foreign
 * quote at one end of a long text cannot outvote the rest. Per eld language index, summed (`totals`, an average once divided by `voters`), for the `count`
 * languages in `langs`, in the order they first scored (ties between equal scores go to the earlier one).
 * Valid until the next call (the arrays are reused).
 */
function detectScores(windows: string[]): { count: number; langs: Int32Array; totals: Float64Array; voters: number } {
  totals.fill(0);
  seen.fill(0);
  let count = 0;
  let voters = 0;
  for (const w of windows) {
    const r = eldRanked(w);
    // scores are positive: the best one is the top
    const top = r.count > 0 ? r.scores[0]! : 0;
    if (top <= 0) continue;
    voters++;
    for (let i = 0; i < r.count; i++) {
      const lang = r.langs[i]!;
      if (!seen[lang]) {
        seen[lang] = 1;
        firstSeen[count++] = lang;
      }
      totals[lang] = totals[lang]! + r.scores[i]! / top;
    }
  }
  // the average of a language is totals[lang] / voters (a language that never scored sums to 0)
  return { count, langs: firstSeen, totals, voters };
}

const totals = new Float64Array(eldCodes.length);
const seen = new Uint8Array(eldCodes.length);
const firstSeen = new Int32Array(eldCodes.length);
const eldIndex = new Map(eldCodes.map((code, i) => [code, i]));

/**
 * Language of `text` as an ISO 639-1 code with a 0..1 confidence; `und` when there is too little text.
 * `hint` (declared page language, container metadata) breaks near-ties; the text decides otherwise.
 */
export function identifyLanguage(text: string, hint?: string | null): LanguageGuess {
  const hintCode = normaliseLangCode(hint);
  const sample = sampleWindows(text, DETECT_SAMPLE).map(cleanForDetection);
  const letters = countLetters(sample.join(' '), 400);
  if (letters < MIN_LETTERS) return hintCode ? { lang: hintCode, confidence: 0.2 } : { lang: 'und', confidence: 0 };

  const scores = detectScores(sample);
  // (dividing by one voter leaves a sum as it is)
  const score = (l: number) => scores.totals[l]! / scores.voters;
  if (scores.count === 0) return hintCode ? { lang: hintCode, confidence: 0.2 } : { lang: 'und', confidence: 0 };
  // the best score (the first language to reach it) and the next best value
  let best = scores.langs[0]!;
  let top = score(best);
  let second = 0;
  for (let i = 1; i < scores.count; i++) {
    const v = score(scores.langs[i]!);
    if (v > top) {
      second = top;
      top = v;
      best = scores.langs[i]!;
    } else if (v > second) second = v;
  }
  let lang = eldCodes[best]!;
  // Relative margin of eld's top score, discounted for short texts where n-gram evidence is thin.
  const margin = top > 0 ? (top - second) / top : 0;
  const lengthFactor = 0.5 + 0.5 * Math.min(1, letters / 300);
  let confidence = (0.55 + 0.45 * Math.min(1, margin * 2)) * lengthFactor;

  // A hint close behind the top candidate wins: declared languages are usually right.
  const hintIndex = hintCode ? eldIndex.get(hintCode) : undefined;
  if (hintCode && hintCode !== lang && (hintIndex !== undefined ? score(hintIndex) : 0) >= top * 0.95) {
    lang = hintCode;
    confidence *= 0.8;
  }

  const group = groupOf(lang);
  if (group) return resolveInGroup(text, group, hintCode, confidence);
  return { lang, confidence: round(confidence) };
}

/**
 * Language of each paragraph (blank-line separated) as spans into `text`, whitespace trimmed.
 * Short paragraphs, and paragraphs the detector is unsure about, inherit `fallback.lang`.
 */
export function paragraphLanguages(
  text: string,
  fallback: LanguageGuess,
): Array<{ start: number; end: number; lang: string }> {
  const out: Array<{ start: number; end: number; lang: string }> = [];
  const docStopwords = stopwordSet(fallback.lang);
  const sep = /\n[ \t\r\f\v]*\n\s*/g;
  let pos = 0;
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start === end) return;
    let lang = fallback.lang;
    const para = text.slice(start, end);
    if (countLetters(para, PARAGRAPH_MIN_LETTERS) >= PARAGRAPH_MIN_LETTERS && !looksLike(para, docStopwords)) {
      const guess = identifyLanguage(para, fallback.lang === 'und' ? null : fallback.lang);
      if (guess.lang !== 'und' && guess.confidence >= 0.5) lang = guess.lang;
    }
    out.push({ start, end, lang });
  };
  for (const m of text.matchAll(sep)) {
    push(pos, m.index);
    pos = m.index + m[0].length;
  }
  push(pos, text.length);
  return out;
}

const stopwordSets = new Map<string, Set<string>>();

/** Single-word stopwords of a language we hold resources for; null otherwise. */
function stopwordSet(lang: string): Set<string> | null {
  const data = languages[lang];
  if (!data) return null;
  let set = stopwordSets.get(lang);
  if (!set) {
    set = new Set(data.stopwords.filter((w) => !w.includes(' ')).map((w) => w.toLowerCase()));
    stopwordSets.set(lang, set);
  }
  return set;
}

/** Cheap check that a paragraph is in the document language: enough of its words are that language's function words. */
function looksLike(para: string, stopwords: Set<string> | null): boolean {
  if (!stopwords) return false;
  let words = 0;
  let hits = 0;
  for (const m of para.toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    if (stopwords.has(m[0])) hits++;
  }
  return words >= 10 && hits / words >= SAME_LANGUAGE_STOPWORD_SHARE;
}
