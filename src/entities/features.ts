// Token features for the NER tagger: shape, capitalisation, affixes, context words, gazetteer marks.
import { gazetteerMarks } from './gazetteer.ts';

export function shape(w: string): string {
  let s = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (s.length < 6) s += c;
  }
  return s;
}

export function shortShape(w: string): string {
  let s = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'l' : 'p';
    if (s[s.length - 1] !== c) s += c;
  }
  return s;
}

/** Feature strings of every token of a sentence. */
/** Lower-case words seen written in lower case in training text (common words); a capitalised token whose
 * lower-case form is common is often just sentence-initial or headline case. */
export function commonWordsOf(sentences: string[][], minCount = 2): Set<string> {
  const c = new Map<string, number>();
  for (const s of sentences) for (let i = 1; i < s.length; i++) if (/^\p{Ll}+$/u.test(s[i]!)) c.set(s[i]!, (c.get(s[i]!) ?? 0) + 1);
  return new Set([...c].filter(([, n]) => n >= minCount).map(([w]) => w));
}

const wordCache = new Map<string, { sh: string; ss: string; own: string[] }>();

/** Features of a word on its own (shape, affixes), cached: news text repeats its words. */
function wordInfo(w: string): { sh: string; ss: string; own: string[] } {
  let x = wordCache.get(w);
  if (x) return x;
  const lw = w.toLowerCase();
  const own = ['w=' + lw, 'sh=' + shape(w), 'p2=' + lw.slice(0, 2)];
  if (lw.length > 3) {
    own.push('p3=' + lw.slice(0, 3), 's3=' + lw.slice(-3), 's2=' + lw.slice(-2));
    if (lw.length > 4) own.push('p4=' + lw.slice(0, 4), 's4=' + lw.slice(-4));
    if (lw.length > 5) own.push('p5=' + lw.slice(0, 5), 's5=' + lw.slice(-5));
  }
  x = { sh: shape(w), ss: shortShape(w), own };
  if (wordCache.size > 200_000) wordCache.clear();
  wordCache.set(w, x);
  return x;
}

/** What the training data says about words and spans: per lower-case word, how often it was O / PERSON /
 * PLACE / ORGANISATION; per lower-case entity span (tokens joined by a space), the same counts. Learned from the
 * training split only; during training each sentence sees a dictionary built without its own fold (jackknife),
 * so the tagger learns how far such evidence generalises to unseen text instead of trusting it blindly. */
export interface NerDict {
  words: Map<string, number[]>;
  spans: Map<string, number[]>;
  maxSpan: number;
}

const DICT_TYPES = ['O', 'PERSON', 'PLACE', 'ORGANISATION'];

export function buildDict(sentences: Array<{ tokens: string[]; tags: string[] }>): NerDict {
  const words = new Map<string, number[]>();
  const spans = new Map<string, number[]>();
  let maxSpan = 0;
  const bump = (m: Map<string, number[]>, k: string, t: number) => {
    let a = m.get(k);
    if (!a) m.set(k, (a = [0, 0, 0, 0]));
    a[t]!++;
  };
  for (const s of sentences) {
    const lower = s.tokens.map((w) => w.toLowerCase());
    s.tags.forEach((tag, i) => bump(words, lower[i]!, Math.max(0, DICT_TYPES.indexOf(tag.slice(2)))));
    for (let i = 0; i < s.tags.length; i++) {
      if (!s.tags[i]!.startsWith('B-')) continue;
      const type = DICT_TYPES.indexOf(s.tags[i]!.slice(2));
      let j = i + 1;
      while (j < s.tags.length && s.tags[j] === 'I-' + s.tags[i]!.slice(2)) j++;
      if (type > 0) bump(spans, lower.slice(i, j).join(' '), type);
      maxSpan = Math.max(maxSpan, j - i);
    }
  }
  // a span also written outside any entity (as plain words) is weaker evidence: count those as O
  if (spans.size) {
    for (const s of sentences) {
      const lower = s.tokens.map((w) => w.toLowerCase());
      for (let i = 0; i < lower.length; i++) {
        if (s.tags[i] !== 'O') continue;
        let key = '';
        for (let j = i; j < Math.min(lower.length, i + maxSpan) && s.tags[j] === 'O'; j++) {
          key = key ? key + ' ' + lower[j] : lower[j]!;
          const a = spans.get(key);
          if (a) a[0]!++;
        }
      }
    }
  }
  return { words, spans, maxSpan: Math.min(maxSpan, 8) };
}

