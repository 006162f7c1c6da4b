import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultReuseOptions, detectReuse, FULL_ARTICLE, FULL_SENTENCE, listReuse, mergeRecentBands, reuseKeys } from './detect.ts';
import { insertArticle, makeDoc, tempStore } from './testutil.ts';
import { directSql } from '../store/bulk.ts';
import { migrate, type Store } from '../store/db.ts';
import { sql } from 'kysely';
import { rng } from '../util/common.ts';
import type { ArticleDoc } from '../types.ts';

const original =
  'The provincial council approved a new budget for flood defences along the northern river on Tuesday. ' +
  'Officials said the embankment works would start before the monsoon season and last two years. ' +
  'Residents of three villages near the river had petitioned for stronger levees since the floods of last year. ' +
  'Thank you.';

// Copy with edits: case, punctuation, spacing, one word changed, one sentence dropped, new sentences added.
const copied =
  'Local reporters gathered at the hall early in the morning to hear the announcement. ' +
  'the provincial council approved a NEW budget for flood defences along the northern river on Tuesday! ' +
  'Officials said the embankment works   would begin before the monsoon season and last two years. ' +
  'Thank you.';

const unrelated =
  'The football club signed a young striker from a rival team after weeks of talks with his agent. ' +
  'The coach said the player would join training next week and could debut in the cup match. ' +
  'Thank you.';

const shortOnly = 'Thank you. See you soon. Read more news.';

test('reuse: copied sentences with small edits are linked with their span pairs', async () => {
  const { store, cleanup } = await tempStore();
  try {
    const a = makeDoc(original);
    const b = makeDoc(copied);
    await insertArticle(store, a);
    assert.deepEqual(await detectReuse(store.db, a), []);
    await insertArticle(store, b);
    const links = await detectReuse(store.db, b);
    assert.equal(links.length, 1);
    assert.equal(links[0].a, a.id);
    assert.equal(links[0].b, b.id);
    assert.equal(links[0].sentences.length, 2);
    // two of b's three indexable sentences ("Thank you." is too short to count)
    assert.ok(Math.abs(links[0].score - 2 / 3) < 1e-3, `score ${links[0].score}`);
    const first = links[0].sentences[0];
    assert.match(a.text.slice(first.a.start, first.a.end), /^The provincial council/);
    assert.match(b.text.slice(first.b.start, first.b.end), /^the provincial council/);
    assert.deepEqual(await listReuse(store.db), links);
    assert.deepEqual(await listReuse(store.db, [a.id, b.id]), links);
    assert.deepEqual(await listReuse(store.db, [b.id]), []);
  } finally {
    await cleanup();
  }
});

test('reuse: unrelated texts and short generic sentences create no link', async () => {
  const { store, cleanup } = await tempStore();
  try {
    for (const text of [original, unrelated, shortOnly]) {
      const doc = makeDoc(text);
      await insertArticle(store, doc);
      assert.deepEqual(await detectReuse(store.db, doc), [], text.slice(0, 30));
    }
    assert.deepEqual(await listReuse(store.db), []);
    const bands = await store.db.selectFrom('reuse_bands').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // 3 + 2 indexable sentences, 5 sketch keys each; the short-only article indexes nothing.
    assert.equal(Number(bands.n), 25);
  } finally {
    await cleanup();
  }
});

test('reuse: a boilerplate sentence shared by many articles stops linking them', async () => {
  const { store, cleanup } = await tempStore();
  try {
    const footer = 'All rights reserved by the publisher and reproduction without written permission is prohibited.';
    const capped = { ...defaultReuseOptions, postingCap: 20 };
    let linked = 0;
    for (let i = 0; i < 60; i++) {
      const doc = makeDoc(`Item number ${i} is about topic ${i * 7919} in district ${i * 104729}. ${footer}`);
      await insertArticle(store, doc);
      linked += (await detectReuse(store.db, doc, capped)).length;
    }
    // Articles 2..21 link to their predecessors while the footer's keys are under the cap; later ones do not.
    const last = makeDoc(`Another item about something else entirely here. ${footer}`);
    await insertArticle(store, last);
    assert.deepEqual(await detectReuse(store.db, last, capped), []);
    assert.ok(linked > 0);
  } finally {
    await cleanup();
  }
});

