import type { StorySummary } from '../../store/queries.ts';
import type { FilterOptions, Filters, Hit } from '../data.ts';
import { formatDate, formatRange } from '../i18n.ts';
import { Layout, NameList, articleHref, langAttr, storyHref, type ViewCtx } from './layout.tsx';
import { Snippet } from './text.tsx';

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

export function HomePage(props: { ctx: ViewCtx; filters: Filters; options: FilterOptions; stories: StorySummary[]; hits: readonly Hit[] | null; page: number; pageSize: number }) {
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
                  <option value="">{t.filterAny}</option>
                  {options.languages.map((l) => (
                    <option value={l} selected={f.lang === l}>
                      {l}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="f-outlet">{t.filterOutlet}</label>
                <select id="f-outlet" name="outlet">
                  <option value="">{t.filterAny}</option>
                  {options.outlets.map((o) => (
                    <option value={o} selected={f.outlet === o}>
                      {o}
                    </option>
                  ))}
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
          <ul class="hits">
            {props.hits!.map((h) => (
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
              </li>
            ))}
          </ul>
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
