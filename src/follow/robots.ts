// robots.txt (RFC 9309): groups by user-agent, Allow/Disallow with * and $ patterns, the longest
// matching rule wins (Allow on a tie), Crawl-delay and Sitemap lines read. Cached per origin with
// an expiry; 4xx means no restrictions, 5xx or unreachable means "disallow everything" for a short
// while (the RFC's rule: a server that cannot say what it allows is not crawled).

export interface RobotsRule {
  allow: boolean;
  pattern: string;
  re: RegExp;
}

export interface Robots {
  /** Rules of the group that applies to our agent (empty: everything allowed). */
  rules: RobotsRule[];
  crawlDelaySec?: number;
  sitemaps: string[];
  /** Set when the file could not be read (5xx, network): everything is disallowed. */
  disallowAll?: boolean;
  /** Why everything is disallowed (shown in errors). */
  reason?: string;
}

/** Errors of the request itself (refused address, bad URL, unknown host): not cached, passed on. */
const CLIENT_ERROR_CODES = new Set(['forbidden-address', 'bad-url', 'dns', 'aborted']);

/** The product token Kabar matches robots.txt groups with. */
export const ROBOTS_AGENT = 'kabar';

function patternRe(p: string): RegExp {
  let anchored = false;
  if (p.endsWith('$')) {
    anchored = true;
    p = p.slice(0, -1);
  }
  const body = p
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp('^' + body + (anchored ? '$' : ''));
}

/** Percent-encoding normalised so /caf%c3%a9 and /café compare equal. */
function normPath(p: string): string {
  try {
    return encodeURI(decodeURI(p));
  } catch {
    return p;
  }
}

export function parseRobots(text: string, agent = ROBOTS_AGENT): Robots {
  type Group = { agents: string[]; rules: RobotsRule[]; delay?: number };
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let cur: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) continue;
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!cur || !lastWasAgent) {
        cur = { agents: [], rules: [] };
        groups.push(cur);
      }
      cur.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
      continue;
    }
    if (!cur) continue;
    if (key === 'allow' || key === 'disallow') {
      if (!value) continue; // "Disallow:" (empty) allows everything
      const pattern = normPath(value);
      cur.rules.push({ allow: key === 'allow', pattern, re: patternRe(pattern) });
    } else if (key === 'crawl-delay') {
      const d = Number(value);
      if (Number.isFinite(d) && d >= 0) cur.delay = d;
    }
  }
  const a = agent.toLowerCase();
  // The group naming our product token (prefix match of the token, as crawlers do), else "*".
  let chosen = groups.filter((g) => g.agents.some((x) => x !== '*' && (a === x || a.startsWith(x) || x.startsWith(a))));
  if (!chosen.length) chosen = groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delay = chosen.map((g) => g.delay).find((d) => d !== undefined);
  const out: Robots = { rules, sitemaps };
  if (delay !== undefined) out.crawlDelaySec = delay;
  return out;
}

/** Is this URL (path + query) allowed by these robots rules? */
export function isAllowed(robots: Robots, url: string): boolean {
  if (robots.disallowAll) return false;
  let target: string;
  try {
    const u = new URL(url);
    target = normPath(u.pathname + u.search);
  } catch {
    return false;
  }
  if (target === '/robots.txt') return true;
  let best: RobotsRule | null = null;
  for (const r of robots.rules) {
    if (!r.re.test(target)) continue;
    if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow && !best.allow)) best = r;
  }
  return best ? best.allow : true;
}

export interface RobotsFetchResult {
  status: number;
  body: string;
}

/** Cache of robots.txt per origin with expiry; `load` fetches https://host/robots.txt. */
/** Where fetched robots.txt files outlive one process (the store), so a cron pass does not refetch them. */
export interface RobotsPersistence {
  get(origin: string): Promise<{ status: number; body: string; expires: number } | undefined>;
  put(origin: string, entry: { status: number; body: string; expires: number }): Promise<void>;
}

export class RobotsCache {
  private cache = new Map<string, { robots: Robots; expires: number }>();
  private inflight = new Map<string, Promise<Robots>>();

  constructor(
    private readonly load: (robotsUrl: string) => Promise<RobotsFetchResult>,
    private readonly opts: { ttlMs?: number; errorTtlMs?: number; agent?: string; now?: () => number; persist?: RobotsPersistence } = {},
  ) {}

  private fromResult(status: number, body: string): Robots {
    if (status >= 200 && status < 300) return parseRobots(body, this.opts.agent ?? ROBOTS_AGENT);
    if (status >= 400 && status < 500 && status !== 429) return { rules: [], sitemaps: [] };
    return { rules: [], sitemaps: [], disallowAll: true, reason: status ? `robots.txt answered HTTP ${status}` : 'robots.txt unreachable' };
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  async get(url: string): Promise<Robots> {
    const origin = new URL(url).origin;
    const hit = this.cache.get(origin);
    if (hit && hit.expires > this.now()) return hit.robots;
    const pending = this.inflight.get(origin);
    if (pending) return pending;
    const p = this.fetchRobots(origin).finally(() => this.inflight.delete(origin));
    this.inflight.set(origin, p);
    return p;
  }

  async allowed(url: string): Promise<boolean> {
    return isAllowed(await this.get(url), url);
  }

  private async fetchRobots(origin: string): Promise<Robots> {
    const ttl = this.opts.ttlMs ?? 24 * 3600_000;
    const errTtl = this.opts.errorTtlMs ?? 10 * 60_000;
    const saved = this.opts.persist ? await this.opts.persist.get(origin).catch(() => undefined) : undefined;
    if (saved && saved.expires > this.now()) {
      const robots = this.fromResult(saved.status, saved.body);
      this.cache.set(origin, { robots, expires: saved.expires });
      return robots;
    }
    let status: number;
    let body = '';
    let why = '';
    try {
      const res = await this.load(origin + '/robots.txt');
      status = res.status;
      body = res.body;
    } catch (e) {
      if (CLIENT_ERROR_CODES.has((e as { code?: string }).code ?? '')) throw e;
      status = 0; // unreachable
      why = (e as Error).message ?? '';
    }
    const robots = this.fromResult(status, body);
    if (why) robots.reason = `robots.txt unreachable (${why})`;
    const expires = this.now() + (robots.disallowAll ? errTtl : ttl);
    this.cache.set(origin, { robots, expires });
    if (this.opts.persist) await this.opts.persist.put(origin, { status, body: body.slice(0, 500_000), expires }).catch(() => {});
    return robots;
  }
}
