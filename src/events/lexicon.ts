// The shape of a language's event lexicon (src/lang/<code>/events.ts) and the matcher for its phrases.
// Phrase syntax, token by token (tokens are lower-cased words as src/events/tokens.ts splits them):
//   "meet|met"   alternatives          "negotiat*"  a word starting with the stem
//   "..."        a gap of 0–4 tokens   "held ... talks" matches "held direct talks"
//   "_"          joins the tokens of one alternative: "thỏa_thuận|hiệp_định", "bekerja_sama|bekerjasama"
import type { Tok } from './tokens.ts';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** Categories whose intended/future form is an AGREE (a promise); the others' is a THREATEN. */
export const COOPERATIVE: ReadonlySet<PloverType> = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT']);

export interface TriggerEntry {
  /** phrase pattern (see above) */
  p: string;
  t: PloverType;
  mode?: string;
  context?: string;
  /** takes a complement whose event it frames ("agreed to …", "threatened to …", "demanded that …") */
  frame?: boolean;
  /** a noun (nominalisation): weaker evidence than a verb when choosing the main event */
  noun?: boolean;
  /** symmetric: "X and Y met" — the parties are each other's recipients */
  sym?: boolean;
  /** a deontic modal ("must", "harus", "phải"): the one who must act is the recipient, the speaker the actor */
  deontic?: boolean;
  /** the subject is the recipient (the host receives: "welcomed", "received", "menerima") */
  host?: boolean;
}

export interface EventLexicon {
  code: string;
  /** Articles and possessives that may stand before an actor ("the", "its"), between coordinated ones too. */
  actorDeterminers: string[];
  /** Words marking a possessor after a nominalisation ("of", "của", "dari"). */
  genitives: string[];
  /** Words that end an agreement's title or party span ("between", "yang", "được", "signed"). */
  spanBoundaries: string[];
  /** Lower-case words that join two capitalised parts of one name ("Bank of England", "Ministry for X", "X's"). */
  nameLinkers?: string[];
  triggers: TriggerEntry[];
  /** cue words immediately before a trigger (≤3 tokens) that negate it */
  negation: string[];
  /** verbs of denial: "denied (that) …" negates what follows */
  denial: string[];
  future: string[];
  planned: string[];
  hypothetical: string[];
  /** hearsay adverbs ("reportedly", "dikabarkan", "được cho là") */
  reported: string[];
  /** quote-attribution verbs: "X said", "said X", "kata X" */
  sayVerbs: string[];
  /** prepositions introducing a source: "according to X", "menurut X", "theo X" */
  sourcePreps: string[];
  /** words opening the clause after a speech verb: "that", "bahwa", "rằng" */
  complementizers: string[];
  /** words that may stand between a speech verb and its clause ("said on Monday that", "mengatakan pada"), besides the above */
  afterSayWords: string[];
  /** ceremony (honours, salutes, fireworks, parades, guards of honour, wreath-laying): force words told with one are
   * the rite, not force ("a 21-gun salute was fired", "tembakan salut meriam dilepaskan") */
  ceremony?: string[];
  /** relative and passive words between a noun and the verb it is the object of ("kesepakatan yang ditandatangani",
   * "the agreement that was signed", "thỏa thuận được ký"): the noun is that act's object, no event of its own */
  relativizers?: string[];
  /** verbs of remembering, recalling, cherishing, forgetting ("will always remember the support", "mengenang", "ghi nhớ"):
   * an event noun that is their object is no act of its own, and their cues ("will") promise nothing of it */
  cognitive?: string[];
  /** words that make a sentence history: "established", "last", "first … since", "ago" */
  background: string[];
  /** passive markers before a verb ("was", "were", "been", "bị", "được") and agent prepositions ("by", "oleh", "bởi") */
  passive: string[];
  agentPreps: string[];
  /** prepositions introducing a recipient ("with", "to", "against") */
  recipientPreps: string[];
  /** prepositions introducing a place ("in", "at", "di", "tại") and a destination ("to", "ke") */
  placePreps: string[];
  destinationPreps: string[];
  /** coordinators joining parties ("and", "dan", "và") */
  and: string[];
  /** pronouns that refer back to the last named speaker */
  pronouns: string[];
  /** context labels with their cue words */
  contexts: Record<string, string[]>;
  /** agreement kinds with their names (as phrases) */
  agreementKinds: Record<string, string[]>;
  /** agreement fields with their cue words */
  agreementFields: Record<string, string[]>;
  /** nouns that introduce an agreement's fields after its title ("in the fields of …", "di bidang …", "lĩnh vực …") */
  fieldNouns?: string[];
  /** nouns for documents an article may count ("documents", "dokumen", "văn kiện") */
  documentNouns: string[];
  /** number words 1..20 (index = value − 1; each entry lists forms) */
  numbers: string[][];
  /** words after which the title of an agreement continues ("on", "about", "tentang", "về") */
  titleLinks: string[];
  /** lower-case words that belong to a title before its kind where modifiers precede ("joint", "free", "cooperation"
   * in "free trade agreement", "joint statement"); only read when `actorNounsBefore` is false */
  titleModifiers?: string[];
  /** links that introduce a title's subject whatever its words ("a letter of intent on halal product certification") */
  subjectLinks?: string[];
  /** span boundaries that may still open such a subject ("on the …", "on mutual …") */
  subjectOpeners?: string[];
  /** prepositions introducing the parties of an agreement ("between", "antara", "giữa") */
  betweenWords?: string[];
  /** phrases that name the two sides together ("both countries", "kedua negara", "hai nước") */
  bothSides?: string[];
  /** words that open a clause ("and", "but", "dan", "namun", "và"): a phrase after one is its subject, not a modifier */
  clauseOpeners?: string[];
  /** demonstratives after a noun that make it refer to something already told ("kunjungan tersebut", "chuyến thăm này") */
  anaphorsAfter?: string[];
  /** demonstratives before a noun that do the same ("this visit", "these agreements"; not "that", also a conjunction) */
  anaphorsBefore?: string[];
  /** labels of an interviewer's and an interviewee's turns in a Q&A ("Q", "Tanya", "Hỏi"; "A", "Jawab", "Đáp") */
  questionLabels: string[];
  answerLabels: string[];
  /** conditions that turn a promise into a threat ("will withdraw unless …": "if", "unless", "kecuali", "nếu") */
  conditional: string[];
  /** determiners: a trigger word right after one is a noun ("the signing") */
  determiners: string[];
  /** common nouns that head an actor phrase with a name ("Turkish police", "pemerintah Indonesia", "chính phủ Việt Nam") */
  actorNouns: string[];
  /** true when the actor noun comes before the name (Indonesian, Vietnamese), false when after (English) */
  actorNounsBefore: boolean;
  /** words a stem must not match: agent nouns are actors, not events ("demonstrators", "negotiators") */
  stemExclude?: RegExp;
  /** derived common words (Indonesian ber-…-kan, ke-…-an): a capitalised one opening a sentence is no name */
  commonWordPattern?: RegExp;
  /** phrases that introduce an interviewee ("interview with", "wawancara dengan", "phỏng vấn") */
  interviewCues: string[];
}

