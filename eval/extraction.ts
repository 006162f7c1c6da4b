// Main-text extraction quality by trafilatura's method on ../shared/eval/extraction/:
// per page, each `with` snippet found in the extracted text is a TP (else FN), each `without`
// snippet found is an FP (else TN). Kabar's extractor and plain @mozilla/readability (linkedom)
// run on the same pages in the same run. Title / date / author accuracy where gold exists.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { decodeBytes } from '../src/extract/decode.ts';
import { extractHtml, htmlToParagraphs, parseDocument } from '../src/extract/html.ts';

type Row = Record<string, string | number>;

interface GoldPage {
  file: string;
  with: string[];
  without: string[];
  title?: string;
  date?: string;
  author?: string | string[] | null;
}

interface Result {
  text: string;
  title: string | null;
  date: string | null;
  authors: string[];
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const loose = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Title right: equal after case/space/punctuation normalisation, or one contains the other. */
export function titleMatches(got: string | null, gold: string): boolean {
  if (!got) return false;
  const a = loose(got);
  const b = loose(gold);
  return a.length > 0 && (a === b || a.includes(b) || b.includes(a));
}

/** Author right: at least half of the gold name tokens appear among ours. */
export function authorMatches(got: string[], gold: string | string[]): boolean {
  const goldTokens = loose([gold].flat().join(' ')).split(' ').filter((t) => t.length > 1 && !['und', 'and', 'von', 'by'].includes(t));
  if (goldTokens.length === 0) return false;
  const ours = new Set(loose(got.join(' ')).split(' '));
  const hit = goldTokens.filter((t) => ours.has(t)).length;
  return hit * 2 >= goldTokens.length;
}

function readabilityResult(html: string): Result {
  try {
    const art = new Readability(parseDocument(html)).parse();
    return {
      text: art?.content ? htmlToParagraphs(art.content).join('\n\n') : '',
      title: art?.title ?? null,
      date: art?.publishedTime ? art.publishedTime.slice(0, 10) : null,
      authors: art?.byline ? [art.byline] : [],
    };
  } catch {
    return { text: '', title: null, date: null, authors: [] };
  }
}

function kabarResult(html: string, url: string): Result {
  const r = extractHtml(html, { url });
  return { text: r.text, title: r.title, date: r.published ? r.published.slice(0, 10) : null, authors: r.authors };
}

interface Tally {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  titleOk: number;
  titleN: number;
  dateOk: number;
  dateN: number;
  authorOk: number;
  authorN: number;
  ms: number;
}

const empty = (): Tally => ({ tp: 0, fp: 0, tn: 0, fn: 0, titleOk: 0, titleN: 0, dateOk: 0, dateN: 0, authorOk: 0, authorN: 0, ms: 0 });

/** Per-page misses, printed with -v: missing `with` snippets and present `without` snippets. */
const misses: string[] = [];

function score(t: Tally, g: GoldPage, r: Result, log?: string): void {
  const text = norm(r.text);
  const fnS: string[] = [];
  const fpS: string[] = [];
  for (const s of g.with) if (text.includes(norm(s))) t.tp++; else { t.fn++; fnS.push(s); }
  for (const s of g.without) if (text.includes(norm(s))) { t.fp++; fpS.push(s); } else t.tn++;
  if (log !== undefined) {
    if (fnS.length || fpS.length) misses.push(`${log}\tFN ${JSON.stringify(fnS)}\tFP ${JSON.stringify(fpS)}`);
    if (g.title && !titleMatches(r.title, g.title)) misses.push(`${log}\tTITLE ${JSON.stringify(r.title)} gold ${JSON.stringify(g.title)}`);
    if (g.date && r.date !== g.date.slice(0, 10)) misses.push(`${log}\tDATE ${r.date} gold ${g.date}`);
    if (g.author && [g.author].flat().join('').trim() && !authorMatches(r.authors, g.author)) misses.push(`${log}\tAUTHOR ${JSON.stringify(r.authors)} gold ${JSON.stringify(g.author)}`);
  }
  if (g.title) {
    t.titleN++;
    if (titleMatches(r.title, g.title)) t.titleOk++;
  }
  if (g.date) {
    t.dateN++;
    if (r.date === g.date.slice(0, 10)) t.dateOk++;
  }
  if (g.author && [g.author].flat().join('').trim()) {
    t.authorN++;
    if (authorMatches(r.authors, g.author)) t.authorOk++;
  }
}

function row(name: string, pages: number, t: Tally): Row {
  const precision = t.tp / Math.max(1, t.tp + t.fp);
  const recall = t.tp / Math.max(1, t.tp + t.fn);
  return {
    extractor: name,
    pages,
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-9, precision + recall),
    accuracy: (t.tp + t.tn) / Math.max(1, t.tp + t.tn + t.fp + t.fn),
    title: t.titleN ? `${(t.titleOk / t.titleN).toFixed(3)} (n=${t.titleN})` : '-',
    date: t.dateN ? `${(t.dateOk / t.dateN).toFixed(3)} (n=${t.dateN})` : '-',
    author: t.authorN ? `${(t.authorOk / t.authorN).toFixed(3)} (n=${t.authorN})` : '-',
    'ms/page': t.ms / Math.max(1, pages),
  };
}

export async function evalExtraction(sharedDir: string, opts: { limit?: number; verbose?: boolean; noBaseline?: boolean } = {}): Promise<Row[]> {
  const dir = path.join(sharedDir, 'eval', 'extraction');
  const goldFile = path.join(dir, 'evaldata.json');
  if (!fs.existsSync(goldFile)) {
    console.log(`extraction eval skipped: ${goldFile} is absent`);
    return [];
  }
  const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as Record<string, GoldPage>;
  const ours = empty();
  const base = empty();
  let pages = 0;
  for (const [url, g] of Object.entries(gold).slice(0, opts.limit ?? Infinity)) {
    const file = path.join(dir, 'html', `${g.file}.gz`);
    if (!fs.existsSync(file)) continue;
    const html = decodeBytes(zlib.gunzipSync(fs.readFileSync(file))).text;
    pages++;
    let t0 = performance.now();
    const k = kabarResult(html, url);
    ours.ms += performance.now() - t0;
    score(ours, g, k, opts.verbose ? `${g.file}\t${url}` : undefined);
    if (opts.noBaseline) continue;
    t0 = performance.now();
    const r = readabilityResult(html);
    base.ms += performance.now() - t0;
    score(base, g, r);
  }
  if (opts.verbose) for (const m of misses) console.log(m);
  const rows = [row('kabar (extractHtml)', pages, ours)];
  if (!opts.noBaseline) rows.push(row('readability+linkedom', pages, base));
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { table } = await import('./table.ts');
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
  // Usage: npx tsx eval/extraction.ts [limit] [-v: per-page misses] [--ours: skip the baseline]
  const args = process.argv.slice(2);
  const num = args.find((a) => /^\d+$/.test(a));
  const limit = num ? Number(num) : undefined;
  process.stdout.write(table(await evalExtraction(shared, { limit, verbose: args.includes('-v'), noBaseline: args.includes('--ours') })));
}
