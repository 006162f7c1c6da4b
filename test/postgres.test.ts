// The PostgreSQL store against the embedded one: the same corpus ingested through the CLI into both gives the
// same export byte for byte, search folds diacritics, re-ingest adds nothing, and concurrent ingest into one
// database still clusters right. Needs PostgreSQL on 127.0.0.1:5432 (KABAR_TEST_PG); skips without it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, tmpDir } from './helpers.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { buildExport } from '../src/export/json.ts';
import { ingestInputs } from '../src/ingest/run.ts';
import { ingestDoc } from '../src/store/ingest.ts';
import { searchArticles } from '../src/store/queries.ts';
import { makeDoc } from '../src/reuse/testutil.ts';
import { postgresUnavailable, tempDatabase } from '../src/queue/testutil.ts';

const skip = await postgresUnavailable();
if (skip) console.log(`# postgres.test.ts: ${skip}`);

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(repoRoot, 'bin/kabar.mjs'), ...args], { cwd: repoRoot, env: { ...process.env, KABAR_DB: '' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('PostgreSQL store', { skip: skip ?? false }, () => {
  let pgUrl = '';
  let drop = async () => {};
  const dir = tmpDir();
  const sqlitePath = path.join(dir, 'kabar.db');

  before(async () => {
    ({ url: pgUrl, drop } = await tempDatabase('test'));
  });
  after(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('examples/ through the CLI: same export as SQLite, diacritics folded in search, re-ingest adds nothing', async () => {
    // Both engines at once (two cores); each is a separate CLI process as a user runs it.
    const [p, s] = await Promise.all([run(['ingest', 'examples', '--db', pgUrl]), run(['ingest', 'examples', '--db', sqlitePath])]);
    assert.equal(p.status, 0, p.stderr);
    assert.equal(s.status, 0, s.stderr);
    const added = (out: string) => /ingest: (\d+) added, (\d+) already present, (\d+) failed/.exec(out)?.slice(1).map(Number);
    assert.deepEqual(added(p.stderr), added(s.stderr));
    assert.ok(added(p.stderr)![0] >= 12, p.stderr);

    // The export in-process (each CLI start costs seconds on a loaded machine), serialised as the CLI does.
    const pgStore = await openStore(pgUrl);
    const sqStore = await openStore(sqlitePath);
    const exportText = async (st: Store) => JSON.stringify(await buildExport(st), null, 2) + '\n';
    try {
      const pgJson = await exportText(pgStore);
      const sqJson = await exportText(sqStore);
      // Ids are content hashes and the export carries no ingest timestamps: byte-identical, not just alike.
      assert.ok(pgJson === sqJson, 'PostgreSQL and SQLite exports differ');
      const exp = JSON.parse(pgJson);
      assert.ok(exp.stories.length >= 3 && exp.articles.length >= 12);

      // Search: an unaccented query finds the accented text, on both engines, the same articles.
      const accented = exp.articles.find((a: { text: string }) => a.text.includes('Hà Nội'));
      assert.ok(accented, 'examples/ has an article mentioning Hà Nội');
      for (const q of ['Ha Noi', 'HÀ NỘI', 'hà nội']) {
        const ph = await searchArticles(pgStore, q);
        const sh = await searchArticles(sqStore, q);
        assert.ok(ph.some((h) => h.articleId === accented.id), `PostgreSQL search "${q}"`);
        assert.deepEqual(ph.map((h) => h.articleId).sort(), sh.map((h) => h.articleId).sort(), `same hits for "${q}"`);
        assert.ok(ph.every((h) => h.snippet.includes('[')), 'snippets mark the match');
      }
      assert.deepEqual(await searchArticles(pgStore, 'zzqx nonexistentword'), []);

      // Re-ingest (in-process: the same code path as the CLI's) adds nothing and changes nothing.
      const again = await ingestInputs(pgStore, [path.join(repoRoot, 'examples')]);
      assert.deepEqual([again.added, again.failed], [0, 0]);
      assert.ok(again.present >= exp.articles.length);
      assert.ok((await exportText(pgStore)) === sqJson, 're-ingest changed the export');
    } finally {
      await pgStore.close();
      await sqStore.close();
    }
  });

  test('two connections ingesting one event at once open one story, not two', async () => {
    const { url, drop: dropRace } = await tempDatabase('race');
    const s1 = await openStore(url);
    const s2 = await openStore(url);
    try {
      const wire = 'Floodwaters from the Citarum River submerged 4,300 homes in Bandung Regency on Friday, the disaster agency said. Agency spokesman Abdul Muhari said 12,000 residents had been moved to shelters in Baleendah and Dayeuhkolot.';
      for (let round = 0; round < 3; round++) {
        const a = makeDoc(`${wire} Round ${round}: heavy rain is expected to continue until Sunday.`, { title: 'Citarum floods', published: '2024-02-02' });
        const b = makeDoc(`Round ${round}: local officials opened a second field kitchen on Saturday. ${wire}`, { title: 'Bandung flood', published: '2024-02-03' });
        const [ra, rb] = await Promise.all([ingestDoc(s1, a), ingestDoc(s2, b)]);
        assert.equal(ra.storyId, rb.storyId, `round ${round}: the two articles of one event share a story`);
      }
      const n = await s1.db.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      // round 0 opens the story; rounds 1 and 2 repeat the same wire text, so they join it
      assert.equal(Number(n.n), 1);
      // the same article from both connections at once is stored once
      const c = makeDoc('A wholly separate report about a ferry that ran aground near Bitung port on Monday morning.', { published: '2024-03-04' });
      const [r1, r2] = await Promise.all([ingestDoc(s1, c), ingestDoc(s2, { ...c, input: 'other-input' })]);
      assert.deepEqual([r1.status, r2.status].sort(), ['added', 'present']);
      const rows = await s1.db.selectFrom('articles').select('id').where('id', '=', c.id).execute();
      assert.equal(rows.length, 1);
    } finally {
      await s1.close();
      await s2.close();
      await dropRace();
    }
  });

  test('keyed locks: an open ingest blocks only articles that share its keys; unrelated ones go through', async () => {
    const { url, drop: dropKeyed } = await tempDatabase('keyed');
    const [s1, s2, s3] = [await openStore(url), await openStore(url), await openStore(url)];
    let release: (() => void) | undefined;
    let release2: (() => void) | undefined;
    try {
      const wire = 'The port authority in Makassar suspended ferry departures to Selayar on Tuesday after waves reached four metres, stranding 1,200 passengers at Soekarno-Hatta harbour.';
      const a = makeDoc(`${wire} The authority said sailings could resume on Thursday.`, { title: 'Makassar ferries halted', published: '2024-05-07' });
      const related = makeDoc(`Stranded travellers slept in the terminal overnight. ${wire}`, { title: 'Ferry passengers stranded', published: '2024-05-07' });
      const unrelated = makeDoc('A chess tournament for secondary school pupils opened in Pontianak with 310 players from nine provinces competing for scholarships.', { title: 'Chess in Pontianak', published: '2024-05-07' });
      const gate = new Promise<void>((r) => (release = r));
      let holding!: () => void;
      const held = new Promise<void>((r) => (holding = r));
      const first = ingestDoc(s1, a, {
        locks: 'keyed',
        afterWrites: async () => {
          holding();
          await gate;
        },
      });
      await held;
      const timeout = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms));
      // Unrelated: stored while the first transaction is still open.
      const other = await Promise.race([ingestDoc(s2, unrelated, { locks: 'keyed' }), timeout(10_000)]);
      assert.notEqual(other, 'timeout', 'an unrelated article is not held up by an open ingest');
      // Related (same sentence, same story keys): waits for the first to commit, then joins its story.
      const second = ingestDoc(s3, related, { locks: 'keyed' });
      assert.equal(await Promise.race([second, timeout(1500)]), 'timeout', 'an article sharing keys waits for the open ingest');
      release!();
      const [ra, rb] = await Promise.all([first, second]);
      assert.equal(rb.storyId, ra.storyId, 'the waiting article sees the committed one and joins its story');
      const links = await s1.db.selectFrom('reuse_links').select(['a', 'b']).execute();
      assert.deepEqual(links.map((l) => [l.a, l.b]), [[a.id, related.id]], 'and finds the sentence it reuses');
      // Global mode, for contrast: the same open ingest holds everyone up.
      const gate2 = new Promise<void>((r) => (release2 = r));
      let holding2!: () => void;
      const held2 = new Promise<void>((r) => (holding2 = r));
      const third = ingestDoc(s1, makeDoc('Rice prices in Medan markets rose eight percent in April, traders said, blaming a late harvest in Deli Serdang.', { published: '2024-05-08' }), {
        locks: 'global',
        afterWrites: async () => {
          holding2();
          await gate2;
        },
      });
      await held2;
      const blocked = ingestDoc(s2, makeDoc('Volunteers planted 5,000 mangrove seedlings along the coast of Demak regency on Sunday to slow erosion.', { published: '2024-05-08' }), { locks: 'global' });
      assert.equal(await Promise.race([blocked, timeout(1500)]), 'timeout', 'global mode serialises unrelated articles');
      release2!();
      await Promise.all([third, blocked]);
      // More keys than a transaction may lock (a very long article): stored under the global lock instead.
      const long = makeDoc('Fishermen in Ambon reported a record tuna catch on Wednesday, the fisheries office said. Prices at the Arumbai market fell by a third as boats returned.', { published: '2024-05-09' });
      const r = await ingestDoc(s1, long, { locks: 'keyed', lockBudget: 3 });
      assert.equal(r.status, 'added');
    } finally {
      release?.();
      release2?.();
      for (const s of [s1, s2, s3]) await s.close();
      await dropKeyed();
    }
  });
});
