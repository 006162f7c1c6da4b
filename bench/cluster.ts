// Clustering cost per article with 1k and with 100k articles already stored.
// A synthetic corpus (Zipf-distributed vocabulary, capitalised names, numbers, and shared-event
// groups whose articles share names, topic words and sometimes a copied sentence) is bulk-loaded
// straight into the index tables, then fresh articles go through the real per-article path
// (article row + detectReuse + assignStory in one transaction) and are timed.
// Usage: npx tsx bench/cluster.ts [--small N] [--large N] [--measure N] [--cache-mb N]
// (--cache-mb sets SQLite's page cache on both stores; default: the store's own setting.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../src/store/db.ts';
import type { ArticleDoc, Span } from '../src/types.ts';
import { sha256Hex } from '../src/text/normalise.ts';
import { detectReuse, defaultReuseOptions, FULL_ARTICLE, FULL_SENTENCE, sentenceSpans } from '../src/reuse/detect.ts';
import { reuseWords, sketchKeys } from '../src/reuse/minhash.ts';
import { assignStory, defaultStoryOptions, flushStoryBatch, hasOwnDf, indexEntries, storyIdFor, StoryBatch, weighFeatures } from '../src/stories/assign.ts';
import { directSql } from '../src/store/bulk.ts';
import { articleFeatures } from '../src/stories/features.ts';
import { dayOf } from '../src/stories/text.ts';
import { rng } from '../src/util/common.ts';

const DAY0 = Date.UTC(2024, 0, 1);
const SPAN_DAYS = 365;


const SYL = ['ba', 'ko', 'ri', 'tan', 'mel', 'su', 'dar', 'pe', 'lin', 'go', 'ram', 'ti', 'nu', 'sek', 'wa', 'jo', 'hal', 'mi', 'ter', 'ka', 'bu', 'dan', 'le', 'sa'];

class Corpus {
  readonly rand: () => number;
  readonly vocab: string[];
  readonly cdf: Float64Array;
  readonly names: string[];
  private events: Array<{ names: string[]; topic: string[]; numbers: string[]; day: number; lead: string }> = [];
  private n = 0;
  /** Article id -> index of the event it reports (-1: a singleton), to check joins against. */
  readonly eventOf = new Map<string, number>();

  constructor(seed: number, vocabSize = 40_000, nameCount = 30_000) {
    this.rand = rng(seed);
    const seen = new Set<string>();
    const word = () => {
      for (;;) {
        const k = 1 + Math.floor(this.rand() * 3);
        let w = '';
        for (let i = 0; i < k; i++) w += SYL[Math.floor(this.rand() * SYL.length)];
        if (w.length >= 3 && !seen.has(w)) return seen.add(w), w;
        if (seen.size > 10_000) return w + Math.floor(this.rand() * 1e6).toString(36);
      }
    };
    this.vocab = Array.from({ length: vocabSize }, word);
    // Zipf (s = 1.07) over ranks: cumulative table for inverse-CDF sampling.
    this.cdf = new Float64Array(vocabSize);
    let acc = 0;
    for (let r = 0; r < vocabSize; r++) this.cdf[r] = acc += 1 / Math.pow(r + 1, 1.07);
    for (let r = 0; r < vocabSize; r++) this.cdf[r] /= acc;
    const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
    this.names = Array.from({ length: nameCount }, () => `${cap(word())} ${cap(word())}`);
  }

  pick<T>(xs: T[]): T {
    return xs[Math.floor(this.rand() * xs.length)];
  }

  zipf(): string {
    const u = this.rand();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.vocab[lo];
  }

  sentence(extra: string[] = []): string {
    const len = 10 + Math.floor(this.rand() * 12);
    const words: string[] = [];
    for (let i = 0; i < len; i++) words.push(extra.length && this.rand() < 0.4 ? this.pick(extra) : this.zipf());
    if (this.rand() < 0.5) words.splice(Math.floor(this.rand() * words.length), 0, this.pick(this.names));
    if (this.rand() < 0.3) words.push(String(10 + Math.floor(this.rand() * 990)));
    const s = words.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  }

