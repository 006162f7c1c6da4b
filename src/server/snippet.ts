// Search snippets made in JavaScript from an article's text, as SQLite's FTS5 snippet() makes them (the passage
// of N tokens with the most distinct query words, centred on them or begun at a sentence start, the matches
// marked): snippet() on the ranked page's rows costs a second full-text query that walks the words' posting
// lists over the page's span and tokenizes every row's whole text; here the query's tokens are looked up in
// the folded text (indexOf) and only the tokens around them are cut.
// Tokens are as the store's FTS5 tokenizer (unicode61, remove_diacritics 2) cuts them: runs of letters, digits,
// marks and private-use characters; a query word matches a token whatever its case and Latin diacritics.
import os from 'node:os';

// Per UTF-16 unit, built once: whether it is part of a token (letters, digits, marks, private use; surrogates,
// which are mostly letters of other planes), and what it folds to (lower case; a Latin letter with diacritics to
// its base letter). Folding keeps the text's length, so offsets in the folded text are offsets in the text.
let TOK: Uint8Array | null = null;
let FOLD: Uint16Array | null = null;
function tables(): { tok: Uint8Array; fold: Uint16Array } {
  if (TOK && FOLD) return { tok: TOK, fold: FOLD };
  const tok = new Uint8Array(65536);
  const fold = new Uint16Array(65536);
  const tokenChar = /[\p{L}\p{N}\p{M}\p{Co}]/u;
  const marks = /^\p{M}+$/u;
  for (let c = 0; c < 65536; c++) {
    fold[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) {
      tok[c] = 1;
      continue;
    }
    const ch = String.fromCharCode(c);
    tok[c] = tokenChar.test(ch) ? 1 : 0;
    if (!tok[c]) continue;
    const lower = ch.toLowerCase();
    let f = lower.length === 1 ? lower.charCodeAt(0) : c;
    if ((f >= 0xc0 && f <= 0x24f) || (f >= 0x1e00 && f <= 0x1eff)) {
      const d = String.fromCharCode(f).normalize('NFD');
      if (d.length > 1 && marks.test(d.slice(1))) f = d.charCodeAt(0);
    }
    fold[c] = f;
  }
  TOK = tok;
  FOLD = fold;
  return { tok, fold };
}

/** Letters that fold other than by lower case alone: Latin with diacritics (İ among them), and Σ (whose lower case depends on where it stands) */
const FOLDS_MORE = /[\u00c0-\u024f\u1e00-\u1eff\u03a3]/;

function foldText(text: string, fold: Uint16Array): string {
  // most texts: lower case alone folds them (native), the length kept
  if (!FOLDS_MORE.test(text)) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) return lower;
  }
  const buf = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) buf[i] = fold[text.charCodeAt(i)]!;
  // the code units as a string: read as UTF-16 by Buffer (about 3x cheaper than String.fromCharCode over chunks,
  // lone surrogates kept as they are) where the typed array's bytes are little-endian
  if (LITTLE_ENDIAN) return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf16le');
  let out = '';
  for (let i = 0; i < buf.length; i += 8192) out += String.fromCharCode.apply(null, buf.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

const LITTLE_ENDIAN = os.endianness() === 'LE';

export interface SnippetQuery {
  /** per phrase, its tokens folded */
  phrases: string[][];
}

/** The matcher for FTS5 phrases as ftsQuery makes them ('"a" "b""c"'); null when no phrase has a token. */
export function snippetQuery(phrases: string[]): SnippetQuery | null {
  const { fold } = tables();
  const out: string[][] = [];
  for (const p of phrases) {
    const inner = foldText((p.startsWith('"') && p.endsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p).normalize('NFC'), fold);
    const tokens = tokenTexts(inner);
    if (tokens.length) out.push(tokens);
  }
  return out.length ? { phrases: out } : null;
}

interface Match {
  phrase: number;
  start: number;
  end: number;
}

/** Where the phrases are in the text: whole tokens, a phrase's tokens one after another (up to 256 matches). */
function findMatches(text: string, q: SnippetQuery): Match[] {
  const { tok, fold } = tables();
  const folded = foldText(text, fold);
  const n = folded.length;
  const isTok = (i: number) => i >= 0 && i < n && tok[folded.charCodeAt(i)] === 1;
  const out: Match[] = [];
  q.phrases.forEach((tokens, phrase) => {
    for (let at = folded.indexOf(tokens[0]!); at >= 0 && out.length < 256; at = folded.indexOf(tokens[0]!, at + 1)) {
      if (isTok(at - 1)) continue;
      let end = at + tokens[0]!.length;
      let ok = !isTok(end);
      for (let k = 1; ok && k < tokens.length; k++) {
        let i = end;
        while (i < n && !isTok(i)) i++;
        ok = i > end && folded.startsWith(tokens[k]!, i) && !isTok(i + tokens[k]!.length);
        end = i + tokens[k]!.length;
      }
      if (ok) out.push({ phrase, start: at, end });
    }
  });
  out.sort((a, b) => a.start - b.start);
  // overlapping matches (one phrase inside another): the first
  return out.filter((m, i) => i === 0 || m.start >= out[i - 1]!.end);
}

/** The tokens of a (short) text, as strings. */
function tokenTexts(text: string): string[] {
  const tok = tables().tok;
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    while (i < text.length && !tok[text.charCodeAt(i)]) i++;
    const start = i;
    while (i < text.length && tok[text.charCodeAt(i)]) i++;
    if (i > start) out.push(text.slice(start, i));
  }
  return out;
}

