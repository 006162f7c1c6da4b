// Fetching URLs without becoming a way into the network Kabar runs in, against servers started here:
// an HTTP server on 127.0.0.1 and a DNS server on 127.0.0.1 that answers names with refused addresses.
// Every refused address class (IPv4, IPv6, IPv4-mapped, IPv4-compatible, NAT64, 6to4, decimal/octal/hex
// IPv4 spellings, names resolving to them), the re-check on every redirect, the limits, the
// User-Agent and the allow-private option.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { fetchUrl, FetchError, type FetchOptions } from '../../src/net/fetch.ts';
import { addressClass } from '../../src/net/address.ts';
import { expandInputs } from '../../src/ingest/sources.ts';
import { testDb, tmpDir } from '../helpers.ts';
import { runKabar } from './harness.ts';

let server: http.Server;
let port = 0;
let base = '';
let dnsServer: dgram.Socket;
let lookup: FetchOptions['lookup'];
const requests: string[] = [];

// Names the test DNS server knows; everything else is NXDOMAIN.
const ZONE: Record<string, Array<['A' | 'AAAA', string]>> = {
  'meta.test': [['A', '169.254.169.254']],
  'meta6.test': [['AAAA', 'fd00:ec2::254']],
  'private.test': [['A', '10.0.0.1']],
  'cgnat.test': [['A', '100.64.1.1']],
  'mixed.test': [['A', '93.184.216.34'], ['A', '192.168.1.1']],
  'mapped.test': [['AAAA', '::ffff:127.0.0.1']],
  'nat64.test': [['AAAA', '64:ff9b::a9fe:a9fe']],
  'multicast.test': [['A', '239.1.2.3']],
  'linklocal6.test': [['AAAA', 'fe80::1']],
  'here.test': [['A', '127.0.0.1']],
};

function ipBytes(type: 'A' | 'AAAA', ip: string): Buffer {
  if (type === 'A') return Buffer.from(ip.split('.').map(Number));
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const parse = (s: string | undefined) => (s ? s.split(':') : []).flatMap((p) => (p.includes('.') ? [((Number(p.split('.')[0]) << 8) | Number(p.split('.')[1])).toString(16), ((Number(p.split('.')[2]) << 8) | Number(p.split('.')[3])).toString(16)] : [p]));
  const h = parse(head);
  const t = parse(tail);
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const b = Buffer.alloc(16);
  groups.forEach((g, i) => b.writeUInt16BE(parseInt(g, 16), i * 2));
  return b;
}

/** A minimal authoritative DNS responder (RFC 1035): A and AAAA answers from ZONE. */
function answer(q: Buffer): Buffer {
  let o = 12;
  const labels: string[] = [];
  while (q[o]! > 0) {
    labels.push(q.subarray(o + 1, o + 1 + q[o]!).toString('latin1'));
    o += q[o]! + 1;
  }
  const qtype = q.readUInt16BE(o + 1);
  const question = q.subarray(12, o + 5);
  const name = labels.join('.').toLowerCase();
  const want = qtype === 1 ? 'A' : qtype === 28 ? 'AAAA' : null;
  const records = (ZONE[name] ?? []).filter(([t]) => t === want);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(q.readUInt16BE(0), 0);
  header.writeUInt16BE(0x8400 | (ZONE[name] ? 0 : 3), 2); // response, authoritative, NOERROR/NXDOMAIN
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records.length, 6);
  const rrs = records.map(([t, ip]) => {
    const data = ipBytes(t, ip);
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0);
    rr.writeUInt16BE(t === 'A' ? 1 : 28, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(60, 6);
    rr.writeUInt16BE(data.length, 10);
    return Buffer.concat([rr, data]);
  });
  return Buffer.concat([header, question, ...rrs]);
}

