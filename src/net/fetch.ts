// Fetching a URL a user pasted, without becoming a way into the network Kabar runs in:
// the host is resolved first, every resolved address checked, and the connection pinned to the
// checked address (no second DNS answer can swap it); the same again on every redirect.
import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressClass, inNetworks, parseNetworks, type NetworkList } from './address.ts';

export interface FetchOptions {
  /**
   * Allow loopback/private/link-local targets (intranet use): true for all of them, or a list of
   * networks ("10.0.0.0/8", "192.168.1.5"). Default: KABAR_ALLOW_PRIVATE (1/true/yes, or such a list).
   */
  allowPrivate?: boolean | string[];
  /** Resolver used instead of the system's (a private DNS server, tests); every answer is still checked. */
  lookup?: (host: string) => Promise<dns.LookupAddress[]>;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Accepted content types (prefix match); default HTML, XHTML, plain text, XML and JSON. */
  accept?: string[];
  /** Extra request headers (conditional requests). */
  headers?: Record<string, string>;
}

export interface FetchResult {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Names Kabar and the operator's contact (KABAR_CONTACT: an e-mail or URL), so site owners can reach whoever runs it. */
export const DEFAULT_USER_AGENT = `Kabar/0.1 (news event extraction; contact: ${process.env.KABAR_CONTACT?.trim() || 'unset, see KABAR_CONTACT'})`;
const DEFAULT_ACCEPT = ['text/html', 'application/xhtml+xml', 'text/plain', 'application/xml', 'text/xml', 'application/json', 'application/rss+xml', 'application/atom+xml', 'application/feed+json'];

/** True when KABAR_ALLOW_PRIVATE is 1/true/yes (every private target allowed). */
export function allowPrivateFromEnv(): boolean {
  return /^(1|true|yes)$/i.test(process.env.KABAR_ALLOW_PRIVATE?.trim() ?? '');
}

/** Networks KABAR_ALLOW_PRIVATE lists (e.g. "10.0.0.0/8,fd00::/8"); empty when unset, 0/false/no or 1/true/yes. */
export function allowedNetworksFromEnv(): string[] {
  const v = process.env.KABAR_ALLOW_PRIVATE?.trim() ?? '';
  if (!v || /^(0|false|no|1|true|yes)$/i.test(v)) return [];
  return v.split(/[\s,]+/).filter(Boolean);
}

type Policy = true | NetworkList;

async function resolveChecked(url: URL, policy: Policy, lookup?: FetchOptions['lookup']): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addrs: dns.LookupAddress[];
  try {
    const literal = net.isIP(host);
    addrs = literal ? [{ address: host, family: literal }] : lookup ? await lookup(host) : await dns.promises.lookup(host, { all: true, verbatim: true });
  } catch (e) {
    throw new FetchError(url.href, `cannot resolve host ${host} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'dns');
  }
  if (addrs.length === 0) throw new FetchError(url.href, `host ${host} has no address`, 'dns');
  // Every answer is checked, not just the first: a name with one public and one private address is refused.
  if (policy !== true) {
    for (const a of addrs) {
      const cls = addressClass(a.address);
      if (cls !== 'unicast' && !inNetworks(a.address, policy)) {
        throw new FetchError(url.href, `refused: ${host} resolves to ${a.address} (${cls} address); use --allow-private for intranet targets`, 'forbidden-address');
      }
    }
  }
  return addrs[0]!;
}

function requestOnce(url: URL, pinned: { address: string; family: number }, opts: Required<Pick<FetchOptions, 'maxBytes' | 'timeoutMs' | 'userAgent' | 'accept'>> & { headers?: Record<string, string> }, deadline: number): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const lookup: LookupFunction = (_host, options, cb) => {
      if ((options as dns.LookupOptions).all) (cb as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, [pinned]);
      else cb(null, pinned.address, pinned.family);
    };
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(
      url,
      {
        method: 'GET',
        lookup,
        headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5', 'accept-encoding': 'gzip, identity', ...(opts.headers ?? {}) },
        timeout: Math.max(1, deadline - Date.now()),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const type = String(res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        // Refused content types are refused before their body is read.
        if (status >= 200 && status < 300 && type && !opts.accept.some((a) => type.startsWith(a))) {
          res.destroy();
          reject(new FetchError(url.href, `unsupported content type ${type}`, 'content-type'));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          res.destroy();
          reject(new FetchError(url.href, `response too large (${declared} bytes > ${opts.maxBytes})`, 'too-large'));
          return;
        }
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > opts.maxBytes) {
            res.destroy();
            reject(new FetchError(url.href, `response too large (over ${opts.maxBytes} bytes)`, 'too-large'));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', (e) => reject(new FetchError(url.href, `read failed: ${e.message}`, 'network')));
      },
    );
    const timer = setTimeout(() => req.destroy(new FetchError(url.href, `timed out after ${opts.timeoutMs} ms`, 'timeout')), Math.max(1, deadline - Date.now()));
    req.on('timeout', () => req.destroy(new FetchError(url.href, `timed out after ${opts.timeoutMs} ms`, 'timeout')));
    req.on('error', (e) => reject(e instanceof FetchError ? e : new FetchError(url.href, `connection failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`, 'network')));
    req.on('close', () => clearTimeout(timer));
    req.end();
  });
}

export async function fetchUrl(input: string, options: FetchOptions = {}): Promise<FetchResult> {
  const allow = options.allowPrivate ?? allowPrivateFromEnv();
  let policy: Policy;
  try {
    policy = allow === true ? true : parseNetworks([...(Array.isArray(allow) ? allow : []), ...allowedNetworksFromEnv()]);
  } catch (e) {
    throw new FetchError(input, `allowed private networks: ${(e as Error).message}`, 'bad-option');
  }
  const opts = {
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    timeoutMs: options.timeoutMs ?? 20_000,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    accept: options.accept ?? DEFAULT_ACCEPT,
    headers: options.headers,
  };
  const deadline = Date.now() + opts.timeoutMs;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError(input, 'not a valid URL', 'bad-url');
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(url.href, `unsupported scheme ${url.protocol}`, 'bad-url');
    if (url.username || url.password) throw new FetchError(url.href, 'URLs with credentials are refused', 'bad-url');
    const pinned = await resolveChecked(url, policy, options.lookup);
    const res = await requestOnce(url, pinned, opts, deadline);
    if ([301, 302, 303, 307, 308].includes(res.status)) {
      const loc = res.headers.location;
      if (!loc) throw new FetchError(url.href, `redirect ${res.status} without a Location`, 'http');
      if (hop >= opts.maxRedirects) throw new FetchError(input, `too many redirects (more than ${opts.maxRedirects})`, 'redirects');
      url = new URL(loc, url);
      continue;
    }
    const contentType = (res.headers['content-type'] as string | undefined) ?? null;
    if (res.status >= 200 && res.status < 300) {
      const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
      if (type && !opts.accept.some((a) => type.startsWith(a))) throw new FetchError(url.href, `unsupported content type ${type}`, 'content-type');
    }
    return { url: input, finalUrl: url.href, status: res.status, contentType, headers: res.headers, body: res.body };
  }
}