// Token offsets found by scanAfter and scanBefore, reused from call to call (makeSnippet runs to its end
// unbroken, so one pair serves): a window's tokens without an array per token.
let STARTS = new Int32Array(64);
let ENDS = new Int32Array(64);

/** Room in STARTS/ENDS for a window of `n` tokens (a text of L units holds at most (L + 1) / 2, whatever n asks). */
function room(text: string, n: number): void {
  const need = Math.min(Math.ceil(n), (text.length >> 1) + 1);
  if (STARTS.length < need) {
    STARTS = new Int32Array(need);
    ENDS = new Int32Array(need);
  }
}

/** Up to `n` tokens from char offset `from` on, into STARTS/ENDS from index `into`, in text order; how many. */
function scanAfter(text: string, tok: Uint8Array, from: number, n: number, into = 0): number {
  let got = 0;
  for (let i = from; got < n && i < text.length; ) {
    while (i < text.length && !tok[text.charCodeAt(i)]) i++;
    const start = i;
    while (i < text.length && tok[text.charCodeAt(i)]) i++;
    if (i > start) {
      STARTS[into + got] = start;
      ENDS[into + got++] = i;
    }
  }
  return got;
}

/** Up to `n` tokens that end at or before char offset `to`, into STARTS/ENDS nearest first; how many. */
function scanBefore(text: string, tok: Uint8Array, to: number, n: number): number {
  let got = 0;
  for (let i = to; got < n && i > 0; ) {
    while (i > 0 && !tok[text.charCodeAt(i - 1)]) i--;
    const end = i;
    while (i > 0 && tok[text.charCodeAt(i - 1)]) i--;
    if (end > i) {
      STARTS[got] = i;
      ENDS[got++] = end;
    }
  }
  return got;
}

/** Where the `n`th token from char offset `from` on ends (STARTS/ENDS left as they are). */
function nthEnd(text: string, tok: Uint8Array, from: number, n: number): number {
  let i = from;
  for (let got = 0; got < n; got++) {
    while (i < text.length && !tok[text.charCodeAt(i)]) i++;
    while (i < text.length && tok[text.charCodeAt(i)]) i++;
  }
  return i;
}

/** Whether a token comes before char offset `at` (only the gap before it is read when it is a token's start). */
function tokenBefore(text: string, tok: Uint8Array, at: number): boolean {
  for (let j = at - 1; j >= 0; j--) if (tok[text.charCodeAt(j)]) return true;
  return false;
}

