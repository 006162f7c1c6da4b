// Calendar arithmetic on plain year/month/day triples (no time zones involved).

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when the day exists; with no year, 29 February is allowed. */
export function validDay(y: number | undefined, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y ?? 2000, m);
}

export function toUTC(a: YMD): Date {
  return new Date(Date.UTC(a.y, a.m - 1, a.d));
}

export function fromUTC(t: Date): YMD {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(a: YMD, n: number): YMD {
  const t = toUTC(a);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUTC(t);
}

/** Adds months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(a: YMD, n: number): YMD {
  const total = a.y * 12 + (a.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return { y, m, d: Math.min(a.d, daysInMonth(y, m)) };
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(a: YMD): number {
  return (toUTC(a).getUTCDay() + 6) % 7;
}

export function compare(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** ISO 8601 week: [week-year, week number]. */
export function isoWeek(a: YMD): [number, number] {
  const t = toUTC(a);
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3); // Thursday of this week
  const wy = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(wy, 0, 4));
  const week = 1 + Math.round(((t.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return [wy, week];
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function fmtDay(a: YMD): string {
  return `${pad(a.y, 4)}-${pad(a.m)}-${pad(a.d)}`;
}

/** "2025-10-11", "2025-10-11T08:00:00+07:00" → the calendar date as written; null when unreadable. */
export function parseAnchor(anchor: string | null | undefined): YMD | null {
  const m = anchor ? /^(\d{4})-(\d{2})-(\d{2})/.exec(anchor.trim()) : null;
  if (!m) return null;
  const a = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  return validDay(a.y, a.m, a.d) ? a : null;
}
