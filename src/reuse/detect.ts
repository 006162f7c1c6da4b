// Reuse detection: sentences shared (verbatim or nearly) between a new article and stored ones.
// Every sentence long enough to mean something gets a few MinHash sketch keys of its word
// trigrams in `reuse_bands`; a new article looks up only its own keys (an index lookup, never a
// scan of the corpus), verifies candidate sentence pairs by word-bigram overlap, and stores one
// link per earlier article it reuses from.
import type { Kysely } from 'kysely';
import type { Tables } from '../store/schema.ts';
import type { ArticleDoc, Span } from '../types.ts';
import { bulkInsert, inValues, keyLookup, moveRecentRows, type DirectSql } from '../store/bulk.ts';
import { containment, jaccard, reuseWords, shingles, sketchKeys } from './minhash.ts';
import { chunks } from '../util/common.ts';

export interface SentencePair {
  a: Span;
  b: Span;
}

export interface ReuseLink {
  /** Article already stored. */
  a: string;
  /** The new article. */
  b: string;
  /** Share of b's indexable sentences found in a, 0..1. */
  score: number;
  sentences: SentencePair[];
}

export interface ReuseOptions {
  /** Sentences with fewer words are not indexed ("Terima kasih.", datelines, credits). */
  minWords: number;
  /** A link needs at least this many words of b in shared sentences: one short common line is no reuse. */
  minLinkWords: number;
  /** Word-bigram Jaccard from which two sentences count as the same sentence (small edits tolerated). */
  minJaccard: number;
  /** ...or containment of the shorter in the longer (a sentence quoted inside a longer one). */
  minContainment: number;
  /** Lookup keys per sentence (MinHash sketches of its word trigrams). */
  keysPerSentence: number;
  /** A key shared by more sentences than this is boilerplate (site footer, stock phrase): ignored. */
  postingCap: number;
  /** At most this many stored articles are verified per new article (the most promising first). */
  maxCandidates: number;
}

export const defaultReuseOptions: ReuseOptions = {
  minWords: 6,
  minLinkWords: 10,
  minJaccard: 0.5,
  minContainment: 0.8,
  // 5: of the 338 sentence pairs that verify as reuse across articles of the Vietnamese clusters dev
  // set, 5 trigram sketches find 305 (103 of 113 article pairs), 10x2 bigram LSH bands 288 (100).
  keysPerSentence: 5,
  postingCap: 50,
  maxCandidates: 40,
};

interface SentenceSig {
  index: number;
  span: Span;
  words: number;
  sh: Set<number>;
  keys: number[];
}

/** Sentence spans of a text: the stored split, or a plain punctuation split when there is none. */
export function sentenceSpans(text: string, spans: Span[] | null | undefined): Span[] {
  if (spans && spans.length > 0) return spans;
  const out: Span[] = [];
  const re = /[^.!?\n]+(?:[.!?]+|$)/g;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    if (m[0].trim()) out.push({ start, end: start + m[0].length });
  }
  return out;
}

function signSentences(text: string, spans: Span[], opts: ReuseOptions): SentenceSig[] {
  const out: SentenceSig[] = [];
  spans.forEach((span, index) => {
    const words = reuseWords(text.slice(span.start, span.end));
    if (words.length < opts.minWords) return;
    out.push({ index, span, words: words.length, sh: shingles(words), keys: sketchKeys(words, opts.keysPerSentence) });
  });
  return out;
}

/** The sketch keys `detectReuse` looks up and indexes for `doc` (what keyed ingest locks cover). */
export function reuseKeys(doc: ArticleDoc, opts: ReuseOptions = defaultReuseOptions): number[] {
  return [...new Set(signSentences(doc.text, sentenceSpans(doc.text, doc.sentences), opts).flatMap((s) => s.keys))];
}

/**
 * Indexes `doc`'s sentences, finds earlier articles it shares sentences with, stores and returns the links.
 * `direct`: the store's direct statement runner (SQLite), for the key lookups.
 */
