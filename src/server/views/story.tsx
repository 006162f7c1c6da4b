import type { ExportEvent, KabarExport } from '../../export/schema.ts';
import type { StoryView } from '../data.ts';
import type { BriefCitation, BriefClaim } from '../brief.ts';
import type { Correction } from '../corrections.ts';
import { claimFieldLabel, formatDate, formatRange, label } from '../i18n.ts';
import type { Mark } from '../segments.ts';
import { safeHttpUrl } from '../security.ts';
import { Badge, ColumnHeads, Layout, NameList, ReportForm, ReportLink, articleHref, entityHref, langAttr, type ViewCtx } from './layout.tsx';
import { ArticleText, sentenceText } from './text.tsx';

type Doc = KabarExport;
type Evidence = { article: string; sentence: number; start?: number; end?: number };

/** Outlet name linking to the sentence that states it; the sentence itself on hover. */
export function SourceLink(props: { doc: Doc; ev: Evidence }) {
  const a = props.doc.articles.find((x) => x.id === props.ev.article);
  const name = a?.outlet ?? a?.title ?? props.ev.article;
  const said = a ? sentenceText(a.text, a.sentences, props.ev.sentence) : null;
  return (
    <a href={articleHref(props.ev.article, props.ev.sentence)} title={said ?? undefined} class="source">
      {name}
    </a>
  );
}

function Sources(props: { doc: Doc; evidence: Evidence[] }) {
  // one link per article (the first sentence it states the thing in)
  const seen = new Set<string>();
  const ev = props.evidence.filter((e) => (seen.has(e.article) ? false : (seen.add(e.article), true)));
  return (
    <>
      {ev.map((e, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <SourceLink doc={props.doc} ev={e} />
        </>
      ))}
    </>
  );
}

/** A quoted source sentence, as written and marked with its language. */
function Quoted(props: { doc: Doc; ev: Evidence }) {
  const a = props.doc.articles.find((x) => x.id === props.ev.article);
  if (!a) return null;
  const s = sentenceText(a.text, a.sentences, props.ev.sentence);
  if (!s) return null;
  return (
    <blockquote lang={langAttr(a.language)}>
      <p>{s}</p>
      <footer class="meta">
        — <SourceLink doc={props.doc} ev={props.ev} /> ({a.language})
      </footer>
    </blockquote>
  );
}

function eventDate(ctx: ViewCtx, e: ExportEvent): string {
  return formatRange(e.date.start, e.date.end, ctx.lang) || formatDate(e.date.value, ctx.lang);
}

function partyText(ps: ExportEvent['actors']): string {
  return ps.map((p) => p.text).join(', ');
}

export function EventLine(props: { ctx: ViewCtx; e: ExportEvent }) {
  const { ctx, e } = props;
  const t = ctx.t;
  const actors = partyText(e.actors);
  const recipients = partyText(e.recipients);
  return (
    <>
      <strong>{label(t.eventTypes, e.type)}</strong>
      {e.mode ? <> ({label(t.eventModes, e.mode)})</> : null}
      {e.negated ? <> — {t.negated}</> : null}
      {actors ? (
        <>
          {' '}
          · {t.actors}: {actors}
        </>
      ) : null}
      {recipients ? (
        <>
          {' '}
          · {t.recipients}: {recipients}
        </>
      ) : null}
      {e.location ? (
        <>
          {' '}
          · {t.place}: {e.location.text}
        </>
      ) : null}
      {e.modality !== 'asserted' ? <> · {label(t.modality, e.modality)}</> : null}
    </>
  );
}

