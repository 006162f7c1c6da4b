// One event per happening: the same event told by several articles of a story (or several times in one article) —
// same type, compatible mode, overlapping actors or recipients, compatible dates and places — becomes one event
// with many mentions.
import { createHash } from 'node:crypto';
import { countryCode, foldKey, lookupCity } from '../entities/normalise.ts';
import { longBefore, type CodedEvent, type Party } from './code.ts';
import { languages } from '../lang/index.ts';
import { allLanguagesWords } from './lexicons.ts';

export interface EventMention {
  article: string;
  sentence: number;
  start: number;
  end: number;
}

export interface MergedEvent extends Omit<CodedEvent, 'evidence' | 'trigger' | 'main'> {
  id: string;
  story: string | null;
  triggers: string[];
  evidence: EventMention[];
}

const partyKey = (p: Party) => foldKey(p.text);

/** Parties overlap when they share a country or one name contains the other ("Lê Văn Nam" in "Thủ tướng Lê Văn Nam"). */
export function partiesOverlap(a: Party[], b: Party[]): boolean {
  for (const x of a)
    for (const y of b) {
      if (x.country && x.country === y.country) return true;
      const kx = partyKey(x);
      const ky = partyKey(y);
      if (kx && ky && (kx.includes(ky) || ky.includes(kx))) return true;
    }
  return false;
}

/** Lower-case words of every language's group nouns ("both sides", "kedua pemimpin", "the leaders"). */
const GROUP_WORDS: ReadonlySet<string> = new Set(
  Object.values(languages).flatMap((l) =>
    [...(l.events?.bothSides ?? []), ...(l.events?.actorNouns ?? []), ...(l.events?.actorDeterminers ?? []), ...(l.events?.determiners ?? []), ...(l.events?.numbers ?? []).flat()].flatMap((w) => w.toLowerCase().split(/\s+/)),
  ),
);

/** A group noun phrase with no country ("both sides", "Kedua pemimpin", "the leaders"): it may stand for either side. */
export function vagueParty(p: Pick<Party, 'text' | 'country'>): boolean {
  if (p.country) return false;
  const words = p.text.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => GROUP_WORDS.has(w));
}

/** Every language's phrases naming the two sides together ("both sides", "kedua pemimpin", "hai nước"), folded. */
const BOTH_SIDES: ReadonlySet<string> = new Set(Object.values(languages).flatMap((l) => (l.events?.bothSides ?? []).map(foldKey)));
/** Every language's determiners before a noun phrase ('the', 'kedua', 'các'), lower case. */
const DETERMINERS_ALL: ReadonlySet<string> = new Set([...allLanguagesWords('determiners'), ...allLanguagesWords('actorDeterminers')]);

/** A party that names the two sides together and no one else ("Kedua belah pihak", "the two leaders", "hai bên"). */
export function bothSidesParty(p: Pick<Party, 'text' | 'country'>): boolean {
  if (p.country) return false;
  const words = p.text.toLowerCase().split(/\s+/).filter(Boolean);
  for (;;) {
    if (BOTH_SIDES.has(foldKey(words.join(' ')))) return true;
    if (words.length < 2 || !DETERMINERS_ALL.has(words[0]!)) return false;
    words.shift();
  }
}

const OPENERS = new Set([...allLanguagesWords('clauseOpeners'), ...allLanguagesWords('complementizers')]);

/**
 * Does the phrase at `start` open its clause — after the start of the text, a punctuation mark, a conjunction or a
 * complementizer, determiners aside ("Both sides agreed", "…, kedua pihak akan", "and the two leaders")? A both-sides
 * phrase after a noun or a preposition modifies it ("businesses on both sides", "pengusaha dari kedua negara").
 */
