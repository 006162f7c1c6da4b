// Agreements as records: the title as written, its kind (agreement, memorandum of understanding, protocol, letter of
// intent, minutes, joint statement, treaty, contract), parties, fields, signing date and place, evidence, and the
// count an article claims ("five documents", "lima dokumen", "năm văn kiện") next to the items it lists.
import type { ArticleDoc, Span } from '../types.ts';
import { findMentions, type Mention } from '../entities/mentions.ts';
import { tagTimes, type Timex } from '../time/tag.ts';
import { splitSentences } from '../text/sentences.ts';
import { codeArticle, inName, sentenceParties, visitSides, type CodedEvent } from './code.ts';
import { findPhrases, longestAt, matchPhrase, memo, phrasesAt, type EventLexicon } from './lexicon.ts';
import { eventLexicon } from './lexicons.ts';
import { tokens, type Tok } from './tokens.ts';
import { countryCode } from '../entities/normalise.ts';
import { allLanguagesWords } from './lexicons.ts';

const SPAN_BOUNDARIES = allLanguagesWords('spanBoundaries');

export interface AgreementRecord {
  title: string;
  kind: string;
  parties: string[];
  fields: string[];
  date: { value: string | null; start: string | null; end: string | null };
  place: string | null;
  /** signed (or agreed) in the sentence that names it, as opposed to merely mentioned */
  signed: boolean;
  evidence: { sentence: number; start: number; end: number };
  /** index into the article's coded events of the signing/agreeing event */
  event?: number;
  /** the number of documents the article claims when this record is one of the items it lists */
  count?: number;
  /** its parties are "both countries", "kedua pihak": the two sides of the happening it belongs to */
  bothSides?: boolean;
}

export interface CountClaim {
  count: number;
  text: string;
  evidence: { sentence: number; start: number; end: number };
}

