// Publication dates on ../shared/eval/dates/ (200 news pages from around the world, htmldate's
// MediaCloud 2020 set): share of pages with the right YYYY-MM-DD, with no date, with a wrong one.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../src/extract/decode.ts';
import { extractHtml } from '../src/extract/html.ts';

type Row = Record<string, string | number>;

export async function evalDates(sharedDir: string, opts: { verbose?: boolean } = {}): Promise<Row[]> {
  const dir = path.join(sharedDir, 'eval', 'dates');
  const goldFile = path.join(dir, 'eval_mediacloud_2020.json');
  if (!fs.existsSync(goldFile)) {
    console.log(`dates eval skipped: ${goldFile} is absent`);
    return [];
  }
  // The file is Python-written: pages without a known date carry a bare NaN, which JSON lacks.
  const raw = fs.readFileSync(goldFile, 'utf8').replace(/:\s*NaN\b/g, ': null');
  const gold = JSON.parse(raw) as Record<string, { file: string; date: string | null }>;
  let right = 0;
  let none = 0;
  let wrong = 0;
  let ms = 0;
  for (const [url, g] of Object.entries(gold)) {
    const file = path.join(dir, 'html', `${g.file}.gz`);
    if (!g.date || !fs.existsSync(file)) continue;
    const html = decodeBytes(zlib.gunzipSync(fs.readFileSync(file))).text;
    const t0 = performance.now();
    const got = extractHtml(html, { url }).published?.slice(0, 10) ?? null;
    ms += performance.now() - t0;
    if (got === null) none++;
    else if (got === g.date) right++;
    else wrong++;
    if (opts.verbose && got !== g.date) console.log(`${got ?? 'none'}\t${g.date}\t${url}`);
  }
  const n = right + none + wrong;
  return [{ pages: n, right: right / Math.max(1, n), 'no date': none / Math.max(1, n), wrong: wrong / Math.max(1, n), 'ms/page': ms / Math.max(1, n) }];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { table } = await import('./table.ts');
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
  process.stdout.write(table(await evalDates(shared, { verbose: process.argv.includes('-v') })));
}