export function opensClause(text: string, start: number): boolean {
  let i = start;
  for (;;) {
    while (i > 0 && /\s/.test(text[i - 1]!)) i--;
    if (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!)) return true;
    let j = i;
    while (j > 0 && /[\p{L}\p{N}\p{M}'’-]/u.test(text[j - 1]!)) j--;
    const w = text.slice(j, i).toLowerCase();
    if (OPENERS.has(w)) return true;
    if (!DETERMINERS_ALL.has(w)) return false;
    i = j;
  }
}

/**
 * Actors of two mentions can be one happening's: either names none or only group nouns ("both leaders"), or they
 * overlap; for a symmetric act (not a visit) also when the sides are swapped. Two named actors that share nothing (one
 * leader's attendance and another's) are two happenings, whatever recipient they share.
 */
export function actorsCompatible(m: { actors: Party[]; recipients: Party[]; mode?: string | null }, e: { actors: Party[]; recipients: Party[] }): boolean {
  if (!m.actors.length || !e.actors.length) return true;
  if (m.actors.every(vagueParty) || e.actors.every(vagueParty)) return true;
  if (partiesOverlap(m.actors, e.actors)) return true;
  return m.mode !== 'visit' && partiesOverlap(m.actors, e.recipients) && partiesOverlap(m.recipients, e.actors);
}

/** Dates agree when either is unknown, or one value is a prefix of the other ("2025-10" and "2025-10-09"), or intervals overlap. */
export function datesCompatible(a: CodedEvent['date'], b: CodedEvent['date']): boolean {
  if (!a.value || !b.value) return true;
  if (a.value.startsWith(b.value) || b.value.startsWith(a.value)) return true;
  const as = (a.start ?? a.value).slice(0, 10);
  const ae = (a.end ?? a.value).slice(0, 10);
  const bs = (b.start ?? b.value).slice(0, 10);
  const be = (b.end ?? b.value).slice(0, 10);
  return as <= be && bs <= ae && /^\d{4}/.test(as) && /^\d{4}/.test(bs);
}

/** The first mention's parties: comparing with them (not with the growing union) keeps clusters from chaining. */
const seeds = new WeakMap<MergedEvent, { actors: Party[]; recipients: Party[] }>();

/** Same type, mode, intent, polarity and time frame (current or background). */
function sameKind(m: MergedEvent, e: CodedEvent): boolean {
  if (m.type !== e.type || m.negated !== e.negated || m.background !== e.background) return false;
  if ((m.intent ?? null) !== (e.intent ?? null)) return false;
  // a visit and the talks held during it are two happenings
  return (m.mode ?? null) === (e.mode ?? null);
}

function compatible(merged: MergedEvent, e: CodedEvent): boolean {
  const m = { ...merged, ...seeds.get(merged)! };
  if (!sameKind(merged, e)) return false;
  if (!datesCompatible(m.date, e.date)) return false;
  // history is told with its date: an undated recollection ("will always remember the support") is not the dated one
  // beside it ("relations established in 1950")
  if (m.background && !m.date.value !== !e.date.value) return false;
  if (m.location?.country && e.location?.country && m.location.country !== e.location.country) return false;
  const all = (x: { actors: Party[]; recipients: Party[] }) => [...x.actors, ...x.recipients];
  // an event without parties joins only one with the same exact date
  if (!all(e).length || !all(m).length) return !!e.date.value && e.date.value === m.date.value;
  // one side of an act between two ("Y is ready to cooperate") told beside both ("X and Y agreed to cooperate")
  const oneSide = RECIPROCAL.has(e.type) && m.mode !== 'visit' && !e.recipients.length && partiesOverlap(m.recipients, e.actors);
  if (!actorsCompatible(m, e) && !oneSide) return false;
  return oneSide || partiesOverlap(m.actors, e.actors) || partiesOverlap(m.recipients, e.recipients) || (m.mode !== 'visit' && partiesOverlap(m.actors, e.recipients) && partiesOverlap(m.recipients, e.actors));
}

function addParties(into: Party[], from: Party[]): void {
  for (const p of from) {
    const same = into.find((q) => partyKey(q) === partyKey(p) || (partyKey(q).includes(partyKey(p)) && (!p.country || q.country === p.country)));
    if (!same) into.push({ ...p });
    else if (!same.country && p.country) same.country = p.country;
  }
  // a person's country known from one mention is theirs in all (a short name inside a longer one that carries it)
  for (const q of into) {
    if (q.country) continue;
    const k = partyKey(q);
    const w = into.find((o) => o.country && k.length > 3 && partyKey(o).includes(k));
    if (w) q.country = w.country;
  }
}

const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);
/** A span of several days the text gives ("9-11 October"): its first and last day, or null. */
function span(d: CodedEvent['date']): [string, string] | null {
  const s = day(d.start);
  const e = day(d.end);
  return s && e && e > s ? [s, e] : null;
}

