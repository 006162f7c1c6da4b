import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { readDoclist } from './fts5doclist.ts';

// The reader against FTS5's own view of the index (the fts5vocab 'instance' table), term by term, on indexes made
// to have what the reader must walk: small leaves (doclists and position lists over several leaves, terms that end
// a leaf), several segments, positions far apart (varints of several bytes, some with a 0x01 byte), titles.

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function makeIndex(opts: { pgsz: number; docs: number; batches: number; seed: number }) {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')");
  db.exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('pgsz', ${opts.pgsz})`);
  // several segments stay apart (no automatic merging)
  db.exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 0)");
  const r = rng(opts.seed);
  // Zipf-like: a few words in most rows, many in few
  const vocab = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}${'x'.repeat(i % 3)}`);
  const word = () => vocab[Math.floor(vocab.length * r() ** 3)]!;
  const ins = db.prepare('INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)');
  let rowid = 0;
  const per = Math.ceil(opts.docs / opts.batches);
  for (let b = 0; b < opts.batches; b++) {
    db.transaction(() => {
      for (let i = 0; i < per; i++) {
        rowid += 1 + Math.floor(r() * 3);
        const len = r() < 0.2 ? 300 + Math.floor(r() * 200) : 5 + Math.floor(r() * 40);
        const text = Array.from({ length: len }, word).join(r() < 0.5 ? ' ' : ', ');
        ins.run(rowid, r() < 0.8 ? Array.from({ length: 1 + Math.floor(r() * 6) }, word).join(' ') : null, text);
      }
    })();
  }
  db.exec('CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_fts, instance)');
  return db;
}

/** What fts5vocab gives for the term: rows ascending, instances in the title and in the text. */
function expected(db: Database.Database, term: string, from: number, upTo: number) {
  const m = new Map<number, [number, number]>();
  for (const [doc, col] of db.prepare('SELECT doc, col FROM temp.v WHERE term = ? AND doc > ? AND doc <= ?').raw().all(term, from, upTo) as Array<[number, string]>) {
    const e = m.get(doc) ?? [0, 0];
    e[col === 'title' ? 0 : 1]++;
    m.set(doc, e);
  }
  const rows = [...m.keys()].sort((a, b) => a - b);
  return { rows, title: rows.map((x) => m.get(x)![0]), text: rows.map((x) => m.get(x)![1]) };
}

const terms = (db: Database.Database) => db.prepare('SELECT DISTINCT term FROM temp.v').pluck().all() as string[];

test('every term of small-leaf, several-segment indexes reads as fts5vocab gives it', () => {
  for (const [pgsz, batches, seed] of [[64, 7, 1], [200, 3, 2], [4050, 1, 3]] as const) {
    const db = makeIndex({ pgsz, docs: 300, batches, seed });
    const segs = db.prepare("SELECT count(*) FROM articles_fts_data WHERE id > 10 AND (id >> 31) & 63 = 0 AND (id & 2147483647) = 1").pluck().get() as number;
    assert.ok(batches === 1 || segs > 1, `pgsz ${pgsz}: several segments`);
    const maxRow = db.prepare('SELECT max(rowid) FROM articles_fts').pluck().get() as number;
    let long = 0;
    for (const t of [...terms(db), 'absent', 'w0a', 'zzzz']) {
      for (const [from, upTo] of [[0, maxRow], [maxRow >> 2, (maxRow * 3) >> 2]]) {
        const got = readDoclist(db, t, from!, upTo!);
        assert.deepEqual(got, expected(db, t, from!, upTo!), `pgsz ${pgsz}, term ${t}, rows (${from}, ${upTo}]`);
        if (got && got.rows.length * 8 > pgsz) long++;
      }
    }
    // with small leaves, doclists over several leaves were among them
    assert.ok(pgsz > 1000 || long > 0);
    db.close();
  }
});

test('an index with rows deleted is read right or not at all (null: the caller asks fts5vocab)', () => {
  const db = makeIndex({ pgsz: 128, docs: 200, batches: 4, seed: 9 });
  db.exec('DELETE FROM articles_fts WHERE rowid % 7 = 0');
  let read = 0;
  let declined = 0;
  for (const t of terms(db)) {
    const got = readDoclist(db, t, 0, 1e9);
    if (got === null) declined++;
    else {
      read++;
      assert.deepEqual(got, expected(db, t, 0, 1e9), t);
    }
  }
  assert.ok(declined > 0, 'terms with delete markers are declined');
  // merged into one segment the deletes are gone: every term is read
  db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')");
  for (const t of terms(db)) assert.deepEqual(readDoclist(db, t, 0, 1e9), expected(db, t, 0, 1e9), `${t} after optimize`);
  assert.ok(read > 0, 'terms without delete markers are read');
  // more rows than the caller keeps: said, not read
  const most = terms(db).map((t) => [t, expected(db, t, 0, 1e9).rows.length] as const).sort((a, b) => b[1] - a[1])[0]!;
  assert.equal(readDoclist(db, most[0], 0, 1e9, most[1] - 1), 'many');
  assert.deepEqual(readDoclist(db, most[0], 0, 1e9, most[1]), expected(db, most[0], 0, 1e9));
  db.close();
});
