// Builds the recognisers of one language from its lexicon. Each rule is a global, Unicode,
// case-insensitive regular expression plus a function turning a match into a partial meaning (Sem).
// Nothing here is language data: every word comes from the lexicon.
import type { Direction, PartOfDay, RefValue, Season, TimeLexicon, TimeUnit, TimexMod } from './lexicon.ts';
import { escapeRegExp } from '../util/common.ts';

/** A partial meaning; adjacent atoms are merged into one expression before values are resolved. */
export interface Sem {
  y?: number;
  m?: number;
  d?: number;
  /** End of a day range ("9-11 Oktober"), or a year range's last year. */
  d2?: number;
  y2?: number;
  yearExplicit?: boolean;
  twoDigitYear?: boolean;
  ambiguousOrder?: boolean;
  wd?: number;
  h?: number;
  mi?: number;
  part?: PartOfDay;
  pm?: boolean;
  am?: boolean;
  decade?: number;
  century?: number;
  season?: Season;
  dir?: Direction;
  shiftDays?: number;
  period?: { unit: TimeUnit; shift: number };
  rel?: { n: number; unit: TimeUnit; from: 'anchor' | 'previous'; sign: 1 | -1 };
  anaphor?: 'D' | 'M' | 'Y';
  dur?: string;
  set?: string;
  ref?: RefValue;
  mod?: TimexMod;
  anniv?: { n: number; of?: string };
  /** A bare part of the day ("pagi"): kept only when it joins a date or time. */
  needsCompound?: boolean;
  conf?: number;
}

export interface Atom {
  start: number;
  end: number;
  sem: Sem;
  rule: string;
  priority: number;
}

export interface Rule {
  name: string;
  re: RegExp;
  priority: number;
  make(m: RegExpExecArray, text: string): Array<{ start: number; end: number; sem: Sem }> | Sem | null;
}

export const esc = escapeRegExp;

/** Alternation of words, longest first, spaces matching any whitespace. */
export function alt(words: Iterable<string>): string {
  const list = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (list.length === 0) return '(?!)';
  return '(?:' + list.map((w) => esc(w).replace(/ /g, '\\s+').replace(/-/g, '[-‐–]')).join('|') + ')';
}

export const L = '(?<![\\p{L}\\p{N}_])';
export const R = '(?![\\p{L}\\p{N}_])';

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
export function roman(s: string): number | null {
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!];
    if (!v) return null;
    const next = ROMAN[t[i + 1]!] ?? 0;
    total += v < next ? -v : v;
  }
  return total || null;
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').replace(/[‐–]/g, '-').replace(/’/g, "'");

export interface Compiled {
  lex: TimeLexicon;
  rules: Rule[];
  approxRe: RegExp;
  prefixRe: RegExp | null;
  suffixRe: RegExp;
  /** Phrases that are not time expressions although they contain time words. */
  blockRe: RegExp | null;
  /** Gap words allowed between a time and its date. */
  joinRe: RegExp | null;
  /** Parses digits or number words ("dua puluh lima", "twenty-five"). */
  parseNumber(s: string): number | null;
}

