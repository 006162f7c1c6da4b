// Running the real `kabar` CLI on hostile inputs in child processes and judging the outcome:
// exit code 0/1 only, no stack trace, within a time and memory bound, exactly one outcome (stored,
// extracted or one error line) per input. Shared by the bounded tests and `npm run test:hostile`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot } from '../helpers.ts';
import { printable } from '../../src/ingest/sources.ts';
import type { FuzzInput, FuzzManifest } from '../../scripts/fuzz-inputs.ts';

export const BIN = path.join(repoRoot, 'bin/kabar.mjs');
/** GNU time measures each child's peak RSS; without it memory is not measured (and the tests say so). */
export const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the kabar process in MB (null when /usr/bin/time is missing). */
  peakMb: number | null;
  timedOut: boolean;
}

/**
 * Runs `kabar args` (its own process group, so a timeout kills the whole of it), measuring peak RSS
 * with /usr/bin/time. `stdinFile` is streamed to its standard input.
 */
export function runKabar(args: string[], opts: { cwd?: string; timeoutMs: number; env?: Record<string, string>; stdinFile?: string }): Promise<RunResult> {
  const rssFile = path.join(os.tmpdir(), `kabar-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const cmd = TIME ? [TIME, '-f', '%M', '-o', rssFile, process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), {
      cwd: opts.cwd ?? repoRoot,
      env: { ...process.env, KABAR_DB: '', KABAR_LOG_LEVEL: '', ...opts.env },
      stdio: [opts.stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    child.stdout!.on('data', (c: Buffer) => {
      // Extracted text can be large; keep at most 256 MB (more would itself be a finding).
      if (outLen < 256 * 1024 * 1024) out.push(c);
      outLen += c.length;
    });
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    if (opts.stdinFile) {
      const src = fs.createReadStream(opts.stdinFile);
      src.pipe(child.stdin!);
      child.stdin!.on('error', () => src.destroy()); // the child may stop reading early
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, opts.timeoutMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      let peakMb: number | null = null;
      try {
        const kb = Number(/(\d+)\s*$/.exec(fs.readFileSync(rssFile, 'utf8'))?.[1]);
        if (Number.isFinite(kb)) peakMb = Math.round(kb / 1024);
        fs.rmSync(rssFile, { force: true });
      } catch {
        /* killed before /usr/bin/time wrote it */
      }
      // /usr/bin/time reports a signal death as "Command terminated by signal N" and exits 128+N.
      const text = Buffer.concat(err).toString('utf8');
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: text, ms: performance.now() - t0, peakMb, timedOut });
    });
  });
}

/** A stack trace, an uncaught error or a fatal V8 message in stderr. */
export function crashText(stderr: string): string | null {
  const m = /^\s+at .+(:\d+:\d+\)?|\(native\))$|^(Uncaught|Unhandled|FATAL ERROR|node:internal|<--- Last few GCs|RangeError|TypeError|Error:|Command terminated by signal|Segmentation fault)/m.exec(stderr);
  return m ? m[0] : null;
}

/** One unit the CLI must account for: a file, or one line of a JSONL file. */
export interface Unit {
  name: string;
  expect: 'good' | 'bad' | 'either' | 'nothing';
  marker?: string;
  category: string;
}

export function unitsOf(inp: FuzzInput): Unit[] {
  if (inp.lines) {
    return inp.lines.map((l, k) => ({ name: `${inp.path}#${k + 1}`, expect: l ? l.expect : 'nothing', marker: l?.marker, category: `${inp.category}-line` }));
  }
  return [{ name: inp.path, expect: inp.expect, marker: inp.marker, category: inp.category }];
}

export interface Verdict {
  units: number;
  crashes: string[];
  hangs: string[];
  /** Inputs whose outcome broke a rule (two errors, silence, good input lost, stray error line...). */
  violations: string[];
  peakMb: number;
  slowestMs: number;
  processes: number;
  errorsSeen: number;
}

export function emptyVerdict(): Verdict {
  return { units: 0, crashes: [], hangs: [], violations: [], peakMb: 0, slowestMs: 0, processes: 0, errorsSeen: 0 };
}

export function merge(a: Verdict, b: Verdict): Verdict {
  return {
    units: a.units + b.units,
    crashes: [...a.crashes, ...b.crashes],
    hangs: [...a.hangs, ...b.hangs],
    violations: [...a.violations, ...b.violations],
    peakMb: Math.max(a.peakMb, b.peakMb),
    slowestMs: Math.max(a.slowestMs, b.slowestMs),
    processes: a.processes + b.processes,
    errorsSeen: a.errorsSeen + b.errorsSeen,
  };
}

