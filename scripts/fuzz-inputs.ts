// Hostile inputs for `kabar ingest` / `kabar extract`, seeded and reproducible:
//   npx tsx scripts/fuzz-inputs.ts OUT_DIR [--seed 1] [--count 10000] [--small]
// writes OUT_DIR/MANIFEST.json (the ingest skips that name) listing every input with what must
// happen to it: "good" inputs must be ingested with their marker word in the text, "bad" ones must
// get exactly one error line, "either" ones may go either way but never crash, hang or stay silent.
// --small leaves out the largest files (the 100 MB line is kept at 30 MB over the page limit, the
// gzip bomb inflates to 1 GB instead of 8 GB) for the bounded run in `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { rng } from '../src/util/common.ts';

export type Expect = 'good' | 'bad' | 'either';

export interface FuzzInput {
  /** Path (relative to the output folder) given to kabar; for JSONL, the file (lines are in `lines`). */
  path: string;
  category: string;
  expect: Expect;
  /** A word that must appear in the stored/extracted text of a good input. */
  marker?: string;
  /** One entry per JSONL line (1-based line n = lines[n-1]); null for blank lines that yield nothing. */
  lines?: Array<{ expect: Expect; marker?: string } | null>;
  /** A folder input: its contents are not listed one by one. */
  tree?: boolean;
  /** Large or slow: run on its own with its own time and memory bound. */
  heavy?: boolean;
}

export interface FuzzManifest {
  seed: number;
  count: number;
  root: boolean;
  inputs: FuzzInput[];
}

const WORDS = (
  'harbour council minister village river bridge market festival union workers farmers teachers students police ' +
  'ministry budget election province district court judge hospital doctors patients school factory company port ' +
  'railway station airport flood drought harvest prices fuel wages strike protest agreement meeting report ' +
  'officials residents volunteers museum library stadium road tunnel ferry island coast mountain forest ' +
  'announced reported said confirmed denied agreed rejected opened closed delayed raised lowered expected'
).split(' ');
const ID_WORDS = (
  'pemerintah daerah warga pasar sungai jembatan nelayan petani guru siswa polisi menteri anggaran pemilihan ' +
  'provinsi kabupaten pengadilan rumah sakit sekolah pabrik perusahaan pelabuhan stasiun bandara banjir harga ' +
  'upah mogok kesepakatan rapat laporan pejabat mengumumkan mengatakan menyatakan membuka menutup menunda'
).split(' ');

class Gen {
  readonly r: () => number;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }
  sentence(words = WORDS): string {
    const n = 8 + this.int(14);
    const w = Array.from({ length: n }, () => this.pick(words));
    w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
    return w.join(' ') + '.';
  }
  paragraph(words = WORDS): string {
    return Array.from({ length: 2 + this.int(3) }, () => this.sentence(words)).join(' ');
  }
}

/** A fresh marker word: lower-case letters only, so no extractor, normaliser or tokenizer splits it. */
function markerFor(seed: number, i: number): string {
  let n = (seed * 1_000_003 + i * 7919 + 12345) >>> 0;
  let s = 'kbrz';
  for (let k = 0; k < 8; k++) {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26) + k * 31;
  }
  // then i itself in base 26 (letters), which keeps every marker distinct
  let k = i;
  do {
    s += String.fromCharCode(97 + (k % 26));
    k = Math.floor(k / 26);
  } while (k > 0);
  return s;
}

