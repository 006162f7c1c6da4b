import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalFromHtml, hostKey, isTrackingParam, normaliseUrl, sameSite } from './urls.ts';

test('tracking parameters, fragments, default ports and host case are normalised away', () => {
  assert.equal(
    normaliseUrl('HTTPS://News.Example.COM:443/a/b?id=7&utm_source=tw&utm_medium=social&fbclid=XYZ&gclid=1#comments'),
    'https://news.example.com/a/b?id=7',
  );
  assert.equal(normaliseUrl('http://example.com:80/x?utm_campaign=a'), 'http://example.com/x');
  assert.equal(normaliseUrl('http://example.com:8080/x'), 'http://example.com:8080/x');
  // Path case kept (servers may be case-sensitive); other parameters keep their order.
  assert.equal(normaliseUrl('https://example.com/News/A?b=2&a=1&mc_cid=9'), 'https://example.com/News/A?b=2&a=1');
  assert.equal(normaliseUrl('/read/12?ref_src=twsrc', 'https://example.org/index.html'), 'https://example.org/read/12');
  assert.equal(normaliseUrl('mailto:a@b.c'), null);
  assert.equal(normaliseUrl('not a url'), null);
  assert.ok(isTrackingParam('UTM_Content') && isTrackingParam('pk_kwd') && !isTrackingParam('page') && !isTrackingParam('id'));
  assert.equal(hostKey('http://A.example.com:81/x'), 'a.example.com');
});

test('canonical link honoured (same site only), og:url as fallback', () => {
  const page = 'https://m.example.com/2024/05/story-amp?utm_source=x';
  assert.equal(
    canonicalFromHtml('<html><head><link rel="canonical" href="https://www.example.com/2024/05/story?utm_medium=rss#top"></head><body>x</body></html>', page),
    'https://www.example.com/2024/05/story',
  );
  assert.equal(canonicalFromHtml('<html><head><meta property="og:url" content="/2024/05/story"></head></html>', page), 'https://m.example.com/2024/05/story');
  assert.equal(canonicalFromHtml('<html><head><link rel="canonical" href="https://evil.test/other"></head></html>', page), null);
  assert.equal(canonicalFromHtml('<html><head><title>x</title></head><body><p>no canonical</p></body></html>', page), null);
  assert.ok(sameSite('https://www.example.com/a', 'https://example.com/b'));
  assert.ok(!sameSite('https://example.com/a', 'https://notexample.com/b'));
  assert.ok(!sameSite('http://127.0.0.1/a', 'http://127.0.0.2/b'));
});
