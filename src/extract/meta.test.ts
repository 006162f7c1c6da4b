import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml, splitAuthors } from './html.ts';
import { findDates } from './dates.ts';
import { ALL_LANGS, LEXICON, WEB_LANGS, WEB_LEXICON, dateOrderFor } from './lexicon.ts';

// Metadata fixes of the HTML extractor, each pinned with a small synthetic page.
const BODY = [
  'The regional council approved the new flood defence plan after a long debate about costs and the timetable for the works.',
  'Engineers said the first dykes would be raised next spring, and that the most exposed villages would be protected within three years.',
].map((p) => `<p>${p}</p>`).join('');
const page = (head: string, body: string): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

test('dates: month names of the web languages (de, fr, es, pt, it, nl, ro, pl, ar), CJK forms', () => {
  const d = (s: string): string[] => findDates(s, WEB_LANGS).map((f) => f.date);
  assert.deepEqual(d('Veröffentlicht am 11. März 2020'), ['2020-03-11']);
  assert.deepEqual(d('le 3 février 2021 à 10h'), ['2021-02-03']);
  assert.deepEqual(d('5 de septiembre de 2019'), ['2019-09-05']);
  assert.deepEqual(d('12 de março de 2020'), ['2020-03-12']);
  assert.deepEqual(d('Domenica 06 Dicembre 2020 | 00:36'), ['2020-12-06']);
  assert.deepEqual(d('14 mei 2018'), ['2018-05-14']);
  assert.deepEqual(d('duminică, 20 septembrie 2020'), ['2020-09-20']);
  assert.deepEqual(d('7 października 2019'), ['2019-10-07']);
  assert.deepEqual(d('الأربعاء، 07 أكتوبر 2020'), ['2020-10-07']);
  assert.deepEqual(d('2020年07月12日 と 2020년 3월 4일'), ['2020-07-12', '2020-03-04']);
  assert.equal(dateOrderFor('de-AT'), 'dmy');
  assert.equal(dateOrderFor('en'), 'mdy');
});

test('the text-dump lexicon keeps its own languages (an Italian "Di" byline would misread Indonesian lines)', () => {
  assert.equal(ALL_LANGS.length, 4);
  assert.ok(WEB_LANGS.length > ALL_LANGS.length);
  assert.ok(!LEXICON.byline.test('Di Jakarta hujan turun sejak pagi'));
  assert.ok(WEB_LEXICON.relatedHeading.test('Das könnte Sie auch interessieren'));
});

test('date: the date in the input URL wins over a canonical URL without one', () => {
  // The UTC stamp names the next day; the URL keeps the outlet's local one.
  const html = page('<link rel="canonical" href="https://other.example/story-slug"><meta property="article:published_time" content="2020-04-24T03:11:22+00:00">', `<h1>Flood plan</h1>${BODY}`);
  assert.equal(extractHtml(html, { url: 'https://news.example/2020/04/23/story-slug/' }).published, '2020-04-23');
  assert.equal(extractHtml(html).published, '2020-04-24');
});

test('date: a UTC stamp near midnight yields to the local day printed in a date element', () => {
  const html = page('<meta itemprop="datePublished" content="2020-12-05T23:15:00Z">', `<h1>Flood plan</h1><div class="article-date">Domenica 06 Dicembre 2020 | 00:36</div>${BODY}`);
  assert.equal(extractHtml(html).published, '2020-12-06');
  // In daytime the stamp's day stands, whatever other dates the page lists.
  const day = page('<meta property="article:published_time" content="2020-11-04T16:14:08+00:00">', `<h1>Flood plan</h1><div class="date">3 novembre 2020</div>${BODY}`);
  assert.equal(extractHtml(day).published, '2020-11-04');
});

test('date: OpenGraph before JSON-LD; visible date after the headline as a last resort; none rather than a guess', () => {
  const both = page('<meta property="article:published_time" content="2020-04-24T21:25:06+10:00"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-04-25T07:25:06Z"}</script>', `<h1>Flood plan</h1>${BODY}`);
  assert.equal(extractHtml(both).published, '2020-04-24');
  const visible = page('', `<div>Menu</div><h1>Flood plan</h1><p>Posted 22/11/2020 by the desk</p>${BODY}`);
  assert.equal(extractHtml(visible).published, '2020-11-22');
  const updatedOnly = page('', `<h1>Flood plan</h1><p>Updated 22/11/2020</p>${BODY}`);
  assert.equal(extractHtml(updatedOnly).published, null);
});

