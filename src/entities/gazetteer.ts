// Token-sequence gazetteers for the tagger and the mention rules: every list is matched on token
// sequences (same tokenizer as the text), longest match first, in one trie per category.
import { createHash } from 'node:crypto';
import { tokenWords } from './tokenize.ts';
import { calendarWords, entityData, entityLanguages } from './langdata.ts';
import { cities, countries, countryExtra } from './normalise.ts';

export type GazCategory = 'CTRY' | 'CITY' | 'DEM' | 'TITLE' | 'TMOD' | 'PORT' | 'HON' | 'ORGH' | 'PLH' | 'NONE' | 'CAL' | 'MEDIA' | 'MEDIA_AFTER' | 'DOC' | 'DOC_AFTER' | 'REG' | 'ORGN' | 'MHEAD' | 'MLINK' | 'MPORT' | 'MANY';

/** Categories read by the mention rules only: never a tagger feature (the shipped weights were trained without them). */
const RULE_ONLY: ReadonlySet<GazCategory> = new Set(['MEDIA', 'MEDIA_AFTER', 'DOC', 'DOC_AFTER', 'REG', 'ORGN', 'MHEAD', 'MLINK', 'MPORT', 'MANY']);

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

class Trie {
  root: TrieNode = { next: new Map(), end: false };
  maxLen = 0;
  /** Every entry, its lower-case words joined by a space (walked when asked: only the fingerprint needs them). */
  entries(): string[] {
    const out: string[] = [];
    const walk = (n: TrieNode, path: string[]) => {
      if (n.end) out.push(path.join(' '));
      for (const [w, m] of n.next) walk(m, [...path, w]);
    };
    walk(this.root, []);
    return out;
  }
  add(words: string[]): void {
    if (!words.length) return;
    let n = this.root;
    for (const w of words) {
      const k = w.toLowerCase();
      let m = n.next.get(k);
      if (!m) n.next.set(k, (m = { next: new Map(), end: false }));
      n = m;
    }
    n.end = true;
    this.maxLen = Math.max(this.maxLen, words.length);
  }
  /** Length of the longest entry starting at `i` (0 if none). */
  longest(lower: string[], i: number): number {
    let n: TrieNode | undefined = this.root;
    let best = 0;
    for (let j = i; j < lower.length && n; j++) {
      n = n.next.get(lower[j]!);
      if (n?.end) best = j - i + 1;
    }
    return best;
  }
}

export interface Gazetteer {
  tries: Map<GazCategory, Trie>;
  /** categories whose matches must start with a capital letter (names, not common words) */
  needsCap: Set<GazCategory>;
  /** upper-case abbreviations that only match in capitals ("AS", "UE") */
  capsOnly: Set<string>;
}

let gaz: Gazetteer | null = null;

/** Minimum population for a city to count as a gazetteer name (smaller ones collide with common words). */
export const GAZ_CITY_MIN_POP = 15000;

