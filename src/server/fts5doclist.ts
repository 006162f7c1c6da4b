// SQLite: one term's matches read straight from the search index's pages (FTS5's %_data and %_idx tables), for the
// ranking in rank.ts. Its other way, the fts5vocab 'instance' table, costs the virtual table's row machinery per
// instance (about 0.15 ms for a word in 300 articles: most of a new query's ranking); the same pages decoded here
// cost a few blob reads. The formats are FTS5's (described at the top of SQLite's fts5_index.c): the structure
// record lists the segments, each segment's %_idx rows point at the leaf where a term starts, and a leaf holds
// prefix-compressed terms each followed by its doclist (rowid deltas, each with a position list whose column
// markers tell the title's instances from the text's). Anything this reader does not expect (a version 2
// structure, a delete marker, a rowid in two segments, bytes past a page's end) gives null: the caller then reads
// the vocabulary table, so results never depend on this reader being right about an unusual index.
import type Database from 'better-sqlite3';
import { prepared as stmt } from '../store/bulk.ts';

/** The term's rows in (from, upTo], ascending, with its instance count per column (title, text) in each. */
export interface TermDoclist {
  rows: number[];
  title: number[];
  text: number[];
}

/** %_data rowid of a segment's leaf page (fts5_index.c FTS5_SEGMENT_ROWID: segid << 37 | pgno) */
const leafId = (segid: number, pgno: number) => (BigInt(segid) << 37n) | BigInt(pgno);

/** Thrown inside the reader when the index is not as expected (never escapes readDoclist). */
class Unexpected extends Error {}
/** Thrown inside the reader when the term has more rows than the caller keeps (never escapes readDoclist). */
class TooMany extends Error {}

/** One leaf page: its bytes, number, data size and term offsets. */
interface Page {
  buf: Buffer;
  pgno: number;
  /** size of the page without its footer (the term offsets) */
  szLeaf: number;
  /** the page's term offsets (absolute), from its footer */
  terms: number[];
}

/**
 * The SQLite varint at `at.i` in `buf` (7 bits per byte, big-endian, a 9th byte of 8 bits; values here stay far
 * below 2^53), `at.i` moved past it; bytes at or past `end` are not the record's.
 */
export function varintAt(buf: Uint8Array, at: { i: number }, end: number): number {
  let v = 0;
  for (let k = 0; k < 9; k++) {
    if (at.i >= end) throw new Unexpected();
    const b = buf[at.i++]!;
    if (k === 8) return v * 256 + b;
    v = v * 128 + (b & 0x7f);
    if (b < 0x80) return v;
  }
  return v;
}

function loadPage(db: Database.Database, segid: number, pgno: number): Page | null {
  const buf = stmt(db, 'SELECT block FROM articles_fts_data WHERE id = ?', 'pluck').get(leafId(segid, pgno)) as Buffer | undefined;
  if (!buf) return null;
  if (buf.length < 4) throw new Unexpected();
  const szLeaf = buf.readUInt16BE(2);
  if (szLeaf < 4 || szLeaf > buf.length) throw new Unexpected();
  const terms: number[] = [];
  const at = { i: szLeaf };
  let off = 0;
  while (at.i < buf.length) terms.push((off += varintAt(buf, at, buf.length)));
  return { buf, pgno, szLeaf, terms };
}

/** The index's segments (segid, first and last leaf), or null for a structure this reader does not know. */
function segments(db: Database.Database): Array<[number, number, number]> | null {
  const buf = stmt(db, 'SELECT block FROM articles_fts_data WHERE id = 10', 'pluck').get() as Buffer | undefined;
  if (!buf || buf.length < 8) return null;
  // after the 4-byte cookie: a version 2 structure (contentless-delete tables) begins with ff 00 00 01
  if (buf[4] === 0xff && buf[5] === 0x00 && buf[6] === 0x00 && buf[7] === 0x01) return null;
  const at = { i: 4 };
  const next = () => varintAt(buf, at, buf.length);
  const nLevel = next();
  next(); // total segments
  next(); // write counter
  const out: Array<[number, number, number]> = [];
  for (let l = 0; l < nLevel; l++) {
    next(); // segments in an ongoing merge (their consumed part is trimmed: no row is in two)
    const n = next();
    for (let s = 0; s < n; s++) out.push([next(), next(), next()]);
  }
  return at.i === buf.length ? out : null;
}

/**
 * One segment's doclist of `key` ('0' + term: the main index's prefix byte), rows in (from, upTo]; null when the
 * segment does not have the term.
 */
