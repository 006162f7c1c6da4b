// The search page's pieces as JSX, as the page rendered them before they were written as strings
// (src/server/views/home.tsx: hitHtml, the filters' option lists); test/server-render.test.ts compares.
import { SNIP_CLOSE, SNIP_OPEN, type Hit } from '../src/server/data.ts';
import { formatDate } from '../src/server/i18n.ts';
import { articleHref, langAttr, storyHref, type ViewCtx } from '../src/server/views/layout.tsx';
import type { Child } from 'hono/jsx';

/** A search snippet with its matched words in <mark> (the markers are private-use characters), as the page rendered it. */
function Snippet(props: { text: string }) {
  const parts: Child[] = [];
  const re = new RegExp(`${SNIP_OPEN}([^${SNIP_CLOSE}]*)${SNIP_CLOSE}`, 'g');
  let last = 0;
  for (let m = re.exec(props.text); m; m = re.exec(props.text)) {
    if (m.index > last) parts.push(props.text.slice(last, m.index));
    parts.push(<mark>{m[1]}</mark>);
    last = m.index + m[0].length;
  }
  if (last < props.text.length) parts.push(props.text.slice(last).replace(new RegExp(`[${SNIP_OPEN}${SNIP_CLOSE}]`, 'g'), ''));
  return <>{parts}</>;
}

export function hitJsx(h: Hit, ctx: ViewCtx): string {
  const t = ctx.t;
  return String(
    <li>
      <h3>
        <a href={articleHref(h.article)} lang={langAttr(h.language)}>
          {h.title ?? t.untitled}
        </a>
      </h3>
      <p lang={langAttr(h.language)}>
        <Snippet text={h.snippet} />
      </p>
      <p class="meta">
        <bdi>{h.outlet ?? '?'}</bdi> · {h.language}
        {h.published ? <> · {formatDate(h.published, ctx.lang)}</> : null}
        {h.story ? (
          <>
            {' '}
            · {t.inStory} <a href={storyHref(h.story)}>{h.story}</a>
          </>
        ) : null}
      </p>
    </li>,
  );
}

export function optionsJsx(values: readonly string[], selected: string | undefined, any: string): string {
  return String(
    <select id="f" name="f">
      <option value="">{any}</option>
      {values.map((v) => (
        <option value={v} selected={selected === v}>
          {v}
        </option>
      ))}
    </select>,
  );
}
