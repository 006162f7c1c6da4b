import { raw } from 'hono/html';
import { randomBytes } from 'node:crypto';
import { Lru } from '../../util/lru.ts';
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

type HomeProps = { ctx: ViewCtx; filters: Filters; options: FilterOptions; stories: StorySummary[]; hits: readonly Hit[] | null; page: number; pageSize: number };

export function HomePage(props: HomeProps & { /** what goes in the hits' list instead of the hits (searchPageHtml) */ hitsSlot?: string }) {
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
          <ul class="hits">{raw(props.hitsSlot ?? props.hits!.map((h) => hitHtml(h, ctx)).join(''))}</ul>
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

/**
 * A search page: HomePage with hits. Its frame (the layout, the search form with its filter lists, the pager and
 * feed links) depends on the query only where the query is written into it, so it is rendered once per interface,
 * filters other than the query, page and kind of result (none, fewer than a page, a full page), with the query, the
 * page's own address and the hits left as slots; a page is then the frame's pieces with those written in (rendering
 * the frame through JSX cost more than a page's search). Where the query goes, it is escaped as JSX escapes it, or
 * form-encoded first as URLSearchParams writes it (links): which, is found by rendering the frame twice, with a query
 * ending in a space and without. The first page of each frame is also rendered whole and compared: a frame that does
 * not give the same bytes is not used.
 */
export function searchPageHtml(props: HomeProps & { hits: readonly Hit[]; filters: Filters & { q: string } }): string {
  const { ctx, filters: f, hits } = props;
  const { q: _q, ...rest } = f;
  let optionsId = optionIds.get(props.options);
  if (optionsId === undefined) optionIds.set(props.options, (optionsId = nextOptionsId++));
  const key = JSON.stringify([ctx.lang, ctx.csrf, ctx.writable, ctx.canWrite, ctx.notice ?? null, Object.keys(f), rest, props.page, props.pageSize, hits.length > 0, hits.length >= props.pageSize, optionsId]);
  let frame = frames.get(key);
  if (frame === undefined) {
    frame = makeFrame(props);
    const whole = '<!doctype html>' + String(<HomePage {...props} />);
    if (frame && fill(frame, props) !== whole) frame = false;
    frames.set(key, frame);
    return whole;
  }
  return frame ? fill(frame, props) : '<!doctype html>' + String(<HomePage {...props} />);
}

interface Frame {
  parts: string[];
  slots: Array<'q' | 'qUrl' | 'here' | 'hits'>;
}
const frames = new Lru<Frame | false>(256);
const optionIds = new WeakMap<FilterOptions, number>();
let nextOptionsId = 0;
// slot names: letters and digits (no escaping or URL encoding changes them), random per process
const SLOT = randomBytes(12).toString('hex');
const SLOT_Q = `q${SLOT}`;
const SLOT_HERE = `h${SLOT}`;
const SLOT_HITS = `r${SLOT}`;
const SLOTS = new RegExp(`(${SLOT_Q}|${SLOT_HERE}|${SLOT_HITS})`);

function makeFrame(props: HomeProps & { filters: Filters & { q: string } }): Frame | false {
  const render = (q: string) => '<!doctype html>' + String(<HomePage {...props} ctx={{ ...props.ctx, here: SLOT_HERE }} filters={{ ...props.filters, q }} hitsSlot={SLOT_HITS} />);
  const pieces = render(SLOT_Q).split(SLOTS);
  // the same with a query ending in a space: written " " where the query is written as text, "+" where form-encoded
  const spaced = render(SLOT_Q + ' ');
  const parts: string[] = [];
  const slots: Frame['slots'] = [];
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!spaced.startsWith(piece, at)) return false;
    at += piece.length;
    if (i % 2 === 0) {
      parts.push(piece);
      continue;
    }
    if (piece === SLOT_Q) {
      const next = spaced[at];
      if (next !== ' ' && next !== '+') return false;
      slots.push(next === ' ' ? 'q' : 'qUrl');
      at++;
    } else slots.push(piece === SLOT_HERE ? 'here' : 'hits');
  }
  return at === spaced.length ? { parts, slots } : false;
}

function fill(frame: Frame, props: HomeProps & { hits: readonly Hit[]; filters: Filters & { q: string } }): string {
  const q = props.filters.q;
  let out = frame.parts[0]!;
  for (let i = 0; i < frame.slots.length; i++) {
    const slot = frame.slots[i];
    out +=
      slot === 'q'
        ? escaped(q)
        : slot === 'qUrl'
          ? escaped(new URLSearchParams([['q', q]]).toString().slice(2))
          : slot === 'here'
            ? escaped(encodeURIComponent(props.ctx.here))
            : props.hits.map((h) => hitHtml(h, props.ctx)).join('');
    out += frame.parts[i + 1]!;
  }
  return out;
}
