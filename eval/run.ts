// `npm run eval`: every quality measure on ../shared/eval/ that exists, one table per set.
// Sets that are absent are skipped with a message, so this also runs on a user's clone.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { table, type Row } from './table.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');

interface Suite {
  name: string;
  folder: string;
  run: () => Promise<Row[]>;
}

const suites: Suite[] = [
  { name: 'extraction (trafilatura method)', folder: 'eval/extraction', run: async () => (await import('./extraction.ts')).evalExtraction(sharedDir) },
  { name: 'publication dates', folder: 'eval/dates', run: async () => (await import('./dates.ts')).evalDates(sharedDir) },
  { name: 'language identification', folder: 'eval', run: async () => (await import('./language.ts')).evalLanguage(sharedDir) },
  { name: 'time expressions (TIMEX3) on indotimex-dev', folder: 'eval/time/indotimex-dev', run: async () => (await import('./time.ts')).evalTime(sharedDir) },
  { name: 'NER (entity-level P/R/F1, conlleval)', folder: 'eval/ner', run: async () => (await import('./ner.ts')).evalNer(sharedDir) },
  { name: 'events (PLOVER) on PLOVER_GSR_dev', folder: 'eval/events', run: async () => (await import('./events.ts')).evalEvents(sharedDir) },
  { name: 'stories (B-cubed) on vietnamese-mds-dev', folder: 'eval/clusters/vietnamese-mds-dev', run: async () => (await import('./clusters.ts')).evalClusters(sharedDir) },
];

const only = process.argv.slice(2);
let failed = 0;
for (const s of suites) {
  if (only.length && !only.some((o) => s.name.includes(o))) continue;
  const dir = path.join(sharedDir, s.folder.replace(/^eval/, 'eval'));
  process.stdout.write(`\n## ${s.name}\n\n`);
  if (!fs.existsSync(dir)) {
    process.stdout.write(`skipped: ${dir} is absent (the eval data lives in ../shared/eval beside the repo)\n`);
    continue;
  }
  const t0 = performance.now();
  try {
    const rows = await s.run();
    process.stdout.write(table(rows));
    process.stdout.write(`(${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  } catch (e) {
    failed++;
    process.stdout.write(`failed: ${(e as Error).stack ?? e}\n`);
  }
}
if (failed) process.exitCode = 1;
