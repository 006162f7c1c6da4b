// Time expressions (TIMEX3) in news text: recognition from per-language lexicons
// (src/lang/<code>/time.ts), merging of adjacent parts ("Minggu (28/12/2014) pukul 06.18 WIB"),
// and normalisation against the publication date or the previous date in the text.
import type { Direction, TimeLexicon, TimeUnit } from './lexicon.ts';
import { compile, type Atom, type Compiled, type Sem } from './patterns.ts';
import { addDays, addMonths, compare, fmtDay, isoWeek, pad, parseAnchor, validDay, weekday, type YMD } from './dates.ts';
import { getTimeLexicon } from './lexicons.ts';

export interface Timex {
  start: number;
  end: number;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  /** The date the value was resolved against (publication date or a previous date in the text). */
  anchor: string | null;
  interval?: { start: string; end: string };
  /** TIMEX3 mod: APPROX, MORE_THAN, LESS_THAN, START, MID, END… */
  mod?: string;
  confidence: number;
  anniversary?: { ordinal: number; of?: string; since?: string };
}

export interface TagOptions {
  lang: string;
  /** YYYY-MM-DD or ISO datetime: the article's publication date. */
  anchor: string | null;
}

const compiled = new Map<string, Compiled>();
function compiledFor(lang: string): Compiled {
  const lex: TimeLexicon = getTimeLexicon(lang) ?? getTimeLexicon('en')!;
  let c = compiled.get(lex.code);
  if (!c) compiled.set(lex.code, (c = compile(lex)));
  return c;
}

