import { raw } from 'hono/html';
import { escapeToBuffer } from 'hono/utils/html';
import type { StorySummary } from '../../store/queries.ts';
import { SNIP_CLOSE, SNIP_OPEN, type FilterOptions, type Filters, type Hit } from '../data.ts';
import { formatDate, formatRange } from '../i18n.ts';
import { Layout, NameList, articleHref, langAttr, storyHref, type ViewCtx } from './layout.tsx';

export function feedQuery(f: Filters): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.entity) p.set('entity', f.entity);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function StoryItem(props: { ctx: ViewCtx; s: StorySummary }) {
  const { ctx, s } = props;
  const t = ctx.t;
  return (
    <li>
      <h3>
        <a href={storyHref(s.id)}>{s.title ?? t.untitled}</a>
      </h3>
      <p class="meta">
        {t.articlesN(s.articles)} · {t.outlets}: <NameList names={s.outlets} /> · {t.languages}: {s.languages.join(', ')}
        {s.firstPublished || s.lastPublished ? <> · {formatRange(s.firstPublished, s.lastPublished, ctx.lang)}</> : null}
      </p>
    </li>
  );
}

export function HomePage(props: {
  ctx: ViewCtx;
  filters: Filters;
  options: FilterOptions;
  stories: StorySummary[];
  hits: readonly Hit[] | null;
  page: number;
  pageSize: number;
  /** the hits' list items as written (searchShell's slot) instead of written from `hits` */
  hitsHtml?: string;
}) {
  const { ctx, filters: f, options } = props;
  const t = ctx.t;
  const fq = feedQuery(f);
  const searching = props.hits !== null;
  const filtersOpen = !!(f.lang || f.outlet || f.from || f.to || f.entity);
  const pageLink = (p: number) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) u.set(k, v);
    if (p > 1) u.set('page', String(p));
    const s = u.toString();
    return s ? `/?${s}` : '/';
  };
  const count = searching ? props.hits!.length : props.stories.length;
  return (
    <Layout
      ctx={ctx}
      title={searching ? `${t.results}: ${f.q}` : t.latestStories}
      feeds={[
        { type: 'rss', href: `/feeds/stories.rss${fq}`, title: `${t.siteName} RSS` },
        { type: 'atom', href: `/feeds/stories.atom${fq}`, title: `${t.siteName} Atom` },
      ]}
    >
      <form class="search" method="get" action="/" role="search">
        <div class="q">
          <label for="q">{t.searchLabel}</label>
          <input type="search" id="q" name="q" value={f.q ?? ''} maxlength={300} />
        </div>
        <button type="submit">{t.searchButton}</button>
        <details open={filtersOpen}>
          <summary>{t.filters}</summary>
          <fieldset>
            <legend>{t.filters}</legend>
            <div class="grid">
              <div>
                <label for="f-lang">{t.filterLanguage}</label>
                <select id="f-lang" name="lang">
                  {optionsHtml(options.languages, f.lang, t.filterAny)}
                </select>
              </div>
              <div>
                <label for="f-outlet">{t.filterOutlet}</label>
                <select id="f-outlet" name="outlet">
                  {optionsHtml(options.outlets, f.outlet, t.filterAny)}
                </select>
              </div>
              <div>
                <label for="f-from">{t.filterFrom}</label>
                <input type="date" id="f-from" name="from" value={f.from ?? ''} />
              </div>
              <div>
                <label for="f-to">{t.filterTo}</label>
                <input type="date" id="f-to" name="to" value={f.to ?? ''} />
              </div>
              <div>
                <label for="f-entity">{t.filterEntity}</label>
                <input type="text" id="f-entity" name="entity" value={f.entity ?? ''} maxlength={200} />
              </div>
            </div>
            <p>
              <button type="submit">{t.apply}</button> <a href="/">{t.clear}</a>
            </p>
          </fieldset>
        </details>
      </form>
      <h1>{searching ? t.results : t.latestStories}</h1>
      {searching ? (
        props.hits!.length ? (
          <ul class="hits">{raw(props.hitsHtml ?? props.hits!.map((h) => hitHtml(h, ctx)).join(''))}</ul>
        ) : (
          <p>{t.noResults}</p>
        )
      ) : props.stories.length ? (
        <ol class="stories">
          {props.stories.map((s) => (
            <StoryItem ctx={ctx} s={s} />
          ))}
        </ol>
      ) : (
        <p>{t.noStories}</p>
      )}
      <nav class="pager" aria-label="pages">
        <span>{props.page > 1 ? <a href={pageLink(props.page - 1)} rel="prev">← {t.prev}</a> : null}</span>
        <span>{count >= props.pageSize ? <a href={pageLink(props.page + 1)} rel="next">{t.next} →</a> : null}</span>
      </nav>
      <p class="meta">
        {t.feeds}: <a href={`/feeds/stories.rss${fq}`}>{t.feedRss}</a> · <a href={`/feeds/stories.atom${fq}`}>{t.feedAtom}</a>
      </p>
    </Layout>
  );
}

const escaped = (s: string): string => {
  const b = [''];
  escapeToBuffer(s, b);
  return b[0]!;
};

/**
 * A filter's <option>s (languages, outlets): rendered once per list, selection and interface language, then reused
 * (the lists change only when articles are added: filterOptions gives the same arrays until then). A selection the
 * list lacks selects nothing, as no selection.
 */