function Timeline(props: { ctx: ViewCtx; doc: Doc; story: string }) {
  const { ctx, doc } = props;
  const t = ctx.t;
  const events = [...(doc.events ?? [])].sort((a, b) => {
    const x = a.date.start ?? a.date.value ?? '~';
    const y = b.date.start ?? b.date.value ?? '~';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (!events.length) return <p>{t.noEvents}</p>;
  return (
    <ol class="timeline">
      {events.map((e) => (
        <li class={e.background ? 'bg' : undefined} id={`ev-${e.id}`}>
          <time datetime={/^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.date.start ?? '') ? e.date.start! : undefined}>{eventDate(ctx, e) || '?'}</time>
          {e.background ? (
            <>
              <span class="badge background" title={t.backgroundTitle}>
                {t.background}
              </span>{' '}
            </>
          ) : null}
          <EventLine ctx={ctx} e={e} />
          <div class="meta">
            {t.sources}: <Sources doc={doc} evidence={e.evidence} />
          </div>
          <ReportLink ctx={ctx} target={{ kind: 'event', id: e.id, story: props.story, label: `${label(t.eventTypes, e.type)} ${eventDate(ctx, e)}` }} />
        </li>
      ))}
    </ol>
  );
}

function Agreements(props: { ctx: ViewCtx; doc: Doc; story: string }) {
  const { ctx, doc } = props;
  const t = ctx.t;
  const list = doc.agreements ?? [];
  if (!list.length) return null;
  return (
    <section aria-labelledby="h-agreements">
      <h2 id="h-agreements">{t.agreementsTable}</h2>
      <div class="table-wrap">
        <table>
          <ColumnHeads cols={[t.agreementTitle, t.kind, t.parties, t.fields, t.date, t.place, t.signed, t.sources]} />
          <tbody>
            {list.map((g) => {
              const art = doc.articles.find((a) => a.id === g.evidence[0]?.article);
              return (
                <tr id={`ag-${g.id}`}>
                  <td lang={langAttr(art?.language)}>{g.title}</td>
                  <td>{label(t.agreementKinds, g.kind)}</td>
                  <td>{g.parties.join(', ')}</td>
                  <td>{g.fields.map((f) => label(t.agreementFields, f)).join(', ')}</td>
                  <td>{formatRange(g.date.start, g.date.end, ctx.lang) || formatDate(g.date.value, ctx.lang)}</td>
                  <td>{g.place ?? ''}</td>
                  <td>{g.signed ? t.yes : t.no}</td>
                  <td>
                    <Sources doc={doc} evidence={g.evidence} />
                    <ReportLink ctx={ctx} target={{ kind: 'agreement', id: g.id, story: props.story, article: g.evidence[0]?.article, label: g.title }} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function WhosWho(props: { ctx: ViewCtx; doc: Doc }) {
  const { ctx, doc } = props;
  const t = ctx.t;
  const ents = (doc.entities ?? []).filter((e) => e.type !== 'PLACE').slice(0, 40);
  if (!ents.length) return null;
  return (
    <section aria-labelledby="h-who">
      <h2 id="h-who">{t.whosWho}</h2>
      <div class="cards">
        {ents.map((e) => {
          const roles = [...new Set(e.roles.map((r) => (r.org ? `${r.title}, ${r.org}` : r.title)))];
          return (
            <div class="card">
              <h3>
                <a href={entityHref(e.id)}>{e.name}</a>
              </h3>
              <p class="meta">
                {label(t.entityTypes, e.type)} · {e.mentions.length} {t.mentions}
              </p>
              {roles.length ? <p>{roles.slice(0, 4).join('; ')}</p> : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** Places with coordinates on a plain equirectangular projection fitted to them; a list says the same in words. */
export function PlacesMap(props: { ctx: ViewCtx; places: Array<{ id: string; name: string; coordinates: [number, number] }> }) {
  const { ctx, places } = props;
  if (!places.length) return null;
  const W = 640;
  const H = 360;
  const lats = places.map((p) => p.coordinates[0]);
  const lons = places.map((p) => p.coordinates[1]);
  let [lat0, lat1, lon0, lon1] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const grow = (a: number, b: number, min: number): [number, number] => {
    const span = Math.max(b - a, min) * 1.3;
    const mid = (a + b) / 2;
    return [mid - span / 2, mid + span / 2];
  };
  [lat0, lat1] = grow(lat0, lat1, 4);
  [lon0, lon1] = grow(lon0, lon1, 6);
  const scale = Math.min(W / (lon1 - lon0), H / (lat1 - lat0));
  const ox = (W - (lon1 - lon0) * scale) / 2;
  const oy = (H - (lat1 - lat0) * scale) / 2;
  const x = (lon: number) => Math.round((ox + (lon - lon0) * scale) * 10) / 10;
  const y = (lat: number) => Math.round((oy + (lat1 - lat) * scale) * 10) / 10;
  return (
    <section aria-labelledby="h-map">
      <h2 id="h-map">{ctx.t.map}</h2>
      <figure>
        <svg class="map" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="map-title">
          <title id="map-title">{`${ctx.t.map}: ${places.map((p) => p.name).join(', ')}`}</title>
          {places.map((p) => (
            <a href={entityHref(p.id)}>
              <circle cx={x(p.coordinates[1])} cy={y(p.coordinates[0])} r={6} fill="#c0392b" stroke="#ffffff" stroke-width={2} />
              <text x={x(p.coordinates[1]) + 9} y={y(p.coordinates[0]) + 5} font-size={14} fill="currentColor">
                {p.name}
              </text>
            </a>
          ))}
        </svg>
        <figcaption class="meta">{ctx.t.mapCaption}</figcaption>
      </figure>
      <ul>
        {places.map((p) => (
          <li>
            <a href={entityHref(p.id)}>{p.name}</a> ({p.coordinates[0].toFixed(2)}, {p.coordinates[1].toFixed(2)})
          </li>
        ))}
      </ul>
    </section>
  );
}

function Quotes(props: { ctx: ViewCtx; doc: Doc }) {
  const { ctx, doc } = props;
  const t = ctx.t;
  const qs = (doc.quotes ?? []).slice(0, 50);
  if (!qs.length) return null;
  return (
    <section aria-labelledby="h-quotes">
      <h2 id="h-quotes">{t.quotes}</h2>
      {qs.map((q) => {
        const a = doc.articles.find((x) => x.id === q.article);
        const sentence = a ? a.sentences.findIndex((s) => s.start <= q.start && s.end > q.start) : -1;
        return (
          <div class="quote" id={`q-${q.id}`}>
          <blockquote lang={langAttr(a?.language)}>
            <p>{q.text}</p>
            <footer class="meta" lang={ctx.lang}>
              — {q.speaker ? q.speaker.entity ? <a href={entityHref(q.speaker.entity)}>{q.speaker.text}</a> : q.speaker.text : t.unknownSpeaker} ·{' '}
              <a href={articleHref(q.article, sentence)}>{a?.outlet ?? q.article}</a> ({a?.language})
            </footer>
          </blockquote>
          <ReportLink ctx={ctx} target={{ kind: 'quote', id: q.id, story: a?.story ?? null, article: q.article, label: q.text.slice(0, 80) }} />
          </div>
        );
      })}
    </section>
  );
}

/** What a claim is about, in the interface language where Kabar knows the thing (events, agreements). */
function claimSubject(ctx: ViewCtx, doc: Doc, c: BriefClaim): string {
  if (c.subjectKind === 'event') {
    const e = (doc.events ?? []).find((x) => x.id === c.subjectId);
    if (e) {
      const who = [partyText(e.actors), partyText(e.recipients)].filter(Boolean).join(' → ');
      return `${label(ctx.t.eventTypes, e.type)}${e.mode ? ` (${label(ctx.t.eventModes, e.mode)})` : ''}${who ? `: ${who}` : ''}`;
    }
  }
  if (c.subjectKind === 'agreement') {
    const g = (doc.agreements ?? []).find((x) => x.id === c.subjectId);
    if (g) return g.title;
  }
  return c.subject;
}

function claimLabel(ctx: ViewCtx, doc: Doc, c: BriefClaim): string {
  return `${claimSubject(ctx, doc, c)} — ${claimFieldLabel(ctx.t, c.field)}`;
}

const QUALIFIER: Record<string, string> = { approx: '≈ ', 'at-least': '≥ ', 'at-most': '≤ ' };

/** A claim's value in the interface language: dates written out, types and kinds translated, numbers grouped. */
export function claimValueText(ctx: ViewCtx, field: string, v: { value: string | number; qualifier?: string }): string {
  const q = v.qualifier ? (QUALIFIER[v.qualifier] ?? '') : '';
  if (typeof v.value === 'number') return q + v.value.toLocaleString(ctx.lang === 'id' ? 'id-ID' : 'en-GB');
  if (field === 'date' || field.startsWith('date.')) return q + formatDate(v.value, ctx.lang);
  if (field === 'type') return q + label(ctx.t.eventTypes, v.value);
  if (field === 'kind') return q + label(ctx.t.agreementKinds, v.value);
  return q + v.value;
}

function ClaimValues(props: { ctx: ViewCtx; doc: Doc; c: BriefClaim }) {
  return (
    <ul class="values">
      {props.c.values.map((v) => (
        <li>
          <strong>{claimValueText(props.ctx, props.c.field, v)}</strong> — <Sources doc={props.doc} evidence={v.sources} /> <span class="meta">({props.ctx.t.independent(v.independentSources)})</span>
        </li>
      ))}
    </ul>
  );
}

function FactRows(props: { ctx: ViewCtx; doc: Doc; claims: BriefClaim[]; story: string }) {
  const { ctx, doc } = props;
  const t = ctx.t;
  return (
    <div class="table-wrap">
      <table class="facts">
        <ColumnHeads cols={[t.fact, t.value, t.status]} />
        <tbody>
          {props.claims.map((c) => (
            <tr id={`c-${c.id}`}>
              <th scope="row">{claimLabel(ctx, doc, c)}</th>
              <td>
                <ClaimValues ctx={ctx} doc={doc} c={c} />
                <ReportLink ctx={ctx} target={{ kind: 'claim', id: c.id, story: props.story, field: c.field, label: claimLabel(ctx, doc, c) }} />
              </td>
              <td>
                <Badge ctx={ctx} status={c.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Facts checked across sources (contested and corroborated) in a table; facts only one source gives, folded below. */
function KeyFacts(props: { ctx: ViewCtx; doc: Doc; claims: BriefClaim[]; story: string }) {
  const { ctx, claims } = props;
  const t = ctx.t;
  if (!claims.length) return null;
  const checked = claims.filter((c) => c.status !== 'single-source');
  const single = claims.filter((c) => c.status === 'single-source');
  return (
    <section aria-labelledby="h-facts">
      <h2 id="h-facts">{t.keyFacts}</h2>
      {checked.length ? <FactRows {...props} claims={checked} /> : null}
      {single.length ? (
        <details class="single">
          <summary>{t.singleSourceFacts(single.length)}</summary>
          <FactRows {...props} claims={single} />
        </details>
      ) : null}
    </section>
  );
}

function Disagreements(props: { ctx: ViewCtx; doc: Doc; claims: BriefClaim[] }) {
  const { ctx, doc } = props;
  const t = ctx.t;
  const contested = props.claims.filter((c) => c.status === 'contested');
  return (
    <section aria-labelledby="h-disagree">
      <h2 id="h-disagree">{t.disagreements}</h2>
      {contested.length ? (
        contested.map((c) => (
          <div class="contested" id={`d-${c.id}`}>
            <h3>
              {claimLabel(ctx, doc, c)} <Badge ctx={ctx} status={c.status} />
            </h3>
            <div class="sides">
              {c.values.map((v) => (
                <div class="side">
                  <h4>{claimValueText(ctx, c.field, v)}</h4>
                  <p class="meta">{t.independent(v.independentSources)}</p>
                  {v.sources.map((s) => (
                    <Quoted doc={doc} ev={s} />
                  ))}
                </div>
              ))}
            </div>
          </div>
        ))
      ) : (
        <p>{t.noDisagreements}</p>
      )}
    </section>
  );
}

function Cite(props: { doc: Doc; c: BriefCitation; n: number }) {
  const a = props.doc.articles.find((x) => x.id === props.c.article);
  return (
    <a class="cite" href={articleHref(props.c.article, props.c.sentence)} title={a?.outlet ?? undefined}>
      [{props.n}]
    </a>
  );
}

function Brief(props: { ctx: ViewCtx; view: StoryView }) {
  const { ctx, view } = props;
  const b = view.brief;
  if (!b || !b.paragraphs.length) return <p class="notice">{b?.claims.length ? ctx.t.briefClaimsOnly : ctx.t.briefPending}</p>;
  let n = 0;
  return (
    <div class="brief">
      {b.paragraphs.map((p) => (
        <p>
          {p.map((r) => (
            <>
              <span lang={langAttr(r.lang)}>{r.text}</span>
              {r.cites.map((c) => (
                <Cite doc={view.doc} c={c} n={++n} />
              ))}{' '}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

export function CorrectionsList(props: { ctx: ViewCtx; list: Correction[] }) {
  const { ctx } = props;
  const t = ctx.t;
  if (!props.list.length) return null;
  return (
    <section aria-labelledby="h-corr">
      <h2 id="h-corr">{t.correctionsHere}</h2>
      <ul class="corrections">
        {props.list.map((c) => (
          <li id={`corr-${c.id}`}>
            <span class="meta">
              {label(t.targetKinds, c.targetKind)}
              {c.field ? ` (${c.field})` : ''} · {formatDate(c.created, ctx.lang)} · {label({ open: t.open, accepted: t.accepted, rejected: t.rejected }, c.status)}
            </span>
            <p>{c.message}</p>
            {c.suggestion ? (
              <p>
                {t.suggested}: {c.suggestion}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StoryPage(props: { ctx: ViewCtx; view: StoryView }) {
  const { ctx, view } = props;
  const { doc, summary } = view;
  const t = ctx.t;
  const story = summary.id;
  const claims = view.brief?.claims ?? [];
  const places = (doc.entities ?? [])
    .filter((e): e is typeof e & { coordinates: [number, number] } => e.type === 'PLACE' && !!e.coordinates)
    .map((e) => ({ id: e.id, name: e.name, coordinates: e.coordinates }));
  const title = summary.title ?? t.untitled;
  const firstLang = doc.articles[0]?.language;
  return (
    <Layout ctx={ctx} title={title}>
      <article>
        <h1 lang={langAttr(firstLang)}>{title}</h1>
        <p class="meta">
          {t.articlesN(summary.articles)} · {t.outlets}: <NameList names={summary.outlets} /> · {t.languages}: {summary.languages.join(', ')}
          {summary.firstPublished ? <> · {formatRange(summary.firstPublished, summary.lastPublished, ctx.lang)}</> : null}
        </p>
        <ReportForm ctx={ctx} target={{ kind: 'story', id: story, story, label: title }} />
        <section aria-labelledby="h-brief">
          <h2 id="h-brief">{t.storyBrief}</h2>
          <Brief ctx={ctx} view={view} />
        </section>
        <KeyFacts ctx={ctx} doc={doc} claims={claims} story={story} />
        {view.brief ? <Disagreements ctx={ctx} doc={doc} claims={claims} /> : null}
        <section aria-labelledby="h-timeline">
          <h2 id="h-timeline">{t.timeline}</h2>
          <Timeline ctx={ctx} doc={doc} story={story} />
        </section>
        <Agreements ctx={ctx} doc={doc} story={story} />
        <WhosWho ctx={ctx} doc={doc} />
        <Quotes ctx={ctx} doc={doc} />
        <PlacesMap ctx={ctx} places={places} />
        <section aria-labelledby="h-articles">
          <h2 id="h-articles">{t.articles}</h2>
          <p class="meta">{t.sharedPassages}</p>
          {doc.articles.map((a, i) => {
            const marks: Mark[] = [];
            const partners = new Set<string>();
            for (const r of doc.reuse) {
              for (const p of r.sentences) {
                if (r.a === a.id) marks.push({ ...p.a, kind: 'shared', title: `${t.sharedWith} ${doc.articles.find((x) => x.id === r.b)?.outlet ?? r.b}` });
                if (r.b === a.id) marks.push({ ...p.b, kind: 'shared', title: `${t.sharedWith} ${doc.articles.find((x) => x.id === r.a)?.outlet ?? r.a}` });
              }
              if (r.a === a.id) partners.add(r.b);
              if (r.b === a.id) partners.add(r.a);
            }
            const original = safeHttpUrl(a.url);
            return (
              <section class="story-article" id={`a-${a.id}`} aria-labelledby={`h-a-${a.id}`}>
                <h3 id={`h-a-${a.id}`} lang={langAttr(a.language)}>
                  <a href={articleHref(a.id)}>{a.title ?? t.untitled}</a>
                </h3>
                <p class="meta">
                  <bdi>{a.outlet ?? '?'}</bdi> · {a.language}
                  {a.published ? <> · {formatDate(a.published, ctx.lang)}</> : null}
                  {original ? (
                    <>
                      {' '}
                      ·{' '}
                      <a href={original} rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">
                        {t.original}
                      </a>
                    </>
                  ) : null}
                  {partners.size ? (
                    <>
                      {' '}
                      · {t.sharedWith}:{' '}
                      {[...partners].map((p, k) => (
                        <>
                          {k > 0 ? ', ' : ''}
                          <a href={`#a-${p}`}>{doc.articles.find((x) => x.id === p)?.outlet ?? p}</a>
                        </>
                      ))}
                    </>
                  ) : null}
                </p>
                <details open={i === 0}>
                  <summary>{t.openArticle}</summary>
                  <ArticleText text={a.text} lang={a.language} paragraphs={a.paragraphs} sentences={a.sentences} marks={marks} idPrefix={`a-${a.id}-s-`} />
                </details>
              </section>
            );
          })}
        </section>
        <CorrectionsList ctx={ctx} list={view.corrections} />
      </article>
    </Layout>
  );
}
