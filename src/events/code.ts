// Sentence-level PLOVER event coder: trigger lexicons (src/lang/<code>/events.ts) + meaning rules
// (framing verbs, negation, modality, passive, host/visitor, background history) + entity and time stages.
import type { ArticleDoc, Span } from '../types.ts';
import { findMentions, type Mention } from '../entities/mentions.ts';
import { resolveDocumentEntities } from '../entities/link.ts';
import { countryCode, demonymCountry, lookupCity } from '../entities/normalise.ts';
import { tagTimes, type Timex } from '../time/tag.ts';
import { splitSentences } from '../text/sentences.ts';
import { getLanguage, stopwordsFor } from '../lang/index.ts';
import { COOPERATIVE, findPhrases, longestAt, matchPhrase, memo, phrasesAt, type EventLexicon, type PloverType, type TriggerEntry } from './lexicon.ts';
import { eventLexicon } from './lexicons.ts';
import { entityData } from '../entities/langdata.ts';
import { tokens, type Tok } from './tokens.ts';
import { allLanguagesWords, NAME_LINKERS } from './lexicons.ts';

const DETERMINERS = allLanguagesWords('actorDeterminers');
const GENITIVES = allLanguagesWords('genitives');
/** Indefinite articles: allowed before a trigger's argument, not between coordinated actors (as before). */
const ARTICLES = new Set(['a', 'an']);

export type { PloverType } from './lexicon.ts';

export interface Party {
  text: string;
  start: number;
  end: number;
  country?: string;
}

export type Modality = 'asserted' | 'future' | 'planned' | 'hypothetical' | 'reported';

export interface CodedEvent {
  type: PloverType;
  mode: string | null;
  context: string[];
  actors: Party[];
  recipients: Party[];
  location: { text: string; country?: string } | null;
  date: { start: string | null; end: string | null; value: string | null };
  background: boolean;
  negated: boolean;
  modality: Modality;
  trigger: { text: string; start: number; end: number };
  evidence: { sentence: number; start: number; end: number };
  /** for an AGREE/THREATEN/REQUEST/REJECT that frames another event ("agreed to withdraw"): that event's type */
  intent?: PloverType;
  /** the main event of its sentence (the first asserted, verbal one) */
  main?: boolean;
  /**
   * where a date not told in the event's own sentence came from: `context` an earlier sentence of the paragraph,
   * `story` the dated visit or talks its sentence tells (src/events/merge.ts); absent when the sentence dates it
   */
  dateFrom?: 'context' | 'story';
}

interface Hit {
  s: number;
  e: number;
  entry: TriggerEntry;
  consumed: boolean;
  intent?: Hit;
  /** the object of a verb of remembering ("will always remember the support"): what was, told in passing */
  recalled?: boolean;
}

interface Cand extends Party {
  s: number;
  e: number;
  type: Mention['type'] | 'CHUNK';
}

const CLAUSE_END = /^[.;!?]$/;
/** Acts aimed at a place: with no one named, the place is the target ("lifted the curfew in Algiers"). */
const PLACE_TARGET: ReadonlySet<PloverType> = new Set(['CONCEDE', 'RETREAT', 'SANCTION', 'COERCE', 'ASSAULT', 'THREATEN', 'MOBILIZE', 'PROTEST', 'AID']);
const isPunct = (t: Tok) => !/[\p{L}\p{N}]/u.test(t.text);
const isCap = (t: Tok) => /^\p{Lu}/u.test(t.text);

function inList(owner: object, list: string[], toks: Tok[], i: number): number {
  return longestAt(owner, list, toks, i);
}

/** Does a cue from `list` end within `win` tokens before token `i` (same clause)? */
function cueBefore(lex: EventLexicon, list: string[], toks: Tok[], i: number, win: number): boolean {
  for (let s = i - 1; s >= Math.max(0, i - win - 2); s--) {
    if (CLAUSE_END.test(toks[s]!.lower) || toks[s]!.lower === ',') break;
    const e = inList(lex, list, toks, s);
    if (e > s && e <= i && i - e <= win) return true;
  }
  return false;
}

