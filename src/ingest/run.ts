// Ingesting a batch: every input goes through the pipeline and into the store; one failure is
// reported with its input's name and never stops the rest.
import type { Store } from '../store/db.ts';
import { ingestDoc, ingestDocs, type IngestResult } from '../store/ingest.ts';
import type { ArticleDoc } from '../types.ts';
import { processRaw } from '../pipeline.ts';
import { expandInputs, DEFAULT_MAX_BYTES, type SourceOptions } from './sources.ts';

/**
 * Articles stored per transaction (KABAR_INGEST_BATCH, 1–1000, default 128: larger batches spread each
 * commit's cost, smaller ones lose less work to a crash), and the longest a processed article waits.
 * bench/ingest.ts at 20k articles: 128 took 8% less time than 32 (89–92 s against 97–98.5 s), 256 little less again.
 */
const BATCH_ARTICLES = Math.min(1000, Math.max(1, Math.floor(Number(process.env.KABAR_INGEST_BATCH)) || 128));
const BATCH_MS = 1000;

export interface IngestError {
  input: string;
  error: string;
}

export interface IngestSummary {
  added: number;
  present: number;
  failed: number;
  errors: IngestError[];
  /** Article ids in input order (added or already present). */
  articles: string[];
  seconds: number;
  /** Of `seconds`, the time spent storing (transactions: reuse, stories, indexes), not processing. */
  storeSeconds: number;
  /** CPU time of this process in the store part (a measure that other load on the machine does not inflate). */
  storeCpuSeconds: number;
}

export interface IngestOptions extends Partial<SourceOptions> {
  onError?: (e: IngestError) => void;
  onProgress?: (s: IngestSummary) => void;
  /** false skips the analysis stage (entities, events): text-only ingest, for measurement. */
  analyse?: boolean;
}

export async function ingestInputs(store: Store, args: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const summary: IngestSummary = { added: 0, present: 0, failed: 0, errors: [], articles: [], seconds: 0, storeSeconds: 0, storeCpuSeconds: 0 };
  const fail = (input: string, error: string) => {
    summary.failed++;
    const e = { input, error };
    summary.errors.push(e);
    opts.onError?.(e);
  };
  const sourceOpts: SourceOptions = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, fetch: opts.fetch, stdin: opts.stdin };
  // Processed articles wait in a small batch and are stored in one transaction (see ingestDocs): a
  // crash loses at most the uncommitted batch, which a re-run ingests again.
  let pending: Array<{ input: string; doc: ArticleDoc }> = [];
  let since = 0;
  const stored = (r: IngestResult) => {
    summary[r.status]++;
    summary.articles.push(r.articleId);
  };
  const failed = (input: string, e: unknown) => {
    const msg = (e as Error).message ?? String(e);
    fail(input, msg.startsWith(input + ': ') ? msg.slice(input.length + 2) : msg);
  };
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const ts = performance.now();
    const cpu = process.cpuUsage();
    try {
      for (const r of await ingestDocs(store, batch.map((b) => b.doc))) stored(r);
    } catch {
      // The batch rolled back: store its articles one by one, so only the failing input is reported.
      for (const b of batch) {
        try {
          stored(await ingestDoc(store, b.doc));
        } catch (e) {
          failed(b.input, e);
        }
      }
    }
    summary.storeSeconds += (performance.now() - ts) / 1000;
    const used = process.cpuUsage(cpu);
    summary.storeCpuSeconds += (used.user + used.system) / 1e6;
    summary.seconds = (performance.now() - t0) / 1000;
    opts.onProgress?.(summary);
  };
  try {
    for await (const item of expandInputs(args, sourceOpts)) {
      if ('error' in item) fail(item.input, item.error);
      else {
        try {
          if (pending.length === 0) since = performance.now();
          pending.push({ input: item.input, doc: processRaw(item.raw, { analyse: opts.analyse }) });
        } catch (e) {
          failed(item.input, e);
        }
      }
      // Slow sources (URLs, stdin) do not hold processed articles back for long.
      if (pending.length >= BATCH_ARTICLES || (pending.length > 0 && performance.now() - since > BATCH_MS)) await flush();
      summary.seconds = (performance.now() - t0) / 1000;
      opts.onProgress?.(summary);
    }
  } finally {
    // Whatever stops the loop, what was processed is stored.
    await flush();
  }
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
