// Entity, article, corrections, sign-in, API index and error pages.
import type { KabarExport } from '../../export/schema.ts';
import type { StoredArticle } from '../../store/queries.ts';
import type { Correction } from '../corrections.ts';
import type { EntityView } from '../data.ts';
import { claimFieldLabel, formatDate, label } from '../i18n.ts';
import type { Mark } from '../segments.ts';
import { safeHttpUrl } from '../security.ts';
import { StoryItem } from './home.tsx';
import { ColumnHeads, Layout, NameList, ReportForm, articleHref, entityHref, langAttr, storyHref, type ReportTarget, type ViewCtx } from './layout.tsx';
import { CorrectionsList, EventLine, PlacesMap } from './story.tsx';
import { ArticleText } from './text.tsx';

export function EntityPage(props: { ctx: ViewCtx; e: EntityView }) {
  const { ctx, e } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={e.name}>
      <article>
        <h1>{e.name}</h1>
        <p class="meta">
          {t.entityType}: {label(t.entityTypes, e.type)}
          {e.country ? (
            <>
              {' '}
              · {t.country}: {e.country}
            </>
          ) : null}{' '}
          · <a href={`/?entity=${encodeURIComponent(e.id)}`}>{t.stories}</a>
        </p>
        <ReportForm ctx={ctx} target={{ kind: 'entity', id: e.id, label: e.name }} />
        {e.aliases.length ? (
          <p>
            {t.aliases}:{' '}
            {e.aliases.map((a, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <span lang={langAttr(a.lang)}>{a.text}</span> <span class="meta">({a.lang})</span>
              </>
            ))}
          </p>
        ) : null}
        {e.coordinates ? <PlacesMap ctx={ctx} places={[{ id: e.id, name: e.name, coordinates: e.coordinates }]} /> : null}
        <section aria-labelledby="h-roles">
          <h2 id="h-roles">{t.rolesOverTime}</h2>
          {e.roles.length ? (
            <div class="table-wrap">
              <table>
                <ColumnHeads cols={[t.date, t.roles, t.sources]} />
                <tbody>
                  {e.roles.map((r) => (
                    <tr>
                      <td>{formatDate(r.published, ctx.lang) || '?'}</td>
                      <td>{r.org ? `${r.title}, ${r.org}` : r.title}</td>
                      <td>
                        <a href={articleHref(r.article)}>
                          <bdi>{r.outlet ?? r.article}</bdi>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t.noRoles}</p>
          )}
        </section>
        <section aria-labelledby="h-stories">
          <h2 id="h-stories">{t.stories}</h2>
          <ol class="stories">
            {e.stories.map((s) => (
              <StoryItem ctx={ctx} s={s} />
            ))}
          </ol>
        </section>
        {e.quotes.length ? (
          <section aria-labelledby="h-quotes">
            <h2 id="h-quotes">{t.quotes}</h2>
            {e.quotes.map((q) => {
              const a = e.articles.get(q.article);
              return (
                <blockquote lang={langAttr(a?.language)}>
                  <p>{q.text}</p>
                  <footer class="meta">
                    — <a href={articleHref(q.article)}>{a?.outlet ?? q.article}</a>
                    {a?.published ? <> · {formatDate(a.published, ctx.lang)}</> : null} ({a?.language})
                  </footer>
                </blockquote>
              );
            })}
          </section>
        ) : null}
      </article>
    </Layout>
  );
}

/** Entity, time, event and quote marks of one article, from its story's export document. */
export function articleMarks(ctx: ViewCtx, doc: KabarExport | null, articleId: string): Mark[] {
  if (!doc) return [];
  const t = ctx.t;
  const marks: Mark[] = [];
  for (const e of doc.entities ?? []) {
    for (const m of e.mentions) if (m.article === articleId) marks.push({ start: m.start, end: m.end, kind: 'entity', title: `${e.name} (${label(t.entityTypes, e.type)})`, href: entityHref(e.id) });
  }
  for (const tm of doc.times ?? []) if (tm.article === articleId) marks.push({ start: tm.start, end: tm.end, kind: 'time', title: formatDate(tm.interval?.start ?? tm.value, ctx.lang) || tm.value });
  for (const ev of doc.events ?? []) {
    for (const x of ev.evidence) if (x.article === articleId) marks.push({ start: x.start, end: x.end, kind: 'event', title: label(t.eventTypes, ev.type) });
  }
  return marks;
}

export function ArticlePage(props: { ctx: ViewCtx; a: StoredArticle; doc: KabarExport | null; corrections: Correction[] }) {
  const { ctx, a, doc } = props;
  const t = ctx.t;
  const title = a.title ?? t.untitled;
  const original = safeHttpUrl(a.url);
  const events = (doc?.events ?? []).filter((e) => e.evidence.some((x) => x.article === a.id));
  return (
    <Layout ctx={ctx} title={title}>
      <article>
        <h1 lang={langAttr(a.language)}>{title}</h1>
        <p class="meta">
          <bdi>{a.outlet ?? '?'}</bdi> · {a.language}
          {a.published ? <> · {formatDate(a.published, ctx.lang)}</> : null}
          {a.authors.length ? (
            <>
              {' '}
              · {t.byline} <NameList names={a.authors} />
            </>
          ) : null}
          {a.storyId ? (
            <>
              {' '}
              · {t.inStory} <a href={storyHref(a.storyId)}>{doc?.stories[0]?.title ?? a.storyId}</a>
            </>
          ) : null}
          {original ? (
            <>
              {' '}
              ·{' '}
              <a href={original} rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">
                {t.original}
              </a>
            </>
          ) : null}
        </p>
        <ReportForm ctx={ctx} target={{ kind: 'article', id: a.id, story: a.storyId, article: a.id, label: title }} />
        <p class="legend meta">
          {t.legend}: <span class="m-entity">{t.legendEntity}</span> <span class="m-time">{t.legendTime}</span> <span class="m-event">{t.legendEvent}</span>
        </p>
        <ArticleText text={a.text} lang={a.language} paragraphs={a.paragraphs} sentences={a.sentences} marks={articleMarks(ctx, doc, a.id)} idPrefix="s-" />
        {a.citedSources.length ? (
          <p class="meta">
            {t.citedSources}: {a.citedSources.join(', ')}
          </p>
        ) : null}
        {a.captions.length ? (
          <section aria-labelledby="h-captions">
            <h2 id="h-captions">{t.captions}</h2>
            <ul lang={langAttr(a.language)}>
              {a.captions.map((c) => (
                <li>
                  {c.text}
                  {c.credit ? <span class="meta"> ({c.credit})</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {events.length ? (
          <section aria-labelledby="h-events">
            <h2 id="h-events">{t.timeline}</h2>
            <ul>
              {events.map((e) => (
                <li>
                  <EventLine ctx={ctx} e={e} />
                  {e.evidence
                    .filter((x) => x.article === a.id)
                    .slice(0, 1)
                    .map((x) => (
                      <>
                        {' '}
                        <a href={`#s-${x.sentence}`}>§</a>
                      </>
                    ))}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <CorrectionsList ctx={ctx} list={props.corrections} />
      </article>
    </Layout>
  );
}

function targetHref(c: Correction): string | null {
  switch (c.targetKind) {
    case 'story':
      return storyHref(c.targetId);
    case 'article':
      return articleHref(c.targetId);
    case 'entity':
      return entityHref(c.targetId);
    case 'event':
      return c.story ? `${storyHref(c.story)}#ev-${c.targetId}` : null;
    case 'agreement':
      return c.story ? `${storyHref(c.story)}#ag-${c.targetId}` : null;
    case 'claim':
      return c.story ? `${storyHref(c.story)}#c-${c.targetId}` : null;
    case 'quote':
      return c.story ? `${storyHref(c.story)}#q-${c.targetId}` : null;
    default:
      return c.article ? articleHref(c.article) : c.story ? storyHref(c.story) : null;
  }
}

export function CorrectionsPage(props: { ctx: ViewCtx; list: Correction[]; canReview: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t.corrections}>
      <h1>{t.corrections}</h1>
      <p>{t.reviewList}</p>
      {props.list.length ? (
        <div class="table-wrap">
          <table>
            <ColumnHeads cols={['#', t.target, t.message, t.suggested, t.filed, t.status]} />
            <tbody>
              {props.list.map((c) => {
                const href = targetHref(c);
                return (
                  <tr id={`corr-${c.id}`}>
                    <td>{c.id}</td>
                    <td>
                      {label(t.targetKinds, c.targetKind)} {href ? <a href={href}>{c.targetId}</a> : c.targetId}
                      {c.field ? ` (${c.field})` : ''}
                    </td>
                    <td>{c.message}</td>
                    <td>{c.suggestion ?? ''}</td>
                    <td>{formatDate(c.created, ctx.lang)}</td>
                    <td>
                      {label({ open: t.open, accepted: t.accepted, rejected: t.rejected }, c.status)}
                      {props.canReview && c.status === 'open' ? (
                        <form method="post" action={`/corrections/${c.id}/review`}>
                          <input type="hidden" name="_csrf" value={ctx.csrf} />
                          <button type="submit" name="status" value="accepted">
                            {t.accept}
                          </button>{' '}
                          <button type="submit" name="status" value="rejected" class="secondary">
                            {t.reject}
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.noCorrections}</p>
      )}
    </Layout>
  );
}

export function LoginPage(props: { ctx: ViewCtx; next: string; failed?: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t.login}>
      <h1>{t.login}</h1>
      {props.failed ? (
        <p class="warning" role="alert">
          {t.forbidden}
        </p>
      ) : null}
      <form method="post" action="/login">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label for="token">{t.token}</label>
        <input type="password" id="token" name="token" autocomplete="current-password" required />
        <p>
          <button type="submit">{t.signIn}</button>
        </p>
      </form>
    </Layout>
  );
}

export function MessagePage(props: { ctx: ViewCtx; title: string; text: string }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p>
        <a href="/">{props.ctx.t.navHome}</a>
      </p>
    </Layout>
  );
}

export function ApiIndexPage(props: { ctx: ViewCtx; routes: Array<{ method: string; path: string; summary: string }> }) {
  return (
    <Layout ctx={props.ctx} title="API">
      <h1>API</h1>
      <p>
        <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1)
      </p>
      <div class="table-wrap">
        <table>
          <tbody>
            {props.routes.map((r) => (
              <tr>
                <td>
                  <code>{r.method.toUpperCase()}</code>
                </td>
                <td>
                  <code>{r.path}</code>
                </td>
                <td>{r.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function ReportPage(props: { ctx: ViewCtx; target: ReportTarget; next: string; back: string | null }) {
  const { ctx, target } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t.reportError}>
      <h1>{t.reportError}</h1>
      <p>
        {t.reportFor}: {label(t.targetKinds, target.kind)}
        {target.field ? ` (${claimFieldLabel(t, target.field)})` : ''} — <strong>{target.label}</strong>
      </p>
      {props.back ? (
        <p>
          <a href={props.back}>← {target.label}</a>
        </p>
      ) : null}
      <ReportForm ctx={ctx} target={target} open next={props.next} />
    </Layout>
  );
}