function readSegment(db: Database.Database, seg: [number, number, number], key: Buffer, from: number, upTo: number, max: number): TermDoclist | null {
  const [segid, first, last] = seg;
  // the leaf where the term would start: the last %_idx entry at or before it (pgno holds the leaf << 1 | a flag)
  const found = stmt(db, 'SELECT pgno FROM articles_fts_idx WHERE segid = ? AND term <= ? ORDER BY term DESC LIMIT 1', 'pluck').get(segid, key) as number | undefined;
  let pgno = found === undefined ? first : found >> 1;
  if (pgno < first) pgno = first;
  if (pgno > last) return null;
  let page = loadPage(db, segid, pgno);
  if (!page) throw new Unexpected();
  // the terms on the leaf, in order: the first written whole, each other as (bytes shared with the one before, new
  // bytes). Compared as FTS5's own seek does, without building them: `matched` bytes of the key equal the term's.
  let matched = 0;
  let start = -1;
  let k = 0;
  const at = { i: 0 };
  for (; k < page.terms.length; k++) {
    at.i = page.terms[k]!;
    const keep = k === 0 ? 0 : varintAt(page.buf, at, page.szLeaf);
    const n = varintAt(page.buf, at, page.szLeaf);
    const suffix = at.i;
    at.i += n;
    if (at.i > page.szLeaf) throw new Unexpected();
    // shares more with the term before than that one with the key: smaller than the key, as it was
    if (keep > matched) continue;
    // differs from the term before where that one still equalled the key, and is larger: larger than the key
    if (keep < matched) return null;
    let i = 0;
    while (i < n && matched + i < key.length && page.buf[suffix + i] === key[matched + i]) i++;
    matched += i;
    if (i === n && matched === key.length) {
      start = at.i;
      break;
    }
    // past the key (a larger byte, or longer than it): the segment does not have it
    if (i < n && (matched === key.length || page.buf[suffix + i]! > key[matched]!)) return null;
  }
  if (start < 0) return null;
  const out: TermDoclist = { rows: [], title: [], text: [] };
  // the doclist runs to the next term on this leaf, or over the following leaves (to the first term on one).
  // The loop below works on locals (the page's bytes, the cursor, the end): it runs once per row and byte.
  let buf = page.buf;
  const cur = { i: start };
  let end = k + 1 < page.terms.length ? page.terms[k + 1]! : page.szLeaf;
  /** moves to the next leaf of a doclist that goes on (false: the doclist ended with this leaf's data) */
  const nextPage = (): boolean => {
    if (end < page!.szLeaf || page!.pgno >= last) return false;
    const next = loadPage(db, segid, page!.pgno + 1);
    if (!next) throw new Unexpected();
    page = next;
    buf = next.buf;
    cur.i = 4;
    end = next.terms.length ? next.terms[0]! : next.szLeaf;
    return true;
  };
  const read = () => varintAt(buf, cur, end);
  let rowid = 0;
  // after a move to the next leaf: the next rowid is the leaf's first, written whole where its header says
  let fresh = false;
  // the term ended its leaf: its first rowid is on the next
  if (cur.i >= end) {
    if (!nextPage()) return out;
    fresh = true;
  }
  for (;;) {
    if (fresh) {
      const at = buf.readUInt16BE(0);
      // no rowid on the leaf before its first term: the doclist ended (nothing may be left unread before that)
      if (at === 0 || at >= end) {
        if (cur.i !== end) throw new Unexpected();
        return out;
      }
      if (cur.i !== at) throw new Unexpected();
      rowid = read();
      fresh = false;
    } else rowid += read();
    const size = read();
    // a delete marker: what the row holds is decided across segments, which this reader does not do
    if (size & 1) throw new Unexpected();
    let bytes = size >> 1;
    let col = 0;
    let title = 0;
    let text = 0;
    // inside a varint of several bytes (its later bytes can be 0x01 too); after a column marker (its number next)
    let within = false;
    let marker = false;
    while (bytes > 0) {
      // a position list can go on to the next leaf (split between varints)
      if (cur.i >= end) {
        if (!nextPage()) throw new Unexpected();
        fresh = true;
      }
      const b = buf[cur.i++]!;
      bytes--;
      if (within) within = b >= 0x80;
      else if (marker) {
        // the column's number (one byte: the table has two)
        if (b > 1) throw new Unexpected();
        col = b;
        marker = false;
      } else if (b === 1) marker = true;
      else {
        // a position's varint (its first byte): one instance
        if (col === 0) title++;
        else text++;
        within = b >= 0x80;
      }
    }
    if (within || marker || cur.i > end) throw new Unexpected();
    if (rowid > from && rowid <= upTo) {
      if (out.rows.length >= max) throw new TooMany();
      out.rows.push(rowid);
      out.title.push(title);
      out.text.push(text);
    }
    if (cur.i === end) {
      if (!nextPage()) return out;
      fresh = true;
    }
  }
}

/**
 * `term` (one token as the unicode61 tokenizer leaves it: lower case ASCII letters and digits) in the index's
 * articles with rowids in (from, upTo]; 'many' when that is more than `max` rows (read no further); null when the
 * index is not in a form this reader knows (see the top).
 */
export function readDoclist(db: Database.Database, term: string, from: number, upTo: number, max = Infinity): TermDoclist | 'many' | null {
  try {
    const segs = segments(db);
    if (!segs) return null;
    const key = Buffer.from('0' + term, 'utf8');
    const parts: TermDoclist[] = [];
    for (const seg of segs) {
      const part = readSegment(db, seg, key, from, upTo, max);
      if (part?.rows.length) parts.push(part);
    }
    if (parts.length <= 1) return parts[0] ?? { rows: [], title: [], text: [] };
    // several segments: their rows in one order; a row in two (deleted and written again) is not read here
    const order = parts.flatMap((p, i) => p.rows.map((_, j) => [i, j] as const)).sort((a, b) => parts[a[0]]!.rows[a[1]]! - parts[b[0]]!.rows[b[1]]!);
    if (order.length > max) return 'many';
    const out: TermDoclist = { rows: [], title: [], text: [] };
    for (const [i, j] of order) {
      const r = parts[i]!.rows[j]!;
      if (out.rows.length && out.rows[out.rows.length - 1] === r) return null;
      out.rows.push(r);
      out.title.push(parts[i]!.title[j]!);
      out.text.push(parts[i]!.text[j]!);
    }
    return out;
  } catch (e) {
    if (e instanceof TooMany) return 'many';
    if (e instanceof Unexpected) return null;
    throw e;
  }
}