/**
 * The date of a happening told twice: a span of days the text gives ("9-11 October") over a single day within it, else
 * the more specific value ("2025-10" < "2025-10-09").
 */
export function moreSpecific(a: CodedEvent['date'], b: CodedEvent['date']): CodedEvent['date'] {
  if (!a.value) return b;
  if (!b.value) return a;
  const sa = span(a);
  const sb = span(b);
  const inside = (x: CodedEvent['date'], [s, e]: [string, string]) => {
    const v = day(x.value);
    return (!!v && v >= s && v <= e) || (!v && s.startsWith(x.value!));
  };
  if (sb && !sa && inside(a, sb)) return b;
  if (sa && !sb && inside(b, sa)) return a;
  if (sa && sb) return sb[0] <= sa[0] && sb[1] >= sa[1] ? b : a;
  return b.value.length > a.value.length && b.value.startsWith(a.value.slice(0, 4)) ? b : a;
}

/**
 * The date of a happening told twice, where one mention's date came from elsewhere (`dateFrom`: the paragraph, the
 * story's visit): a day its own sentence names within that borrowed interval is the happening's own day ("attended the
 * ceremony on 10 October" told beside "during the visit, 9-11 October"); else `moreSpecific`. Updates `m`.
 */
function mergeDate(m: MergedEvent, e: CodedEvent): void {
  const same = m.date.value === e.date.value && m.date.start === e.date.start && m.date.end === e.date.end;
  if (same) {
    // the same date told by a sentence of its own: no longer borrowed
    if (!e.dateFrom) delete m.dateFrom;
    return;
  }
  if (!!m.dateFrom !== !!e.dateFrom && m.date.value && e.date.value) {
    const [own, borrowed] = m.dateFrom ? [e, m] : [m, e];
    const d = day(own.date.value);
    const s = day(borrowed.date.start ?? borrowed.date.value);
    const t = day(borrowed.date.end ?? borrowed.date.value);
    if (d && s && t && d >= s && d <= t && !span(own.date)) {
      m.date = { ...own.date };
      delete m.dateFrom;
      return;
    }
  }
  const next = moreSpecific(m.date, e.date);
  if (next === m.date) return;
  m.date = next;
  if (e.dateFrom) m.dateFrom = e.dateFrom;
  else delete m.dateFrom;
}

/** A place that lies in the other's country and names a city or a smaller place is more specific than the country. */
function moreSpecificPlace(a: CodedEvent['location'], b: CodedEvent['location']): CodedEvent['location'] {
  if (!a) return b;
  if (!b || !b.country || a.country !== b.country) return a;
  const isCountry = (l: NonNullable<CodedEvent['location']>) => countryCode(l.text) === l.country;
  return isCountry(a) && !isCountry(b) && !!lookupCity(b.text, 10000) ? b : a;
}

