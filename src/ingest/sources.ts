// Turning what the user named (files, folders, JSONL, stdin, URLs) into raw inputs, lazily and
// in a stable order. A bad input becomes one error item naming it; the batch goes on.
import { fsPath, readdirShown, recoverArgs } from './rawpath.ts';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { RawInput } from '../types.ts';
import { decodeBytes, looksBinary, looksLikeHtml } from '../extract/decode.ts';
import { fetchUrl, type FetchOptions } from '../net/fetch.ts';

export interface SourceOptions {
  /** Largest single page (file, URL body or JSONL line) accepted, in bytes. */
  maxBytes: number;
  fetch?: FetchOptions;
  /** Readable used for `-`. */
  stdin?: NodeJS.ReadableStream;
}

export type SourceItem = { input: string; raw: RawInput } | { input: string; error: string };

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml', '.php', '.asp', '.aspx']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const SKIP_NAMES = /^(\.|~|MANIFEST\.json$|README(\.md)?$)/i;

/**
 * A name or message made safe for one terminal line: control characters (newlines, escape
 * sequences), bidirectional overrides, line separators and lone surrogates from file names or page
 * content are shown as \u{…} instead of acting on the terminal or reordering the line.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

export function isUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

export async function* expandInputs(args: string[], opts: SourceOptions): AsyncGenerator<SourceItem> {
  for (const arg of recoverArgs(args)) {
    if (arg === '-') yield* fromStdin(opts);
    else if (isUrl(arg)) yield await fromUrl(arg, opts);
    else yield* fromPath(arg, opts, new Set());
  }
}

/**
 * How many items `expandInputs` will yield, for a progress bar: files walked with the same rules,
 * JSONL files counted by their lines, each URL one; null when standard input is among the inputs.
 * Cheap next to ingesting: it reads directory listings and counts JSONL newlines, nothing else.
 */
export async function countInputs(args: string[]): Promise<number | null> {
  let n = 0;
  const seen = new Set<string>();
  const walk = async (p: string, inDir: boolean): Promise<void> => {
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(fsPath(p));
    } catch {
      n++;
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      let names: string[];
      try {
        real = String(await fs.promises.realpath(fsPath(p)));
        names = await readdirShown(p);
      } catch {
        n++;
        return;
      }
      if (seen.has(real)) return;
      seen.add(real);
      for (const name of names) if (!SKIP_NAMES.test(path.basename(name))) await walk(name, true);
      return;
    }
    const kind = kindOf(p);
    if (!st.isFile()) {
      if (!inDir) n++;
    } else if (inDir && kind === 'skip') {
      // not an input
    } else if (kind === 'jsonl' && !p.toLowerCase().endsWith('.gz')) {
      n += await countLines(p);
    } else n++;
  };
  for (const arg of recoverArgs(args)) {
    if (arg === '-') return null;
    if (isUrl(arg)) n++;
    else await walk(arg, false);
  }
  return n;
}

async function countLines(p: string): Promise<number> {
  let lines = 0;
  let last = 10;
  try {
    for await (const chunk of fs.createReadStream(fsPath(p)) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      if (chunk.length) last = chunk[chunk.length - 1]!;
    }
  } catch {
    return 1;
  }
  return lines + (last === 10 ? 0 : 1);
}

// Local files are stat'ed and read synchronously: ingest is one thread working through its inputs one at a time, and
// each asynchronous call was a round trip through the thread pool (stat, open, fstat, read, close) that left the
// process idle, about a tenth of the wall time of a folder of small pages on a busy machine.
async function* fromPath(p: string, opts: SourceOptions, seen: Set<string>, inDir = false): AsyncGenerator<SourceItem> {
  let st: fs.Stats;
  try {
    st = fs.statSync(fsPath(p));
  } catch (e) {
    yield { input: p, error: describeFsError(e) };
    return;
  }
  if (st.isDirectory()) {
    let real: string;
    try {
      real = String(await fs.promises.realpath(fsPath(p)));
    } catch (e) {
      yield { input: p, error: describeFsError(e) };
      return;
    }
    if (seen.has(real)) return; // symlink loop or folder named twice
    seen.add(real);
    let names: string[];
    try {
      names = await readdirShown(p);
    } catch (e) {
      yield { input: p, error: describeFsError(e) };
      return;
    }
    for (const name of names) {
      if (SKIP_NAMES.test(path.basename(name))) continue;
      yield* fromPath(name, opts, seen, true);
    }
    return;
  }
  if (!st.isFile()) {
    if (!inDir) yield { input: p, error: 'not a regular file' };
    return;
  }
  const kind = kindOf(p);
  if (inDir && kind === 'skip') return;
  if (kind === 'jsonl') {
    yield* fromJsonlFile(p, opts);
    return;
  }
  if (st.size > opts.maxBytes) {
    yield { input: p, error: `file is ${mb(st.size)}, over the ${mb(opts.maxBytes)} limit for one page (--max-bytes)` };
    return;
  }
  let buf: Buffer;
  try {
    buf = fs.readFileSync(fsPath(p));
  } catch (e) {
    yield { input: p, error: describeFsError(e) };
    return;
  }
  yield fromBuffer(p, buf, kind === 'skip' ? 'sniff' : kind, opts);
}