/** A capitalised word after the sentence start is part of a name ("National Assembly", "United States"), never a cue. */
export function inName(toks: Tok[], i: number): boolean {
  if (i === 0 || !isCap(toks[i]!)) return false;
  const prev = toks[i - 1]!;
  if (/^["“'‘(:\-–—]$/.test(prev.text)) return false;
  // an all-caps or title-case sentence (headline) has no case information
  return !headline(toks);
}

const headlineCache = new WeakMap<Tok[], boolean>();
/** All caps, or most words capitalised and no full stop ("Minister Signs Five Agreements in Lima"). */
export function headline(toks: Tok[]): boolean {
  let h = headlineCache.get(toks);
  if (h !== undefined) return h;
  const words = toks.filter((t) => /^\p{L}/u.test(t.text) && t.text.length > 3);
  const caps = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  const last = toks[toks.length - 1]?.text ?? '';
  // a headline ends without a full stop; a sentence full of names does not make one
  h = toks.every((t) => !/\p{Ll}/u.test(t.text)) || (words.length >= 4 && caps / words.length >= 0.75 && !/^[.!?]$/.test(last));
  headlineCache.set(toks, h);
  return h;
}

/**
 * Token index where the sentence proper starts after a dateline ("JAKARTA, Outlet - …", "HANOI (Reuters) —", and in
 * title case a known place followed by a comma or a bracket: "Jakarta, 3 Maret 2026 - …", "Lima (AFP) — …").
 */
export function afterDateline(toks: Tok[]): number {
  const first = toks[0];
  if (!first || first.text.length < 3 || !/^\p{Lu}/u.test(first.text)) return 0;
  const caps = first.text === first.text.toUpperCase();
  if (!caps && !(/^[,(]$/.test(toks[1]?.text ?? '') && (!!countryCode(first.text) || !!lookupCity(first.text, 100000)))) return 0;
  for (let k = 1; k < Math.min(toks.length, 12); k++) if (/^[-–—]$/.test(toks[k]!.text)) return k + 1;
  return 0;
}

/** The trigger entries that can start at token `i`, in lexicon order. */
function triggersAt(lex: EventLexicon, toks: Tok[], i: number): TriggerEntry[] {
  const ix = memo(lex, 'triggerIndex', () => {
    const byPhrase = new Map<string, TriggerEntry[]>();
    for (const t of lex.triggers) byPhrase.set(t.p, [...(byPhrase.get(t.p) ?? []), t]);
    return { phrases: [...byPhrase.keys()], byPhrase };
  });
  return phrasesAt(lex, ix.phrases, toks, i).flatMap((p) => ix.byPhrase.get(p)!);
}

function findTriggers(lex: EventLexicon, toks: Tok[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (inName(toks, i)) continue;
    let best: Hit | null = null;
    for (const entry of triggersAt(lex, toks, i)) {
      const e = matchPhrase(lex, entry.p, toks, i);
      if (e <= i) continue;
      // prefer the longer phrase, then a verb over a noun
      if (!best || e > best.e || (e === best.e && best.entry.noun && !entry.noun)) best = { s: i, e, entry, consumed: false };
    }
    // after a determiner a verb form is a noun ("the signing", "a visit")
    if (best && !best.entry.noun && i > 0 && lex.determiners.includes(toks[i - 1]!.lower)) best = { ...best, entry: { ...best.entry, noun: true, frame: false } };
    if (best) hits.push(best);
  }
  // overlaps: an earlier, longer match wins
  const out: Hit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.s < last.e) {
      if (h.e - h.s > last.e - last.s && h.s === last.s) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/** Index of the token that ends the clause containing token i (exclusive). */
function clauseEnd(toks: Tok[], i: number): number {
  for (let j = i; j < toks.length; j++) if (CLAUSE_END.test(toks[j]!.lower)) return j;
  return toks.length;
}

/** Frames consume the events of their complement; verbs consume the nouns they govern ("held talks", "signed a pact"). */
function structure(lex: EventLexicon, toks: Tok[], hits: Hit[]): void {
  // a noun the next verb takes as its object through a relative or passive ("the agreement that was signed",
  // "kesepakatan yang ditandatangani") is that act's object
  const rel = lex.relativizers ?? [];
  // the object of a verb of remembering or cherishing ("will always remember the support") is what was: no act of now
  for (const m of lex.cognitive?.length ? findPhrases(lex, lex.cognitive, toks) : []) {
    const o = hits.find((x) => x.s >= m.e && x.s - m.e <= 4);
    if (o?.entry.noun && !toks.slice(m.e, o.s).some((t) => /^[,;:.!?]$/.test(t.lower))) o.recalled = true;
  }
  for (let k = 0; k + 1 < hits.length; k++) {
    const o = hits[k]!;
    const h = hits[k + 1]!;
    if (o.entry.noun && !h.entry.noun && h.s - o.e <= 3 && toks.slice(o.e, h.s).every((t) => rel.includes(t.lower))) o.consumed = true;
  }
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    if (h.consumed) continue;
    const end = clauseEnd(toks, h.e);
    for (let m = k + 1; m < hits.length; m++) {
      const o = hits[m]!;
      if (o.s >= end || o.consumed) break;
      // a comma followed by an attribution ends the complement
      const between = toks.slice(h.e, o.s);
      if (between.some((t) => t.lower === ',')) break;
      if (h.entry.frame && !h.entry.noun && o.s - h.e <= 12) {
        o.consumed = true;
        if (!h.intent) h.intent = o;
        continue;
      }
      if (!h.entry.noun && o.entry.noun && o.s - h.e <= 4) {
        o.consumed = true;
        continue;
      }
      break;
    }
  }
}

const unPossessive = (w: string) => w.replace(/['’]s$/, '');

function countryOf(text: string, toks: Tok[]): string | undefined {
  const cc = countryCode(unPossessive(text));
  if (cc) return cc;
  for (const t of toks) {
    if (!isCap(t)) continue;
    const w = unPossessive(t.text);
    const c = countryCode(w) ?? demonymCountry(w);
    if (c) return c;
  }
  for (let n = 3; n >= 2; n--)
    for (let i = 0; i + n <= toks.length; i++) {
      const c = countryCode(unPossessive(toks.slice(i, i + n).map((t) => t.text).join(' ')));
      if (c) return c;
    }
  return undefined;
}

const lowerCache = new Map<string, Set<string>>();
/** The words a text writes in lower case (a few texts cached: an article's sentences share one). */
function lowerWords(text: string): Set<string> {
  let s = lowerCache.get(text);
  if (s) return s;
  s = new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{M}]*/gu) ?? []);
  if (lowerCache.size > 8) lowerCache.delete(lowerCache.keys().next().value!);
  lowerCache.set(text, s);
  return s;
}

const commonCache = new WeakMap<EventLexicon, (w: string) => boolean>();
/** Words of the lexicon's context, field and actor lists (exact or by stem): common words, not names. */
function commonWords(lex: EventLexicon): (w: string) => boolean {
  let f = commonCache.get(lex);
  if (f) return f;
  const exact = new Set<string>();
  const stems: string[] = [];
  const words = [...Object.values(lex.contexts).flat(), ...Object.values(lex.agreementFields).flat(), ...lex.actorNouns, ...lex.background];
  for (const p of words) for (const w of p.toLowerCase().split(/[\s|_]+/)) if (w.endsWith('*')) stems.push(w.slice(0, -1));
  else exact.add(w);
  f = (w: string) => exact.has(w) || stems.some((s) => w.startsWith(s));
  commonCache.set(lex, f);
  return f;
}

/** Entity candidates in a sentence: the entity stage's mentions, plus capitalised chunks it missed. */
function candidates(lang: string, text: string, toks: Tok[], mentions: Mention[], times: Timex[]): Cand[] {
  const lexC = eventLexicon(lang);
  // per-language word sets, built once (this runs for every sentence)
  const { stop, cal, titleWords, honorifics } = memo(lexC, `candidateWords:${lang}`, () => {
    const ld = getLanguage(lang);
    return {
      stop: new Set(ld.stopwords),
      cal: new Set([...ld.dates.months.flat(), ...ld.dates.weekdays.flat()]),
      titleWords: new Set(entityData(lang).titles.flatMap((t: string) => t.toLowerCase().split(/\s+/))),
      honorifics: new Set(entityData(lang).honorifics.map((h: string) => h.toLowerCase().replace(/\.$/, ''))),
    };
  });
  const tokIndex = (off: number, side: 'start' | 'end') => {
    for (let i = 0; i < toks.length; i++) if (side === 'start' ? toks[i]!.end > off : toks[i]!.end >= off) return i;
    return toks.length - 1;
  };
  const out: Cand[] = [];
  for (const m of mentions) {
    if (m.type === 'OTHER') continue;
    const s = tokIndex(m.start, 'start');
    const e = tokIndex(m.end, 'end') + 1;
    out.push({ text: m.text, start: m.start, end: m.end, s, e, type: m.type });
  }
  const covered = (i: number) => out.some((c) => i >= c.s && i < c.e) || times.some((t) => toks[i]!.start >= t.start && toks[i]!.end <= t.end);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // a capitalised stop word inside the sentence may still be a place ("di Lima": Peru's capital, not "five")
    const placeName = (k: number) => k > 0 && (!!countryCode(toks[k]!.text) || !!lookupCity(toks[k]!.text, 100000));
    if (!isCap(t) || covered(i) || (stop.has(t.lower) && !placeName(i)) || cal.has(t.lower)) continue;
    let j = i + 1;
    while (j < toks.length && !covered(j)) {
      const w = toks[j]!;
      if (isCap(w) && !cal.has(w.lower)) j++;
      else if (NAME_LINKERS.has(w.lower) && j + 1 < toks.length && isCap(toks[j + 1]!)) j += 2;
      else if ((w.text === "'" || w.text === '’') && toks[j + 1]?.lower === 's') break;
      else break;
    }
    // an all-stopword chunk ("The", "In") is no entity; a chunk may start with one ("The United States" → "United States")
    let s = i;
    while (s < j && stop.has(toks[s]!.lower) && !placeName(s)) s++;
    if (s < j) {
      const a = toks[s]!;
      const b = toks[j - 1]!;
      out.push({ text: text.slice(a.start, b.end), start: a.start, end: b.end, s, e: j, type: 'CHUNK' });
    }
    i = j - 1;
  }
  // "Indonesia and Vietnam" tagged as one name: two countries
  for (let k = out.length - 1; k >= 0; k--) {
    const c = out[k]!;
    const parts: Array<[number, number]> = [];
    let st = c.s;
    for (let i = c.s; i < c.e; i++) if (lexC.and.includes(toks[i]!.lower)) (parts.push([st, i]), (st = i + 1));
    if (!parts.length) continue;
    parts.push([st, c.e]);
    const countries = parts.every(([a, b]) => b > a && countryCode(text.slice(toks[a]!.start, toks[b - 1]!.end)));
    // "Kementerian Pertanian Chile dan Kementerian Pertanian Peru": the same head repeated after "and" starts a second name
    const repeated = parts.length === 2 && parts.every(([a, b]) => b - a >= 2) && toks[parts[0]![0]]!.lower === toks[parts[1]![0]]!.lower;
    if (!countries && !repeated) continue;
    out.splice(k, 1, ...parts.map(([a, b]) => ({ text: text.slice(toks[a]!.start, toks[b - 1]!.end), start: toks[a]!.start, end: toks[b - 1]!.end, s: a, e: b, type: countries ? ('PLACE' as const) : c.type })));
  }
  // a capitalised word opening the sentence ("Diplomatic relations …", "Berdasarkan …") that the entity stage did not
  // take for a name and that is a known common word (lexicon, stopword, derivational pattern) is no name
  const common = commonWords(lexC);
  const dictWord = getLanguage(lang).isDictionaryWord;
  // words the article itself writes in lower case are common words ("Suasana …" opening a sentence, "suasana" elsewhere)
  const articleWords = lowerWords(text);
  for (let k = out.length - 1; k >= 0; k--) {
    const c = out[k]!;
    if (c.type !== 'CHUNK') continue;
    const first = toks[c.s]!;
    const domain = /\.(com|net|org|vn|id|my|co|gov|info|news)$/i.test(c.text);
    const known = (w: string) => !!countryCode(w) || !!demonymCountry(w) || !!lookupCity(w, 100000) || (w.length > 1 && w === w.toUpperCase());
    const actorNoun = inList(lexC, lexC.actorNouns, toks, c.s) === c.e;
    // a reduplicated word is the plural of its half ("Langkah-langkah"): common when the half is
    const half = (w: string) => /^(\p{L}+)-\1$/u.exec(w)?.[1] ?? w;
    const commonOne = (w: string) => common(w) || stop.has(w) || !!lexC.commonWordPattern?.test(w) || !!dictWord?.(w);
    const commonWord = (w: string) => !actorNoun && (commonOne(w) || commonOne(half(w)));
    const honorific = c.e - c.s === 1 && honorifics.has(first.lower);
    const lowerElsewhere = articleWords.has(first.lower) || articleWords.has(half(first.lower));
    if (domain || honorific || (c.s === 0 && c.e === 1 && (commonWord(first.lower) || lowerElsewhere) && !known(c.text))) {
      out.splice(k, 1);
      continue;
    }
    // a multi-word chunk opening with a common word: drop the word ("Kehadiran Sekretaris …" → "Sekretaris …")
    if (c.s === 0 && c.e > 1 && !known(first.text) && commonWord(first.lower) && !titleWords.has(first.lower)) {
      c.s = 1;
      c.start = toks[1]!.start;
      c.text = text.slice(c.start, c.end);
    }
  }
  // number words opening a sentence are no names ("Hai bên", "Two sides"); elsewhere they may be ("di Lima")
  const numberWords = new Set(lexC.numbers.flat());
  for (let k = out.length - 1; k >= 0; k--) if (out[k]!.s === 0 && toks.slice(out[k]!.s, out[k]!.e).every((t) => numberWords.has(t.lower) || stop.has(t.lower))) out.splice(k, 1);
  out.sort((a, b) => a.s - b.s);
  // join a chunk and a mention that touch or are joined by title words ("Palestinian leader" + "Yasser Arafat")
  const merged: Cand[] = [];
  for (const c of out) {
    const prev = merged[merged.length - 1];
    const gap = prev ? toks.slice(prev.e, c.s) : [];
    const lastPrev = prev ? toks[prev.e - 1]! : undefined;
    // "Russian President" + "Boris Yeltsin", "Palestinian leader" + "Yasser Arafat": a title or a country joins the name after it
    const joins = prev && lastPrev && c.s >= prev.e && c.s - prev.e <= 3 && gap.every((t) => (titleWords.has(t.lower) && !lexC.and.includes(t.lower)) || t.lower === "'s") &&
      (gap.length > 0 || titleWords.has(lastPrev.lower) || !!countryCode(lastPrev.text) || !!demonymCountry(lastPrev.text));
    if (prev && joins) {
      merged[merged.length - 1] = { ...prev, text: text.slice(prev.start, c.end), end: c.end, e: c.e, type: c.type === 'CHUNK' ? prev.type : c.type };
      continue;
    }
    if (prev && c.s < prev.e) continue;
    merged.push({ ...c });
  }
  // common nouns heading the name ("Turkish police", "pemerintah Indonesia")
  const lex = eventLexicon(lang);
  for (const c of merged) {
    if (lex.actorNounsBefore) {
      for (let k = c.s - 1; k >= 0 && c.s - k <= 2; k--) {
        const e = inList(lex, lex.actorNouns, toks, k);
        if (e === c.s) {
          c.s = k;
          c.start = toks[k]!.start;
          c.text = text.slice(c.start, c.end);
          break;
        }
      }
    } else {
      const e = c.e < toks.length ? inList(lex, lex.actorNouns, toks, c.e) : -1;
      if (e > c.e && !merged.some((o) => o !== c && o.s < e && o.s >= c.e)) {
        c.e = e;
        c.end = toks[e - 1]!.end;
        c.text = text.slice(c.start, c.end);
      }
    }
  }
  out.length = 0;
  out.push(...merged);
  // a lone title is no name ("Presiden" that joined no name)
  for (let k = out.length - 1; k >= 0; k--) if (out[k]!.type === 'CHUNK' && out[k]!.e - out[k]!.s === 1 && titleWords.has(toks[out[k]!.s]!.lower)) out.splice(k, 1);
  for (const c of out) {
    const cc = countryOf(c.text, toks.slice(c.s, c.e));
    // a person's country from a demonym or country right before the name ("Russian" + "Boris Yeltsin")
    let before: string | undefined;
    if (!cc && c.type !== 'PLACE' && c.s > 0 && isCap(toks[c.s - 1]!)) before = countryCode(toks[c.s - 1]!.text) ?? demonymCountry(toks[c.s - 1]!.text);
    const city = !cc && !before && c.type !== 'PERSON' ? lookupCity(c.text, 100000)?.country : undefined;
    const country = cc ?? before ?? city;
    if (country) c.country = country;
  }
  return out.sort((a, b) => a.s - b.s);
}

const party = (c: Cand): Party => (c.country ? { text: c.text, start: c.start, end: c.end, country: c.country } : { text: c.text, start: c.start, end: c.end });

/** The candidate at `i` and the ones coordinated with it ("X and Y", "X, Y and Z"). */
function coordinated(lex: EventLexicon, toks: Tok[], cands: Cand[], first: Cand, limit: number): Cand[] {
  const group = [first];
  let cur = first;
  for (;;) {
    const next = cands.find((c) => c.s >= cur.e && c.s < limit);
    if (!next) break;
    const gap = toks.slice(cur.e, next.s);
    const ok = gap.length >= 1 && gap.length <= 3 && gap.some((t) => lex.and.includes(t.lower) || t.lower === ',') && gap.every((t) => lex.and.includes(t.lower) || t.lower === ',' || (DETERMINERS.has(t.lower) && !ARTICLES.has(t.lower)));
    if (!ok) break;
    group.push(next);
    cur = next;
  }
  return group;
}

const prepBefore = (lex: EventLexicon, toks: Tok[], c: Cand, preps: string[]): boolean => {
  for (let k = c.s - 1; k >= Math.max(0, c.s - 3); k--) {
    const w = toks[k]!.lower;
    if (preps.includes(w)) return true;
    if (!DETERMINERS.has(w) && !lex.and.includes(w)) return false;
  }
  return false;
};

interface Ctx {
  lex: EventLexicon;
  lang: string;
  text: string;
  toks: Tok[];
  cands: Cand[];
  times: Timex[];
  anchor: string | null;
  sentence: number;
  span: Span;
  sayAt: number[];
  sayAll: number[];
  /** character spans of the sentence's event triggers */
  triggers?: Array<{ start: number; end: number }>;
  /** matches of a cue list anywhere in the sentence, found once per sentence (a sentence may hold many triggers) */
  cues?: Map<readonly string[], Array<{ s: number; e: number }>>;
}

function cueMatches(c: Ctx, list: readonly string[]): Array<{ s: number; e: number }> {
  c.cues ??= new Map();
  let m = c.cues.get(list);
  if (!m) {
    m = [];
    for (let k = 0; k < c.toks.length; k++) {
      const e = longestAt(c.lex, list, c.toks, k);
      if (e > k) m.push({ s: k, e });
    }
    c.cues.set(list, m);
  }
  return m;
}

function yearOf(v: string | null | undefined): number | null {
  const m = v ? /^(\d{4})/.exec(v) : null;
  return m ? Number(m[1]) : null;
}

/** Days a history needs to lie before the publication: an earlier month or more ("a visit in 2019", "in August"). */
const HISTORY_DAYS = 31;

/** The last day a date value ("2019", "2019-08", "2019-08-04", "2019-08-04TMO") covers, as a time, or null. */
function lastDay(v: string | null | undefined): number | null {
  const m = v ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v) : null;
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
  if (m[2]) return Date.UTC(y, Number(m[2]), 0);
  return Date.UTC(y, 11, 31);
}

