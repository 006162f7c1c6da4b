// A synthetic news corpus for speed and memory benches: text dumps with boilerplate, in groups
// of 3–5 articles per event (shared names, places, numbers, some copied sentences), drawn from a
// Zipf vocabulary of pseudo-words. Deterministic for a given seed. Not for quality measurement.
import fs from 'node:fs';
import path from 'node:path';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const SYL = ['ka', 'ma', 'ran', 'ti', 'su', 'lan', 'de', 'wi', 'pa', 'ngan', 'ba', 'ru', 'se', 'to', 'li', 'ha', 'nu', 'ger', 'mo', 'dan', 'ji', 'ko', 'ren', 'sa', 'tu'];

const FUNCTION_WORDS = ['yang', 'di', 'dan', 'itu', 'dengan', 'untuk', 'tidak', 'ini', 'dari', 'dalam', 'akan', 'pada', 'juga', 'ke', 'karena', 'tersebut', 'bisa', 'ada', 'mereka', 'lebih', 'kata', 'telah', 'oleh', 'saat', 'sebagai', 'bahwa', 'atau', 'para', 'sudah', 'kami'];

export interface Corpus {
  files: Array<{ name: string; text: string; event: number }>;
}

export function buildCorpus(n: number, seed = 7): Corpus {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const word = (k = 2 + Math.floor(r() * 2)) => Array.from({ length: k }, () => pick(SYL)).join('');
  const vocab = Array.from({ length: 20000 }, () => word());
  // Real news text is ~40% function words; the rest drawn Zipf-like (rank i with probability ~ 1/(i+1)).
  const zipf = () =>
    r() < 0.4 ? FUNCTION_WORDS[Math.floor(r() * FUNCTION_WORDS.length)]! : vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(r() * Math.log(vocab.length)) - 1))]!;
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const sentence = (extra: string[]) => {
    const len = 10 + Math.floor(r() * 14);
    const ws = Array.from({ length: len }, zipf);
    for (const e of extra) ws.splice(Math.floor(r() * ws.length), 0, e);
    return cap(ws.join(' ')) + '.';
  };
  const files: Corpus['files'] = [];
  let ev = 0;
  while (files.length < n) {
    ev++;
    const people = [cap(word()) + ' ' + cap(word()), cap(word()) + ' ' + cap(word())];
    const place = cap(word(3));
    const num = String(100 + Math.floor(r() * 9000));
    const day = 1 + Math.floor(r() * 28);
    const month = 1 + Math.floor(r() * 12);
    const shared = Array.from({ length: 3 }, () => sentence([pick(people), place]));
    const k = Math.min(3 + Math.floor(r() * 3), n - files.length);
    for (let j = 0; j < k; j++) {
      const paras: string[] = [];
      const m = 4 + Math.floor(r() * 5);
      for (let p = 0; p < m; p++) {
        const ss = Array.from({ length: 2 + Math.floor(r() * 3) }, () => sentence(r() < 0.4 ? [pick(people), place, num] : []));
        if (r() < 0.3) ss.push(pick(shared));
        paras.push(ss.join(' '));
      }
      const outlet = `outlet${Math.floor(r() * 500)}.example`;
      const text = [
        `${cap(word())} ${cap(word())} ${place} ${pick(people)}`,
        '',
        `${day}/${month}/2025`,
        '',
        ...paras.flatMap((p) => [p, '']),
        `Sumber: https://${outlet}/berita/2025/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${word()}-${files.length}`,
        '',
        'Komentar (0)',
        '',
        'Berita Terkait',
        ...Array.from({ length: 4 }, () => `${cap(word())} ${word()} ${word()} ${cap(word())}`),
      ].join('\n');
      files.push({ name: `${String(files.length).padStart(6, '0')}.txt`, text, event: ev });
    }
  }
  return { files };
}

/** Write the corpus once under bench/data/ and return its folder (reused when present). */
export function writeCorpus(root: string, n: number, seed = 7): string {
  const dir = path.join(root, `corpus-${n}-${seed}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of buildCorpus(n, seed).files) fs.writeFileSync(path.join(dir, f.name), f.text);
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}
