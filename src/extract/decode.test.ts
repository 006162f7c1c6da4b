import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { decodeBytes, looksBinary, looksLikeHtml } from './decode.ts';

const VI = 'Thủ tướng phát biểu tại hội nghị về phát triển kinh tế đất nước và đời sống người dân.';
/** Vietnamese as windows-1258 stores it: precomposed vowels (â ê ô ơ ư ă), tone marks as combining characters. */
function cp1258(s: string): Buffer {
  const tones = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
  const clusters = s.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? [];
  const out = clusters.map((c) => {
    const [base, ...marks] = [...c];
    const keep = marks.filter((m) => !tones.has(m)).join('');
    return (base + keep).normalize('NFC') + marks.filter((m) => tones.has(m)).join('');
  });
  return iconv.encode(out.join(''), 'windows-1258');
}
const DE = 'Die Bürger äußerten Kritik an der Größe des Projekts für München.';

test('UTF-8 with and without BOM, and UTF-16 with BOM', () => {
  assert.deepEqual(decodeBytes(Buffer.from(VI, 'utf8')), { text: VI, charset: 'utf-8' });
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VI)])).text, VI);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VI, 'utf16le')]);
  assert.deepEqual(decodeBytes(le), { text: VI, charset: 'utf-16le' });
  const be = Buffer.from(VI, 'utf16le').swap16();
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text, VI);
  // No BOM: the NUL pattern gives UTF-16 away.
  assert.equal(decodeBytes(Buffer.from('Plain ASCII words in UTF-16 without a mark', 'utf16le')).charset, 'utf-16le');
});

test('charset from HTTP header, meta tags and the XML declaration', () => {
  const latin = iconv.encode(DE, 'windows-1252');
  assert.equal(decodeBytes(latin, { contentType: 'text/html; charset=ISO-8859-1' }).text, DE);
  const meta = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), latin]);
  assert.ok(decodeBytes(meta).text.includes(DE));
  const equiv = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>'), latin]);
  assert.equal(decodeBytes(equiv).charset, 'windows-1252');
  const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1258"?><p>'), cp1258(VI)]);
  assert.ok(decodeBytes(xml).text.normalize('NFC').includes(VI));
});

test('sniffing: Latin-1, Vietnamese windows-1258, Cyrillic windows-1251', () => {
  assert.deepEqual(decodeBytes(iconv.encode(DE, 'windows-1252')), { text: DE, charset: 'windows-1252' });
  const vi = decodeBytes(cp1258(VI.repeat(3)));
  assert.equal(vi.charset, 'windows-1258');
  assert.ok(vi.text.startsWith(VI));
  const ru = 'Правительство объявило о новых мерах поддержки экономики страны в этом году.';
  const r = decodeBytes(iconv.encode(ru.repeat(2), 'windows-1251'));
  assert.equal(r.charset, 'windows-1251');
  assert.ok(r.text.startsWith(ru));
});

test('broken UTF-8 in a page that claims UTF-8 becomes U+FFFD', () => {
  const buf = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' ok</p>')]);
  const r = decodeBytes(buf);
  assert.equal(r.charset, 'utf-8');
  assert.ok(r.text.includes('caf\ufffd\ufffd ok'));
});

test('gzip is unpacked; a gzip bomb throws a clear error', () => {
  const gz = zlib.gzipSync(Buffer.from(VI));
  assert.equal(decodeBytes(gz).text, VI);
  const bomb = zlib.gzipSync(Buffer.alloc(65 * 1024 * 1024, 0x20), { level: 9 });
  assert.throws(() => decodeBytes(bomb, { name: 'bomb.gz' }), /gzip bomb/);
  assert.throws(() => decodeBytes(Buffer.from([0x1f, 0x8b, 1, 2, 3])), /corrupt/);
});

test('looksBinary', () => {
  assert.equal(looksBinary(Buffer.from(VI)), false);
  assert.equal(looksBinary(Buffer.from('%PDF-1.7\n...')), true);
  assert.equal(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), true);
  assert.equal(looksBinary(Buffer.from('abc\u0000def')), true);
  assert.equal(looksBinary(Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 7) % 32))), true);
  assert.equal(looksBinary(zlib.gzipSync(Buffer.from('<html><body>hi</body></html>'))), false);
  assert.equal(looksBinary(zlib.gzipSync(Buffer.from([0, 1, 2, 3, 0, 0, 5]))), true);
  assert.equal(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello', 'utf16le')])), false);
});

test('looksLikeHtml', () => {
  assert.equal(looksLikeHtml('<!DOCTYPE html><html><body><p>x</p></body></html>'), true);
  assert.equal(looksLikeHtml('\n  <html lang="id"><head><title>t</title></head>'), true);
  assert.equal(looksLikeHtml('<div class="a"><p>Satu</p><p>Dua</p><span>x</span></div>'), true);
  assert.equal(looksLikeHtml('Judul berita\n\nParagraf yang menyebut tag <p> sekali saja.'), false);
  assert.equal(looksLikeHtml(VI), false);
});
