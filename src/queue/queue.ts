// Ingest through a BullMQ queue on Redis: `enqueueInputs` reads inputs (files, folders, stdin, URLs) and adds
// one job per page, keyed by its content hash so adding the same page twice is one job; `startWorker` runs
// extraction and analysis (the CPU-heavy part, in parallel across workers) and stores each article in its own
// transaction (PostgreSQL serialises the store step, see src/store/ingest.ts). A job that keeps failing goes
// to a dead-letter queue with its error; an input that cannot be an article (empty, binary) goes there at once.
import { createHash } from 'node:crypto';
import { Queue, Worker, UnrecoverableError, type Job } from 'bullmq';
import type { RawInput } from '../types.ts';
import type { Store } from '../store/db.ts';
import { ingestDoc, ingestDocs, type IngestResult } from '../store/ingest.ts';
import type { ArticleDoc } from '../types.ts';
import { processRaw } from '../pipeline.ts';
import { expandInputs, DEFAULT_MAX_BYTES, type SourceOptions } from '../ingest/sources.ts';
import { redisConnection } from './redis.ts';

export const INGEST_QUEUE = 'kabar-ingest';
export const DEAD_QUEUE = 'kabar-ingest-dead';

export interface QueueOptions {
  /** Queue name prefix (tests use their own so they never touch a real desk's queue). */
  prefix?: string;
  /** Attempts per job before it goes to the dead-letter queue. */
  attempts?: number;
  /** First retry delay (ms), doubled at each attempt. */
  backoffMs?: number;
}

export interface IngestJob {
  raw: RawInput;
}

export interface DeadJob {
  jobId: string;
  input: string;
  error: string;
  attempts: number;
  raw: RawInput;
}

function names(o: QueueOptions) {
  const p = o.prefix ?? 'bull';
  return { prefix: p };
}

/** Job id of a page: a hash of what extraction reads, so the same page enqueued twice is one job. */
export function jobIdFor(raw: RawInput): string {
  const h = createHash('sha256');
  h.update(raw.format).update('\0').update(raw.content).update('\0').update(JSON.stringify(raw.hints ?? {}));
  return h.digest('hex').slice(0, 32);
}

export function openQueues(redisUrl: string, o: QueueOptions = {}): { ingest: Queue<IngestJob>; dead: Queue<DeadJob>; close: () => Promise<void> } {
  const connection = redisConnection(redisUrl);
  const { prefix } = names(o);
  const ingest = new Queue<IngestJob>(INGEST_QUEUE, { connection, prefix });
  const dead = new Queue<DeadJob>(DEAD_QUEUE, { connection, prefix });
  return {
    ingest,
    dead,
    close: async () => {
      await ingest.close();
      await dead.close();
    },
  };
}

export interface EnqueueSummary {
  added: number;
  /** Already in the queue (same content hash), whatever its state. */
  duplicate: number;
  failed: number;
  errors: Array<{ input: string; error: string }>;
}

export async function enqueueInputs(redisUrl: string, inputs: string[], o: QueueOptions & Partial<SourceOptions> = {}): Promise<EnqueueSummary> {
  const q = openQueues(redisUrl, o);
  const summary: EnqueueSummary = { added: 0, duplicate: 0, failed: 0, errors: [] };
  const attempts = o.attempts ?? 4;
  try {
    for await (const item of expandInputs(inputs, { maxBytes: o.maxBytes ?? DEFAULT_MAX_BYTES, fetch: o.fetch, stdin: o.stdin })) {
      if ('error' in item) {
        summary.failed++;
        summary.errors.push({ input: item.input, error: item.error });
        continue;
      }
      const jobId = jobIdFor(item.raw);
      // BullMQ ignores an add whose id exists; asking first tells the user which were new.
      if (await q.ingest.getJob(jobId)) {
        summary.duplicate++;
        continue;
      }
      await q.ingest.add('ingest', { raw: item.raw }, {
        jobId,
        attempts,
        backoff: { type: 'exponential', delay: o.backoffMs ?? 2000 },
        removeOnComplete: { count: 100_000 },
        removeOnFail: { count: 100_000 },
      });
      summary.added++;
    }
  } finally {
    await q.close();
  }
  return summary;
}

