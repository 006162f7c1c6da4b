// One process of `kabar serve --workers N` (src/server/cluster.ts): opens the store and serves the port the
// cluster shares, until the primary says stop (or goes away).
// The program is imported after the stop handlers are in place: loading it takes seconds, and a stop that arrives
// meanwhile must not be lost.
import type { WorkerConfig } from './cluster.ts';

const WORKER_ENV = 'KABAR_SERVE_WORKER';
const cfg = JSON.parse(process.env[WORKER_ENV] ?? 'null') as WorkerConfig | null;
if (!cfg || !process.send) throw new Error('src/server/worker.ts runs as a worker of `kabar serve --workers N`');

// told to stop while still starting (the store opened by the primary already, so nothing is half done): exit
let stop: () => void = () => process.exit(0);
process.on('message', (m) => m === 'stop' && stop());
process.once('disconnect', () => stop());
process.once('SIGTERM', () => stop());
// Ctrl-C reaches the whole process group: the primary stops the workers
process.on('SIGINT', () => {});

try {
  const { openStore } = await import('../store/db.ts');
  const { startServer } = await import('./cli.ts');
  const store = await openStore(cfg.location);
  const srv = await startServer(store, {
    ...cfg.opts,
    workers: 1,
    // the store is shared: one worker prepares pages for all
    warm: cfg.opts.warm && cfg.index === 0,
    writesPerMinute: Math.max(1, Math.ceil((cfg.opts.writesPerMinute ?? 30) / cfg.workers)),
  });
  let stopping = false;
  stop = () => {
    if (stopping) return;
    stopping = true;
    void srv
      .close()
      .then(() => store.close())
      .finally(() => process.exit(0));
  };
  process.send({ kind: 'listening', url: srv.url });
} catch (e) {
  process.send({ kind: 'failed', error: (e as Error).message });
  process.exit(1);
}
