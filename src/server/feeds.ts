// RSS 2.0 and Atom feeds of stories. XML is written by hand with every text escaped and characters XML
// cannot carry removed, so a title with markup or control characters cannot break a reader's parser.
import type { StorySummary } from '../store/queries.ts';

export interface FeedInfo {
  title: string;
  /** absolute URL of the HTML page the feed mirrors */
  link: string;
  /** absolute URL of the feed itself */
  self: string;
  description: string;
  lang: string;
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function when(s: StorySummary): Date {
  const d = Date.parse(s.lastPublished ?? '') || Date.parse(s.updatedAt) || 0;
  return new Date(d);
}

function summary(s: StorySummary): string {
  return `${s.articles} article(s) · ${s.outlets.join(', ') || '?'} · ${s.languages.join(', ')}`;
}

export function rss(info: FeedInfo, stories: StorySummary[], base: string): string {
  const items = stories
    .map((s) => {
      const url = `${base}/story/${encodeURIComponent(s.id)}`;
      return `<item><title>${xmlText(s.title ?? s.id)}</title><link>${xmlText(url)}</link><guid isPermaLink="true">${xmlText(url)}</guid><pubDate>${when(s).toUTCString()}</pubDate><description>${xmlText(summary(s))}</description></item>`;
    })
    .join('\n');
  const last = stories.length ? new Date(Math.max(...stories.map((s) => when(s).getTime()))) : new Date(0);
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>${xmlText(info.title)}</title><link>${xmlText(info.link)}</link><description>${xmlText(info.description)}</description><language>${xmlText(info.lang)}</language>
<atom:link href="${xmlText(info.self)}" rel="self" type="application/rss+xml"/><lastBuildDate>${last.toUTCString()}</lastBuildDate>
${items}
</channel></rss>
`;
}

export function atom(info: FeedInfo, stories: StorySummary[], base: string): string {
  const last = stories.length ? new Date(Math.max(...stories.map((s) => when(s).getTime()))) : new Date(0);
  const entries = stories
    .map((s) => {
      const url = `${base}/story/${encodeURIComponent(s.id)}`;
      return `<entry><id>${xmlText(url)}</id><title>${xmlText(s.title ?? s.id)}</title><link href="${xmlText(url)}"/><updated>${when(s).toISOString()}</updated><summary>${xmlText(summary(s))}</summary></entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(info.lang)}">
<id>${xmlText(info.self)}</id><title>${xmlText(info.title)}</title><subtitle>${xmlText(info.description)}</subtitle>
<link href="${xmlText(info.link)}"/><link rel="self" href="${xmlText(info.self)}"/><updated>${last.toISOString()}</updated>
<author><name>Kabar</name></author>
${entries}
</feed>
`;
}