function kindOf(p: string): 'html' | 'text' | 'jsonl' | 'sniff' | 'skip' {
  let name = p.toLowerCase();
  if (name.endsWith('.gz')) name = name.slice(0, -3);
  const ext = path.extname(name);
  if (HTML_EXT.has(ext)) return 'html';
  if (JSONL_EXT.has(ext)) return 'jsonl';
  if (TEXT_EXT.has(ext)) return 'text';
  if (ext === '' ) return 'sniff';
  return 'skip';
}

/** Decode bytes and decide HTML vs text; errors name the input. */
export function fromBuffer(input: string, buf: Buffer, kind: 'html' | 'text' | 'sniff', opts: SourceOptions, hints?: RawInput['hints'], contentType?: string | null): SourceItem {
  if (buf.length === 0) return { input, error: 'empty input' };
  let text: string;
  try {
    if (looksBinary(buf)) return { input, error: 'binary content, not a text or HTML page' };
    text = decodeBytes(buf, { contentType, name: input }).text;
  } catch (e) {
    return { input, error: (e as Error).message };
  }
  if (text.length > opts.maxBytes) return { input, error: `decoded text is over the ${mb(opts.maxBytes)} limit (--max-bytes)` };
  if (!text.trim()) return { input, error: 'no text in input' };
  const format = kind === 'sniff' ? (looksLikeHtml(text) ? 'html' : 'text') : kind;
  return { input, raw: { input, format, content: text, hints } };
}

/** Gzipped JSONL that inflates more than this many times its size (news text gzips 3–15×) is a bomb... */
const GZIP_MAX_RATIO = 100;
/** ... once it has inflated past this (runs of brackets or spaces in a small honest file gzip far better than prose). */
const GZIP_RATIO_FLOOR = 4 * 1024 * 1024;

/**
 * Inflates a gzip file once without keeping anything, to refuse bombs before any line is ingested:
 * a bomb of repeated short lines would otherwise feed millions of lines to the pipeline.
 */
