// Story clustering quality on VietnameseMDS dev clusters: every article of every cluster is ingested
// into one fresh store, in a seeded shuffled order (clusters are not fed contiguously), through the
// real pipeline and ingest transaction; stories are scored against the gold clusters with B-cubed.
// A batch baseline (plain TF-IDF cosine, single link, best threshold found on the same data) is
// reported beside it, so the number says what the incremental method adds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../src/store/db.ts';
import { ingestDoc } from '../src/store/ingest.ts';
import type { ArticleDoc, RawInput, Span } from '../src/types.ts';
import { sha256Hex } from '../src/text/normalise.ts';
import { stopwordsFor } from '../src/stories/stopwords.ts';
import { tokenize } from '../src/stories/text.ts';
import { rng } from '../src/util/common.ts';

export interface EvalArticle {
  file: string;
  cluster: string;
  body: string;
  title: string | null;
  url: string | null;
  published: string | null;
}

const SEEDS = (process.env.KABAR_EVAL_SEEDS ?? "1,2,3").split(",").map(Number);

export function loadClusters(dir: string): EvalArticle[] {
  const out: EvalArticle[] = [];
  for (const cluster of fs.readdirSync(dir).filter((d) => /^cluster_\d+$/.test(d)).sort()) {
    const cdir = path.join(dir, cluster);
    for (const f of fs.readdirSync(cdir).filter((f) => /^\d+\.body\.txt$/.test(f)).sort()) {
      const id = f.slice(0, -'.body.txt'.length);
      const info = fs.readFileSync(path.join(cdir, `${id}.info.txt`), 'utf8');
      const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim() || null;
      out.push({
        file: `${cluster}/${id}`,
        cluster,
        body: fs.readFileSync(path.join(cdir, f), 'utf8'),
        title: untokenise(field('TITLE')),
        url: field('LINK'),
        published: isoTime(field('TIME')),
      });
    }
  }
  return out;
}

/** The corpus's titles are word-segmented ("máy_bay , Trung_Quốc"): undo the segmentation. */
function untokenise(title: string | null): string | null {
  return title ? title.replace(/_/g, ' ').replace(/\s+([,.:;!?)])/g, '$1').replace(/([(])\s+/g, '$1').trim() : null;
}

/** "22/10/2013 20:30" (Vietnam time) -> ISO. */
function isoTime(v: string | null): string | null {
  const m = v && /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec(v);
  if (!m) return null;
  const p = (s: string | undefined) => (s ?? '0').padStart(2, '0');
  return new Date(`${m[3]}-${p(m[2])}-${p(m[1])}T${p(m[4])}:${p(m[5])}:00+07:00`).toISOString();
}

/** Seeded Fisher-Yates (mulberry32), so an order can be replayed. */
export function shuffled<T>(items: T[], seed: number): T[] {
  const rand = rng(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

type Build = (raw: RawInput) => ArticleDoc;

/** The lead's pipeline when it is complete; otherwise the same record built directly from the text. */
async function builder(): Promise<{ build: Build; via: string }> {
  try {
    const { processRaw } = await import('../src/pipeline.ts');
    return { build: processRaw, via: 'processRaw' };
  } catch {
    return { build: fallbackDoc, via: 'direct (pipeline not loadable)' };
  }
}

function fallbackDoc(raw: RawInput): ArticleDoc {
  const text = raw.content.trim();
  const textHash = sha256Hex(text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' '));
  const sentences: Span[] = [];
  for (const m of text.matchAll(/[^.!?]+(?:[.!?]+|$)/g)) {
    const start = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
    const end = (m.index ?? 0) + m[0].trimEnd().length;
    if (end > start) sentences.push({ start, end });
  }
  return {
    id: textHash.slice(0, 16),
    input: raw.input,
    url: raw.hints?.url ?? null,
    outlet: null,
    title: raw.hints?.title ?? null,
    published: raw.hints?.published ?? null,
    authors: [],
    citedSources: [],
    captions: [],
    text,
    language: raw.hints?.language ?? 'vi',
    languageConfidence: 1,
    paragraphs: [{ start: 0, end: text.length, lang: raw.hints?.language ?? 'vi' }],
    sentences,
    textHash,
  };
}

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  clusters: number;
}

/** B-cubed precision/recall over items: each item's share of its cluster that shares its gold class, and vice versa. */
export function bcubed(predicted: string[], gold: string[]): BCubed {
  const n = predicted.length;
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const p = count(predicted);
  const g = count(gold);
  const both = count(predicted.map((x, i) => `${x}\u0000${gold[i]}`));
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const inter = both.get(`${predicted[i]}\u0000${gold[i]}`)!;
    precision += inter / p.get(predicted[i])!;
    recall += inter / g.get(gold[i])!;
  }
  precision /= n;
  recall /= n;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), clusters: p.size };
}

