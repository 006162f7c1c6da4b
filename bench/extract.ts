// HTML → Extracted throughput: Kabar's extractHtml vs plain @mozilla/readability on linkedom, same
// pages (the extraction eval pages, unpacked in memory first), same process, one core.
// Usage: npx tsx bench/extract.ts [maxPages] [rounds]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { decodeBytes } from '../src/extract/decode.ts';
import { extractHtml, parseDocument } from '../src/extract/html.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
const dir = path.join(shared, 'eval', 'extraction', 'html');
const maxPages = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 1);

if (!fs.existsSync(dir)) {
  console.log(`bench skipped: ${dir} is absent`);
  process.exit(0);
}

const pages = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.gz'))
  .sort()
  .slice(0, maxPages)
  .map((f) => decodeBytes(zlib.gunzipSync(fs.readFileSync(path.join(dir, f)))).text);
const mb = pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / 1024 / 1024;

/** Wall-clock rate, and the rate per second of this process's CPU time (steadier on a shared, loaded machine). */
function run(name: string, f: (html: string) => unknown): { wall: number; cpu: number } {
  f(pages[0]!); // warm-up
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const p of pages) f(p);
  const c = process.cpuUsage(c0);
  const s = (performance.now() - t0) / 1000;
  const cpuS = (c.user + c.system) / 1e6;
  const rate = (pages.length * rounds) / s;
  const cpuRate = (pages.length * rounds) / cpuS;
  console.log(`${name.padEnd(22)} ${rate.toFixed(1).padStart(7)} docs/s  ${((mb * rounds) / s).toFixed(2)} MB/s  (${s.toFixed(1)} s wall; ${cpuRate.toFixed(1)} docs per CPU-second, ${cpuS.toFixed(1)} s CPU)`);
  return { wall: rate, cpu: cpuRate };
}

console.log(`${pages.length} pages, ${mb.toFixed(1)} MB of HTML, ${rounds} round(s), one core`);
const rssMb = (): string => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;
const heapMb = (): string => `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`;
console.log(`pages loaded: peak RSS ${rssMb()}, heap ${heapMb()}`);
const ours = run('kabar extractHtml', (h) => extractHtml(h));
// maxRSS only grows: the figure after our run is our peak (pages included); Readability runs after.
console.log(`  after kabar: peak RSS ${rssMb()}`);
const base = run('readability+linkedom', (h) => {
  try {
    return new Readability(parseDocument(h)).parse();
  } catch {
    return null;
  }
});
console.log(`  after readability: peak RSS ${rssMb()}`);
console.log(`ratio kabar/readability: ${(ours.wall / base.wall).toFixed(2)}x wall clock, ${(ours.cpu / base.cpu).toFixed(2)}x CPU time`);