before(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const u = new URL(req.url ?? '/', 'http://x');
    const redirect = (to: string) => {
      res.writeHead(302, { location: to });
      res.end();
    };
    switch (u.pathname) {
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<html><head><title>Harbour reopens</title></head><body><article><p>The harbour in Port Selwyn reopened on Monday after repairs to the main quay, the port authority said in a statement.</p><p>Ships waiting offshore began to unload cargo in the afternoon. UA=${req.headers['user-agent']}</p></article></body></html>`);
        return;
      case '/to-meta':
        return redirect('http://169.254.169.254/latest/meta-data/');
      case '/to-loopback6':
        return redirect(`http://[::1]:${port}/page`);
      case '/to-other-loopback':
        return redirect(`http://127.0.0.2:${port}/page`);
      case '/to-decimal':
        return redirect(`http://2130706434:${port}/page`);
      case '/to-name':
        return redirect(`http://meta.test:${port}/page`);
      case '/to-file':
        return redirect('file:///etc/passwd');
      case '/to-credentials':
        return redirect(`http://user:pw@127.0.0.1:${port}/page`);
      case '/relative':
        return redirect('/page');
      case '/loop':
        return redirect('/loop');
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50_000) });
        res.end('y'.repeat(50_000));
        return;
      case '/big-chunked':
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 50; i++) res.write('z'.repeat(1000));
        res.end();
        return;
      case '/gzip-bomb': {
        // 1 GB of spaces, about 1 MB on the wire.
        const member = zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20), { level: 9 });
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        for (let i = 0; i < 128; i++) res.write(member);
        res.end();
        return;
      }
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.alloc(100_000));
        return;
      case '/binary':
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end('MZ');
        return;
      case '/drip': {
        // Sends a byte every 100 ms for ever: only a deadline on the whole response ends it.
        res.writeHead(200, { 'content-type': 'text/html' });
        const iv = setInterval(() => res.write('.'), 100);
        res.on('close', () => clearInterval(iv));
        return;
      }
      case '/silent':
        return; // never answers
      default:
        res.writeHead(404);
        res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  dnsServer = dgram.createSocket('udp4');
  dnsServer.on('message', (msg, rinfo) => dnsServer.send(answer(msg), rinfo.port, rinfo.address));
  await new Promise<void>((r) => dnsServer.bind(0, '127.0.0.1', r));
  const resolver = new dns.promises.Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([`127.0.0.1:${(dnsServer.address() as AddressInfo).port}`]);
  lookup = async (host) => {
    const out: dns.LookupAddress[] = [];
    for (const [fn, family] of [[() => resolver.resolve4(host), 4], [() => resolver.resolve6(host), 6]] as const) {
      try {
        for (const address of await fn()) out.push({ address, family });
      } catch {
        /* no record of this family */
      }
    }
    if (!out.length) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return out;
  };
});

after(() => {
  server.closeAllConnections();
  server.close();
  dnsServer.close();
});

const refused = (e: unknown) => e instanceof FetchError && e.code === 'forbidden-address';

