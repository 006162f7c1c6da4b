// Article text as elements built from offsets: paragraphs, sentences with ids (citation targets) and marked
// runs. Every piece of page text goes in as a JSX text child, so it is escaped; none is parsed as HTML.
import type { Child } from 'hono/jsx';
import { segmentText, type Mark, type Run } from '../segments.ts';
import { langAttr } from './layout.tsx';

function RunView(props: { run: Run }) {
  const { run } = props;
  if (!run.marks.length) return <>{run.text}</>;
  const classes = [...new Set(run.marks.map((m) => `m-${m.kind}`))].join(' ');
  const title = [...new Set(run.marks.map((m) => m.title).filter(Boolean))].join(' · ') || undefined;
  const link = run.marks.find((m) => m.href);
  if (link) {
    return (
      <a class={classes} href={link.href} title={title}>
        {run.text}
      </a>
    );
  }
  return run.marks.some((m) => m.kind === 'shared') ? (
    <mark class={classes} title={title}>
      {run.text}
    </mark>
  ) : (
    <span class={classes} title={title}>
      {run.text}
    </span>
  );
}

export function ArticleText(props: {
  text: string;
  lang: string;
  paragraphs?: Array<{ start: number; end: number; lang?: string }>;
  sentences?: Array<{ start: number; end: number }>;
  marks?: Mark[];
  /** sentence id prefix: "s-" on the article page, "a<id>-s-" inside a story */
  idPrefix: string;
}) {
  const paras = segmentText(props.text, { paragraphs: props.paragraphs, sentences: props.sentences, marks: props.marks, articleLang: props.lang });
  const seen = new Set<number>();
  return (
    <div class="article-text" lang={langAttr(props.lang)}>
      {paras.map((p) => (
        <p lang={langAttr(p.lang)}>
          {p.sentences.map((s) => {
            const runs = s.runs.map((r) => <RunView run={r} />);
            if (s.index < 0) return <>{runs}</>;
            const first = !seen.has(s.index);
            seen.add(s.index);
            return (
              <span class="s" id={first ? `${props.idPrefix}${s.index}` : undefined}>
                {runs}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}

/** A sentence of an article as written, for quoting it beside a claim. */
export function sentenceText(text: string, sentences: Array<{ start: number; end: number }>, i: number): string | null {
  const s = sentences[i];
  if (!s) return null;
  return text.slice(Math.max(0, s.start), Math.min(text.length, s.end)).trim() || null;
}
