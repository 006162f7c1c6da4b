// SQLite: the search's ranking, FTS5's bm25(articles_fts, 5.0, 1.0), computed here from what bm25() reads, kept
// per phrase. bm25() decodes every match's position lists and looks its row's size up in the index on every query
// (about a microsecond per match: most of a search's time), while what it reads changes only when articles are
// added: a phrase's rows and its weighted count in each (read once per phrase, then only the articles added since),
// the rows' sizes (read once per row) and the index's row and token counts. The score is bm25()'s formula with the
// same operations in the same order and the logarithm from SQLite's own ln(): bit for bit the same numbers, so the
// same order (test/server-search.test.ts compares them). Only for phrases of ASCII letters and digits (one token,
// which the unicode61 tokenizer cuts and folds to lower case, nothing else), with at most KEEP_ROWS rows; any other
// query, a store written to while it is read, or a connection inside a transaction is ranked by FTS5 as before.
import type Database from 'better-sqlite3';
import { prepared as stmt } from '../store/bulk.ts';
import { Lru } from '../util/lru.ts';
import { readDoclist, varintAt } from './fts5doclist.ts';

/** bm25(articles_fts, 5.0, 1.0): the title's instances weigh 5, the text's 1 (the table's columns: title, text) */
const TITLE_WEIGHT = 5.0;
const TEXT_WEIGHT = 1.0;
/** a phrase in more rows than this is ranked by FTS5 (what is kept of it would be large, and it is read whole) */
const KEEP_ROWS = 50_000;
/** rows' sizes are read in blocks of this many rowids */
const CHUNK = 1 << 15;

/** What bm25() reads of one phrase: its rows up to `upTo` (ascending) and its weighted count in each. */
export interface PhraseRows {
  upTo: number;
  n: number;
  rows: Int32Array;
  freq: Float64Array;
  /** ln()'s IDF for the index's row count it was computed at */
  idf?: { nRow: number; n: number; value: number };
}

interface State {
  phrases: Lru<PhraseRows | 'many'>;
  /** rows' total sizes in tokens by rowid (-1: not read) */
  sizes: Int32Array;
  /** per CHUNK of rowids, the highest rowid whose size has been read */
  chunkTop: number[];
  /** the temporary fts5vocab table could not be made (or ln() is missing): FTS5 ranks */
  off: boolean;
}

let states = new WeakMap<Database.Database, State>();

const INSTANCES = 'kabar_fts_instances';