const optionLists = new WeakMap<readonly string[], Map<string, ReturnType<typeof raw>>>();
function optionsHtml(values: readonly string[], selected: string | undefined, any: string) {
  let kept = optionLists.get(values);
  if (!kept) optionLists.set(values, (kept = new Map()));
  const sel = selected !== undefined && values.includes(selected) ? selected : undefined;
  const key = `${any}\u0000${sel ?? ''}\u0000${sel === undefined ? 0 : 1}`;
  let html = kept.get(key);
  if (html === undefined) {
    html = raw(
      String(
        <>
          <option value="">{any}</option>
          {values.map((v) => (
            <option value={v} selected={sel === v}>
              {v}
            </option>
          ))}
        </>,
      ),
    );
    kept.set(key, html);
  }
  return html;
}

const snippetMark = new RegExp(`${SNIP_OPEN}([^${SNIP_CLOSE}]*)${SNIP_CLOSE}`, 'g');
const snippetStray = new RegExp(`[${SNIP_OPEN}${SNIP_CLOSE}]`, 'g');

/**
 * A search hit as a list item, written as a string with hono's own escaping: rendered element by element through
 * JSX, a page's twenty hits cost more than the rest of the page and the search (test/render-reference.tsx holds
 * the JSX this writes; test/server-render.test.ts compares). The snippet's matches (between SNIP_OPEN and SNIP_CLOSE) become <mark>s.
 */
export function hitHtml(h: Hit, ctx: ViewCtx): string {
  const t = ctx.t;
  const lang = langAttr(h.language);
  const langA = lang === undefined ? '' : ` lang="${escaped(lang)}"`;
  let snip = '';
  let last = 0;
  snippetMark.lastIndex = 0;
  for (let m = snippetMark.exec(h.snippet); m; m = snippetMark.exec(h.snippet)) {
    if (m.index > last) snip += escaped(h.snippet.slice(last, m.index));
    snip += `<mark>${escaped(m[1]!)}</mark>`;
    last = m.index + m[0].length;
  }
  if (last < h.snippet.length) snip += escaped(h.snippet.slice(last).replace(snippetStray, ''));
  return (
    `<li><h3><a href="${escaped(articleHref(h.article))}"${langA}>${escaped(h.title ?? t.untitled)}</a></h3>` +
    `<p${langA}>${snip}</p>` +
    `<p class="meta"><bdi>${escaped(h.outlet ?? '?')}</bdi> · ${escaped(h.language)}` +
    (h.published ? ` · ${escaped(formatDate(h.published, ctx.lang))}` : '') +
    (h.story ? ` · ${escaped(t.inStory)} <a href="${escaped(storyHref(h.story))}">${escaped(h.story)}</a>` : '') +
    '</p></li>'
  );
}

// A search page is the same page around its hits for every query with the same filters, page and interface: kept
// written with slots (private-use characters, which cleanFilters' queries and safe paths may hold: such requests are
// written whole) where the query, the reader's path and the hits go, and filled in one pass per request. Writing it
// through JSX costs more than the search itself for a page of new queries.
const SLOT_Q = '\uE010';
const SLOT_HERE = '\uE011';
const SLOT_HITS = '\uE012';
/** the query's and the path's slots as links write them (URL-encoded) */
const SLOT_Q_URL = encodeURIComponent(SLOT_Q);
const SLOT_HERE_URL = encodeURIComponent(SLOT_HERE);
/** the slots as they appear written: as text (escaped: nothing to escape in them), and URL-encoded in links */
const SLOTS = new RegExp([SLOT_Q, SLOT_HERE, SLOT_HITS, SLOT_Q_URL, SLOT_HERE_URL].join('|'), 'g');
const HAS_SLOT = /[\uE010-\uE012]/;

export interface SearchShell {
  html: string;
}

/** The search page's shell for these filters (their query aside), or null when a slot cannot stand for them. */
export function searchShell(props: { ctx: ViewCtx; filters: Filters; options: FilterOptions; hits: readonly Hit[]; page: number; pageSize: number }): SearchShell | null {
  const { ctx, filters: f } = props;
  if (!f.q || HAS_SLOT.test(f.q) || HAS_SLOT.test(ctx.here)) return null;
  const shell: SearchShell = {
    html: String(
      <HomePage ctx={{ ...ctx, here: SLOT_HERE }} filters={{ ...f, q: SLOT_Q }} options={props.options} stories={[]} hits={props.hits} hitsHtml={SLOT_HITS} page={props.page} pageSize={props.pageSize} />,
    ),
  };
  // the shell filled for this query must be the page written whole: anything else in it that looks like a slot (an
  // outlet's name, say) and the shell is not used
  const whole = String(<HomePage ctx={ctx} filters={f} options={props.options} stories={[]} hits={props.hits} page={props.page} pageSize={props.pageSize} />);
  return fillShell(shell, ctx, f, props.hits) === whole ? shell : null;
}

/** The search page for this query from a shell made for its filters (searchShell). */
export function fillShell(shell: SearchShell, ctx: ViewCtx, f: Filters, hits: readonly Hit[]): string {
  const q = f.q ?? '';
  const values: Record<string, string> = {
    [SLOT_Q]: escaped(q),
    [SLOT_HERE]: escaped(ctx.here),
    [SLOT_HITS]: hits.map((h) => hitHtml(h, ctx)).join(''),
    // in links: the query as URLSearchParams writes it (pageLink, feedQuery), the path as encodeURIComponent does
    [SLOT_Q_URL]: escaped(new URLSearchParams([['q', q]]).toString().slice(2)),
    [SLOT_HERE_URL]: escaped(encodeURIComponent(ctx.here)),
  };
  return shell.html.replace(SLOTS, (m) => values[m]!);
}
