// Claim values and when two of them say the same thing. Variants are not conflicts: a month and a day in it
// ("2025-10" / "2025-10-09"), a year left unknown ("XXXX-02-19" / "2025-02-19"), a rounded number and the exact
// one ("about 1,500" / 1,487), a bound and a number inside it ("more than 4,000" / 4,200).

export type Bound = 'approx' | 'at-least' | 'at-most';

export type Value =
  | { type: 'date'; value: string }
  | { type: 'number'; value: number; bound?: Bound }
  | { type: 'label'; value: string; /** compared instead of the value when set: a folded place name */ key?: string }
  | { type: 'set'; value: string[] };

/** Rounded figures agree with exact ones within this share ("nearly 60,000" / 59,420). */
export const APPROX_TOLERANCE = 0.05;

/** Dates agree when every known part of the shorter one equals the other's ("X" is unknown). */
export function datesConsistent(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && x !== 'X' && y !== 'X') return false;
  }
  return true;
}

function near(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
}

function inside(bounded: { value: number; bound?: Bound }, x: number, slack: number): boolean {
  if (bounded.bound === 'at-least') return x >= bounded.value * (1 - slack);
  if (bounded.bound === 'at-most') return x <= bounded.value * (1 + slack);
  return near(bounded.value, x, APPROX_TOLERANCE);
}

export function numbersConsistent(a: { value: number; bound?: Bound }, b: { value: number; bound?: Bound }): boolean {
  if (!a.bound && !b.bound) return Math.abs(a.value - b.value) < 1e-9 * Math.max(1, Math.abs(a.value));
  if (!a.bound) return inside(b, a.value, 0);
  if (!b.bound) return inside(a, b.value, 0);
  if (a.bound === 'approx' && b.bound === 'approx') return near(a.value, b.value, 2 * APPROX_TOLERANCE);
  if (a.bound === b.bound) return true; // two lower (or two upper) bounds never contradict
  const lo = a.bound === 'at-least' ? a : b.bound === 'at-least' ? b : null;
  const hi = a.bound === 'at-most' ? a : b.bound === 'at-most' ? b : null;
  if (lo && hi) return lo.value <= hi.value;
  // one approximate, one bound
  const approx = a.bound === 'approx' ? a : b;
  const bound = approx === a ? b : a;
  return inside(bound, approx.value, APPROX_TOLERANCE);
}

export function consistent(a: Value, b: Value): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'date':
      return datesConsistent(a.value, (b as typeof a).value);
    case 'number':
      return numbersConsistent(a, b as typeof a);
    case 'label':
      return (a.key ?? a.value) === ((b as typeof a).key ?? (b as typeof a).value);
    case 'set': {
      // a source naming fewer parties does not contradict one naming more
      const x = new Set(a.value);
      const y = new Set((b as typeof a).value);
      return [...x].every((v) => y.has(v)) || [...y].every((v) => x.has(v));
    }
  }
}

/** More specific first: exact numbers before rounded ones, full dates before months, known years before unknown. */
export function specificity(v: Value): number {
  switch (v.type) {
    case 'date':
      return v.value.replace(/X/g, '').length;
    case 'number':
      return v.bound ? 0 : 1;
    case 'set':
      return v.value.length;
    default:
      return 0;
  }
}

/** Two values that are plausibly reports of one quantity or one day: disputes are about near figures. */
export function comparable(a: Value, b: Value): boolean {
  if (a.type === 'number' && b.type === 'number') {
    const [x, y] = [Math.abs(a.value), Math.abs(b.value)].sort((p, q) => p - q);
    return x! > 0 && y! / x! <= 2;
  }
  if (a.type === 'date' && b.type === 'date') {
    if (/X/.test(a.value.slice(0, 4)) || /X/.test(b.value.slice(0, 4))) return a.value.slice(5, 7) === b.value.slice(5, 7);
    const da = Date.parse(a.value.slice(0, 10).padEnd(10, '-01').replace(/-$/, ''));
    const db = Date.parse(b.value.slice(0, 10).padEnd(10, '-01').replace(/-$/, ''));
    return Number.isFinite(da) && Number.isFinite(db) && Math.abs(da - db) <= 31 * 86400e3;
  }
  return true;
}

/** The value as it appears in the export: dates and labels as strings, numbers as numbers, sets joined. */
export function plain(v: Value): string | number {
  if (v.type === 'number') return v.value;
  if (v.type === 'set') return v.value.join(', ');
  return v.value;
}

/** A stable key for grouping and ids. */
export function valueKey(v: Value): string {
  if (v.type === 'number') return `${v.bound ?? '='}${v.value}`;
  if (v.type === 'label') return `label:${v.key ?? v.value}`;
  return `${v.type}:${plain(v)}`;
}