  /** 30% of articles report a shared event (new or continuing), the rest are singletons. */
  next(): ArticleDoc {
    this.n++;
    let day = Math.floor(this.rand() * SPAN_DAYS);
    let extra: string[] = [];
    const parts: string[] = [];
    let event = -1;
    if (this.rand() < 0.3) {
      let ev = this.events.length > 0 && this.rand() < 0.6 ? this.events[this.events.length - 1 - Math.floor(this.rand() * Math.min(50, this.events.length))] : null;
      if (!ev) {
        const topic = Array.from({ length: 8 }, () => this.vocab[200 + Math.floor(this.rand() * 20_000)]);
        ev = { names: Array.from({ length: 3 }, () => this.pick(this.names)), topic, numbers: [String(Math.floor(this.rand() * 1e4))], day, lead: '' };
        ev.lead = this.sentence([...ev.topic, ...ev.names]);
        this.events.push(ev);
      }
      event = this.events.indexOf(ev);
      day = Math.max(0, ev.day + Math.floor(this.rand() * 5) - 2);
      extra = [...ev.topic, ...ev.names, ...ev.numbers];
      if (this.rand() < 0.5) parts.push(ev.lead); // agency copy
    }
    const sentences = 6 + Math.floor(this.rand() * 8);
    for (let i = 0; i < sentences; i++) parts.push(this.sentence(extra));
    const text = parts.join(' ') + ` Ref ${this.n}.`;
    const title = this.sentence(extra).slice(0, 80);
    const doc = docOf(text, title, new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10));
    this.eventOf.set(doc.id, event);
    return doc;
  }
}

function docOf(text: string, title: string, published: string): ArticleDoc {
  const textHash = sha256Hex(text);
  const sentences: Span[] = sentenceSpans(text, null);
  return {
    id: textHash.slice(0, 16),
    input: `bench:${textHash.slice(0, 8)}`,
    url: null,
    outlet: null,
    title,
    published,
    authors: [],
    citedSources: [],
    captions: [],
    text,
    language: 'en',
    languageConfidence: 1,
    paragraphs: [{ start: 0, end: text.length, lang: 'en' }],
    sentences,
    textHash,
  };
}

/**
 * Bulk prefill through the raw SQLite handle: the same rows the per-article path writes
 * (articles, reuse bands, df, postings, vectors, stories), computed in memory with final dfs.
 * Prefilled articles are singletons' stories (story assignment is what is measured, not prefilled).
 */
