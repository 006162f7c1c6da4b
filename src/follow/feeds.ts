// Reading what an outlet publishes for machines: RSS 2.0, RSS 1.0 (RDF), Atom, JSON Feed,
// sitemaps, news sitemaps and sitemap indexes, auto-detected from the document itself (content
// types lie). fast-xml-parser is used because it is maintained, dependency-free, synchronous and
// lenient: it reads past unescaped ampersands, unknown entities and mismatched closing tags, and
// what it still cannot read is recovered item by item from the raw text. Also finds the feeds a
// home page announces with <link rel="alternate">.
import { XMLParser } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { normaliseUrl } from './urls.ts';

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'jsonfeed' | 'sitemap' | 'news-sitemap' | 'sitemap-index';

export interface FeedEntry {
  url: string;
  title?: string;
  /** ISO 8601 when the feed gives a readable date. */
  published?: string;
}

export interface ParsedFeed {
  kind: FeedKind;
  title?: string;
  entries: FeedEntry[];
  /** Child sitemaps of a sitemap index (with their lastmod when given). */
  sitemaps?: Array<{ url: string; lastmod?: string }>;
  /** Items recovered by the fallback reader (the document did not parse as a whole). */
  recovered?: boolean;
}

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: false,
  isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'link'].includes(name),
});

type Node = Record<string, any>;

