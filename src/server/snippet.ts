// Search snippets made in JavaScript from an article's text, as SQLite's FTS5 snippet() makes them (the passage
// of N tokens with the most distinct query words, centred on them or begun at a sentence start, the matches
// marked): snippet() on the ranked page's rows costs a second full-text query that walks the words' posting
// lists over the page's span and tokenizes every row's whole text; here the query's tokens are looked up in
// the folded text (indexOf) and only the tokens around them are cut.
// Tokens are as the store's FTS5 tokenizer (unicode61, remove_diacritics 2) cuts them: runs of letters, digits,
// marks and private-use characters; a query word matches a token whatever its case and Latin diacritics.


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
  let out = '';
  for (let i = 0; i < buf.length; i += 8192) out += String.fromCharCode.apply(null, buf.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

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
    const tokens = tokensAfter(inner, 0, Infinity).map(([a, b]) => inner.slice(a, b));
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

/** Up to `n` tokens from char offset `from` on: their [start, end) offsets. */
function tokensAfter(text: string, from: number, n: number): Array<[number, number]> {
  const tok = tables().tok;
  const out: Array<[number, number]> = [];
  for (let i = from; out.length < n && i < text.length; ) {
    while (i < text.length && !tok[text.charCodeAt(i)]) i++;
    const start = i;
    while (i < text.length && tok[text.charCodeAt(i)]) i++;
    if (i > start) out.push([start, i]);
  }
  return out;
}

/** Up to `n` tokens that end at or before char offset `to`, in text order. */
function tokensBefore(text: string, to: number, n: number): Array<[number, number]> {
  const tok = tables().tok;
  const out: Array<[number, number]> = [];
  for (let i = to; out.length < n && i > 0; ) {
    while (i > 0 && !tok[text.charCodeAt(i - 1)]) i--;
    const end = i;
    while (i > 0 && tok[text.charCodeAt(i - 1)]) i--;
    if (end > i) out.push([i, end]);
  }
  return out.reverse();
}

/**
 * The latest token at or before the token at `start` that begins a sentence (FTS5's rule: the first token, or one
 * after "." or ":" and white space), and whether it is the text's first token.
 */
function sentenceBefore(text: string, start: number): { at: number; first: boolean } {
  const tok = tables().tok;
  for (let at = start; ; ) {
    let j = at - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j--;
    if (j !== at - 1 && j >= 0 && (text[j] === '.' || text[j] === ':')) return { at, first: false };
    // the token before
    while (j >= 0 && !tok[text.charCodeAt(j)]) j--;
    if (j < 0) return { at, first: true };
    while (j >= 0 && tok[text.charCodeAt(j)]) j--;
    at = j + 1;
  }
}

/** Whether the token at `start` is the text's first. */
const firstToken = (text: string, start: number) => tokensBefore(text, start, 1).length === 0;

/**
 * The passage of `text` with the query's matches marked between `open` and `close`, `nToken` tokens long, with
 * `ellipsis` where it cuts the text (what snippet(…, open, close, ellipsis, nToken) returns for the column).
 */
export function makeSnippet(text: string, q: SnippetQuery, open: string, close: string, ellipsis: string, nToken: number): string {
  const matches = findMatches(text, q);
  // the window starting at a match's token, and the one starting at the sentence start before it (FTS5 scores
  // 1000 per distinct phrase, 1 per repeat, and 100 more (120 at the text's start) for a sentence start)
  let best = -1;
  let bestTokens: Array<[number, number]> = [];
  let bestCentre = false;
  const score = (window: Array<[number, number]>) => {
    if (!window.length) return { s: 0, first: -1, last: -1 };
    const end = window[window.length - 1]![1];
    const seen = new Set<number>();
    let s = 0;
    let first = -1;
    let last = -1;
    for (const m of matches) {
      if (m.start < window[0]![0] || m.start >= end) continue;
      s += seen.has(m.phrase) ? 1 : 1000;
      seen.add(m.phrase);
      if (first < 0) first = m.start;
      last = m.end;
    }
    return { s, first, last };
  };
  const CANDIDATES = 32;
  for (const m of matches.slice(0, CANDIDATES)) {
    const window = tokensAfter(text, m.start, nToken);
    const { s } = score(window);
    if (s > best) {
      best = s;
      bestTokens = window;
      bestCentre = true;
    }
    // the latest sentence start before the match, however far (unless the match begins one)
    const sb = sentenceBefore(text, m.start);
    if (sb.at === m.start) continue;
    const w = tokensAfter(text, sb.at, nToken);
    const s2 = score(w).s + (sb.first ? 120 : 100);
    if (s2 > best) {
      best = s2;
      bestTokens = w;
      bestCentre = false;
    }
  }
  let window: Array<[number, number]>;
  if (best < 0) window = tokensAfter(text, 0, nToken);
  else if (!bestCentre) window = bestTokens;
  else {
    // centred on the window's matches: as many tokens before the first as the matches leave free, halved
    const { first, last } = score(bestTokens);
    const span = tokensAfter(text.slice(0, last), first, nToken).length;
    const back = Math.floor((nToken - span) / 2);
    const lead = back > 0 ? tokensBefore(text, first, back) : [];
    const startAt = lead.length ? lead[0]![0] : first;
    window = tokensAfter(text, startAt, nToken);
    if (window.length < nToken) {
      // the text ends within the window: it ends the passage, which then begins nToken tokens before its end
      const tail = tokensBefore(text, text.length, nToken);
      window = tail;
    }
  }
  if (!window.length) return '';
  // a passage from the first token starts at the text's start
  const from = firstToken(text, window[0]![0]) ? 0 : window[0]![0];
  const lastTok = window[window.length - 1]!;
  const atEnd = !tokensAfter(text, lastTok[1], 1).length;
  const to = atEnd ? text.length : lastTok[1];
  let out = '';
  let at = from;
  for (const m of matches) {
    // a phrase cut by the passage's edge is marked as far as the passage goes
    const a = Math.max(m.start, window[0]![0]);
    const b = Math.min(m.end, lastTok[1]);
    if (a >= b) continue;
    out += text.slice(at, a) + open + text.slice(a, b) + close;
    at = b;
  }
  out += text.slice(at, to);
  return (from === 0 ? '' : ellipsis) + out + (atEnd ? '' : ellipsis);
}
