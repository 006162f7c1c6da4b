// Bytes → text for pages from disk, HTTP or archives. Order follows what browsers trust:
// gzip wrapper, byte-order mark, HTTP charset, <meta>/XML declaration in the first bytes, then sniffing.
// A page that claims UTF-8 but carries broken bytes gets U+FFFD, never an exception.

import zlib from 'node:zlib';
import iconv from 'iconv-lite';

/** Largest decompressed size accepted from a gzip body: past this it is treated as a gzip bomb. */
export const MAX_GUNZIP_BYTES = 64 * 1024 * 1024;

const SNIFF_BYTES = 4096;

function isGzip(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

function gunzip(buf: Buffer, name?: string): Buffer {
  try {
    return zlib.gunzipSync(buf, { maxOutputLength: MAX_GUNZIP_BYTES });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const what = name ? ` (${name})` : '';
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new Error(`gzip content${what} expands beyond ${MAX_GUNZIP_BYTES / 1024 / 1024} MB: refusing a likely gzip bomb`);
    }
    throw new Error(`gzip content${what} is corrupt: ${err.message}`);
  }
}

/** WHATWG-style label normalisation; the legacy Latin-1 labels mean windows-1252 on the web. */
function canonicalCharset(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'iso_8859-1', 'x-cp1252'].includes(l)) return 'windows-1252';
  if (['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'cp936', 'chinese'].includes(l)) return 'gb18030';
  if (['sjis', 'x-sjis', 'shift-jis', 'ms_kanji', 'windows-31j', 'cp932'].includes(l)) return 'shift_jis';
  if (['utf-16', 'unicode', 'ucs-2'].includes(l)) return 'utf-16le';
  if (['cp1258', 'x-cp1258'].includes(l)) return 'windows-1258';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return iconv.encodingExists(l) ? l : null;
  }
}

function charsetFromContentType(ct: string | null | undefined): string | null {
  if (!ct) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct);
  return m ? canonicalCharset(m[1]!) : null;
}

/** <meta charset>, <meta http-equiv content="…; charset=…">, <?xml encoding="…"?> in the first bytes. */
function charsetFromMarkup(buf: Buffer): string | null {
  const head = buf.subarray(0, SNIFF_BYTES).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) {
    const cs = canonicalCharset(meta[1]!);
    // A UTF-16 label inside bytes we could read as ASCII is a lie: the page is not UTF-16.
    if (cs && !cs.startsWith('utf-16')) return cs;
    if (cs) return 'utf-8';
  }
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return canonicalCharset(xml[1]!);
  return null;
}

function validUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: most ASCII characters leave a NUL in every other byte. */
function sniffUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length & ~1, SNIFF_BYTES);
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

// windows-1258 writes Vietnamese tones as combining marks right after a base letter:
// 0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2 dot below; 0xD0/0xF0 are Đ/đ.
const VN_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);

/** Legacy single/multi-byte encodings told apart by byte statistics. */
function sniffLegacy(buf: Buffer): string {
  const n = Math.min(buf.length, 64 * 1024);
  let high = 0;
  let toneAfterLetter = 0;
  let upperHalfLetters = 0; // 0xC0-0xFF: letters in windows-1251 / Latin-1
  let runs = 0; // runs of ≥3 high bytes: words written without ASCII
  let run = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b >= 0x80) {
      high++;
      run++;
      if (b >= 0xc0) upperHalfLetters++;
      const prev = i > 0 ? buf[i - 1]! : 0;
      if (VN_TONES.has(b) && ((prev >= 0x41 && prev <= 0x5a) || (prev >= 0x61 && prev <= 0x7a) || prev >= 0xc0)) toneAfterLetter++;
    } else {
      if (run >= 3) runs++;
      run = 0;
    }
  }
  if (high === 0) return 'windows-1252';
  if (toneAfterLetter / high > 0.25) return 'windows-1258';
  if (runs > 5 && runs * 3 > high * 0.3) {
    // Whole words in high bytes: Cyrillic (letters in 0xC0-0xFF) or a CJK double-byte encoding.
    if (upperHalfLetters / high > 0.7) return 'windows-1251';
    for (const enc of ['shift_jis', 'euc-kr', 'gb18030']) {
      try {
        new TextDecoder(enc, { fatal: true }).decode(buf.subarray(0, n));
        return enc;
      } catch {
        // try the next
      }
    }
  }
  return 'windows-1252';
}

