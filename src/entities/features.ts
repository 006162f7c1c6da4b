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
  }
  x = { sh: shape(w), ss: shortShape(w), own };
  if (wordCache.size > 200_000) wordCache.clear();
  wordCache.set(w, x);
  return x;
}

export function sentenceFeatures(tokens: string[], common?: Set<string>): string[][] {
  const n = tokens.length;
  const lower = tokens.map((w) => w.toLowerCase());
  const info = tokens.map(wordInfo);
  const sh = info.map((x) => x.ss);
  const marks = gazetteerMarks(tokens);
  // a sentence written in capitals (headline) or without any: capitalisation carries no information
  const letters = tokens.filter((w) => /\p{L}/u.test(w));
  const allCaps = letters.length > 2 && letters.every((w) => w === w.toUpperCase());
  const noCaps = letters.length > 2 && letters.every((w) => w === w.toLowerCase());
  const mode = allCaps ? 'U' : noCaps ? 'L' : 'N';
  const W = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]!);
  const S = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : sh[i]!);
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
    out.push(f);
  }
  return out;
}
