// Statements: one source saying one thing about one subject ("article X says 12 people died", "article Y says the
// visit ended on the 13th"). Claims group them. Sources of statements: the numbers an article gives with what they
// count, dates marked as the start or end of what is reported, events, agreements, roles and quotes.
import { foldKey, foldWords } from '../entities/normalise.ts';
import type { KabarExport } from '../export/schema.ts';
import { eventLexicon } from '../events/lexicons.ts';
import { tokens, type Tok } from '../events/tokens.ts';
import { getLanguage } from '../lang/index.ts';
import { claimLexicon, type ClaimLexicon } from './lexicon.ts';
import type { EvidenceSpan } from './independence.ts';
import type { Bound, Value } from './values.ts';
import { escapeRegExp } from '../util/common.ts';

/** An export document before its claims are added: what the cross-check reads. */
export type ExportInput = Pick<KabarExport, 'stories' | 'articles' | 'reuse' | 'times' | 'entities' | 'events' | 'agreements' | 'quotes'>;

export type SubjectKind = 'story' | 'event' | 'agreement' | 'entity';

export interface Subject {
  kind: SubjectKind;
  id: string;
  label: string;
}

export interface Statement {
  subject: Subject;
  attribute: string;
  value: Value;
  /** the words the source uses */
  text: string;
  evidence: EvidenceSpan;
  /**
   * Set on the statements that speak for their article in a dispute, when not all do: an article's first date
   * marked as a start (or end) in its lead is the date of the happening it reports; later ones may be of other
   * things (an emergency declared "since Thursday", water falling "since yesterday").
   */
  primary?: boolean;
}

type Article = KabarExport['articles'][number];
type Time = KabarExport['times'][number];

/** Attributes whose values are several true things, never a dispute: translated role titles, different quotes. */
export const MULTI_VALUED = new Set(['role', 'quote', 'type', 'place']);

/**
 * Can sources disagree on this? Not on the multi-valued attributes, nor on the day of an event's mention: one
 * merged event (a three-day visit) is told day by day, so its mentions' days differ without contradiction; disputes
 * over when a happening began or ended are the story's date.start and date.end.
 */
export function disputable(subject: Subject, attribute: string): boolean {
  return !MULTI_VALUED.has(attribute) && !(subject.kind === 'event' && attribute === 'date');
}

// ---------------------------------------------------------------------------------------------------------------
// phrase matching over lower-case tokens

const phraseCache = new Map<string, string[]>();
function phraseToks(p: string): string[] {
  let t = phraseCache.get(p);
  if (!t) phraseCache.set(p, (t = tokens(p.toLowerCase()).map((x) => x.lower)));
  return t;
}

/** End index (exclusive) of `p` matched at token i, or -1. */
function matchAt(p: string, toks: Tok[], i: number): number {
  const w = phraseToks(p);
  if (!w.length || i + w.length > toks.length) return -1;
  for (let k = 0; k < w.length; k++) if (toks[i + k]!.lower !== w[k]) return -1;
  return i + w.length;
}

/** Phrases indexed by their first word, so a lookup at a token only tries the phrases that can start there. */
class PhraseSet {
  private byFirst = new Map<string, Array<[string, string]>>();
  constructor(readonly entries: Array<[string, string]>) {
    for (const [key, p] of entries) {
      const first = phraseToks(p)[0];
      if (first === undefined) continue;
      (this.byFirst.get(first) ?? this.byFirst.set(first, []).get(first)!).push([key, p]);
    }
  }
  at(tok: Tok | undefined): Array<[string, string]> {
    return (tok && this.byFirst.get(tok.lower)) || [];
  }
  filter(fn: (e: [string, string]) => boolean): PhraseSet {
    return new PhraseSet(this.entries.filter(fn));
  }
}