export function compile(lex: TimeLexicon): Compiled {
  const lookup = <T>(rec: Record<string, T> | undefined) => {
    const map = new Map<string, T>();
    for (const [k, v] of Object.entries(rec ?? {})) map.set(norm(k), v);
    return (s: string) => map.get(norm(s));
  };
  const monthOf = new Map<string, number>();
  lex.months.forEach((names, i) => names.forEach((n) => monthOf.set(norm(n), i + 1)));
  const wdOf = new Map<string, number>();
  lex.weekdays.forEach((names, i) => names.forEach((n) => wdOf.set(norm(n), i)));
  const ambMonths = new Set((lex.ambiguousMonths ?? []).map(norm));
  const ambWd = new Set((lex.ambiguousWeekdays ?? []).map(norm));
  const unitOf = lookup(lex.units);
  const oneUnitOf = lookup(lex.oneUnitWords);
  const vagueUnitOf = lookup(lex.vagueUnitWords);
  const vagueDurOf = lookup(lex.vagueDurations);
  const numOf = lookup(lex.numbers);
  const mulOf = lookup(lex.multipliers);
  const teens = new Set((lex.teens ?? []).map(norm));
  const afterRel = lookup(lex.periodRelations.after);
  const beforeRel = lookup(lex.periodRelations.before);
  const deicticOf = lookup(lex.deicticDays);
  const refOf = lookup(lex.refs);
  const anaOf = lookup(lex.anaphoric);
  const partOf = lookup({ ...lex.partsOfDay, ...lex.standalonePartsOfDay });
  const standalone = lookup(lex.standalonePartsOfDay);
  const tzOf = lookup(lex.timeZones);
  const namedOf = lookup(lex.namedTimes);
  const seasonOf = lookup(lex.seasons);
  const setWordOf = lookup(lex.setWords);
  const ago = new Set(lex.agoWords.map(norm));
  const hence = new Set(lex.henceWords.map(norm));
  const later = new Set(lex.laterWords.map(norm));
  const earlier = new Set((lex.earlierWords ?? []).map(norm));
  const am = new Set((lex.meridiem?.am ?? []).map((s) => norm(s).replace(/\./g, '')));

  const MONTH = alt(lex.months.flat());
  // a period after a month is part of it only after an abbreviation ("Des.", "Oct."), not after a full name
  const MDOT = `(?:(?<=${alt(lex.months.flatMap((n) => n.slice(1)).filter((w) => !w.includes(' ')))})\\.)?`;
  const WD = alt(lex.weekdays.flat());
  const DAYPFX = alt(lex.dayPrefixes);
  const MONTHPFX = alt(lex.monthPrefixes);
  const YEARPFX = alt(lex.yearPrefixes);
  const WDPFX = alt(lex.weekdayPrefixes ?? []);
  const ORD = lex.dayOrdinalSuffixes?.length ? `(?:${alt(lex.dayOrdinalSuffixes)})?` : '';
  const DMJOIN = lex.dayMonthJoiners?.length ? `(?:\\s+${alt(lex.dayMonthJoiners)})?` : '';
  const MYJOIN = alt([...lex.yearPrefixes, ...(lex.monthYearJoiners ?? [])]);
  const CONN = alt(lex.rangeConnectors);
  const RANGE = `(?:\\s*[-–—]\\s*|\\s+${CONN}\\s+)`;
  const UNIT = alt(Object.keys(lex.units));
  const ONEUNIT = alt(Object.keys(lex.oneUnitWords ?? {}));
  const NUMWORD = alt([...Object.keys(lex.numbers), ...Object.keys(lex.multipliers ?? {}), ...(lex.teens ?? [])]);
  const NUM = `(?:\\d+(?:[.,]\\d+)?|${L}${NUMWORD}${R}(?:[\\s-]+${NUMWORD}${R})*)`;
  const RELW = alt([...lex.agoWords, ...lex.henceWords, ...lex.laterWords, ...(lex.earlierWords ?? [])]);
  const TZ = alt(Object.keys(lex.timeZones ?? {}));
  const TM = alt(lex.timeMarkers);
  const PARTS = alt(Object.keys({ ...lex.partsOfDay, ...lex.standalonePartsOfDay }));
  const MER = alt([...(lex.meridiem?.am ?? []), ...(lex.meridiem?.pm ?? [])]);
  const PERIOD_UNITS = Object.entries(lex.units).filter(([, u]) => u === 'Y' || u === 'M' || u === 'W').map(([w]) => w);
  const YEAR_END = '(?![\\p{L}\\p{N}_]|[.,]\\d|\\s*%|[-‐–]?an\\b|[\'’]?s\\b|[-/]\\d)';

  function parseNumber(s: string): number | null {
    const t = s.trim();
    if (/^\d+(?:[.,]\d+)?$/.test(t)) return parseFloat(t.replace(',', '.'));
    let total = 0;
    let cur = 0;
    let any = false;
    for (const tok of norm(t).split(/[\s-]+/)) {
      const n = numOf(tok);
      if (n !== undefined) { cur += n; any = true; continue; }
      if (teens.has(tok)) { cur += 10; any = true; continue; }
      const mul = mulOf(tok);
      if (mul !== undefined) {
        cur = (cur || 1) * mul;
        if (mul >= 1000) { total += cur; cur = 0; }
        any = true;
        continue;
      }
      return null;
    }
    return any ? total + cur : null;
  }

  const capital = (s: string) => s.charAt(0) !== s.charAt(0).toLowerCase();
  const fullYear = (s: string): { y: number; two: boolean } => {
    if (s.length === 2) {
      const n = +s;
      return { y: n <= 49 ? 2000 + n : 1900 + n, two: true };
    }
    return { y: +s, two: false };
  };
  const before = (text: string, i: number, n = 30) => text.slice(Math.max(0, i - n), i);
  const nonYear = new Set((lex.nonYearPrecedents ?? []).map(norm));
  const angleWords = new Set((lex.angleWords ?? []).map(norm));

  const rules: Rule[] = [];
  const add = (name: string, priority: number, src: string, make: Rule['make']) =>
    rules.push({ name, priority, re: new RegExp(src, 'giu'), make });

  // ── calendar dates ──────────────────────────────────────────────────────────
  add('day-month', 30,
    `${L}(?:${DAYPFX}\\s+)?(?<d>\\d{1,2})${ORD}(?:${RANGE}(?:${DAYPFX}\\s+)?(?<d2>\\d{1,2})${ORD})?${DMJOIN}\\s+(?:${MONTHPFX}\\s+)?(?<mon>${MONTH})${MDOT}${R}(?:\\s*[,/]?\\s*(?:${MYJOIN}\\s+)?(?<y>\\d{4})${R})?`,
    (m) => {
      const g = m.groups!;
      const mon = monthOf.get(norm(g.mon!))!;
      const sem: Sem = { d: +g.d!, m: mon };
      if (g.d2) sem.d2 = +g.d2;
      if (g.y) { sem.y = +g.y; sem.yearExplicit = true; }
      return sem;
    });
  if (lex.monthFirstText) {
    add('month-day', 30,
      `${L}(?<mon>${MONTH})${MDOT}\\s+(?<d>\\d{1,2})${ORD}(?:${RANGE}(?<d2>\\d{1,2})${ORD})?${R}(?!:)(?:\\s*,?\\s*(?<y>\\d{4})${R})?`,
      (m) => {
        const g = m.groups!;
        if (ambMonths.has(norm(g.mon!)) && !capital(g.mon!)) return null;
        const sem: Sem = { d: +g.d!, m: monthOf.get(norm(g.mon!))! };
        if (g.d2) sem.d2 = +g.d2;
        if (g.y) { sem.y = +g.y; sem.yearExplicit = true; }
        return sem;
      });
  }
  const monthPrepRe = lex.monthPrepositions?.length ? new RegExp(`${L}${alt(lex.monthPrepositions)}\\s+$`, 'iu') : null;
  const suffixRe = new RegExp(`^\\s+(?<w>${alt(Object.keys(lex.suffixes))})${R}`, 'iu');
  add('month-year', 20,
    `${L}(?:(?<mp>${MONTHPFX})\\s+)?(?<mon>${MONTH})${MDOT}${R}(?:\\s*[,/]?\\s*(?:${MYJOIN}\\s+)?(?<y>\\d{4})${R})?`,
    (m, text) => {
      const g = m.groups!;
      const name = norm(g.mon!);
      if (!g.mp && !g.y && !(monthPrepRe && monthPrepRe.test(before(text, m.index))) && !suffixRe.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) {
        if (ambMonths.has(name)) return null;
        if (!name.includes(' ') && !capital(g.mon!)) return null;
      }
      const sem: Sem = { m: monthOf.get(name)! };
      if (g.y) { sem.y = +g.y; sem.yearExplicit = true; }
      return sem;
    });
  const numericSem = (g: Record<string, string | undefined>): Sem | null => {
    let a = +g.a!;
    let b = +g.b!;
    let ambiguous = false;
    if (lex.numericDateOrder === 'mdy') [a, b] = [b, a];
    if (b > 12 && a <= 12) [a, b] = [b, a];
    else if (a <= 12 && b <= 12 && a !== b) ambiguous = true;
    const sem: Sem = { d: a, m: b };
    if (g.d0) { sem.d2 = a; sem.d = +g.d0; }
    if (g.y) {
      const fy = fullYear(g.y);
      sem.y = fy.y;
      sem.yearExplicit = true;
      if (fy.two) sem.twoDigitYear = true;
    }
    if (ambiguous) sem.ambiguousOrder = true;
    return sem;
  };
  // a full numeric date is distinctive enough to be read even when glued to a word ("Nam11/10/2025")
  add('numeric-date', 32,
    `(?<![\\p{N}_])(?:${L}${DAYPFX}\\s+)?(?:(?<d0>\\d{1,2})${RANGE}(?:${DAYPFX}\\s+)?)?(?<a>\\d{1,2})(?<sep>[/.-])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{4}|\\d{2})(?![\\p{L}\\p{N}_]|[.,/:-]\\d)`,
    (m, text) => {
      // "06.18.20"-like clock readings and version numbers are not dates: dots need a 4-digit year
      if (m.groups!.sep === '.' && m.groups!.y!.length !== 4) return null;
      if (/[\d.,/:-]$/.test(before(text, m.index, 1))) return null;
      return numericSem(m.groups!);
    });
  const DM_CONTEXT = new RegExp(`(?:\\(\\s*|(?:${alt([...lex.dayPrefixes, ...lex.weekdays.flat(), ...Object.keys(lex.partsOfDay)])})\\s*[,(]?\\s*)$`, 'iu');
  add('numeric-day-month', 25,
    `${L}(?:(?<dp>${DAYPFX})\\s+)?(?:(?<d0>\\d{1,2})${RANGE}(?:${DAYPFX}\\s+)?)?(?<a>\\d{1,2})/(?<b>\\d{1,2})(?![\\p{L}\\p{N}_]|[.,/:]\\d)`,
    (m, text) => {
      if (!m.groups!.dp && !DM_CONTEXT.test(before(text, m.index))) return null;
      const sem = numericSem(m.groups!);
      if (!sem) return null;
      return sem;
    });
  add('iso-date', 34, `${L}(?<y>\\d{4})-(?<b>\\d{2})-(?<a>\\d{2})(?![\\p{L}\\p{N}_]|[-/]\\d)`, (m) => ({
    y: +m.groups!.y!, m: +m.groups!.b!, d: +m.groups!.a!, yearExplicit: true,
  }));
  add('day-only', 14, `${L}${DAYPFX}\\s+(?<d>\\d{1,2})${R}(?![.,/:-]\\d)`, (m) => {
    const d = +m.groups!.d!;
    return d >= 1 && d <= 31 ? { d } : null;
  });
  add('year', 10,
    `${L}(?:(?<yp>${YEARPFX})\\s+)?(?<y>\\d{4}|(?<=${YEARPFX}\\s+)\\d{3})(?:\\s*[-–]\\s*(?<y2>\\d{4}))?${YEAR_END}`,
    (m, text) => {
      const g = m.groups!;
      const y = +g.y!;
      const prev = before(text, m.index, 12);
      if (!g.yp) {
        if (y < 1800 || y > 2100) return null;
        if (/[-/#.$€£¥+]\s*$|[\p{L}\p{N}][-/]$/u.test(prev)) return null;
        const w = /([\p{L}$.:]+)\s*$/u.exec(prev)?.[1];
        if (w && nonYear.has(norm(w))) return null;
      }
      const sem: Sem = { y, yearExplicit: true };
      if (g.y2 && +g.y2 > y && +g.y2 - y < 200) sem.y2 = +g.y2;
      else if (g.y2) return null;
      if (!g.yp) sem.conf = 0.8;
      return sem;
    });
  const unitAfterRe = new RegExp(`^\\s+${UNIT}${R}`, 'iu');
  for (const p of lex.decadePatterns) {
    add('decade', 28, `${L}${p}${R}`, (m, text) => {
      const s = m.groups!.dec!;
      let dec: number;
      if (s.length === 4) dec = Math.floor(+s / 10);
      else if (s.length === 2) dec = (+s <= 10 ? 200 : 190) + Math.floor(+s / 10);
      else return null;
      if (/[\d.,]$/.test(before(text, m.index, 1))) return null;
      // "berusia 20-an tahun": an age in years, not a decade
      if (unitAfterRe.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null;
      return { decade: dec, conf: s.length === 2 ? 0.7 : 0.9 };
    });
  }
  for (const p of lex.centuryPatterns) {
    add('century', 28, `${L}${p}${R}`, (m) => {
      const c = /^\d+$/.test(m.groups!.c!) ? +m.groups!.c! : roman(m.groups!.c!);
      if (!c || c > 30) return null;
      return { century: c };
    });
  }
  add('weekday', 15, `${L}(?:${WDPFX}\\s+)?(?<wd>${WD})${R}`, (m) => {
    const w = norm(m.groups!.wd!);
    if (ambWd.has(w) && !capital(m.groups!.wd!)) return null;
    return { wd: wdOf.get(w)! };
  });
  if (lex.seasons) {
    add('season', 18, `${L}(?<s>${alt(Object.keys(lex.seasons))})${R}(?:\\s+(?<y>\\d{4})${R})?`, (m) => {
      const sem: Sem = { season: seasonOf(m.groups!.s!)! };
      if (m.groups!.y) { sem.y = +m.groups!.y; sem.yearExplicit = true; }
      return sem;
    });
  }

  // ── clock times and parts of the day ────────────────────────────────────────
  const timeSem = (g: Record<string, string | undefined>): Sem | null => {
    const h = +g.h!;
    const mi = g.mi ? +g.mi : 0;
    if (h > 24 || mi > 59) return null;
    const sem: Sem = { h, mi };
    if (g.mer) {
      if (h > 12 || h === 0) return null;
      if (am.has(norm(g.mer).replace(/\./g, ''))) sem.h = h === 12 ? 0 : h;
      else sem.h = h === 12 ? 12 : h + 12;
      sem.am = true;
    }
    if (g.tz) tzOf(g.tz);
    return sem;
  };
  const TZPART = lex.timeZones ? `(?:\\s*(?<tz>${TZ})${R}(?:\\s*[+-]\\s*\\d{1,2})?)?` : '';
  const MERPART = lex.meridiem ? `(?:\\s*(?<mer>${MER})(?![\\p{L}\\p{N}_]))?` : '';
  add('time-marked', 26,
    `${L}${TM}\\s*(?<h>\\d{1,2})(?:[.:](?<mi>\\d{2}))?(?:[.:]\\d{2})?${R}${MERPART}${TZPART}`,
    (m) => timeSem(m.groups!));
  if (lex.timeZones) {
    add('time-zone', 24, `${L}(?<h>\\d{1,2})[.:](?<mi>\\d{2})\\s*(?<tz>${TZ})${R}`, (m, text) =>
      /[\d.,]$/.test(before(text, m.index, 1)) ? null : timeSem(m.groups!));
  }
  if (lex.meridiem) {
    add('time-meridiem', 24, `${L}(?<h>\\d{1,2})(?:[.:](?<mi>\\d{2}))?\\s*(?<mer>${MER})(?![\\p{L}\\p{N}_])${TZPART}`, (m) => timeSem(m.groups!));
    add('time-colon', 22, `${L}(?<h>\\d{1,2}):(?<mi>\\d{2})${R}${MERPART}${TZPART}`, (m, text) =>
      /[\d.,:]$/.test(before(text, m.index, 1)) || /^[:\d]/.test(text.slice(m.index + m[0].length)) ? null : timeSem(m.groups!));
  }
  if (lex.hourWords?.length) {
    const MINW = lex.minuteWords?.length ? `(?:\\s*${alt(lex.minuteWords)})?` : '';
    add('time-hourword', 26,
      `${L}(?:${TM}\\s*)?(?<h>\\d{1,2})\\s*${alt(lex.hourWords)}(?:\\s*(?<mi>\\d{1,2})${MINW})?${R}`,
      (m) => timeSem(m.groups!));
  }
  if (lex.namedTimes) {
    add('named-time', 22, `${L}(?<w>${alt(Object.keys(lex.namedTimes))})${R}`, (m) => {
      const v = namedOf(m.groups!.w!)!;
      const t = /T(\d{2}):(\d{2})/.exec(v)!;
      return { h: +t[1]!, mi: +t[2]! };
    });
  }
  add('part-of-day', 12, `${L}(?<p>${PARTS})${R}`, (m) => {
    const p = m.groups!.p!;
    return standalone(p) ? { part: standalone(p)! } : { part: partOf(p)!, needsCompound: true };
  });

  // ── relative and deictic expressions ────────────────────────────────────────
  add('deictic', 27, `${L}(?<w>${alt(Object.keys(lex.deicticDays))})${R}`, (m) => {
    const v = deicticOf(m.groups!.w!)!;
    const sem: Sem = { shiftDays: v.shift };
    if (v.part) sem.part = v.part;
    return sem;
  });
  const particles = new Set((lex.clauseFinalParticles ?? []).map(norm));
  add('ref', 14, `${L}(?<w>${alt(Object.keys(lex.refs))})${R}`, (m, text) => {
    // "komentar dulu," / "menang dulu lah": a particle, not a reference to the past
    if (particles.has(norm(m.groups!.w!)) && /^\s*(?:[\p{L}]{1,3}\s*)?[,.!?;:"”)]/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null;
    return { ref: refOf(m.groups!.w!)! };
  });
  if (lex.anaphoric) {
    add('anaphoric', 27, `${L}(?<w>${alt(Object.keys(lex.anaphoric))})${R}`, (m) => ({ anaphor: anaOf(m.groups!.w!)! }));
  }
  const periodOk = (word: string, m: RegExpExecArray, text: string) => {
    // a capitalised ambiguous weekday ("Minggu lalu") inside a sentence is the weekday, not the week
    if (ambWd.has(norm(word)) && capital(word) && !/(?:^|[.!?"“]\s*|\n\s*)$/.test(before(text, m.index, 4))) return false;
    return true;
  };
  if (Object.keys(lex.periodRelations.after).length) {
    add('period', 26, `${L}(?<u>${alt(PERIOD_UNITS)})\\s+(?<r>${alt(Object.keys(lex.periodRelations.after))})${R}`, (m, text) => {
      if (!periodOk(m.groups!.u!, m, text)) return null;
      return { period: { unit: unitOf(m.groups!.u!)!, shift: afterRel(m.groups!.r!)! } };
    });
  }
  if (Object.keys(lex.periodRelations.before).length) {
    add('period', 26, `${L}(?<r>${alt(Object.keys(lex.periodRelations.before))})\\s+(?<u>${alt(PERIOD_UNITS)})${R}`, (m) => ({
      period: { unit: unitOf(m.groups!.u!)!, shift: beforeRel(m.groups!.r!)! },
    }));
  }
  // "thứ Hai" (Monday) is not the number two: numbers right after a weekday's first word are not counts
  const heads = [...new Set(lex.weekdays.flat().filter((w) => w.includes(' ')).map((w) => w.split(' ')[0]!))];
  const headRe = heads.length ? new RegExp(`${L}${alt(heads)}\\s+$`, 'iu') : null;
  const afterHead = (text: string, i: number) => !!headRe && headRe.test(before(text, i, 12));
  const unitNumber = (g: Record<string, string | undefined>): { n: number; unit: TimeUnit } | null => {
    if (g.one) return { n: 1, unit: oneUnitOf(g.one)! };
    const n = parseNumber(g.n!);
    const unit = unitOf(g.u!);
    if (n === null || !unit) return null;
    return { n, unit };
  };
  add('relative', 29, `${L}(?:(?<n>${NUM})\\s+(?<u>${UNIT})|(?<one>${ONEUNIT}))\\s+(?<w>${RELW})${R}`, (m, text) => {
    const un = unitNumber(m.groups!);
    if (!un || afterHead(text, m.index)) return null;
    const w = norm(m.groups!.w!);
    const from = later.has(w) || earlier.has(w) ? 'previous' : 'anchor';
    const sign = ago.has(w) || earlier.has(w) ? -1 : 1;
    if (!ago.has(w) && !hence.has(w) && !later.has(w) && !earlier.has(w)) return null;
    return { rel: { ...un, from, sign } };
  });
  if (lex.vagueQuantifiers.length) {
    // "beberapa hari lalu", "a few days ago": an unspecified past or future point
    add('relative', 29, `${L}${alt(lex.vagueQuantifiers)}\\s+(?<u>${UNIT}|${alt(Object.keys(lex.vagueDurations ?? {}).map((w) => w.split(' ').slice(-1)[0]!))})\\s+(?<w>${RELW})${R}`, (m) => {
      const w = norm(m.groups!.w!);
      if (ago.has(w) || earlier.has(w)) return { ref: 'PAST_REF' };
      if (hence.has(w) || later.has(w)) return { ref: 'FUTURE_REF' };
      return null;
    });
  }
  if (lex.henceBefore?.length) {
    const spanCue = new RegExp(`(?<![\\p{L}\\p{N}])${alt(lex.spanCues ?? [])}(?![\\p{L}\\p{N}])`, 'iu');
    add('relative', 29, `${L}${alt(lex.henceBefore)}\\s+(?:(?<n>${NUM})\\s+(?<u>${UNIT})|(?<one>${ONEUNIT}))${R}`, (m, text) => {
      const un = unitNumber(m.groups!);
      if (!un) return null;
      // "the first visit in 18 years": the span up to now, not a date 18 years ahead. Only the clause before
      // it in the same sentence counts.
      const clause = before(text, m.index, 200).split(/[.!?;]\s/).pop()!;
      if (lex.spanCues?.length && spanCue.test(clause)) return { dur: durValue(un.n, un.unit) };
      return { rel: { ...un, from: 'anchor', sign: 1 } };
    });
  }

  // ── durations ───────────────────────────────────────────────────────────────
  const durValue = (n: number | 'X', unit: TimeUnit): string => {
    const num = n === 'X' ? 'X' : String(+n.toFixed(2));
    switch (unit) {
      case 'H': return `PT${num}H`;
      case 'MIN': return `PT${num}M`;
      case 'S': return `PT${num}S`;
      default: return `P${num}${unit}`;
    }
  };
  const angleAfter = (text: string, end: number, unit: TimeUnit) => {
    if (unit !== 'MIN' && unit !== 'S') return false;
    const next = text.slice(end, end + 12);
    if (/^\s*\d/.test(next)) return true;
    const w = /^\s*([\p{L}]+)/u.exec(next)?.[1];
    return !!w && angleWords.has(norm(w));
  };
  // "08 derajat 50 menit 43 detik": minutes and seconds of an angle, up to two number-unit groups after the degrees
  const angleBeforeRe = new RegExp(`(?:${alt(lex.angleWords ?? [])}|°)[\\s\\d.,'"′″]*(?:\\p{L}+[\\s\\d.,'"′″]+){0,2}$`, 'iu');
  const anglePrev = (text: string, i: number) => angleBeforeRe.test(before(text, i, 40));
  add('duration', 16, `${L}(?:(?<n>${NUM})\\s+(?<u>${UNIT})|(?<one>${ONEUNIT}))${R}`, (m, text) => {
    const un = unitNumber(m.groups!);
    if (!un || afterHead(text, m.index)) return null;
    if (angleAfter(text, m.index + m[0].length, un.unit) || ((un.unit === 'MIN' || un.unit === 'S') && anglePrev(text, m.index))) return null;
    if (/[\d.,/]$/.test(before(text, m.index, 1))) return null;
    return { dur: durValue(un.n, un.unit) };
  });
  add('duration-range', 19, `${L}(?<n1>\\d+)\\s*[-–]\\s*(?<n2>\\d+)\\s+(?<u>${UNIT})${R}`, (m, text) => {
    const unit = unitOf(m.groups!.u!)!;
    if (angleAfter(text, m.index + m[0].length, unit)) return null;
    const s1 = m.index;
    const e1 = s1 + m.groups!.n1!.length;
    const s2 = m.index + m[0].indexOf(m.groups!.n2!, m.groups!.n1!.length);
    return [
      { start: s1, end: e1, sem: { dur: durValue(+m.groups!.n1!, unit) } },
      { start: s2, end: m.index + m[0].length, sem: { dur: durValue(+m.groups!.n2!, unit) } },
    ];
  });
  if (lex.vagueQuantifiers.length) {
    add('duration-vague', 17, `${L}${alt(lex.vagueQuantifiers)}\\s+(?<u>${UNIT})${R}`, (m) => ({ dur: durValue('X', unitOf(m.groups!.u!)!) }));
  }
  if (lex.vagueUnitWords) {
    add('duration-vague', 17, `${L}(?<w>${alt(Object.keys(lex.vagueUnitWords))})${R}`, (m) => ({ dur: durValue('X', vagueUnitOf(m.groups!.w!)!) }));
  }
  if (lex.vagueDurations) {
    add('duration-vague', 18, `${L}(?<w>${alt(Object.keys(lex.vagueDurations))})${R}`, (m) => ({ dur: vagueDurOf(m.groups!.w!)! }));
  }

  // ── sets ────────────────────────────────────────────────────────────────────
  add('set', 27, `${L}${alt(lex.setPrefixes)}\\s+(?:(?<n>${NUM})\\s+)?(?<x>${UNIT}|${WD}|${PARTS})${R}`, (m) => {
    const x = m.groups!.x!;
    const n = m.groups!.n ? parseNumber(m.groups!.n) : 1;
    if (n === null) return null;
    const unit = unitOf(x);
    if (unit) return { set: durValue(n, unit) };
    const wd = wdOf.get(norm(x));
    if (wd !== undefined) return { set: `XXXX-WXX-${wd + 1}` };
    const part = partOf(x);
    return part ? { set: `XXXX-XX-XXT${part}` } : null;
  });
  if (lex.setWords) {
    add('set', 27, `${L}(?<w>${alt(Object.keys(lex.setWords))})${R}`, (m) => ({ set: setWordOf(m.groups!.w!)! }));
  }

  // ── anniversaries ───────────────────────────────────────────────────────────
  const ofRe = new RegExp(`^\\s+(?:${alt(lex.anniversaryOf ?? [])}\\s+)?([^\\n,.;:()"“”]+)`, 'iu');
  for (const p of lex.anniversaryPatterns) {
    add('anniversary', 31, `${L}${p}${R}`, (m, text) => {
      const raw = m.groups!.n!;
      const n = parseNumber(raw) ?? parseOrdinalWord(raw);
      if (!n || n < 1 || n > 2000) return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
      const of = ofRe.exec(after)?.[1]?.trim().split(/\s+/).slice(0, 4).join(' ');
      return { anniv: { n, ...(of ? { of } : {}) } };
    });
  }
  function parseOrdinalWord(s: string): number | null {
    // ordinal words: "seventy-fifth" → strip the ordinal ending and read the cardinal
    const t = norm(s).replace(/(?:ieth)$/, 'y').replace(/(?:first)$/, 'one').replace(/(?:second)$/, 'two').replace(/(?:third)$/, 'three')
      .replace(/(?:fifth)$/, 'five').replace(/(?:eighth)$/, 'eight').replace(/(?:ninth)$/, 'nine').replace(/(?:twelfth)$/, 'twelve').replace(/th$/, '');
    return parseNumber(t);
  }

  const APPROX = alt(Object.keys(lex.approximators));
  const approxRe = new RegExp(`${L}(?<w>${APPROX})\\s+$`, 'iu');
  const prefixRe = lex.prefixes && Object.keys(lex.prefixes).length ? new RegExp(`${L}(?<w>${alt(Object.keys(lex.prefixes))})\\s+$`, 'iu') : null;
  const blockRe = lex.nonTemporalPhrases?.length ? new RegExp(`${L}${alt(lex.nonTemporalPhrases)}${R}`, 'giu') : null;
  const joinRe = lex.timeDateJoiners?.length ? new RegExp(`^[ \\t]+${alt(lex.timeDateJoiners)}[ \\t]+$`, 'iu') : null;
  return { lex, rules, approxRe, prefixRe, suffixRe, blockRe, joinRe, parseNumber };
}