const arr = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** The text of a parsed node (string, {#text}, or first element of an array). */
function text(v: unknown): string | undefined {
  if (v == null) return undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    const t = (v as Node)['#text'];
    if (t != null) return String(t).trim() || undefined;
  }
  return undefined;
}

/** A date string as ISO 8601 (RFC 822 and ISO forms), or undefined. */
export function feedDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const t = Date.parse(s.replace(/\b(UT|Z)$/, 'GMT'));
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function entry(url: string | undefined, base: string, title?: string, date?: string): FeedEntry | null {
  if (!url) return null;
  const u = normaliseUrl(url, base);
  if (!u) return null;
  const e: FeedEntry = { url: u };
  if (title) e.title = stripTags(title);
  const d = feedDate(date);
  if (d) e.published = d;
  return e;
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

function dedupe(entries: Array<FeedEntry | null>): FeedEntry[] {
  const seen = new Set<string>();
  const out: FeedEntry[] = [];
  for (const e of entries) if (e && !seen.has(e.url)) (seen.add(e.url), out.push(e));
  return out;
}

function rssItem(it: Node, base: string): FeedEntry | null {
  let link = arr(it.link).map(text).find(Boolean);
  if (!link) {
    // Atom-style <atom:link href> inside RSS, or a permalink guid.
    const al = arr(it.link).find((l: any) => l && typeof l === 'object' && l['@_href']);
    link = al?.['@_href'];
  }
  if (!link) {
    const g = it.guid;
    const gt = text(g);
    const perma = typeof g === 'object' && g ? g['@_isPermaLink'] : undefined;
    if (gt && perma !== 'false' && /^https?:\/\//i.test(gt)) link = gt;
  }
  if (!link && it['@_about']) link = it['@_about'];
  return entry(link, base, text(it.title), text(it.pubDate) ?? text(it.date) ?? text(it.published) ?? text(it.updated) ?? text(it.issued));
}

function atomEntry(e: Node, base: string): FeedEntry | null {
  const links = arr(e.link) as any[];
  const pick =
    links.find((l) => l && typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate') && (!l['@_type'] || /html/i.test(l['@_type']))) ??
    links.find((l) => l && typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate')) ??
    links.find((l) => typeof l === 'string');
  const href = typeof pick === 'string' ? pick : pick?.['@_href'];
  const entryBase = (typeof e['@_base'] === 'string' && e['@_base']) || base;
  const id = text(e.id);
  return entry(href ?? (id && /^https?:\/\//i.test(id) ? id : undefined), entryBase, text(e.title), text(e.published) ?? text(e.updated) ?? text(e.issued) ?? text(e.date));
}

function sitemapUrl(u: Node, base: string): FeedEntry | null {
  const news = u.news as Node | undefined;
  const newsNode = Array.isArray(news) ? news[0] : news;
  const title = newsNode ? text(newsNode.title) : undefined;
  const date = (newsNode ? text(newsNode.publication_date) : undefined) ?? text(u.lastmod);
  return entry(text(u.loc), base, title, date);
}

/**
 * Parse a fetched document into entries. `base` resolves relative links (use the final URL after
 * redirects). Throws FeedError when the document is neither a feed nor a sitemap.
 */
export function parseFeed(body: string, base: string, contentType?: string | null): ParsedFeed {
  const src = body.replace(/^\uFEFF/, '').trimStart();
  if (src.startsWith('{') || /json/i.test(contentType ?? '')) {
    if (src.startsWith('{')) return parseJsonFeed(src, base);
  }
  if (!src.startsWith('<')) throw new FeedError('not a feed or sitemap (neither XML nor JSON)');
  let doc: Node | null = null;
  try {
    doc = parser.parse(src) as Node;
  } catch {
    doc = null;
  }
  const parsed = doc ? fromTree(doc, base) : null;
  if (parsed && (parsed.entries.length || parsed.sitemaps?.length || !looksTruncated(src))) return parsed;
  const recovered = recover(src, base);
  if (recovered) return recovered;
  if (parsed) return parsed;
  throw new FeedError('not a feed or sitemap (the XML could not be read and no items were recovered)');
}

function looksTruncated(src: string): boolean {
  return /<(item|entry|url)\b/i.test(src);
}

function fromTree(doc: Node, base: string): ParsedFeed | null {
  if (doc.rss) {
    const ch = (Array.isArray(doc.rss.channel) ? doc.rss.channel[0] : doc.rss.channel) ?? doc.rss;
    const items = arr(ch?.item ?? doc.rss.item) as Node[];
    return { kind: 'rss', title: text(ch?.title), entries: dedupe(items.map((i) => rssItem(i, base))) };
  }
  if (doc.RDF) {
    const r = doc.RDF;
    const ch = Array.isArray(r.channel) ? r.channel[0] : r.channel;
    return { kind: 'rdf', title: text(ch?.title), entries: dedupe((arr(r.item) as Node[]).map((i) => rssItem(i, base))) };
  }
  if (doc.feed) {
    const f = doc.feed;
    const feedBase = (typeof f['@_base'] === 'string' && normaliseUrl(f['@_base'], base)) || base;
    return { kind: 'atom', title: text(f.title), entries: dedupe((arr(f.entry) as Node[]).map((e) => atomEntry(e, feedBase))) };
  }
  if (doc.urlset) {
    const urls = arr(doc.urlset.url) as Node[];
    const isNews = urls.some((u) => u && u.news);
    return { kind: isNews ? 'news-sitemap' : 'sitemap', entries: dedupe(urls.map((u) => sitemapUrl(u, base))) };
  }
  if (doc.sitemapindex) {
    const sitemaps: Array<{ url: string; lastmod?: string }> = [];
    for (const s of arr(doc.sitemapindex.sitemap) as Node[]) {
      const u = normaliseUrl(text(s?.loc) ?? '', base);
      if (!u) continue;
      const lm = feedDate(text(s.lastmod));
      sitemaps.push(lm ? { url: u, lastmod: lm } : { url: u });
    }
    return { kind: 'sitemap-index', entries: [], sitemaps };
  }
  return null;
}

function parseJsonFeed(src: string, base: string): ParsedFeed {
  let obj: any;
  try {
    obj = JSON.parse(src);
  } catch (e) {
    throw new FeedError(`not a feed: JSON does not parse (${(e as Error).message})`);
  }
  if (!obj || typeof obj !== 'object' || !Array.isArray(obj.items)) {
    throw new FeedError('not a JSON Feed (no "items" array)');
  }
  const feedBase = typeof obj.home_page_url === 'string' ? normaliseUrl(obj.home_page_url, base) ?? base : base;
  const entries = (obj.items as any[]).map((it) => {
    if (!it || typeof it !== 'object') return null;
    const url = typeof it.url === 'string' ? it.url : typeof it.external_url === 'string' ? it.external_url : typeof it.id === 'string' && /^https?:\/\//.test(it.id) ? it.id : undefined;
    return entry(url, feedBase, typeof it.title === 'string' ? it.title : undefined, typeof it.date_published === 'string' ? it.date_published : typeof it.date_modified === 'string' ? it.date_modified : undefined);
  });
  return { kind: 'jsonfeed', title: typeof obj.title === 'string' ? obj.title : undefined, entries: dedupe(entries) };
}

/**
 * Fallback for documents the parser cannot read as a whole (truncated downloads, stray markup):
 * each <item>, <entry> or <url> block is parsed on its own; broken blocks are skipped.
 */
function recover(src: string, base: string): ParsedFeed | null {
  const root = /<(rss|rdf:RDF|RDF|feed|urlset|sitemapindex)\b/i.exec(src)?.[1]?.toLowerCase();
  if (!root) return null;
  const tag = root === 'feed' ? 'entry' : root === 'urlset' ? 'url' : root === 'sitemapindex' ? 'sitemap' : 'item';
  const re = new RegExp(`<(?:[\\w-]+:)?${tag}\\b[^>]*>[\\s\\S]*?</(?:[\\w-]+:)?${tag}\\s*>`, 'gi');
  const entries: Array<FeedEntry | null> = [];
  const sitemaps: Array<{ url: string; lastmod?: string }> = [];
  for (const m of src.matchAll(re)) {
    let node: Node;
    try {
      const p = parser.parse(m[0]) as Node;
      node = (p[tag] ?? Object.values(p)[0]) as Node;
      if (Array.isArray(node)) node = node[0];
    } catch {
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    if (tag === 'entry') entries.push(atomEntry(node, base));
    else if (tag === 'url') entries.push(sitemapUrl(node, base));
    else if (tag === 'sitemap') {
      const u = normaliseUrl(text(node.loc) ?? '', base);
      if (u) sitemaps.push({ url: u });
    } else entries.push(rssItem(node, base));
  }
  const list = dedupe(entries);
  if (!list.length && !sitemaps.length) return null;
  const kind: FeedKind = root === 'feed' ? 'atom' : root === 'urlset' ? (/<(?:\w+:)?news\b/i.test(src) ? 'news-sitemap' : 'sitemap') : root === 'sitemapindex' ? 'sitemap-index' : root === 'rss' ? 'rss' : 'rdf';
  return kind === 'sitemap-index' ? { kind, entries: [], sitemaps, recovered: true } : { kind, entries: list, recovered: true };
}

export interface DiscoveredFeed {
  url: string;
  type: string;
  title?: string;
}

const FEED_TYPES = /^(application\/(rss|atom|rdf|feed)\+(xml|json)|application\/json|application\/xml|text\/xml)$/i;

/** Feeds a home page announces with <link rel="alternate" type="application/rss+xml" …>, in page order. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const doc = parseDocument(html.length > 500_000 ? html.slice(0, 500_000) : html, { lowerCaseTags: true, lowerCaseAttributeNames: true });
  const out: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  const walk = (nodes: any[]): void => {
    for (const n of nodes) {
      if (n.type === 'tag' || n.type === 'root') {
        if (n.name === 'link') {
          const rel = (n.attribs?.rel ?? '').toLowerCase().split(/\s+/);
          const type = (n.attribs?.type ?? '').toLowerCase().trim();
          const href = n.attribs?.href;
          if (rel.includes('alternate') && href && FEED_TYPES.test(type) && !/oembed/i.test(href)) {
            const u = normaliseUrl(href, pageUrl);
            if (u && !seen.has(u)) {
              seen.add(u);
              out.push(n.attribs?.title ? { url: u, type, title: n.attribs.title } : { url: u, type });
            }
          }
        }
        if (n.children) walk(n.children);
      }
    }
  };
  walk(doc.children as any[]);
  // Whole-site feeds before comment feeds.
  return out.sort((a, b) => Number(/comment/i.test(a.url + (a.title ?? ''))) - Number(/comment/i.test(b.url + (b.title ?? ''))));
}

/** Does this body look like HTML (a page) rather than a feed? */
export function looksLikeHtmlPage(body: string): boolean {
  return /^\s*(<!doctype html|<html\b|<head\b|<body\b)/i.test(body.replace(/^\uFEFF/, '')) || (/<html\b/i.test(body.slice(0, 2000)) && !/<(rss|feed|urlset|sitemapindex|rdf:RDF)\b/i.test(body.slice(0, 2000)));
}