test('title: the one live <h1> when the metadata only names the site; a nav <h1> does not count', () => {
  const html = page('<title>Example Weekly</title><meta property="og:site_name" content="Example Weekly">',
    `<nav><h1>Example Weekly</h1></nav><article><h1>Council approves flood plan</h1>${BODY}</article>`);
  assert.equal(extractHtml(html).title, 'Council approves flood plan');
  const agree = page('<title>Council approves flood plan | Example Weekly</title>', `<h1>Council approves flood plan</h1>${BODY}`);
  assert.equal(extractHtml(agree).title, 'Council approves flood plan');
});

test('authors: placeholders and outlets skipped, printed "Von"/"By" bylines read', () => {
  const meta = page('<meta name="author" content="tagesschau.de">', `<h1>Flutschutz</h1><p class="byline">Von Anna Beispiel und Jonas Muster</p>${BODY}`);
  assert.deepEqual(extractHtml(meta).authors, ['Anna Beispiel', 'Jonas Muster']);
  const admin = page('<meta name="author" content="admin">', `<h1>Flood plan</h1><div><p>By Jane Roe | 4 May 2020</p></div>${BODY}`);
  assert.deepEqual(extractHtml(admin).authors, ['Jane Roe']);
  // A navigation link that happens to start with a byline word is not a byline.
  const nav = page('', `<h1>Flood plan</h1><ul><li><a href="/theo">Theo Livestream</a></li></ul>${BODY}`);
  assert.deepEqual(extractHtml(nav).authors, []);
  assert.deepEqual(splitAuthors('Par Marie Dupont et Jean Martin'), ['Marie Dupont', 'Jean Martin']);
});

test('authors: a JSON-LD author given as a reference to a Person node elsewhere in the graph; a printed label of any web language', () => {
  const graph = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'Article', '@id': 'https://x.example/a#article', headline: 'Flood plan', author: { '@id': 'https://x.example/#/person/1' }, publisher: { '@id': 'https://x.example/#org' } },
      { '@type': 'Organization', '@id': 'https://x.example/#org', name: 'Example Daily' },
      { '@type': 'Person', '@id': 'https://x.example/#/person/1', name: 'Anna Beispiel' },
    ],
  });
  assert.deepEqual(extractHtml(page(`<script type="application/ld+json">${graph}</script>`, `<h1>Flood plan</h1>${BODY}`)).authors, ['Anna Beispiel']);
  // a reference to nothing given is no name
  const dangling = graph.replace('"name":"Anna Beispiel"', '"url":"https://x.example/anna"');
  assert.deepEqual(extractHtml(page(`<script type="application/ld+json">${dangling}</script>`, `<h1>Flood plan</h1>${BODY}`)).authors, []);
  // "Autore:" is in the Italian lexicon, not in the printed-byline list
  assert.deepEqual(extractHtml(page('', `<h1>Piano contro le alluvioni</h1><div><p>Autore: Marco Rossi</p></div>${BODY}`)).authors, ['Marco Rossi']);
});

test('date: publication keys in JSON-LD that does not parse and in inline page state', () => {
  // A stray closing brace breaks JSON.parse; the key still says the day.
  const broken = page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood plan","datePublished":"2020-10-26T18:10:00+01:00"}}</script>', `<h1>Flood plan</h1>${BODY}`);
  assert.equal(extractHtml(broken).published, '2020-10-26');
  const state = page('<script>window.__APP_STATE__ = {"page":{"type":"article","publishDate":"2021-03-04T10:00:00+01:00","section":"region"}};</script>', `<h1>Flood plan</h1>${BODY}`);
  assert.equal(extractHtml(state).published, '2021-03-04');
  // Keys that are not publication dates say nothing.
  const other = page('<script>var cfg = {"expiryDate":"2021-03-04T10:00:00+01:00"};</script>', `<h1>Flood plan</h1>${BODY}`);
  assert.equal(extractHtml(other).published, null);
  // A tiny inline script that writes the date into the page counts when nothing else dates it.
  const written = page('', `<h1>Flood plan</h1><div><script>showDate("2020/04/17 01:43:09")</script></div>${BODY}`);
  assert.equal(extractHtml(written).published, '2020-04-17');
});

