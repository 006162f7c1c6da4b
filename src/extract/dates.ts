// Date reading shared by the text-dump and HTML extractors: ISO / numeric / month-name dates
// in visible text, dates inside URLs, machine dates in metadata. Everything returns YYYY-MM-DD.
// Month names come from the per-language extraction lexicons (src/lang/<code>/extract.ts).

import type { ExtractLangData } from '../lang/types.ts';
import { escapeRegExp } from '../util/common.ts';

export interface FoundDate {
  date: string;
  /** Span of the match in the searched string. */
  start: number;
  end: number;
}

/** Earliest year accepted: older "dates" in news pages are almost always history, not publication. */
const MIN_YEAR = 1990;

/** Validated ISO date, or null for impossible or out-of-range dates (future beyond tomorrow included). */
export function isoDate(y: number, m: number, d: number, now: Date = new Date()): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d) return null; // 31 February and the like
  if (t > now.getTime() + 36 * 3600 * 1000) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}


interface MonthMatcher {
  re: RegExp;
  lookup: Map<string, number>;
}

const monthCache = new WeakMap<readonly ExtractLangData[], MonthMatcher | null>();

/** One alternation of all month names of the given languages, longest first ("tháng 10" before "tháng 1"). */
function monthMatcher(langs: readonly ExtractLangData[]): MonthMatcher | null {
  const cached = monthCache.get(langs);
  if (cached !== undefined) return cached;
  const lookup = new Map<string, number>();
  for (const l of langs) {
    l.months?.forEach((names, i) => {
      for (const n of names) if (!lookup.has(n)) lookup.set(n, i + 1);
    });
  }
  let result: MonthMatcher | null = null;
  if (lookup.size > 0) {
    const alt = [...lookup.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    // Day before month ("11 Oktober 2025", "11. März 2025", "ngày 11 tháng 10 năm 2025"): a short
    // filler word may sit between month and year ("năm", "de"). Month before day ("October 11, 2025").
    // A month may be given in two naming traditions, "24 نيسان / أبريل 2020" (Levantine / Egyptian).
    const second = `(?:\\s*[/(]\\s*(?:${alt})\\)?)?`;
    const src =
      `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s*(?:de\\s+|of\\s+)?(${alt})(?![\\p{L}])${second}\\.?,?\\s*(?:\\p{L}{1,4}\\s+)?(\\d{4})(?!\\d)` +
      `|(?<![\\p{L}\\d])(${alt})(?![\\p{L}])\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`;
    result = { re: new RegExp(src, 'giu'), lookup };
  }
  monthCache.set(langs, result);
  return result;
}

const ISO_RE = /(?<!\d)((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
/** Chinese/Japanese 2020年7月12日 and Korean 2020년 7월 12일. */
const CJK_RE = /(?<!\d)((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/g;
const NUMERIC_RE = /(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/g;

/**
 * All dates written in `text`, in order of appearance. `order` decides 03/04/2025
 * when both parts are ≤ 12.
 */
export function findDates(
  text: string,
  langs: readonly ExtractLangData[] = [],
  order: 'dmy' | 'mdy' = 'dmy',
  now: Date = new Date(),
): FoundDate[] {
  const out: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  const push = (date: string | null, start: number, end: number): void => {
    if (!date) return;
    if (taken.some(([a, b]) => start < b && end > a)) return;
    taken.push([start, end]);
    out.push({ date, start, end });
  };
  for (const m of text.matchAll(ISO_RE)) {
    push(isoDate(+m[1]!, +m[3]!, +m[4]!, now), m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(CJK_RE)) {
    push(isoDate(+m[1]!, +m[2]!, +m[3]!, now), m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(NUMERIC_RE)) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = +m[4]!;
    let d = a;
    let mo = b;
    if (a > 12 && b <= 12) [d, mo] = [a, b];
    else if (b > 12 && a <= 12) [d, mo] = [b, a];
    else if (order === 'mdy') [d, mo] = [b, a];
    push(isoDate(y, mo, d, now), m.index!, m.index! + m[0].length);
  }
  const mm = monthMatcher(langs);
  if (mm) {
    mm.re.lastIndex = 0;
    for (const m of text.matchAll(mm.re)) {
      let date: string | null = null;
      if (m[1] !== undefined) {
        date = isoDate(+m[3]!, mm.lookup.get(m[2]!.toLowerCase()) ?? 0, +m[1], now);
      } else {
        date = isoDate(+m[6]!, mm.lookup.get(m[4]!.toLowerCase()) ?? 0, +m[5]!, now);
      }
      push(date, m.index!, m.index! + m[0].length);
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** First date in `text`, or null. */
export function parseDate(
  text: string,
  langs: readonly ExtractLangData[] = [],
  order: 'dmy' | 'mdy' = 'dmy',
): string | null {
  return findDates(text, langs, order)[0]?.date ?? null;
}

/**
 * Machine-readable dates from metadata (ISO 8601, RFC 2822, compact 20251011).
 * Returns YYYY-MM-DD in the date's own offset (no shift to UTC: the page's local day is what it states).
 */
export function parseMachineDate(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const iso = /^((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:$|[T\s_])/.exec(v);
  if (iso) return isoDate(+iso[1]!, +iso[2]!, +iso[3]!);
  const inner = findDates(v, [], 'dmy')[0];
  if (inner) return inner.date;
  // RFC 2822 / English textual dates: Date.parse handles them; read the stated day, not UTC's.
  if (/[a-z]{3}/i.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) {
      const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(v);
      if (m) {
        const mon = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(m[2]!.toLowerCase());
        if (mon >= 0) return isoDate(+m[3]!, mon + 1, +m[1]!);
      }
      const d = new Date(t);
      return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
  }
  return null;
}

/**
 * Publication date encoded in a URL: /2025/10/11/, /2025-10-11/, /20251011/ or a timestamp id
 * that starts with YYYYMMDD (…-20251011185712456.htm). Month-only paths (/2025/10/) give nothing.
 */
export function dateFromUrl(url: string): string | null {
  // Archive copies (web.archive.org/web/20181206101316/http://site/...): the capture stamp is not
  // the publication; only the archived URL speaks for the page.
  const archived = /\/web\/\d{8,14}(?:[a-z]{2}_)?\/(.+)$/.exec(url);
  if (archived) return dateFromUrl(/^https?:/i.test(archived[1]!) ? archived[1]! : `http://${archived[1]!}`);
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    // not absolute: use as is
  }
  const ymd = /(?<!\d)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)/.exec(path);
  if (ymd) {
    const d = isoDate(+ymd[1]!, +ymd[2]!, +ymd[3]!);
    if (d) return d;
  }
  // Compact stamps: only a digit run that starts with the year, so ids like 10025101120212225 are not misread.
  for (const m of path.matchAll(/(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(\d*)(?!\d)/g)) {
    const rest = m[4]!;
    // 8 digits exactly, or a time stamp after it (HHMM, HHMMSS, plus milliseconds).
    if (rest.length !== 0 && rest.length < 4) continue;
    if (rest.length >= 4 && (+rest.slice(0, 2) > 23 || +rest.slice(2, 4) > 59)) continue;
    const d = isoDate(+m[1]!, +m[2]!, +m[3]!);
    if (d) return d;
  }
  return null;
}