/** Merge the coded events of the articles of one or more stories; events of different stories never merge. */
export function mergeEvents(items: Array<{ article: string; story?: string | null; events: CodedEvent[] }>): MergedEvent[] {
  const out: MergedEvent[] = [];
  for (const it of items) {
    const story = it.story ?? null;
    for (const e of it.events) {
      const mention: EventMention = { article: it.article, sentence: e.evidence.sentence, start: e.trigger.start, end: e.trigger.end };
      let m = out.find((x) => x.story === story && compatible(x, e));
      // "the visit", "the talks" with no party and no date of their own: the happening of that kind this article already
      // tells (the one most told, when it tells several)
      if (!m && !e.actors.length && !e.recipients.length && !e.date.value) {
        const kind = out.filter((x) => x.story === story && sameKind(x, e) && !x.intent);
        const told = kind.filter((x) => x.evidence.some((v) => v.article === it.article));
        // else the one the story tells most, when other articles told it already
        const main = kind.filter((x) => new Set(x.evidence.map((v) => v.article)).size >= 2);
        m = (told.length ? told : story !== null ? main : []).sort((a, b) => b.evidence.length - a.evidence.length)[0];
      }
      if (m) {
        // a symmetric act told the other way round ("Y agreed with X"): its sides join the sides they match
        const swapped = m.mode !== 'visit' && !partiesOverlap(m.actors, e.actors) && partiesOverlap(m.recipients, e.actors) && (!e.recipients.length || partiesOverlap(m.actors, e.recipients));
        const [actors, recipients] = swapped ? [e.recipients, e.actors] : [e.actors, e.recipients];
        addParties(m.actors, actors);
        addParties(m.recipients, recipients.filter((r) => !m.actors.some((a) => partyKey(a) === partyKey(r))));
        mergeDate(m, e);
        m.location = moreSpecificPlace(m.location, e.location);
        for (const c of e.context) if (!m.context.includes(c)) m.context.push(c);
        if (!m.triggers.includes(e.trigger.text)) m.triggers.push(e.trigger.text);
        m.evidence.push(mention);
        continue;
      }
      const { evidence: _ev, trigger, main: _main, ...rest } = e;
      const id = createHash('sha1').update(`${story}|${it.article}|${e.type}|${e.trigger.start}`).digest('hex').slice(0, 16);
      const created: MergedEvent = { ...rest, actors: [], recipients: [], context: [...e.context], id, story, triggers: [trigger.text], evidence: [mention] };
      addParties(created.actors, e.actors);
      addParties(created.recipients, e.recipients);
      seeds.set(created, { actors: e.actors, recipients: e.recipients });
      out.push(created);
    }
  }
  return out;
}

/** The key of one coded mention: its article, sentence and trigger offset (an evidence item's article, sentence, start). */
export const mentionKey = (article: string, sentence: number, start: number): string => `${article}|${sentence}|${start}`;

/** Every coded event of `items` by its mention key: what each evidence item of a merged event was coded as. */
export function codedByMention(items: ReadonlyArray<{ article: string; events: CodedEvent[] }>): Map<string, CodedEvent> {
  const coded = new Map<string, CodedEvent>();
  for (const it of items) for (const e of it.events) coded.set(mentionKey(it.article, e.evidence.sentence, e.trigger.start), e);
  return coded;
}

/** Mentions (coded events in evidence order) naming each party on `side`: the first, which founded the event, counts twice. */
function mentionSupport(mentions: ReadonlyArray<CodedEvent | undefined>, side: (e: CodedEvent) => Party[]): Map<string, number> {
  const n = new Map<string, number>();
  mentions.forEach((e, i) => {
    if (e) for (const k of new Set(side(e).map(partyKey))) n.set(k, (n.get(k) ?? 0) + (i === 0 ? 2 : 1));
  });
  return n;
}

const eitherSide = (e: CodedEvent): Party[] => [...e.actors, ...e.recipients];

/**
 * A happening told many times keeps what its mentions agree on (`mentions`: the coded event of each of its evidence
 * items, in order; the first, which founded it, counts twice): the parties two or more name (one article's "welcomed by
 * X at the kindergarten" does not make X a party); a party both sides name stays on the side more mentions put it
 * (unless every party is on both, as in a symmetric act); the place two or more name, or the first mention's; the date
 * most mentions agree with (ties: the earliest), not the last precise one a single sentence gave.
 */