function article(g: Gen, marker: string, words = WORDS): { title: string; paras: string[] } {
  const title = g.sentence(words).slice(0, -1);
  const paras = Array.from({ length: 3 + g.int(4) }, () => g.paragraph(words));
  // The marker sits mid-paragraph in the body, where every extractor must keep it.
  const k = 1 + g.int(paras.length - 1);
  paras[k] = paras[k]!.replace(/\. /, `. The ${marker} report was confirmed on Monday. `);
  if (!paras[k]!.includes(marker)) paras[k] += ` The ${marker} report was confirmed on Monday.`;
  return { title, paras };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlPage(a: { title: string; paras: string[] }, opts: { head?: string; before?: string; after?: string; wrapOpen?: string; wrapClose?: string } = {}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(a.title)}</title>${opts.head ?? ''}</head><body>${opts.before ?? ''}${opts.wrapOpen ?? ''}<article><h1>${esc(a.title)}</h1>${a.paras.map((p) => `<p>${esc(p)}</p>`).join('')}</article>${opts.wrapClose ?? ''}${opts.after ?? ''}</body></html>`;
}

function textDump(a: { title: string; paras: string[] }): string {
  return `${a.title}\n\n${a.paras.join('\n\n')}\n`;
}

/** A gzip stream inflating to about `inflated` bytes of `fill` while staying small on disk (repeated gzip members). */
function gzipBomb(inflated: number, fill: number | string): Buffer {
  const block = 8 * 1024 * 1024;
  const member = zlib.gzipSync(typeof fill === 'number' ? Buffer.alloc(Math.min(block, inflated), fill) : Buffer.from(fill.repeat(Math.ceil(Math.min(block, inflated) / fill.length))), { level: 9 });
  const n = Math.max(1, Math.round(inflated / block));
  return Buffer.concat(Array.from({ length: n }, () => member));
}

function writeHugeLine(file: string, bytes: number, head: string, fillChar: string, tail: string): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, head);
  const chunk = Buffer.alloc(1024 * 1024, fillChar);
  let left = bytes - head.length - tail.length;
  while (left > 0) {
    const n = Math.min(left, chunk.length);
    fs.writeSync(fd, chunk, 0, n);
    left -= n;
  }
  fs.writeSync(fd, tail);
  fs.closeSync(fd);
}

type Small = (g: Gen, m: string) => { ext: string; data: string | Buffer; expect: Expect; category: string };

// Small inputs, drawn at random; each returns the file body and what must happen to it.
const SMALL: Small[] = [
  // good, plain
  (g, m) => ({ ext: '.txt', data: textDump(article(g, m)), expect: 'good', category: 'good-text' }),
  (g, m) => ({ ext: '.html', data: htmlPage(article(g, m)), expect: 'good', category: 'good-html' }),
  (g, m) => ({ ext: '.txt', data: textDump(article(g, m, ID_WORDS)), expect: 'good', category: 'good-text-id' }),
  (g, m) => ({ ext: '.html.gz', data: zlib.gzipSync(htmlPage(article(g, m))), expect: 'good', category: 'good-gzip-html' }),
  (g, m) => ({ ext: '', data: htmlPage(article(g, m)), expect: 'good', category: 'good-sniffed-html' }),
  // good, in charsets declared truthfully
  (g, m) => ({ ext: '.html', data: iconv.encode(htmlPage(article(g, m)).replace('utf-8', 'windows-1252').replace('</h1>', ' — café €5</h1>'), 'win1252'), expect: 'good', category: 'charset-1252' }),
  (g, m) => ({ ext: '.html', data: iconv.encode(htmlPage(article(g, m)).replace('utf-8', 'windows-1251').replace('</h1>', ' Новости дня</h1>'), 'win1251'), expect: 'good', category: 'charset-1251' }),
  (g, m) => ({ ext: '.html', data: iconv.encode(htmlPage(article(g, m)).replace('utf-8', 'shift_jis').replace('</h1>', ' 東京ニュース</h1>'), 'shift_jis'), expect: 'good', category: 'charset-sjis' }),
  (g, m) => ({ ext: '.txt', data: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(textDump(article(g, m)), 'utf-16le')]), expect: 'good', category: 'utf16-bom' }),
  (g, m) => ({ ext: '.txt', data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(textDump(article(g, m)))]), expect: 'good', category: 'utf8-bom' }),
  // lying or broken charsets: readable or refused, never a crash
  (g, m) => ({ ext: '.html', data: htmlPage(article(g, m)).replace('utf-8', g.pick(['utf-16', 'utf-7', 'x-no-such-charset', 'shift_jis', 'iso-2022-jp', 'replacement', 'hz-gb-2312', 'utf-32', '"><script>', ''])), expect: 'either', category: 'charset-lie' }),
  (g, m) => ({ ext: '.html', data: iconv.encode(htmlPage(article(g, m)).replace('</h1>', ' café ñ ü</h1>'), 'latin1'), expect: 'either', category: 'charset-undeclared-latin1' }),
  (g, m) => ({ ext: '.txt', data: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(textDump(article(g, m)))]), expect: 'either', category: 'bom-lie' }),
  (g, m) => ({ ext: '.txt', data: Buffer.concat([Buffer.from(textDump(article(g, m))), g.bytes(1 + g.int(40))]), expect: 'either', category: 'trailing-garbage-bytes' }),
  (g, m) => {
    const b = Buffer.from(textDump(article(g, m)));
    for (let k = 0; k < 20; k++) b[g.int(b.length)] = 0x80 + g.int(0x7f); // invalid UTF-8 sprinkled in
    return { ext: '.txt', data: b, expect: 'either', category: 'invalid-utf8' };
  },
  // control characters, bidi overrides, escapes in good pages: kept out of harm's way, text still ingested
  (g, m) => {
    const a = article(g, m);
    const junk = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2069', '\u200b', '\u200f', '\ufeff', '\u0007', '\u001b[31m', '\u001b]0;owned\u0007', '\u0085', '\u2028', '\ufffe', '\r'];
    a.paras = a.paras.map((p) => p.replace(/ /g, (s) => (g.r() < 0.08 ? s + g.pick(junk) : s)));
    return { ext: g.pick(['.txt', '.html']), data: g.r() < 0.5 ? textDump(a) : htmlPage(a), expect: 'good', category: 'control-bidi' };
  },
  (g) => ({ ext: '.txt', data: Array.from({ length: 200 + g.int(2000) }, () => String.fromCharCode(g.int(32))).join(''), expect: 'bad', category: 'only-controls' }),
  // truncated and garbage HTML
  (g, m) => {
    const page = htmlPage(article(g, m));
    return { ext: '.html', data: page.slice(0, g.int(page.length)), expect: 'either', category: 'truncated-html' };
  },
  (g, m) => {
    const page = Buffer.from(htmlPage(article(g, m)));
    const cut = g.int(page.length);
    return { ext: '.html', data: Buffer.concat([page.subarray(0, cut), g.bytes(g.int(200)), page.subarray(cut + g.int(100))]), expect: 'either', category: 'spliced-html' };
  },
  (g) => {
    const parts = ['<', '>', '</', '<!--', '-->', '<![CDATA[', ']]>', '<script>', '</script>', '<style>', '&', '&#', '&#x110000;', '&#0;', '"', "'", '=', '<p', '<div', '<table><tr><td>', '<svg><foreignObject>', '<math><mi>', '<template>', '<noscript>', '<iframe srcdoc="', '<plaintext>', '<xmp>', '<textarea>', '<title>', ' ', 'word ', '\n'];
    return { ext: '.html', data: Array.from({ length: 50 + g.int(3000) }, () => g.pick(parts)).join(''), expect: 'either', category: 'tag-soup' };
  },
  (g, m) => ({ ext: '.html', data: htmlPage(article(g, m)).replace('<article>', g.pick(['<!--', '<script>', '<style>', '<textarea>', '<title>', '<noscript>', '<template>', '<iframe>', '<xmp>', '<plaintext>'])), expect: 'either', category: 'unclosed-raw-text' }),
  (g) => ({ ext: g.pick(['.html', '.txt', '']), data: g.bytes(1 + g.int(20000)), expect: 'either', category: 'random-bytes' }),
  (g) => ({ ext: g.pick(['.html', '.txt']), data: Buffer.concat([Buffer.from(g.pick(['\x89PNG\r\n\x1a\n', '%PDF-1.7\n', '\x7fELF\x02\x01\x01', 'PK\x03\x04', 'GIF89a', '\x00\x00\x01\x00']), 'latin1'), g.bytes(500 + g.int(5000))]), expect: 'bad', category: 'binary-magic' }),
  (g) => ({ ext: g.pick(['.html', '.txt', '.jsonl', '.html.gz']), data: g.pick(['', ' ', '\n\n\n', '\t \r\n', '\ufeff']), expect: 'bad', category: 'empty' }),
  (g) => ({ ext: g.pick(['.html', '.htm']), data: g.pick(['<html></html>', '<p></p>', '<!doctype html>', '<html><body><script>var a = 1;</script></body></html>']), expect: 'bad', category: 'empty' }),
  (g) => ({ ext: '.html.gz', data: zlib.gzipSync(Buffer.from('<p>' + 'x'.repeat(1000))).subarray(0, 5 + g.int(20)), expect: 'bad', category: 'corrupt-gzip' }),
  (g, m) => ({ ext: '.html.gz', data: htmlPage(article(g, m)), expect: 'either', category: 'gz-name-not-gzip' }),
  // huge attributes and many attributes on a good page
  (g, m) => ({ ext: '.html', data: htmlPage(article(g, m), { before: `<div class="${'x'.repeat(200_000 + g.int(800_000))}" data-a='${'"'.repeat(1000)}'>`, wrapClose: '</div>' }), expect: 'good', category: 'huge-attribute' }),
  (g, m) => ({ ext: '.html', data: htmlPage(article(g, m), { before: `<div ${Array.from({ length: 20_000 + g.int(30_000) }, (_, k) => `a${k}="${k}"`).join(' ')}>`, wrapClose: '</div>' }), expect: 'good', category: 'many-attributes' }),
  (g, m) => ({ ext: '.html', data: htmlPage(article(g, m), { head: `<meta property="og:title" content="${'T'.repeat(300_000)}"><meta name="description" content="${'D '.repeat(200_000)}"><script type="application/ld+json">${'{"@graph":['.repeat(5000)}</script>` }), expect: 'good', category: 'huge-meta' }),
  // nesting (deep nesting at 100k levels is in the heavy set)
  (g, m) => {
    const depth = 500 + g.int(5000);
    const tag = g.pick(['div', 'span', 'section', 'b', 'blockquote']);
    return { ext: '.html', data: htmlPage(article(g, m), { wrapOpen: `<${tag}>`.repeat(depth), wrapClose: `</${tag}>`.repeat(depth) }), expect: 'good', category: 'nested' };
  },
  // text dumps built to stress the line classifier and the date/byline patterns
  (g, m) => {
    const a = article(g, m);
    const noise = Array.from({ length: 2000 + g.int(6000) }, () => g.pick(['Home', 'News', '12 comments', 'Sumber: http://', 'Foto: x.jpg', 'Diedit oleh', 'Oleh', 'By', '12/12/2012', '2024-13-45', 'Senin, 32 Januari', '»', '|', '* * *', 'Read more', 'Baca juga:'])).join('\n');
    return { ext: '.txt', data: `${a.title}\n\n${noise}\n\n${a.paras.join('\n\n')}\n\n${noise}\n`, expect: 'good', category: 'boilerplate-flood' };
  },
  (g) => ({ ext: '.txt', data: g.pick(['a', '.', ' .', 'ab ', '12/', '((((', '[[[', 'http://', '____', '=-']).repeat(50_000 + g.int(200_000)), expect: 'either', category: 'repetition' }),
  (g) => ({ ext: '.txt', data: Array.from({ length: 20_000 + g.int(60_000) }, () => g.pick(WORDS)).join(' ') + '!', expect: 'either', category: 'one-long-line' }),
  (g) => ({ ext: '.txt', data: Array.from({ length: 1_000 + g.int(5_000) }, (_, k) => `${1 + (k % 28)} ${g.pick(['January', 'Januari', 'tháng 1', 'Jan.', 'Des'])} ${1900 + g.int(300)}, ${g.int(24)}:${g.int(60)} WIB`).join(' '), expect: 'either', category: 'date-flood' }),
];

