// Word tokens with character offsets for the event coder: letters/digits with inner apostrophes,
// hyphens and dots ("didn't", "free-trade", "U.N"), numbers with digit groups ("300,000"), every other visible character on its own.
export interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
}

export function tokens(text: string, from = 0, to = text.length): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(from, to);
  const re = /\p{N}{1,3}(?:[.,]\p{N}{3})+(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const t = m[0];
    out.push({ text: t, lower: t.toLowerCase().replace(/’/g, "'"), start: from + m.index, end: from + m.index + t.length });
  }
  return out;
}