/** Whether a date ends more than HISTORY_DAYS before `anchor` (a publication day). */
export function longBefore(date: { end: string | null; value: string | null }, anchor: string | null | undefined): boolean {
  const end = lastDay(date.end ?? date.value);
  const a = lastDay(anchor && /^\d{4}-\d{2}-\d{2}/.test(anchor) ? anchor : null);
  return end != null && a != null && a - end > HISTORY_DAYS * 86400000;
}

/** A bare year that belongs to a document's name ("the 1982 Convention", "Konvensi … (UNCLOS) 1982") dates no event. */
function documentYear(c: Ctx, t: Timex): boolean {
  if (!/^\d{4}$/.test(t.text.trim())) return false;
  const kinds = memo(c.lex, 'kindPhrases', () => Object.values(c.lex.agreementKinds).flat());
  const names = memo(c, 'kindMatches', () => findPhrases(c.lex, kinds, c.toks).filter((m) => /^\p{Lu}/u.test(c.toks[m.s]!.text)));
  if (!names.length) return false;
  const at = c.toks.findIndex((k) => k.start >= t.start);
  if (at < 0) return false;
  const named = (k: number) => /^[\p{Lu}(),\p{N}]/u.test(c.toks[k]?.text ?? '') && c.toks[k]!.text !== ',';
  // the name runs up to the year: capitalised words, brackets and linking words, no clause punctuation
  const linked = (from: number, to: number) => c.toks.slice(from, to).every((k) => !/^[,;:.!?]$/.test(k.text)) && to - from <= 12;
  return names.some((m) => (m.e <= at && named(at - 1) && linked(m.s, at)) || (m.s > at && named(at + 1) && linked(at + 1, m.s)));
}