export async function detectReuse(
  trx: Kysely<Tables>,
  doc: ArticleDoc,
  opts: ReuseOptions = defaultReuseOptions,
  direct?: DirectSql,
): Promise<ReuseLink[]> {
  const sigs = signSentences(doc.text, sentenceSpans(doc.text, doc.sentences), opts);
  const keysBySentence = sigs.map((s) => s.keys);

  // key -> new sentences carrying it
  const wanted = new Map<number, number[]>();
  keysBySentence.forEach((keys, i) => {
    for (const k of keys) {
      const list = wanted.get(k);
      if (list) list.push(i);
      else wanted.set(k, [i]);
    }
  });

  const { ranked, bands } = await candidates(trx, wanted, doc.id, opts, direct);

  const links: ReuseLink[] = [];
  if (ranked.length > 0) {
    const byId = await storedTexts(trx, ranked.map((r) => r.id), direct);
    for (const { id, per } of ranked) {
      const row = byId.get(id);
      if (!row) continue;
      const { spans } = row;
      const pairs: SentencePair[] = [];
      let words = 0;
      for (const [i, js] of [...per.entries()].sort((x, y) => x[0] - y[0])) {
        const mine = sigs[i];
        let best: { j: number; sim: number } | null = null;
        for (const j of [...js].sort((x, y) => x - y)) {
          const span = spans[j];
          if (!span) continue;
          let sh = row.shingles.get(j);
          if (!sh) row.shingles.set(j, (sh = shingles(reuseWords(row.text.slice(span.start, span.end)))));
          const jac = jaccard(mine.sh, sh);
          const sim = jac >= opts.minJaccard ? jac : containment(mine.sh, sh) >= opts.minContainment ? opts.minJaccard : 0;
          if (sim > 0 && (!best || sim > best.sim)) best = { j, sim };
        }
        if (best) {
          pairs.push({ a: spans[best.j], b: mine.span });
          words += mine.words;
        }
      }
      if (pairs.length === 0 || words < opts.minLinkWords) continue;
      links.push({ a: id, b: doc.id, score: round(pairs.length / sigs.length), sentences: pairs });
    }
  }
  links.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));

  const now = new Date().toISOString();
  if (direct) {
    // SQLite: the direct runner's prepared statement, a row at a time (the query builder compiled the statement
    // again for every article with links)
    for (const l of links) direct.run('INSERT INTO reuse_links (a, b, score, sentences, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (a, b) DO NOTHING', [l.a, l.b, l.score, JSON.stringify(l.sentences), now]);
  } else {
    for (const batch of chunks(links, 200)) {
      await trx
        .insertInto('reuse_links')
        .values(batch.map((l) => ({ a: l.a, b: l.b, score: l.score, sentences: JSON.stringify(l.sentences), created_at: now })))
        .onConflict((oc) => oc.columns(['a', 'b']).doNothing())
        .execute();
    }
  }
  // A key past the cap is boilerplate: its rows are replaced by one marker row, so later lookups of it read one
  // row and nothing more is added to it (rows kept under it would be read by every article carrying the key).
  const adding = new Map<number, number[]>();
  for (const [i, s] of sigs.entries()) {
    for (const key of keysBySentence[i]) {
      if (bands.full(key)) continue;
      const list = adding.get(key);
      if (list) list.push(s.index);
      else adding.set(key, [s.index]);
    }
  }
  const saturate = bands.unmarkedFull();
  for (const [key, sentences] of adding) if (bands.countAfter(key, doc.id, sentences) > opts.postingCap) saturate.push(key);
  const gone = new Set(saturate);
  const bandRows: unknown[][] = [];
  for (const [key, sentences] of adding) if (!gone.has(key)) for (const sentence of new Set(sentences)) bandRows.push([key, doc.id, sentence]);
  // SQLite (the direct runner): new rows go into the small reuse_bands_recent first (migration 012).
  const tables = direct ? (['reuse_bands', 'reuse_bands_recent'] as const) : (['reuse_bands'] as const);
  if (saturate.length > 0) {
    saturate.sort((a, b) => a - b);
    for (const table of tables) for (const batch of chunks(saturate, 2000)) await trx.deleteFrom(table).where(inValues(trx, 'key', batch, 'bigint')).execute();
    for (const key of saturate) bandRows.push([key, FULL_ARTICLE, FULL_SENTENCE]);
  }
  await bulkInsert(trx, tables[tables.length - 1]!, [['key', 'bigint'], ['article_id', 'text'], ['sentence', 'integer']], bandRows, 'ON CONFLICT DO NOTHING', direct);
  return links;
}

