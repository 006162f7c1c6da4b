// Command-line entry points of following: `kabar sources add|list|remove|pause|resume` and
// `kabar follow [--once]`. Each function opens the store, does its work, prints, and returns an exit
// status; `registerFollowCommands` wires them into a commander program.
import { Command, InvalidArgumentError, Option } from 'commander';
import { openStore, defaultDbLocation, type Store } from '../store/db.ts';
import { allowPrivateFromEnv } from '../net/fetch.ts';
import { addSource, formatEvery, listSources, parseEvery, pauseSource, removeSource, resumeSource, type SourceStatus } from './sources.ts';
import { follow, followOnce, type PassReport } from './follow.ts';
import type { PoliteOptions } from './net.ts';

export interface CommonCliOptions {
  db?: string;
  allowPrivate?: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

async function withFollowStore<T>(o: CommonCliOptions, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(o.db ?? defaultDbLocation());
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function fetchOpts(o: CommonCliOptions & { delayMs?: number; timeoutMs?: number }): PoliteOptions {
  const f: PoliteOptions = { allowPrivate: o.allowPrivate ?? allowPrivateFromEnv() };
  if (o.delayMs !== undefined) f.delayMs = o.delayMs;
  if (o.timeoutMs !== undefined) f.timeoutMs = o.timeoutMs;
  return f;
}

async function guarded(o: CommonCliOptions, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    (o.err ?? process.stderr).write(`error: ${(e as Error).message}\n`);
    return 1;
  }
}

export async function sourcesAdd(url: string, o: CommonCliOptions & { name?: string; every?: string; lang?: string } = {}): Promise<number> {
  return guarded(o, () =>
    withFollowStore(o, async (store) => {
      const r = await addSource(store, url, { name: o.name, every: o.every, lang: o.lang, fetch: { ...fetchOpts(o), delayMs: 0 } });
      const s = r.source;
      (o.out ?? process.stdout).write(
        `source ${s.id}: ${s.kind} ${s.url}${r.discoveredFrom ? ` (found on ${r.discoveredFrom})` : ''}${s.name ? ` “${s.name}”` : ''}, every ${formatEvery(s.every_seconds)}; ${r.queued} article URL${r.queued === 1 ? '' : 's'} queued for the next \`kabar follow\`\n`,
      );
      return 0;
    }),
  );
}

function ago(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const d = Math.round((now - Date.parse(iso)) / 1000);
  const abs = Math.abs(d);
  const txt = abs < 90 ? `${abs}s` : abs < 5400 ? `${Math.round(abs / 60)}m` : abs < 172800 ? `${Math.round(abs / 3600)}h` : `${Math.round(abs / 86400)}d`;
  return d >= 0 ? `${txt} ago` : `in ${txt}`;
}

export function formatSources(rows: SourceStatus[], now = Date.now()): string {
  if (!rows.length) return 'no sources: add one with `kabar sources add <feed or home page URL>`\n';
  const lines: string[] = [];
  for (const s of rows) {
    const health = s.paused ? 'paused' : s.error_count ? `FAILING ×${s.error_count}` : s.last_ok ? 'ok' : 'new';
    const label = s.name ?? s.title;
    lines.push(`${s.id}  ${health.padEnd(11)} ${s.kind.padEnd(13)} ${s.url}${label ? `  “${label}”` : ''}`);
    lines.push(
      `    every ${formatEvery(s.every_seconds)}${s.lang ? ` · lang ${s.lang}` : ''} · last fetched ${ago(s.last_fetched, now)}${s.last_status ? ` (HTTP ${s.last_status})` : ''} · last ok ${ago(s.last_ok, now)} · next ${s.paused ? '—' : ago(s.next_run, now)} · ${s.articles_added} articles added, ${s.pending} pending, ${s.failed} failed`,
    );
    if (s.last_error) lines.push(`    last error: ${s.last_error}`);
  }
  return lines.join('\n') + '\n';
}

export async function sourcesList(o: CommonCliOptions & { json?: boolean } = {}): Promise<number> {
  return guarded(o, () =>
    withFollowStore(o, async (store) => {
      const rows = await listSources(store);
      const out = o.out ?? process.stdout;
      if (o.json) for (const r of rows) out.write(JSON.stringify(r) + '\n');
      else out.write(formatSources(rows));
      return 0;
    }),
  );
}

export async function sourcesRemove(idOrUrl: string, o: CommonCliOptions = {}): Promise<number> {
  return guarded(o, () =>
    withFollowStore(o, async (store) => {
      const s = await removeSource(store, idOrUrl);
      (o.out ?? process.stdout).write(`removed source ${s.id} (${s.url}); its articles stay in the store\n`);
      return 0;
    }),
  );
}

export async function sourcesPause(idOrUrl: string, o: CommonCliOptions = {}): Promise<number> {
  return guarded(o, () =>
    withFollowStore(o, async (store) => {
      const s = await pauseSource(store, idOrUrl);
      (o.out ?? process.stdout).write(`paused source ${s.id} (${s.url})\n`);
      return 0;
    }),
  );
}

export async function sourcesResume(idOrUrl: string, o: CommonCliOptions = {}): Promise<number> {
  return guarded(o, () =>
    withFollowStore(o, async (store) => {
      const s = await resumeSource(store, idOrUrl);
      (o.out ?? process.stdout).write(`resumed source ${s.id} (${s.url}); due now\n`);
      return 0;
    }),
  );
}

export function formatPass(r: PassReport): string {
  return (
    `follow: ${r.sourcesDue} sources due (${r.sourcesFetched} changed, ${r.notModified} unchanged, ${r.sourceErrors} failing), ${r.newUrls} new URLs; ` +
    `articles: ${r.articlesAdded} added, ${r.articlesPresent} already present, ${r.duplicates} duplicates, ${r.articlesFailed} failed, ${r.articlesRetry} to retry, ${r.blocked} blocked by robots.txt; ` +
    `${r.pendingLeft} left for the next pass; ${r.requests} requests in ${(r.ms / 1000).toFixed(1)} s${r.aborted ? ' (interrupted)' : ''}\n`
  );
}

export interface FollowCommandOptions extends CommonCliOptions {
  once?: boolean;
  maxArticles?: number;
  concurrency?: number;
  delayMs?: number;
  timeoutMs?: number;
  quiet?: boolean;
  /** Stop the continuous loop (tests); SIGINT/SIGTERM also stop it. */
  signal?: AbortSignal;
}

export async function followCommand(o: FollowCommandOptions = {}): Promise<number> {
  return guarded(o, () =>
    withFollowStore(o, async (store) => {
      const ctrl = new AbortController();
      const stop = () => ctrl.abort();
      o.signal?.addEventListener('abort', stop, { once: true });
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const err = o.err ?? process.stderr;
      let failing = false;
      const opts = {
        ...fetchOpts(o),
        signal: ctrl.signal,
        ...(o.maxArticles !== undefined ? { maxArticles: o.maxArticles } : {}),
        ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
        onArticle: (url: string, status: string, error?: string) => {
          if (!o.quiet && (status === 'failed' || status === 'blocked')) err.write(`error: ${url}: ${error ?? status}\n`);
        },
      };
      try {
        if (o.once) {
          const r = await followOnce(store, opts);
          failing = r.sourceErrors > 0 || r.articlesFailed > 0;
          if (!o.quiet) err.write(formatPass(r));
        } else {
          await follow(store, { ...opts, onPass: (r) => !o.quiet && err.write(formatPass(r)) });
        }
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      return failing ? 1 : 0;
    }),
  );
}

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function everyArg(v: string): string {
  try {
    parseEvery(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
  return v;
}

/** Add `sources` (add/list/remove/pause/resume) and `follow` to a commander program. */
export function registerFollowCommands(program: Command): void {
  const dbOption = () => new Option('--db <path>', 'store location (SQLite file)').env('KABAR_DB').default(defaultDbLocation(), './kabar.db or $KABAR_DB');
  const privOption = () => new Option('--allow-private', 'allow loopback/private network addresses (intranet use; also KABAR_ALLOW_PRIVATE=1)');
  const done = (code: number) => {
    if (code) process.exitCode = code;
  };
  const sources = program.command('sources').description('outlets followed by `kabar follow`: feeds (RSS, Atom, JSON Feed) and sitemaps');
  sources
    .command('add')
    .description('follow a feed, a sitemap, or a home page that announces one (detected by fetching it)')
    .argument('<url>', 'feed, sitemap or home page URL')
    .option('--name <name>', 'outlet name (default: the feed title)')
    .option('--every <duration>', 'poll interval, e.g. 5m, 15m, 1h', everyArg, '15m')
    .option('--lang <code>', 'language of the outlet (a hint for language identification)')
    .addOption(dbOption())
    .addOption(privOption())
    .action(async (url: string, o) => done(await sourcesAdd(url, o)));
  sources
    .command('list')
    .description('sources with their health: last fetch, errors, next run, articles added/pending/failed')
    .option('--json', 'one JSON object per line')
    .addOption(dbOption())
    .action(async (o) => done(await sourcesList(o)));
  sources
    .command('remove')
    .description('stop following a source (its articles stay)')
    .argument('<source>', 'source id or URL')
    .addOption(dbOption())
    .action(async (id: string, o) => done(await sourcesRemove(id, o)));
  sources
    .command('pause')
    .description('stop polling a source until resumed')
    .argument('<source>', 'source id or URL')
    .addOption(dbOption())
    .action(async (id: string, o) => done(await sourcesPause(id, o)));
  sources
    .command('resume')
    .description('resume a paused source (due at once)')
    .argument('<source>', 'source id or URL')
    .addOption(dbOption())
    .action(async (id: string, o) => done(await sourcesResume(id, o)));
  program
    .command('follow')
    .description('poll due sources and ingest their new articles, politely (runs until interrupted; --once for one pass, e.g. from cron)')
    .option('--once', 'one pass, then exit (status 1 if a source or article failed)')
    .option('--max-articles <n>', 'most article fetches in one pass', intArg, 500)
    .option('--concurrency <n>', 'hosts fetched from at once (each host gets one request at a time)', intArg, 8)
    .option('--delay <ms>', 'pause between two requests to one host, in ms', intArg, 1000)
    .option('-q, --quiet', 'no summary lines')
    .addOption(dbOption())
    .addOption(privOption())
    .action(async (o) => done(await followCommand({ ...o, delayMs: o.delay })));
}
