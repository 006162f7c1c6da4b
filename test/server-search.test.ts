// Search over a store where one word is in every article: the query still answers from the newest matches
// without ranking the whole posting list, a common word next to an uncommon one narrows to the articles that
// have both, and kept results (search page and API) never outlive the store version they were computed at.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../src/store/db.ts';
import { processRaw } from '../src/pipeline.ts';
import { articleRow, ingestDoc } from '../src/store/ingest.ts';
import { createApp } from '../src/server/app.tsx';
import { clearCaches, filterOptions, mergeSearchIndex, searchHits, SNIP_CLOSE, SNIP_OPEN } from '../src/server/data.ts';
import { bm25Scores, phraseRows, rankRows, rowsWithAll } from '../src/server/rank.ts';

const N = 700;
let dir = '';
let store: Store;
/** seq → text of every article inserted */
const texts = new Map<number, string>();

// Made-up words: "routine" is in every article, "zorvane" in every 50th, "quillet" in every 3rd.
const textOf = (i: number) =>
  [
    `Harbour officials reported routine traffic at the northern pier on day ${i}.`,
    i % 50 === 0 ? 'A zorvane was seen near the breakwater, and a second zorvane later.' : '',
    i % 3 === 0 ? 'Quillet nets were dried on the quay.' : '',
    i % 7 === 0 ? 'A zorvane sketch hangs in the office.' : '',
  ]
    .filter(Boolean)
    .join(' ');

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-search-'));
  store = await openStore(path.join(dir, 'kabar.db'));
  const tpl = processRaw({ input: 'tpl.txt', format: 'text', content: textOf(1), hints: { title: 'Harbour log', outlet: 'Pier Gazette', published: '2025-03-01', language: 'en' } });
  const db = store.sqlite!;
  const cols = Object.keys(articleRow(tpl, '')).filter((c) => c !== 'seq');
  const ins = db.prepare(`INSERT INTO articles (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`);
  const fts = db.prepare('INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const text = textOf(i);
      const hash = createHash('sha256').update(text).digest('hex');
      const row = articleRow({ ...tpl, id: hash.slice(0, 16), textHash: hash, text, paragraphs: [{ start: 0, end: text.length, lang: 'en' }], sentences: [{ start: 0, end: text.length }], input: `a-${i}.txt`, language: i % 2 ? 'en' : 'id' }, new Date().toISOString());
      const seq = Number(ins.run(row).lastInsertRowid);
      fts.run(seq, 'Harbour log', text);
      texts.set(seq, text);
    }
  })();
});
after(async () => {
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const seqOf = (articleId: string) => Number((store.sqlite!.prepare('SELECT seq FROM articles WHERE id = ?').get(articleId) as { seq: number }).seq);
const having = (...words: string[]) => [...texts].filter(([, t]) => words.every((w) => new RegExp(`\\b${w}\\b`, 'i').test(t))).map(([s]) => s);

describe('search with a word in every article', () => {
  test('a query of common words lists the newest matches first, with snippets', async () => {
    clearCaches();
    const hits = await searchHits(store, { q: 'routine' }, 20, 0);
    const seqs = hits.map((h) => seqOf(h.article));
    const newest = having('routine').sort((a, b) => b - a);
    assert.equal(newest.length, N);
    assert.deepEqual(seqs, newest.slice(0, 20));
    for (const h of hits) assert.ok(h.snippet.includes(`${SNIP_OPEN}routine${SNIP_CLOSE}`), h.snippet);
    // the next page continues where this one ends
    const next = (await searchHits(store, { q: 'routine' }, 20, 20)).map((h) => seqOf(h.article));
    assert.deepEqual(next, newest.slice(20, 40));
    // with a filter: only articles in that language, still newest first
    const en = await searchHits(store, { q: 'routine', lang: 'en' }, 20, 0);
    assert.ok(en.length === 20 && en.every((h) => h.language === 'en'));
    assert.deepEqual(
      en.map((h) => seqOf(h.article)),
      newest.filter((s) => (store.sqlite!.prepare('SELECT language FROM articles WHERE seq = ?').get(s) as { language: string }).language === 'en').slice(0, 20),
    );
  });

  test('a common word next to an uncommon one: exactly the articles that have both, ranked by the uncommon one', async () => {
    clearCaches();
    const both = having('zorvane', 'routine').sort((a, b) => a - b);
    assert.ok(both.length > 20 && both.length < 200, `fixture: ${both.length}`);
    const all: number[] = [];
    for (let off = 0; ; off += 20) {
      const page = await searchHits(store, { q: 'routine zorvane' }, 20, off);
      all.push(...page.map((h) => seqOf(h.article)));
      if (page.length < 20) break;
    }
    assert.deepEqual([...all].sort((a, b) => a - b), both, 'every article with both words, once');
    // the ranking is that of the uncommon word alone (BM25 gives the common one next to no weight)
    const alone = (await searchHits(store, { q: 'zorvane' }, 20, 0)).map((h) => seqOf(h.article));
    assert.deepEqual(all.slice(0, 20), alone);
    // twice in a short text ranks above once
    const twice = having('zorvane').filter((s) => (texts.get(s)!.match(/zorvane/g) ?? []).length >= 2);
    assert.ok(twice.includes(alone[0]!), 'the best match has the word more than once');
    // with a filter as well
    const idOnly = await searchHits(store, { q: 'routine zorvane', lang: 'id' }, 100, 0);
    assert.ok(idOnly.length > 0 && idOnly.every((h) => h.language === 'id'));
    assert.deepEqual(
      idOnly.map((h) => seqOf(h.article)).sort((a, b) => a - b),
      both.filter((s) => (store.sqlite!.prepare('SELECT language FROM articles WHERE seq = ?').get(s) as { language: string }).language === 'id'),
    );
  });

  test('uncommon words only: ranked over all their matches as before', async () => {
    clearCaches();
    const hits = await searchHits(store, { q: 'quillet zorvane' }, 100, 0);
    assert.deepEqual(hits.map((h) => seqOf(h.article)).sort((a, b) => a - b), having('quillet', 'zorvane').sort((a, b) => a - b));
    for (const h of hits) assert.match(h.snippet, new RegExp(`${SNIP_OPEN}(zorvane|quillet)${SNIP_CLOSE}`, 'i'));
  });

  test('kept results and search pages show an article added after them', async () => {
    clearCaches();
    const app = createApp({ store });
    const cookie = { headers: { cookie: 'kabar_csrf=CCCCCCCCCCCCCCCCCCCCCCCC' } };
    const api = async (q: string) => ((await (await app.request(`/api/search?q=${q}&limit=100`)).json()) as { hits: Array<{ title: string }> }).hits.map((h) => h.title);
    const page = async (q: string) => (await app.request(`/?q=${q}`, cookie)).text();
    assert.ok(!(await api('zorvane')).includes('Zorvane in the harbour'));
    const before = await page('zorvane');
    assert.doesNotMatch(before, /Zorvane in the harbour/);
    assert.doesNotMatch(before, /csrf-slot-/);
    assert.equal(await page('zorvane'), before, 'kept until the store changes');
    const doc = processRaw({ input: 'new.txt', format: 'text', content: 'A zorvane swam into the inner harbour on Tuesday, the pier master said; routine traffic resumed an hour later.', hints: { title: 'Zorvane in the harbour', outlet: 'Pier Gazette', published: '2025-03-02', language: 'en' } });
    await ingestDoc(store, doc);
    assert.ok((await api('zorvane')).includes('Zorvane in the harbour'), 'the API finds the new article');
    assert.match(await page('zorvane'), /Zorvane in the harbour/, 'the search page too');
    assert.equal((await api('routine'))[0], 'Zorvane in the harbour', 'newest first for a common word');
  });

  test('a common word next to an uncommon one finds articles added after the common word was first looked up', async () => {
    // no clearCaches: what the server keeps per common word (its articles) is brought up to date, not read again
    await searchHits(store, { q: 'routine zorvane' }, 20, 0);
    const doc = processRaw({ input: 'later.txt', format: 'text', content: 'Routine checks found a quillet float and a brimwort crate on the quay on Wednesday, the harbour office said.', hints: { title: 'Brimwort on the quay', outlet: 'Pier Gazette', published: '2025-03-03', language: 'en' } });
    await ingestDoc(store, doc);
    const titles = async (q: string) => (await searchHits(store, { q }, 100, 0)).map((h) => h.title);
    assert.deepEqual(await titles('routine brimwort'), ['Brimwort on the quay']);
    assert.deepEqual(await titles('routine quillet brimwort'), ['Brimwort on the quay']);
    // an article without the common word is not listed for it
    await ingestDoc(store, processRaw({ input: 'later2.txt', format: 'text', content: 'A brimwort barge moored at the southern jetty on Thursday evening, the port office said.', hints: { title: 'Brimwort barge', outlet: 'Pier Gazette', published: '2025-03-04', language: 'en' } }));
    assert.deepEqual(await titles('routine brimwort'), ['Brimwort on the quay']);
    assert.deepEqual((await titles('brimwort')).sort(), ['Brimwort barge', 'Brimwort on the quay']);
  });
});

describe('uncommon words that seldom meet', () => {
  test('two words with few matches each and none together: no hits, until an article has both', async () => {
    clearCaches();
    const titles = async (q: string) => (await searchHits(store, { q }, 100, 0)).map((h) => h.title);
    assert.ok(having('zorvane').length > 0 && having('marlock').length === 0);
    await ingestDoc(store, processRaw({ input: 'm1.txt', format: 'text', content: 'A marlock buoy drifted past the pier on Friday, the harbour office said.', hints: { title: 'Marlock buoy', outlet: 'Pier Gazette', published: '2025-03-05', language: 'en' } }));
    assert.deepEqual(await titles('marlock'), ['Marlock buoy']);
    assert.deepEqual(await titles('zorvane marlock'), [], 'no article has both');
    // the words' kept matches follow the store: an article with both is found at once
    await ingestDoc(store, processRaw({ input: 'm2.txt', format: 'text', content: 'A zorvane circled the marlock buoy at dawn on Saturday, the pier master said.', hints: { title: 'Zorvane and marlock', outlet: 'Pier Gazette', published: '2025-03-06', language: 'en' } }));
    assert.deepEqual(await titles('zorvane marlock'), ['Zorvane and marlock']);
    assert.deepEqual(await titles('marlock zorvane routine'), [], 'the common word is not in it');
  });
});

describe('search index merging (idle work)', () => {
  test('merges the index into one segment in steps; results are unchanged; nothing to do then', async () => {
    clearCaches();
    // more commits, each writing a segment of its own
    for (let i = 0; i < 12; i++) await ingestDoc(store, processRaw({ input: `s${i}.txt`, format: 'text', content: `Segment note ${i}: a quillet crate and routine checks at the pier, the harbour office said on day ${i}.`, hints: { title: `Segment note ${i}`, outlet: 'Pier Gazette', published: '2025-03-07', language: 'en' } }));
    const queries = ['routine', 'quillet', 'zorvane', 'routine zorvane', 'quillet zorvane', 'segment note', 'marlock'];
    const before = await Promise.all(queries.map((q) => searchHits(store, { q }, 50, 0)));
    let steps = 0;
    while (mergeSearchIndex(store)) steps++;
    assert.ok(steps > 0, 'there was work');
    assert.equal(mergeSearchIndex(store), false, 'and then none');
    clearCaches();
    assert.deepEqual(await Promise.all(queries.map((q) => searchHits(store, { q }, 50, 0))), before);
  });
});

describe('filter options', () => {
  const bySql = () => {
    const db = store.sqlite!;
    const languages = (db.prepare('SELECT DISTINCT language FROM articles ORDER BY language LIMIT 200').all() as Array<{ language: string }>).map((r) => r.language);
    const outlets = (db.prepare('SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 200').all() as Array<{ outlet: string }>).map((r) => r.outlet).sort((a, b) => a.localeCompare(b));
    return { languages, outlets };
  };

  test('languages and outlets as the articles have them, brought up to date with the articles added since', async () => {
    clearCaches();
    assert.deepEqual(await filterOptions(store), bySql());
    // kept: counted from the articles added since, not read again
    await ingestDoc(store, processRaw({ input: 'opt1.txt', format: 'text', content: 'Le port de Brimhaven a rouvert ses quais mardi après trois jours de tempête, selon la capitainerie.', hints: { title: 'Brimhaven rouvre', outlet: 'Gazette de Brimhaven', published: '2025-03-05', language: 'fr' } }));
    await ingestDoc(store, processRaw({ input: 'opt2.txt', format: 'text', content: 'Ferry crews at the eastern slip in Tollmere reported calm seas and full sailings on Friday, the operator said.', hints: { title: 'Calm seas at Tollmere', outlet: 'Tollmere Courier', published: '2025-03-06', language: 'en' } }));
    const after = await filterOptions(store);
    assert.ok(after.languages.includes('fr') && after.outlets.includes('Gazette de Brimhaven') && after.outlets.includes('Tollmere Courier'), JSON.stringify(after));
    assert.deepEqual(after, bySql());
  });
});

describe('ranking computed in the server (rank.ts)', () => {
  test("FTS5's order (bm25(articles_fts, 5.0, 1.0), then rowid) for every match and page, also after articles are added", async () => {
    clearCaches();
    const db = store.sqlite!;
    const newest = () => db.prepare('SELECT max(seq) FROM articles').pluck().get() as number;
    const check = (words: string[]) => {
      const phrases = words.map((w) => `"${w}"`);
      const scored = db.prepare('SELECT rowid AS r, bm25(articles_fts, 5.0, 1.0) AS s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0), rowid').all(phrases.join(' ')) as Array<{ r: number; s: number }>;
      const bySql = scored.map((x) => x.r);
      assert.ok(bySql.length > 0, words.join(' '));
      const ps = phraseRows(db, phrases, newest());
      assert.ok(ps, words.join(' '));
      const rows = rowsWithAll(ps);
      // the same numbers, bit for bit
      const scores = bm25Scores(db, ps, rows, newest())!;
      assert.deepEqual(new Map(rows.map((r, i) => [r, scores[i]])), new Map(scored.map((x) => [x.r, x.s])), words.join(' '));
      assert.deepEqual([...rows].sort((a, b) => a - b), [...bySql].sort((a, b) => a - b), `the rows with every word: ${words.join(' ')}`);
      assert.deepEqual(rankRows(db, ps, rows, newest(), bySql.length, 0), bySql, words.join(' '));
      assert.deepEqual(rankRows(db, ps, rows, newest(), 7, 5), bySql.slice(5, 12), `a page: ${words.join(' ')}`);
      return ps;
    };
    // in every article, in some, in the title and the text, several words (rows of equal size and count tie)
    const queries = [['routine'], ['zorvane'], ['Quillet'], ['harbour'], ['harbour', 'zorvane'], ['routine', 'quillet', 'zorvane'], ['day', 'pier']];
    for (const q of queries) check(q);
    // kept phrases are brought up to date with the articles added since
    // (in the title or the text, once or more, in short and long texts: the weights, counts and sizes all count)
    const added = [
      ['Zorvane harbour zorvane', 'Zorvane, zorvane and more zorvane: the harbour log was short on Sunday.'],
      ['Zorvane sighted', 'One was seen off the pier on Monday morning by the harbour crew.'],
      ['Pier notes', 'Zorvane zorvane zorvane zorvane zorvane zorvane, the harbour crew counted on Monday.'],
      ['Pier notes again', 'A zorvane and a second zorvane, the harbour crew said, then a long list of routine pier work followed: ropes, nets, buoys, crates, fenders, ladders and lamps, all checked twice before dusk.'],
    ];
    for (const [i, [title, text]] of added.entries()) await ingestDoc(store, processRaw({ input: `rank${i}.txt`, format: 'text', content: text!, hints: { title, outlet: 'Pier Gazette', published: '2025-03-08', language: 'en' } }));
    for (const q of queries) check(q);
    const ps = check(['zorvane']);
    // read while the index has rows the kept phrases do not: FTS5 ranks
    assert.equal(rankRows(db, ps, rowsWithAll(ps), newest() - 1, 10, 0), null);
    // words the tokenizer may cut or fold otherwise than lower case: FTS5 ranks
    assert.equal(phraseRows(db, ['"café"'], newest()), null);
    assert.equal(phraseRows(db, ['"pier-master"'], newest()), null);
    // a malformed averages record (a varint cut short): FTS5 ranks, the search does not fail
    const record = db.prepare('SELECT block FROM articles_fts_data WHERE id = 1').pluck().get() as Buffer;
    // (FTS5's shadow tables are written only in unsafe mode)
    db.unsafeMode(true);
    db.prepare('UPDATE articles_fts_data SET block = ? WHERE id = 1').run(Buffer.from([0x81]));
    try {
      assert.equal(bm25Scores(db, ps, rowsWithAll(ps), newest()), null);
      assert.equal(rankRows(db, ps, rowsWithAll(ps), newest(), 10, 0), null);
    } finally {
      db.prepare('UPDATE articles_fts_data SET block = ? WHERE id = 1').run(record);
      db.unsafeMode(false);
    }
    assert.deepEqual(bm25Scores(db, ps, rowsWithAll(ps), newest())?.length, rowsWithAll(ps).length);
  });
});