function decodeWith(buf: Buffer, charset: string): string {
  // UTF-8/16 through TextDecoder (U+FFFD for bad bytes); legacy charsets through iconv-lite, because
  // Node 20's TextDecoder maps windows-1252's 0x80–0x9F to C1 controls instead of € ’ “ ….
  if (/^utf-?(8|16)/i.test(charset)) {
    try {
      return new TextDecoder(charset).decode(buf);
    } catch {
      /* fall through */
    }
  }
  if (iconv.encodingExists(charset)) return iconv.decode(buf, charset);
  try {
    return new TextDecoder(charset).decode(buf);
  } catch {
    return new TextDecoder('utf-8').decode(buf);
  }
}

/**
 * Decode a page's bytes. Gzip bodies are unpacked first (over 64 MB unpacked throws).
 * Returns the text (without BOM) and the charset used.
 */
export function decodeBytes(buf: Buffer, opts: { contentType?: string | null; name?: string } = {}): { text: string; charset: string } {
  const bytes = isGzip(buf) ? gunzip(buf, opts.name) : buf;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeWith(bytes.subarray(3), 'utf-8'), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeWith(bytes.subarray(2), 'utf-16le'), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeWith(bytes.subarray(2), 'utf-16be'), charset: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decodeWith(bytes, utf16), charset: utf16 };
  let charset = charsetFromContentType(opts.contentType) ?? charsetFromMarkup(bytes);
  if (!charset) charset = validUtf8(bytes) ? 'utf-8' : sniffLegacy(bytes);
  const text = decodeWith(bytes, charset);
  // windows-1258 stores tone marks as combining characters; the rest of Kabar expects composed text.
  return { text: charset === 'windows-1258' ? text.normalize('NFC') : text, charset };
}

const BINARY_MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip'],
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x52, 0x49, 0x46, 0x46], 'riff'],
  [[0x7f, 0x45, 0x4c, 0x46], 'elf'],
  [[0x42, 0x5a, 0x68], 'bzip2'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'xz'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'sqlite'],
];

/**
 * True for content that is not text: known binary signatures, NUL bytes (outside UTF-16) or many
 * control characters in the first 8 KB. Gzip is looked into (its start is unpacked).
 */
export function looksBinary(buf: Buffer): boolean {
  let head = buf.subarray(0, 8192);
  if (isGzip(buf)) {
    try {
      // A 1 KB compressed prefix unpacks to at most ~1 MB: safe whatever the ratio.
      head = zlib.gunzipSync(buf.subarray(0, 1024), { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: 2 * 1024 * 1024 }).subarray(0, 8192);
    } catch {
      return true; // corrupt gzip is not a readable page
    }
  }
  if (head.length === 0) return false;
  for (const [sig] of BINARY_MAGIC) if (sig.every((b, i) => head[i] === b)) return true;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || sniffUtf16(head)) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) control++;
  }
  return control / head.length > 0.05;
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i;
const HTML_TAG = /<\/?(?:html|head|body|div|p|span|a|meta|title|script|style|link|article|section|br|table|tr|td|li|ul|ol|h[1-6]|img|header|footer|nav|main)\b[^>]*>/gi;

/** True for HTML documents and fragments; false for plain text that merely mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 8192).replace(/^\ufeff/, '');
  if (HTML_START.test(head)) return true;
  const tags = head.match(HTML_TAG);
  if (!tags || tags.length < 4) return false;
  // Markup dominates: tags are a visible share of the text, not one quoted example.
  const tagChars = tags.reduce((n, t) => n + t.length, 0);
  return tags.length >= 10 || tagChars / head.length > 0.05;
}
