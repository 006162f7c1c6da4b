import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree, textOf, collapse, elements } from './tree.ts';
import { extractMain } from './main.ts';
import { extractHtml } from './html.ts';

// Small synthetic pages; each pins one behaviour of the main-text extractor.
const P = [
  'The city council approved a new budget on Tuesday that raises spending on schools, roads and public transport by a combined twelve percent.',
  'Council members debated the plan for more than six hours, with several arguing that the increase would require higher property taxes next year.',
  'The mayor said the city would fund most of the increase from savings, and that no new taxes were planned before the next election.',
  'Residents who spoke at the meeting were divided, some praising the investment in schools and others worried about the cost of the transport plan.',
];
const paras = (n = P.length): string => P.slice(0, n).map((p) => `<p>${p}</p>`).join('\n');
const page = (body: string, head = ''): string => `<!DOCTYPE html><html><head><title>T</title>${head}</head><body>${body}</body></html>`;
const main = (html: string): string[] => extractMain(parseTree(html)).paragraphs;

test('tree: implied closes, void elements, svg self-closing, raw text skipped, JSON-LD kept', () => {
  const root = parseTree('<body><svg><path d="x"/></svg><p>one<p>two<br>three<script>var x = "<p>no</p>";</script><script type="application/ld+json">{"a":1}</script><ul><li>a<li>b</ul></body>');
  const tags = elements(root).map((e) => e.tag);
  assert.deepEqual(tags.filter((t) => t === 'p' || t === 'li').length, 4);
  // Raw text: no separators are invented between elements; <br> is a line break.
  assert.equal(collapse(textOf(root)), 'onetwo three{"a":1}ab');
});

test('body kept, navigation, comments, share bar, related block and footer removed', () => {
  const html = page(`
    <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
    <div id="main"><article class="post">
      <h1>Budget approved</h1>
      <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
      <div class="entry-content">${paras()}</div>
      <div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Another story about the council and its budget plans</a></li></ul></div>
    </article>
    <div id="comments" class="comments-area"><ol><li><p>I think this budget is a terrible idea, and the council should be ashamed of raising taxes again.</p></li></ol></div>
    </div>
    <footer><p>Copyright 2025 Example Daily. All rights reserved. Contact us at the address below for corrections.</p></footer>`);
  assert.deepEqual(main(html), P);
});

test('state classes ("has-sidebar", "o-section--has-ads") and taxonomy classes do not drop the article', () => {
  const html = page(`<div class="content has-sidebar"><section class="o-section o-section--has-ads">
    <article class="post-12 post type-post status-publish hentry category-news tag-budget product_categories-x">${paras()}</article>
    </section><aside class="sidebar"><p>Popular: ten things you did not know about the city budget and its many surprises.</p></aside></div>`);
  assert.deepEqual(main(html), P);
});

test('an <aside> that holds the article is not dropped', () => {
  const html = page(`<main><aside class="direct-content"><section><article><div class="text">${paras()}</div></article></section></aside></main>`);
  assert.deepEqual(main(html), P);
});

test('lead paragraph beside the body (header > p) is kept, in place', () => {
  const lead = 'In short: the council voted nine to four for a budget that raises spending by twelve percent next year.';
  const html = page(`<article><div class="article-head"><header><h1>Budget</h1><p class="lead">${lead}</p></header></div>
    <div class="article-body">${paras()}</div><div class="author-box"><p>Jane Doe covers city hall and has written about local politics for many years.</p></div></article>`);
  const got = main(html);
  assert.equal(got[got.indexOf(lead) + 1], P[0]);
  assert.ok(got.indexOf(lead) >= 0);
  assert.ok(!got.some((p) => p.startsWith('Jane Doe covers')), 'author box dropped');
});

test('headings in place, lists and data tables kept, link lists and "read also" runs removed', () => {
  const html = page(`<div class="article-content">
    <p>${P[0]}</p>
    <h2>What changes</h2>
    <ul><li>Schools get 40 million more</li><li>Roads get 25 million more</li></ul>
    <p>${P[1]}</p>
    <table><tr><th>Item</th><th>2025</th></tr><tr><td>Schools</td><td>140 million</td></tr></table>
    <p><strong>Read also:</strong> <a href="/x">Council elections set for spring</a></p>
    <ul><li><a href="/y">Mayor opens new bridge</a></li><li><a href="/z">Bus fares to rise</a></li></ul>
    <p>${P[2]}</p>
    <p>23.10.2025</p>
    <h3>More news</h3>
  </div>`);
  assert.deepEqual(main(html), [P[0], 'What changes', 'Schools get 40 million more', 'Roads get 25 million more', P[1], 'Item 2025', 'Schools 140 million', P[2]]);
});

test('paragraphs from <br><br> runs, article split in blocks under one parent', () => {
  const html = page(`<div id="wrap"><div class="menu"><a href="/">Home</a> | <a href="/b">About</a></div>
    <div class="col"><div class="block">${P[0]}<br><br>${P[1]}</div><div class="block">${P[2]}<br><br>${P[3]}</div></div></div>`);
  assert.deepEqual(main(html), P);
});