interface Alt {
  words: string[];
  /** the last word is a stem */
  stem: boolean;
}
interface Compiled {
  steps: Array<{ kind: 'gap' } | { kind: 'word'; alts: Alt[] }>;
}

const cache = new WeakMap<object, Map<string, Compiled>>();

function compile(p: string): Compiled {
  const steps: Compiled['steps'] = [];
  for (const part of p.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (part === '...') {
      steps.push({ kind: 'gap' });
      continue;
    }
    const alts = part.split('|').map((a) => ({ words: a.replace(/\*$/, '').split('_').filter(Boolean), stem: a.endsWith('*') }));
    steps.push({ kind: 'word', alts });
  }
  return { steps };
}

function compiledFor(owner: object, p: string): Compiled {
  let m = cache.get(owner);
  if (!m) cache.set(owner, (m = new Map()));
  let c = m.get(p);
  if (!c) m.set(p, (c = compile(p)));
  return c;
}

/** End of alternative `a` matched at token j, or -1. */
function altAt(a: Alt, toks: Tok[], j: number, exclude?: RegExp): number {
  if (j + a.words.length > toks.length) return -1;
  for (let k = 0; k < a.words.length; k++) {
    const w = toks[j + k]!.lower;
    const last = k === a.words.length - 1;
    if (w === a.words[k]) continue;
    if (!(last && a.stem && w.startsWith(a.words[k]!)) || (exclude && exclude.test(w))) return -1;
  }
  return j + a.words.length;
}

