// A local outlet for tests and the bench: an HTTP server on a loopback address serving a feed
// (RSS, Atom, JSON Feed or sitemap) whose items can change between polls, article pages, a
// robots.txt, and any failure a test scripts (status codes, hangs, redirects, broken bodies).
// Every request is logged with its headers; in-flight concurrency is tracked.
import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  start: number;
  end?: number;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface SiteItem {
  path: string;
  title: string;
  published?: string;
}

export interface Site {
  base: string;
  host: string;
  log: LoggedRequest[];
  /** Path → handler, consulted before the built-in routes. */
  routes: Map<string, Handler>;
  items: SiteItem[];
  feedFormat: 'rss' | 'atom' | 'json' | 'sitemap';
  /** Conditional-request validators the feed sends: ETag, Last-Modified, both or none. */
  validators: 'etag' | 'last-modified' | 'both' | 'none';
  robots: string | null;
  maxInFlight: number;
  requests(path: string): number;
  close(): Promise<void>;
}

const EVENTS: Array<(place: string, n: number) => string[]> = [
  (p, n) => [`Floodwaters rose across ${p} after ${n + 2} days of monsoon rain, submerging rice fields and forcing ${n * 13 + 7} households onto rooftops.`, `Rescue boats from the river authority ferried elderly residents to ${n % 7 + 2} evacuation shelters set up in mosques and school halls.`, `Engineers warned that the embankment along the main canal could breach if the rain continued through the weekend.`],
  (p, n) => [`A magnitude ${(5 + (n % 3) * 0.4).toFixed(1)} earthquake shook ${p} before dawn, cracking walls of ${n * 11 + 3} homes and a hospital wing.`, `Seismologists recorded ${n + 9} aftershocks and said the epicentre lay ${n + 12} kilometres offshore at a shallow depth.`, `Tsunami warnings were lifted after tide gauges showed no abnormal sea level change along the coast.`],
  (p, n) => [`Voters in ${p} queued for hours at ${n * 17 + 40} polling stations as the regional election drew a record turnout.`, `Election commissioners said ballot counting would finish within ${n % 4 + 2} days and dismissed complaints about missing voter lists.`, `Candidates from the three coalitions each claimed an early lead based on unofficial quick counts.`],
  (p, n) => [`A fire tore through a textile factory in ${p}, killing ${n % 6 + 1} workers and injuring ${n * 2 + 5} others trapped behind locked exits.`, `Firefighters needed ${n % 5 + 3} hours to extinguish the blaze, which spread through bales of cotton and synthetic yarn.`, `Labour unions demanded an inquiry into safety inspections that had approved the building months earlier.`],
  (p, n) => [`Dock workers at the port of ${p} walked off the job demanding higher wages, leaving ${n * 3 + 12} cargo ships waiting at anchor.`, `The shipping ministry estimated losses of ${n * 7 + 20} million dollars a day as containers piled up on the quays.`, `Negotiators for the port operator and the dockers' union agreed to resume talks under a government mediator.`],
  (p, n) => [`Health officials in ${p} confirmed ${n * 9 + 30} cases of dengue fever this month and began fogging neighbourhoods with insecticide.`, `Clinics reported shortages of platelet donors as mosquito breeding surged in stagnant water after the rains.`, `Schools were told to drain containers and keep students inside during dusk, when the mosquitoes bite most.`],
];

