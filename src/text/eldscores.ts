// eld's scores for a text, computed as eld/medium's detect().getScores() computes them (same n-gram
// database, same text processing, same arithmetic), without its per-call objects: eld keeps each n-gram's
// scores as an object read with for-in and returns every result as a new keyed object (a 500-character window:
// 55-73 us through eld.detect, 20-21 us here). The pieces are eld's own modules, loaded from the installed package
// (its exports map names only the entry files). `eldRanked(t)` equals `eld.detect(t).getScores()`: tested
// on every language's text in src/text/eldscores.test.ts.
const entry = import.meta.resolve('eld/medium');
const { ngramsData } = (await import(new URL('../ngrams/medium.js', entry).href)) as { ngramsData: { languages: Record<string, string>; ngrams: Record<string, Record<string, number>> } };
const { dictionary } = (await import(new URL('../dictionary.js', entry).href)) as { dictionary: string[] };
const { separators } = (await import(new URL('../regexPatterns.js', entry).href)) as { separators: RegExp };

const codes: string[] = [];
for (const [i, code] of Object.entries(ngramsData.languages)) codes[Number(i)] = code;
/** eld subtracted this from every stored n-gram score to make its database smaller. */
const BASE_NGRAM_SCORE = 53;
/** eld's hand-picked scale of raw scores into 0..1. */
const SCALE = 25;
/** eld reads at most this many characters, and of those about this many bytes (to the next space, or a hard cut). */
const MAX_CHARS = 1000;
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;

/** An n-gram's scores as [language, score + base, ...]: what eld's for-in over its score object adds up. */
const compiled = new Map<string, Int32Array>();
function scoresOf(ngram: string): Int32Array | null {
  let c = compiled.get(ngram);
  if (c !== undefined) return c;
  // Unknown n-grams are not remembered (any text has new ones); known ones are at most the database's ~105k.
  if (!Object.prototype.hasOwnProperty.call(ngramsData.ngrams, ngram)) return null;
  const o = ngramsData.ngrams[ngram]!;
  const keys = Object.keys(o);
  c = new Int32Array(keys.length * 2);
  keys.forEach((k, i) => {
    c![i * 2] = Number(k);
    c![i * 2 + 1] = o[k]! + BASE_NGRAM_SCORE;
  });
  compiled.set(ngram, c);
  return c;
}

/** eld's textProcessor + strToUtf8Bytes: lower-cased words as UTF-8 bytes mapped through eld's byte dictionary. */
function byteWords(text: string): string[] {
  const str = text.replace(separators, ' ').trim().toLowerCase();
  const words: string[] = [];
  let encoded = '';
  let count = 0;
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (count > CUT_AFTER) break;
      } else encoded += str[i];
      count++;
    } else if (code < 0x800) {
      encoded += dictionary[0xc0 | (code >> 6)]! + dictionary[0x80 | (code & 0x3f)]!;
      count += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded += dictionary[0xe0 | (code >> 12)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!;
      count += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      encoded += dictionary[0xf0 | (code >> 18)]! + dictionary[0x80 | ((code >> 12) & 0x3f)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!;
      count += 4;
    }
    if (count > ENFORCE_CUT_AFTER) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

/** eld's getByteNgrams: 4-byte n-grams at a stride of 3, word start marked by a space, plus each word's end. */
function byteNgrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    const len = Math.min(word.length, 70);
    let j = 0;
    for (; j + 4 < len; j += 3) out.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    out.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
  }
  return out;
}

/** Per language index: raw sums, then scores; the ranked order and its scores (reused by every call). */
const raw = new Float64Array(codes.length);
const value = new Float64Array(codes.length);
const order = new Int32Array(codes.length);
const rankedScores = new Float64Array(codes.length);

/** eld's language codes by index (the indexes `eldRanked` gives). */
export const eldCodes: readonly string[] = codes;

/**
 * `eld.detect(text).getScores()` as indexes into `eldCodes` and their scores, 0..1: each language with a positive
 * score, best first (ties in eld's language order), none when no n-gram is known. Without a keyed object: `count`
 * entries of `langs` and `scores`, valid until the next call (the arrays are reused).
 */
export function eldRanked(text: string): { count: number; langs: Int32Array; scores: Float64Array } {
  const ngrams = byteNgrams(byteWords(text.substring(0, MAX_CHARS)));
  raw.fill(0);
  for (const ng of ngrams) {
    const s = scoresOf(ng);
    if (s) for (let i = 0; i < s.length; i += 2) raw[s[i]!] += s[i + 1]!;
  }
  const n = ngrams.size;
  let count = 0;
  for (let lang = 0; lang < raw.length; lang++) {
    if (raw[lang]! > 0) {
      const score = raw[lang]! / n;
      order[count] = lang;
      value[lang] = score / (score + SCALE);
      count++;
    }
  }
  // a stable sort by score (ties keep eld's language order): insertion sort, a window scores a few dozen languages
  for (let i = 1; i < count; i++) {
    const lang = order[i]!;
    const v = value[lang]!;
    let j = i - 1;
    while (j >= 0 && value[order[j]!]! < v) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = lang;
  }
  for (let i = 0; i < count; i++) rankedScores[i] = value[order[i]!]!;
  return { count, langs: order, scores: rankedScores };
}