export interface WorkerHandle {
  worker: Worker<IngestJob, IngestResult>;
  /** Resolves when the worker has stopped (after `close`). */
  close: () => Promise<void>;
}

/**
 * The jobs a worker holds at once (its concurrency) are stored in one transaction, as `kabar ingest` batches
 * them: the store step (serialised across workers on PostgreSQL) pays its lock, round trips and commit once per
 * batch. If the batch fails, its articles are stored one by one, so only the failing job fails.
 */
class StoreBatcher {
  private pending: Array<{ doc: ArticleDoc; resolve: (r: IngestResult) => void; reject: (e: unknown) => void }> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly max: number,
    private readonly waitMs = 20,
  ) {}

  add(doc: ArticleDoc): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ doc, resolve, reject });
      if (this.pending.length >= this.max) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.waitMs);
    });
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    try {
      const results = await ingestDocs(this.store, batch.map((b) => b.doc));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch {
      for (const b of batch) await ingestDoc(this.store, b.doc).then(b.resolve, b.reject);
    }
  }
}

export function startWorker(store: Store, redisUrl: string, o: QueueOptions & { concurrency?: number; lockMs?: number; onDone?: (job: Job<IngestJob>, r: IngestResult) => void; onFailed?: (job: Job<IngestJob> | undefined, err: Error) => void } = {}): WorkerHandle {
  const connection = redisConnection(redisUrl);
  const { prefix } = names(o);
  const dead = new Queue<DeadJob>(DEAD_QUEUE, { connection, prefix });
  const batcher = new StoreBatcher(store, o.concurrency ?? 1);
  const lockMs = o.lockMs ?? (Number(process.env.KABAR_QUEUE_LOCK_MS) || undefined);
  const worker = new Worker<IngestJob, IngestResult>(
    INGEST_QUEUE,
    async (job) => {
      let doc;
      try {
        doc = processRaw(job.data.raw);
      } catch (e) {
        // The page itself is unusable (no text, too long, not decodable): retrying cannot help.
        throw new UnrecoverableError(`${(e as Error).message}`);
      }
      return batcher.add(doc);
    },
    {
      connection,
      prefix,
      concurrency: o.concurrency ?? 1,
      autorun: true,
      // How long a killed worker's jobs stay locked before another worker takes them over (BullMQ's
      // stalled-job check). BullMQ's 30 s by default; tests shorten it.
      ...(lockMs ? { lockDuration: lockMs, stalledInterval: lockMs } : {}),
    },
  );
  worker.on('completed', (job, r) => o.onDone?.(job, r));
  worker.on('failed', async (job, err) => {
    o.onFailed?.(job, err);
    if (!job) return;
    const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    // Dead letter: the input, its error and the page, to inspect and re-enqueue after a fix.
    await dead
      .add('dead', { jobId: job.id!, input: job.data.raw.input, error: err.message, attempts: job.attemptsMade, raw: job.data.raw }, { jobId: job.id!, removeOnComplete: false, removeOnFail: false })
      .catch(() => {});
  });
  // Connection errors are retried by the client; keep them from crashing the process.
  worker.on('error', () => {});
  return {
    worker,
    close: async () => {
      await worker.close();
      await dead.close();
    },
  };
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  dead: number;
}

export async function queueCounts(redisUrl: string, o: QueueOptions = {}): Promise<QueueCounts> {
  const q = openQueues(redisUrl, o);
  try {
    const c = await q.ingest.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
    const d = await q.dead.getJobCounts('waiting', 'delayed', 'prioritized', 'completed', 'failed');
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      dead: Object.values(d).reduce((a, b) => a + b, 0),
    };
  } finally {
    await q.close();
  }
}

/** Waits until nothing is waiting, delayed or active (for tests, benchmarks and `kabar queue --wait`). */
export async function waitIdle(redisUrl: string, o: QueueOptions = {}, timeoutMs = 120_000): Promise<QueueCounts> {
  const t0 = Date.now();
  for (;;) {
    const c = await queueCounts(redisUrl, o);
    if (c.waiting + c.active + c.delayed === 0) return c;
    if (Date.now() - t0 > timeoutMs) throw new Error(`queue not idle after ${timeoutMs} ms: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
