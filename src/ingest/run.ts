// Ingesting a batch: every input goes through the pipeline and into the store on its own;
// one failure is reported with its input's name and never stops the rest.
import type { Store } from '../store/db.ts';
import { ingestDoc } from '../store/ingest.ts';
import { processRaw } from '../pipeline.ts';
import { expandInputs, DEFAULT_MAX_BYTES, type SourceOptions } from './sources.ts';

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
}

export interface IngestOptions extends Partial<SourceOptions> {
  onError?: (e: IngestError) => void;
  onProgress?: (s: IngestSummary) => void;
}

export async function ingestInputs(store: Store, args: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const summary: IngestSummary = { added: 0, present: 0, failed: 0, errors: [], articles: [], seconds: 0 };
  const fail = (input: string, error: string) => {
    summary.failed++;
    const e = { input, error };
    summary.errors.push(e);
    opts.onError?.(e);
  };
  const sourceOpts: SourceOptions = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, fetch: opts.fetch, stdin: opts.stdin };
  for await (const item of expandInputs(args, sourceOpts)) {
    if ('error' in item) fail(item.input, item.error);
    else {
      try {
        const doc = processRaw(item.raw);
        const r = await ingestDoc(store, doc);
        summary[r.status]++;
        summary.articles.push(r.articleId);
      } catch (e) {
        const msg = (e as Error).message ?? String(e);
        fail(item.input, msg.startsWith(item.input + ': ') ? msg.slice(item.input.length + 2) : msg);
      }
    }
    summary.seconds = (performance.now() - t0) / 1000;
    opts.onProgress?.(summary);
  }
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