function prefill(store: Store, corpus: Corpus, count: number, dfAcc: Map<string, number>, state: { docs: number }): void {
  const db = store.sqlite!;
  const opts = defaultStoryOptions;
  const insArticle = db.prepare(
    `INSERT INTO articles (id, text_hash, input, url, outlet, title, published, language, language_confidence, authors, cited_sources, captions, paragraphs, sentences, text, story_id, ingested_at)
     VALUES (?, ?, ?, NULL, NULL, ?, ?, 'en', 1, '[]', '[]', '[]', '[]', ?, ?, ?, ?)`,
  );
  const insBand = db.prepare('INSERT INTO reuse_bands (key, article_id, sentence) VALUES (?, ?, ?)');
  const insPost = db.prepare('INSERT OR IGNORE INTO story_postings (key, day, article_id) VALUES (?, ?, ?)');
  const insVec = db.prepare('INSERT INTO story_vectors (article_id, story_id, day, vector) VALUES (?, ?, ?, ?)');
  const insStory = db.prepare('INSERT INTO stories (id, title, article_count, first_published, last_published, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  const batch = 1_000;
  for (let done = 0; done < count; done += batch) {
    const docs: ArticleDoc[] = [];
    for (let i = 0; i < Math.min(batch, count - done); i++) docs.push(corpus.next());
    const tfs = docs.map((d) => articleFeatures(d, opts.features));
    // Word pairs have no document frequency of their own (estimated from their words), as in assignStory.
    for (const tf of tfs) for (const k of tf.keys()) if (hasOwnDf(k)) dfAcc.set(k, (dfAcc.get(k) ?? 0) + 1);
    state.docs += docs.length;
    db.transaction(() => {
      docs.forEach((d, i) => {
        const sid = storyIdFor(d.id);
        const day = dayOf(d.published);
        insArticle.run(d.id, d.textHash, d.input, d.title, d.published, JSON.stringify(d.sentences), d.text, sid, now);
        d.sentences.forEach((s, si) => {
          const words = reuseWords(d.text.slice(s.start, s.end));
          if (words.length < defaultReuseOptions.minWords) return;
          for (const key of sketchKeys(words, defaultReuseOptions.keysPerSentence)) insBand.run(key, d.id, si);
        });
        // As the real path stores it (weighFeatures, indexEntries), with the final document frequencies.
        const { postingKeys, vector } = indexEntries(weighFeatures(tfs[i], new Map([...tfs[i].keys()].filter(hasOwnDf).map((k) => [k, dfAcc.get(k) ?? 0])), state.docs, opts), opts);
        for (const k of postingKeys) insPost.run(k, day, d.id);
        insVec.run(d.id, sid, day, vector);
        insStory.run(sid, d.title, d.published, d.published, now, now);
      });
    })();
  }
  // As the per-article path leaves the reuse index: a sketch key past the posting cap holds its marker row alone
  // (detectReuse stops adding to it and drops its postings; prefilled in bulk, every posting was written).
  db.transaction(() => {
    const full = db.prepare('SELECT key FROM reuse_bands GROUP BY key HAVING count(*) > ?').pluck().all(defaultReuseOptions.postingCap) as number[];
    const drop = db.prepare('DELETE FROM reuse_bands WHERE key = ?');
    const mark = db.prepare('INSERT INTO reuse_bands (key, article_id, sentence) VALUES (?, ?, ?)');
    for (const key of full) {
      drop.run(key);
      mark.run(key, FULL_ARTICLE, FULL_SENTENCE);
    }
  })();
  db.transaction(() => {
    db.prepare('DELETE FROM story_df').run();
    const ins = db.prepare('INSERT INTO story_df (key, df) VALUES (?, ?)');
    for (const [k, n] of dfAcc) ins.run(k, n);
    db.prepare(`INSERT INTO story_stats (name, value) VALUES ('docs', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`).run(state.docs);
  })();
}

/** CPU time of this process in ms (user + system): other processes on a shared machine stretch wall time, not this. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Measured {
  reuseMs: number;
  storyMs: number;
  totalMs: number;
  reuseCpu: number;
  storyCpu: number;
  totalCpu: number;
  joined: number;
  rightJoins: number;
}

async function measure(store: Store, corpus: Corpus, count: number): Promise<Measured> {
  let reuseMs = 0;
  let storyMs = 0;
  let reuseCpu = 0;
  let storyCpu = 0;
  let joined = 0;
  let rightJoins = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  for (let i = 0; i < count; i++) {
    const doc = corpus.next();
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('articles')
        .values({
          id: doc.id, text_hash: doc.textHash, input: doc.input, url: null, outlet: null, title: doc.title, published: doc.published,
          language: 'en', language_confidence: 1, authors: '[]', cited_sources: '[]', captions: '[]', paragraphs: '[]',
          sentences: JSON.stringify(doc.sentences), text: doc.text, story_id: null, ingested_at: new Date().toISOString(),
        })
        .execute();
      const a = performance.now();
      const ac = cpuMs();
      // As ingestDocs runs it: the store's direct lookups, increments written at the end.
      const direct = directSql(store.sqlite);
      const reuse = await detectReuse(trx, doc, undefined, direct);
      const b = performance.now();
      const bc = cpuMs();
      const batch = new StoryBatch(direct);
      const res = await assignStory(trx, doc, reuse, defaultStoryOptions, batch);
      await flushStoryBatch(trx, batch);
      const c = performance.now();
      const cc = cpuMs();
      reuseMs += b - a;
      storyMs += c - b;
      reuseCpu += bc - ac;
      storyCpu += cc - bc;
      if (!res.created) {
        joined++;
        const ev = corpus.eventOf.get(doc.id) ?? -1;
        if (ev >= 0 && corpus.eventOf.get(res.storyId.slice(1)) === ev) rightJoins++;
      }
    });
  }
  return {
    reuseMs: reuseMs / count,
    storyMs: storyMs / count,
    totalMs: (performance.now() - t0) / count,
    reuseCpu: reuseCpu / count,
    storyCpu: storyCpu / count,
    totalCpu: (cpuMs() - c0) / count,
    joined,
    rightJoins,
  };
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const small = arg('--small', 1_000);
const large = arg('--large', 100_000);
const count = arg('--measure', 300);
const cacheMb = arg('--cache-mb', 0);
const BLOCK = 20;

interface Side {
  label: string;
  store: Store;
  corpus: Corpus;
  dir: string;
  totals: Measured & { n: number };
}

async function side(label: string, size: number): Promise<Side> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-cluster-'));
  const store = await openStore(path.join(dir, 'bench.db'));
  if (cacheMb > 0) store.sqlite!.pragma(`cache_size = -${cacheMb * 1024}`);
  const corpus = new Corpus(42);
  const t = performance.now();
  prefill(store, corpus, size, new Map(), { docs: 0 });
  console.log(`${label}: prefilled ${size} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await measure(store, corpus, BLOCK); // warm-up: statement caches, JIT
  return { label, store, corpus, dir, totals: { reuseMs: 0, storyMs: 0, totalMs: 0, reuseCpu: 0, storyCpu: 0, totalCpu: 0, joined: 0, rightJoins: 0, n: 0 } };
}

const sides = [await side(`${small} stored`, small), await side(`${large} stored`, large)];
try {
  // Alternate blocks between the two stores so load from other processes hits both alike.
  for (let done = 0; done < count; done += BLOCK) {
    for (const s of sides) {
      const r = await measure(s.store, s.corpus, BLOCK);
      for (const k of ['reuseMs', 'storyMs', 'totalMs', 'reuseCpu', 'storyCpu', 'totalCpu'] as const) s.totals[k] += r[k] * BLOCK;
      s.totals.joined += r.joined;
      s.totals.rightJoins += r.rightJoins;
      s.totals.n += BLOCK;
    }
  }
  for (const s of sides) {
    const t = s.totals;
    console.log(
      `${s.label.padEnd(16)} per article: story ${(t.storyMs / t.n).toFixed(2)} ms, reuse ${(t.reuseMs / t.n).toFixed(2)} ms, ` +
        `whole transaction ${(t.totalMs / t.n).toFixed(2)} ms (${t.joined}/${t.n} joined a story, ${t.rightJoins} of them their own event's); ` +
        `CPU: story ${(t.storyCpu / t.n).toFixed(2)} ms, reuse ${(t.reuseCpu / t.n).toFixed(2)} ms, whole ${(t.totalCpu / t.n).toFixed(2)} ms`,
    );
  }
  const [a, b] = sides.map((s) => s.totals);
  console.log(`ratio ${large}/${small}: story ${(b.storyMs / a.storyMs).toFixed(2)}x, reuse ${(b.reuseMs / a.reuseMs).toFixed(2)}x, whole ${(b.totalMs / a.totalMs).toFixed(2)}x`);
  console.log(`CPU ratio ${large}/${small}: story ${(b.storyCpu / a.storyCpu).toFixed(2)}x, reuse ${(b.reuseCpu / a.reuseCpu).toFixed(2)}x, whole ${(b.totalCpu / a.totalCpu).toFixed(2)}x`);
  console.log(
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the in-memory bulk prefill dominates); ` +
      `RSS after measuring ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
  );
} finally {
  for (const s of sides) {
    await s.store.close();
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
}
