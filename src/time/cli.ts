// `kabar time FILE|- --anchor YYYY-MM-DD [--lang id] [--json]`: time expressions in a text.
// Offsets are UTF-16 code units into the text exactly as read (line endings included, no BOM strip
// beyond the UTF-8 decoder's).
import fs from 'node:fs';
import { identifyLanguage } from '../text/language.ts';
import { parseAnchor } from './dates.ts';
import { getTimeLexicon } from './lexicons.ts';
import { tagTimes, type Timex } from './tag.ts';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Readable table: offsets, type, value, text. */
export function formatTimexTable(times: Timex[]): string {
  if (times.length === 0) return '(no time expressions)\n';
  const rows = times.map((t) => [`${t.start}-${t.end}`, t.type, t.value + (t.mod ? ` (${t.mod})` : ''), t.text.replace(/\s+/g, ' ')]);
  const head = ['span', 'type', 'value', 'text'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

export async function runTimeCommand(
  file: string,
  opts: { anchor: string | null; lang?: string; json: boolean },
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr?: NodeJS.WritableStream },
): Promise<number> {
  const err = (msg: string) => (io.stderr ?? process.stderr).write(`error: ${msg}\n`);
  if (opts.anchor !== null && !parseAnchor(opts.anchor)) {
    err(`--anchor must be a date YYYY-MM-DD (or an ISO datetime), got "${opts.anchor}"`);
    return 2;
  }
  let text: string;
  try {
    text = file === '-' ? await readAll(io.stdin) : fs.readFileSync(file, 'utf8');
  } catch (e) {
    err(`${file}: ${(e as Error).message}`);
    return 1;
  }
  let lang = opts.lang ?? identifyLanguage(text).lang;
  if (!getTimeLexicon(lang)) {
    if (opts.lang) {
      err(`no time lexicon for language "${opts.lang}" (have: id, en, vi, ms)`);
      return 2;
    }
    lang = 'en';
  }
  const times = tagTimes(text, { lang, anchor: opts.anchor });
  if (opts.json) {
    io.stdout.write(JSON.stringify(times.map(({ start, end, text: t, type, value }) => ({ start, end, text: t, type, value }))) + '\n');
  } else {
    io.stdout.write(formatTimexTable(times));
  }
  return 0;
}