export function settleByMentions(m: MergedEvent, mentions: Array<CodedEvent | undefined>): void {
  if (m.evidence.length < 2) return;
  const told = mentions.map((e, i) => ({ e, w: i === 0 ? 2 : 1 })).filter((x): x is { e: CodedEvent; w: number } => !!x.e);
  const asActor = mentionSupport(mentions, (e) => e.actors);
  const asRecipient = mentionSupport(mentions, (e) => e.recipients);
  if (m.evidence.length >= 3) {
    const named = mentionSupport(mentions, eitherSide);
    const keep = (p: Party) => (named.get(partyKey(p)) ?? 0) >= 2;
    m.actors = m.actors.filter(keep);
    m.recipients = m.recipients.filter(keep);
  }
  const rk = new Set(m.recipients.map(partyKey));
  const both = m.actors.filter((a) => rk.has(partyKey(a)));
  if (both.length && !(both.length === m.actors.length && both.length === m.recipients.length)) {
    for (const p of both) {
      const k = partyKey(p);
      const fromActors = (asActor.get(k) ?? 0) < (asRecipient.get(k) ?? 0);
      if (fromActors && m.actors.length > 1) m.actors = m.actors.filter((a) => partyKey(a) !== k);
      else if (m.recipients.length > 1) m.recipients = m.recipients.filter((r) => partyKey(r) !== k);
      else if (m.actors.length > 1) m.actors = m.actors.filter((a) => partyKey(a) !== k);
    }
  }
  if (m.evidence.length < 3) return;
  // the place (a mention naming its country, in any language, agrees with a city: "to Thailand", "in Bangkok")
  if (m.location) {
    const placeKey = (l: NonNullable<CodedEvent['location']>) => l.country ?? foldKey(l.text);
    const here = placeKey(m.location);
    const n = told.filter(({ e }) => e.location && placeKey(e.location) === here).reduce((s, x) => s + x.w, 0);
    if (n < 2) {
      const places = new Map<string, { l: NonNullable<CodedEvent['location']>; n: number }>();
      for (const { e, w } of told) if (e.location) places.set(placeKey(e.location), { l: e.location, n: (places.get(placeKey(e.location))?.n ?? 0) + w });
      const best = [...places.values()].filter((p) => p.n >= 2).sort((a, b) => b.n - a.n)[0];
      m.location = best ? { ...best.l } : null;
    }
  }
  // the date: one later mention's day ("today" in a sentence of its own) gives way to the date most mentions give
  if (m.date.value) {
    const given = (v: string) => told.filter(({ e }) => e.date.value === v).reduce((s, x) => s + x.w, 0);
    const best = told
      // (a coarser date the current one lies in, "2025" beside "2025-10-09", says less)
      .filter(({ e }) => e.date.value && !m.date.value!.startsWith(e.date.value))
      .map(({ e }) => ({ e, n: given(e.date.value!) }))
      .sort((a, b) => b.n - a.n || a.e.date.value!.localeCompare(b.e.date.value!))[0];
    if (best && given(m.date.value) <= 1 && best.n > 1) {
      m.date = { ...best.e.date };
      if (best.e.dateFrom) m.dateFrom = best.e.dateFrom;
      else delete m.dateFrom;
    }
  }
}

/**
 * Merge per story, then date what the text ties to a dated visit or talks: an undated current event told in a sentence
 * that also tells a visit or talks the story dates ("the documents signed during the visit"), or dated only by the
 * year or month that date lies in, takes its date, and the events are merged again. The coded events are updated.
 */
export function mergeStoryEvents(items: Array<{ article: string; story?: string | null; events: CodedEvent[]; text?: string; published?: string | null }>): MergedEvent[] {
  historyByStory(items);
  let merged = mergeEvents(items);
  if (resolveBothSides(items, merged)) merged = mergeEvents(items);
  const dated = new Map<string, MergedEvent>();
  for (const m of merged) {
    if (m.type !== 'CONSULT' || m.background || m.negated || !m.date.value || !/^\d{4}-\d{2}/.test(m.date.value)) continue;
    for (const v of m.evidence) {
      const k = `${v.article}|${v.sentence}`;
      const prev = dated.get(k);
      if (!prev || prev.evidence.length < m.evidence.length) dated.set(k, m);
    }
  }
  let redated = false;
  for (const it of items)
    for (const e of it.events) {
      if (e.background) continue;
      const m = dated.get(`${it.article}|${e.evidence.sentence}`);
      // (the dated visit itself keeps the date its sentence gives)
      if (m?.evidence.some((v) => v.article === it.article && v.sentence === e.evidence.sentence && v.start === e.trigger.start)) continue;
      if (m && (!e.date.value || (/^\d{4}(-\d{2})?$/.test(e.date.value) && m.date.value!.startsWith(e.date.value)))) (e.date = { ...m.date }), (e.dateFrom = 'story'), (redated = true);
    }
  return foldPartyless(redated ? mergeEvents(items) : merged);
}