/** JSONL lines: good ones (with a marker) and broken ones. */
function jsonlLine(g: Gen, m: string): { line: string; expect: Expect; good?: boolean } {
  const a = article(g, m);
  const k = g.int(16);
  switch (k) {
    case 0:
    case 1:
    case 2:
      return { line: JSON.stringify({ url: `https://news${g.int(50)}.example/${m}`, title: a.title, text: a.paras.join('\n\n'), published: '2024-05-0' + (1 + g.int(9)) }), expect: 'good', good: true };
    case 3:
      return { line: JSON.stringify({ html: htmlPage(a), url: 'https://example.org/a' }), expect: 'good', good: true };
    case 4:
      return { line: JSON.stringify({ text: a.paras.join('\n\n') }).slice(0, 5 + g.int(200)), expect: 'bad' };
    case 5:
      return { line: g.pick(['null', '42', '"text"', '[]', '[{"text":"x"}]', 'true', '{}', '{"text":""}', '{"text":42}', '{"html":null}', '{"title":"no body"}']), expect: 'bad' };
    case 6:
      return { line: '['.repeat(100_000) + ']'.repeat(100_000), expect: 'bad' };
    case 7:
      return { line: '{"text":' + '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_001), expect: 'bad' };
    case 8:
      return { line: JSON.stringify({ text: a.paras.join('\n\n'), published: g.pick(['2024-13-45', '99999-01-01', '+275760-09-13T00:00:00Z', 'yesterday', '1e400', '0', '', '-1']), url: g.pick(['javascript:alert(1)', 'http://[::1', '//evil', 'data:text/html,<script>', '\u0000', 'not a url']), outlet: '<script>alert(1)</script>', title: '\u202e' + a.title, language: g.pick(['xx', '', 'id-ID', 'en_US', '💥']) }), expect: 'good', good: true };
    case 9:
      // lone surrogates, NUL and escapes inside JSON strings
      return { line: JSON.stringify({ text: a.paras.join('\n\n') }).replace(/ /, ' \\ud800 \\u0000 \\udfff\\u001b[2J ').replace('The ', 'The \\uDBFF\\uDFFF '), expect: 'good', good: true };
    case 10:
      return { line: '\ufeff' + JSON.stringify({ text: a.paras.join('\n\n') }) + '\r', expect: 'either', good: true };
    case 11:
      return { line: JSON.stringify({ text: a.paras.join('\n\n'), __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }).replace('{', '{"__proto__":{"text":"x"},'), expect: 'good', good: true };
    case 12:
      return { line: g.bytes(10 + g.int(300)).toString('latin1').replace(/\n/g, ' '), expect: 'bad' };
    case 13:
      return { line: JSON.stringify({ text: 'x '.repeat(10) + '\u0000'.repeat(100) }), expect: 'either' };
    case 14:
      return { line: JSON.stringify({ html: '<div>'.repeat(5_000) + `<p>${a.paras.join('</p><p>')}</p>`, title: a.title }), expect: 'good', good: true };
    default:
      return { line: JSON.stringify({ text: a.paras.join('\n\n'), title: a.title, id: m }), expect: 'good', good: true };
  }
}

function safeName(i: number, category: string, ext: string): string {
  return `${String(i).padStart(5, '0')}-${category}${ext}`;
}

export function generateInputs(out: string, opts: { seed?: number; count?: number; small?: boolean } = {}): FuzzManifest {
  const seed = opts.seed ?? 1;
  const count = opts.count ?? 10_000;
  const g = new Gen(seed);
  const root = process.getuid?.() === 0;
  fs.mkdirSync(out, { recursive: true });
  const inputs: FuzzInput[] = [];
  let i = 0;
  let tried = 0;
  const mk = (sub: string) => {
    const d = path.join(out, sub);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };

  // 1. Heavy inputs, each run on its own.
  const heavy = mk('heavy');
  const addHeavy = (name: string, category: string, expect: Expect, marker?: string) => {
    inputs.push({ path: path.join('heavy', name), category, expect, marker, heavy: true });
    tried++;
  };
  const hugeLine = opts.small ? 30 * 1024 * 1024 : 100 * 1024 * 1024;
  writeHugeLine(path.join(heavy, 'huge-line.txt'), hugeLine, 'Title\n\n', 'a', '.\n');
  addHeavy('huge-line.txt', '100MB-line', 'bad');
  writeHugeLine(path.join(heavy, 'huge-line.html'), hugeLine, '<html><body><p>', 'b', '</p></body></html>');
  addHeavy('huge-line.html', '100MB-line', 'bad');
  {
    // A JSONL file whose middle line is the huge one: the lines around it must still go in.
    const m1 = markerFor(seed, 900_001);
    const m2 = markerFor(seed, 900_002);
    const file = path.join(heavy, 'huge-line.jsonl');
    fs.writeFileSync(file, JSON.stringify({ text: article(g, m1).paras.join('\n\n') }) + '\n');
    const fd = fs.openSync(file, 'a');
    fs.writeSync(fd, '{"text":"');
    const chunk = Buffer.alloc(1024 * 1024, 'c');
    for (let left = hugeLine; left > 0; left -= chunk.length) fs.writeSync(fd, chunk);
    fs.writeSync(fd, '"}\n' + JSON.stringify({ text: article(g, m2).paras.join('\n\n') }) + '\n');
    fs.closeSync(fd);
    inputs.push({ path: 'heavy/huge-line.jsonl', category: '100MB-line', expect: 'either', heavy: true, lines: [{ expect: 'good', marker: m1 }, { expect: 'bad' }, { expect: 'good', marker: m2 }] });
    tried += 3;
  }
  // Just under the page limit, on one line: the extractor has to get through it in time.
  writeHugeLine(path.join(heavy, 'long-line-under-limit.txt'), 15 * 1024 * 1024, 'A long line\n\n', 'w', '.\n');
  addHeavy('long-line-under-limit.txt', 'long-line', 'either');
  {
    const m = markerFor(seed, 900_003);
    const words = Array.from({ length: 1_500_000 }, () => g.pick(WORDS)).join(' ');
    fs.writeFileSync(path.join(heavy, 'long-prose-line.html'), `<html><body><p>${words}. The ${m} report was confirmed.</p></body></html>`);
    addHeavy('long-prose-line.html', 'long-line', 'either'); // over the article length limit for ingest; extract prints it
    const m2 = markerFor(seed, 900_004);
    if (!opts.small) fs.writeFileSync(path.join(heavy, 'long-prose-under-limit.html'), `<html><body><p>${words.slice(0, 600_000)}. The ${m2} report was confirmed.</p></body></html>`);
    if (!opts.small) addHeavy('long-prose-under-limit.html', 'long-line', 'good', m2);
  }
  const bomb = opts.small ? 1024 ** 3 : 8 * 1024 ** 3;
  fs.writeFileSync(path.join(heavy, 'bomb.html.gz'), gzipBomb(bomb, 0x20));
  addHeavy('bomb.html.gz', 'gzip-bomb', 'bad');
  fs.writeFileSync(path.join(heavy, 'bomb-newlines.jsonl.gz'), gzipBomb(bomb, 0x0a));
  addHeavy('bomb-newlines.jsonl.gz', 'gzip-bomb', 'bad');
  fs.writeFileSync(path.join(heavy, 'bomb-lines.jsonl.gz'), gzipBomb(bomb / 8, '{"text":"The same short line again and again."}\n'));
  addHeavy('bomb-lines.jsonl.gz', 'gzip-bomb', 'either');
  fs.writeFileSync(path.join(heavy, 'bomb-noline.jsonl.gz'), gzipBomb(bomb, 0x61));
  addHeavy('bomb-noline.jsonl.gz', 'gzip-bomb', 'bad');
  fs.writeFileSync(path.join(heavy, 'bomb-60mb.txt.gz'), gzipBomb(60 * 1024 * 1024, 'word '));
  addHeavy('bomb-60mb.txt.gz', 'gzip-bomb', 'bad');
  for (const [name, open, close] of [
    ['deep-div.html', '<div>', '</div>'],
    ['deep-unclosed.html', '<div><span>', ''],
    ['deep-table.html', '<table><tr><td>', '</td></tr></table>'],
    ['deep-inline.html', '<b><i><a href=#>', '</a></i></b>'],
    ['deep-svg.html', '<svg><g>', '</g></svg>'],
  ] as const) {
    const m = markerFor(seed, 900_010 + inputs.length);
    const a = article(g, m);
    fs.writeFileSync(path.join(heavy, name), htmlPage(a, { wrapOpen: open.repeat(100_000), wrapClose: close.repeat(100_000) }));
    addHeavy(name, 'nesting-100k', 'either', m);
  }
  fs.writeFileSync(path.join(heavy, 'deep-only.html'), '<div>'.repeat(1_000_000));
  addHeavy('deep-only.html', 'nesting-100k', 'bad');
  {
    const m = markerFor(seed, 900_020);
    fs.writeFileSync(path.join(heavy, 'huge-attr.html'), htmlPage(article(g, m), { before: `<div title="${'q'.repeat(15 * 1024 * 1024)}">`, wrapClose: '</div>' }));
    addHeavy('huge-attr.html', 'huge-attribute', 'good', m);
  }
  {
    const lines: string[] = [];
    for (let k = 0; k < 300_000; k++) lines.push(g.pick(['Home', 'Berita', '3 komentar', 'Foto: a.jpg', 'Oleh Redaksi', '12 Mei 2024', g.sentence()]));
    fs.writeFileSync(path.join(heavy, 'many-lines.txt'), lines.slice(0, opts.small ? 20_000 : lines.length).join('\n'));
    addHeavy('many-lines.txt', 'many-lines', 'either');
  }

  // 2. Folder inputs: symlink loops, unreadable files and folders, FIFOs, odd names.
  const trees = opts.small ? 3 : 20;
  for (let t = 0; t < trees; t++) {
    const dir = mk(`tree-${String(t).padStart(2, '0')}`);
    const m = markerFor(seed, 800_000 + t);
    fs.writeFileSync(path.join(dir, 'good.txt'), textDump(article(g, m)));
    fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    fs.symlinkSync('..', path.join(dir, 'sub', 'deeper', 'loop-up'));
    fs.symlinkSync(path.resolve(dir), path.join(dir, 'sub', 'loop-abs'));
    fs.symlinkSync('b-link', path.join(dir, 'a-link.txt'));
    fs.symlinkSync('a-link.txt', path.join(dir, 'b-link'));
    fs.symlinkSync('nowhere.txt', path.join(dir, 'dangling.txt'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const locked = path.join(dir, 'locked.txt');
    const lm = markerFor(seed, 810_000 + t);
    fs.writeFileSync(locked, textDump(article(g, lm)));
    fs.chmodSync(locked, 0o000);
    const lockedDir = path.join(dir, 'locked-dir');
    fs.mkdirSync(lockedDir);
    fs.writeFileSync(path.join(lockedDir, 'inside.txt'), textDump(article(g, markerFor(seed, 820_000 + t))));
    fs.chmodSync(lockedDir, 0o000);
    try {
      // A FIFO nobody writes to: opening it for reading would block for ever.
      mkfifo(path.join(dir, 'pipe.txt'));
    } catch {
      /* no mkfifo here */
    }
    fs.writeFileSync(path.join(dir, `odd-\u202egnp.txt`), textDump(article(g, markerFor(seed, 830_000 + t))));
    fs.writeFileSync(path.join(dir, 'odd-\nnewline.txt'), textDump(article(g, markerFor(seed, 840_000 + t))));
    fs.writeFileSync(Buffer.from(path.join(dir, 'odd-latin1-\xe9.txt'), 'latin1'), textDump(article(g, markerFor(seed, 850_000 + t))));
    let deep = path.join(dir, 'deep');
    for (let k = 0; k < 60; k++) deep = path.join(deep, 'd');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, 'bottom.txt'), textDump(article(g, markerFor(seed, 860_000 + t))));
    // As root, chmod 000 does not stop reading: the locked file is then simply ingested.
    inputs.push({ path: `tree-${String(t).padStart(2, '0')}`, category: 'tree', expect: 'either', tree: true, marker: m });
    tried += 12;
  }

  // 3. Small inputs in batches of files, plus JSONL files with broken lines.
  let dirN = 0;
  let inDir = 0;
  let dir = mk(`batch-${String(dirN).padStart(3, '0')}`);
  while (tried < count) {
    if (inDir >= 500) {
      dirN++;
      inDir = 0;
      dir = mk(`batch-${String(dirN).padStart(3, '0')}`);
    }
    i++;
    if (g.r() < 0.08) {
      const n = 5 + g.int(40);
      const lines: string[] = [];
      const meta: FuzzInput['lines'] = [];
      for (let k = 0; k < n; k++) {
        const m = markerFor(seed, 10_000_000 + i * 100 + k);
        const l = jsonlLine(g, m);
        lines.push(l.line);
        meta.push({ expect: l.expect, marker: l.good ? m : undefined });
        if (g.r() < 0.05) {
          lines.push(g.pick(['', '   ']));
          meta.push(null);
        }
      }
      const name = safeName(i, 'jsonl', g.r() < 0.2 ? '.jsonl.gz' : '.jsonl');
      const body = lines.join(g.r() < 0.3 ? '\r\n' : '\n');
      fs.writeFileSync(path.join(dir, name), name.endsWith('.gz') ? zlib.gzipSync(body) : body);
      inputs.push({ path: path.join(path.basename(dir), name), category: 'jsonl', expect: 'either', lines: meta });
      tried += meta.filter(Boolean).length;
    } else {
      const m = markerFor(seed, i);
      const s = g.pick(SMALL)(g, m);
      const name = safeName(i, s.category, s.ext);
      fs.writeFileSync(path.join(dir, name), s.data);
      inputs.push({ path: path.join(path.basename(dir), name), category: s.category, expect: s.expect, marker: s.expect === 'bad' ? undefined : m });
      tried++;
    }
    inDir++;
  }
  const manifest: FuzzManifest = { seed, count: tried, root, inputs };
  fs.writeFileSync(path.join(out, 'MANIFEST.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

/**
 * Good articles for the crash test: `n` inputs (text dumps, HTML and one JSONL file) about a few
 * events, so articles share sentences (reuse links) and stories; every tenth input repeats the
 * previous one's text under another name (stored once, both inputs recorded). Returns the inputs in
 * the order a folder walk yields them.
 */
export function writeGoodCorpus(dir: string, n: number, seed = 7): string[] {
  const g = new Gen(seed);
  fs.mkdirSync(dir, { recursive: true });
  // Each event has its own made-up place and people names, so its reports form their own story.
  // ... and its own share of the vocabulary, so reports of different events do not look alike.
  const nEvents = Math.max(2, Math.min(5, Math.ceil(n / 12)));
  const vocab = Array.from({ length: nEvents }, (_, e) => WORDS.filter((_, i) => i % nEvents === e));
  const events = Array.from({ length: nEvents }, (_, e) => {
    const names = Array.from({ length: 4 }, (_, k) => markerFor(seed, 600_000 + e * 10 + k).replace(/^kbrz/, 'Vel'));
    return Array.from({ length: 4 }, (_, k) => `${names[k]!} ${g.paragraph(vocab[e])} ${names[(k + 1) % 4]!} and ${names[(k + 2) % 4]!} were named.`);
  });
  const names: string[] = [];
  const jsonl: string[] = [];
  let prev = '';
  for (let k = 0; k < n; k++) {
    const ev = events[k % events.length]!;
    const m = markerFor(seed, 700_000 + k);
    const own = article(g, m, vocab[k % events.length]);
    const body = k % 10 === 9 && prev ? prev : [...ev.filter(() => g.r() < 0.6), ...own.paras].join('\n\n');
    prev = body;
    const title = `${own.title} ${m}`;
    const base = String(k).padStart(4, '0');
    if (k % 7 === 3) {
      jsonl.push(JSON.stringify({ title, text: body, url: `https://outlet${k % 5}.example/${m}`, published: `2024-03-${String(1 + (k % 28)).padStart(2, '0')}` }));
      continue;
    }
    const name = k % 2 ? `${base}.html` : `${base}.txt`;
    const data = k % 2 ? `<html><head><title>${esc(title)}</title></head><body><article><h1>${esc(title)}</h1>${body.split('\n\n').map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>` : `${title}\n\n${body}\n`;
    fs.writeFileSync(path.join(dir, name), data);
    names.push(name);
  }
  fs.writeFileSync(path.join(dir, 'zz-wire.jsonl'), jsonl.join('\n') + '\n');
  names.push(...jsonl.map((_, i) => `zz-wire.jsonl#${i + 1}`));
  return names;
}

function mkfifo(p: string): void {
  // Node has no mkfifo; the coreutils one is everywhere the tests run.
  if (spawnSync('mkfifo', [p], { stdio: 'ignore' }).status !== 0) throw new Error('mkfifo failed');
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('fuzz-inputs.ts')) {
  const args = process.argv.slice(2);
  const out = args.find((a, k) => !a.startsWith('--') && !['--seed', '--count'].includes(args[k - 1] ?? ''));
  if (!out) {
    process.stderr.write('usage: tsx scripts/fuzz-inputs.ts OUT_DIR [--seed N] [--count N] [--small]\n');
    process.exit(2);
  }
  const num = (flag: string, d: number) => {
    const k = args.indexOf(flag);
    return k >= 0 ? Number(args[k + 1]) : d;
  };
  const t0 = Date.now();
  const m = generateInputs(out, { seed: num('--seed', 1), count: num('--count', 10_000), small: args.includes('--small') });
  process.stdout.write(`${m.count} inputs (${m.inputs.length} files and folders) in ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s (seed ${m.seed})\n`);
}