/** End token index (exclusive) of the longest match of `p` starting at token `i`, or -1. Gaps never cross clause punctuation. */
export function matchPhrase(owner: object, p: string, toks: Tok[], i: number): number {
  const c = compiledFor(owner, p);
  const rec = (s: number, j: number): number => {
    if (s === c.steps.length) return j;
    const st = c.steps[s]!;
    if (st.kind === 'gap') {
      for (let g = 0; g <= 4 && j + g <= toks.length; g++) {
        if (g > 0 && /^[.;:!?"“”()]$/.test(toks[j + g - 1]!.lower)) break;
        const r = rec(s + 1, j + g);
        if (r >= 0) return r;
      }
      return -1;
    }
    let best = -1;
    for (const a of st.alts) {
      const e = altAt(a, toks, j, (owner as Partial<EventLexicon>).stemExclude);
      if (e < 0) continue;
      const r = rec(s + 1, e);
      if (r > best) best = r;
    }
    return best;
  };
  return rec(0, i);
}

interface ListIndex {
  /** phrases by their first word (every alternative of the first step) */
  exact: Map<string, string[]>;
  /** phrases whose first word is a stem, by the stem's first three letters */
  stems: Map<string, string[]>;
  /** phrases that must always be tried (a leading gap, a stem shorter than three letters) */
  always: string[];
  /** answers already given, by word */
  byWord: Map<string, readonly string[]>;
}

const listIndexes = new WeakMap<object, WeakMap<readonly string[], ListIndex>>();

function listIndex(owner: object, phrases: readonly string[]): ListIndex {
  let byList = listIndexes.get(owner);
  if (!byList) listIndexes.set(owner, (byList = new WeakMap()));
  let ix = byList.get(phrases);
  if (ix) return ix;
  ix = { exact: new Map(), stems: new Map(), always: [], byWord: new Map() };
  const add = (m: Map<string, string[]>, k: string, p: string) => {
    const l = m.get(k);
    if (!l) m.set(k, [p]);
    else if (!l.includes(p)) l.push(p);
  };
  for (const p of phrases) {
    const first = compiledFor(owner, p).steps[0];
    if (!first || first.kind === 'gap') {
      ix.always.push(p);
      continue;
    }
    for (const a of first.alts) {
      const w = a.words[0] ?? '';
      if (a.words.length === 1 && a.stem) {
        if (w.length >= 3) add(ix.stems, w.slice(0, 3), p);
        else if (!ix.always.includes(p)) ix.always.push(p);
      } else add(ix.exact, w, p);
    }
  }
  byList.set(phrases, ix);
  return ix;
}

/**
 * The phrases of `phrases` that can start at token `i` (by their first word): matching every phrase at every token
 * made the coder spend most of its time failing to match. Order follows `phrases`.
 */
export function phrasesAt(owner: object, phrases: readonly string[], toks: Tok[], i: number): readonly string[] {
  const ix = listIndex(owner, phrases);
  const w = toks[i]!.lower;
  // the answer depends on the word only: remember it (bounded), so long texts allocate nothing per token
  const hit = ix.byWord.get(w);
  if (hit) return hit;
  const a = ix.exact.get(w);
  const b = w.length >= 3 ? ix.stems.get(w.slice(0, 3)) : undefined;
  let out: readonly string[];
  if (!b && !ix.always.length) out = a ?? NONE;
  else {
    const set = new Set([...(a ?? []), ...(b ?? []), ...ix.always]);
    out = phrases.filter((p) => set.has(p));
    if (!out.length) out = NONE;
  }
  if (ix.byWord.size >= 20000) ix.byWord.clear();
  ix.byWord.set(w, out);
  return out;
}
const NONE: readonly string[] = Object.freeze([]);

const memos = new WeakMap<object, Map<string, unknown>>();

/** A value derived from a lexicon, built once per lexicon (phrase lists must keep their identity for `phrasesAt`). */
export function memo<T>(owner: object, name: string, build: () => T): T {
  let m = memos.get(owner);
  if (!m) memos.set(owner, (m = new Map()));
  if (!m.has(name)) m.set(name, build());
  return m.get(name) as T;
}

/** End token index of the longest match at token `i` of any of `phrases`, or -1. */
export function longestAt(owner: object, phrases: readonly string[], toks: Tok[], i: number): number {
  let best = -1;
  if (i >= toks.length) return best;
  for (const p of phrasesAt(owner, phrases, toks, i)) {
    const e = matchPhrase(owner, p, toks, i);
    if (e > best) best = e;
  }
  return best;
}

/** All matches of any of `phrases` in `toks`: [start, end) token ranges, longest first at each start. */
export function findPhrases(owner: object, phrases: readonly string[], toks: Tok[]): Array<{ s: number; e: number; phrase: string }> {
  const out: Array<{ s: number; e: number; phrase: string }> = [];
  for (let i = 0; i < toks.length; i++) {
    let best: { s: number; e: number; phrase: string } | null = null;
    for (const p of phrasesAt(owner, phrases, toks, i)) {
      const e = matchPhrase(owner, p, toks, i);
      if (e > i && (!best || e > best.e)) best = { s: i, e, phrase: p };
    }
    if (best) out.push(best);
  }
  return out;
}