async function gzipProblem(p: string): Promise<string | null> {
  let packed = 0;
  let unpacked = 0;
  const file = fs.createReadStream(fsPath(p), { highWaterMark: 16 * 1024 });
  file.on('data', (c) => (packed += c.length));
  const gz = zlib.createGunzip();
  try {
    for await (const c of file.pipe(gz) as AsyncIterable<Buffer>) {
      unpacked += c.length;
      if (unpacked > GZIP_RATIO_FLOOR && unpacked > GZIP_MAX_RATIO * packed) {
        return `gzip content expands more than ${GZIP_MAX_RATIO} times (${mb(packed)} to over ${mb(unpacked)}): refusing a likely gzip bomb`;
      }
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return err.code === 'EACCES' || err.code === 'EPERM' ? describeFsError(err) : `gzip content is corrupt: ${err.message}`;
  } finally {
    file.destroy();
    gz.destroy();
  }
  return null;
}

async function* fromJsonlFile(p: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  const gzipped = p.toLowerCase().endsWith('.gz');
  if (gzipped) {
    const problem = await gzipProblem(p);
    if (problem) {
      yield { input: p, error: problem };
      return;
    }
  }
  let stream: NodeJS.ReadableStream = fs.createReadStream(fsPath(p));
  if (gzipped) stream = stream.pipe(zlib.createGunzip());
  yield* fromJsonlStream(p, stream, opts);
}

/** Lines of a stream without ever holding more than `max` bytes of one line: longer lines come back as null. */
export async function* boundedLines(stream: AsyncIterable<Buffer | string>, max: number): AsyncGenerator<string | null> {
  let parts: Buffer[] = [];
  let len = 0;
  let overflow = false;
  for await (const c of stream) {
    let buf = typeof c === 'string' ? Buffer.from(c) : c;
    let nl: number;
    while ((nl = buf.indexOf(10)) !== -1) {
      const piece = buf.subarray(0, nl);
      if (!overflow && len + piece.length <= max) parts.push(piece);
      const tooLong = overflow || len + piece.length > max;
      yield tooLong ? null : Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
      parts = [];
      len = 0;
      overflow = false;
      buf = buf.subarray(nl + 1);
    }
    if (buf.length) {
      if (!overflow && len + buf.length <= max) {
        parts.push(Buffer.from(buf));
        len += buf.length;
      } else {
        overflow = true;
        parts = [];
      }
    }
  }
  if (overflow) yield null;
  else if (len > 0) yield Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
}

async function* fromJsonlStream(name: string, stream: NodeJS.ReadableStream, opts: SourceOptions): AsyncGenerator<SourceItem> {
  let n = 0;
  let lines = 0;
  try {
    for await (const line of boundedLines(stream as AsyncIterable<Buffer>, opts.maxBytes)) {
      n++;
      if (line === null) {
        lines++;
        yield { input: `${name}#${n}`, error: `line is over the ${mb(opts.maxBytes)} limit (--max-bytes)` };
      } else if (line.trim()) {
        lines++;
        yield jsonlItem(`${name}#${n}`, line, opts);
      }
    }
  } catch (e) {
    yield { input: `${name}#${n + 1}`, error: `read failed: ${(e as Error).message}` };
    return;
  }
  // A JSONL file without a single line is a failed input too, not silence.
  if (lines === 0) yield { input: name, error: n === 0 ? 'empty input' : 'no JSON lines in input (only blank lines)' };
}

export function jsonlItem(input: string, line: string, opts: SourceOptions): SourceItem {
  line = line.replace(/^\ufeff/, ''); // a byte-order mark from the tool that wrote the file is not JSON
  if (line.length > opts.maxBytes) return { input, error: `line is over the ${mb(opts.maxBytes)} limit (--max-bytes)` };
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return { input, error: `not valid JSON (${(e as Error).message})` };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { input, error: 'JSONL line is not a JSON object' };
  const o = obj as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string) : undefined);
  const html = str('html');
  const text = str('text');
  if (!html && !text) return { input, error: 'JSONL object has neither "text" nor "html"' };
  const hints = { url: str('url'), title: str('title'), published: str('published'), outlet: str('outlet'), language: str('language'), id: str('id') };
  for (const k of Object.keys(hints) as Array<keyof typeof hints>) if (hints[k] === undefined) delete hints[k];
  return { input, raw: { input, format: html ? 'html' : 'text', content: (html ?? text)!, hints } };
}

async function* fromStdin(opts: SourceOptions): AsyncGenerator<SourceItem> {
  const stdin = opts.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stdin as AsyncIterable<Buffer | string>) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    size += b.length;
    if (size > opts.maxBytes * 10) {
      yield { input: '-', error: `standard input is over ${mb(opts.maxBytes * 10)}` };
      return;
    }
    chunks.push(b);
  }
  const buf = Buffer.concat(chunks);
  const head = buf.subarray(0, 4096).toString('utf8').trimStart();
  // A stream whose every line is a JSON object is JSONL; anything else is one page.
  if (head.startsWith('{')) {
    const lines = buf.toString('utf8').split(/\r?\n/);
    if (lines.filter((l) => l.trim()).every((l) => l.trimStart().startsWith('{'))) {
      let n = 0;
      for (const line of lines) {
        n++;
        if (line.trim()) yield jsonlItem(`-#${n}`, line, opts);
      }
      return;
    }
  }
  yield fromBuffer('-', buf, 'sniff', opts);
}

async function fromUrl(url: string, opts: SourceOptions): Promise<SourceItem> {
  try {
    const res = await fetchUrl(url, { maxBytes: opts.maxBytes, ...opts.fetch });
    if (res.status < 200 || res.status >= 300) return { input: url, error: `HTTP ${res.status}` };
    const type = (res.contentType ?? '').toLowerCase();
    const kind = type.includes('html') ? 'html' : type.startsWith('text/plain') ? 'text' : 'sniff';
    return fromBuffer(url, res.body, kind, opts, { url: res.finalUrl }, res.contentType);
  } catch (e) {
    return { input: url, error: (e as Error).message };
  }
}

function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (loop)';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err.message ?? String(e);
  }
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