function state(db: Database.Database): State | null {
  let s = states.get(db);
  if (!s) {
    s = { phrases: new Lru<PhraseRows | 'many'>(1 << 20, (p) => (p === 'many' ? 1 : 1 + p.n)), sizes: new Int32Array(0), chunkTop: [], off: false };
    try {
      // the index's instances as a table (in the connection's temporary schema: the store is not written)
      db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${INSTANCES} USING fts5vocab(main, articles_fts, instance)`);
      stmt(db, 'SELECT ln(2.0)').get();
    } catch {
      s.off = true;
    }
    states.set(db, s);
  }
  return s.off ? null : s;
}

/** Forget what is kept (tests). */
export function clearRankCaches(): void {
  states = new WeakMap();
}

/**
 * The rows of each phrase (as ftsQuery writes them: '"word"') up to `newest`, or null when one of them is not
 * ranked here (see the top of this file). `read`: false to take only phrases already kept up to `newest`.
 */
export function phraseRows(db: Database.Database, phrases: string[], newest: number, read = true): PhraseRows[] | null {
  // inside a transaction on this connection rows can still be rolled back: nothing read there is kept
  if (db.inTransaction || !phrases.length) return null;
  const st = state(db);
  if (!st) return null;
  const terms: string[] = [];
  for (const p of phrases) {
    const m = /^"([A-Za-z0-9]+)"$/.exec(p);
    if (!m) return null;
    const term = m[1]!.toLowerCase();
    const known = st.phrases.get(term);
    if (!read && (!known || known === 'many' || known.upTo !== newest)) return null;
    terms.push(term);
  }
  const out: PhraseRows[] = [];
  for (const term of terms) {
    const known = st.phrases.get(term);
    if (known === 'many') return null;
    if (known && known.upTo > newest) return null;
    const k = known && known.upTo === newest ? known : readPhrase(db, term, known, newest);
    if (!k) {
      st.phrases.set(term, 'many');
      return null;
    }
    if (k !== known) st.phrases.set(term, k);
    out.push(k);
  }
  return out;
}

/** `had` brought up to `newest` (the articles added since: rows are only ever added), or null past KEEP_ROWS. */
function readPhrase(db: Database.Database, term: string, had: PhraseRows | undefined, newest: number): PhraseRows | null {
  const from = had?.upTo ?? 0;
  let n = had?.n ?? 0;
  // copies: a kept phrase may be in use by a query that read it at its own `upTo`
  let rows = had ? had.rows.slice() : new Int32Array(16);
  let freq = had ? had.freq.slice() : new Float64Array(16);
  /** a row's weighted count, added after the rows before it (false: past KEEP_ROWS, or out of order) */
  const add = (r: number, f: number): boolean => {
    if (n && r <= rows[n - 1]!) return false;
    if (n === rows.length) {
      if (n >= KEEP_ROWS) return false;
      const more = new Int32Array(n * 2);
      more.set(rows);
      rows = more;
      const fs = new Float64Array(n * 2);
      fs.set(freq);
      freq = fs;
    }
    rows[n] = r;
    freq[n] = f;
    n++;
    return true;
  };
  // the index's pages read here (fts5doclist.ts) when it knows their form
  const direct = readDoclist(db, term, from, newest, KEEP_ROWS - n);
  if (direct === 'many') return null;
  if (direct) {
    for (let i = 0; i < direct.rows.length; i++) if (!add(direct.rows[i]!, direct.title[i]! * TITLE_WEIGHT + direct.text[i]! * TEXT_WEIGHT)) return null;
    return { upTo: newest, n, rows, freq };
  }
  // else the vocabulary table: one string for all instances (a row per instance costs more than the index's own
  // walk): the rowid, negative for an instance in the title; in rowid order
  const list = stmt(db, `SELECT group_concat(CASE col WHEN 'title' THEN -doc ELSE doc END) FROM temp.${INSTANCES} WHERE term = ? AND doc > ? AND doc <= ?`, 'pluck')
    .get(term, from, newest) as string | null;
  if (list) {
    let last = n ? rows[n - 1]! : 0;
    // "12,-12,40,...": digits by hand (no substring per number)
    for (let i = 0; i < list.length; i++) {
      let neg = false;
      if (list.charCodeAt(i) === 45) {
        neg = true;
        i++;
      }
      let r = 0;
      for (let c = list.charCodeAt(i); c >= 48 && c <= 57; c = list.charCodeAt(++i)) r = r * 10 + (c - 48);
      const w = neg ? TITLE_WEIGHT : TEXT_WEIGHT;
      if (r === last) freq[n - 1] = freq[n - 1]! + w;
      else {
        // the instances come in rowid order; anything else and FTS5 ranks
        if (!add(r, w)) return null;
        last = r;
      }
    }
  }
  return { upTo: newest, n, rows, freq };
}

/** The rows that have every phrase, newest first. */
export function rowsWithAll(ps: PhraseRows[]): number[] {
  const [first, ...rest] = [...ps].sort((a, b) => a.n - b.n);
  const out: number[] = [];
  // from the newest down: the smallest list's rows, each looked for in the others (they only move down)
  const at = rest.map((p) => p.n - 1);
  outer: for (let i = first!.n - 1; i >= 0; i--) {
    const r = first!.rows[i]!;
    for (let k = 0; k < rest.length; k++) {
      const rows = rest[k]!.rows;
      let j = at[k]!;
      while (j >= 0 && rows[j]! > r) j--;
      at[k] = j;
      if (j < 0) break outer;
      if (rows[j] !== r) continue outer;
    }
    out.push(r);
  }
  return out;
}

const hexDigit = (c: number) => (c <= 57 ? c - 48 : c - 55);

/**
 * The sum of SQLite's varints (big-endian groups of 7 bits, a 9th byte of 8 bits) written in hex, from `i` to
 * `end`, character by character: a block of row sizes is tens of thousands of records in one string.
 */
function varintSum(hex: string, i: number, end: number): number {
  let sum = 0;
  let v = 0;
  let k = 0;
  for (; i < end; i += 2) {
    const byte = (hexDigit(hex.charCodeAt(i)) << 4) | hexDigit(hex.charCodeAt(i + 1));
    if (k === 8) v = v * 256 + byte;
    else v = v * 128 + (byte & 0x7f);
    if (k === 8 || !(byte & 0x80)) {
      sum += v;
      v = k = 0;
    } else k++;
  }
  return sum;
}

/** A row's size in tokens, all columns (what bm25() reads with xColumnSize(-1)); -1 when the index has no such row. */
function rowSize(db: Database.Database, st: State, r: number, newest: number): number {
  const c = Math.floor(r / CHUNK);
  const top = st.chunkTop[c] ?? c * CHUNK - 1;
  if (r > top) {
    const to = Math.min((c + 1) * CHUNK - 1, newest);
    if (st.sizes.length <= to) {
      const more = new Int32Array(Math.max(st.sizes.length * 2, (c + 1) * CHUNK)).fill(-1);
      more.set(st.sizes);
      st.sizes = more;
    }
    // a block of rows at once, as one string ("rowid:hex of the size record,...")
    const list = stmt(db, "SELECT group_concat(id || ':' || hex(sz)) FROM articles_fts_docsize WHERE id > ? AND id <= ?", 'pluck').get(top, to) as string | null;
    if (list) {
      // by hand, character by character (a block is tens of thousands of rows)
      for (let i = 0; i < list.length; i++) {
        let id = 0;
        for (let c = list.charCodeAt(i); c !== 58; c = list.charCodeAt(++i)) id = id * 10 + (c - 48);
        let end = list.indexOf(',', ++i);
        if (end < 0) end = list.length;
        st.sizes[id] = varintSum(list, i, end);
        i = end;
      }
    }
    st.chunkTop[c] = to;
  }
  return r < st.sizes.length ? st.sizes[r]! : -1;
}

/** The row count and token total of FTS5's averages record; null when it is malformed or counts no row (FTS5 ranks then). */
function averages(b: Uint8Array): { nRow: number; nToken: number } | null {
  const rec = { i: 0 };
  try {
    const nRow = varintAt(b, rec, b.length);
    let nToken = 0;
    while (rec.i < b.length) nToken += varintAt(b, rec, b.length);
    return nRow > 0 ? { nRow, nToken } : null;
  } catch {
    return null;
  }
}

/**
 * bm25(articles_fts, 5.0, 1.0) of each of `candidates` (rows that have every phrase, newest first, rowids up to
 * `newest`) for the query of these phrases, given to `each`; false when the index holds rows the kept phrases do not
 * (written since `newest` was read): FTS5 ranks then.
 */
function bm25(db: Database.Database, ps: PhraseRows[], candidates: readonly number[], newest: number, each: (r: number, score: number) => void): boolean {
  const st = state(db);
  if (!st || db.inTransaction) return false;
  // the index's row count and token totals (its averages record: varints) and its newest row, read together
  const head = stmt(db, 'SELECT (SELECT block FROM articles_fts_data WHERE id = 1) AS b, (SELECT max(id) FROM articles_fts_docsize) AS m').get() as { b: Buffer | null; m: number | null };
  if (!head.b || head.m !== newest) return false;
  const totals = averages(head.b);
  if (!totals) return false;
  const { nRow, nToken } = totals;
  // fts5Bm25Function (SQLite's fts5_aux.c), operation for operation
  const avgdl = nToken / nRow;
  // IDF = log((N - nHit + 0.5) / (nHit + 0.5)), a small positive value when that is not positive
  const idf = ps.map((p) => {
    if (p.idf?.nRow !== nRow || p.idf.n !== p.n) {
      let value = stmt(db, 'SELECT ln(?)', 'pluck').get((nRow - p.n + 0.5) / (p.n + 0.5)) as number;
      if (value <= 0.0) value = 1e-6;
      p.idf = { nRow, n: p.n, value };
    }
    return p.idf.value;
  });
  const k1 = 1.2;
  const b = 0.75;
  // each phrase's rows are walked from their end, as the candidates come
  const at = ps.map((p) => p.n - 1);
  let prev = Infinity;
  for (const r of candidates) {
    if (!(r < prev)) return false;
    prev = r;
    const D = rowSize(db, st, r, newest);
    if (D < 0) return false;
    let score = 0.0;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      let j = at[i]!;
      while (j >= 0 && p.rows[j]! > r) j--;
      at[i] = j;
      const f = j >= 0 && p.rows[j] === r ? p.freq[j]! : 0;
      score += idf[i]! * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + (b * D) / avgdl)));
    }
    each(r, -1.0 * score);
  }
  return true;
}

/** The scores bm25(articles_fts, 5.0, 1.0) gives `candidates` (as rankRows takes them), or null as there. */
export function bm25Scores(db: Database.Database, ps: PhraseRows[], candidates: readonly number[], newest: number): number[] | null {
  const out: number[] = [];
  return bm25(db, ps, candidates, newest, (_, s) => out.push(s)) ? out : null;
}

/**
 * `candidates` (rows that have every phrase, newest first, rowids up to `newest`) in the order of
 * `ORDER BY bm25(articles_fts, 5.0, 1.0), rowid` for the query of these phrases, from `offset`, `limit` of them; null
 * when FTS5 is to rank them (see bm25).
 */
export function rankRows(db: Database.Database, ps: PhraseRows[], candidates: readonly number[], newest: number, limit: number, offset: number): number[] | null {
  // the best `offset + limit` so far, in order (the candidates are many, the page short: no full sort)
  const want = offset + limit;
  const topR: number[] = [];
  const topS: number[] = [];
  const ok = bm25(db, ps, candidates, newest, (r, s) => {
    // ORDER BY bm25(...), rowid: the lower score first, then the lower rowid
    if (topR.length === want && !(s < topS[want - 1]! || (s === topS[want - 1]! && r < topR[want - 1]!))) return;
    let k = topR.length;
    while (k > 0 && (s < topS[k - 1]! || (s === topS[k - 1]! && r < topR[k - 1]!))) k--;
    topR.splice(k, 0, r);
    topS.splice(k, 0, s);
    if (topR.length > want) {
      topR.pop();
      topS.pop();
    }
  });
  return ok ? topR.slice(offset) : null;
}
