// Brief of a 50-article story: cross-check (claims, consistency) and rendering in md, html and json.
// 50 articles are generated from the bundled examples' trade-visit articles (id, en, vi): each is one of them
// reprinted by another outlet with its figures sometimes changed and a sentence of its own, the way a wire story
// spreads. They go through the real ingest (extraction, language, sentences, reuse, times, entities, events,
// agreements, quotes) into a temporary store; the export is then made one story of all 50 (whatever the
// clustering did), and the brief is timed on it. The export of the largest real story is timed too.
// Usage: npx tsx bench/brief.ts [--articles 50] [--runs 5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/db.ts';
import { ingestInputs } from '../src/ingest/run.ts';
import { buildExport } from '../src/export/json.ts';
import { crossCheck } from '../src/crosscheck/index.ts';
import { renderBrief } from '../src/publish/brief.ts';
import { rng } from '../src/util/common.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('articles', 50);
const RUNS = arg('runs', 5);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-bench-brief-'));
const store = await openStore(path.join(dir, 'bench.db'));
try {
  // the base texts: the examples' articles about one trade visit, as the real extractor reads them
  const bases = ['001.txt', '004.html', '007.txt', '012.html'].map((f) => path.join(root, 'examples', f));
  await ingestInputs(store, bases);
  const base = (await buildExport(store)).articles;
  const rand = rng(7);
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const b = base[i % base.length]!;
    // another outlet's reprint: some figures changed, one sentence of its own
    let text = b.text.replace(/\b(\d{1,2})\b/g, (m) => (rand() < 0.1 ? String(Number(m) + 1) : m));
    text += `\n\n${b.language === 'vi' ? `Bản tin số ${i + 1} của tòa soạn.` : b.language === 'id' ? `Laporan nomor ${i + 1} dari redaksi.` : `Report number ${i + 1} from the newsroom.`}`;
    lines.push(JSON.stringify({ url: `https://outlet-${i + 1}.example/news/${i + 1}`, title: `${b.title} (${i + 1})`, text, published: b.published, outlet: `Outlet ${i + 1}`, language: b.language }));
  }
  const jsonl = path.join(dir, 'articles.jsonl');
  fs.writeFileSync(jsonl, lines.join('\n') + '\n');
  let t = performance.now();
  const summary = await ingestInputs(store, [jsonl]);
  const ingestMs = performance.now() - t;
  const all = await buildExport(store);
  const generated = new Set(all.articles.filter((a) => a.input.startsWith(jsonl)).map((a) => a.id));
  // the largest story the clustering formed, exported as the CLI does
  const largest = [...all.stories].sort((a, b) => b.articles.length - a.articles.length)[0]!;
  const cpu0 = process.cpuUsage();
  t = performance.now();
  await buildExport(store, { storyIds: [largest.id] });
  const exportMs = performance.now() - t;
  const exportCpu = process.cpuUsage(cpu0);
  // one story of the generated articles
  const doc = structuredClone(all);
  doc.stories = [{ id: 'sbench', title: 'bench story', articles: doc.articles.filter((a) => generated.has(a.id)).map((a) => a.id), firstPublished: null, lastPublished: null }];
  doc.articles = doc.articles.filter((a) => generated.has(a.id)).map((a) => ({ ...a, story: 'sbench' }));
  doc.events = doc.events.filter((e) => e.evidence.some((m) => generated.has(m.article))).map((e) => ({ ...e, story: 'sbench' }));
  doc.agreements = doc.agreements.filter((g) => g.evidence.some((m) => generated.has(m.article))).map((g) => ({ ...g, story: 'sbench' }));
  doc.quotes = doc.quotes.filter((q) => generated.has(q.article));
  doc.times = doc.times.filter((x) => generated.has(x.article));
  doc.reuse = doc.reuse.filter((r) => generated.has(r.a) && generated.has(r.b));
  const { claims: _c, consistency: _k, ...input } = doc;
  // wall time, and CPU time of this process (the machine may be shared: CPU time is what the work costs)
  const times: Record<string, number[]> = { crosscheck: [], md: [], html: [], json: [] };
  const cpu: Record<string, number[]> = { crosscheck: [], md: [], html: [], json: [] };
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let c0 = 0;
  let claims = 0;
  let contested = 0;
  for (let r = 0; r < RUNS; r++) {
    t = performance.now();
    c0 = cpuMs();
    const cc = crossCheck(input);
    times.crosscheck!.push(performance.now() - t);
    cpu.crosscheck!.push(cpuMs() - c0);
    claims = cc.claims.length;
    contested = cc.claims.filter((c) => c.status === 'contested').length;
    for (const f of ['md', 'html', 'json'] as const) {
      t = performance.now();
      c0 = cpuMs();
      // the brief as the CLI makes it: claims computed, then rendered
      renderBrief({ ...input, ...crossCheck(input) }, 'sbench', f);
      times[f]!.push(performance.now() - t);
      cpu[f]!.push(cpuMs() - c0);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`articles ingested: ${summary.added} (+${base.length} bases) in ${(ingestMs / 1000).toFixed(1)} s; stories formed: ${all.stories.length}`);
  console.log(`bench story: ${doc.stories[0]!.articles.length} articles, ${doc.reuse.length} reuse links, ${doc.events.length} events, ${doc.agreements.length} agreement records, ${doc.quotes.length} quotes → ${claims} claims (${contested} contested)`);
  console.log(`cross-check alone: median ${med(times.crosscheck!).toFixed(0)} ms wall, ${med(cpu.crosscheck!).toFixed(0)} ms CPU over ${RUNS} runs`);
  for (const f of ['md', 'html', 'json'])
    console.log(`brief ${f} (cross-check + render): median ${med(times[f]!).toFixed(0)} ms wall (max ${Math.max(...times[f]!).toFixed(0)}), ${med(cpu[f]!).toFixed(0)} ms CPU`);
  console.log(`export of the largest real story (${largest.articles.length} articles) from the store, as \`kabar brief\` does before rendering: ${exportMs.toFixed(0)} ms wall, ${((exportCpu.user + exportCpu.system) / 1000).toFixed(0)} ms CPU`);
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
