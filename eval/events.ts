// PLOVER events on ../shared/eval/events/PLOVER_GSR_dev.json (openeventdata PLOVER gold records, v0.5 names
// mapped to the current ones: DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT).
// The coder's main event per sentence against the gold event: type accuracy, per-type P/R/F1, and
// actor/recipient match (a gold source/target text overlapping a coded actor/recipient, word-wise).
// A keyword-only baseline (first trigger word's category) is scored on the same sentences.
// Run alone: `npx tsx eval/events.ts [-v]` (-v lists the misses).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeSentence, type CodedEvent } from '../src/events/code.ts';
import { keywordType } from '../src/events/baseline.ts';
import { PLOVER_TYPES } from '../src/events/lexicon.ts';

type Row = Record<string, string | number>;

const OLD: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

interface GoldActor {
  actorText: string;
}
interface GoldRecord {
  id: string;
  event: string;
  text: string;
  date?: string;
  mode?: string;
  /** a list of actors; a few records hold a string or nothing */
  source?: unknown;
  target?: unknown;
}

export function goldType(event: string): string {
  return OLD[event] ?? event;
}

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const STOP = new Set(['the', 'of', 'a', 'an', 's', 'and', 'in']);
/** A gold actor text and a coded span match when they share a content word. */
export function spanMatch(gold: string, coded: string): boolean {
  const g = words(gold);
  for (const w of words(coded)) if (!STOP.has(w) && g.has(w)) return true;
  return false;
}

export function mainEvent(events: CodedEvent[]): CodedEvent | null {
  return events.find((e) => e.main) ?? events[0] ?? null;
}

function prf(tp: number, fp: number, fn: number) {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export async function evalEvents(sharedDir: string, verbose = false): Promise<Row[]> {
  const file = path.join(sharedDir, 'eval/events/PLOVER_GSR_dev.json');
  const gold = JSON.parse(fs.readFileSync(file, 'utf8')) as GoldRecord[];
  const pairs: Array<{ g: string; c: string; b: string }> = [];
  let actorN = 0;
  let actorOk = 0;
  let recipN = 0;
  let recipOk = 0;
  for (const r of gold) {
    const g = goldType(r.event);
    const ev = mainEvent(codeSentence(r.text, { lang: 'en', published: null }));
    const c = ev?.type ?? 'NONE';
    const b = keywordType(r.text, 'en') ?? 'NONE';
    pairs.push({ g, c, b });
    const actorTexts = (x: unknown) => (Array.isArray(x) ? (x as GoldActor[]).map((a) => a.actorText).filter(Boolean) : []);
    const src = actorTexts(r.source);
    const tgt = actorTexts(r.target);
    const aOk = src.length ? src.some((s) => (ev?.actors ?? []).some((a) => spanMatch(s, a.text))) : null;
    const rOk = tgt.length ? tgt.some((s) => (ev?.recipients ?? []).some((a) => spanMatch(s, a.text))) : null;
    if (aOk !== null) (actorN++, aOk && actorOk++);
    if (rOk !== null) (recipN++, rOk && recipOk++);
    if (verbose && (c !== g || aOk === false || rOk === false)) {
      process.stderr.write(`${g} → ${c}${aOk === false ? ' [actor]' : ''}${rOk === false ? ' [recip]' : ''} | ${r.text}\n   actors=${JSON.stringify(ev?.actors.map((a) => a.text))} recips=${JSON.stringify(ev?.recipients.map((a) => a.text))} trigger=${ev?.trigger.text} gold src=${JSON.stringify(src)} tgt=${JSON.stringify(tgt)}\n`);
    }
  }
  const rows: Row[] = [];
  const types = PLOVER_TYPES.filter((t) => pairs.some((x) => x.g === t || x.c === t || x.b === t));
  for (const t of types) {
    const n = pairs.filter((x) => x.g === t).length;
    const c = prf(pairs.filter((x) => x.c === t && x.g === t).length, pairs.filter((x) => x.c === t && x.g !== t).length, pairs.filter((x) => x.c !== t && x.g === t).length);
    const b = prf(pairs.filter((x) => x.b === t && x.g === t).length, pairs.filter((x) => x.b === t && x.g !== t).length, pairs.filter((x) => x.b !== t && x.g === t).length);
    rows.push({ type: t, gold: n, P: c.p, R: c.r, F1: c.f, 'keyword P': b.p, 'keyword R': b.r, 'keyword F1': b.f });
  }
  const acc = pairs.filter((x) => x.c === x.g).length / pairs.length;
  const bacc = pairs.filter((x) => x.b === x.g).length / pairs.length;
  const macro = (k: 'c' | 'b') =>
    types.reduce((s, t) => s + prf(pairs.filter((x) => x[k] === t && x.g === t).length, pairs.filter((x) => x[k] === t && x.g !== t).length, pairs.filter((x) => x[k] !== t && x.g === t).length).f, 0) / types.length;
  rows.push({ type: `ALL (${pairs.length} sentences): accuracy`, gold: pairs.length, P: '', R: '', F1: acc, 'keyword P': '', 'keyword R': '', 'keyword F1': bacc });
  rows.push({ type: 'macro F1', gold: '', P: '', R: '', F1: macro('c'), 'keyword P': '', 'keyword R': '', 'keyword F1': macro('b') });
  rows.push({ type: `actor match (${actorN} with source)`, gold: actorN, P: '', R: '', F1: actorN ? actorOk / actorN : 0, 'keyword P': '', 'keyword R': '', 'keyword F1': '' });
  rows.push({ type: `recipient match (${recipN} with target)`, gold: recipN, P: '', R: '', F1: recipN ? recipOk / recipN : 0, 'keyword P': '', 'keyword R': '', 'keyword F1': '' });
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const shared = process.env.KABAR_SHARED ?? path.resolve(repoRoot, '../shared');
  const { table } = await import('./table.ts');
  process.stdout.write(table(await evalEvents(shared, process.argv.includes('-v'))));
}
