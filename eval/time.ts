// Time expressions on ../shared/eval/time/indotimex-dev/*.tml (IndoTimex, TimeML): span recall and
// precision (overlap and exact), and the share of gold values reproduced exactly over the gold
// expressions matched by overlap, TempEval style. Our tagger and chrono-node alone (its Indonesian
// parser as is, values formatted as TIMEX3 dates) are scored on the same text.
// Run alone: `npx tsx eval/time.ts [-v]` (-v lists the misses).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { tagTimes } from '../src/time/tag.ts';

type Row = Record<string, string | number>;

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimeMLDoc {
  file: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1)) : ENTITIES[e.toLowerCase()]!);

/** One TimeML file: the TEXT element's plain text, gold TIMEX3 spans in it, and the DCT value. */
export function parseTimeML(xml: string, file = ''): TimeMLDoc {
  const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]+)"/.exec(xml)?.[1] ?? '';
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  const timexes: GoldTimex[] = [];
  let text = '';
  const re = /<TIMEX3\b([^>]*)>([\s\S]*?)<\/TIMEX3>|<[^>]+>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[3] !== undefined) { text += decode(m[3]); continue; }
    if (m[1] === undefined) continue;
    const attrs = m[1];
    const inner = decode(m[2]!.replace(/<[^>]+>/g, ''));
    const start = text.length;
    text += inner;
    timexes.push({
      start, end: text.length, text: inner,
      type: /\btype="([^"]*)"/.exec(attrs)?.[1] ?? '',
      value: /\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '',
    });
  }
  return { file, dct, text, timexes };
}

export function loadTimeML(dir: string): TimeMLDoc[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.tml')).sort()
    .map((f) => parseTimeML(fs.readFileSync(path.join(dir, f), 'utf8'), f));
}

/** Equivalent spellings of one value: TimeML 1.2 writes the 1940s "194" and the 20th century "19"; we write 194X and 19XX. */
export function sameValue(a: string, b: string): boolean {
  const n = (v: string) => v.replace(/^(\d{2,3})X+$/, '$1');
  return n(a) === n(b);
}

interface Pred { start: number; end: number; value: string; type: string }

function chronoTimes(text: string, dct: string): Pred[] {
  const ref = new Date(`${dct.slice(0, 10)}T12:00:00`);
  return chrono.id.parse(text, ref).map((r) => {
    const c = r.start;
    const p2 = (n: number) => String(n).padStart(2, '0');
    let value = `${c.get('year')}-${p2(c.get('month')!)}-${p2(c.get('day')!)}`;
    if (c.isCertain('hour')) value += `T${p2(c.get('hour')!)}:${p2(c.get('minute') ?? 0)}`;
    return { start: r.index, end: r.index + r.text.length, value, type: c.isCertain('hour') ? 'TIME' : 'DATE' };
  });
}

interface Counts { gold: number; pred: number; goldOverlap: number; goldExact: number; predOverlap: number; predExact: number; valueRight: number; typeRight: number }

function score(docs: TimeMLDoc[], tag: (d: TimeMLDoc) => Pred[], verbose: string | null): Counts & { byType: Record<string, [number, number, number]> } {
  const c: Counts = { gold: 0, pred: 0, goldOverlap: 0, goldExact: 0, predOverlap: 0, predExact: 0, valueRight: 0, typeRight: 0 };
  const byType: Record<string, [number, number, number]> = {};
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  for (const d of docs) {
    const preds = tag(d);
    c.gold += d.timexes.length;
    c.pred += preds.length;
    for (const g of d.timexes) {
      const t = (byType[g.type] ??= [0, 0, 0]);
      t[0]++;
      const hits = preds.filter((p) => overlaps(p, g));
      const best = hits.sort((a, b) => Math.min(b.end, g.end) - Math.max(b.start, g.start) - (Math.min(a.end, g.end) - Math.max(a.start, g.start)))[0];
      if (best) {
        c.goldOverlap++;
        t[1]++;
        if (best.start === g.start && best.end === g.end) c.goldExact++;
        if (sameValue(best.value, g.value)) { c.valueRight++; t[2]++; }
        if (best.type === g.type) c.typeRight++;
        if (verbose && (!sameValue(best.value, g.value) || best.start !== g.start || best.end !== g.end)) {
          console.log(`${verbose}\t${d.file}\t[${g.text}] ${g.value}\tgot [${d.text.slice(best.start, best.end)}] ${best.value}`);
        }
      } else if (verbose) console.log(`${verbose}\t${d.file}\tMISSED [${g.text}] ${g.value}`);
    }
    for (const p of preds) {
      const g = d.timexes.filter((x) => overlaps(p, x));
      if (g.length) c.predOverlap++;
      else if (verbose) console.log(`${verbose}\t${d.file}\tEXTRA [${d.text.slice(p.start, p.end)}] ${p.value}`);
      if (g.some((x) => x.start === p.start && x.end === p.end)) c.predExact++;
    }
  }
  return { ...c, byType };
}

export async function evalTime(sharedDir: string, opts: { verbose?: boolean } = {}): Promise<Row[]> {
  const dir = path.join(sharedDir, 'eval', 'time', 'indotimex-dev');
  if (!fs.existsSync(dir)) {
    console.log(`time eval skipped: ${dir} is absent`);
    return [];
  }
  const docs = loadTimeML(dir);
  const rows: Row[] = [];
  const systems: Array<[string, (d: TimeMLDoc) => Pred[]]> = [
    ['kabar tagTimes', (d) => tagTimes(d.text, { lang: 'id', anchor: d.dct })],
    ['chrono-node id alone', (d) => chronoTimes(d.text, d.dct)],
  ];
  for (const [name, fn] of systems) {
    const t0 = performance.now();
    const s = score(docs, fn, opts.verbose ? name.split(' ')[0]! : null);
    const ms = performance.now() - t0;
    const f = (n: number, d: number) => (d ? n / d : 0);
    const r1 = f(s.goldOverlap, s.gold);
    const p1 = f(s.predOverlap, s.pred);
    rows.push({
      system: name, docs: docs.length, gold: s.gold, predicted: s.pred,
      'recall (overlap)': r1, 'precision (overlap)': p1, 'F1 (overlap)': f(2 * r1 * p1, r1 + p1),
      'recall (exact)': f(s.goldExact, s.gold), 'precision (exact)': f(s.predExact, s.pred),
      'value exact': f(s.valueRight, s.goldOverlap), 'type right': f(s.typeRight, s.goldOverlap),
      'values right / gold': f(s.valueRight, s.gold),
      ...Object.fromEntries(Object.entries(s.byType).map(([k, [n, hit, val]]) => [`${k} R/val (n)`, `${f(hit, n).toFixed(2)}/${f(val, hit).toFixed(2)} (${n})`])),
      'ms/doc': ms / docs.length,
    });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { table } = await import('./table.ts');
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
  process.stdout.write(table(await evalTime(shared, { verbose: process.argv.includes('-v') })));
}
