import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchUrl, FetchError } from './fetch.ts';

let server: http.Server;
let base = '';

before(async () => {
  server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><body><p>hello ${req.headers['user-agent']}</p></body></html>`);
    } else if (u.pathname === '/redirect') {
      res.writeHead(302, { location: '/page' });
      res.end();
    } else if (u.pathname === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (u.pathname === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('x'.repeat(5000));
    } else if (u.pathname === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end('png');
    } else if (u.pathname === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>');
      setTimeout(() => res.end('late</p>'), 2000);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test('loopback targets are refused by default', async () => {
  await assert.rejects(fetchUrl(`${base}/page`), (e: unknown) => e instanceof FetchError && e.code === 'forbidden-address' && /loopback/.test(e.message));
  await assert.rejects(fetchUrl(`http://localhost:1/page`), (e: unknown) => e instanceof FetchError && e.code === 'forbidden-address');
});

test('allowPrivate fetches, follows redirects and sends a User-Agent naming Kabar', async () => {
  const r = await fetchUrl(`${base}/redirect`, { allowPrivate: true });
  assert.equal(r.status, 200);
  assert.equal(r.finalUrl, `${base}/page`);
  assert.match(r.body.toString(), /hello Kabar\//);
});

test('limits: redirects, size, content type, time', async () => {
  await assert.rejects(fetchUrl(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 }), /too many redirects/);
  await assert.rejects(fetchUrl(`${base}/big`, { allowPrivate: true, maxBytes: 1000 }), /too large/);
  await assert.rejects(fetchUrl(`${base}/image`, { allowPrivate: true }), /unsupported content type image\/png/);
  await assert.rejects(fetchUrl(`${base}/slow`, { allowPrivate: true, timeoutMs: 300 }), /timed out/);
});

test('bad URLs and schemes are refused with a clear error', async () => {
  await assert.rejects(fetchUrl('not a url'), /not a valid URL/);
  await assert.rejects(fetchUrl('file:///etc/passwd'), /unsupported scheme/);
  await assert.rejects(fetchUrl('http://user:pw@example.com/'), /credentials/);
});
