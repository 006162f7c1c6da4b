import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverFeeds, FeedError, feedDate, looksLikeHtmlPage, parseFeed } from './feeds.ts';

const BASE = 'https://news.example.com/feed';

test('RSS 2.0: links, permalink guids, dates, entities, tracking stripped, relative links resolved', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Example News</title>
<item><title>First &amp; foremost</title><link>https://news.example.com/a/1?utm_source=rss</link><pubDate>Tue, 14 May 2024 08:30:00 +0700</pubDate></item>
<item><title><![CDATA[Second <b>story</b>]]></title><guid isPermaLink="true">https://news.example.com/a/2</guid><dc:date>2024-05-14T02:00:00Z</dc:date></item>
<item><title>Third</title><link>/a/3</link></item>
<item><title>No link</title><guid isPermaLink="false">tag:example,2024:4</guid></item>
<item><title>Dup</title><link>https://news.example.com/a/1#x</link></item>
</channel></rss>`;
  const f = parseFeed(xml, BASE);
  assert.equal(f.kind, 'rss');
  assert.equal(f.title, 'Example News');
  assert.deepEqual(f.entries, [
    { url: 'https://news.example.com/a/1', title: 'First & foremost', published: '2024-05-14T01:30:00.000Z' },
    { url: 'https://news.example.com/a/2', title: 'Second story', published: '2024-05-14T02:00:00.000Z' },
    { url: 'https://news.example.com/a/3', title: 'Third' },
  ]);
});

test('Atom (alternate link, xml:base), RSS 1.0 RDF, JSON Feed', () => {
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/"><title type="text">Blog</title>
  <entry><title>One</title><link rel="self" href="https://blog.example.org/self/1"/><link rel="alternate" type="text/html" href="posts/1"/><updated>2024-01-02T03:04:05Z</updated></entry>
  <entry><title>Two</title><link href="https://blog.example.org/posts/2"/><published>2024-01-03T00:00:00+02:00</published></entry></feed>`;
  const a = parseFeed(atom, BASE);
  assert.equal(a.kind, 'atom');
  assert.deepEqual(a.entries.map((e) => e.url), ['https://blog.example.org/posts/1', 'https://blog.example.org/posts/2']);
  assert.equal(a.entries[1]!.published, '2024-01-02T22:00:00.000Z');

  const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://x.test/"><title>RDF site</title></channel>
  <item rdf:about="https://x.test/n/1"><title>N1</title><link>https://x.test/n/1</link><dc:date>2024-02-01</dc:date></item>
  <item rdf:about="https://x.test/n/2"><title>N2</title></item></rdf:RDF>`;
  const r = parseFeed(rdf, BASE);
  assert.equal(r.kind, 'rdf');
  assert.deepEqual(r.entries, [{ url: 'https://x.test/n/1', title: 'N1', published: '2024-02-01' }, { url: 'https://x.test/n/2', title: 'N2' }]);

  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'JF', items: [{ id: '1', url: 'https://j.test/1?fbclid=abc', title: 'J1', date_published: '2024-03-01T10:00:00Z' }, { id: 'https://j.test/2' }, { id: 'x' }] });
  const j = parseFeed(json, BASE, 'application/feed+json');
  assert.equal(j.kind, 'jsonfeed');
  assert.deepEqual(j.entries, [{ url: 'https://j.test/1', title: 'J1', published: '2024-03-01T10:00:00.000Z' }, { url: 'https://j.test/2' }]);
});

test('sitemaps, news sitemaps, sitemap indexes', () => {
  const sm = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://s.test/p/1</loc><lastmod>2024-04-01</lastmod></url><url><loc> https://s.test/p/2 </loc></url></urlset>`;
  const s = parseFeed(sm, BASE);
  assert.equal(s.kind, 'sitemap');
  assert.deepEqual(s.entries, [{ url: 'https://s.test/p/1', published: '2024-04-01' }, { url: 'https://s.test/p/2' }]);
  const news = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://s.test/n/1</loc><news:news><news:publication><news:name>S</news:name><news:language>id</news:language></news:publication><news:publication_date>2024-04-02T10:00:00+07:00</news:publication_date><news:title>Berita satu</news:title></news:news></url></urlset>`;
  const n = parseFeed(news, BASE);
  assert.equal(n.kind, 'news-sitemap');
  assert.deepEqual(n.entries, [{ url: 'https://s.test/n/1', title: 'Berita satu', published: '2024-04-02T03:00:00.000Z' }]);
  const idx = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://s.test/sm-1.xml</loc><lastmod>2024-04-02</lastmod></sitemap><sitemap><loc>/sm-2.xml</loc></sitemap></sitemapindex>`;
  const i = parseFeed(idx, 'https://s.test/sitemap.xml');
  assert.equal(i.kind, 'sitemap-index');
  assert.deepEqual(i.sitemaps, [{ url: 'https://s.test/sm-1.xml', lastmod: '2024-04-02' }, { url: 'https://s.test/sm-2.xml' }]);
});

test('broken feeds: unescaped ampersands, a mangled item, a truncated document are recovered; garbage is an error', () => {
  const amp = `<rss><channel><item><title>Tom & Jerry</title><link>https://b.test/1?a=1&b=2</link></item><item><title>ok</title><link>https://b.test/2</link></item></channel></rss>`;
  assert.deepEqual(parseFeed(amp, BASE).entries.map((e) => e.url), ['https://b.test/1?a=1&b=2', 'https://b.test/2']);
  const truncated = `<?xml version="1.0"?><rss><channel><title>T</title><item><title>A</title><link>https://b.test/a</link></item><item><title>B</title><link>https://b.test/b</link></item><item><title>C</title><li`;
  const t = parseFeed(truncated, BASE);
  assert.deepEqual(t.entries.map((e) => e.url).slice(0, 2), ['https://b.test/a', 'https://b.test/b']);
  const mangled = `<feed><entry><title>A</title><link href="https://b.test/x"/></entry><entry><title>B</tittle><link href="https://b.test/y"/></entry></feed>`;
  assert.ok(parseFeed(mangled, BASE).entries.some((e) => e.url === 'https://b.test/x'));
  assert.throws(() => parseFeed('this is not xml at all', BASE), FeedError);
  assert.throws(() => parseFeed('<<<>>> <not-a-feed', BASE), FeedError);
  assert.throws(() => parseFeed('{"hello": 1}', BASE), FeedError);
  assert.throws(() => parseFeed('<html><body>x</body></html>', BASE), FeedError);
});

test('feed discovery from a home page', () => {
  const html = `<!doctype html><html><head><title>Home</title>
  <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">
  <link rel="alternate" type="application/rss+xml" title="All news" href="/feed?utm_source=home">
  <link rel="alternate" type="application/atom+xml" href="https://news.example.com/atom.xml">
  <link rel="alternate" hreflang="en" href="/en/">
  <link rel="stylesheet" href="/s.css"></head><body></body></html>`;
  const feeds = discoverFeeds(html, 'https://news.example.com/');
  assert.deepEqual(feeds.map((f) => f.url), ['https://news.example.com/feed', 'https://news.example.com/atom.xml', 'https://news.example.com/comments/feed']);
  assert.ok(looksLikeHtmlPage(html));
  assert.ok(!looksLikeHtmlPage('<?xml version="1.0"?><rss></rss>'));
  assert.equal(feedDate('not a date'), undefined);
});