/**
 * An article with no publication date is read at its story's (the earliest its articles give): an event its own
 * sentence dates well before that is history told in passing (background), as `codeArticle` rules for dated articles.
 */
function historyByStory(items: Array<{ story?: string | null; events: CodedEvent[]; published?: string | null }>): void {
  const first = new Map<string, string>();
  for (const it of items) {
    const p = it.published?.slice(0, 10);
    if (!it.story || !p) continue;
    const f = first.get(it.story);
    if (!f || p < f) first.set(it.story, p);
  }
  for (const it of items) {
    const anchor = !it.published && it.story ? first.get(it.story) : undefined;
    if (!anchor) continue;
    for (const e of it.events) if (!e.background && !e.dateFrom && longBefore(e.date, anchor)) (e.background = true), (e.modality = 'asserted');
  }
}

/**
 * A visit's sides with the host on the recipient side: parties of the host country that one sentence put first ("X
 * welcomed Y") leave the actors when visitors from elsewhere are there, and recipients of the visitors' countries leave
 * the recipients. Unchanged when no actor comes from elsewhere.
 */
export function hostSides<P extends Party>(actors: P[], recipients: P[], host: string | undefined): { actors: P[]; recipients: P[] } {
  const visitors = host ? actors.filter((a) => a.country && a.country !== host) : [];
  if (!visitors.length) return { actors, recipients };
  const out = { actors: actors.filter((a) => a.country !== host), recipients: [...recipients] };
  for (const p of actors) if (p.country === host && !out.recipients.some((r) => partyKey(r) === partyKey(p))) out.recipients.push(p);
  out.recipients = out.recipients.filter((r) => !r.country || !visitors.some((v) => v.country === r.country));
  return out;
}

/**
 * "Both sides", "the two leaders" as the whole actor of a current act between the two sides (`RECIPROCAL`), opening its
 * clause (with the article's `text`: not "businesses on both sides"), stand for the two sides of the meeting the article
 * reports (else the story): the current CONSULT with named actors and recipients that the most sentences tell,
 * preferring a dated one (a visit's host side as its recipients). The event takes that meeting's actors, its recipients
 * when it names none of its own, and, when undated or dated only by a year or month the meeting lies in, the meeting's
 * date (`dateFrom: 'story'`: what both sides did there happened during it). The meeting's parties are those two of its
 * mentions or its first name, as the export keeps them. The coded events are updated; true when any was.
 */
/**
 * Acts the two sides do with each other (agreeing, signing, cooperating, meeting): "both sides agreed" is one side's
 * agreement with the other. "Both sides condemned X" is no act between them and keeps its words.
 */
const RECIPROCAL: ReadonlySet<string> = new Set(['AGREE', 'SUPPORT', 'COOPERATE', 'CONSULT']);

