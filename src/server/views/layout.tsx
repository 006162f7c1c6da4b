// The page frame and the pieces every page uses: language switch, report-an-error form, badges, links.
import type { Child } from 'hono/jsx';
import { dict, UI_LANGS, type Dict, type UiLang } from '../i18n.ts';

export interface ViewCtx {
  lang: UiLang;
  t: Dict;
  /** CSRF token to put in forms */
  csrf: string;
  /** path + query of this page (the language switch and forms come back here) */
  here: string;
  /** writes possible at all on this server */
  writable: boolean;
  /** this client may write now (no token needed, or token presented) */
  canWrite: boolean;
  /** a notice to show at the top (after a form was sent) */
  notice?: string | null;
}

/** A BCP 47 tag for a `lang` attribute, or undefined when unknown (never an arbitrary string). */
export function langAttr(code: string | null | undefined): string | undefined {
  return code && code !== 'und' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code) ? code : undefined;
}

export function Layout(props: { ctx: ViewCtx; title: string; children?: Child; feeds?: Array<{ type: 'rss' | 'atom'; href: string; title: string }> }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title ? `${props.title} · ${t.siteName}` : t.siteName}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
        {(props.feeds ?? []).map((f) => (
          <link rel="alternate" type={f.type === 'rss' ? 'application/rss+xml' : 'application/atom+xml'} href={f.href} title={f.title} />
        ))}
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skip}
        </a>
        <header class="site">
          <a class="brand" href="/">
            {t.siteName}
            <small>{t.tagline}</small>
          </a>
          <nav aria-label={t.siteName}>
            <ul>
              <li>
                <a href="/">{t.navHome}</a>
              </li>
              <li>
                <a href="/corrections">{t.navCorrections}</a>
              </li>
              <li>
                <a href="/api">{t.navApi}</a>
              </li>
            </ul>
          </nav>
          <nav class="langs" aria-label={t.language}>
            {UI_LANGS.map((l, i) => (
              <>
                {i > 0 ? ' · ' : ''}
                <a href={`/lang/${l}?next=${encodeURIComponent(ctx.here)}`} lang={l} hreflang={l} aria-current={l === ctx.lang ? 'true' : undefined}>
                  {dict(l).langName}
                </a>
              </>
            ))}
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {ctx.notice ? (
            <p class="notice" role="status">
              {ctx.notice}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="site">
          <p>
            {t.siteName} — {t.tagline}. <a href="/openapi.json">OpenAPI</a> · <a href="/feeds/stories.rss">RSS</a> · <a href="/feeds/stories.atom">Atom</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

export interface ReportTarget {
  kind: 'story' | 'article' | 'fact' | 'event' | 'agreement' | 'entity' | 'quote' | 'claim';
  id: string;
  story?: string | null;
  article?: string | null;
  field?: string;
  /** what the reader sees the report is about */
  label: string;
}

/**
 * "Report an error" for one of many items on a page (a fact, an event, an agreement, a quote): a link to the
 * form on its own page, so a story with hundreds of facts does not carry hundreds of forms.
 */
export function ReportLink(props: { ctx: ViewCtx; target: ReportTarget }) {
  const { ctx, target } = props;
  const q = new URLSearchParams({ kind: target.kind, id: target.id });
  if (target.story) q.set('story', target.story);
  if (target.article) q.set('article', target.article);
  if (target.field) q.set('field', target.field);
  q.set('next', ctx.here);
  return (
    <p class="report-link">
      <a href={`/report?${q}`} rel="nofollow">
        {ctx.t.reportError}
        <span class="visually-hidden"> — {target.label}</span>
      </a>
    </p>
  );
}

/** "Report an error": a collapsed form posting to /corrections (works without script); open on the /report page. */
export function ReportForm(props: { ctx: ViewCtx; target: ReportTarget; open?: boolean; next?: string }) {
  const { ctx, target } = props;
  const t = ctx.t;
  const uid = `r-${target.kind}-${target.id}${target.field ? '-' + target.field : ''}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <details class="report" open={props.open}>
      <summary>
        {t.reportError}
        <span class="visually-hidden"> — {target.label}</span>
      </summary>
      {!ctx.canWrite ? (
        <p class="warning">
          {t.tokenNeeded} {ctx.writable ? <a href={`/login?next=${encodeURIComponent(ctx.here)}`}>{t.login}</a> : null}
        </p>
      ) : (
        <form method="post" action="/corrections" aria-label={`${t.reportFor}: ${target.label}`}>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <input type="hidden" name="targetKind" value={target.kind} />
          <input type="hidden" name="targetId" value={target.id} />
          {target.story ? <input type="hidden" name="story" value={target.story} /> : null}
          {target.article ? <input type="hidden" name="article" value={target.article} /> : null}
          {target.field ? <input type="hidden" name="field" value={target.field} /> : null}
          <input type="hidden" name="next" value={props.next ?? ctx.here} />
          <label for={`${uid}-m`}>{t.whatIsWrong}</label>
          <textarea id={`${uid}-m`} name="message" rows={3} required minlength={3} maxlength={4000}></textarea>
          <label for={`${uid}-s`}>{t.suggestion}</label>
          <textarea id={`${uid}-s`} name="suggestion" rows={2} maxlength={4000}></textarea>
          <div>
            <button type="submit">{t.send}</button>
          </div>
        </form>
      )}
    </details>
  );
}

/** A table's column headings (each a `th scope="col"`). */
export function ColumnHeads(props: { cols: string[] }) {
  return (
    <thead>
      <tr>
        {props.cols.map((c) => (
          <th scope="col">{c}</th>
        ))}
      </tr>
    </thead>
  );
}

export function Badge(props: { ctx: ViewCtx; status: string }) {
  return <span class={`badge ${props.status.replace(/[^a-z-]/g, '')}`}>{props.ctx.t.claimStatus[props.status] ?? props.status}</span>;
}

export function storyHref(id: string): string {
  return `/story/${encodeURIComponent(id)}`;
}
export function articleHref(id: string, sentence?: number): string {
  return `/article/${encodeURIComponent(id)}${sentence !== undefined && sentence >= 0 ? `#s-${sentence}` : ''}`;
}
export function entityHref(id: string): string {
  return `/entity/${encodeURIComponent(id)}`;
}

/**
 * Names from pages (outlets, authors), each isolated in <bdi>: a right-to-left name, or one carrying a bidi
 * override, cannot reorder the text around it.
 */
export function NameList(props: { names: string[]; empty?: string }) {
  if (!props.names.length) return <>{props.empty ?? '?'}</>;
  return (
    <>
      {props.names.map((n, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <bdi>{n}</bdi>
        </>
      ))}
    </>
  );
}