const prefixCache = new WeakMap<NerDict, Set<string>>();

/** Every word-prefix of a dictionary span ("bank", "bank sentosa"): span lookups stop at the first miss. */
function spanPrefixes(dict: NerDict): Set<string> {
  let p = prefixCache.get(dict);
  if (p) return p;
  p = new Set();
  for (const k of dict.spans.keys()) {
    const w = k.split(' ');
    for (let i = 1; i <= w.length; i++) p.add(w.slice(0, i).join(' '));
  }
  prefixCache.set(dict, p);
  return p;
}

const bucket = (n: number) => (n === 1 ? '1' : n < 4 ? '2' : n < 10 ? '4' : 'A');

/** Per token, dictionary marks: the majority label of the word, and the entity spans that cover it. */
export function dictMarks(tokens: string[], dict: NerDict): string[][] {
  const n = tokens.length;
  const lower = tokens.map((w) => w.toLowerCase());
  const out: string[][] = tokens.map(() => []);
  for (let i = 0; i < n; i++) {
    const a = dict.words.get(lower[i]!);
    if (!a) {
      out[i]!.push('wd=unseen');
      continue;
    }
    const tot = a[0]! + a[1]! + a[2]! + a[3]!;
    let best = 0;
    for (let t = 1; t < 4; t++) if (a[t]! > a[best]!) best = t;
    out[i]!.push('wd=' + DICT_TYPES[best] + '|' + bucket(tot));
    for (let t = 1; t < 4; t++) if (t !== best && a[t]! * 4 >= tot) out[i]!.push('wd2=' + DICT_TYPES[t]);
  }
  // longest dictionary span from each start, left to right
  const prefixes = spanPrefixes(dict);
  for (let i = 0; i < n; ) {
    let len = 0;
    let type = 0;
    let key = '';
    for (let j = i; j < Math.min(n, i + dict.maxSpan); j++) {
      key = key ? key + ' ' + lower[j] : lower[j]!;
      if (!prefixes.has(key)) break;
      const a = dict.spans.get(key);
      if (!a) continue;
      // an entity type seen at least as often as the plain-word reading
      let best = 1;
      for (let t = 2; t < 4; t++) if (a[t]! > a[best]!) best = t;
      if (a[best]! >= a[0]!) {
        len = j - i + 1;
        type = best;
      }
    }
    if (!len) {
      i++;
      continue;
    }
    out[i]!.push('sd=' + DICT_TYPES[type] + '-B', 'sdlen=' + Math.min(len, 4));
    for (let j = i + 1; j < i + len; j++) out[j]!.push('sd=' + DICT_TYPES[type] + '-I');
    if (i + len < n) out[i + len]!.push('sd-after=' + DICT_TYPES[type]);
    i += len;
  }
  return out;
}

