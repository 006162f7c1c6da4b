// `kabar serve`: the reader and the API on one port.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Option, type Command, InvalidArgumentError } from 'commander';
import type { Kysely } from 'kysely';
import { log } from '../util/log.ts';
import { openStore, defaultDbLocation, type Store } from '../store/db.ts';
import { allowPrivateFromEnv } from '../net/fetch.ts';
import { articlePageVariant, createApp, ingestQueue, storyPageVariant } from './app.tsx';
import { mergeSearchIndex, warmStories } from './data.ts';
import { UI_LANGS } from './i18n.ts';
import { isLoopbackHost, writePolicy } from './security.ts';
import { defaultWorkers, startCluster, workersArg } from './cluster.ts';
import { turnTaker } from './turns.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** How `kabar serve` serves: address, write token, limits, background pages, queue, processes. */
export interface ServeOptions {
  port: number;
  host: string;
  token?: string | null;
  publicUrl?: string;
  allowPrivate?: boolean;
  writesPerMinute?: number;
  /** compute and keep story and article pages in the background (while idle, and slowly under load) */
  warm?: boolean;
  /** POST /api/ingest enqueues to this Redis (kabar worker stores the pages) instead of ingesting here */
  queue?: string;
  queuePrefix?: string;
  /** processes serving the port (src/server/cluster.ts); more than one needs a store location the workers can open */
  workers?: number;
}