export function gazetteer(): Gazetteer {
  if (gaz) return gaz;
  const tries = new Map<GazCategory, Trie>();
  const t = (c: GazCategory) => {
    let x = tries.get(c);
    if (!x) tries.set(c, (x = new Trie()));
    return x;
  };
  for (const names of countries().names.values()) for (const n of names) t('CTRY').add(tokenWords(n));
  for (const lang of entityLanguages) {
    const d = entityData(lang);
    for (const n of Object.values(d.demonyms ?? {}).flat()) t('DEM').add(tokenWords(n));
    for (const n of d.titles) t('TITLE').add(tokenWords(n));
    for (const n of d.titleModifiers) t('TMOD').add(tokenWords(n));
    for (const n of d.portfolios) t('PORT').add(tokenWords(n));
    for (const n of d.honorifics) t('HON').add(tokenWords(n));
    for (const n of d.orgHeads) t('ORGH').add(tokenWords(n));
    for (const n of d.placeHeads) t('PLH').add(tokenWords(n));
    for (const n of d.nonEntities) t('NONE').add(tokenWords(n));
    for (const n of calendarWords(lang)) t('CAL').add(tokenWords(n));
    for (const n of d.mediaWords ?? []) t('MEDIA').add(tokenWords(n));
    for (const n of d.mediaWordsAfter ?? []) t('MEDIA_AFTER').add(tokenWords(n));
    for (const n of d.documentHeads ?? []) t('DOC').add(tokenWords(n));
    for (const n of d.documentHeadsAfter ?? []) t('DOC_AFTER').add(tokenWords(n));
    for (const n of Object.values(d.regions ?? {}).flat()) t('REG').add(tokenWords(n));
    for (const n of Object.values(d.organisations ?? {}).flat()) t('ORGN').add(tokenWords(n));
    for (const n of d.ministries?.heads ?? []) t('MHEAD').add(tokenWords(n));
    for (const n of d.ministries?.links ?? []) t('MLINK').add(tokenWords(n));
    for (const n of Object.values(d.ministries?.portfolios ?? {}).flat()) t('MPORT').add(tokenWords(n));
    for (const n of d.ministries?.several ?? []) t('MANY').add(tokenWords(n));
  }
  for (const c of cities().values()) if (c.population >= GAZ_CITY_MIN_POP) t('CITY').add(tokenWords(c.name));
  gaz = { tries, needsCap: new Set(['CTRY', 'CITY', 'DEM']), capsOnly: new Set(countryExtra().caseSensitive) };
  return gaz;
}

/**
 * sha256 of everything the tagger's gazetteer features read: each feature category's entries (sorted), the
 * capitals-only abbreviations, the city population threshold. The shipped model records it (scripts/train-ner.ts):
 * when a list in src/lang changes, the model is no longer what the training script makes from the current code.
 */
export function gazetteerFingerprint(): string {
  const g = gazetteer();
  const h = createHash('sha256');
  for (const cat of [...g.tries.keys()].filter((c) => !RULE_ONLY.has(c)).sort()) {
    h.update(`#${cat}${g.needsCap.has(cat) ? ' cap' : ''}\n`);
    for (const e of g.tries.get(cat)!.entries().sort()) h.update(e + '\n');
  }
  h.update(`#capsOnly\n${[...g.capsOnly].sort().join('\n')}\n#cityMinPop ${GAZ_CITY_MIN_POP}\n`);
  return h.digest('hex');
}

const isCap = (w: string) => /^\p{Lu}/u.test(w);

/** Per token, the gazetteer marks covering it: "CTRY-B", "CTRY-I", "TITLE-B", ... */
export function gazetteerMarks(tokens: string[]): string[][] {
  const g = gazetteer();
  const lower = tokens.map((w) => w.toLowerCase());
  const marks: string[][] = tokens.map(() => []);
  for (const [cat, trie] of g.tries) {
    if (RULE_ONLY.has(cat)) continue;
    for (let i = 0; i < tokens.length; ) {
      let len = trie.longest(lower, i);
      if (len && g.needsCap.has(cat) && !isCap(tokens[i]!)) len = 0;
      if (len === 1 && cat === 'CTRY' && g.capsOnly.has(tokens[i]!.toUpperCase()) && tokens[i] !== tokens[i]!.toUpperCase()) len = 0;
      if (len === 1 && cat === 'CTRY' && tokens[i]!.length <= 3 && tokens[i] !== tokens[i]!.toUpperCase()) len = 0;
      if (!len) {
        i++;
        continue;
      }
      marks[i]!.push(cat + '-B');
      for (let j = i + 1; j < i + len; j++) marks[j]!.push(cat + '-I');
      i += len;
    }
  }
  return marks;
}

/** Longest entry of `cat` starting at token `i` (lower-cased tokens), 0 if none. */
export function matchAt(cat: GazCategory, lower: string[], i: number): number {
  return gazetteer().tries.get(cat)?.longest(lower, i) ?? 0;
}