const STOP_PUNCT = /^[,;.:!?()"“”«»\[\]]$/;
const NONE: string[] = [];

function kindIndex(lex: EventLexicon): Array<{ p: string; kind: string }> {
  return memo(lex, 'agreementKinds', () => {
    const out: Array<{ p: string; kind: string }> = [];
    for (const [kind, names] of Object.entries(lex.agreementKinds)) for (const n of names) out.push({ p: n.trim().split(/\s+/).join(' '), kind });
    return out;
  });
}
const kindPhrases = (lex: EventLexicon) => memo(lex, 'agreementKindPhrases', () => kindIndex(lex).map((k) => k.p));
const fieldPhrasesOf = (lex: EventLexicon) => memo(lex, 'agreementFieldPhrases', () => Object.values(lex.agreementFields).flat());
const signVerbsOf = (lex: EventLexicon) =>
  memo(lex, 'signVerbs', () => lex.triggers.filter((tr) => !tr.noun && (tr.t === 'SUPPORT' || tr.t === 'AGREE')).map((tr) => tr.p));
/** number words of two letters or more, with their value */
const numberWords = (lex: EventLexicon) =>
  memo(lex, 'numberWords', () => {
    const value = new Map<string, number>();
    lex.numbers.forEach((forms, k) => forms.forEach((f) => f.length >= 2 && !value.has(f) && value.set(f, k + 1)));
    return { phrases: [...value.keys()], value };
  });

function numberAt(lex: EventLexicon, toks: Tok[], i: number): { value: number; e: number } | null {
  const t = toks[i]!;
  if (/^\d{1,3}$/.test(t.text)) return { value: Number(t.text), e: i + 1 };
  let best: { value: number; e: number } | null = null;
  const nw = numberWords(lex);
  for (const f of phrasesAt(lex, nw.phrases, toks, i)) {
    const e = matchPhrase(lex, f, toks, i);
    if (e > i && (!best || e > best.e)) best = { value: nw.value.get(f)!, e };
  }
  return best;
}

/** "five documents", "lima dokumen", "5 văn kiện": the counts an article claims. */
export function countClaims(text: string, sentences: Span[], lang: string): CountClaim[] {
  const lex = eventLexicon(lang);
  const out: CountClaim[] = [];
  sentences.forEach((sp, si) => {
    const toks = tokens(text, sp.start, sp.end);
    for (let i = 0; i < toks.length; i++) {
      const n = numberAt(lex, toks, i);
      if (!n || n.value < 2) continue;
      for (let j = n.e; j <= Math.min(toks.length - 1, n.e + 2); j++) {
        const e = longestAt(lex, lex.documentNouns, toks, j);
        if (e > j) {
          out.push({ count: n.value, text: text.slice(toks[i]!.start, toks[e - 1]!.end), evidence: { sentence: si, start: toks[i]!.start, end: toks[e - 1]!.end } });
          i = e;
          break;
        }
      }
    }
  });
  return out;
}

interface Ctx {
  text: string;
  lang: string;
  lex: EventLexicon;
  mentions: ReturnType<typeof findMentions>;
  times: Timex[];
  events: CodedEvent[];
}

function sentenceAgreements(c: Ctx, sp: Span, si: number): AgreementRecord[] {
  const { lex, text } = c;
  const toks = tokens(text, sp.start, sp.end);
  const kinds = kindIndex(lex);
  const matches = findPhrases(lex, kindPhrases(lex), toks);
  if (!matches.length) return [];
  const evs = c.events.map((e, i) => ({ e, i })).filter((x) => x.e.evidence.start === sp.start);
  const fieldAt = (k: number) => longestAt(lex, fieldPhrasesOf(lex), toks, k);
  const isField = (k: number) => fieldAt(k) > k;
  const isKind = (k: number) => matches.some((m) => m.s === k);
  const verbAt = (k: number) => longestAt(lex, signVerbsOf(lex), toks, k) > k;
  const stopWords = SPAN_BOUNDARIES;
  const out: AgreementRecord[] = [];
  const used = new Set<number>();
  const betweenSpans: Array<[number, number]> = [];
  for (const m of matches) {
    if (used.has(m.s)) continue;
    const kind = kinds.find((k) => k.p === m.phrase)!.kind;
    // "Memorandum of Understanding (MoU)": the short name in brackets right after a title is that document again
    if (m.s > 0 && toks[m.s - 1]!.text === '(' && toks[m.e]?.text === ')' && out.length && toks.findIndex((t) => t.end === out[out.length - 1]!.evidence.end) === m.s - 2) {
      used.add(m.s);
      continue;
    }
    // "the agreement", "kesepakatan tersebut", "these agreements": a document told before, not a new record
    const anaphorAfter = m.e < toks.length && longestAt(lex, lex.anaphorsAfter ?? NONE, toks, m.e) > m.e;
    const anaphorBefore = m.s > 0 && (lex.anaphorsBefore ?? []).includes(toks[m.s - 1]!.lower);
    if ((anaphorAfter || anaphorBefore) && !inName(toks, m.s)) continue;
    // modifiers precede the kind where the language puts them first ("Free Trade Agreement", "defence cooperation agreement")
    let s = m.s;
    if (!lex.actorNounsBefore) {
      const mods = lex.titleModifiers ?? [];
      while (s > 0 && !STOP_PUNCT.test(toks[s - 1]!.text) && !lex.determiners.includes(toks[s - 1]!.lower) && (inName(toks, s - 1) || isField(s - 1) || mods.includes(toks[s - 1]!.lower))) s--;
    }
    // the title continues through links ("on", "tentang", "về"), fields and capitalised words up to the parties or a verb
    let e = m.e;
    let linked = false;
    for (let k = m.e; k < toks.length && k - m.e < 16; k++) {
      const t = toks[k]!;
      // the parties start at "between"
      if (STOP_PUNCT.test(t.text) || isKind(k) || verbAt(k) || (lex.betweenWords ?? NONE).includes(t.lower)) break;
      if (c.times.some((x) => x.start <= t.start && x.end > t.start)) break;
      const link = lex.titleLinks.includes(t.lower);
      const next = toks[k + 1];
      // "a letter of intent on halal product certification": "on" links the subject, whatever its words, unless a
      // date, a clause or the sentence's punctuation follows ("signed an agreement on Monday")
      const timeAt = (x: Tok) => c.times.some((tm) => tm.start <= x.start && tm.end > x.start);
      if ((lex.subjectLinks ?? []).includes(t.lower) && next && !STOP_PUNCT.test(next.text) && !timeAt(next) && !verbAt(k + 1) && !isKind(k + 1) && (!stopWords.has(next.lower) || (lex.subjectOpeners ?? []).includes(next.lower))) {
        linked = true;
        continue;
      }
      const linkNext = next && lex.titleLinks.includes(next.lower);
      // "and" continues a title only into another field or name ("Trade and Investment"), not into a new item
      if (lex.and.includes(t.lower) && !(next && !isKind(k + 1) && (isField(k + 1) || inName(toks, k + 1)))) break;
      if (stopWords.has(t.lower) && !linkNext) break;
      if ((lex.placePreps.includes(t.lower) || lex.agentPreps.includes(t.lower)) && !linkNext) break;
      if (link) {
        if (inName(toks, k)) e = k + 1;
        linked = true;
        continue;
      }
      if (lex.actorNounsBefore || linked || inName(toks, k) || isField(k)) {
        e = k + 1;
        continue;
      }
      break;
    }
    const title = text.slice(toks[s]!.start, toks[e - 1]!.end);
    // the signing or agreeing event of this record: not the agreement noun itself
    const inKind = (x: { e: CodedEvent }) => matches.some((m) => x.e.trigger.start < toks[m.e - 1]!.end && x.e.trigger.end > toks[m.s]!.start);
    const outside = evs.filter((x) => (x.e.trigger.end <= toks[s]!.start || x.e.trigger.start >= toks[e - 1]!.end) && !inKind(x));
    const signEv = outside.find((x) => x.e.type === 'SUPPORT' || (x.e.type === 'AGREE' && !x.e.negated)) ?? outside.find((x) => x.e.type === 'AGREE');
    const titleToks = toks.slice(s, e);
    const fields: string[] = [];
    for (const [field, cues] of Object.entries(lex.agreementFields)) if (findPhrases(lex, cues, titleToks).length) fields.push(field);
    const specific = e > m.e || s < m.s || fields.length > 0 || inName(toks, m.s) || toks[m.s]!.text === toks[m.s]!.text.toUpperCase();
    if (!signEv && !specific) continue;
    for (let k = s; k < e; k++) used.add(k);
    // parties: "between X and Y" within this item (up to ";" or the next document), else the signing event's actors
    // and recipients that no other item's "between" claims; "between the ministries of both countries" names the two sides
    let parties: string[] = [];
    let bothSides = false;
    const itemEnd = (() => {
      // a short name in brackets ("(MoU)") is this document's, not the next
      for (let k = e; k < toks.length; k++) if (/^[;.!?]$/.test(toks[k]!.text) || (k > e && isKind(k) && toks[k - 1]!.text !== '(')) return k;
      return toks.length;
    })();
    const betweenIdx = toks.findIndex((t, k) => k >= e && k < itemEnd && (lex.betweenWords ?? NONE).includes(t.lower));
    // fields the item names after its title: after a field noun ("… focusing on the fields of science and health") or
    // continuing the title's own list ("in the field of health, medicine and trade"); never from other words of the
    // sentence ("signed during a visit by the Minister of Agriculture")
    let open = findPhrases(lex, fieldPhrasesOf(lex), titleToks).some((x) => x.e === titleToks.length);
    for (let k = e; k < (betweenIdx >= 0 ? betweenIdx : itemEnd); k++) {
      const f = fieldAt(k);
      if (open && f > k) {
        for (const [field, cues] of Object.entries(lex.agreementFields)) if (!fields.includes(field) && findPhrases(lex, cues, toks.slice(k, f)).length) fields.push(field);
        k = f - 1;
      } else if (longestAt(lex, lex.fieldNouns ?? NONE, toks, k) > k) (open = true), (k = longestAt(lex, lex.fieldNouns ?? NONE, toks, k) - 1);
      else if (!(open && (toks[k]!.text === ',' || lex.and.includes(toks[k]!.lower)))) open = false;
    }
    const cands = sentenceParties(text, sp, c.lang, c.mentions);
    if (betweenIdx >= 0) {
      const from = toks[betweenIdx]!.end;
      const to = itemEnd < toks.length ? toks[itemEnd]!.start : sp.end;
      parties = cands.filter((x) => x.start >= from && x.end <= to).slice(0, 4).map((x) => x.text);
      bothSides = findPhrases(lex, lex.bothSides ?? NONE, toks.slice(betweenIdx + 1, itemEnd)).length > 0;
      betweenSpans.push([from, to]);
    }
    // "Korean Central News Agency (KCNA)": the short form of a party named beside it is that party
    const initials = (p: string) => p.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    parties = parties.filter((p) => !(/^\p{Lu}{2,}$/u.test(p) && parties.some((q) => q !== p && initials(q) === p)));
    parties = [...new Set(parties.filter((p) => !title.includes(p) && !findPhrases(lex, kindPhrases(lex), tokens(p)).length))];
    const tx = c.times.filter((t) => t.start >= sp.start && t.end <= sp.end && (t.type === 'DATE' || t.type === 'TIME') && /^\d{4}/.test(t.value))[0];
    const date = signEv?.e.date.value ? signEv.e.date : tx ? { value: tx.value, start: tx.interval?.start ?? tx.value, end: tx.interval?.end ?? tx.value } : { value: null, start: null, end: null };
    const rec: AgreementRecord = {
      title,
      kind,
      parties,
      fields,
      date,
      place: signEv?.e.location?.text ?? null,
      signed: !!signEv && signEv.e.type === 'SUPPORT' && !signEv.e.negated && signEv.e.modality === 'asserted',
      evidence: { sentence: si, start: toks[s]!.start, end: toks[e - 1]!.end },
    };
    if (signEv) rec.event = signEv.i;
    if (bothSides) rec.bothSides = true;
    out.push(rec);
  }
  // the signing event's parties for the items that name none, unless another item's "between" names them
  for (const r of out) {
    if (r.parties.length || r.bothSides || r.event === undefined) continue;
    const ev = c.events[r.event]!;
    const own = [...ev.actors, ...ev.recipients].filter((p) => !betweenSpans.some(([a, b]) => p.start >= a && p.end <= b));
    r.parties = [...new Set(own.map((p) => p.text).filter((p) => !r.title.includes(p)))];
  }
  return out;
}

/** Agreement records of an article, with the counts it claims attached to the items listed after them. */
export function findAgreements(
  doc: Pick<ArticleDoc, 'id' | 'text' | 'sentences' | 'language' | 'published'>,
  events?: CodedEvent[],
  pre: { mentions?: Mention[]; times?: Timex[] } = {},
): AgreementRecord[] {
  const lang = doc.language && doc.language !== 'und' ? doc.language : 'en';
  const sentences = doc.sentences?.length ? doc.sentences : splitSentences(doc.text, lang);
  const anchor = doc.published ? doc.published.slice(0, 10) : null;
  const c: Ctx = {
    text: doc.text,
    lang,
    lex: eventLexicon(lang),
    mentions: pre.mentions ?? findMentions(doc.text, sentences, lang),
    times: pre.times ?? tagTimes(doc.text, { lang, anchor }),
    events: events ?? codeArticle({ ...doc, sentences }, pre),
  };
  const recs: AgreementRecord[] = [];
  sentences.forEach((sp, si) => recs.push(...sentenceAgreements(c, sp, si)));
  // the count claimed in a sentence covers the records in it and in the list that follows, up to the next claim
  const claims = countClaims(doc.text, sentences, lang);
  claims.forEach((cl, k) => {
    const until = claims[k + 1]?.evidence.sentence ?? cl.evidence.sentence + Math.max(cl.count + 2, 4);
    const items = recs.filter((r) => r.evidence.sentence >= cl.evidence.sentence && r.evidence.sentence < until && r.count === undefined);
    // the listed items were signed by the parties, on the date and at the place of the sentence that counts them
    const claimEv = c.events.map((e, i) => ({ e, i })).find((x) => x.e.evidence.sentence === cl.evidence.sentence && (x.e.type === 'SUPPORT' || x.e.type === 'AGREE'));
    for (const r of items) {
      r.count = cl.count;
      if (!claimEv || r.event !== undefined) continue;
      r.event = claimEv.i;
      if (!r.parties.length) r.parties = [...claimEv.e.actors, ...claimEv.e.recipients].map((p) => p.text);
      if (!r.date.value) r.date = claimEv.e.date;
      r.place ??= claimEv.e.location?.text ?? null;
      r.signed = claimEv.e.type === 'SUPPORT' && !claimEv.e.negated && claimEv.e.modality === 'asserted';
    }
  });
  // a document signed during a visit between two countries, with no parties of its own or "both sides": the two sides
  const sides = twoSides(c.events, doc.text);
  const bothPhrase = (p: string) => { const ts = tokens(p); return ts.length > 0 && longestAt(c.lex, c.lex.bothSides ?? NONE, ts, 0) === ts.length; };
  for (const r of recs) {
    if (r.parties.length && r.parties.every(bothPhrase)) r.bothSides = true;
    if (!sides || !(r.bothSides || (!r.parties.length && r.signed))) continue;
    const ev = r.event !== undefined ? c.events[r.event] : undefined;
    if (ev?.background) continue;
    r.parties = [...sides];
  }
  for (const r of recs) delete r.bothSides;
  // one record per title (and parties: two "cooperation agreements" between different bodies are two documents)
  const seen = new Map<string, AgreementRecord>();
  const out: AgreementRecord[] = [];
  for (const r of recs) {
    const key = `${r.kind}|${r.title.toLowerCase()}`;
    const prev = seen.get(key);
    const apart = prev && prev.parties.length > 0 && r.parties.length > 0 && !r.parties.some((p) => prev.parties.includes(p));
    if (prev && r.title.split(/\s+/).length > 2 && !apart) {
      prev.parties = [...new Set([...prev.parties, ...r.parties])];
      prev.signed ||= r.signed;
      prev.date = prev.date.value ? prev.date : r.date;
      continue;
    }
    seen.set(key, r);
    out.push(r);
  }
  return out;
}

/**
 * The two sides of the article's bilateral visit, as the article names the two countries ("Vietnam", "Korea Utara"),
 * or null. A country no party names is looked for in the text (the first name of it the article writes).
 */
export function twoSides(events: CodedEvent[], text = ''): string[] | null {
  const v = visitSides(events);
  if (!v) return null;
  const nameIn = (cc: string): string | undefined => {
    const toks = tokens(text);
    for (let i = 0; i < toks.length; i++) {
      if (!/^\p{Lu}/u.test(toks[i]!.text)) continue;
      for (let n = 3; n >= 1; n--) {
        if (i + n > toks.length) continue;
        const name = text.slice(toks[i]!.start, toks[i + n - 1]!.end);
        if (countryCode(name) === cc) return name;
      }
    }
    return undefined;
  };
  const a = v.names[0] ?? nameIn(v.visitor);
  const b = v.names[1] ?? nameIn(v.host);
  return a && b ? [a, b] : null;
}
