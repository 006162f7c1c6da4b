import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowed, parseRobots, RobotsCache } from './robots.ts';

const TXT = `# comments are ignored
User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/press/
Crawl-delay: 2

User-agent: Googlebot
User-agent: Kabar
Disallow: /search
Allow: /search/about

Sitemap: https://example.com/sitemap.xml
`;

test('our group wins over *, longest match wins, Allow wins ties, * and $ patterns', () => {
  const ours = parseRobots(TXT, 'kabar');
  assert.equal(isAllowed(ours, 'https://example.com/search?q=x'), false);
  assert.equal(isAllowed(ours, 'https://example.com/search/about'), true);
  assert.equal(isAllowed(ours, 'https://example.com/private/x'), true, 'the * group does not apply when ours exists');
  assert.deepEqual(ours.sitemaps, ['https://example.com/sitemap.xml']);
  const other = parseRobots(TXT, 'somebot');
  assert.equal(isAllowed(other, 'https://example.com/private/x'), false);
  assert.equal(isAllowed(other, 'https://example.com/private/press/release'), true);
  assert.equal(isAllowed(other, 'https://example.com/files/a.pdf'), false);
  assert.equal(isAllowed(other, 'https://example.com/files/a.pdf?x=1'), true, '$ anchors the end');
  assert.equal(isAllowed(other, 'https://example.com/news/1'), true);
  assert.equal(other.crawlDelaySec, 2);
  assert.equal(isAllowed(parseRobots('User-agent: *\nDisallow:\n'), 'https://x.test/a'), true, 'empty Disallow allows all');
  assert.equal(isAllowed(parseRobots('User-agent: *\nDisallow: /\n'), 'https://x.test/a'), false);
});

test('cache: one fetch per origin until expiry; 404 allows, 5xx and network errors disallow for a while', async () => {
  let clock = 1_000_000;
  const calls: string[] = [];
  const answers: Record<string, { status: number; body: string } | Error> = {
    'https://a.test/robots.txt': { status: 200, body: 'User-agent: *\nDisallow: /x\n' },
    'https://b.test/robots.txt': { status: 404, body: '' },
    'https://c.test/robots.txt': { status: 503, body: '' },
    'https://d.test/robots.txt': new Error('connection refused'),
  };
  const cache = new RobotsCache(
    async (u) => {
      calls.push(u);
      const a = answers[u]!;
      if (a instanceof Error) throw a;
      return a;
    },
    { ttlMs: 60_000, errorTtlMs: 5_000, now: () => clock },
  );
  assert.equal(await cache.allowed('https://a.test/x/1'), false);
  assert.equal(await cache.allowed('https://a.test/y'), true);
  assert.equal(await cache.allowed('https://b.test/anything'), true);
  assert.equal(await cache.allowed('https://c.test/anything'), false);
  assert.equal(await cache.allowed('https://d.test/anything'), false);
  assert.equal(calls.length, 4);
  answers['https://c.test/robots.txt'] = { status: 200, body: '' };
  clock += 6_000; // error entries expired, good ones not
  assert.equal(await cache.allowed('https://c.test/anything'), true);
  assert.equal(await cache.allowed('https://a.test/y'), true);
  assert.equal(calls.length, 5);
  clock += 60_000;
  await cache.allowed('https://a.test/y');
  assert.equal(calls.length, 6);
});
