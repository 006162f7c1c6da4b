// What keeps the reader safe to expose: write authorisation (KABAR_TOKEN), CSRF tokens for forms,
// per-client rate limits for writes, security headers and safe redirects.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import net from 'node:net';

export const CSRF_COOKIE = 'kabar_csrf';
export const AUTH_COOKIE = 'kabar_auth';

/** The Content-Security-Policy of every response: our own script and style only, no inline code, no framing. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** True for addresses only this machine can reach: writes without a token are allowed only there. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

export interface WritePolicy {
  /** The token writes need; null when none is configured. */
  token: string | null;
  /** Whether writes are possible at all: a server beyond loopback without a token refuses them. */
  writable: boolean;
  /** Whether a token must be presented (a token configured, or listening beyond loopback). */
  tokenRequired: boolean;
}

export function writePolicy(opts: { host: string; token?: string | null }): WritePolicy {
  const token = opts.token?.trim() ? opts.token.trim() : null;
  const loopback = isLoopbackHost(opts.host);
  return { token, writable: loopback || token !== null, tokenRequired: token !== null || !loopback };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The browser session value for a token: an HMAC, so the cookie never holds the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('kabar-reader-session-v1').digest('hex');
}

/** Whether a request carries the write token: `Authorization: Bearer`, or the session cookie set by /login. */
export function hasToken(policy: WritePolicy, authorization: string | undefined, sessionCookie: string | undefined): boolean {
  if (!policy.token) return false;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (m && safeEqual(m[1]!, policy.token)) return true;
  return !!sessionCookie && safeEqual(sessionCookie, sessionValue(policy.token));
}

export function checkToken(policy: WritePolicy, token: string): boolean {
  return !!policy.token && safeEqual(token, policy.token);
}

// Random bytes for tokens are drawn from the system's CSPRNG in blocks (one call per 256 tokens instead of one per
// token: most first visits of a page need a token); each token's bytes are used once.
const TOKEN_BYTES = 18;
let pool = Buffer.alloc(0);
let poolAt = 0;

export function newCsrfToken(): string {
  if (poolAt + TOKEN_BYTES > pool.length) {
    pool = randomBytes(TOKEN_BYTES * 256);
    poolAt = 0;
  }
  const t = pool.toString('base64url', poolAt, poolAt + TOKEN_BYTES);
  pool.fill(0, poolAt, poolAt + TOKEN_BYTES);
  poolAt += TOKEN_BYTES;
  return t;
}

/** Double-submit check: the form field must equal the cookie set with the page (a site elsewhere can read neither). */
export function csrfOk(cookie: string | undefined, field: unknown): boolean {
  return typeof field === 'string' && !!cookie && /^[A-Za-z0-9_-]{16,64}$/.test(cookie) && safeEqual(cookie, field);
}

/**
 * Fixed-window-free token bucket per client: `perMinute` writes, refilled continuously. In memory: a
 * restart forgets, which is fine for a limit meant to stop floods, not to account.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const t = this.now();
    const rate = this.perMinute / 60_000;
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 10_000) this.prune(t);
      b = { tokens: this.perMinute, at: t };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.perMinute, b.tokens + (t - b.at) * rate);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }

  private prune(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * (this.perMinute / 60_000) >= this.perMinute) this.buckets.delete(k);
  }
}

/**
 * A redirect target taken from a request: only a path on this site ("/story/s1?x=y"), never another
 * origin ("//evil", "/\\evil", "https://..."), never a header break.
 */
export function safeLocalPath(v: string | undefined | null, fallback = '/'): string {
  if (!v || typeof v !== 'string') return fallback;
  if (v.length > 2000 || !v.startsWith('/') || v.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(v)) return fallback;
  try {
    const u = new URL(v, 'http://kabar.invalid');
    if (u.origin !== 'http://kabar.invalid') return fallback;
    return u.pathname + u.search + u.hash;
  } catch {
    return fallback;
  }
}

/** A link to an original article: only http(s) URLs are ever put in an href. */
export { safeHttpUrl } from '../util/common.ts';
