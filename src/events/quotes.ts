// Quotes: direct speech in quotation marks, reported speech ("X said that …", "…, kata X", "Menurut X, …",
// "Theo X, …") and interviews in question-and-answer form, each with its speaker resolved to a named party.
// Pronouns and "-nya" attributions ("ujarnya", "katanya") resolve to the last named speaker.
import type { Span } from '../types.ts';
import { findMentions, type Mention } from '../entities/mentions.ts';
import { sentenceParties, type Party } from './code.ts';
import { eventLexicon } from './lexicons.ts';
import { findPhrases, matchPhrase, memo, type EventLexicon } from './lexicon.ts';
import { tokens, type Tok } from './tokens.ts';
import { entityData } from '../entities/langdata.ts';
import { escapeRegExp } from '../util/common.ts';

export interface Quote {
  speaker: { text: string; start: number; end: number } | null;
  text: string;
  start: number;
  end: number;
  kind: 'direct' | 'reported' | 'interview';
}

type Cand = Party & { type: string };

const OPEN_CLOSE: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“', '‘': '’', '「': '」' };

/** Quotation-mark pairs with at least three words inside. */
function quotePairs(text: string): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const close = OPEN_CLOSE[text[i]!];
    if (!close) continue;
    // a straight ' inside a word is an apostrophe
    if (text[i] === '‘' && /\p{L}/u.test(text[i - 1] ?? '')) continue;
    let j = text.indexOf(close, i + 1);
    if (close === '’') while (j > 0 && /\p{L}/u.test(text[j + 1] ?? '')) j = text.indexOf(close, j + 1);
    if (j < 0) continue;
    const inner = text.slice(i + 1, j);
    if (inner.split(/\s+/).filter(Boolean).length >= 3 && !/\n\s*\n/.test(inner)) {
      out.push({ start: i + 1, end: j });
      i = j;
    }
  }
  return out;
}