/** Start the server on an open store; resolves once it listens (port 0 picks a free port). */
export async function startServer(store: Store, opts: ServeOptions): Promise<RunningServer> {
  if ((opts.workers ?? 1) > 1 && store.location !== ':memory:' && store.location !== '') {
    const { workers, ...rest } = opts;
    return startCluster(store.location, workers!, rest);
  }
  // Readers touch pages all over the store (a story's rows, its kept page): mapped into memory, a page the OS
  // holds costs no read call and no copy. Reads only; writes still go through the WAL.
  store.sqlite?.pragma('mmap_size = 17179869184');
  const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  let resolveListen!: (a: AddressInfo) => void;
  let rejectListen!: (e: Error) => void;
  const listening = new Promise<AddressInfo>((res, rej) => ((resolveListen = res), (rejectListen = rej)));
  let app: ReturnType<typeof createApp> | null = null;
  let active = 0;
  let lastRequest = 0;
  // requests start one per turn of the event loop, so that a busy server still takes new connections (turns.ts)
  const turn = turnTaker();
  const server = serve(
    {
      fetch: async (req, env) => {
        active++;
        lastRequest = Date.now();
        try {
          await turn();
          return await app!.fetch(req, env);
        } finally {
          active--;
          lastRequest = Date.now();
        }
      },
      port: opts.port,
      hostname: opts.host,
    },
    (info) => resolveListen(info),
  );
  server.once('error', (e) => rejectListen(e));
  const info = await listening;
  const url = opts.publicUrl?.replace(/\/+$/, '') || `http://${hostForUrl === '0.0.0.0' || hostForUrl === '[::]' ? '127.0.0.1' : hostForUrl}:${info.port}`;
  const queue = opts.queue ? ingestQueue(opts.queue, { prefix: opts.queuePrefix }) : undefined;
  const warmer = opts.warm ? startWarmer(store, opts.host, opts.token ?? null, () => active > 0 || Date.now() - lastRequest < 1000) : null;
  app = createApp({ store, host: opts.host, token: opts.token, baseUrl: url, allowPrivate: opts.allowPrivate, writesPerMinute: opts.writesPerMinute, queue, onIngested: () => warmer?.nudge() });
  return {
    url,
    close: async () => {
      await warmer?.stop();
      await queue?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}

/**
 * Keeps story and article pages ready (src/server/storycache.ts): one story at a time, newest first, the pages
 * anonymous readers get in each interface language; then, every two seconds (POLL_MS), the stories updated since. Stories
 * that change while the server runs (ingest here or in workers) are a queue drained first, between every hundred
 * stories of the first pass over the store; after each pass the search index is merged (data.ts mergeSearchIndex).
 * It works while no request is being served (a request arriving waits for one story's or one merge step's work at
 * most, a few milliseconds) and, so that a server that is never idle still prepares what changed, one story every
 * BUSY_GAP_MS under load (merging waits for idle time).
 */
const BUSY_GAP_MS = 200;
/** how often the stories updated since the last pass are looked for */
const POLL_MS = 2_000;

function startWarmer(store: Store, host: string, token: string | null, busy: () => boolean): { stop(): Promise<void>; nudge(): void } {
  const policy = writePolicy({ host, token });
  const variants = UI_LANGS.map((l) => storyPageVariant(l, policy.writable, policy.writable && !policy.tokenRequired));
  const articles = UI_LANGS.map((l) => articlePageVariant(l, policy.writable, policy.writable && !policy.tokenRequired));
  let stopped = false;
  /** an ingest here since the last poll began */
  let nudged = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((r) => {
      const t = setTimeout(() => ((wake = null), r()), ms);
      wake = () => (clearTimeout(t), (wake = null), r());
    });
  const db = store.db as unknown as Kysely<any>;
  // updated_at comes from the writer's clock: a minute's margin
  const margin = () => new Date(Date.now() - 60_000).toISOString();
  /** Warm every story updated at or after `since`, newest first; `between` runs before each hundred. */
  const pass = async (since: string, between?: () => Promise<void>) => {
    let after: { u: string; id: string } | null = null;
    for (;;) {
      await between?.();
      let q = db.selectFrom('stories').select(['id', 'updated_at']).where('updated_at', '>=', since).orderBy('updated_at', 'desc').orderBy('id').limit(100);
      if (after) {
        const a = after;
        q = q.where((eb) => eb.or([eb('updated_at', '<', a.u), eb.and([eb('updated_at', '=', a.u), eb('id', '>', a.id)])]));
      }
      const rows = (await q.execute()) as Array<{ id: string; updated_at: string }>;
      for (const r of rows) {
        if (stopped) return;
        // a story whose pages are current costs a version check: the pause under load follows work only (before
        // every story it held a changed story back behind the current ones updated in the same minute)
        const worked = await warmStories(store, [r.id], variants, { articles });
        await new Promise((res) => setImmediate(res));
        if (worked) for (const t0 = Date.now(); !stopped && busy() && Date.now() - t0 < BUSY_GAP_MS; ) await sleep(25);
      }
      if (rows.length < 100 || stopped) return;
      after = { u: rows[rows.length - 1]!.updated_at, id: rows[rows.length - 1]!.id };
    }
  };
  const loop = async () => {
    let since = '';
    let changed = margin();
    const drainChanged = async () => {
      const next = margin();
      await pass(changed);
      changed = next;
    };
    while (!stopped) {
      const passStart = margin();
      await pass(since, since ? undefined : drainChanged);
      since = passStart;
      changed = passStart;
      // the search index merged, a step at a time while nothing else is to do (data.ts mergeSearchIndex)
      while (!stopped && !nudged && !busy() && mergeSearchIndex(store)) await new Promise((res) => setImmediate(res));
      if (!nudged) await sleep(POLL_MS);
      nudged = false;
    }
  };
  const done = loop().catch((e: Error) => {
    if (!stopped) log.warn({ err: e.message }, 'story page warmer stopped');
  });
  return {
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await done;
    },
    // an ingest here: look for changed stories now, not at the next poll
    nudge() {
      nudged = true;
      (wake as (() => void) | null)?.();
    },
  };
}

function portArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number (0-65535)');
  return n;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the reader (pages, feeds) and the JSON API; writes need KABAR_TOKEN when listening beyond loopback')
    .addOption(new Option('--db <path>', 'store location (SQLite file)').env('KABAR_DB').default(defaultDbLocation(), './kabar.db or $KABAR_DB'))
    .addOption(new Option('--port <n>', 'port').env('PORT').default(8080).argParser(portArg))
    .option('--host <address>', 'address to listen on (127.0.0.1 keeps it on this machine)', '127.0.0.1')
    .option('--public-url <url>', 'address readers reach the server at, for feed and API links (also KABAR_PUBLIC_URL)')
    .option('--allow-private', 'let URL ingest reach loopback/private networks (intranet use; also KABAR_ALLOW_PRIVATE=1)')
    .option('--no-warm', 'do not prepare story pages in the background while idle')
    .option('--queue <redis-url>', 'POST /api/ingest enqueues pages for `kabar worker` (redis://HOST:6379) instead of ingesting in this process')
    .option(
      '--workers <n>',
      'processes serving the port (default: $KABAR_WORKERS, else 1 on a loopback address, one per core (at most 8) beyond it); write rate limits are shared out among them',
      (v) => {
        try {
          return workersArg(v);
        } catch (e) {
          throw new InvalidArgumentError((e as Error).message);
        }
      },
    )
    .action(async (o) => {
      await serveCommand({ db: o.db, port: o.port, host: o.host, publicUrl: o.publicUrl ?? process.env.KABAR_PUBLIC_URL, allowPrivate: o.allowPrivate || allowPrivateFromEnv(), warm: o.warm, queue: o.queue, workers: o.workers });
    });
}

/** What `kabar serve` (and `npm start` after its ingest) runs: serve until SIGINT/SIGTERM. */
export async function serveCommand(o: { db: string; port: number; host: string; publicUrl?: string; allowPrivate?: boolean; store?: Store; warm?: boolean; queue?: string; workers?: number }): Promise<void> {
  const store = o.store ?? (await openStore(o.db));
  const token = process.env.KABAR_TOKEN ?? null;
  const policy = writePolicy({ host: o.host, token });
  const srv = await startServer(store, { port: o.port, host: o.host, token, publicUrl: o.publicUrl, allowPrivate: o.allowPrivate, warm: o.warm ?? true, queue: o.queue, workers: o.workers ?? defaultWorkers(o.host) });
  process.stdout.write(`Kabar reader: ${srv.url}/  (API: ${srv.url}/api, OpenAPI: ${srv.url}/openapi.json)\n`);
  if (!isLoopbackHost(o.host) && !policy.token) {
    process.stderr.write('warning: listening beyond loopback without KABAR_TOKEN: corrections and ingest are disabled\n');
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await srv.close();
  await store.close();
}
