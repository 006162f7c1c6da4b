// `kabar serve --workers N`: N processes serve one port (node:cluster), so pages are computed and sent on
// every core, not one. Each worker opens the store itself (SQLite in WAL mode: readers in several processes do
// not wait for each other, and writes take SQLite's one-writer lock with the store's busy timeout; PostgreSQL:
// a pool per worker). Every read checks the store's versions (src/server/storycache.ts), so what one worker
// keeps in memory is never stale after another worker, or `kabar worker`, wrote.
//
// What stays per process: the in-memory caches (each worker fills its own), the background preparing of pages
// (worker 0 only: the pages go to the store, where every worker reads them), and the write rate limits (each
// worker allows its share, the limit / N, per client: connections are spread over the workers, so a client's
// writes through several connections stay within about the limit, and through one connection within its share).
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { log } from '../util/log.ts';
import type { ServeOptions } from './cli.ts';
import { isLoopbackHost } from './security.ts';

/** What a worker needs to serve: where the store is and the server's options (JSON: sent in the environment). */
export interface WorkerConfig {
  location: string;
  index: number;
  workers: number;
  opts: Omit<ServeOptions, 'workers'>;
}

/** the worker's configuration (src/server/worker.ts reads it) */
export const WORKER_ENV = 'KABAR_SERVE_WORKER';
const MAX_WORKERS = 16;

/**
 * How many processes serve when --workers is not given: KABAR_WORKERS if set; one on a loopback address (a
 * reader on this machine: one process is plenty and the background preparing has the other cores); else one per
 * core the process may use (os.availableParallelism), at most 8.
 */
export function defaultWorkers(host: string, env: string | undefined = process.env.KABAR_WORKERS): number {
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_WORKERS) return n;
  }
  return isLoopbackHost(host) ? 1 : Math.max(1, Math.min(8, os.availableParallelism()));
}

export function workersArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new Error(`expected a number of worker processes (1-${MAX_WORKERS})`);
  return n;
}

/** the old generation's size that a serving worker starts with, MB (see workerExecArgv) */
const OLD_SPACE_MB = 128;

/**
 * The arguments node needs to run the worker's TypeScript: this process's, or tsx's loader when it was registered
 * in-process (bin/kabar.mjs). A profiled primary (--cpu-prof) has its workers profiled too: they serve the requests.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const argv = execArgv.filter((a) => !a.startsWith('--inspect'));
  // A worker's live heap is small (tens of MB) and it allocates fast: V8 then starts a full collection (10-40 ms
  // pauses, every request in the worker's queue waits) whenever the old generation's room above its live size is
  // less than the young generation's, which at that size is soon after every one. A room of OLD_SPACE_MB to begin
  // with: with 50 clients reading kept story pages from two workers (bench/server.ts), 56 full collections in
  // 10 s became 10. An operator's own heap settings are kept.
  if (!argv.some((a) => /^--(?:initial|max)-old-space-size/.test(a))) argv.push(`--initial-old-space-size=${OLD_SPACE_MB}`);
  if (argv.some((a) => a.includes('tsx'))) return argv;
  return [...argv, '--import', import.meta.resolve('tsx')];
}

/**
 * Start `workers` processes serving `opts.port` (0: one free port, the same for all); resolves once every
 * one listens. A worker that dies is replaced (after a second) until close().
 */
export async function startCluster(location: string, workers: number, opts: WorkerConfig['opts']): Promise<{ url: string; close(): Promise<void> }> {
  if (!cluster.isPrimary) throw new Error('startCluster runs in the primary process');
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./worker.ts', import.meta.url)), execArgv: workerExecArgv(), args: [] });
  let stopping = false;
  const live = new Set<Worker>();
  /** workers that listen (their stop handler is in place: one still starting may not have it yet) */
  const serving = new WeakSet<Worker>();
  const fork = (index: number): Promise<string> => {
    const cfg: WorkerConfig = { location, index, workers, opts };
    const w = cluster.fork({ [WORKER_ENV]: JSON.stringify(cfg) });
    live.add(w);
    const ready = new Promise<string>((resolve, reject) => {
      w.on('message', (m: { kind?: string; url?: string; error?: string }) => {
        if (m?.kind === 'listening' && m.url) {
          serving.add(w);
          resolve(m.url);
        }
        else if (m?.kind === 'failed') reject(new Error(m.error ?? 'worker failed to start'));
      });
      w.once('exit', (code) => reject(new Error(`server worker ${index} exited (${code}) before listening`)));
    });
    w.once('exit', (code, signal) => {
      live.delete(w);
      if (stopping) return;
      log.warn({ worker: index, code, signal }, 'server worker exited; starting another');
      setTimeout(() => {
        if (!stopping) fork(index).catch((e: Error) => log.error({ worker: index, err: e.message }, 'server worker did not start'));
      }, 1000).unref();
    });
    return ready;
  };
  const stopAll = async () => {
    stopping = true;
    await Promise.all(
      [...live].map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            const t = setTimeout(() => w.process.kill('SIGKILL'), 10_000);
            w.once('exit', () => (clearTimeout(t), resolve()));
            // a worker that serves closes its connections and its store; one still starting is ended (a message
            // can arrive before it listens for messages); one whose channel is gone stops on 'disconnect'
            if (!serving.has(w)) w.process.kill('SIGTERM');
            else if (w.isConnected()) w.send('stop');
          }),
      ),
    );
  };
  let urls: string[];
  try {
    // the primary holds the listening socket and hands connections to the workers in turn (port 0: one free
    // port, which every worker's listen(0) is given)
    urls = await Promise.all(Array.from({ length: workers }, (_, i) => fork(i)));
  } catch (e) {
    await stopAll();
    throw e;
  }
  return { url: urls[0]!, close: stopAll };
}