export interface Bounds {
  /** Wall time allowed for one input (added per input to a fixed allowance for start-up). */
  perInputMs: number;
  startupMs: number;
  /** Peak RSS allowed for one kabar process. */
  maxMb: number;
}

/** Error lines as `name → count`; lines not of the form `error: NAME: reason` are returned apart. */
function errorLines(stderr: string, names: string[]): { counts: Map<string, number>; stray: string[] } {
  const counts = new Map<string, number>();
  const stray: string[] = [];
  const shown = new Map(names.map((n) => [printable(n), n]));
  for (const line of stderr.split('\n')) {
    if (!line || /^ingest: \d+ added/.test(line)) continue;
    if (!line.startsWith('error: ')) {
      stray.push(line);
      continue;
    }
    // The name is the longest known name the line starts with (names may contain ": ").
    let hit: string | null = null;
    for (let k = line.indexOf(': ', 7); k !== -1; k = line.indexOf(': ', k + 1)) {
      const n = shown.get(line.slice(7, k));
      if (n !== undefined) hit = n;
    }
    if (hit === null) stray.push(line);
    else counts.set(hit, (counts.get(hit) ?? 0) + 1);
  }
  return { counts, stray };
}

/** Runs `kabar ingest` (into a fresh store) or `kabar extract --json` on `inputs`, splitting the group when it crashes or hangs to name the culprit. */
export async function runGroup(mode: 'ingest' | 'extract', root: string, inputs: FuzzInput[], bounds: Bounds, manifest: FuzzManifest): Promise<Verdict> {
  const v = emptyVerdict();
  const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-fuzzdb-')), 'k.db');
  const args = mode === 'ingest' ? ['ingest', '--db', db, '-q', ...inputs.map((i) => i.path)] : ['extract', '--json', ...inputs.map((i) => i.path)];
  const timeoutMs = bounds.startupMs + bounds.perInputMs * inputs.reduce((n, i) => n + (i.lines?.length ?? (i.tree ? 12 : 1)), 0);
  const r = await runKabar(args, { cwd: root, timeoutMs });
  v.processes = 1;
  const crash = crashText(r.stderr);
  const failed = r.timedOut || r.signal !== null || (r.status !== 0 && r.status !== 1) || crash !== null || (r.peakMb ?? 0) > bounds.maxMb;
  if (failed) {
    if (inputs.length > 1) {
      const half = Math.ceil(inputs.length / 2);
      const a = await runGroup(mode, root, inputs.slice(0, half), bounds, manifest);
      const b = await runGroup(mode, root, inputs.slice(half), bounds, manifest);
      fs.rmSync(path.dirname(db), { recursive: true, force: true });
      const m = merge(a, b);
      m.processes += 1;
      return m;
    }
    const what = `${mode} ${inputs[0]!.path}`;
    if (r.timedOut) v.hangs.push(`${what}: no result after ${timeoutMs} ms`);
    else if ((r.peakMb ?? 0) > bounds.maxMb) v.crashes.push(`${what}: peak memory ${r.peakMb} MB over ${bounds.maxMb} MB`);
    else v.crashes.push(`${what}: exit ${r.status ?? r.signal}${crash ? `, ${crash.trim()}` : ''}\n${r.stderr.slice(-2000)}`);
    fs.rmSync(path.dirname(db), { recursive: true, force: true });
    return v;
  }
  v.peakMb = r.peakMb ?? 0;
  v.slowestMs = r.ms;

  const units = inputs.filter((i) => !i.tree).flatMap(unitsOf);
  v.units = units.length + inputs.filter((i) => i.tree).length;
  const trees = inputs.filter((i) => i.tree).map((i) => i.path);
  const { counts, stray } = errorLines(r.stderr, units.map((u) => u.name));
  v.errorsSeen = [...counts.values()].reduce((a, b) => a + b, 0);
  // Error lines about files inside a folder input: one per file, each naming a file in that folder.
  const treeErrors = new Map<string, number>();
  for (const line of stray) {
    const t = trees.find((p) => line.startsWith(`error: ${printable(p)}/`) || line.startsWith(`error: ${printable(p)}: `));
    if (!t) {
      v.violations.push(`${mode}: stray stderr line: ${line.slice(0, 300)}`);
      continue;
    }
    const name = line.slice(7, line.indexOf(': ', 7 + t.length));
    treeErrors.set(name, (treeErrors.get(name) ?? 0) + 1);
    v.errorsSeen++;
  }
  for (const [name, n] of treeErrors) if (n > 1) v.violations.push(`${mode} ${name}: ${n} error lines`);
  const anyError = v.errorsSeen > 0;
  if (r.status !== (anyError ? 1 : 0)) v.violations.push(`${mode}: exit ${r.status} with ${v.errorsSeen} error lines`);

  // What came out for each input: stored articles (ingest) or JSON lines (extract).
  const texts = new Map<string, string[]>();
  if (mode === 'ingest') {
    const sqlite = new Database(db, { readonly: true });
    for (const row of sqlite.prepare('SELECT i.input AS input, a.text AS text FROM inputs i JOIN articles a ON a.id = i.article_id').all() as Array<{ input: string; text: string }>) {
      texts.set(row.input, [...(texts.get(row.input) ?? []), row.text]);
    }
    sqlite.close();
  } else {
    for (const line of r.stdout.split('\n')) {
      if (!line) continue;
      let o: { input?: string; text?: string };
      try {
        o = JSON.parse(line);
      } catch {
        v.violations.push(`extract: stdout line is not JSON: ${line.slice(0, 200)}`);
        continue;
      }
      texts.set(String(o.input), [...(texts.get(String(o.input)) ?? []), String(o.text)]);
    }
  }
  for (const u of units) {
    const errs = counts.get(u.name) ?? 0;
    const got = texts.get(u.name) ?? [];
    const label = `${mode} ${u.name} [${u.category}]`;
    if (errs > 1) v.violations.push(`${label}: ${errs} error lines`);
    if (got.length > 1) v.violations.push(`${label}: ${got.length} outputs`);
    if (u.expect === 'nothing') {
      if (errs || got.length) v.violations.push(`${label}: a blank line produced output`);
      continue;
    }
    if (errs && got.length) v.violations.push(`${label}: both an error and an output`);
    if (!errs && !got.length) v.violations.push(`${label}: neither an error nor an output`);
    // Page text must not carry terminal control characters into what Kabar prints or stores.
    if (got.some((x) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(x))) v.violations.push(`${label}: control characters left in the text`);
    if (u.expect === 'good') {
      if (!got.length) v.violations.push(`${label}: good input not ${mode === 'ingest' ? 'ingested' : 'extracted'}`);
      else if (u.marker && !got[0]!.includes(u.marker)) v.violations.push(`${label}: marker ${u.marker} missing from the text`);
    }
    if (u.expect === 'bad' && errs !== 1) v.violations.push(`${label}: bad input without its error line`);
  }
  // Folder inputs: the good files in them were read, whatever else the folder holds.
  for (const t of inputs.filter((i) => i.tree)) {
    const inTree = [...texts.entries()].filter(([k]) => k.startsWith(t.path + '/'));
    const good = inTree.find(([k]) => k.endsWith('/good.txt'));
    if (!good || !good[1][0]!.includes(t.marker!)) v.violations.push(`${mode} ${t.path}: good.txt not read`);
    if (!inTree.some(([k]) => k.endsWith('/bottom.txt'))) v.violations.push(`${mode} ${t.path}: the file 61 folders down not read`);
    // As root chmod 000 stops nothing, so the locked file is read; otherwise it must be named in an error.
    const locked = inTree.some(([k]) => k.endsWith('/locked.txt'));
    const lockedErr = treeErrors.has(`${t.path}/locked.txt`);
    if (manifest.root ? !locked : !lockedErr) v.violations.push(`${mode} ${t.path}: locked.txt ${manifest.root ? 'not read as root' : 'not reported'}`);
    for (const link of ['a-link.txt', 'dangling.txt']) if (!treeErrors.has(`${t.path}/${link}`)) v.violations.push(`${mode} ${t.path}: ${link} not reported`);
  }
  fs.rmSync(path.dirname(db), { recursive: true, force: true });
  return v;
}

export function report(label: string, v: Verdict, inputsTried: number): string {
  return [
    `${label}: inputs tried ${inputsTried}, units judged ${v.units}, processes ${v.processes}`,
    `  crashes ${v.crashes.length}, hangs ${v.hangs.length}, rule violations ${v.violations.length}, error lines ${v.errorsSeen}`,
    `  peak memory ${v.peakMb} MB (one kabar process), longest kabar process ${(v.slowestMs / 1000).toFixed(1)} s`,
    ...v.crashes.slice(0, 10).map((c) => `  CRASH ${c}`),
    ...v.hangs.slice(0, 10).map((c) => `  HANG ${c}`),
    ...v.violations.slice(0, 30).map((c) => `  VIOLATION ${c}`),
  ].join('\n');
}
