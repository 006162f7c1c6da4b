// Tokens with character offsets, split the way the NERGrit/IndoLEM training data is split:
// runs of letters (with combining marks) and digits are words; every other visible character is a token.
export interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/** Token texts of a phrase (for building gazetteers in the same token space as the text). */
export function tokenWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.text);
}