test('every refused address class, as URL literals in every IPv4 spelling, is refused before any connection', async () => {
  const urls: Record<string, RegExp> = {
    [`${base}/page`]: /loopback/,
    'http://127.5.6.7/': /loopback/,
    [`http://[::1]:${port}/page`]: /loopback/,
    'http://0.0.0.0/': /unspecified/,
    'http://[::]/': /unspecified/,
    'http://10.1.2.3/': /private/,
    'http://172.16.5.4/': /private/,
    'http://192.168.0.1/': /private/,
    'http://100.64.0.1/': /carrierGradeNat/,
    'http://169.254.169.254/latest/meta-data/': /linkLocal/,
    'http://[fd00:ec2::254]/latest/meta-data/': /uniqueLocal/,
    'http://[fc00::1]/': /uniqueLocal/,
    'http://[fe80::1]/': /linkLocal/,
    'http://224.0.0.1/': /multicast/,
    'http://[ff02::1]/': /multicast/,
    'http://255.255.255.255/': /broadcast/,
    'http://198.18.0.1/': /reserved/,
    'http://192.0.2.1/': /reserved/,
    'http://240.0.0.1/': /reserved/,
    'http://[::ffff:127.0.0.1]/': /loopback/,
    'http://[::ffff:a9fe:a9fe]/': /linkLocal/,
    'http://[::127.0.0.1]/': /ipv4Compatible|loopback/,
    'http://[64:ff9b::7f00:1]/': /nat64 loopback/,
    'http://[64:ff9b::a9fe:a9fe]/': /nat64 linkLocal/,
    'http://[2002:7f00:1::]/': /6to4/,
    'http://[2001:db8::1]/': /reserved/,
    // Decimal, hexadecimal, octal and short IPv4 spellings (WHATWG URL turns them into 127.0.0.1).
    'http://2130706433/': /loopback/,
    'http://0x7f000001/': /loopback/,
    'http://0x7f.0.0.1/': /loopback/,
    'http://0177.0.0.1/': /loopback/,
    'http://017700000001/': /loopback/,
    'http://127.1/': /loopback/,
    'http://0/': /unspecified/,
    'http://0xa9.0xfe.0xa9.0xfe/': /linkLocal/,
  };
  const before = requests.length;
  for (const [url, cls] of Object.entries(urls)) {
    const t0 = Date.now();
    await assert.rejects(fetchUrl(url, { timeoutMs: 3000 }), (e: unknown) => refused(e) && cls.test((e as Error).message), url);
    assert.ok(Date.now() - t0 < 1500, `${url} was refused without trying to connect`);
  }
  assert.equal(requests.length, before, 'no request reached the local server');
  // NAT64 of a public address is an ordinary public address (IPv6-only networks behind DNS64).
  assert.equal(addressClass('64:ff9b::808:808'), 'unicast');
  assert.equal(addressClass('2606:4700:4700::1111'), 'unicast');
});