const NO_WORDS: string[] = [];
/** A noun with a demonstrative that points back ("kunjungan tersebut", "this visit"). */
function anaphoric(lex: EventLexicon, toks: Tok[], h: Hit): boolean {
  if (h.s > 0 && (lex.anaphorsBefore ?? NO_WORDS).includes(toks[h.s - 1]!.lower)) return true;
  return h.e < toks.length && longestAt(lex, lex.anaphorsAfter ?? NO_WORDS, toks, h.e) > h.e;
}

function codeHit(c: Ctx, h: Hit): CodedEvent {
  const { lex, toks, cands } = c;
  const target = h.intent ?? h;
  let type: PloverType = h.entry.t;
  let mode: string | null = h.entry.mode ?? null;
  let intent: PloverType | undefined = h.intent ? h.intent.entry.t : undefined;
  // the clause ends at ";" or "." or at a trailing attribution (", officials said")
  let end = clauseEnd(toks, h.e);
  for (let k = h.e; k < end; k++) {
    if (toks[k]!.lower !== ',') continue;
    if (c.sayAll.some((q) => q > k && q < end)) {
      end = k;
      break;
    }
  }
  // passive: "was attacked by X", "ditandatangani oleh", "bị … bởi"
  const agentIdx = (() => {
    for (const from of new Set([h.e, target.e])) for (let k = from; k < Math.min(end, from + 3); k++) if (lex.agentPreps.includes(toks[k]!.lower)) return k;
    return -1;
  })();
  const passive = agentIdx >= 0 || (h.s > 0 && lex.passive.includes(toks[h.s - 1]!.lower) && (c.lang !== 'en' || /(ed|en)$/.test(toks[h.s]!.lower)));
  // the window of the subject: after the dateline, after the last attribution verb / "that" before the trigger
  let from = afterDateline(toks);
  for (const k of c.sayAt) if (k < h.s) from = k + 1;
  const before = cands.filter((x) => x.e <= h.s && x.s >= from && !prepBefore(lex, toks, x, [...lex.placePreps, ...lex.recipientPreps, ...lex.agentPreps, 'of']));
  const beforeAny = cands.filter((x) => x.e <= h.s && x.s >= from);
  const after = cands.filter((x) => x.s >= h.e && x.s < end && (agentIdx < 0 || x.s < agentIdx));
  let subj: Cand[] = [];
  if (before.length) subj = coordinated(lex, toks, cands, before[0]!, h.s);
  else if (beforeAny.length) {
    // a name after a preposition in an opening phrase is no subject when a common actor phrase follows the comma
    // ("Dalam pertemuan di Istana X, kedua pemimpin membahas …", "At the X Palace, the two leaders discussed …")
    const last = beforeAny[beforeAny.length - 1]!;
    const comma = toks.findIndex((t, k) => k >= last.e && k < h.s && t.text === ',');
    const common = comma >= 0 && toks.some((_, k) => k > comma && k < h.s && (inList(lex, lex.actorNouns, toks, k) > k || inList(lex, lex.bothSides ?? NO_WORDS, toks, k) > k));
    if (!common) subj = coordinated(lex, toks, cands, last, h.s);
  } else if (c.sayAt.length) {
    // "X said it will …": the speaker is the subject
    const sp = cands.filter((x) => x.e <= c.sayAt[0]!);
    if (sp.length) subj = [sp[sp.length - 1]!];
  }
  // no name before the trigger: a common actor phrase ("the prime minister", "police", "para demonstran")
  if (!subj.length && !c.sayAt.length) {
    for (let k = h.s - 1; k >= from && h.s - k <= 6; k--) {
      const e = Math.max(inList(lex, lex.actorNouns, toks, k), inList(lex, lex.bothSides ?? NO_WORDS, toks, k));
      if (e > k && e <= h.s) {
        // a phrase naming both sides ("kedua belah pihak", "the two sides") is the whole actor; else, where modifiers
        // precede the noun (English), those before it ("heavily armed police") up to a function word or a date; where
        // they follow it (Indonesian, Vietnamese), the noun alone ("Ia berharap pemerintah …" → "pemerintah")
        const stop = stopwordsFor(getLanguage(c.lang).code);
        let s0 = k;
        let both = -1;
        for (let b = Math.max(from, k - 3); b <= k && both < 0; b++) if (inList(lex, lex.bothSides ?? NO_WORDS, toks, b) === e) both = b;
        const isTime = (t: Tok) => c.times.some((x) => t.start >= x.start && t.end <= x.end);
        if (both >= 0) s0 = both;
        else if (lex.actorNounsBefore) {
          // only quantifiers stand before the noun there: "kedua pemimpin", "hai đoàn", "tiga pejabat"
          const quant = memo(lex, 'actorQuantifiers', () => new Set([...(lex.bothSides ?? []).map((p) => p.split(/\s+/)[0]!.toLowerCase()), ...lex.numbers.flat()]));
          while (s0 > from && quant.has(toks[s0 - 1]!.lower)) s0--;
        } else while (s0 > from && !isPunct(toks[s0 - 1]!) && !lex.determiners.includes(toks[s0 - 1]!.lower) && !stop.has(toks[s0 - 1]!.lower) && !isTime(toks[s0 - 1]!) && h.s - s0 < 6 && !cands.some((x) => x.e === s0)) s0--;
        const a = toks[s0]!;
        const b = toks[e - 1]!;
        subj = [{ text: c.text.slice(a.start, b.end), start: a.start, end: b.end, s: s0, e, type: 'CHUNK' }];
        break;
      }
    }
  }
  // a nominalisation's possessor follows it: "kunjungan Presiden X ke Y", "chuyến thăm của X", "the visit of X"
  if (h.entry.noun && h === target) {
    const poss = cands.find((x) => x.s >= h.e && x.s - h.e <= 2 && x.s < end && !prepBefore(lex, toks, x, [...lex.placePreps, ...lex.recipientPreps, ...lex.destinationPreps]));
    const genitive = poss && (poss.s === h.e || toks.slice(h.e, poss.s).every((t) => GENITIVES.has(t.lower) || !isPunct(t)));
    if (poss && genitive && (lex.actorNounsBefore || toks[poss.s - 1]!.lower === 'of')) subj = coordinated(lex, toks, cands, poss, end);
  }
  let obj: Cand[] = [];
  let place: Cand | null = null;
  const visit = (h.entry.mode === 'visit' || target.entry.mode === 'visit') && !h.entry.host;
  if (agentIdx >= 0) {
    const p = cands.find((x) => x.s > agentIdx && x.s < end && prepBefore(lex, toks, x, lex.placePreps));
    if (p) place = p;
  }
  for (const x of after) {
    if (subj.includes(x) || obj.includes(x)) continue;
    const isPlacePrep = prepBefore(lex, toks, x, lex.placePreps);
    if (isPlacePrep && !(visit && !obj.length)) {
      if (!place) place = x;
      continue;
    }
    if (!obj.length) obj = coordinated(lex, toks, cands, x, end);
  }
  let actors = subj;
  let recipients = obj;
  const agent = agentIdx >= 0 ? cands.find((x) => x.s > agentIdx && x.s < end) : undefined;
  const agents = agent ? coordinated(lex, toks, cands, agent, end) : [];
  if (h.entry.host) {
    // the host receives the visitor: "X welcomed Y" → Y visits X; "Y was welcomed by X" → the same
    if (passive) (actors = subj), (recipients = agents);
    else (actors = obj), (recipients = subj);
  } else if (passive && agentIdx >= 0) {
    actors = agents;
    recipients = subj;
  }
  if (h.entry.deontic) {
    // "Russia said Sudan must return …": Sudan is asked, the speaker asks
    const speaker = c.sayAt.length ? cands.filter((x) => x.e <= c.sayAt[0]!) : [];
    if (speaker.length) {
      recipients = actors;
      actors = coordinated(lex, toks, cands, speaker[0]!, c.sayAt[0]!);
    }
  }
  // "the visit" told again ("kunjungan tersebut", "this visit", "chuyến thăm này"): a happening already told, whose
  // parties are not the names that follow it in the sentence
  if (h.entry.noun && anaphoric(lex, toks, h)) (actors = []), (recipients = []), (place = null);
  // no recipient named: the place the act is aimed at ("lifted the curfew in Algiers") receives it
  if (!recipients.length && place && !actors.includes(place) && PLACE_TARGET.has(type)) recipients = [place];
  if (!recipients.length && actors.length > 1 && (h.entry.sym || target.entry.sym || type === 'AGREE' || type === 'SUPPORT' || type === 'COOPERATE')) recipients = actors;
  if (visit && recipients.length && !place) {
    const r = recipients[0]!;
    if (prepBefore(lex, toks, r, lex.destinationPreps)) place = r;
  }
  // negation and denial
  let negated = cueBefore(lex, lex.negation, toks, h.s, 3);
  if (!negated && cueMatches(c, lex.denial).some((m) => m.s < h.s)) negated = true;
  // modality
  let modality: Modality = 'asserted';
  if (cueBefore(lex, lex.hypothetical, toks, h.s, 4)) modality = 'hypothetical';
  if (cueBefore(lex, lex.planned, toks, h.s, 4)) modality = 'planned';
  else if (cueBefore(lex, lex.future, toks, h.s, 3)) modality = 'future';
  if (modality === 'asserted' && (cueBefore(lex, lex.reported, toks, h.s, 4) || cueMatches(c, lex.reported).some((m) => m.s < h.s && m.e <= h.s))) modality = 'reported';
  if (modality === 'asserted' && c.sayAt.some((k) => k < h.s) && actors.length && cands.some((x) => x.e <= c.sayAt[0]! && !actors.includes(x))) modality = 'reported';
  // the cues of a verb of remembering are its own: "will always remember the support" promises no support
  if (h.recalled) modality = 'asserted';
  // a promise or plan of a cooperative act is an AGREE, of a hostile act a THREATEN (PLOVER)
  const conditional = cueMatches(c, lex.conditional).some((m) => m.s >= h.e && m.s < end);
  if ((modality === 'future' || modality === 'planned') && !negated && !['AGREE', 'THREATEN', 'REQUEST'].includes(type) && !(type === 'REJECT' && h.entry.frame)) {
    intent = type;
    // a promise conditioned on the other side's behaviour ("will withdraw unless …") is a threat
    type = COOPERATIVE.has(type) && !conditional ? 'AGREE' : 'THREATEN';
    mode = type === 'THREATEN' ? mode : null;
  } else if (type === 'AGREE' && h.intent && conditional && !COOPERATIVE.has(h.intent.entry.t)) {
    type = 'THREATEN';
  }
  // dates: the time expression nearest the trigger, within the sentence
  let best: Timex | null = null;
  let bestD = Infinity;
  for (const t of c.times) {
    if ((t.type !== 'DATE' && t.type !== 'TIME') || !/^\d{4}/.test(t.value) || documentYear(c, t)) continue;
    const d = t.start >= toks[h.s]!.end ? t.start - toks[h.s]!.end : toks[h.s]!.start - t.end;
    if (Math.abs(d) < bestD) (best = t), (bestD = Math.abs(d));
  }
  // a coarse date ("this year", "the 80th anniversary" → 2025) gives way to a finer one of the same sentence that lies
  // within it ("… in 2025, on 9-11 October 2025"): the finer one says when
  if (best) {
    const coarse = best;
    // … unless another event of the sentence stands nearer to the finer date ("arrived on 11 May, ending the visit")
    const dist = (t: Timex, a: number, b: number) => (t.start >= b ? t.start - b : Math.max(0, a - t.end));
    const own = (t: Timex) => dist(t, toks[h.s]!.start, toks[h.e - 1]!.end) <= Math.min(...(c.triggers ?? []).map((x) => dist(t, x.start, x.end)));
    const finer = c.times.filter((t) => (t.type === 'DATE' || t.type === 'TIME') && t !== coarse && /^\d{4}/.test(t.value) && t.value.length > coarse.value.length && t.value.startsWith(coarse.value) && own(t));
    if (/^\d{4}(-\d{2})?$/.test(coarse.value) && finer.length) best = finer.sort((a, b) => Math.abs(a.start - coarse.start) - Math.abs(b.start - coarse.start))[0]!;
  }
  const date = best
    ? { start: best.interval?.start ?? best.value, end: best.interval?.end ?? best.value, value: best.value }
    : { start: null, end: null, value: null };
  // background: history recalled in passing
  const ay = yearOf(c.anchor);
  const dy = yearOf(best?.value);
  const cue = cueMatches(c, lex.background).length > 0;
  // an event whose own date lies well before the publication (an earlier year, or over a month before) is history told
  // in passing, whatever the verb's tense; a year before it with a history cue too
  const background = !!h.recalled || (dy != null && (longBefore(date, c.anchor) || (ay != null && dy < ay && cue) || (ay == null && cue && /^\d{4}$/.test(best!.value))));
  // context
  const context = new Set<string>();
  if (h.entry.context) context.add(h.entry.context);
  if (target !== h && target.entry.context) context.add(target.entry.context);
  for (const [label, cues] of Object.entries(lex.contexts)) if (cueMatches(c, cues).length) context.add(label);
  const tt = toks[h.s]!;
  const te = toks[h.e - 1]!;
  const mk = (xs: Cand[]) => xs.map(party);
  let location: CodedEvent['location'] = null;
  if (place) {
    const country = place.country ?? lookupCity(place.text, 10000)?.country;
    location = country ? { text: place.text, country } : { text: place.text };
  }
  // a meeting's mode from where it happens: in the recipient's country a visit, in the actor's a hosting, elsewhere a third party
  if (type === 'CONSULT' && !mode) {
    const A = new Set(actors.map((a) => a.country).filter(Boolean));
    const R = new Set(recipients.filter((r) => !actors.includes(r)).map((r) => r.country).filter(Boolean));
    const L = location?.country;
    const all = new Set([...A, ...R]);
    if (all.size >= 3) mode = 'multilateral';
    else if (L && A.size && R.size) mode = R.has(L) && !A.has(L) ? 'visit' : A.has(L) && !R.has(L) ? 'host' : !A.has(L) && !R.has(L) ? 'third-party' : null;
  }
  const ev: CodedEvent = {
    type,
    mode: mode ?? (target !== h ? (target.entry.mode ?? null) : null),
    context: [...context],
    actors: mk(actors),
    recipients: mk(recipients),
    location,
    date,
    background,
    negated,
    modality: background ? 'asserted' : modality,
    trigger: { text: c.text.slice(tt.start, te.end), start: tt.start, end: te.end },
    evidence: { sentence: c.sentence, start: c.span.start, end: c.span.end },
  };
  if (intent) ev.intent = intent;
  return ev;
}

