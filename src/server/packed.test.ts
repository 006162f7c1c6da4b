// Kept pages in compressed pieces around their CSRF slots: the gzip assembled per reader and the inflated
// pieces both give exactly the page with that reader's token, whatever the slots' places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { crc32Combine, cutAt, deserializePage, gzipWithToken, inflatePieces, joinPieces, packPage, serializePage } from './packed.ts';
import { pageBytes, type KeptPage } from './storycache.ts';

const SLOT = 'csrf-slot-0123456789abcdef';
const TOKEN = 'Zq3_token-made-up-0123456789';

function check(html: string): void {
  const p = deserializePage(serializePage(packPage(Buffer.from(html), SLOT)));
  assert.ok(p, 'stored and read back');
  const want = html.split(SLOT).join(TOKEN);
  assert.equal(zlib.gunzipSync(gzipWithToken(p, TOKEN)).toString('utf8'), want);
  assert.equal(joinPieces(inflatePieces(p), TOKEN).toString('utf8'), want);
  // pieces as packed (each its own buffer), not as read back from a row (one after another in one buffer)
  assert.equal(joinPieces(inflatePieces(packPage(Buffer.from(html), SLOT)), TOKEN).toString('utf8'), want);
  assert.equal(joinPieces(cutAt(Buffer.from(html), SLOT), TOKEN).toString('utf8'), want);
  // the same kept page, another reader
  assert.equal(zlib.gunzipSync(gzipWithToken(p, 'another-reader-token-xyz')).toString('utf8'), html.split(SLOT).join('another-reader-token-xyz'));
}

test('one slot, several, none, at the edges, next to each other', () => {
  check(`<form><input name="_csrf" value="${SLOT}"></form>`);
  check(`<p>Ünïcode — kabar «berita» 新闻</p>${SLOT}<p>middle</p>${SLOT}<p>end</p>`);
  check('<p>no form on this page</p>');
  check(`${SLOT}start and end${SLOT}`);
  check(`${SLOT}${SLOT}`);
  check('');
});

test('large pieces (several deflate blocks, lengths past 64 KiB)', () => {
  const noise = randomBytes(150_000).toString('base64');
  check(`<main>${noise}</main><input value="${SLOT}"><footer>${noise.slice(0, 90_000)}</footer>`);
});

test('CRC-32 of a concatenation from the parts', () => {
  const a = randomBytes(1000);
  for (const n of [0, 1, 7, 64, 65_537, 300_001]) {
    const b = randomBytes(n);
    assert.equal(crc32Combine(zlib.crc32(a), zlib.crc32(b), n), zlib.crc32(Buffer.concat([a, b])), `length ${n}`);
  }
});

test('a row of another format is not taken for a page', () => {
  assert.equal(deserializePage(zlib.gzipSync(`${SLOT}\n<p>old format</p>`)), null);
  assert.equal(deserializePage(Buffer.from('KP1\n')), null);
  const ok = serializePage(packPage(Buffer.from('<p>x</p>'), SLOT));
  assert.equal(deserializePage(ok.subarray(0, ok.length - 1)), null, 'truncated');
});

test('the inflated pieces of a kept page are kept from its second reader without gzip on; every reader gets the page with their token', () => {
  const html = `<p>a</p><input value="${SLOT}"><p>b</p>`;
  const page: KeptPage = { packed: deserializePage(serializePage(packPage(Buffer.from(html), SLOT)))! };
  for (const [i, token] of ['first-reader-token', 'second-reader-token', 'third-reader-token'].entries()) {
    assert.equal(pageBytes(page, token).toString('utf8'), html.split(SLOT).join(token));
    assert.equal(page.raw !== undefined, i >= 1, `pieces kept after reader ${i + 1}`);
  }
});