test('date: a UTC stamp is read on the local day of the region the page declares', () => {
  const at = (attrs: string, stamp: string, url?: string): string | null =>
    extractHtml(`<!DOCTYPE html><html ${attrs}><head><meta property="article:published_time" content="${stamp}"></head><body><h1>Flood plan</h1>${BODY}</body></html>`, url ? { url } : undefined).published;
  assert.equal(at('lang="en-US"', '2020-05-02T02:54:29.000Z'), '2020-05-01'); // 21:54 the evening before in New York
  assert.equal(at('lang="en"', '2020-05-02T02:54:29.000Z'), '2020-05-02'); // no region: the stamp's own day
  assert.equal(at('lang="fr"', '2020-08-25T00:23:33Z', 'https://nouvelles.example.ca/a/1'), '2020-08-24'); // country domain
  assert.equal(at('lang="en-AU"', '2020-01-21T20:30:00Z'), '2020-01-22');
  assert.equal(at('lang="en-US"', '2020-01-10T00:00:00+00:00'), '2020-01-10'); // a bare date padded with midnight
  assert.equal(at('lang="ar-AR"', '2020-12-24T21:00:00Z'), '2020-12-24'); // Facebook's generic Arabic, not Argentina
  // The same day given without a zone and with one: the zoned stamp decides.
  const twin = page('<meta name="dc.date.created" content="2020-08-25|00h23"><meta property="og:locale" content="fr_CA"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-08-25T00:23:33.312Z"}</script>', `<h1>Flood plan</h1>${BODY}`);
  assert.equal(extractHtml(twin).published, '2020-08-24');
});

test('date: a publication stamp the day after the URL date, far from midnight, is the day (the URL kept the draft day)', () => {
  const html = (stamp: string): string => page(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${stamp}"}</script>`, `<h1>Flood plan</h1>${BODY}`);
  const url = 'https://news.example/politics/flood-plan/2020/07/08/c3d2_story.html';
  assert.equal(extractHtml(html('2020-07-09T10:04:04Z'), { url }).published, '2020-07-09');
  // Near midnight UTC the URL's local day stands (evening in the Americas).
  assert.equal(extractHtml(html('2020-07-09T03:00:00Z'), { url }).published, '2020-07-08');
  // Two days apart: not a draft day, the URL stands.
  assert.equal(extractHtml(html('2020-07-10T10:04:04Z'), { url }).published, '2020-07-08');
});

test('date: a dateline on its own line beats a date in a caption; teaser-list dates are other articles', () => {
  const caption = page('', `<h1>Flood plan</h1><figure><img src="a.jpg"><div class="caption">Engineers inspect a dyke near Rotterdam, Netherlands, January 16, 2020. Photo: Agency</div></figure><p>January 18, 2020</p>${BODY}`);
  assert.equal(extractHtml(caption).published, '2020-01-18');
  const sidebar = page('', `<h1>Flood plan</h1><div class="lead">Plans for the coast.</div><ul><li><div>August 06, 2019</div></li></ul>${BODY}<div class="rail"><ul><li><h5><a href="/b">Another story</a></h5><div class="meta">December 17, 2019</div></li></ul></div>`);
  assert.equal(extractHtml(sidebar).published, '2019-08-06');
});

test('date: a month named in two traditions ("24 نيسان / أبريل 2020")', () => {
  assert.deepEqual(findDates('تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً', WEB_LANGS).map((f) => f.date), ['2020-04-24']);
  assert.deepEqual(findDates('5 أيار (مايو) 2021', WEB_LANGS).map((f) => f.date), ['2021-05-05']);
});

test('date: a wiki revision view (?oldid=, ?diff=) is dated by its revision', () => {
  const html = page('<script type="application/ld+json">{"@type":"Article","name":"Flood plan","datePublished":"2005-07-26T16:22:26-07:00","dateModified":"2020-04-07T12:33:32-07:00"}</script>', `<h1>Flood plan</h1>${BODY}`);
  assert.equal(extractHtml(html, { url: 'https://wiki.example/index.php?title=Flood_plan&diff=591343&oldid=588001' }).published, '2020-04-07');
  assert.equal(extractHtml(html, { url: 'https://wiki.example/wiki/Flood_plan' }).published, '2005-07-26');
});