export function sentenceFeatures(tokens: string[], common?: Set<string>, dict?: NerDict): string[][] {
  const n = tokens.length;
  const lower = tokens.map((w) => w.toLowerCase());
  const info = tokens.map(wordInfo);
  const sh = info.map((x) => x.ss);
  const marks = gazetteerMarks(tokens);
  const dm = dict ? dictMarks(tokens, dict) : null;
  // a sentence written in capitals (headline) or without any: capitalisation carries no information
  const letters = tokens.filter((w) => /\p{L}/u.test(w));
  const allCaps = letters.length > 2 && letters.every((w) => w === w.toUpperCase());
  const noCaps = letters.length > 2 && letters.every((w) => w === w.toLowerCase());
  const mode = allCaps ? 'U' : noCaps ? 'L' : 'N';
  const W = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]!);
  const S = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : sh[i]!);
  // runs of capitalised tokens (with numbers inside: "SMP Negeri 1"): the run's first word ("Universitas",
  // "Desa") and the word before it ("di", "oleh") decide the type of every token in the run
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  if (mode === 'N') {
    const capLike = (i: number) => /^\p{Lu}/u.test(tokens[i]!) || (i > 0 && /^(\p{N}+|[IVX]+)$/u.test(tokens[i]!) && /^\p{Lu}/u.test(tokens[i - 1]!));
    for (let i = 0; i < n; ) {
      if (!capLike(i)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && capLike(j)) j++;
      for (let k = i; k < j; k++) (runStart[k] = i), (runEnd[k] = j);
      i = j;
    }
  }
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!;
    const lw = lower[i]!;
    const f: string[] = ['b', ...info[i]!.own, 'ss=' + S(i), 'm=' + mode];
    if (common && lw !== w) f.push(common.has(lw) ? 'capcommon' : 'caprare', (common.has(lw) ? 'capcommon' : 'caprare') + '|first=' + (i === 0));
    if (common && i > 0 && tokens[i - 1] !== lower[i - 1]) f.push('prevcap|' + (common.has(lower[i - 1]!) ? 'c' : 'r'));
    if (i === 0) f.push('first', 'first|ss=' + S(i));
    f.push('w-1=' + W(i - 1), 'w+1=' + W(i + 1), 'w-2=' + W(i - 2), 'w+2=' + W(i + 2));
    f.push('w-1|w=' + W(i - 1) + '|' + lw, 'w|w+1=' + lw + '|' + W(i + 1));
    f.push('ss-1|ss=' + S(i - 1) + '|' + S(i), 'ss|ss+1=' + S(i) + '|' + S(i + 1), 'ss-1|ss|ss+1=' + S(i - 1) + '|' + S(i) + '|' + S(i + 1));
    f.push('w-1|ss=' + W(i - 1) + '|' + S(i), 'ss|w+1=' + S(i) + '|' + W(i + 1), 'w-1|w+1=' + W(i - 1) + '|' + W(i + 1));
    for (const m of marks[i]!) f.push('g=' + m, 'g=' + m + '|ss=' + S(i));
    if (i > 0) for (const m of marks[i - 1]!) f.push('g-1=' + m, 'g-1=' + m + '|ss=' + S(i));
    if (i + 1 < n) for (const m of marks[i + 1]!) f.push('g+1=' + m);
    if (i > 1) for (const m of marks[i - 2]!) f.push('g-2=' + m);
    if (runStart[i]! >= 0) {
      const a = runStart[i]!;
      const e = runEnd[i]!;
      const len = e - a;
      const pos = len === 1 ? 'S' : i === a ? 'B' : i === e - 1 ? 'E' : 'I';
      f.push('rpos=' + pos + Math.min(len, 5));
      if (i > a) f.push('rh=' + lower[a], 'rh|pos=' + lower[a] + '|' + pos, 'rb=' + W(a - 1), 'rb|rh=' + W(a - 1) + '|' + lower[a]);
      if (i < e - 1) f.push('rl=' + lower[e - 1], 'ra=' + W(e));
      if (i === a) f.push('rb|pos=' + W(a - 1) + '|' + pos);
    }
    if (dm) {
      for (const m of dm[i]!) f.push(m, m + '|ss=' + S(i));
      if (i > 0) for (const m of dm[i - 1]!) f.push('-1' + m);
      if (i + 1 < n) for (const m of dm[i + 1]!) f.push('+1' + m);
    }
    out.push(f);
  }
  return out;
}