/** The longest phrase of the set at token i (the first listed wins a tie). */
function longestAt(set: PhraseSet, toks: Tok[], i: number): { key: string; e: number } | null {
  let best: { key: string; e: number } | null = null;
  for (const [key, p] of set.at(toks[i])) {
    const e = matchAt(p, toks, i);
    if (e > i && (!best || e > best.e)) best = { key, e };
  }
  return best;
}

function entries(r: Record<string, string[] | number>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(r)) if (Array.isArray(v)) for (const p of v) out.push([k, p]);
  return out;
}

/** Phrase ending exactly at token index `end` (exclusive). */
function endsAt(phrases: string[], toks: Tok[], end: number): boolean {
  return phrases.some((p) => {
    const n = phraseToks(p).length;
    return n > 0 && end - n >= 0 && matchAt(p, toks, end - n) === end;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// numbers

const PUNCT = /^[,;.:!?()"“”«»\[\]–—]$/;

interface Num {
  value: number;
  s: number;
  e: number;
}

/** A number at token i: digits with thousands groups ("4.200", "1,487"), decimals ("16,2", "16.2"), or a number word. */
function numberAt(toks: Tok[], i: number, words: PhraseSet): Num | null {
  const t = toks[i]!;
  const next = toks[i + 1];
  const prev = toks[i - 1];
  // a date part ("12/3"), a score ("4-3"), a time ("19:42"), a version: not a count
  if (prev && prev.end === t.start && /^[\/:\-]$/.test(prev.text)) return null;
  if (next && next.start === t.end && /^[\/:]$/.test(next.text)) return null;
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(t.text)) return { value: Number(t.text.replace(/[.,]/g, '')), s: i, e: i + 1 };
  if (/^\d+\.\d+$/.test(t.text)) return { value: Number(t.text), s: i, e: i + 1 };
  if (/^\d+$/.test(t.text)) {
    const after = toks[i + 2];
    if (next && after && next.text === ',' && next.start === t.end && after.start === next.end && /^\d{1,2}$/.test(after.text)) return { value: Number(`${t.text}.${after.text}`), s: i, e: i + 3 };
    return { value: Number(t.text), s: i, e: i + 1 };
  }
  const w = longestAt(words, toks, i);
  return w ? { value: Number(w.key), s: i, e: w.e } : null;
}

function numberWords(lang: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  eventLexicon(lang).numbers.forEach((forms, k) => {
    // one-letter forms ("a", "se") are articles and prefixes far more often than the number one
    // "one" is mostly an article ("a", "một", "se-"): counts of one are left to digits
    if (k > 0) for (const f of forms) out.push([String(k + 1), f]);
  });
  return out;
}

interface LexIndex {
  lex: ClaimLexicon;
  words: PhraseSet;
  and: Set<string>;
  /** last word of each date-introducing phrase ("pada", "on", "vào") */
  datePreps: Set<string>;
  counted: PhraseSet;
  states: PhraseSet;
  scales: PhraseSet;
  currencies: PhraseSet;
  /** before the amount only symbols and codes ("$", "Rp", "USD"), not words that end other words' phrases */
  symbols: PhraseSet;
  /** start and end cues for dates, keys "s" and "e"; end cues first so that they win a tie */
  cues: PhraseSet;
  positions: Array<{ attribute: string; re: RegExp }>;
  /** position attribute → manner phrases (key: the label) */
  manners: Map<string, PhraseSet>;
}

const indexes = new Map<string, LexIndex>();
function lexIndex(lang: string): LexIndex {
  let x = indexes.get(lang);
  if (x) return x;
  const lex = claimLexicon(lang);
  x = {
    lex,
    words: new PhraseSet(numberWords(lang)),
    datePreps: new Set((lex.datePreps ?? []).flatMap((p) => p.toLowerCase().split(/\s+/).slice(-1))),
    and: new Set(eventLexicon(lang).and),
    counted: new PhraseSet([...entries(lex.counted), ...lex.persons.map((p): [string, string] => ['@person', p])]),
    states: new PhraseSet(entries(lex.states)),
    scales: new PhraseSet(Object.keys(lex.scales).map((k): [string, string] => [k, k])),
    currencies: new PhraseSet(entries(lex.currencies)),
    symbols: new PhraseSet(entries(lex.currencies).filter(([, p]) => p.length <= 3)),
    manners: new Map(Object.entries(lex.manners).map(([attribute, labels]) => [attribute, new PhraseSet(entries(labels))])),
    cues: new PhraseSet([...lex.endCues.map((p): [string, string] => ['e', p]), ...lex.startCues.map((p): [string, string] => ['s', p])]),
    positions: Object.entries(lex.positions).flatMap(([attribute, ps]) =>
      ps.map((p) => ({ attribute, re: new RegExp(`(?<![\\p{L}\\p{N}])${p.split('{n}').map((part) => escapeRegExp(part).replace(/\s+/g, '\\s+')).join('(\\d{1,3})')}(?![\\p{L}\\p{N}])`, 'giu') })),
    ),
  };
  indexes.set(lang, x);
  return x;
}

function boundBefore(lex: ClaimLexicon, toks: Tok[], s: number): Bound | undefined {
  // the marker may sit before a currency symbol ("about $122,000")
  for (const end of [s, s - 1]) {
    if (end < 1) continue;
    if (endsAt(lex.atLeast, toks, end)) return 'at-least';
    if (endsAt(lex.atMost, toks, end)) return 'at-most';
    if (endsAt(lex.approx, toks, end)) return 'approx';
  }
  return undefined;
}

/** Numbers with what they count, amounts of money, and ordinal positions in one sentence. */
export function sentenceNumbers(
  text: string,
  span: { start: number; end: number },
  lang: string,
  skip: Array<{ start: number; end: number }> = [],
): Array<{ attribute: string; value: Value; start: number; end: number; manner?: { label: string; start: number; end: number } }> {
  const X = lexIndex(lang);
  const { lex } = X;
  const toks = tokens(text, span.start, span.end);
  const out: Array<{ attribute: string; value: Value; start: number; end: number; manner?: { label: string; start: number; end: number } }> = [];
  // a number inside a time expression is part of a date; one the expression only clips ("about 4" of "about 4,200") is not
  const inSkip = (t: Tok) => skip.some((s) => s.start <= t.start && t.end <= s.end);
  const taken = new Set<number>();
  for (const p of X.positions) {
    const seg = text.slice(span.start, span.end);
    p.re.lastIndex = 0;
    for (let m = p.re.exec(seg); m; m = p.re.exec(seg)) {
      const start = span.start + m.index;
      // how what happened at that position happened, when the sentence says it in one way only
      const manners = X.manners.get(p.attribute);
      const found: Array<{ label: string; start: number; end: number }> = [];
      if (manners)
        for (let k = 0; k < toks.length; k++) {
          const mm = longestAt(manners, toks, k);
          if (mm) {
            found.push({ label: mm.key, start: toks[k]!.start, end: toks[mm.e - 1]!.end });
            k = mm.e - 1;
          }
        }
      const labels = new Set(found.map((f) => f.label));
      out.push({ attribute: p.attribute, value: { type: 'number', value: Number(m[1]) }, start, end: start + m[0].length, ...(labels.size === 1 ? { manner: found[0]! } : {}) });
      toks.forEach((t, k) => t.start >= start && t.end <= start + m![0].length && taken.add(k));
    }
  }
  for (let i = 0; i < toks.length; i++) {
    if (taken.has(i) || inSkip(toks[i]!)) continue;
    const n = numberAt(toks, i, X.words);
    if (!n) continue;
    let e = n.e;
    let value = n.value;
    const scale = longestAt(X.scales, toks, e);
    if (scale) {
      value *= lex.scales[scale.key]!;
      e = scale.e;
    }
    const bound = boundBefore(lex, toks, n.s);
    const before = n.s > 0 ? longestAt(X.symbols, toks, n.s - 1) : null;
    const before2 = n.s > 1 ? longestAt(X.symbols, toks, n.s - 2) : null;
    const cur = longestAt(X.currencies, toks, e) ?? (before?.e === n.s ? before : before2?.e === n.s ? before2 : null);
    const num = (v: number): Value => (bound ? { type: 'number', value: v, bound } : { type: 'number', value: v });
    const startOff = toks[n.s]!.start;
    if (cur) {
      const end = cur.e > n.s ? toks[cur.e - 1]!.end : toks[e - 1]!.end;
      out.push({ attribute: `amount.${cur.key}`, value: num(value), start: Math.min(startOff, toks[Math.min(n.s, cur.e > n.s ? n.s : n.s - 1)]!.start), end });
      i = Math.max(i, (cur.e > n.s ? cur.e : e) - 1);
      continue;
    }
    // the counted noun follows, perhaps after one or two modifiers ("six cooperation documents")
    let noun: { key: string; e: number; at: number } | null = null;
    for (let j = e; j <= Math.min(toks.length - 1, e + 2); j++) {
      if (PUNCT.test(toks[j]!.text) || /^\d/.test(toks[j]!.text)) break;
      const m = longestAt(X.counted, toks, j);
      if (m) {
        noun = { ...m, at: j };
        break;
      }
    }
    if (!noun) continue;
    let attribute = noun.key;
    if (attribute === '@person') {
      // people are counted by what happened to them: the nearest state word in the sentence
      // a clause boundary (punctuation, "and") between them counts as ten words
      const boundaries = toks.map((t, k) => (PUNCT.test(t.text) || X.and.has(t.lower) ? k : -1)).filter((k) => k >= 0);
      let best: { key: string; d: number } | null = null;
      for (let k = 0; k < toks.length; k++) {
        const m = longestAt(X.states, toks, k);
        if (!m) continue;
        const [lo, hi] = k >= noun.e ? [noun.e, k] : m.e <= n.s ? [m.e, n.s] : [k, k];
        const d = hi - lo + 10 * boundaries.filter((b) => b >= lo && b < hi).length;
        if (!best || d < best.d) best = { key: m.key, d };
      }
      if (!best) continue;
      attribute = `people.${best.key}`;
    }
    out.push({ attribute, value: num(value), start: startOff, end: toks[noun.e - 1]!.end });
    i = noun.e - 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// dates marked as start or end

const DATE_VALUE = /^(\d{4}|XXXX)-\d{2}(-\d{2})?/;
const WINDOW_DAYS = 45;

function dateOf(t: Time): string | null {
  const m = DATE_VALUE.exec(t.value);
  return m ? m[0] : null;
}

function nearPublication(date: string, published: string | null): boolean {
  if (!published || date.startsWith('XXXX')) return true;
  const d = Date.parse(date.length === 7 ? `${date}-15` : date);
  const p = Date.parse(published.slice(0, 10));
  return Number.isFinite(d) && Number.isFinite(p) && Math.abs(d - p) <= WINDOW_DAYS * 86400e3;
}

/** Dates of one sentence that the text marks as the start or the end of something (interval ends count too). */
export function sentenceCueDates(text: string, span: { start: number; end: number }, lang: string, times: Time[], published: string | null) {
  const X = lexIndex(lang);
  const out: Array<{ attribute: 'date.start' | 'date.end'; value: string; start: number; end: number; text: string }> = [];
  if (!times.some((t) => t.start >= span.start && t.end <= span.end)) return out;
  const toks = tokens(text, span.start, span.end);
  const cues: Array<{ s: number; e: number; kind: 'date.start' | 'date.end' }> = [];
  for (let k = 0; k < toks.length; k++) {
    const m = longestAt(X.cues, toks, k);
    if (m) cues.push({ s: k, e: m.e, kind: m.key === 's' ? 'date.start' : 'date.end' });
  }
  for (const t of times) {
    if (t.start < span.start || t.end > span.end || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
    if (t.interval && DATE_VALUE.test(t.interval.start) && DATE_VALUE.test(t.interval.end) && t.interval.start !== t.interval.end) {
      const s = dateOf({ ...t, value: t.interval.start })!;
      const e = dateOf({ ...t, value: t.interval.end })!;
      if (nearPublication(s, published)) out.push({ attribute: 'date.start', value: s, start: t.start, end: t.end, text: t.text });
      if (nearPublication(e, published)) out.push({ attribute: 'date.end', value: e, start: t.start, end: t.end, text: t.text });
      continue;
    }
    const d = dateOf(t);
    if (!d || !nearPublication(d, published)) continue;
    const ts = toks.findIndex((x) => x.start >= t.start);
    const te = toks.findIndex((x) => x.start >= t.end);
    const first = ts < 0 ? toks.length : ts;
    const after = te < 0 ? toks.length : te;
    let best: { kind: 'date.start' | 'date.end'; d: number } | null = null;
    for (const c of cues) {
      // a cue up to four words before the date ("ended on Wednesday", "kết thúc chuyến thăm vào ngày 13/3") or
      // right after it ("hôm qua (12/3) kết thúc"), in the same clause
      let dist: number;
      if (c.e <= first) dist = first - c.e;
      else if (c.s >= after) dist = c.s - after + 0.5;
      else continue;
      const lo = Math.min(c.e, after);
      const hi = Math.max(c.s, first);
      if (toks.slice(lo, hi).some((x) => /^[;.!?]$/.test(x.text) || (x.text === ',' && c.s >= after))) continue;
      // an end or start verb and its object before a date introduced by a date word ("menyelesaikan kunjungan
      // kenegaraan ke Bangkok, Thailand, pada 3 Maret 2024") reach further than a bare cue
      const prepped = c.e <= first && first > 0 && X.datePreps.has(toks[first - 1]!.lower);
      if (dist > (c.s >= after ? 2.5 : prepped ? 10 : 4)) continue;
      if (!best || dist < best.d) best = { kind: c.kind, d: dist };
    }
    if (best) out.push({ attribute: best.kind, value: d, start: t.start, end: t.end, text: t.text });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// statements of one story

function storyArticles(exp: ExportInput, storyId: string): Article[] {
  const story = exp.stories.find((s) => s.id === storyId);
  const ids = new Set(story ? story.articles : exp.articles.filter((a) => a.story === storyId).map((a) => a.id));
  return exp.articles.filter((a) => ids.has(a.id));
}

/** Index of the sentence of `a` holding `offset` (the nearest one when it falls between sentences). */
export function sentenceOf(a: Article, offset: number): number {
  let lo = 0;
  let hi = a.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = a.sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(a.sentences.length - 1, lo));
}

function partyLabel(ps: Array<{ text: string }>): string {
  return ps
    .slice(0, 2)
    .map((p) => p.text)
    .join(', ');
}

/** A language's agreement-kind words and stop words, folded: language data, folded once per language. */
const foldedLexicon = new Map<string, { kindWords: Set<string>; stop: Set<string> }>();
function foldedWordsOf(lang: string): { kindWords: Set<string>; stop: Set<string> } {
  let f = foldedLexicon.get(lang);
  if (!f) {
    f = { kindWords: new Set(), stop: new Set() };
    for (const names of Object.values(eventLexicon(lang).agreementKinds)) for (const n of names) for (const w of foldWords(n)) f.kindWords.add(w);
    for (const w of getLanguage(lang).stopwords) for (const x of foldWords(w)) f.stop.add(x);
    foldedLexicon.set(lang, f);
  }
  return f;
}

/** Agreement records of one story grouped into documents: same title words, or a distinctive word in common. */
function groupAgreements(exp: ExportInput, arts: Set<string>) {
  const recs = exp.agreements.filter((g) => g.evidence.some((e) => arts.has(e.article)));
  const langs = [...new Set(exp.articles.filter((a) => arts.has(a.id)).map((a) => a.language))].map(foldedWordsOf);
  // one language: its sets as they are; several: their union
  const kindWords = langs.length === 1 ? langs[0]!.kindWords : new Set(langs.flatMap((f) => [...f.kindWords]));
  const stop = langs.length === 1 ? langs[0]!.stop : new Set(langs.flatMap((f) => [...f.stop]));
  // numbers keep their digits together ("300.000" = "300,000" = "300000")
  const content = (t: string) => new Set(foldWords(t.replace(/(\d)[.,](?=\d{3}\b)/g, '$1')).filter((w) => /^\d+$/.test(w) || (w.length > 2 && !kindWords.has(w) && !stop.has(w))));
  const words = recs.map((g) => content(g.title));
  // a distinctive word names one document in every article that uses it ("halal"), unlike "trade" in three titles
  const perArticle = new Map<string, Map<string, number>>();
  const articlesOf = new Map<string, Set<string>>();
  recs.forEach((g, i) => {
    const art = g.evidence[0]!.article;
    for (const w of words[i]!) {
      const m = perArticle.get(w) ?? perArticle.set(w, new Map()).get(w)!;
      m.set(art, (m.get(art) ?? 0) + 1);
      (articlesOf.get(w) ?? articlesOf.set(w, new Set()).get(w)!).add(art);
    }
  });
  const distinctive = (w: string) => {
    if (/^\d{3,}$/.test(w)) return true;
    const counts = [...perArticle.get(w)!.values()].sort((a, b) => a - b);
    return counts[Math.floor((counts.length - 1) / 2)] === 1;
  };
  const groups: Array<{ recs: number[]; words: Set<string>; articles: Set<string> }> = [];
  recs.forEach((g, i) => {
    const ws = words[i]!;
    const art = g.evidence[0]!.article;
    let best: { gi: number; score: number } | null = null;
    for (let gi = 0; gi < groups.length; gi++) {
      const gr = groups[gi]!;
      const inter = [...ws].filter((w) => gr.words.has(w));
      const jac = inter.length / Math.max(1, new Set([...ws, ...gr.words]).size);
      // two records of one article are two documents unless their titles mostly agree (one named twice)
      const score = jac >= 0.5 ? 1 + jac : !gr.articles.has(art) && inter.some(distinctive) ? jac + 0.01 : 0;
      if (score > 0 && (!best || score > best.score)) best = { gi, score };
    }
    const chosen: { gi: number; score: number } | null = best;
    if (chosen) {
      const gr = groups[chosen.gi]!;
      gr.recs.push(i);
      for (const w of ws) gr.words.add(w);
      gr.articles.add(art);
    } else groups.push({ recs: [i], words: new Set(ws), articles: new Set([art]) });
  });
  return groups.map((gr) => gr.recs.map((i) => recs[i]!));
}

/** Every statement the articles of a story make. Deterministic: follows article and sentence order. */
export function storyStatements(exp: ExportInput, storyId: string): Statement[] {
  const articles = storyArticles(exp, storyId);
  const artIds = new Set(articles.map((a) => a.id));
  const story = exp.stories.find((s) => s.id === storyId);
  const storySubject: Subject = { kind: 'story', id: storyId, label: story?.title ?? storyId };
  const timesBy = new Map<string, Time[]>();
  for (const t of exp.times) if (artIds.has(t.article)) (timesBy.get(t.article) ?? timesBy.set(t.article, []).get(t.article)!).push(t);
  const out: Statement[] = [];
  const seen = new Set<string>();
  const push = (s: Statement) => {
    const k = `${s.subject.id}|${s.attribute}|${s.evidence.article}|${s.evidence.sentence}|${JSON.stringify(s.value)}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(s);
  };

  // numbers and cue dates, sentence by sentence
  for (const a of articles) {
    const times = timesBy.get(a.id) ?? [];
    a.sentences.forEach((sp, si) => {
      const lang = a.paragraphs.find((p) => p.start <= sp.start && sp.start < p.end)?.lang ?? a.language;
      const skip = times.filter((t) => t.type !== 'DURATION' && t.start < sp.end && t.end > sp.start);
      for (const n of sentenceNumbers(a.text, sp, lang, skip)) {
        push({ subject: storySubject, attribute: n.attribute, value: n.value, text: a.text.slice(n.start, n.end), evidence: { article: a.id, sentence: si, start: n.start, end: n.end } });
        // "a free kick in the 81st minute": the manner of what happened at that position is a claim about it
        if (n.manner && n.value.type === 'number')
          push({
            subject: { kind: 'story', id: `${storyId}@${n.attribute}=${n.value.value}`, label: `${n.attribute} ${n.value.value}` },
            attribute: `${n.attribute}.kind`,
            value: { type: 'label', value: n.manner.label },
            text: a.text.slice(n.manner.start, n.manner.end),
            evidence: { article: a.id, sentence: si, start: n.manner.start, end: n.manner.end },
          });
      }
      for (const d of sentenceCueDates(a.text, sp, lang, times, a.published))
        push({ subject: storySubject, attribute: d.attribute, value: { type: 'date', value: d.value }, text: d.text, evidence: { article: a.id, sentence: si, start: d.start, end: d.end } });
    });
  }

  // an article's first start (end) date in its lead speaks for it in disputes over the happening's dates
  const LEAD_SENTENCES = 3;
  const firstDate = new Map<string, Statement>();
  for (const st of out) {
    if (st.subject.kind !== 'story' || !st.attribute.startsWith('date.')) continue;
    st.primary = false;
    const k = `${st.evidence.article}|${st.attribute}`;
    const f = firstDate.get(k);
    if (!f || st.evidence.sentence < f.evidence.sentence) firstDate.set(k, st);
  }
  for (const st of out)
    if (st.primary === false) {
      const f = firstDate.get(`${st.evidence.article}|${st.attribute}`)!;
      st.primary = st.evidence.sentence === f.evidence.sentence && st.evidence.sentence < LEAD_SENTENCES;
    }

  const folded = new Map<string, string>();
  const foldedSentence = (a: Article, si: number) => {
    const k = `${a.id}|${si}`;
    let f = folded.get(k);
    if (f === undefined) folded.set(k, (f = foldKey(a.text.slice(a.sentences[si]!.start, a.sentences[si]!.end))));
    return f;
  };

  // events: what kind of happening, its day, its place, as each mention's sentence states them
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const ev of exp.events) {
    if (ev.story !== storyId || ev.negated) continue;
    if (!ev.actors.length && !ev.recipients.length && !ev.date.value) continue;
    const label = `${ev.type}${ev.mode ? `/${ev.mode}` : ''}${ev.actors.length ? `: ${partyLabel(ev.actors)}` : ''}${ev.recipients.length ? ` → ${partyLabel(ev.recipients)}` : ''}${ev.background ? ' (background)' : ''}`;
    const subject: Subject = { kind: 'event', id: ev.id, label };
    for (const m of ev.evidence) {
      const a = byId.get(m.article);
      if (!a) continue;
      const sp = a.sentences[m.sentence];
      if (!sp) continue;
      push({ subject, attribute: 'type', value: { type: 'label', value: `${ev.type}${ev.mode ? `/${ev.mode}` : ''}` }, text: a.text.slice(m.start, m.end), evidence: m });
      if (ev.location && foldedSentence(a, m.sentence).includes(foldKey(ev.location.text)))
        push({ subject, attribute: 'place', value: { type: 'label', value: ev.location.text, key: foldKey(ev.location.text) }, text: ev.location.text, evidence: m });
      if (ev.date.value) {
        const inSentence = (timesBy.get(a.id) ?? []).filter((t) => t.start >= sp.start && t.end <= sp.end && t.type !== 'DURATION' && t.type !== 'SET' && dateOf(t));
        const single = ev.background || (ev.date.start ?? ev.date.value) === (ev.date.end ?? ev.date.value);
        const stated = inSentence.find((t) => dateOf(t)!.startsWith(ev.date.value!.slice(0, 4)) || ev.date.value!.startsWith(dateOf(t)!)) ?? (single && inSentence.length === 1 ? inSentence[0] : undefined);
        if (stated && (single || dateOf(stated) === ev.date.value))
          push({ subject, attribute: 'date', value: { type: 'date', value: dateOf(stated)! }, text: stated.text, evidence: { article: a.id, sentence: m.sentence, start: stated.start, end: stated.end } });
      }
    }
  }

  // agreements: each document's kind, date and place as each article gives them; the count of documents
  const groups = groupAgreements(exp, artIds);
  for (const g of groups) {
    const first = g[0]!;
    const subject: Subject = { kind: 'agreement', id: first.id, label: first.title };
    for (const r of g) {
      const ev = r.evidence[0]!;
      push({ subject, attribute: 'kind', value: { type: 'label', value: r.kind }, text: r.title, evidence: ev });
      // a day, not the span of the visit the signing was told within (its first day is no signing day a source gives)
      const oneDay = (r.date.start ?? r.date.value) === (r.date.end ?? r.date.value);
      if (r.date.value && oneDay && nearPublication(r.date.value.slice(0, 10), byId.get(ev.article)?.published ?? null)) push({ subject, attribute: 'date', value: { type: 'date', value: r.date.value.slice(0, 10) }, text: r.date.value, evidence: ev });
      if (r.place) push({ subject, attribute: 'place', value: { type: 'label', value: r.place, key: foldKey(r.place) }, text: r.place, evidence: ev });
    }
  }
  const counted = new Set<string>();
  for (const st of out)
    if (st.subject.kind === 'story' && st.value.type === 'number') {
      counted.add(`${st.evidence.article}|${st.evidence.sentence}|${st.value.value}`);
      if (st.attribute === 'documents') counted.add(`${st.evidence.article}|*|${st.value.value}`);
    }
  for (const r of exp.agreements) {
    const ev = r.evidence[0];
    if (r.count === undefined || !ev || !artIds.has(ev.article)) continue;
    const a = byId.get(ev.article)!;
    // the count the agreement coder read is one the number reader may have read already, as documents or contracts
    const already = counted.has(`${a.id}|${ev.sentence}|${r.count}`) || counted.has(`${a.id}|*|${r.count}`);
    if (!already) push({ subject: storySubject, attribute: 'documents', value: { type: 'number', value: r.count }, text: String(r.count), evidence: ev });
  }

  // roles as each source gives them
  for (const en of exp.entities) {
    for (const r of en.roles) {
      const a = byId.get(r.article);
      if (!a) continue;
      const mention = en.mentions.find((m) => m.article === a.id);
      const at = mention ? sentenceOf(a, mention.start) : 0;
      const title = r.org ? `${r.title} (${r.org})` : r.title;
      push({
        subject: { kind: 'entity', id: en.id, label: en.name },
        attribute: 'role',
        value: { type: 'label', value: title, key: foldWords(title).join(' ') },
        text: title,
        evidence: { article: a.id, sentence: at, start: mention?.start ?? 0, end: mention?.end ?? 0 },
      });
    }
  }

  // quotes: the same words attributed to the same speaker by several articles
  const entityName = new Map(exp.entities.map((e) => [e.id, e.name]));
  for (const q of exp.quotes) {
    const a = byId.get(q.article);
    if (!a || !q.speaker) continue;
    const id = q.speaker.entity ?? `speaker:${foldKey(q.speaker.text)}`;
    push({
      subject: { kind: 'entity', id, label: (q.speaker.entity && entityName.get(q.speaker.entity)) || q.speaker.text },
      attribute: 'quote',
      value: { type: 'label', value: q.text, key: foldWords(q.text).join(' ') },
      text: q.text,
      evidence: { article: a.id, sentence: sentenceOf(a, q.start), start: q.start, end: q.end },
    });
  }
  return out;
}