/** A distinct article page: the event is chosen by `n`, the outlet's wording by `topic`. */
export function articlePage(n: number, topic: string, extraHead = ''): string {
  const towns = ['Lembah Hijau', 'Port Sallow', 'Tanjung Merah', 'Ridgefield', 'Bukit Awan', 'Marrowby', 'Sungai Lima', 'Eastwick Bay', 'Kampung Batu', 'Fernhollow', 'Pulau Senja', 'Oakridge'];
  const place = `${towns[n % towns.length]}${n >= towns.length ? ` ${Math.floor(n / towns.length) + 1}` : ''}`;
  const paras = EVENTS[n % EVENTS.length]!(place, n);
  paras.push(`(${topic} desk)`);
  const title = paras[0]!.split(/[,.]/)[0]!;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Copyright Example Outlet</footer></body></html>`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

export function renderFeed(site: Pick<Site, 'items' | 'feedFormat' | 'base'>): { body: string; type: string } {
  const abs = (p: string) => (/^https?:/.test(p) ? p : site.base + p);
  switch (site.feedFormat) {
    case 'atom':
      return {
        type: 'application/atom+xml',
        body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Local</title>${site.items.map((i) => `<entry><title>${esc(i.title)}</title><link rel="alternate" href="${esc(abs(i.path))}"/>${i.published ? `<updated>${i.published}</updated>` : ''}</entry>`).join('')}</feed>`,
      };
    case 'json':
      return { type: 'application/feed+json', body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Local', items: site.items.map((i) => ({ id: i.path, url: abs(i.path), title: i.title })) }) };
    case 'sitemap':
      return {
        type: 'application/xml',
        body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${site.items.map((i) => `<url><loc>${esc(abs(i.path))}</loc></url>`).join('')}</urlset>`,
      };
    default:
      return {
        type: 'application/rss+xml; charset=utf-8',
        body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local</title>${site.items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(abs(i.path))}</link>${i.published ? `<pubDate>${new Date(i.published).toUTCString()}</pubDate>` : ''}</item>`).join('')}</channel></rss>`,
      };
  }
}

/** Start a site on `address` (default 127.0.0.1), port chosen by the system. */
export async function startSite(opts: { address?: string; topic?: string; feedPath?: string; seed?: number } = {}): Promise<Site> {
  const address = opts.address ?? '127.0.0.1';
  const feedPath = opts.feedPath ?? '/feed.xml';
  let inFlight = 0;
  const counts = new Map<string, number>();
  const site: Site = {
    base: '',
    host: address,
    log: [],
    routes: new Map(),
    items: [],
    feedFormat: 'rss',
    validators: 'both',
    robots: null,
    maxInFlight: 0,
    requests: (p) => counts.get(p) ?? 0,
    close: async () => {},
  };
  const lastModified = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const entry: LoggedRequest = { path: url, headers: req.headers, start: Date.now() };
    site.log.push(entry);
    counts.set(url, (counts.get(url) ?? 0) + 1);
    inFlight++;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
      entry.end = Date.now();
    });
    const custom = site.routes.get(url) ?? site.routes.get(url.split('?')[0]!);
    if (custom) return custom(req, res);
    if (url === '/robots.txt') {
      if (site.robots === null) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(site.robots);
    }
    if (url === feedPath) {
      const { body, type } = renderFeed(site);
      const etag = `"${crypto.createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      // Last-Modified: one minute later for each new version of the body (HTTP dates have second resolution).
      const known = lastModified.get(etag) ?? new Date(Date.UTC(2024, 0, 1) + lastModified.size * 60_000).toUTCString();
      lastModified.set(etag, known);
      const headers: Record<string, string> = { 'content-type': type };
      if (site.validators === 'etag' || site.validators === 'both') headers.etag = etag;
      if (site.validators === 'last-modified' || site.validators === 'both') headers['last-modified'] = known;
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      const etagMatch = headers.etag && inm === etag;
      const lmMatch = headers['last-modified'] && !inm && ims === known;
      if (etagMatch || lmMatch) return void res.writeHead(304, headers).end();
      return void res.writeHead(200, headers).end(body);
    }
    const item = site.items.find((i) => i.path === url || (!/^https?:/.test(i.path) && url.split('?')[0] === i.path.split('?')[0]));
    if (item) {
      const n = Number(/(\d+)/.exec(item.path)?.[1] ?? 0) + (opts.seed ?? 0);
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(n, opts.topic ?? 'flooding'));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  site.base = `http://${address}:${port}`;
  site.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}
