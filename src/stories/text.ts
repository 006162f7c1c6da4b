// Language-independent tokenisation for clustering: words with their case, sentence starts,
// numbers and numeric dates. Language data (stop words) comes in from the caller.

export interface Token {
  /** NFC, lower case. */
  norm: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Contains a digit. */
  num: boolean;
  /** First token of a sentence (or after a hard break): its capital says nothing. */
  first: boolean;
  /** A punctuation mark / break separates it from the previous token. */
  breakBefore: boolean;
}

// A word: letters/digits/marks, allowing inner joiners ("F-15", "11/10", "3.5", "Al-Qaeda", "l'été").
const WORD = /[\p{L}\p{N}\p{M}]+(?:[-'’./,:][\p{L}\p{N}\p{M}]+)*/gu;
const UPPER = /^\p{Lu}/u;
const DIGIT = /\p{N}/u;

export function tokenize(text: string): Token[] {
  const src = text.normalize('NFC');
  const out: Token[] = [];
  let last = 0;
  let sentenceStart = true;
  for (const m of src.matchAll(WORD)) {
    const between = src.slice(last, m.index);
    const word = m[0];
    if (/[.!?…]\s/.test(between) || /\n/.test(between)) sentenceStart = true;
    const hardBreak = /[.!?…;:,()"“”«»\[\]|–—]/.test(between) || /\n/.test(between) || /\s-\s/.test(between);
    if (!DIGIT.test(word) && /[.,:]/.test(word)) {
      // "Reuters.Nữ" / "hay,nói": sentence punctuation with a missing space, not one word
      // (numbers such as "3,5" and "20.10" keep their separators).
      const parts = word.split(/[.,:]/);
      for (let i = 0; i < parts.length; i++) {
        out.push(mk(parts[i], i === 0 ? sentenceStart : true, i === 0 ? hardBreak || out.length === 0 : true));
        sentenceStart = false;
      }
      last = (m.index ?? 0) + word.length;
      continue;
    }
    out.push(mk(word, sentenceStart, hardBreak || out.length === 0));
    sentenceStart = false;
    last = (m.index ?? 0) + word.length;
  }
  return out;
}

function mk(word: string, first: boolean, breakBefore: boolean): Token {
  return { norm: word.toLowerCase(), cap: UPPER.test(word), num: DIGIT.test(word), first, breakBefore };
}

/**
 * Names: runs of capitalised words not split by punctuation ("Shinzo Abe", "Nhật Bản", "Google").
 * A one-word run counts only inside a sentence, where its capital marks a proper noun; a
 * sentence-initial capital is ignored when that word is a stop word (its capital is grammar).
 */
export function nameRuns(tokens: Token[], stop: ReadonlySet<string>): string[] {
  const names: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length >= 2 || (run.length === 1 && !run[0].first && run[0].norm.length >= 2)) names.push(run.map((t) => t.norm).join(' '));
    run = [];
  };
  for (const t of tokens) {
    if (t.breakBefore) flush();
    const capital = t.cap && !t.num && !(t.first && stop.has(t.norm));
    if (capital) run.push(t);
    else flush();
  }
  flush();
  return names;
}

/**
 * Numeric date-like tokens normalised to day/month ("11/10", "20.10", "11-10-2013" -> "11/10").
 * Numbers that are not dates are returned as they are ("27", "3,5").
 */
export function numberKey(norm: string): { kind: 'date' | 'num'; key: string } | null {
  const dm = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?$/.exec(norm);
  if (dm) {
    const d = Number(dm[1]);
    const m = Number(dm[2]);
    if (d >= 1 && d <= 31 && m >= 1 && m <= 12) return { kind: 'date', key: `${d}/${m}` };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(norm);
  if (iso) return { kind: 'date', key: `${Number(iso[3])}/${Number(iso[2])}` };
  if (!/^\p{N}+(?:[.,]\p{N}+)*$/u.test(norm)) return null;
  // Thousands grouping differs by language ("1,487" in English, "1.487" in Indonesian and
  // Vietnamese): groups of exactly three digits are read as grouping, so both give "1487".
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(norm)) norm = norm.replace(/[.,]/g, '');
  // Single digits ("2 người") are too common to say anything about an event.
  if (norm.replace(/\D/g, '').length < 2) return null;
  return { kind: 'num', key: norm };
}

/** Days since 1970-01-01 (UTC) of an ISO date/datetime, or null. */
export function dayOf(published: string | null | undefined): number | null {
  if (!published) return null;
  const t = Date.parse(published.length === 10 ? published + 'T00:00:00Z' : published);
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
}