function sayAt(lex: EventLexicon, toks: Tok[]): Array<{ s: number; e: number }> {
  return findPhrases(lex, lex.sayVerbs, toks)
    .filter((m) => !(m.s > 0 && /^\p{Lu}/u.test(toks[m.s]!.text) && !/^["“”,(:]$/.test(toks[m.s - 1]!.text)))
    .map((m) => ({ s: m.s, e: m.e }));
}

const speakerOf = (c: Cand | undefined) => (c ? { text: c.text, start: c.start, end: c.end } : null);

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const isSub = (needle: string[], hay: string[]) => needle.length > 0 && hay.some((_, i) => needle.every((w, k) => hay[i + k] === w));
/** Determiners and demonstratives around a title ("the minister", "menteri itu"). */
const filler = (lex: EventLexicon, w: string) =>
  memo(lex, 'titleFiller', () => new Set([...lex.determiners, ...lex.actorDeterminers, ...(lex.anaphorsAfter ?? []), ...(lex.anaphorsBefore ?? [])])).has(w);
const titleSetCache = new Map<string, Set<string>>();
/** Every word of the language's titles. */
function titleSet(lang: string): Set<string> {
  let t = titleSetCache.get(lang);
  if (!t) titleSetCache.set(lang, (t = new Set(titleWords(lang).flat())));
  return t;
}
/** Words that are a title and determiners only ("the minister", "Menteri itu"). */
function titleOnly(lang: string, text: string, lex: EventLexicon): boolean {
  const ws = words(text).filter((w) => !filler(lex, w));
  return ws.length > 0 && titleWords(lang).some((t) => t.length === ws.length && t.every((w, k) => ws[k] === w));
}

const titleCache = new Map<string, string[][]>();
/** The language's role titles as lower-case word lists, longest first ("menteri luar negeri" before "menteri"). */
function titleWords(lang: string): string[][] {
  let t = titleCache.get(lang);
  if (!t) titleCache.set(lang, (t = [...new Set(entityData(lang).titles.map((x: string) => x.toLowerCase()))].map((x) => x.split(/\s+/)).sort((a, b) => b.length - a.length)));
  return t;
}

/**
 * A speaker named by a title alone next to a speech verb: "the minister said", "…, said the spokesman", "kata menteri
 * itu", "Bộ trưởng cho biết". `side` is where it stands: right before the verb (after a determiner) or right after it
 * (before a demonstrative). The export links it to the one person the article gives that title (src/export/parties.ts).
 */
function titleSpeaker(lex: EventLexicon, lang: string, toks: Tok[], v: { s: number; e: number }, side: 'before' | 'after'): Quote['speaker'] {
  const fill = (t: Tok | undefined) => !!t && filler(lex, t.lower);
  const at = (i: number): number => {
    for (const w of titleWords(lang)) if (i + w.length <= toks.length && w.every((x, k) => toks[i + k]!.lower === x)) return i + w.length;
    return -1;
  };
  if (side === 'after') {
    let i = v.e;
    if (fill(toks[i])) i++;
    const e = at(i);
    if (e < 0) return null;
    let end = e;
    if (fill(toks[end])) end++;
    return { text: toks.slice(v.e, end).map((t) => t.text).join(' ').replace(/\s+([,.])/g, '$1'), start: toks[v.e]!.start, end: toks[end - 1]!.end };
  }
  // before the verb: the title ends at the verb, or a demonstrative after it does ("menteri itu mengatakan")
  for (let s0 = Math.max(0, v.s - 5); s0 < v.s; s0++) {
    const e = at(s0);
    if (e < 0 || !(e === v.s || (e + 1 === v.s && fill(toks[e])))) continue;
    // "Kedua pemimpin menyatakan", "both leaders said": a group, not one holder
    const quant = new Set([...(lex.bothSides ?? []).map((p) => p.toLowerCase().split(/\s+/).find((w) => !fill({ lower: w } as Tok))!), ...lex.numbers.flat()]);
    if (s0 > 0 && quant.has(toks[s0 - 1]!.lower)) return null;
    const from = s0 > 0 && fill(toks[s0 - 1]) ? s0 - 1 : s0;
    return { text: toks.slice(from, v.s).map((t) => t.text).join(' '), start: toks[from]!.start, end: toks[v.s - 1]!.end };
  }
  return null;
}

/** Where a closing quotation mark with no opening one in [start, end) cuts the span (its trailing commas and spaces
 * dropped), else `end`. Straight quotes open and close alike and are left alone. */
function unmatchedClose(text: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '“' || c === '«' || c === '„') depth++;
    else if ((c === '”' || c === '»') && --depth < 0) {
      let e = i;
      while (e > start && /[\s,.;:]/.test(text[e - 1]!)) e--;
      return e > start ? e : end;
    }
  }
  return end;
}

/** Quotes in an article's text with the sentence spans from the sentences stage. */
export function findQuotes(text: string, sentences: Span[], lang: string, pre: { mentions?: Mention[] } = {}): Quote[] {
  const lex = eventLexicon(lang);
  const mentions = pre.mentions ?? findMentions(text, sentences, lang);
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  // a sentence's people are asked for again (its quotes, a titled speaker's holders, the interview cue): found once
  const personsOf = new Map<string, Cand[]>();
  // a place is no speaker, but a group named after one is ("Chilean officials", "pemerintah Indonesia": a place
  // mention that a common noun heading the name extended)
  const placeSpans = new Set(mentions.filter((m) => m.type === 'PLACE').map((m) => `${m.start}:${m.end}`));
  const persons = (sp: Span): Cand[] => {
    const k = `${sp.start}:${sp.end}`;
    let cs = personsOf.get(k);
    if (!cs) personsOf.set(k, (cs = sentenceParties(text, sp, lang, mentions).filter((c) => c.type !== 'PLACE' || !placeSpans.has(`${c.start}:${c.end}`))));
    return cs;
  };
  const out: Quote[] = [];
  const unresolved = new Set<Quote>();
  const pronoun = (t: Tok | undefined) => !!t && (lex.pronouns.includes(t.lower) || /nya$/.test(t.lower));
  const sentenceOf = (off: number) => spans.find((s) => off >= s.start && off < s.end) ?? { start: off, end: off };
  /** A source phrase opening the tokens ("Menurut X,"): where it ends, the comma closing it, and the person it names. */
  const sourceAtStart = (toks: Tok[], cands: Cand[]): { src: number; comma: number; who: Cand | undefined } => {
    let src = -1;
    for (const p of lex.sourcePreps) {
      const e = matchPhrase(lex, p, toks, 0);
      if (e > 0) src = Math.max(src, e);
    }
    if (src <= 0 || src >= toks.length) return { src: -1, comma: -1, who: undefined };
    const comma = toks.findIndex((t, k) => k >= src && t.text === ',');
    // the source follows the preposition at once, after at most a title or two common words ("Menurut analis
    // politik X"); "Mengutip kunjungan luar negeri X, ..." cites a visit, not a person
    const who = cands.find((c) => {
      if (c.start < toks[src]!.start || (comma >= 0 && c.end > toks[comma]!.start)) return false;
      const between = toks.filter((t) => t.start >= toks[src]!.start && t.end <= c.start);
      return between.filter((t) => !/^\p{Lu}/u.test(t.text)).length <= 2;
    });
    return { src, comma, who };
  };

  // interviews: labelled turns, or question paragraphs followed by answers when the article says it is an interview
  const interview = interviewQuotes(text, lex, mentions, spans, persons);
  const inInterview = (off: number) => interview.some((q) => off >= q.start && off <= q.end);

  // direct quotes
  const directSentences = new Set<Span>();
  for (const q of quotePairs(text)) {
    if (inInterview(q.start)) continue;
    const sp = sentenceOf(q.start);
    const spEnd = sentenceOf(Math.max(q.start, q.end - 1));
    // the attribution after the closing mark (to the end of its sentence) or before the opening one
    const afterSpan = { start: q.end + 1, end: Math.max(spEnd.end, Math.min(text.length, q.end + 1)) };
    const beforeSpan = { start: sp.start, end: Math.max(sp.start, q.start - 1) };
    // "Menurut X, … "…"" / "According to X, … "…"": the source the sentence opens with speaks its quote
    let speaker: Quote['speaker'] = q.start > sp.start ? speakerOf(sourceAtStart(tokens(text, sp.start, q.start), persons(sp)).who) : null;
    for (const [side, span] of [['after', afterSpan], ['before', beforeSpan]] as const) {
      if (speaker || span.end <= span.start) continue;
      const toks = tokens(text, span.start, span.end);
      const says = sayAt(lex, toks);
      if (!says.length) continue;
      const cands = persons(span);
      const v = side === 'after' ? says[0]! : says[says.length - 1]!;
      const vs = toks[v.s]!.start;
      const ve = toks[v.e - 1]!.end;
      const afterV = cands.find((c) => c.start >= ve && c.start - ve <= 40);
      const beforeV = [...cands].reverse().find((c) => c.end <= vs);
      const pick = side === 'after' ? (afterV ?? beforeV) : (beforeV ?? afterV);
      if (pick) speaker = speakerOf(pick);
      // "…," the minister said. / "…," kata menteri itu.
      else speaker = titleSpeaker(lex, lang, toks, v, 'before') ?? titleSpeaker(lex, lang, toks, v, 'after');
    }
    const dq: Quote = { speaker, text: text.slice(q.start, q.end), start: q.start, end: q.end, kind: 'direct' };
    if (!speaker) unresolved.add(dq);
    out.push(dq);
    directSentences.add(sp);
    if (spEnd !== sp) directSentences.add(spEnd);
  }

  // reported speech
  for (const sp of spans) {
    if (directSentences.has(sp) || inInterview(sp.start)) continue;
    const toks = tokens(text, sp.start, sp.end);
    if (toks.length < 4) continue;
    const cands = persons(sp);
    const trimEnd = (e: number) => (e > 0 && /^[.!?]$/.test(toks[e - 1]!.text) ? e - 1 : e);
    // "Menurut X, …" / "According to X, …" / "Theo X, …" at the start
    const { src, comma, who } = sourceAtStart(toks, cands);
    // a source that is no person ("Mengutip kunjungan …," citing a visit) leaves the sentence to the verbs below
    if (src > 0 && (who || pronoun(toks[src]) || pronoun(toks[src - 1]))) {
      if (comma > 0 && comma + 1 < toks.length) {
        const sStart = toks[comma + 1]!.start;
        const sEnd = toks[trimEnd(toks.length) - 1]!.end;
        const rq: Quote = { speaker: speakerOf(who), text: text.slice(sStart, sEnd), start: sStart, end: sEnd, kind: 'reported' };
        if (!rq.speaker && (pronoun(toks[src]) || pronoun(toks[src - 1]))) unresolved.add(rq);
        out.push(rq);
        continue;
      }
    }
    const says = sayAt(lex, toks);
    if (!says.length) continue;
    const v = says[0]!;
    const vs = toks[v.s]!.start;
    const ve = toks[v.e - 1]!.end;
    // the speaker before the verb: a person if one is near ("Bà X, Phó Chủ tịch Hiệp hội …, cho biết"), else the nearest party
    const subj = [...cands].reverse().find((c) => c.type === 'PERSON' && c.end <= vs && vs - c.end <= 120) ?? [...cands].reverse().find((c) => c.end <= vs && vs - c.end <= 40);
    let commaBefore = v.s > 0 && toks[v.s - 1]!.text === ',';
    // "X, the minister, said (that) …": an apposition, not a trailing attribution, when a clause follows the verb
    const rest = toks.slice(v.e).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
    const nameAfter = cands.find((c) => c.start >= ve && c.start - ve <= 3);
    if (commaBefore && subj && !nameAfter && rest.length > 5) commaBefore = false;
    if (commaBefore || (!subj && v.s > 3)) {
      // "…, said X" / "…, kata X" / "…, X said"
      const who = cands.find((c) => c.start >= ve && c.start - ve <= 40) ?? subj;
      const titled = who ? null : (titleSpeaker(lex, lang, toks, v, 'after') ?? titleSpeaker(lex, lang, toks, v, 'before'));
      const cut = commaBefore ? v.s - 1 : v.s;
      let qEnd = cut;
      // "…, X said" / "…, the minister said": the speaker sits between the comma and the verb
      if (!commaBefore) {
        qEnd = -1;
        for (let k = v.s - 1; k >= 0 && v.s - k <= 6; k--) if (toks[k]!.text === ',') (qEnd = k), (k = -1);
      }
      if (qEnd <= 0) continue;
      const rq: Quote = { speaker: speakerOf(who) ?? titled, text: text.slice(toks[0]!.start, toks[qEnd - 1]!.end), start: toks[0]!.start, end: toks[qEnd - 1]!.end, kind: 'reported' };
      if (!rq.speaker) unresolved.add(rq);
      out.push(rq);
      continue;
    }
    // "X said (that) …" / "X mengatakan bahwa …" / "X cho biết …"
    let k = v.e;
    const isThat = (t: Tok) => lex.complementizers.includes(t.lower);
    while (k < toks.length && (toks[k]!.text === ',' || toks[k]!.text === ':' || isThat(toks[k]!) || lex.afterSayWords.includes(toks[k]!.lower))) k++;
    // skip a time phrase right after the verb ("said on Monday that")
    if (k < toks.length && toks.slice(v.e, Math.min(toks.length, v.e + 4)).some(isThat)) k = toks.findIndex((t, j) => j >= v.e && isThat(t)) + 1;
    const e = trimEnd(toks.length);
    if (k >= e) continue;
    const titled = subj ? null : titleSpeaker(lex, lang, toks, v, 'before');
    if (!subj && !titled && !pronoun(toks[v.s - 1])) continue;
    const rq: Quote = { speaker: speakerOf(subj) ?? titled, text: text.slice(toks[k]!.start, toks[e - 1]!.end), start: toks[k]!.start, end: toks[e - 1]!.end, kind: 'reported' };
    if (!rq.speaker) unresolved.add(rq);
    out.push(rq);
  }
  // reported speech inside a direct quote whose opening mark the page lost ("… menyampaikan X,” ujar Y."): it ends where
  // that quote closes
  for (const q of out) {
    if (q.kind !== 'reported') continue;
    const end = unmatchedClose(text, q.start, q.end);
    if (end < q.end) (q.end = end), (q.text = text.slice(q.start, end));
  }
  out.push(...interview);
  out.sort((a, b) => a.start - b.start);
  // a speaker named by title alone ("the minister") is the one person the article names with that title ("Foreign
  // Minister X"); with none or several it stays the title, for the export to link by the entities' roles
  const titled = out.filter((q) => q.speaker && titleOnly(lang, q.speaker.text, lex));
  if (titled.length) {
    const people = spans.flatMap((sp) => persons(sp)).filter((c) => c.type === 'PERSON');
    const bare = titled.map((q) => ({ start: q.speaker!.start, end: q.speaker!.end }));
    for (const q of titled) {
      const want = words(q.speaker!.text).filter((w) => !filler(lex, w));
      const holders = people.filter((c) => isSub(want, words(c.text)) && words(c.text).length > want.length);
      // the title refers back to the person last named with it: the holder whose words hold its last use before the
      // speech; when that use belongs to no holder found here, the export decides from the entities' roles
      const before = Math.min(q.start, q.speaker!.start);
      const uses = [...text.slice(0, before).matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${want.map(escapeRegExp).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'giu'))];
      // (another speech's bare title is no naming)
      const last = uses.map((u) => u.index!).filter((i) => !bare.some((o) => o.start <= i && o.end > i)).pop();
      if (last !== undefined) {
        const owner = holders.find((c) => c.start <= last && c.end > last);
        // only the very title refers back so; "the minister" beside two kinds of minister stays ambiguous
        if (owner && words(owner.text).filter((w) => titleSet(lang).has(w)).join(' ') === want.join(' ')) {
          q.speaker = speakerOf(owner);
          continue;
        }
        if (!owner) continue;
      }
      const names = new Set(holders.map((c) => words(c.text).filter((w) => !titleSet(lang).has(w)).join(' ')));
      if (names.size === 1) q.speaker = speakerOf(holders.filter((c) => c.start < q.start).pop() ?? holders[0]);
    }
  }
  // attributions without a name ("ujarnya", "he said", "the minister told reporters") take the last named speaker before them
  let prev: Quote | null = null;
  for (const q of out) {
    if (!q.speaker && unresolved.has(q) && prev?.speaker && q.start - prev.end < 1500) q.speaker = prev.speaker;
    if (q.speaker) prev = q;
  }
  return out;
}

