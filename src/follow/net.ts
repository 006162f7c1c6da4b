// Polite fetching for following: one request at a time per host (by default), a delay between
// requests to one host (or the host's robots.txt Crawl-delay when longer), robots.txt checked
// before every request, and every request counted.
import { fetchUrl, FetchError, DEFAULT_USER_AGENT, type FetchOptions, type FetchResult } from '../net/fetch.ts';
import { isAllowed, RobotsCache, type RobotsPersistence } from './robots.ts';
import { hostKey } from './urls.ts';

/** Kabar's User-Agent for following: product, purpose and a contact. */
export const FOLLOW_USER_AGENT = DEFAULT_USER_AGENT.replace('news event extraction;', 'news event extraction, follows news feeds;');

export interface PoliteOptions {
  allowPrivate?: boolean;
  /** Minimum delay between the end of one request and the start of the next to one host (ms). */
  delayMs?: number;
  /** Requests in flight at once to one host. */
  perHost?: number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  robotsTtlMs?: number;
  /** Largest Crawl-delay honoured (ms): a robots.txt asking for more is capped here. */
  maxCrawlDelayMs?: number;
  /** Keep fetched robots.txt files beyond this process (see storeRobots). */
  robotsPersist?: RobotsPersistence;
  /** Ignore robots.txt (tests of other behaviour only). */
  ignoreRobots?: boolean;
  signal?: AbortSignal;
  /** Clock (ms since epoch) for robots.txt expiry and scheduling; default Date.now. */
  now?: () => number;
}

/** Content types accepted for feeds and sitemaps (gzipped sitemaps included; bodies are sniffed, not trusted). */
export const FEED_ACCEPT = [
  'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/json', 'application/xml', 'text/xml',
  'application/x-gzip', 'application/gzip', 'application/octet-stream', 'text/plain', 'text/html', 'application/xhtml+xml', 'application/x-rss+xml',
];

export class RobotsDisallowed extends Error {
  readonly code = 'robots';
  constructor(
    readonly url: string,
    readonly reason?: string,
  ) {
    super(reason ? `not fetched, ${reason} (RFC 9309: treated as disallow): ${url}` : `disallowed by robots.txt: ${url}`);
    this.name = 'RobotsDisallowed';
  }
}

class HostGate {
  private active = 0;
  private waiters: Array<() => void> = [];
  lastEnd = 0;
  constructor(readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((r) => this.waiters.push(r));
  }
  release(): void {
    this.lastEnd = Date.now();
    const next = this.waiters.shift();
    if (next) next();
    else this.active--;
  }
}

export class PoliteFetcher {
  readonly robots: RobotsCache;
  private gates = new Map<string, HostGate>();
  /** HTTP requests made (robots.txt included), by host. */
  readonly requests = new Map<string, number>();
  private readonly delayMs: number;

  constructor(readonly opts: PoliteOptions = {}) {
    this.delayMs = opts.delayMs ?? 1000;
    this.robots = new RobotsCache(
      async (u) => {
        const r = await this.raw(u, {});
        return { status: r.status, body: r.status >= 200 && r.status < 300 ? r.body.toString('utf8') : '' };
      },
      { ttlMs: opts.robotsTtlMs, persist: opts.robotsPersist, now: opts.now },
    );
  }

  get totalRequests(): number {
    let n = 0;
    for (const v of this.requests.values()) n += v;
    return n;
  }

  private gate(host: string): HostGate {
    let g = this.gates.get(host);
    if (!g) this.gates.set(host, (g = new HostGate(this.opts.perHost ?? 1)));
    return g;
  }

  private async raw(url: string, headers: Record<string, string>, accept?: string[]): Promise<FetchResult> {
    const host = hostKey(url);
    const robotsDelay = await this.crawlDelay(url);
    const g = this.gate(host);
    await g.acquire();
    try {
      const wait = g.lastEnd + Math.max(this.delayMs, robotsDelay) - Date.now();
      if (g.lastEnd && wait > 0) await sleep(wait, this.opts.signal);
      if (this.opts.signal?.aborted) throw new FetchError(url, 'aborted', 'aborted');
      this.requests.set(host, (this.requests.get(host) ?? 0) + 1);
      const fo: FetchOptions = {
        allowPrivate: this.opts.allowPrivate,
        timeoutMs: this.opts.timeoutMs ?? 20_000,
        maxBytes: this.opts.maxBytes ?? 10 * 1024 * 1024,
        maxRedirects: this.opts.maxRedirects ?? 5,
        userAgent: this.opts.userAgent ?? FOLLOW_USER_AGENT,
        headers,
      };
      if (accept) fo.accept = accept;
      return await fetchUrl(url, fo);
    } finally {
      g.release();
    }
  }

  private async crawlDelay(url: string): Promise<number> {
    if (this.opts.ignoreRobots || url.endsWith('/robots.txt')) return 0;
    const r = await this.robots.get(url);
    return r.crawlDelaySec ? Math.min(r.crawlDelaySec * 1000, this.opts.maxCrawlDelayMs ?? 30_000) : 0;
  }

  /** Fetch with robots.txt honoured (throws RobotsDisallowed) and host politeness. */
  async fetch(url: string, headers: Record<string, string> = {}, accept?: string[]): Promise<FetchResult> {
    if (!this.opts.ignoreRobots) {
      const robots = await this.robots.get(url);
      if (!isAllowed(robots, url)) throw new RobotsDisallowed(url, robots.reason);
    }
    return this.raw(url, headers, accept);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