/** Whether a token comes at or after char offset `at`. */
function tokenAfter(text: string, tok: Uint8Array, at: number): boolean {
  for (let j = at; j < text.length; j++) if (tok[text.charCodeAt(j)]) return true;
  return false;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Whether the token at `start` begins a sentence by FTS5's rule: "." or ":", then white space, before it. */
function afterSentenceEnd(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  if (j === start - 1 || j < 0) return false;
  const c = text.charCodeAt(j);
  return c === 46 || c === 58;
}

/** Index of the first match that starts at or after char offset `at` (matches are sorted by start). */
function firstMatchFrom(matches: Match[], at: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * FTS5's score of a window whose first match is matches[from] and whose last token ends at char offset `end`:
 * 1000 per distinct phrase, 1 per repeat. Match starts are token starts (folding never turns a token character
 * into another kind), so the window's matches are those from `from` that start before `end`.
 */
function score(matches: Match[], from: number, end: number): number {
  let s = 0;
  for (let i = from; i < matches.length && matches[i]!.start < end; i++) {
    // a window holds at most one match per token: looking back over it is cheaper than a set
    let repeat = false;
    for (let j = from; j < i && !repeat; j++) repeat = matches[j]!.phrase === matches[i]!.phrase;
    s += repeat ? 1 : 1000;
  }
  return s;
}

/**
 * The passage of `text` with the query's matches marked between `open` and `close`, `nToken` tokens long (a
 * whole number), with `ellipsis` where it cuts the text (what snippet(…, open, close, ellipsis, nToken) returns
 * for the column).
 */
export function makeSnippet(text: string, q: SnippetQuery, open: string, close: string, ellipsis: string, nToken: number): string {
  if (!(nToken > 0)) return '';
  const tok = tables().tok;
  room(text, nToken);
  const matches = findMatches(text, q);
  // the window starting at a match's token, and the one starting at the sentence start before it (FTS5 scores
  // 1000 per distinct phrase, 1 per repeat, and 100 more (120 at the text's start) for a sentence start); a
  // window is kept as the char offsets of its first token's start and its last token's end
  let best = -1;
  let bestStart = 0;
  let bestEnd = 0;
  let bestSpan = 0;
  let bestCentre = false;
  // the previous candidate's match and sentence start
  let prevStart = -1;
  let prevAt = 0;
  let prevFirst = false;
  let prevCount = 0;
  // STARTS/ENDS[0, got) hold the previous candidate's window (from its match on): a candidate within it keeps
  // the tokens from its own match on, walks them back to a sentence start, and scans only what follows them
  let got = 0;
  const CANDIDATES = 32;
  for (let i = 0; i < matches.length && i < CANDIDATES; i++) {
    const m = matches[i]!;
    // its token's index in that window (a match starts a token), or 0: not in it
    let k = 0;
    if (got && m.start < ENDS[got - 1]!) for (k = got - 1; k > 0 && STARTS[k] !== m.start; k--);
    // the latest sentence start before the match, however far (unless the match begins one), and how many
    // tokens from it to the match; a walk reaching the previous candidate's match goes on as its walk did
    let at = m.start;
    let first = false;
    let count = 0;
    if (k) {
      let t = k;
      while (t > 0 && !afterSentenceEnd(text, STARTS[t]!)) t--;
      if (t > 0) {
        at = STARTS[t]!;
        count = k - t;
      } else {
        at = prevAt;
        first = prevFirst;
        count = k + prevCount;
      }
      STARTS.copyWithin(0, k, got);
      ENDS.copyWithin(0, k, got);
      got -= k;
      got += scanAfter(text, tok, ENDS[got - 1]!, nToken - got, got);
    } else {
      // walked back a token at a time in the text
      for (;;) {
        if (afterSentenceEnd(text, at)) break;
        let j = at - 1;
        while (j >= 0 && !tok[text.charCodeAt(j)]) j--;
        if (j < 0) {
          first = true;
          break;
        }
        while (j >= 0 && tok[text.charCodeAt(j)]) j--;
        at = j + 1;
        count++;
        if (at === prevStart) {
          at = prevAt;
          first = prevFirst;
          count += prevCount;
          break;
        }
      }
      got = scanAfter(text, tok, m.start, nToken);
    }
    prevStart = m.start;
    prevAt = at;
    prevFirst = first;
    prevCount = count;
    const end = ENDS[got - 1]!;
    const s = score(matches, i, end);
    if (s > best) {
      best = s;
      bestStart = m.start;
      bestEnd = end;
      bestCentre = true;
      // for centring: how many of its tokens its matches take, to the last one's end (nToken at most)
      let last = m.end;
      for (let j = i + 1; j < matches.length && matches[j]!.start < end; j++) last = matches[j]!.end;
      bestSpan = 0;
      while (bestSpan < got && STARTS[bestSpan]! < last) bestSpan++;
    }
    if (at === m.start) continue;
    // the sentence's window: its `count` tokens before the match, then the match's window's first ones (all of
    // them when the text ends sooner); or, from a sentence of nToken tokens or more before the match, none
    const end2 = count < nToken ? ENDS[Math.min(nToken - count, got) - 1]! : nthEnd(text, tok, at, nToken);
    const s2 = score(matches, firstMatchFrom(matches, at), end2) + (first ? 120 : 100);
    if (s2 > best) {
      best = s2;
      bestStart = at;
      bestEnd = end2;
      bestCentre = false;
    }
  }
  let start: number;
  let end: number;
  if (best < 0) {
    // no match: the text's first tokens
    const got = scanAfter(text, tok, 0, nToken);
    if (!got) return '';
    start = STARTS[0]!;
    end = ENDS[got - 1]!;
  } else if (!bestCentre) {
    start = bestStart;
    end = bestEnd;
  } else {
    // centred on the window's matches: as many tokens before the first as the matches leave free, halved
    const first = bestStart;
    const back = Math.floor((nToken - bestSpan) / 2);
    const lead = back > 0 ? scanBefore(text, tok, first, back) : 0;
    start = lead ? STARTS[lead - 1]! : first;
    const n = scanAfter(text, tok, start, nToken);
    if (n < nToken) {
      // the text ends within the window: it ends the passage, which then begins nToken tokens before its end
      const tail = scanBefore(text, tok, text.length, nToken);
      start = STARTS[tail - 1]!;
      end = ENDS[0]!;
    } else end = ENDS[n - 1]!;
  }
  // a passage from the first token starts at the text's start
  const from = tokenBefore(text, tok, start) ? start : 0;
  const atEnd = !tokenAfter(text, tok, end);
  const to = atEnd ? text.length : end;
  let out = '';
  let at = from;
  for (const m of matches) {
    // matches are sorted by start: none after the passage's end is in it
    if (m.start >= end) break;
    // a phrase cut by the passage's edge is marked as far as the passage goes
    const a = Math.max(m.start, start);
    const b = Math.min(m.end, end);
    if (a >= b) continue;
    out += text.slice(at, a) + open + text.slice(a, b) + close;
    at = b;
  }
  out += text.slice(at, to);
  return (from === 0 ? '' : ellipsis) + out + (atEnd ? '' : ellipsis);
}
