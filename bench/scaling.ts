// How far this machine lets the per-article work scale from one process to two, with no store and no queue:
// the ceiling for `bench/workers.ts`'s 1-vs-2 worker speed-up. Each child process loads the pipeline, warms up,
// then processes the synthetic corpus over and over between a common start and stop signal; the rate is the
// articles all children finished in that window. A plain arithmetic loop is measured the same way, as the
// reference for what the cores give to work that does not touch memory (the pipeline does: hash maps, strings).
// Usage: npx tsx bench/scaling.ts [--n 200 (corpus articles)] [--seconds 15] [--procs 1,2]
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus.ts';

const args = process.argv.slice(2);
const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
const n = Number(arg('--n', '200'));
const seconds = Number(arg('--seconds', '15'));
const procs = arg('--procs', '1,2').split(',').map(Number);

type Kind = 'pipeline' | 'arithmetic';
interface Report {
  done: number;
  cpuMs: number;
}

if (args.includes('--child')) {
  const kind = arg('--kind', 'pipeline') as Kind;
  let step: () => void;
  if (kind === 'pipeline') {
    const { processRaw } = await import('../src/pipeline.ts');
    const files = buildCorpus(n).files;
    let i = 0;
    step = () => {
      const f = files[i++ % files.length]!;
      processRaw({ input: f.name, format: 'text', content: f.text });
    };
    for (let k = 0; k < Math.min(50, n); k++) step(); // warm-up: lazy tables, JIT
  } else {
    let x = 1;
    // One "article" of arithmetic: a fixed number of dependent integer operations.
    step = () => {
      for (let k = 0; k < 2_000_000; k++) x = (x * 31 + k) | 0;
      if (x === 42) console.log('');
    };
  }
  let running = false;
  let done = 0;
  let cpu0 = process.cpuUsage();
  const loop = () => {
    if (!running) return;
    const until = performance.now() + 20;
    while (performance.now() < until) (step(), done++);
    setImmediate(loop);
  };
  process.on('message', (m: string) => {
    if (m === 'start') {
      running = true;
      done = 0;
      cpu0 = process.cpuUsage();
      loop();
    } else if (m === 'stop') {
      running = false;
      const c = process.cpuUsage(cpu0);
      process.send!({ done, cpuMs: (c.user + c.system) / 1000 } satisfies Report, () => process.exit(0));
    }
  });
  process.send!('ready');
} else {
  const self = fileURLToPath(import.meta.url);
  async function run(kind: Kind, k: number): Promise<{ rate: number; cpuPerItem: number }> {
    const children: ChildProcess[] = Array.from({ length: k }, () =>
      fork(self, ['--child', '--kind', kind, '--n', String(n)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    await Promise.all(children.map((c) => new Promise<void>((res) => c.once('message', () => res()))));
    const t0 = performance.now();
    for (const c of children) c.send('start');
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const reports = await Promise.all(
      children.map((c) => new Promise<Report>((res) => (c.once('message', (m) => res(m as Report)), c.send('stop')))),
    );
    const wall = (performance.now() - t0) / 1000;
    const done = reports.reduce((a, r) => a + r.done, 0);
    const cpu = reports.reduce((a, r) => a + r.cpuMs, 0);
    return { rate: done / wall, cpuPerItem: cpu / Math.max(1, done) };
  }
  for (const kind of ['arithmetic', 'pipeline'] as Kind[]) {
    const rows: Array<{ k: number; rate: number; cpuPerItem: number }> = [];
    for (const k of procs) rows.push({ k, ...(await run(kind, k)) });
    for (const r of rows) {
      const unit = kind === 'pipeline' ? 'articles' : 'loops';
      console.log(`${kind}, ${r.k} process(es): ${r.rate.toFixed(1)} ${unit}/s, CPU ${r.cpuPerItem.toFixed(2)} ms per item`);
    }
    if (rows.length >= 2) console.log(`${kind}: ${rows[1]!.k} vs ${rows[0]!.k} processes ${(rows[1]!.rate / rows[0]!.rate).toFixed(2)}x (CPU per item ${(rows[1]!.cpuPerItem / rows[0]!.cpuPerItem).toFixed(2)}x)`);
  }
}
