// The reader in a real browser (Debian's chromium driven by playwright-core): home, search, a story with a
// contested fact and both sides' sources, a citation followed to its sentence, a correction filed and shown,
// the language switched and remembered, a feed and the OpenAPI document fetched. Screenshots of the home and
// a story page go to test-output/. Skips when /usr/bin/chromium is absent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/cli.ts';
import { buildFixture, type Fixture } from './fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-output');
const skip = haveChromium ? false : `${CHROMIUM} is absent (apt-get install chromium): browser tests skipped`;
if (skip) console.log(`# ${skip}`);

let fx: Fixture;
let srv: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

before(async () => {
  if (skip) return;
  const { chromium } = await import('playwright-core');
  fx = await buildFixture();
  srv = await startServer(fx.store, { port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  // a CSP violation or a script error shows up here: the pages must need neither inline code nor foreign sources
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('/nowhere')) problems.push(`${r.status()} ${r.url()}`);
  });
  fs.mkdirSync(outDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await srv?.close();
  await fx?.cleanup();
});

test('home page lists stories and the search finds an article', { skip }, async () => {
  await page.goto(`${srv.url}/`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.locator('ol.stories li').first().waitFor();
  await page.screenshot({ path: path.join(outDir, 'home.png'), fullPage: true });
  // "/" focuses the search box (the one script's enhancement), then the form works as a plain GET
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
  await page.keyboard.type('fisheries memorandum');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?q=fisheries/);
  const hits = page.locator('ul.hits li');
  assert.ok((await hits.count()) >= 3, 'the three fixture articles are found');
  assert.ok((await page.locator('ul.hits mark').count()) > 0, 'matched words are marked');
});

test('story page shows a contested fact with both sides and their sources; a citation leads to its sentence', { skip }, async () => {
  await page.locator('ul.hits li a[href^="/story/"]').first().click();
  await page.waitForURL(/\/story\/s[0-9a-f]{16}$/);
  await page.locator('#h-disagree').waitFor();
  const contested = page.locator('.contested').filter({ hasText: '12 March 2025' }).filter({ hasText: '13 March 2025' });
  assert.equal(await contested.count(), 1, 'the disputed signing date is shown as contested');
  const sides = contested.locator('.side');
  assert.equal(await sides.count(), 2, 'both values side by side');
  for (let i = 0; i < 2; i++) assert.ok((await sides.nth(i).locator('a.source').count()) >= 1, `side ${i} has its sources`);
  assert.ok((await page.locator('.badge.contested').count()) >= 1);
  assert.ok((await page.locator('#h-timeline').count()) === 1);
  assert.ok((await page.locator('mark.m-shared').count()) >= 1, 'shared passages highlighted');
  await page.screenshot({ path: path.join(outDir, 'story.png'), fullPage: true });
  // the 13 March side comes from one outlet: follow its citation to the sentence
  const side13 = sides.filter({ hasText: '13 March 2025' });
  const link = side13.locator('a.source').first();
  const href = (await link.getAttribute('href'))!;
  assert.match(href, /^\/article\/[0-9a-f]{16}#s-\d+$/);
  await link.click();
  await page.waitForURL(/\/article\/[0-9a-f]{16}#s-\d+$/);
  const target = page.locator('.s:target');
  assert.equal(await target.count(), 1, 'the cited sentence is the page target');
  assert.match((await target.textContent())!, /13 March 2025/);
  assert.ok(await target.isVisible());
});

test('a correction filed on an article is stored and shown', { skip }, async () => {
  const report = page.locator('details.report').first();
  await report.locator('summary').click();
  await report.locator('textarea[name="message"]').fill('The signing was on 12 March according to the ministry.');
  await report.locator('textarea[name="suggestion"]').fill('12 March 2025');
  await report.locator('button[type="submit"]').click();
  await page.waitForURL(/reported=\d+/);
  assert.ok(await page.locator('.notice').isVisible());
  const listed = page.locator('#h-corr ~ ul.corrections li').filter({ hasText: 'according to the ministry' });
  assert.equal(await listed.count(), 1, 'the report is shown on the article page');
  await page.goto(`${srv.url}/corrections`);
  assert.ok((await page.locator('table').filter({ hasText: 'according to the ministry' }).count()) === 1, 'listed for review');
});

test('the interface switches to Indonesian and remembers it', { skip }, async () => {
  await page.goto(`${srv.url}/`);
  await page.locator('nav.langs a[lang="id"]').click();
  await page.waitForURL(`${srv.url}/`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  assert.equal((await page.locator('h1').textContent())?.trim(), 'Berita terbaru');
  // remembered on another page, with structured facts in Indonesian while quotes keep their language
  await page.locator('ol.stories li a[href^="/story/"]').filter({ hasText: /fisheries/i }).first().click();
  await page.locator('#h-timeline').waitFor();
  assert.equal((await page.locator('#h-timeline').textContent())?.trim(), 'Kronologi');
  assert.ok((await page.locator('.contested').filter({ hasText: '12 Maret 2025' }).count()) >= 1, 'dates written in Indonesian');
  assert.equal(await page.locator('.side blockquote').first().getAttribute('lang'), 'en', 'quoted sentences keep their language');
  await page.locator('nav.langs a[lang="en"]').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
});

test('feeds and the OpenAPI document are served', { skip }, async () => {
  const rss = await page.request.get(`${srv.url}/feeds/stories.rss`);
  assert.equal(rss.status(), 200);
  assert.match(rss.headers()['content-type']!, /rss\+xml/);
  assert.match(await rss.text(), /<rss version="2.0"/);
  const atom = await page.request.get(`${srv.url}/feeds/stories.atom?q=fisheries`);
  assert.match(await atom.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  const api = await page.request.get(`${srv.url}/openapi.json`);
  const doc = (await api.json()) as { openapi: string; paths: Record<string, unknown> };
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/stories/{id}']);
  // and the page made no script errors or policy violations on the way
  assert.deepEqual(problems, []);
});