/** Interview turns: "Q:"/"A:" labels (or "Name:"), or, in an article that says it is an interview, answers after question paragraphs. */
function interviewQuotes(text: string, lex: EventLexicon, mentions: ReturnType<typeof findMentions>, spans: Span[], persons: (sp: Span) => Cand[]): Quote[] {
  const paras: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) paras.push({ start: m.index, end: m.index + m[0].length });
  const label = (p: Span): { kind: 'q' | 'a' | 'name'; end: number; name?: string } | null => {
    const m = /^\s*([^:\n]{1,40}?)\s*[:：]\s+/u.exec(text.slice(p.start, p.end));
    if (!m) return null;
    const l = m[1]!.toLowerCase().replace(/[.*_]/g, '').trim();
    const end = p.start + m[0].length;
    if (lex.questionLabels.includes(l)) return { kind: 'q', end };
    if (lex.answerLabels.includes(l)) return { kind: 'a', end };
    const person = mentions.find((x) => x.type === 'PERSON' && x.start >= p.start && x.end <= p.start + m[1]!.length + 1);
    return person ? { kind: 'name', end, name: person.text } : null;
  };
  // the interviewee: the party after an interview cue, else the most mentioned person
  let interviewee: Quote['speaker'] = null;
  const allToks = tokens(text);
  const cue = findPhrases(lex, lex.interviewCues, allToks)[0];
  if (cue) {
    const off = allToks[cue.e - 1]!.end;
    const sp = spans.find((s) => off >= s.start && off <= s.end);
    const c = sp ? persons(sp).find((x) => x.start >= off && x.type === 'PERSON') ?? persons(sp).find((x) => x.start >= off) : undefined;
    if (c) interviewee = { text: c.text, start: c.start, end: c.end };
  }
  if (!interviewee) {
    const counts = new Map<string, { n: number; m: (typeof mentions)[number] }>();
    for (const m of mentions) if (m.type === 'PERSON') counts.set(m.key, { n: (counts.get(m.key)?.n ?? 0) + 1, m: counts.get(m.key)?.m ?? m });
    const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
    if (top) interviewee = { text: top.m.text, start: top.m.start, end: top.m.end };
  }
  const labels = paras.map(label);
  const out: Quote[] = [];
  const labelled = labels.filter((l) => l?.kind === 'q').length >= 1 && labels.some((l) => l?.kind === 'a' || l?.kind === 'name');
  if (labelled) {
    let inAnswer = false;
    let speaker: Quote['speaker'] = null;
    paras.forEach((p, i) => {
      const l = labels[i];
      if (l?.kind === 'q') inAnswer = false;
      else if (l?.kind === 'a' || l?.kind === 'name') {
        inAnswer = true;
        speaker = l.kind === 'name' ? (mentions.find((m) => m.text === l.name) ? { text: l.name!, start: p.start, end: p.start + l.name!.length } : interviewee) : interviewee;
      }
      if (inAnswer) {
        const s = l ? l.end : p.start;
        out.push({ speaker, text: text.slice(s, p.end).trim(), start: s, end: p.end, kind: 'interview' });
      }
    });
    return out;
  }
  if (!cue) return out;
  // unlabelled: a paragraph ending in "?" is a question, the paragraphs up to the next question are its answer
  const isQ = paras.map((p) => /\?\s*$/.test(text.slice(p.start, p.end)));
  if (isQ.filter(Boolean).length < 2) return out;
  let answering = false;
  paras.forEach((p, i) => {
    if (isQ[i]) answering = true;
    else if (answering) out.push({ speaker: interviewee, text: text.slice(p.start, p.end).trim(), start: p.start, end: p.end, kind: 'interview' });
  });
  return out;
}