test('German page furniture: "Das könnte Sie auch interessieren", "Kommentare geschlossen", credit lines', () => {
  const de = [
    'Der Stadtrat hat am Dienstag einen neuen Haushalt beschlossen, der mehr Geld für Schulen, Straßen und den Nahverkehr vorsieht.',
    'Die Ratsmitglieder diskutierten mehr als sechs Stunden über den Plan, einige warnten vor höheren Grundsteuern im nächsten Jahr.',
  ];
  const html = page(`<div class="entry-content"><p>${de[0]}</p><p>Foto: Max Mustermann</p><p>${de[1]}</p>
    <h3>Das könnte Sie auch interessieren:</h3><p><a href="/a">Neue Brücke eröffnet</a></p><p>Kommentare geschlossen</p></div>`);
  assert.deepEqual(main(html), de);
});

test('fallback when the page has no container: every paragraph-like block', () => {
  const html = page(`<p>${P[0]}</p>`);
  const r = extractMain(parseTree(html));
  assert.deepEqual(r.paragraphs, [P[0]]);
});

test('hidden elements and cookie banners are not text', () => {
  const html = page(`<div class="cookie-consent"><p>We use cookies to improve your experience on our website, accept to continue.</p></div>
    <div class="article-body">${paras(2)}<p style="display:none">Hidden teaser text that must not appear in the extracted body text.</p></div>`);
  assert.deepEqual(main(html), P.slice(0, 2));
});

test('captions read with credits from the article, out of the body; headline not repeated', () => {
  const html = page(`<article><h1>Budget approved</h1><figure><img src="a.jpg"><figcaption>The council chamber on Tuesday. <span class="credit">Photo: Jane Roe/Example</span></figcaption></figure>${paras(2)}</article>`,
    '<meta property="og:title" content="Budget approved">');
  const r = extractHtml(html);
  assert.deepEqual(r.captions, [{ text: 'The council chamber on Tuesday.', credit: 'Jane Roe/Example' }]);
  assert.deepEqual(r.text.split('\n\n'), P.slice(0, 2));
});

test('module-built page: prose blocks that are not siblings of the winner join, in page order', () => {
  const hero = 'The new budget, approved on Tuesday after a long session, raises spending on schools, roads and public transport, and sets aside reserves for the coming winter.';
  const html = page(`<main>
    <section class="module hero"><div class="inner"><div class="text"><p>${hero}</p></div></div></section>
    <section class="module teaser-links"><ul><li><a href="/a">Offers</a></li><li><a href="/b">Prices</a></li></ul></section>
    <section class="module text-image"><div class="row"><div class="col"><div class="text"><p>${P[1]}</p><p>${P[2]}</p><p>${P[3]}</p></div></div></div></section>
  </main>`);
  assert.deepEqual(main(html), [hero, ...P.slice(1)]);
});

test('short link-only paragraphs, breadcrumbs and trailing lead-ins are dropped; URLs as text stay', () => {
  const html = page(`<div class="article-body">
    <p>Home &gt; News &gt; City &gt; Budget approved</p>
    ${paras(2)}
    <p><a href="/other">Ten surprising facts about the city budget</a></p>
    <p>The full plan: <a href="https://city.example/plan">https://city.example/plan</a></p>
    <p>More on this topic:</p>
  </div>`);
  assert.deepEqual(main(html), [...P.slice(0, 2), 'The full plan: https://city.example/plan']);
});

test('a list of signatories (many commas) does not outscore the letter above it', () => {
  const names = Array.from({ length: 120 }, (_, i) => `Person Number${i}, University ${i}`).join(', ');
  const html = page(`<div class="page"><div class="letter">${paras()}</div><div class="names"><p>${names}</p></div></div>`);
  const got = main(html);
  assert.ok(P.every((p) => got.includes(p)));
});

test('the standfirst under the headline leads the text when it sits outside the body container', () => {
  const deck = 'Councillors backed a plan that raises spending on schools and transport, but the vote split the ruling group.';
  const menu = ['Home', 'News', 'Politics', 'Business', 'Sport', 'Culture'].map((w) => `<li><a href="/${w}">${w}</a></li>`).join('');
  const html = page(`
    <header class="article-header"><h1>Budget approved</h1><p class="article-lead">${deck}</p><ul class="topics">${menu}</ul></header>
    <main><div class="article-body">${paras()}</div></main>`);
  assert.deepEqual(extractHtml(html).text.split('\n\n'), [deck, ...P]);
  // An <h2> right after the <h1> is a deck too; a teaser further down is not.
  const h2 = page(`<hgroup><h1>Budget approved</h1><h2>${deck}</h2></hgroup><ul class="topics">${menu}</ul><main><div class="story-body">${paras()}</div></main>
    <div class="more"><ul class="topics">${menu}</ul><p class="teaser">Another story about the council and its plans for the harbour and the old market square.</p></div>`);
  assert.deepEqual(extractHtml(h2).text.split('\n\n'), [deck, ...P]);
  // Without a deck nothing is added.
  const none = page(`<header><h1>Budget approved</h1><ul class="topics">${menu}</ul></header><main><div class="article-body">${paras()}</div></main>`);
  assert.deepEqual(extractHtml(none).text.split('\n\n'), P);
});

test('furniture after the prose: short label stubs and captions ending in a credit go; list items stay', () => {
  const long = P.slice(0, 2).join(' ');
  const html = page(`<article><p>${long}</p>
    <p>Die Stadt am Fluss bei Nacht. © Presseamt der Stadt</p>
    <p>Originalpublikation</p></article>`);
  assert.deepEqual(main(html), [long]);
  const list = page(`<article><p>${long}</p><ul><li>Zucker: 200 g</li><li>Mehl: 300 g</li></ul></article>`);
  assert.deepEqual(main(list), [long, 'Zucker: 200 g', 'Mehl: 300 g']);
});
