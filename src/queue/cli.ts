// Command-line entry points of the queue: `kabar worker --redis URL [--db ...] [--concurrency N]`, `kabar queue
// --redis URL` (waiting, active, delayed, completed, failed, dead-letter counts) and `kabar ingest --queue URL`
// (enqueue instead of ingesting here: enqueueCommand, called from the ingest command).
import { Command, InvalidArgumentError, Option } from 'commander';
import { openStore, defaultDbLocation } from '../store/db.ts';
import { printable } from '../ingest/sources.ts';
import { enqueueInputs, queueCounts, startWorker, waitIdle, type QueueOptions } from './queue.ts';

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

const redisOption = () => new Option('--redis <url>', 'Redis holding the ingest queue').env('KABAR_REDIS').default('redis://127.0.0.1:6379');
const prefixOption = () => new Option('--queue-prefix <name>', 'key prefix of the queues in Redis (one per desk)').env('KABAR_QUEUE_PREFIX').default('bull');

/** `kabar ingest --queue URL <inputs>`: one job per page, id = content hash; returns the exit status. */
export async function enqueueCommand(redisUrl: string, inputs: string[], o: QueueOptions & { maxBytes?: number; allowPrivate?: boolean; quiet?: boolean; err?: NodeJS.WritableStream } = {}): Promise<number> {
  const err = o.err ?? process.stderr;
  const s = await enqueueInputs(redisUrl, inputs, { ...o, prefix: o.prefix ?? process.env.KABAR_QUEUE_PREFIX, fetch: { allowPrivate: o.allowPrivate } });
  for (const e of s.errors) err.write(`error: ${printable(e.input)}: ${printable(e.error)}\n`);
  if (!o.quiet) err.write(`queue: ${s.added} enqueued, ${s.duplicate} already queued, ${s.failed} failed\n`);
  return s.failed > 0 ? 1 : 0;
}

export function registerQueueCommands(program: Command): void {
  program
    .command('worker')
    .description('process ingest jobs from the Redis queue (run one per core, on as many machines as needed)')
    .addOption(redisOption())
    .addOption(prefixOption())
    .addOption(new Option('--db <location>', 'store: SQLite file or postgres:// URL (shared by all workers: PostgreSQL)').env('KABAR_DB').default(defaultDbLocation()))
    .option('--concurrency <n>', 'jobs at once in this process', intArg, 1)
    .option('--exit-when-idle', 'stop once the queue is empty (batch runs, benchmarks)')
    .action(async (o) => {
      const store = await openStore(o.db);
      let done = 0;
      let failed = 0;
      const w = startWorker(store, o.redis, {
        prefix: o.queuePrefix,
        concurrency: o.concurrency,
        onDone: () => done++,
        onFailed: (job, e) => {
          failed++;
          process.stderr.write(`error: ${printable(job?.data.raw.input ?? '?')}: ${printable(e.message)} (attempt ${job?.attemptsMade ?? '?'})\n`);
        },
      });
      process.stderr.write(`worker: ${store.engine} store ${store.location}, queue ${o.redis}, concurrency ${o.concurrency}\n`);
      const stop = async () => {
        // Finish the jobs in hand (a killed worker's jobs are picked up again once their lock expires).
        await w.close();
        await store.close();
        process.stderr.write(`worker: ${done} jobs done, ${failed} attempts failed\n`);
      };
      if (o.exitWhenIdle) {
        await waitIdle(o.redis, { prefix: o.queuePrefix }, 24 * 3600_000);
        await stop();
        return;
      }
      await new Promise<void>((resolve) => {
        const onSignal = () => void stop().then(resolve);
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
      });
    });

  program
    .command('queue')
    .description('ingest queue status: waiting, active, delayed (retry backoff), completed, failed, dead-letter')
    .addOption(redisOption())
    .addOption(prefixOption())
    .option('--json', 'one JSON object')
    .action(async (o) => {
      const c = await queueCounts(o.redis, { prefix: o.queuePrefix });
      if (o.json) process.stdout.write(JSON.stringify(c) + '\n');
      else process.stdout.write(`waiting ${c.waiting}  active ${c.active}  delayed ${c.delayed}  completed ${c.completed}  failed ${c.failed}  dead-letter ${c.dead}\n`);
    });
}
