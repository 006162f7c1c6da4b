// Marking an article's text from offsets: the text is cut at every paragraph, sentence and mark boundary
// into runs, each run knowing its paragraph, its sentence and the marks covering it. Views render the runs
// as escaped text inside elements they build; nothing from the page is ever treated as markup.

export interface Mark {
  start: number;
  end: number;
  kind: 'entity' | 'time' | 'event' | 'shared' | 'quote';
  /** Shown on hover and read by screen readers. */
  title?: string;
  /** A link target (entity page); only used for the innermost link of a run. */
  href?: string;
}

export interface Run {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
}

export interface SentenceRuns {
  /** Sentence index in the article, or -1 for text between sentences. */
  index: number;
  runs: Run[];
}

export interface ParagraphRuns {
  lang: string | null;
  sentences: SentenceRuns[];
}

interface Span {
  start: number;
  end: number;
}

function clampSpans<T extends Span>(spans: T[], len: number): T[] {
  return spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start && s.start < len && s.end > 0)
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(len, s.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Paragraph spans from the stored ones, or from blank lines when none are stored. */
function paragraphSpans(text: string, paragraphs: Array<Span & { lang?: string }> | undefined): Array<Span & { lang?: string }> {
  const given = clampSpans(paragraphs ?? [], text.length);
  if (given.length) return given;
  const out: Array<Span & { lang?: string }> = [];
  const re = /\n\s*\n/g;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > from) out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push({ start: from, end: text.length });
  return out;
}

/**
 * Cut `text` into paragraphs → sentences → runs. Sentence spans and marks may be missing, overlap or
 * point outside the text (stored data from older versions): such spans are clipped or dropped, never trusted.
 */
export function segmentText(
  text: string,
  opts: { paragraphs?: Array<Span & { lang?: string }>; sentences?: Span[]; marks?: Mark[]; articleLang?: string },
): ParagraphRuns[] {
  const len = text.length;
  const paras = paragraphSpans(text, opts.paragraphs);
  const sentences = (opts.sentences ?? []).map((s, index) => ({ start: s.start, end: s.end, index }));
  const sents = clampSpans(sentences, len);
  const marks = clampSpans(opts.marks ?? [], len);
  const out: ParagraphRuns[] = [];
  for (const p of paras) {
    const cuts = new Set<number>([p.start, p.end]);
    const inP = (s: Span) => s.end > p.start && s.start < p.end;
    const ps = sents.filter(inP);
    const pm = marks.filter(inP);
    for (const s of [...ps, ...pm]) {
      if (s.start > p.start && s.start < p.end) cuts.add(s.start);
      if (s.end > p.start && s.end < p.end) cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const para: ParagraphRuns = { lang: p.lang && p.lang !== opts.articleLang && p.lang !== 'und' ? p.lang : null, sentences: [] };
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      const sent = ps.find((s) => s.start <= a && s.end >= b);
      const index = sent ? sent.index : -1;
      const run: Run = { start: a, end: b, text: text.slice(a, b), marks: pm.filter((m) => m.start <= a && m.end >= b) };
      const last = para.sentences[para.sentences.length - 1];
      if (last && last.index === index) last.runs.push(run);
      else para.sentences.push({ index, runs: [run] });
    }
    out.push(para);
  }
  return out;
}
