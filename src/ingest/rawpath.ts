// File names that are not valid UTF-8 (a Latin-1 "café.txt" copied from an old disk). Node decodes them
// lossily, in directory listings and in the command line alike, and the decoded name opens nothing. Such a
// name is shown as its valid parts with each stray byte as \xHH, and that shown name is mapped back to the
// real bytes for every file-system call. The command line's own bytes come from /proc/self/cmdline (Linux).
import fs from 'node:fs';
import path from 'node:path';

const raw = new Map<string, Buffer>();

function isUtf8(b: Buffer): boolean {
  return Buffer.from(b.toString('utf8'), 'utf8').equals(b);
}

/** The shown form of raw name bytes: valid UTF-8 as itself, every other byte as \xHH. */
export function showBytes(b: Buffer): string {
  if (isUtf8(b)) return b.toString('utf8');
  let out = '';
  let i = 0;
  while (i < b.length) {
    // the longest valid UTF-8 sequence starting here (1–4 bytes), else one stray byte
    let taken = 0;
    for (let n = Math.min(4, b.length - i); n >= 1; n--) {
      const part = b.subarray(i, i + n);
      const s = part.toString('utf8');
      if (!s.includes('\ufffd') && Buffer.from(s, 'utf8').equals(part)) {
        out += s;
        taken = n;
        break;
      }
    }
    if (taken === 0) {
      out += `\\x${b[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      taken = 1;
    }
    i += taken;
  }
  return out;
}

/** What to hand to `fs` for a shown path: its real bytes when it was shown escaped, else the string. */
export function fsPath(p: string): string | Buffer {
  return raw.get(p) ?? p;
}

/** The shown path of `dir` joined with an entry name read as bytes; remembers the real bytes when they differ. */
export function joinRaw(dir: string, name: Buffer): string {
  const shown = path.join(dir, showBytes(name));
  const parent = raw.get(dir);
  if (parent || !isUtf8(name)) {
    // latin1 maps each byte to one character and back, so path.join normalises the bytes as it does the name
    raw.set(shown, Buffer.from(path.join((parent ?? Buffer.from(dir, 'utf8')).toString('latin1'), name.toString('latin1')), 'latin1'));
  }
  return shown;
}

/** Directory entries as shown names, sorted by their bytes. */
export async function readdirShown(dir: string): Promise<string[]> {
  const names = (await fs.promises.readdir(fsPath(dir), { encoding: 'buffer' })) as Buffer[];
  return names.sort(Buffer.compare).map((n) => joinRaw(dir, n));
}

let cmdline: Buffer[] | null | undefined;

/**
 * Command-line inputs with their real bytes recovered: an argument Node decoded lossily (it holds U+FFFD)
 * is replaced by the shown form of the matching raw argument, mapped back to those bytes.
 */
export function recoverArgs(args: string[]): string[] {
  if (!args.some((a) => a.includes('\ufffd'))) return args;
  if (cmdline === undefined) {
    try {
      const b = fs.readFileSync('/proc/self/cmdline');
      const parts: Buffer[] = [];
      for (let s = 0, i = b.indexOf(0); i !== -1; s = i + 1, i = b.indexOf(0, s)) parts.push(b.subarray(s, i));
      cmdline = parts;
    } catch {
      cmdline = null; // not Linux: the lossy name stays, and its error names it
    }
  }
  return args.map((a) => {
    if (!a.includes('\ufffd') || !cmdline) return a;
    const hit = cmdline.find((b) => !isUtf8(b) && b.toString('utf8') === a);
    if (!hit) return a;
    const shown = showBytes(hit);
    raw.set(shown, hit);
    return shown;
  });
}