test('reuse: a key past the cap keeps one marker row, takes no more rows, and links stay as under the cap', async () => {
  const { store, cleanup } = await tempStore();
  try {
    const footer = 'All rights reserved by the publisher and reproduction without written permission is prohibited.';
    const capped = { ...defaultReuseOptions, postingCap: 5 };
    const footerKeys = reuseKeys(makeDoc(footer));
    const rowsOf = async (key: number) =>
      (await store.db.selectFrom('reuse_bands').select(['article_id', 'sentence']).where('key', '=', key).orderBy(['article_id', 'sentence']).execute()).map((r) => [r.article_id, r.sentence]);
    const linkCounts: number[] = [];
    for (let i = 0; i < 12; i++) {
      const doc = makeDoc(`Item number ${i} is about topic ${i * 7919} in district ${i * 104729}. ${footer}`);
      await insertArticle(store, doc);
      linkCounts.push((await detectReuse(store.db, doc, capped)).length);
      for (const key of footerKeys) {
        const rows = await rowsOf(key);
        // Up to the cap every article's footer is a posting; past it, the marker alone.
        if (i < 5) assert.equal(rows.length, i + 1, `article ${i}`);
        else assert.deepEqual(rows, [[FULL_ARTICLE, FULL_SENTENCE]], `article ${i}`);
      }
    }
    // Each article links to all earlier ones while the footer's keys are under the cap (5 postings), none after.
    assert.deepEqual(linkCounts, [0, 1, 2, 3, 4, 5, 0, 0, 0, 0, 0, 0]);
    // The articles' own sentences are still indexed.
    const own = await store.db.selectFrom('reuse_bands').select((eb) => eb.fn.countAll<number>().as('n')).where('sentence', '=', 0).executeTakeFirstOrThrow();
    assert.equal(Number(own.n), 12 * 5);
  } finally {
    await cleanup();
  }
});

test('reuse: a key found past the cap without its marker (rows kept by earlier code) is collapsed when next looked up', async () => {
  const { store, cleanup } = await tempStore();
  try {
    const doc = makeDoc('The provincial council approved a new budget for flood defences along the northern river on Tuesday.');
    const [key] = reuseKeys(doc);
    await store.db.insertInto('reuse_bands').values(Array.from({ length: 51 }, (_, i) => ({ key: key!, article_id: `old${i}`, sentence: 0 }))).execute();
    await insertArticle(store, doc);
    assert.deepEqual(await detectReuse(store.db, doc), []);
    const rows = await store.db.selectFrom('reuse_bands').select(['article_id', 'sentence']).where('key', '=', key!).execute();
    assert.deepEqual(rows, [{ article_id: FULL_ARTICLE, sentence: FULL_SENTENCE }]);
  } finally {
    await cleanup();
  }
});

test('reuse: migration 010 replaces the rows of keys past the cap, written by earlier code, with the marker', async () => {
  const { store, cleanup } = await tempStore();
  try {
    const rows = [
      ...Array.from({ length: 51 }, (_, i) => ({ key: 7, article_id: `a${i}`, sentence: 0 })),
      ...Array.from({ length: 50 }, (_, i) => ({ key: 8, article_id: `a${i}`, sentence: 1 })),
    ];
    await store.db.insertInto('reuse_bands').values(rows).execute();
    await sql`DELETE FROM kysely_migration WHERE name >= '010_full_reuse_keys'`.execute(store.db);
    await migrate(store);
    const count = async (key: number) => Number((await store.db.selectFrom('reuse_bands').select((eb) => eb.fn.countAll<number>().as('n')).where('key', '=', key).executeTakeFirstOrThrow()).n);
    const marker = await store.db.selectFrom('reuse_bands').select(['article_id', 'sentence']).where('key', '=', 7).execute();
    assert.deepEqual(marker, [{ article_id: FULL_ARTICLE, sentence: FULL_SENTENCE }]);
    assert.equal(await count(8), 50);
  } finally {
    await cleanup();
  }
});

// A small vocabulary makes common sketch keys, a low cap makes full keys, few candidates make the cut and its
// tie-break (by id) decide; copied and edited sentences make real links.
const REPORT_OPTS = { ...defaultReuseOptions, postingCap: 6, maxCandidates: 3 };

