// Throughput of tagTimes against chrono-node alone (its Indonesian/English/Vietnamese parser) on the
// same sentences. Run: `npx tsx bench/time.ts [sharedDir]`. Uses the IndoTimex dev texts when
// ../shared is present, else a few hand-written sentences per language.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { tagTimes } from '../src/time/tag.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { loadTimeML } from '../eval/time.ts';
import { rate } from './rate.ts';

const FIXTURES: Record<string, string[]> = {
  id: [
    'Pesawat lepas landas Minggu (28/12/2014) pukul 05.36 WIB dan hilang kontak dua jam kemudian.',
    'Sebulan kemudian, tepatnya 14 Juli 2014, tim kembali mencari selama lebih dari dua hari.',
    'Pemerintah akan mengumumkan hasilnya minggu depan, kata menteri, Senin, 29 Desember 2014.',
  ],
  en: [
    'The talks began on October 9, 2025 and ended two days later, officials said on Monday.',
    'Prices have risen every year since the 1990s, nearly two decades of growth.',
  ],
  vi: [
    'Sáng nay, đoàn đại biểu đã tới Hà Nội sau chuyến thăm từ ngày 9 đến 11/10.',
    'Lúc 7h30 ngày 9/10, tàu rời cảng; hai ngày sau, tàu cập bến.',
  ],
};


export async function benchTime(sharedDir: string): Promise<Array<Record<string, string | number>>> {
  const dir = path.join(sharedDir, 'eval', 'time', 'indotimex-dev');
  const sets: Record<string, string[]> = { ...FIXTURES };
  if (fs.existsSync(dir)) {
    sets.id = loadTimeML(dir).flatMap((d) => splitSentences(d.text, 'id').map((s) => d.text.slice(s.start, s.end)));
  }
  const ref = new Date('2014-12-29T12:00:00');
  const rows: Array<Record<string, string | number>> = [];
  for (const [lang, sentences] of Object.entries(sets)) {
    const parser = (chrono as unknown as Record<string, { parse(t: string, r: Date): unknown[] }>)[lang === 'en' ? 'casual' : lang]!;
    const ours = rate(sentences, (s) => tagTimes(s, { lang, anchor: '2014-12-29' }), 500);
    const base = rate(sentences, (s) => parser.parse(s, ref), 500);
    rows.push({ lang, sentences: sentences.length, 'tagTimes sent/s': ours, 'chrono-node sent/s': base, ratio: +(ours / base).toFixed(2) });
  }
  // one long article: cost grows with the text, not with the square of it
  const long = sets.id!.join(' ').repeat(20);
  const t0 = performance.now();
  const n = tagTimes(long, { lang: 'id', anchor: '2014-12-29' }).length;
  rows.push({ lang: 'id', sentences: `1 text of ${Math.round(long.length / 1000)} KB`, 'tagTimes sent/s': `${(performance.now() - t0).toFixed(0)} ms, ${n} timexes`, 'chrono-node sent/s': '', ratio: '' });
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.argv[2] ?? path.resolve(repoRoot, '../shared');
  void benchTime(shared).then((rows) => console.table(rows));
}