/** Rows reuse_bands_recent holds before mergeRecentBands moves them (about 1,000 articles' worth). */
export const RECENT_BANDS_MAX = 65_536;

/** SQLite: moves the recent band rows into reuse_bands once there are `max` (moveRecentRows). A key's rows are in
 * one table or the other, never both: a full key's rows leave both tables at once. */
export function mergeRecentBands(direct: DirectSql, max = RECENT_BANDS_MAX): number {
  return moveRecentRows(direct, 'reuse_bands_recent', 'reuse_bands', ['key', 'article_id', 'sentence'], 'key, article_id, sentence', max);
}

/** A stored article as verification reads it: text, sentence spans, and the shingles of the sentences compared so far. */
interface StoredText {
  text: string;
  spans: Span[];
  shingles: Map<number, Set<number>>;
}

/**
 * The stored articles `ids` (those that exist). With the store's direct runner they are kept with the connection
 * (an article's text never changes once stored): a sentence under a common sketch key is a candidate for many
 * later articles, and reading and shingling it again for each was most of the cost of reuse in a large store.
 */
async function storedTexts(trx: Kysely<Tables>, ids: string[], direct?: DirectSql): Promise<Map<string, StoredText>> {
  const out = new Map<string, StoredText>();
  // Weighed as the text about three times over (the string, the shingles of the sentences compared later) and its spans.
  const memo = direct?.memo<StoredText>('reuse:texts', (t) => t.text.length * 3 + t.spans.length * 64);
  const missing: string[] = [];
  for (const id of ids) {
    const t = memo?.get(id);
    if (t) out.set(id, t);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  const rows = direct
    ? direct.all<{ id: string; text: string; sentences: string }>('SELECT id, text, sentences FROM articles WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(missing)])
    : await trx.selectFrom('articles').select(['id', 'text', 'sentences']).where('id', 'in', missing).execute();
  for (const r of rows) {
    const t: StoredText = { text: r.text, spans: sentenceSpans(r.text, parseSpans(r.sentences)), shingles: new Map() };
    out.set(r.id, t);
    memo?.set(r.id, t);
  }
  return out;
}

interface Candidate {
  id: string;
  /** New sentence index -> stored sentence indexes sharing a key with it. */
  per: Map<number, Set<number>>;
  /** New sentences sharing a key with this article. */
  hits: number;
}

interface Candidates {
  /** At most `maxCandidates` stored articles, most new sentences shared first, ties by id. */
  ranked: Candidate[];
  bands: BandState;
}

/** What the lookup learnt of the new article's keys, for indexing it. */
interface BandState {
  /** Whether a key is past the posting cap (boilerplate: not used, not added to). */
  full(key: number): boolean;
  /** Keys past the cap still holding their rows (not yet replaced by the marker). */
  unmarkedFull(): number[];
  /** Rows under `key` once `article` has added its `sentences` under it. */
  countAfter(key: number, article: string, sentences: number[]): number;
}

/**
 * The row that stands for all of a full key's postings (`article_id` '' is no article; sentence -1 none of its
 * sentences): a key past the cap holds this row alone.
 */
export const FULL_ARTICLE = '';
export const FULL_SENTENCE = -1;

/** Candidate stored articles of the new article's sketch keys (`wanted`: key -> new sentences carrying it). */
async function candidates(trx: Kysely<Tables>, wanted: Map<number, number[]>, self: string, opts: ReuseOptions, direct?: DirectSql): Promise<Candidates> {
  const cand = new Map<string, Map<number, Set<number>>>();
  const postings = await lookupBands(trx, [...wanted.keys()], direct);
  const marked = new Set<number>();
  for (const [key, rows] of postings) if (rows.some((r) => r.sentence === FULL_SENTENCE)) marked.add(key);
  const full = (key: number) => marked.has(key) || (postings.get(key)?.length ?? 0) > opts.postingCap;
  for (const [key, rows] of postings) {
    if (full(key)) continue;
    for (const row of rows) {
      if (row.article_id === self) continue;
      let per = cand.get(row.article_id);
      if (!per) cand.set(row.article_id, (per = new Map()));
      for (const i of wanted.get(key) ?? []) addPair(per, i, row.sentence);
    }
  }
  const ranked = [...cand.entries()]
    .map(([id, per]) => ({ id, per, hits: per.size }))
    .sort((x, y) => y.hits - x.hits || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, opts.maxCandidates);
  const bands: BandState = {
    full,
    unmarkedFull: () => [...postings.keys()].filter((k) => full(k) && !marked.has(k)),
    countAfter(key, article, sentences) {
      const rows = postings.get(key) ?? [];
      const mine = new Set(rows.filter((r) => r.article_id === article).map((r) => r.sentence));
      for (const s of sentences) mine.add(s);
      return rows.filter((r) => r.article_id !== article).length + mine.size;
    },
  };
  return { ranked, bands };
}

function addPair(per: Map<number, Set<number>>, i: number, j: number): void {
  let set = per.get(i);
  if (!set) per.set(i, (set = new Set()));
  set.add(j);
}

/**
 * Postings of each key. No key holds more than `postingCap` rows (detectReuse replaces a key's rows with the
 * full-key marker once it passes the cap), so one IN lookup per batch is bounded without per-key limits.
 */
async function lookupBands(trx: Kysely<Tables>, keys: number[], direct?: DirectSql): Promise<Map<number, Array<{ article_id: string; sentence: number }>>> {
  const out = new Map<number, Array<{ article_id: string; sentence: number }>>();
  const add = (key: number | string, article_id: string, sentence: number) => {
    const k = Number(key);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push({ article_id, sentence });
  };
  for (const batch of chunks(keys, 2000)) {
    if (direct) {
      // The store's direct runner (SQLite, both band tables): one prepared statement, the keys' primary-key ranges in
      // turn (a statement per key cost about as much again in calls as the rows it returned); rows as arrays.
      const rows = direct.arrays<[number, string, number]>(
        `SELECT w.value AS key, b.article_id, b.sentence FROM json_each(?) AS w CROSS JOIN reuse_bands AS b ON b.key = w.value
         UNION ALL SELECT w.value, r.article_id, r.sentence FROM json_each(?) AS w CROSS JOIN reuse_bands_recent AS r ON r.key = w.value`,
        [JSON.stringify(batch), JSON.stringify(batch)],
      );
      for (const [key, article_id, sentence] of rows) add(key, article_id, sentence);
    } else {
      const { rows } = await keyLookup(trx, 'reuse_bands', 'key', 'bigint', batch, ['article_id', 'sentence']).execute(trx);
      for (const r of rows as Array<{ key: number | string; article_id: string; sentence: number }>) add(r.key, r.article_id, r.sentence);
    }
  }
  return out;
}

/** Links among the given articles (all links when omitted), ordered by (a, b). */
export async function listReuse(db: Kysely<Tables>, articleIds?: string[]): Promise<ReuseLink[]> {
  const rows: Array<{ a: string; b: string; score: number; sentences: string }> = [];
  if (articleIds === undefined) {
    rows.push(...(await db.selectFrom('reuse_links').select(['a', 'b', 'score', 'sentences']).orderBy('a').orderBy('b').execute()));
  } else {
    const ids = new Set(articleIds);
    // Links touching the set, fetched by b (indexed) in chunks, then kept when both ends are in it.
    for (const batch of chunks([...ids], 500)) {
      const part = await db.selectFrom('reuse_links').select(['a', 'b', 'score', 'sentences']).where('b', 'in', batch).execute();
      rows.push(...part.filter((r) => ids.has(r.a)));
    }
    rows.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  }
  return rows.map((r) => ({ a: r.a, b: r.b, score: r.score, sentences: JSON.parse(r.sentences) as SentencePair[] }));
}

function parseSpans(json: string): Span[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? (v as Span[]) : [];
  } catch {
    return [];
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