/** `count` made-up reports from a small vocabulary, half of them copying a sentence of an earlier one. */
function reports(seed: number, count: number): ArticleDoc[] {
  const rand = rng(seed);
  const words = ['river', 'council', 'budget', 'flood', 'village', 'road', 'market', 'school', 'bridge', 'harbour', 'mayor', 'police'];
  const sentence = () => Array.from({ length: 7 + Math.floor(rand() * 6) }, () => words[Math.floor(rand() * words.length)]).join(' ') + '.';
  const written: string[] = [];
  return Array.from({ length: count }, (_, n) => {
    const parts = Array.from({ length: 3 + Math.floor(rand() * 4) }, sentence);
    if (written.length > 0 && rand() < 0.5) parts.push(written[Math.floor(rand() * written.length)]!);
    written.push(...parts);
    return makeDoc(`Report ${n}. ${parts.join(' ')}`);
  });
}

test('reuse: the direct runner of a SQLite store links exactly what the query-builder path links', async (t) => {
  const a = await tempStore();
  const b = await tempStore();
  try {
    if (!a.store.sqlite) return t.skip('SQLite only: PostgreSQL has no direct runner');
    const direct = directSql(a.store.sqlite);
    let linked = 0;
    for (const [n, doc] of reports(11, 60).entries()) {
      for (const s of [a.store, b.store]) await insertArticle(s, doc);
      const viaEngine = await a.store.db.transaction().execute((trx) => detectReuse(trx, doc, REPORT_OPTS, direct));
      const viaBuilder = await detectReuse(b.store.db, doc, REPORT_OPTS);
      assert.deepEqual(viaEngine, viaBuilder, `article ${n}`);
      linked += viaEngine.length;
    }
    assert.ok(linked > 10, `links ${linked}`);
    // the direct runner's rows wait in reuse_bands_recent (migration 012), the builder's go to reuse_bands
    assert.ok((await bandRows(a.store, 'reuse_bands_recent')).length > 0);
    assert.deepEqual(await bandRows(a.store), await bandRows(b.store, 'reuse_bands'));
  } finally {
    await a.cleanup();
    await b.cleanup();
  }
});

/** A store's band rows in key order: both tables (SQLite), or one. */
async function bandRows(s: Store, only?: 'reuse_bands' | 'reuse_bands_recent'): Promise<Array<[number, string, number]>> {
  const tables = only ? [only] : s.sqlite ? (['reuse_bands', 'reuse_bands_recent'] as const) : (['reuse_bands'] as const);
  const rows: Array<[number, string, number]> = [];
  for (const t of tables) rows.push(...(await s.db.selectFrom(t).selectAll().execute()).map((r): [number, string, number] => [Number(r.key), r.article_id, r.sentence]));
  return rows.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] - y[2]));
}

test('reuse: moving recent band rows into reuse_bands, often or never, links the same and keeps the same rows', async (t) => {
  // one after the other: on PostgreSQL each is a new database (created in turn)
  const runs = [await tempStore(), await tempStore()];
  try {
    if (!runs[0].store.sqlite) return t.skip('SQLite only: PostgreSQL writes reuse_bands directly');
    // full keys' rows leave both tables
    const links: unknown[][] = [[], []];
    let moved = 0;
    for (const doc of reports(5, 50)) {
      for (const [i, { store }] of runs.entries()) {
        await insertArticle(store, doc);
        const direct = directSql(store.sqlite)!;
        // the first store moves its rows whenever there are any; the second never does
        links[i]!.push(await store.db.transaction().execute(async (trx) => {
          const found = await detectReuse(trx, doc, REPORT_OPTS, direct);
          if (i === 0) moved += mergeRecentBands(direct, 1);
          return found;
        }));
      }
    }
    assert.deepEqual(links[0], links[1]);
    assert.ok(links[0]!.flat().length > 10 && moved > 0, `links ${links[0]!.flat().length}, moved ${moved}`);
    assert.deepEqual(await bandRows(runs[0].store, 'reuse_bands_recent'), []);
    assert.deepEqual(await bandRows(runs[1].store, 'reuse_bands'), []);
    assert.deepEqual(await bandRows(runs[0].store), await bandRows(runs[1].store));
  } finally {
    for (const r of runs) await r.cleanup();
  }
});
