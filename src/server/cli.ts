// `kabar serve`: the reader and the API on one port.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Option, type Command, InvalidArgumentError } from 'commander';
import { openStore, defaultDbLocation, type Store } from '../store/db.ts';
import { allowPrivateFromEnv } from '../net/fetch.ts';
import { createApp } from './app.tsx';
import { isLoopbackHost, writePolicy } from './security.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Start the server on an open store; resolves once it listens (port 0 picks a free port). */
export async function startServer(
  store: Store,
  opts: { port: number; host: string; token?: string | null; publicUrl?: string; allowPrivate?: boolean; writesPerMinute?: number },
): Promise<RunningServer> {
  const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  let resolveListen!: (a: AddressInfo) => void;
  let rejectListen!: (e: Error) => void;
  const listening = new Promise<AddressInfo>((res, rej) => ((resolveListen = res), (rejectListen = rej)));
  let app: ReturnType<typeof createApp> | null = null;
  const server = serve(
    {
      fetch: (req, env) => app!.fetch(req, env),
      port: opts.port,
      hostname: opts.host,
    },
    (info) => resolveListen(info),
  );
  server.once('error', (e) => rejectListen(e));
  const info = await listening;
  const url = opts.publicUrl?.replace(/\/+$/, '') || `http://${hostForUrl === '0.0.0.0' || hostForUrl === '[::]' ? '127.0.0.1' : hostForUrl}:${info.port}`;
  app = createApp({ store, host: opts.host, token: opts.token, baseUrl: url, allowPrivate: opts.allowPrivate, writesPerMinute: opts.writesPerMinute });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
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
    .action(async (o) => {
      await serveCommand({ db: o.db, port: o.port, host: o.host, publicUrl: o.publicUrl ?? process.env.KABAR_PUBLIC_URL, allowPrivate: o.allowPrivate || allowPrivateFromEnv() });
    });
}

/** What `kabar serve` (and `npm start` after its ingest) runs: serve until SIGINT/SIGTERM. */
export async function serveCommand(o: { db: string; port: number; host: string; publicUrl?: string; allowPrivate?: boolean; store?: Store }): Promise<void> {
  const store = o.store ?? (await openStore(o.db));
  const token = process.env.KABAR_TOKEN ?? null;
  const policy = writePolicy({ host: o.host, token });
  const srv = await startServer(store, { port: o.port, host: o.host, token, publicUrl: o.publicUrl, allowPrivate: o.allowPrivate });
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