test('names that resolve to refused addresses are refused, also when only one of their addresses is', async () => {
  await assert.rejects(fetchUrl(`http://localhost:${port}/page`), refused);
  await assert.rejects(fetchUrl(`http://LOCALHOST:${port}/page`), refused);
  for (const [name, cls] of [
    ['meta.test', /169\.254\.169\.254 \(linkLocal/],
    ['meta6.test', /fd00:ec2::254 \(uniqueLocal/],
    ['private.test', /private/],
    ['cgnat.test', /carrierGradeNat/],
    ['mixed.test', /192\.168\.1\.1 \(private/],
    ['mapped.test', /loopback/],
    ['nat64.test', /nat64 linkLocal/],
    ['multicast.test', /multicast/],
    ['linklocal6.test', /linkLocal/],
    ['here.test', /loopback/],
  ] as const) {
    await assert.rejects(fetchUrl(`http://${name}:${port}/page`, { lookup }), (e: unknown) => refused(e) && cls.test((e as Error).message), name);
  }
  await assert.rejects(fetchUrl(`http://nowhere.test:${port}/page`, { lookup }), (e: unknown) => e instanceof FetchError && e.code === 'dns');
});

test('redirects are checked again at every hop', async () => {
  // Only 127.0.0.1 itself is allowed: every redirect target elsewhere must be refused on its own.
  const opts: FetchOptions = { allowPrivate: ['127.0.0.1/32'], lookup };
  const ok = await fetchUrl(`${base}/relative`, opts);
  assert.equal(ok.finalUrl, `${base}/page`);
  for (const [p, why] of [
    ['/to-meta', /169\.254\.169\.254.*linkLocal/],
    ['/to-loopback6', /::1 \(loopback/],
    ['/to-other-loopback', /127\.0\.0\.2 \(loopback/],
    ['/to-decimal', /127\.0\.0\.2 \(loopback/],
    ['/to-name', /meta\.test resolves to 169\.254\.169\.254/],
  ] as const) {
    const before = requests.length;
    await assert.rejects(fetchUrl(`${base}${p}`, opts), (e: unknown) => refused(e) && why.test((e as Error).message), p);
    assert.equal(requests.length, before + 1, `${p}: only the first hop reached a server`);
  }
  await assert.rejects(fetchUrl(`${base}/to-file`, opts), /unsupported scheme file:/);
  await assert.rejects(fetchUrl(`${base}/to-credentials`, opts), /credentials/);
  await assert.rejects(fetchUrl(`${base}/loop`, { ...opts, maxRedirects: 3 }), /too many redirects \(more than 3\)/);
});

test('limits: bytes (declared and streamed), time (silent and dripping servers), content types, gzip bombs', async () => {
  const opts: FetchOptions = { allowPrivate: ['127.0.0.1/32'] };
  await assert.rejects(fetchUrl(`${base}/big-declared`, { ...opts, maxBytes: 10_000 }), (e: unknown) => e instanceof FetchError && e.code === 'too-large');
  await assert.rejects(fetchUrl(`${base}/big-chunked`, { ...opts, maxBytes: 10_000 }), (e: unknown) => e instanceof FetchError && e.code === 'too-large');
  let t0 = Date.now();
  await assert.rejects(fetchUrl(`${base}/silent`, { ...opts, timeoutMs: 500 }), /timed out/);
  assert.ok(Date.now() - t0 < 2500);
  t0 = Date.now();
  await assert.rejects(fetchUrl(`${base}/drip`, { ...opts, timeoutMs: 700 }), /timed out/);
  assert.ok(Date.now() - t0 < 2500, 'a server sending a byte every 100 ms is cut at the deadline');
  await assert.rejects(fetchUrl(`${base}/image`, opts), /unsupported content type image\/png/);
  await assert.rejects(fetchUrl(`${base}/binary`, opts), /unsupported content type application\/octet-stream/);
  // A gzip body that inflates to 1 GB: fetched compressed (1 MB), refused when unpacked past the cap.
  const items = [];
  for await (const item of expandInputs([`${base}/gzip-bomb`], { maxBytes: 5 * 1024 * 1024, fetch: opts })) items.push(item);
  assert.equal(items.length, 1);
  assert.ok('error' in items[0]! && /gzip bomb/.test(items[0].error), JSON.stringify(items[0]).slice(0, 300));
});

test('the User-Agent names Kabar and a contact', async () => {
  const r = await fetchUrl(`${base}/page`, { allowPrivate: true });
  assert.match(r.body.toString(), /UA=Kabar\/\d+\.\d+ \([^)]*contact: [^)]+\)/);
});

test('allow-private: off by default, all private targets with true, only listed networks with a list, bad lists refused', async () => {
  await assert.rejects(fetchUrl(`${base}/page`), refused);
  assert.equal((await fetchUrl(`${base}/page`, { allowPrivate: true })).status, 200);
  assert.equal((await fetchUrl(`${base}/page`, { allowPrivate: ['127.0.0.0/8'] })).status, 200);
  await assert.rejects(fetchUrl(`${base}/page`, { allowPrivate: ['10.0.0.0/8', 'fd00::/8'] }), refused);
  await assert.rejects(fetchUrl(`${base}/page`, { allowPrivate: ['not-a-network'] }), (e: unknown) => e instanceof FetchError && e.code === 'bad-option');

  // Through the CLI: refused by default with one error line; allowed with KABAR_ALLOW_PRIVATE=<network>.
  const db = await testDb('net');
  // The child runs asynchronously: this process's server has to answer it.
  const no = await runKabar(['ingest', `${base}/page`, '--db', db], { timeoutMs: 60_000, env: { KABAR_ALLOW_PRIVATE: '' } });
  assert.equal(no.status, 1);
  assert.match(no.stderr, new RegExp(`^error: ${base.replace(/[.]/g, '\\.')}/page: refused: 127\\.0\\.0\\.1 resolves to 127\\.0\\.0\\.1 \\(loopback address\\)`, 'm'));
  const yes = await runKabar(['ingest', `${base}/page`, '--db', db], { timeoutMs: 60_000, env: { KABAR_ALLOW_PRIVATE: '127.0.0.1/32' } });
  assert.equal(yes.status, 0, yes.stderr);
  assert.match(yes.stderr, /1 added/);
});