async function runOurs(articles: EvalArticle[], build: Build): Promise<{ stories: string[]; msPerArticle: number; fallbacks: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-eval-clusters-'));
  const store = await openStore(path.join(dir, 'kabar.db'));
  try {
    const stories: string[] = [];
    const ids: string[] = [];
    let fallbacks = 0;
    const t0 = performance.now();
    for (const a of articles) {
      const raw: RawInput = {
        input: a.file,
        format: 'text',
        content: a.body,
        hints: { url: a.url ?? undefined, title: a.title ?? undefined, published: a.published ?? undefined },
      };
      let doc: ArticleDoc;
      try {
        doc = build(raw);
      } catch {
        // Extraction rejected a gold article: cluster it from its raw text so the clustering is still
        // measured on every article, and count it (an extraction problem, reported separately).
        doc = fallbackDoc(raw);
        fallbacks++;
      }
      ids.push((await ingestDoc(store, doc)).articleId);
    }
    const msPerArticle = (performance.now() - t0) / articles.length;
    // The stories as stored at the end: re-clustering may have moved an article after it was ingested.
    const rows = await store.db.selectFrom('articles').select(['id', 'story_id']).execute();
    const storyOf = new Map(rows.map((r) => [r.id, r.story_id]));
    ids.forEach((id, i) => stories.push(storyOf.get(id) ?? `none:${articles[i].file}`));
    return { stories, msPerArticle, fallbacks };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Baseline: batch TF-IDF (content words, sublinear tf) cosine, single link over all pairs at threshold t. */
export function tfidfSingleLink(texts: string[], thresholds: number[]): Array<{ threshold: number; labels: string[] }> {
  const stop = stopwordsFor('vi');
  const tfs = texts.map((t) => {
    const m = new Map<string, number>();
    for (const tok of tokenize(t)) if (!tok.num && !stop.has(tok.norm)) m.set(tok.norm, (m.get(tok.norm) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of tfs) for (const k of m.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const vecs = tfs.map((m) => {
    const v = new Map<string, number>();
    let sq = 0;
    for (const [k, n] of m) {
      const w = (1 + Math.log(n)) * Math.log(texts.length / df.get(k)!);
      v.set(k, w);
      sq += w * w;
    }
    const norm = Math.sqrt(sq) || 1;
    for (const [k, w] of v) v.set(k, w / norm);
    return v;
  });
  const sims: Array<[number, number, number]> = [];
  for (let i = 0; i < vecs.length; i++) {
    for (let j = i + 1; j < vecs.length; j++) {
      let dot = 0;
      for (const [k, w] of vecs[i]) dot += w * (vecs[j].get(k) ?? 0);
      sims.push([dot, i, j]);
    }
  }
  return thresholds.map((threshold) => {
    const parent = texts.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    for (const [s, i, j] of sims) if (s >= threshold) parent[find(i)] = find(j);
    return { threshold, labels: texts.map((_, i) => String(find(i))) };
  });
}

export async function evalClusters(sharedDir: string): Promise<Array<Record<string, string | number>>> {
  const dir = path.join(sharedDir, 'eval/clusters/vietnamese-mds-dev');
  const corpus = loadClusters(dir);
  const { build, via } = await builder();
  const rows: Array<Record<string, string | number>> = [];
  const gold = new Set(corpus.map((a) => a.cluster)).size;
  for (const seed of SEEDS) {
    const order = shuffled(corpus, seed);
    const { stories, msPerArticle, fallbacks } = await runOurs(order, build);
    const b = bcubed(stories, order.map((a) => a.cluster));
    rows.push({ system: `kabar stories (${via})`, order: `shuffle ${seed}`, articles: order.length, gold, stories: b.clusters, precision: b.precision, recall: b.recall, f1: b.f1, 'ms/article': msPerArticle, 'extraction fallbacks': fallbacks });
  }
  const thresholds = Array.from({ length: 90 }, (_, i) => (i + 5) / 100);
  const runs = tfidfSingleLink(
    corpus.map((a) => `${a.title ?? ''}\n${a.body}`),
    thresholds,
  ).map((r) => ({ ...r, score: bcubed(r.labels, corpus.map((a) => a.cluster)) }));
  const best = runs.reduce((x, y) => (y.score.f1 > x.score.f1 ? y : x));
  rows.push({ system: `baseline TF-IDF cosine single-link (t=${best.threshold.toFixed(2)}, best)`, order: 'batch', articles: corpus.length, gold, stories: best.score.clusters, precision: best.score.precision, recall: best.score.recall, f1: best.score.f1, 'ms/article': '' });
  return rows;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const { table } = await import('./table.ts');
  const shared = process.env.KABAR_SHARED ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../shared');
  process.stdout.write(table(await evalClusters(shared)));
}
