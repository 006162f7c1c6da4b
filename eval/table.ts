// Plain-text tables for eval output (also valid Markdown, so they paste into notes).
export type Row = Record<string, string | number>;

export function fmt(v: string | number): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  return v;
}

export function table(rows: Row[]): string {
  if (rows.length === 0) return '(no rows)\n';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => cols.map((c) => (r[c] === undefined ? '' : fmt(r[c]!))));
  const w = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (xs: string[]) => '| ' + xs.map((x, i) => x.padEnd(w[i]!)).join(' | ') + ' |';
  return [line(cols), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...cells.map(line)].join('\n') + '\n';
}