/** Token indices of attribution verbs (and the "that" after them) in a sentence; a leading "According to X," counts. */
function sayPositions(lex: EventLexicon, toks: Tok[]): number[] {
  const out: number[] = [];
  const src = inList(lex, lex.sourcePreps, toks, 0);
  if (src > 0) {
    const comma = toks.findIndex((t, k) => k >= src && t.text === ',');
    if (comma > 0 && comma < 15) out.push(comma);
  }
  for (let k = 0; k < toks.length; k++) {
    if (inName(toks, k)) continue;
    const e = inList(lex, lex.sayVerbs, toks, k);
    if (e > k) out.push(e - 1 + (toks[e] && (toks[e]!.lower === ',' || lex.complementizers.includes(toks[e]!.lower)) ? 1 : 0));
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * Capitalised words that name a document or a field, not a party: a title holding an agreement kind ("Memorandum of
 * Understanding", "Perjanjian Kerja Sama") or words that are all field cues and title links ("Science and Health").
 */
function notAParty(lex: EventLexicon, ts: Tok[]): boolean {
  if (!ts.length) return true;
  const kinds = memo(lex, 'partyKindPhrases', () => Object.values(lex.agreementKinds).flat().map((n) => n.trim().split(/\s+/).join(' ')));
  if (ts.some((t, i) => longestAt(lex, kinds, ts, i) > i)) return true;
  const fields = memo(lex, 'partyFieldPhrases', () => Object.values(lex.agreementFields).flat());
  // "Military", "Police": a common actor, whatever its field
  if (longestAt(lex, lex.actorNouns, ts, 0) === ts.length) return false;
  let i = 0;
  while (i < ts.length) {
    const e = longestAt(lex, fields, ts, i);
    if (e > i) i = e;
    else if (lex.titleLinks.includes(ts[i]!.lower) || lex.and.includes(ts[i]!.lower)) i++;
    else return false;
  }
  return true;
}

/** Force and its release that a ceremony stages: a salute is fired, a guard of honour marches, a parade is "deployed". */
const RITE_TYPES: ReadonlySet<PloverType> = new Set(['ASSAULT', 'RETREAT', 'MOBILIZE', 'COERCE', 'PROTEST']);

/** Whether a trigger lies in a ceremony's phrase or in its clause part (up to a comma or clause end). */
function ceremonial(lex: EventLexicon, toks: Tok[]): (h: Hit) => boolean {
  const rites = lex.ceremony?.length ? findPhrases(lex, lex.ceremony, toks) : [];
  if (!rites.length) return () => false;
  const part: number[] = [];
  let n = 0;
  for (const t of toks) part.push(/^[.;:!?,]$/.test(t.lower) ? ++n : n);
  return (h) => rites.some((r) => (h.s < r.e && r.s < h.e) || part[r.s] === part[h.s]);
}

interface SentenceInput {
  text: string;
  span: Span;
  sentence: number;
  lang: string;
  anchor: string | null;
  mentions: Mention[];
  times: Timex[];
}

function codeSpan(inp: SentenceInput): CodedEvent[] {
  const lex = eventLexicon(inp.lang);
  const toks = tokens(inp.text, inp.span.start, inp.span.end);
  if (!toks.length) return [];
  const told = inp.times.filter((t) => t.start >= inp.span.start && t.end <= inp.span.end);
  // a dateline's date ("Lima, 10 Oktober 2024 - …") is when the story was filed: it dates the sentence's events only
  // when the sentence itself names no time
  const dl = afterDateline(toks);
  const own = dl ? told.filter((t) => t.start >= toks[dl - 1]!.end) : told;
  const times = own.length ? own : told;
  const mentions = inp.mentions.filter((m) => m.start >= inp.span.start && m.end <= inp.span.end);
  const cands = candidates(lex.code === inp.lang ? inp.lang : lex.code, inp.text, toks, mentions, times).filter((c) => !notAParty(lex, toks.slice(c.s, c.e)));
  const raw = findTriggers(lex, toks);
  // a capitalised chunk that opens with a trigger ("Kunjungan Presiden Chile …" at the sentence start) starts after it
  for (const c of cands) {
    const h = raw.find((x) => x.s === c.s && x.e < c.e);
    if (!h) continue;
    c.s = h.e;
    c.start = toks[h.e]!.start;
    c.text = inp.text.slice(c.start, c.end);
    const cc = countryOf(c.text, toks.slice(c.s, c.e));
    if (cc) c.country = cc;
  }
  // a noun inside a name or an actor phrase ("Chinese troops") is no event; force told with a ceremony is the rite
  const rite = ceremonial(lex, toks);
  const hits = raw.filter((h) => !(h.entry.noun && cands.some((c) => h.s >= c.s && h.e <= c.e)) && !(RITE_TYPES.has(h.entry.t) && rite(h)));
  if (!hits.length) return [];
  structure(lex, toks, hits);
  // (every trigger may be another's object: "will always remember the support")
  if (hits.every((h) => h.consumed)) return [];
  // attributions at the end of a sentence (", officials said") do not bound the subject
  const sayAt = sayPositions(lex, toks);
  const ctx: Ctx = { lex, lang: inp.lang, text: inp.text, toks, cands, times, anchor: inp.anchor, sentence: inp.sentence, span: inp.span, sayAt: [], sayAll: sayAt };
  const events: CodedEvent[] = [];
  const live = hits.filter((h) => !h.consumed);
  ctx.triggers = live.map((h) => ({ start: toks[h.s]!.start, end: toks[h.e - 1]!.end }));
  for (const h of live) {
    ctx.sayAt = sayAt.filter((k) => k < h.s);
    events.push(codeHit(ctx, h));
  }
  // "X welcomed Y on Y's visit to Z": a visit noun after a host's welcome in the same clause is the welcomed one's visit
  live.forEach((h, k) => {
    const ev = events[k]!;
    if (!h.entry.noun || h.entry.host || ev.mode !== 'visit' || anaphoric(lex, toks, h)) return;
    const w = live.findIndex((g, j) => j < k && g.entry.host && !toks.slice(g.e, h.s).some((t) => CLAUSE_END.test(t.lower)));
    if (w < 0 || !events[w]!.actors.length) return;
    ev.actors = events[w]!.actors.map((p) => ({ ...p }));
    if (!ev.recipients.length || ev.recipients.some((r) => ev.actors.some((a) => a.start === r.start))) ev.recipients = events[w]!.recipients.map((p) => ({ ...p }));
  });
  // the main event: the first verbal one, else the first
  const idx = hits.filter((h) => !h.consumed);
  let mi = idx.findIndex((h) => !h.entry.noun);
  if (mi < 0) mi = 0;
  if (events[mi]) events[mi]!.main = true;
  return events;
}

/** Events in one sentence (or short text) in language `lang`; `published` anchors relative dates. */
export function codeSentence(text: string, opts: { lang: string; published?: string | null }): CodedEvent[] {
  const anchor = opts.published ?? null;
  const span = { start: 0, end: text.length };
  return codeSpan({ text, span, sentence: 0, lang: opts.lang, anchor, mentions: findMentions(text, [span], opts.lang), times: tagTimes(text, { lang: opts.lang, anchor }) });
}

/** Events in every sentence of an article, with entity mentions and times from the other stages. */
export function codeArticle(
  doc: Pick<ArticleDoc, 'id' | 'text' | 'sentences' | 'language' | 'published'>,
  pre: { mentions?: Mention[]; times?: Timex[] } = {},
): CodedEvent[] {
  const lang = doc.language && doc.language !== 'und' ? doc.language : 'en';
  const sentences = doc.sentences?.length ? doc.sentences : splitSentences(doc.text, lang);
  const anchor = doc.published ? doc.published.slice(0, 10) : null;
  // the analysis stage passes what the entity and time stages already found
  const mentions = pre.mentions ?? findMentions(doc.text, sentences, lang);
  const times = pre.times ?? tagTimes(doc.text, { lang, anchor });
  const out: CodedEvent[] = [];
  sentences.forEach((span, i) => out.push(...codeSpan({ text: doc.text, span, sentence: i, lang, anchor, mentions, times })));
  // a sentence that names no date goes on from the one before it in the same paragraph ("On Thursday the leaders held
  // talks. They then signed five documents."): an undated current event takes the date of the last dated current
  // event before it, unless a paragraph break lies between
  let last: CodedEvent | null = null;
  for (const ev of out) {
    if (ev.background) continue;
    if (ev.date.value) {
      last = ev;
      continue;
    }
    if (last && !doc.text.slice(last.evidence.end, ev.evidence.start).includes('\n\n') && ev.evidence.sentence - last.evidence.sentence <= 2) (ev.date = { ...last.date }), (ev.dateFrom = 'context');
  }
  // a person's country from the rest of the article: their role's organisation ("Menteri Pertanian Kementerian
  // Pertanian Chile") or another mention of the same entity
  const ents = resolveDocumentEntities(mentions, lang).map((e) => {
    let country = e.country;
    for (const r of e.roles) if (!country && r.org) country = countryOf(r.org, tokens(r.org));
    for (const a of e.aliases) if (!country) country = countryCode(a.text);
    return { e, country };
  });
  for (const ev of out)
    for (const p of [...ev.actors, ...ev.recipients]) {
      if (p.country) continue;
      const hit = ents.find((x) => x.country && x.e.mentions.some((m) => m.start < p.end && m.end > p.start));
      if (hit) p.country = hit.country;
    }
  // a person named with no country takes the one the other parties of their side name, in most of the article's
  // sentences ("X and the Vietnamese delegation")
  const personOf = (p: Party) => ents.findIndex((x) => x.e.type === 'PERSON' && x.e.mentions.some((m) => m.start < p.end && m.end > p.start));
  const votes = new Map<number, Map<string, number>>();
  for (const ev of out)
    for (const side of [ev.actors, ev.recipients]) {
      const cs = new Set(side.filter((p) => p.country && personOf(p) < 0).map((p) => p.country!));
      if (cs.size !== 1) continue;
      const [cc] = [...cs];
      for (const p of side) {
        const k = p.country ? -1 : personOf(p);
        if (k < 0) continue;
        let v = votes.get(k);
        if (!v) votes.set(k, (v = new Map()));
        v.set(cc!, (v.get(cc!) ?? 0) + 1);
      }
    }
  for (const ev of out)
    for (const p of [...ev.actors, ...ev.recipients]) {
      const v = p.country ? undefined : votes.get(personOf(p));
      if (v) p.country = [...v].sort((a, b) => b[1] - a[1])[0]![0];
    }
  // a "visit" that arrives in the visitor's own country is the return home
  for (const ev of out) {
    if (ev.type !== 'CONSULT' || ev.mode !== 'visit' || !ev.location?.country || !ev.actors.length) continue;
    if (ev.actors.every((a) => a.country === ev.location!.country) && ev.recipients.every((r) => r.country === ev.location!.country)) {
      ev.mode = 'visit-end';
      ev.recipients = [];
    }
  }
  return out;
}

/** People, organisations and places in a sentence span (mentions from the entity stage plus capitalised chunks it missed). */
export function sentenceParties(text: string, span: Span, lang: string, mentions: Mention[]): Array<Party & { type: Mention['type'] | 'CHUNK' }> {
  const toks = tokens(text, span.start, span.end);
  const ms = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
  return candidates(lang, text, toks, ms, []).map((c) => ({ ...party(c), type: c.type }));
}

/**
 * The two sides of the visit an article tells: the visitor's country (most often on the actors' side of its current
 * visits) and the host's (on the recipients'), with the names the article gives the countries where it gives one.
 */
export function visitSides(events: CodedEvent[]): { visitor: string; host: string; names: [string | undefined, string | undefined] } | null {
  const visitor = new Map<string, number>();
  const host = new Map<string, number>();
  const names = new Map<string, string>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const e of events) {
    for (const p of [...e.actors, ...e.recipients]) if (p.country && !names.has(p.country) && countryCode(p.text) === p.country) names.set(p.country, p.text);
    if (e.type !== 'CONSULT' || e.mode !== 'visit' || e.background || e.negated) continue;
    const a = new Set(e.actors.map((p) => p.country).filter((x): x is string => !!x));
    const r = new Set(e.recipients.map((p) => p.country).filter((x): x is string => !!x && !a.has(x)));
    for (const x of a) bump(visitor, x);
    for (const x of r) bump(host, x);
  }
  const top = (m: Map<string, number>, not?: string) => [...m].filter(([k]) => k !== not).sort((x, y) => y[1] - x[1])[0]?.[0];
  const v = top(visitor);
  const h = top(host, v);
  if (!v || !h) return null;
  return { visitor: v, host: h, names: [names.get(v), names.get(h)] };
}