function resolveBothSides(items: Array<{ article: string; story?: string | null; events: CodedEvent[]; text?: string }>, merged: MergedEvent[]): boolean {
  const coded = codedByMention(items);
  const named = (ps: Party[]) => ps.length > 0 && !ps.every(vagueParty);
  const meetings = merged.filter((m) => m.type === 'CONSULT' && !m.background && !m.negated && m.modality !== 'future' && m.modality !== 'planned' && named(m.actors) && named(m.recipients));
  if (!meetings.length) return false;
  const rank = (m: MergedEvent) => (m.date.value ? 1000000 : 0) + m.evidence.length;
  const best = (ms: MergedEvent[]) => ms.sort((a, b) => rank(b) - rank(a))[0];
  const sides = new Map<MergedEvent, { actors: Party[]; recipients: Party[] }>();
  const sidesOf = (m: MergedEvent) => {
    let s = sides.get(m);
    if (s) return s;
    const support = mentionSupport(m.evidence.map((v) => coded.get(mentionKey(v.article, v.sentence, v.start))), eitherSide);
    const keep = (p: Party) => (support.get(partyKey(p)) ?? 0) >= 2 && !vagueParty(p);
    sides.set(m, (s = hostSides(m.actors.filter(keep), m.recipients.filter(keep), m.mode === 'visit' ? m.location?.country : undefined)));
    return s;
  };
  let changed = false;
  for (const it of items) {
    const story = it.story ?? null;
    const inStory = meetings.filter((m) => m.story === story);
    const meeting = best(inStory.filter((m) => m.evidence.some((v) => v.article === it.article))) ?? (story !== null ? best(inStory) : undefined);
    if (!meeting) continue;
    const { actors, recipients } = sidesOf(meeting);
    if (!actors.length || !recipients.length) continue;
    for (const e of it.events) {
      if (e.background || !RECIPROCAL.has(e.type) || e.mode === 'multilateral' || !e.actors.length) continue;
      if (!e.actors.every((p) => bothSidesParty(p) && (it.text === undefined || opensClause(it.text, p.start)))) continue;
      if (meeting.evidence.some((v) => v.article === it.article && v.sentence === e.evidence.sentence && v.start === e.trigger.start)) continue;
      e.actors = actors.map((p) => ({ ...p }));
      if (!e.recipients.length) e.recipients = recipients.map((p) => ({ ...p }));
      // undated, or dated only by a year or month the meeting lies in ("the 2025-2027 action plan")
      const coarse = !!e.date.value && /^\d{4}(-\d{2})?$/.test(e.date.value) && !!meeting.date.value?.startsWith(e.date.value);
      if ((!e.date.value || coarse) && meeting.date.value) (e.date = { ...meeting.date }), (e.dateFrom = 'story');
      changed = true;
    }
  }
  return changed;
}

/**
 * A happening told without parties ("the talks", "cooperation" with no one named) next to a richer event of the same
 * kind in the story (same type, mode, intent, polarity and time frame, compatible date and country) is a mention of
 * it, not an event of its own: it joins a dated one before an undated one, then the one told in the same article, then
 * the one the story tells most.
 */
export function foldPartyless(merged: MergedEvent[]): MergedEvent[] {
  const named = (m: MergedEvent) => m.actors.length > 0 || m.recipients.length > 0;
  // the named events of each story and type
  const byKind = new Map<string, MergedEvent[]>();
  for (const r of merged) {
    if (!named(r)) continue;
    const k = `${r.story}|${r.type}`;
    const l = byKind.get(k);
    if (l) l.push(r);
    else byKind.set(k, [r]);
  }
  const out: MergedEvent[] = [];
  for (const m of merged) {
    if (named(m)) {
      out.push(m);
      continue;
    }
    const arts = new Set(m.evidence.map((v) => v.article));
    const kin = (byKind.get(`${m.story}|${m.type}`) ?? []).filter(
      (r) =>
        (r.story !== null || r.evidence.some((v) => arts.has(v.article))) &&
        r.type === m.type && (r.mode ?? null) === (m.mode ?? null) && (r.intent ?? null) === (m.intent ?? null) && r.negated === m.negated && r.background === m.background &&
        datesCompatible(r.date, m.date) && (!r.location?.country || !m.location?.country || r.location.country === m.location.country),
    );
    if (!kin.length) {
      out.push(m);
      continue;
    }
    // a dated happening over an undated one ("promote dialogue" is no meeting), then one told in the same article, then
    // the one most told
    const rank = (r: MergedEvent) => [r.date.value ? 1 : 0, r.evidence.some((v) => arts.has(v.article)) ? 1 : 0, r.evidence.length];
    const into = kin.sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return y[0]! - x[0]! || y[1]! - x[1]! || y[2]! - x[2]!;
    })[0]!;
    into.evidence.push(...m.evidence);
    for (const t of m.triggers) if (!into.triggers.includes(t)) into.triggers.push(t);
    for (const c of m.context) if (!into.context.includes(c)) into.context.push(c);
    if (!into.date.value && m.date.value) into.date = { ...m.date };
  }
  return out;
}