/** Candidate atoms from every rule, overlaps resolved (longest, then rule priority). */
function findAtoms(text: string, c: Compiled): Atom[] {
  const found: Atom[] = [];
  for (const rule of c.rules) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) { rule.re.lastIndex++; continue; }
      const made = rule.make(m, text);
      if (!made) continue;
      const items = Array.isArray(made) ? made : [{ start: m.index, end: m.index + m[0].length, sem: made }];
      for (const it of items) found.push({ ...it, rule: rule.name, priority: rule.priority });
    }
  }
  const taken0 = new Uint8Array(text.length + 1);
  if (c.blockRe) {
    c.blockRe.lastIndex = 0;
    for (let m = c.blockRe.exec(text); m; m = c.blockRe.exec(text)) for (let i = m.index; i < m.index + m[0].length; i++) taken0[i] = 1;
  }
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Atom[] = [];
  const taken = taken0;
  for (const a of found) {
    let free = true;
    for (let i = a.start; i < a.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    for (let i = a.start; i < a.end; i++) taken[i] = 1;
    kept.push(a);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const isDateish = (s: Sem) =>
  s.y !== undefined || s.m !== undefined || s.d !== undefined || s.wd !== undefined || s.shiftDays !== undefined ||
  s.period !== undefined || s.anaphor !== undefined || s.season !== undefined;
const isClock = (s: Sem) => s.h !== undefined || s.part !== undefined;
const isSolo = (s: Sem) => s.dur !== undefined || s.set !== undefined || s.ref !== undefined || s.anniv !== undefined ||
  s.decade !== undefined || s.century !== undefined || s.rel !== undefined;

/** Can `b` be merged into the accumulated meaning `a`? */
function compatible(a: Sem, b: Sem): boolean {
  if (isSolo(a) || isSolo(b)) return false;
  if (!(isDateish(a) || isClock(a)) || !(isDateish(b) || isClock(b))) return false;
  const both = (k: keyof Sem) => a[k] !== undefined && b[k] !== undefined;
  if (both('y') || both('m') || both('d') || both('wd') || both('h') || both('part') || both('season') || both('anaphor')) return false;
  if (both('period') || both('shiftDays') && !(a.d !== undefined || b.d !== undefined)) return false;
  // a year alone after a full date is a separate mention ("20 Januari 1992 2014")
  if (b.y !== undefined && b.m === undefined && a.m === undefined && a.wd === undefined) return false;
  return true;
}

function merge(a: Sem, b: Sem): Sem {
  const out: Sem = { ...a };
  for (const [k, v] of Object.entries(b) as Array<[keyof Sem, unknown]>) {
    if (v === undefined) continue;
    if (k === 'needsCompound') continue;
    if (k === 'conf') { out.conf = Math.min(out.conf ?? 1, v as number); continue; }
    if (out[k] === undefined) (out as Record<string, unknown>)[k] = v;
  }
  out.needsCompound = !!a.needsCompound && !!b.needsCompound;
  return out;
}

interface Expr {
  start: number;
  end: number;
  sem: Sem;
}

/** Joins adjacent atoms separated by spaces, a comma after a weekday, or a parenthesised date. */
function compound(text: string, atoms: Atom[], c: Compiled): Expr[] {
  const out: Expr[] = [];
  const joinWords = c.joinRe;
  for (const a of atoms) {
    const last = out[out.length - 1];
    // "dua tahun delapan bulan", "2 jam 30 menit": one duration
    if (last && last.sem.dur && a.sem.dur && /^[ \t]+$/.test(text.slice(last.end, a.start)) && !last.sem.mod) {
      const joined = joinDurations(last.sem.dur, a.sem.dur);
      if (joined) { last.end = a.end; last.sem.dur = joined; continue; }
    }
    if (last && compatible(last.sem, a.sem)) {
      const gap = text.slice(last.end, a.start);
      let ok = /^[ \t]+$/.test(gap) || gap === '';
      let close = 0;
      if (!ok && /^\s*,\s*$/.test(gap) && last.sem.wd !== undefined && last.sem.d === undefined && !last.sem.h) ok = true;
      if (!ok && /^\s*\(\s*$/.test(gap)) {
        const m = /^\s*\)/.exec(text.slice(a.end));
        if (m) { ok = true; close = m[0].length; }
      }
      if (!ok && joinWords && joinWords.test(gap) && !/\n/.test(gap)) ok = true;
      if (ok && !/\n/.test(gap)) {
        last.end = a.end + close;
        last.sem = merge(last.sem, a.sem);
        continue;
      }
    }
    out.push({ start: a.start, end: a.end, sem: { ...a.sem } });
  }
  // approximators and prefixes before, relation words after
  for (const e of out) {
    if (e.sem.anniv || e.sem.needsCompound) continue;
    const head = text.slice(Math.max(0, e.start - 30), e.start);
    const pm = c.prefixRe?.exec(head);
    if (pm && (isDateish(e.sem) || isClock(e.sem)) && !e.sem.period) {
      e.start -= pm[0].length;
      e.sem.dir = c.lex.prefixes![norm(pm.groups!.w!)] ?? e.sem.dir;
    }
    const head2 = text.slice(Math.max(0, e.start - 30), e.start);
    const am = c.approxRe.exec(head2);
    if (am && !e.sem.ref) {
      e.start -= am[0].length;
      e.sem.mod = c.lex.approximators[norm(am.groups!.w!)];
    }
    if (isDateish(e.sem) || isClock(e.sem)) {
      if (e.sem.period || e.sem.shiftDays !== undefined && e.sem.d === undefined || e.sem.anaphor) continue;
      const sm = c.suffixRe.exec(text.slice(e.end, e.end + 30));
      if (sm) {
        e.end += sm[0].length;
        e.sem.dir = c.lex.suffixes[norm(sm.groups!.w!)] ?? e.sem.dir;
      }
    }
  }
  return out.filter((e) => !e.sem.needsCompound);
}

const DUR_ORDER = ['Y', 'M', 'W', 'D', 'TH', 'TM', 'TS'];
/** "P2Y" + "P8M" → "P2Y8M"; null unless the second unit is smaller and both counts are whole numbers. */
export function joinDurations(a: string, b: string): string | null {
  const parts = (v: string) => {
    const m = /^P(T?)(\d+)([A-Z])$/.exec(v);
    return m ? { n: m[2]!, key: (m[1] ? 'T' : '') + m[3]!, unit: m[3]! } : null;
  };
  const x = parts(a);
  const y = parts(b);
  if (!x || !y || DUR_ORDER.indexOf(y.key) <= DUR_ORDER.indexOf(x.key) || x.key === 'W' || y.key === 'W') return null;
  const date = [x, y].filter((p) => !p.key.startsWith('T')).map((p) => p.n + p.unit).join('');
  const time = [x, y].filter((p) => p.key.startsWith('T')).map((p) => p.n + p.unit).join('');
  return `P${date}${time ? 'T' + time : ''}`;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

interface Ref {
  date: YMD;
  gran: 'D' | 'M' | 'Y';
  explicitYear: boolean;
}

/** Year for a month/day without one: the previous date's stated year, else the anchor's, looking mostly back. */
function inferYear(m: number, d: number | undefined, dir: Direction | undefined, anchor: YMD | null, prev: Ref | null, lastDated: Ref | null): { y: number; conf: number } | null {
  if (prev?.explicitYear && prev.gran !== 'Y' && (!anchor || prev.date.y !== anchor.y) && dir !== 'future' && dir !== 'this') return { y: prev.date.y, conf: 0.7 };
  // Without a publication date, the year comes from the last day or month the text dated, not from
  // a bare year: "in 2007" is usually history recalled in passing, not the story's own time.
  if (!anchor) return lastDated ? { y: lastDated.date.y, conf: 0.5 } : null;
  const cand = (y: number): YMD => ({ y, m, d: d ?? 1 });
  const here = cand(anchor.y);
  const cmp = d === undefined ? m - anchor.m : compare(here, anchor);
  if (dir === 'past') return { y: cmp < 0 || (cmp === 0 && d !== undefined) ? anchor.y : anchor.y - 1, conf: 0.9 };
  if (dir === 'future') return { y: cmp > 0 ? anchor.y : anchor.y + 1, conf: 0.9 };
  if (dir === 'this') return { y: anchor.y, conf: 0.9 };
  // news: mostly the recent past or the next couple of months
  const ahead = (m - anchor.m + 12) % 12; // months ahead in the anchor year's cycle
  if (cmp > 0 && m - anchor.m > 2) return { y: anchor.y - 1, conf: 0.75 };
  if (cmp < 0 && anchor.m - m > 9 && ahead <= 2) return { y: anchor.y + 1, conf: 0.7 };
  return { y: anchor.y, conf: 0.85 };
}

function shiftBy(base: YMD, n: number, unit: TimeUnit): YMD {
  const whole = Math.trunc(n);
  switch (unit) {
    case 'Y': return addMonths(base, Math.round(n * 12));
    case 'DE': return addMonths(base, Math.round(n * 120));
    case 'CE': return addMonths(base, Math.round(n * 1200));
    case 'M': return addMonths(base, whole) && addDays(addMonths(base, whole), Math.round((n - whole) * 30));
    case 'W': return addDays(base, Math.round(n * 7));
    case 'D': return addDays(base, Math.round(n));
    case 'H': return addDays(base, Math.floor(n / 24));
    default: return base;
  }
}

function fmtGran(d: YMD, gran: 'D' | 'M' | 'Y' | 'W'): string {
  if (gran === 'Y') return pad(d.y, 4);
  if (gran === 'M') return `${pad(d.y, 4)}-${pad(d.m)}`;
  if (gran === 'W') { const [wy, w] = isoWeek(d); return `${pad(wy, 4)}-W${pad(w)}`; }
  return fmtDay(d);
}

interface Resolved {
  value: string;
  type: Timex['type'];
  anchor: string | null;
  conf: number;
  interval?: { start: string; end: string };
  ref?: Ref;
}

/** The weekday `wd` nearest `base` in direction `dir` (default: on or before). */
function resolveWeekday(wd: number, base: YMD, dir: Direction | undefined): YMD {
  const cur = weekday(base);
  if (dir === 'future') return addDays(base, ((wd - cur + 7) % 7) || 7);
  if (dir === 'this') return addDays(base, wd - cur);
  const back = (cur - wd + 7) % 7;
  return addDays(base, dir === 'past' ? -(back || 7) : -back);
}

function resolve(sem: Sem, anchor: YMD | null, prev: Ref | null, ambiguousOrderConf: number, lastDated: Ref | null = null): Resolved | null {
  const A = anchor ? fmtDay(anchor) : null;
  let conf = sem.conf ?? 0.9;
  if (sem.dur) return { value: sem.dur, type: 'DURATION', anchor: null, conf };
  if (sem.set) return { value: sem.set, type: 'SET', anchor: null, conf };
  if (sem.ref) return { value: sem.ref, type: 'DATE', anchor: A, conf };
  if (sem.decade !== undefined) return { value: `${sem.decade}X`, type: 'DATE', anchor: null, conf };
  if (sem.century !== undefined) return { value: `${pad(sem.century - 1)}XX`, type: 'DATE', anchor: null, conf };

  let date: YMD | null = null;
  let gran: 'D' | 'M' | 'Y' | 'W' = 'D';
  let used: string | null = A;
  let explicitYear = false;
  let interval: Resolved['interval'];
  const prevDay = prev && prev.gran === 'D' ? prev.date : null;

  if (sem.anaphor) {
    const base = prev ?? (anchor ? { date: anchor, gran: 'D' as const, explicitYear: false } : null);
    if (!base) return { value: 'PAST_REF', type: 'DATE', anchor: null, conf: 0.4 };
    date = base.date;
    gran = sem.anaphor === 'D' ? base.gran : sem.anaphor === 'M' && base.gran === 'Y' ? 'Y' : sem.anaphor;
    used = fmtDay(base.date);
    conf = 0.75;
  } else if (sem.rel) {
    const { n, unit, from, sign } = sem.rel;
    const base = from === 'previous' && prev ? prev : anchor ? { date: anchor, gran: 'D' as const, explicitYear: false } : null;
    if (!base) return { value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', type: 'DATE', anchor: null, conf: 0.4 };
    date = shiftBy(base.date, sign * n, unit);
    used = fmtDay(base.date);
    if (from === 'previous' && prev) gran = prev.gran;
    else gran = unit === 'Y' || unit === 'DE' || unit === 'CE' ? 'Y' : unit === 'M' ? 'M' : 'D';
    conf = sem.mod ? 0.7 : 0.85;
  } else if (sem.period) {
    if (!anchor) return { value: sem.period.shift < 0 ? 'PAST_REF' : sem.period.shift > 0 ? 'FUTURE_REF' : 'PRESENT_REF', type: 'DATE', anchor: null, conf: 0.4 };
    const { unit, shift } = sem.period;
    date = unit === 'W' ? addDays(anchor, 7 * shift) : unit === 'M' ? addMonths(anchor, shift) : addMonths(anchor, 12 * shift);
    gran = unit === 'W' ? 'W' : unit === 'M' ? 'M' : 'Y';
    if (sem.wd !== undefined && unit === 'W') { date = addDays(date, sem.wd - weekday(date)); gran = 'D'; }
  } else if (sem.d !== undefined || sem.m !== undefined || sem.y !== undefined || sem.season !== undefined) {
    explicitYear = !!sem.yearExplicit;
    if (sem.season !== undefined) {
      const y = sem.y ?? prev?.date.y ?? anchor?.y;
      return { value: `${y === undefined ? 'XXXX' : pad(y, 4)}-${sem.season}`, type: 'DATE', anchor: sem.y ? null : A, conf };
    }
    let y = sem.y;
    let m = sem.m;
    if (m === undefined && sem.d !== undefined) {
      // day of month alone ("tanggal 24"): month and year of the previous date or the anchor
      const base = prevDay ?? anchor;
      if (!base) return null;
      let cand: YMD = { y: base.y, m: base.m, d: sem.d };
      if (sem.dir === 'past' && anchor && compare(cand, anchor) > 0) cand = { ...addMonths({ ...cand, d: 1 }, -1), d: sem.d };
      if (!validDay(cand.y, cand.m, cand.d)) return null;
      y = cand.y; m = cand.m; conf = 0.7; used = fmtDay(base);
    }
    if (m !== undefined && sem.d !== undefined && !validDay(y, m, sem.d)) return null;
    if (sem.d2 !== undefined && (m === undefined || sem.d2 <= sem.d! || !validDay(y, m, sem.d2))) return null;
    if (y === undefined && m !== undefined) {
      const inf = inferYear(m, sem.d, sem.dir, anchor, prev, lastDated);
      if (!inf) {
        const v = sem.d !== undefined ? `XXXX-${pad(m)}-${pad(sem.d)}` : `XXXX-${pad(m)}`;
        return { value: v, type: 'DATE', anchor: null, conf: 0.5 };
      }
      y = inf.y;
      conf = Math.min(conf, inf.conf);
      if (sem.d !== undefined && !validDay(y, m, sem.d)) return null;
    } else if (sem.yearExplicit) used = null;
    date = { y: y!, m: m ?? 1, d: sem.d ?? 1 };
    gran = sem.d !== undefined ? 'D' : m !== undefined ? 'M' : 'Y';
    if (sem.twoDigitYear) conf = Math.min(conf, 0.8);
    if (sem.ambiguousOrder) conf = Math.min(conf, ambiguousOrderConf);
    if (sem.wd !== undefined && gran === 'D' && weekday(date) !== sem.wd) conf = Math.min(conf, 0.5);
    if (sem.d2 !== undefined) interval = { start: fmtDay(date), end: fmtDay({ ...date, d: sem.d2 }) };
    if (sem.y2 !== undefined) interval = { start: pad(date.y, 4), end: pad(sem.y2, 4) };
  } else if (sem.shiftDays !== undefined) {
    if (!anchor) return { value: sem.shiftDays < 0 ? 'PAST_REF' : sem.shiftDays > 0 ? 'FUTURE_REF' : 'PRESENT_REF', type: 'DATE', anchor: null, conf: 0.4 };
    date = addDays(anchor, sem.shiftDays);
  } else if (sem.wd !== undefined) {
    const base = sem.dir === 'that' && prevDay ? prevDay : anchor;
    if (!base) return { value: `XXXX-WXX-${sem.wd + 1}`, type: 'DATE', anchor: null, conf: 0.5 };
    date = resolveWeekday(sem.wd, base, sem.dir === 'that' ? undefined : sem.dir);
    used = fmtDay(base);
    conf = Math.min(conf, 0.8);
  } else if (isClock(sem)) {
    // a time or part of the day alone: on the previous date in the text, else the anchor's day
    const base = prevDay ?? anchor;
    if (!base) {
      const t = sem.h !== undefined ? `${pad(sem.h)}:${pad(sem.mi ?? 0)}` : sem.part;
      return { value: `XXXX-XX-XXT${t}`, type: 'TIME', anchor: null, conf: 0.5 };
    }
    date = base;
    used = fmtDay(base);
    conf = Math.min(conf, prevDay ? 0.7 : 0.6);
  }
  if (!date) return null;

  let value = fmtGran(date, gran);
  let type: Timex['type'] = 'DATE';
  if (gran === 'D' && isClock(sem)) {
    type = 'TIME';
    if (sem.h !== undefined) {
      let h = sem.h;
      if (!sem.am && sem.part && h < 12 && (sem.part === 'AF' || sem.part === 'EV' || (sem.part === 'NI' && h >= 6))) h += 12;
      value += `T${pad(h)}:${pad(sem.mi ?? 0)}`;
    } else value += `T${sem.part}`;
  }
  const ref: Ref | undefined = gran === 'W' ? undefined : { date, gran, explicitYear };
  return { value, type, anchor: used, conf, ...(interval ? { interval } : {}), ...(ref ? { ref } : {}) };
}

/**
 * Time expressions in `text` as TIMEX3-style records, in text order. Offsets are UTF-16 code units
 * into `text` as given. Values are resolved against `opts.anchor` (the publication date) or, when the
 * text says so ("sebulan kemudian", "hari itu", a bare clock time), against the previous date in the text.
 */
export function tagTimes(text: string, opts: TagOptions): Timex[] {
  const c = compiledFor(opts.lang);
  const anchor = parseAnchor(opts.anchor);
  const exprs = compound(text, findAtoms(text, c), c);
  const out: Timex[] = [];
  let prev: Ref | null = null;
  let lastDated: Ref | null = null;
  const years: Array<{ y: number; text: string }> = [];
  for (const e of exprs) {
    if (e.sem.anniv) continue;
    const r = resolve(e.sem, anchor, prev, c.lex.numericDateOrder === 'mdy' ? 0.6 : 0.8, lastDated);
    if (!r) continue;
    if (r.ref && r.type !== 'DURATION') prev = r.ref;
    if (r.ref && r.type !== 'DURATION' && r.ref.gran !== 'Y' && r.ref.explicitYear) lastDated = r.ref;
    if (/^\d{4}$/.test(r.value)) years.push({ y: +r.value, text: r.value });
    out.push({
      start: e.start, end: e.end, text: text.slice(e.start, e.end), type: r.type, value: r.value, anchor: r.anchor,
      ...(r.interval ? { interval: r.interval } : {}), ...(e.sem.mod ? { mod: e.sem.mod } : {}), confidence: +r.conf.toFixed(2),
    });
  }
  // anniversaries: the year they fall in, linked to the founding year when the text states it
  for (const e of exprs) {
    if (!e.sem.anniv) continue;
    const { n, of } = e.sem.anniv;
    const year = anchor?.y ?? null;
    const since = year !== null ? years.find((x) => x.y === year - n) : undefined;
    out.push({
      start: e.start, end: e.end, text: text.slice(e.start, e.end), type: 'DATE',
      value: year !== null ? pad(year, 4) : since ? pad(since.y + n, 4) : 'XXXX', anchor: anchor ? fmtDay(anchor) : null,
      confidence: since ? 0.85 : 0.6,
      anniversary: { ordinal: n, ...(of ? { of } : {}), ...(since ? { since: pad(since.y, 4) } : {}) },
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
