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
  const html = page('<link rel="canonical" href="https://other.example/story-slug"><meta property="article:published_time" content="2020-04-24T16:11:22+00:00">', `<h1>Flood plan</h1>${BODY}`);
  assert.equal(extractHtml(html, { url: 'https://news.example/2020/04/23/story-slug/' }).published, '2020-04-23');
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
