// The cited brief of a story: headline; what happened, in sentences the sources wrote (extractive: each sentence is
// an article's own sentence, verbatim by its span, cited to that article); key facts with their status and
// sources; where sources disagree; consistency checks; timeline with background events; agreements; who's who;
// quotes; sources with reuse links. Built from the story's kabar-export document, so the same store gives the same
// brief. `briefOf` returns the structured brief (the json format, also what the web reader renders); `renderBrief`
// renders it as Markdown, HTML (every page text escaped, never rendered as HTML) or JSON.
import { safeHttpUrl } from '../util/common.ts';
import { foldWords } from '../entities/normalise.ts';
import type { ExportClaim, ExportConsistency, KabarExport } from '../export/schema.ts';
import { buildClaims } from '../crosscheck/claims.ts';
import { checkConsistency } from '../crosscheck/consistency.ts';
import { originIndex } from '../crosscheck/independence.ts';
import type { ExportInput } from '../crosscheck/statements.ts';

export type BriefFormat = 'md' | 'html' | 'json';

export const BRIEF_FORMAT = 'kabar-brief';
export const BRIEF_VERSION = '1.0.0';

/** Where a brief's statement comes from: an article, and in it a sentence or a span. */
export interface BriefCitation {
  article: string;
  outlet: string;
  url: string | null;
  /** sentence index in the article */
  sentence: number;
  start: number;
  end: number;
}

export interface BriefSentence {
  /** the sentence exactly as the article wrote it (the article's text at [start, end)) */
  text: string;
  cite: BriefCitation;
}

export interface BriefFact {
  claim: string;
  subject: { kind: string; id: string; label: string };
  attribute: string;
  status: ExportClaim['status'];
  values: Array<{ value: string; independentSources: number; articles: number; sources: BriefCitation[] }>;
}

export interface BriefTimelineEntry {
  event: string;
  date: string | null;
  end: string | null;
  type: string;
  mode: string | null;
  what: string;
  background: boolean;
  modality: string;
  sources: BriefCitation[];
}

export interface BriefAgreement {
  title: string;
  kinds: Array<{ kind: string; outlets: string[] }>;
  parties: string[];
  fields: string[];
  date: string | null;
  place: string | null;
  count: number | null;
  sources: BriefCitation[];
}

export interface BriefPerson {
  entity: string;
  type: string;
  name: string;
  roles: Array<{ title: string; outlets: string[] }>;
  mentions: number;
}

export interface BriefQuote {
  speaker: string | null;
  text: string;
  kind: string;
  sources: BriefCitation[];
}

export interface BriefSource {
  article: string;
  outlet: string;
  title: string | null;
  url: string | null;
  published: string | null;
  language: string;
  citedSources: string[];
  reuse: Array<{ article: string; outlet: string; score: number; sentences: number }>;
}

export interface Brief {
  format: typeof BRIEF_FORMAT;
  version: string;
  story: { id: string; title: string | null; firstPublished: string | null; lastPublished: string | null; articles: number };
  headline: string;
  whatHappened: BriefSentence[];
  keyFacts: BriefFact[];
  disagreements: BriefFact[];
  consistency: ExportConsistency[];
  timeline: BriefTimelineEntry[];
  agreements: BriefAgreement[];
  people: BriefPerson[];
  quotes: BriefQuote[];
  sources: BriefSource[];
}

type Doc = ExportInput & Partial<Pick<KabarExport, 'claims' | 'consistency'>>;
type Article = KabarExport['articles'][number];

const WHAT_HAPPENED_MAX = 6;
const KEY_FACTS_MAX = 20;
const PEOPLE_MAX = 30;

function outletOf(a: Article): string {
  if (a.outlet) return a.outlet;
  try {
    return a.url ? new URL(a.url).hostname : a.id;
  } catch {
    return a.id;
  }
}

function sentenceIndexAt(a: Article, offset: number): number {
  const i = a.sentences.findIndex((s) => offset >= s.start && offset < s.end);
  return i < 0 ? 0 : i;
}

/** Human wording of a claim attribute for the fact tables. */
export function attributeLabel(attribute: string): string {
  const fixed: Record<string, string> = {
    'date.start': 'start date',
    'date.end': 'end date',
    date: 'date',
    type: 'event type',
    place: 'place',
    kind: 'kind of document',
    documents: 'number of documents',
    minute: 'minute',
    role: 'role',
    quote: 'quote',
    anniversary: 'anniversary',
  };
  if (fixed[attribute]) return fixed[attribute]!;
  if (attribute.startsWith('people.')) return `people ${attribute.slice(7)}`;
  if (attribute.endsWith('.kind')) return 'how it happened';
  if (attribute.startsWith('amount.')) return `amount (${attribute.slice(7)})`;
  return `number of ${attribute}`;
}

function valueText(v: ExportClaim['values'][number]): string {
  const q = v.qualifier === 'approx' ? '≈ ' : v.qualifier === 'at-least' ? '≥ ' : v.qualifier === 'at-most' ? '≤ ' : '';
  const n = typeof v.value === 'number' ? v.value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : v.value;
  return `${q}${n}`;
}

/** The structured brief of one story (the json format). Throws when the document has no such story. */
export function briefOf(exp: Doc, storyId: string): Brief {
  const story = exp.stories.find((s) => s.id === storyId);
  if (!story) throw new Error(`no story ${storyId}`);
  const inStory = new Set(story.articles);
  const articles = exp.articles.filter((a) => inStory.has(a.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  // an export carries its claims; a document without them (a test's, an older export's) gets them computed
  const claims = exp.claims ? exp.claims.filter((c) => c.story === storyId) : buildClaims(exp, storyId, originIndex(exp));
  const consistency = exp.consistency ? exp.consistency.filter((c) => c.story === storyId) : checkConsistency(exp, storyId);
  const cite = (article: string, sentence: number, start?: number, end?: number): BriefCitation => {
    const a = byId.get(article)!;
    const sp = a.sentences[sentence] ?? { start: start ?? 0, end: end ?? 0 };
    return { article, outlet: outletOf(a), url: a.url, sentence, start: start ?? sp.start, end: end ?? sp.end };
  };
  const citesOf = (ev: Array<{ article: string; sentence: number; start: number; end: number }>, oneEach = true): BriefCitation[] => {
    const seen = new Set<string>();
    const out: BriefCitation[] = [];
    for (const e of [...ev].sort((x, y) => (order.get(x.article) ?? 0) - (order.get(y.article) ?? 0) || x.sentence - y.sentence || x.start - y.start)) {
      if (!byId.has(e.article)) continue;
      const k = oneEach ? e.article : `${e.article}|${e.sentence}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(cite(e.article, e.sentence, e.start, e.end));
    }
    return out;
  };

  // what happened: the sentences that carry most of what sources agree on, leads first, no two alike
  const weight = new Map<string, number>();
  const bump = (article: string, sentence: number, w: number) => weight.set(`${article}|${sentence}`, (weight.get(`${article}|${sentence}`) ?? 0) + w);
  for (const c of claims) {
    if (c.attribute === 'role' || c.attribute === 'quote') continue;
    const w = c.status === 'corroborated' ? 2 : c.status === 'contested' ? 1 : 0.5;
    for (const v of c.values) for (const e of v.evidence) bump(e.article, e.sentence, w);
  }
  for (const e of exp.events)
    if (e.story === storyId && !e.negated && !e.background && (e.actors.length || e.recipients.length)) for (const m of e.evidence) bump(m.article, m.sentence, 1.5);
  const quotesOf = new Map<string, Array<{ start: number; end: number }>>();
  for (const q of exp.quotes) if (inStory.has(q.article)) (quotesOf.get(q.article) ?? quotesOf.set(q.article, []).get(q.article)!).push(q);
  const candidates: Array<{ a: Article; si: number; score: number; words: Set<string> }> = [];
  for (const a of articles)
    a.sentences.forEach((sp, si) => {
      const text = a.text.slice(sp.start, sp.end);
      if (text.length < 40 || text.length > 400) return;
      // speech belongs in the quotes
      if ((quotesOf.get(a.id) ?? []).some((q) => q.start < sp.end && sp.start < q.end)) return;
      const lead = si === 0 ? 3 : si < 3 ? 1 : 0;
      const score = (weight.get(`${a.id}|${si}`) ?? 0) + lead;
      if (score <= 0) return;
      candidates.push({ a, si, score, words: new Set(foldWords(text)) });
    });
  candidates.sort((x, y) => y.score - x.score || order.get(x.a.id)! - order.get(y.a.id)! || x.si - y.si);
  const chosen: typeof candidates = [];
  const perArticle = new Map<string, number>();
  for (const c of candidates) {
    if (chosen.length >= WHAT_HAPPENED_MAX) break;
    if ((perArticle.get(c.a.id) ?? 0) >= 2) continue;
    const alike = chosen.some((o) => {
      const inter = [...c.words].filter((w) => o.words.has(w)).length;
      return inter / Math.min(c.words.size, o.words.size) >= 0.5;
    });
    if (alike) continue;
    chosen.push(c);
    perArticle.set(c.a.id, (perArticle.get(c.a.id) ?? 0) + 1);
  }
  const whatHappened: BriefSentence[] = chosen.map((c) => {
    const sp = c.a.sentences[c.si]!;
    return { text: c.a.text.slice(sp.start, sp.end), cite: cite(c.a.id, c.si) };
  });

  const fact = (c: ExportClaim): BriefFact => ({
    claim: c.id,
    subject: c.subject,
    attribute: c.attribute,
    status: c.status,
    values: c.values.map((v) => ({ value: valueText(v), independentSources: v.independentSources, articles: v.articles.length, sources: citesOf(v.evidence) })),
  });
  const disagreements = claims.filter((c) => c.status === 'contested').map(fact);
  const keyFacts = claims
    .filter((c) => c.status !== 'contested' && c.attribute !== 'role' && c.attribute !== 'quote' && c.attribute !== 'type' && (c.subject.kind !== 'event' || c.status === 'corroborated'))
    .sort((x, y) => {
      const s = (c: ExportClaim) => Math.max(...c.values.map((v) => v.independentSources));
      const k = (c: ExportClaim) => (c.subject.kind === 'story' ? 0 : c.subject.kind === 'agreement' ? 1 : 2);
      return s(y) - s(x) || k(x) - k(y) || x.attribute.localeCompare(y.attribute) || x.id.localeCompare(y.id);
    })
    .slice(0, KEY_FACTS_MAX)
    .map(fact);

  // timeline: dated events, background included, oldest first
  const timeline: BriefTimelineEntry[] = exp.events
    .filter((e) => e.story === storyId && !e.negated && (e.date.value || e.date.start))
    .map((e) => ({
      event: e.id,
      date: e.date.start ?? e.date.value,
      end: e.date.end && e.date.end !== e.date.start ? e.date.end : null,
      type: e.type,
      mode: e.mode,
      what: `${e.actors.map((p) => p.text).slice(0, 3).join(', ') || '—'} → ${e.recipients.map((p) => p.text).slice(0, 3).join(', ') || '—'}${e.location ? ` @ ${e.location.text}` : ''}`,
      background: e.background,
      modality: e.modality,
      sources: citesOf(e.evidence),
    }))
    .sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '') || x.type.localeCompare(y.type) || x.event.localeCompare(y.event));

  // agreements: one row per document, merging what each article says of it (the claims' grouping)
  const agreementClaims = claims.filter((c) => c.subject.kind === 'agreement');
  const bySubject = new Map<string, ExportClaim[]>();
  for (const c of agreementClaims) (bySubject.get(c.subject.id) ?? bySubject.set(c.subject.id, []).get(c.subject.id)!).push(c);
  const recordsById = new Map(exp.agreements.map((g) => [g.id, g]));
  const recordAt = new Map(exp.agreements.flatMap((g) => g.evidence.map((e) => [`${e.article}|${e.start}`, g] as const)));
  const agreements: BriefAgreement[] = [];
  for (const [subjectId, cs] of bySubject) {
    const first = recordsById.get(subjectId);
    if (!first) continue;
    const kindClaims = cs.filter((c) => c.attribute === 'kind');
    const evidence = kindClaims.flatMap((c) => c.values.flatMap((v) => v.evidence));
    const recs = [...new Set(evidence.map((x) => recordAt.get(`${x.article}|${x.start}`)).filter((g) => g !== undefined))];
    const kinds = kindClaims.flatMap((c) => c.values.map((v) => ({ kind: String(v.value), outlets: [...new Set(v.articles.map((a) => outletOf(byId.get(a)!)))] })));
    agreements.push({
      title: first.title,
      kinds,
      parties: [...new Set(recs.flatMap((g) => g.parties))],
      fields: [...new Set(recs.flatMap((g) => g.fields))].sort(),
      date: recs.map((g) => g.date.value).find((d) => d) ?? null,
      place: recs.map((g) => g.place).find((p) => p) ?? null,
      count: recs.map((g) => g.count).find((n) => n !== undefined) ?? null,
      sources: citesOf(recs.flatMap((g) => g.evidence)),
    });
  }
  agreements.sort((x, y) => y.sources.length - x.sources.length || (order.get(x.sources[0]?.article ?? '') ?? 0) - (order.get(y.sources[0]?.article ?? '') ?? 0) || x.title.localeCompare(y.title));

  // who's who: people and organisations of the story with the roles each source gives them
  const people: BriefPerson[] = exp.entities
    .map((e) => ({ e, n: e.mentions.filter((m) => inStory.has(m.article)).length }))
    // people and organisations the sources give a role or name more than once
    .filter(({ e, n }) => (e.type === 'PERSON' || e.type === 'ORGANISATION') && (n > 1 || e.roles.some((r) => byId.has(r.article))))
    .sort((x, y) => y.n - x.n || x.e.name.localeCompare(y.e.name))
    .slice(0, PEOPLE_MAX)
    .map(({ e, n }) => {
      const roles = new Map<string, { title: string; outlets: Set<string> }>();
      for (const r of e.roles) {
        const a = byId.get(r.article);
        if (!a) continue;
        const title = r.org ? `${r.title}, ${r.org}` : r.title;
        const k = foldWords(title).join(' ');
        (roles.get(k) ?? roles.set(k, { title, outlets: new Set() }).get(k)!).outlets.add(outletOf(a));
      }
      return { entity: e.id, type: e.type, name: e.name, roles: [...roles.values()].map((r) => ({ title: r.title, outlets: [...r.outlets].sort() })), mentions: n };
    });

  // quotes: the same words from several articles are one quote with several sources
  const quoteMap = new Map<string, BriefQuote>();
  const entityName = new Map(exp.entities.map((e) => [e.id, e.name]));
  for (const q of exp.quotes) {
    const a = byId.get(q.article);
    if (!a) continue;
    const speaker = q.speaker ? ((q.speaker.entity && entityName.get(q.speaker.entity)) || q.speaker.text) : null;
    const k = `${speaker ?? ''}|${foldWords(q.text).join(' ')}`;
    const c = cite(a.id, sentenceIndexAt(a, q.start), q.start, q.end);
    const hit = quoteMap.get(k);
    if (hit) hit.sources.push(c);
    else quoteMap.set(k, { speaker, text: q.text, kind: q.kind, sources: [c] });
  }
  const quotes = [...quoteMap.values()];

  const linksOf = new Map<string, KabarExport['reuse']>();
  for (const r of exp.reuse)
    if (byId.has(r.a) && byId.has(r.b)) for (const x of [r.a, r.b]) (linksOf.get(x) ?? linksOf.set(x, []).get(x)!).push(r);
  const sources: BriefSource[] = articles.map((a) => ({
    article: a.id,
    outlet: outletOf(a),
    title: a.title,
    url: a.url,
    published: a.published,
    language: a.language,
    citedSources: a.citedSources,
    reuse: (linksOf.get(a.id) ?? [])
      .map((r) => {
        const other = r.a === a.id ? r.b : r.a;
        return { article: other, outlet: outletOf(byId.get(other)!), score: Math.round(r.score * 100) / 100, sentences: r.sentences.length };
      })
      .sort((x, y) => (order.get(x.article) ?? 0) - (order.get(y.article) ?? 0)),
  }));

  return {
    format: BRIEF_FORMAT,
    version: BRIEF_VERSION,
    story: { id: story.id, title: story.title, firstPublished: story.firstPublished, lastPublished: story.lastPublished, articles: articles.length },
    headline: story.title ?? articles[0]?.title ?? story.id,
    whatHappened,
    keyFacts,
    disagreements,
    consistency,
    timeline,
    agreements,
    people,
    quotes,
    sources,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

/** Page text in Markdown: every character that could start markup (emphasis, links, HTML, tables) escaped. */
export function mdEscape(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~&"]/g, (c) => `\\${c}`);
}


function mdUrl(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => encodeURIComponent(c));
}

function mdCite(c: BriefCitation): string {
  const u = safeHttpUrl(c.url);
  return u ? `[[${mdEscape(c.outlet)}]](${mdUrl(u)})` : `\\[${mdEscape(c.outlet)}\\]`;
}

function mdCites(cs: BriefCitation[]): string {
  return cs.map(mdCite).join(' ');
}

function renderMarkdown(b: Brief): string {
  const out: string[] = [];
  const span = b.story.firstPublished ? ` · ${b.story.firstPublished.slice(0, 10)}${b.story.lastPublished && b.story.lastPublished.slice(0, 10) !== b.story.firstPublished.slice(0, 10) ? ` – ${b.story.lastPublished.slice(0, 10)}` : ''}` : '';
  out.push(`# ${mdEscape(b.headline)}`, '', `Story \`${b.story.id}\` · ${b.story.articles} article${b.story.articles === 1 ? '' : 's'}${span}`, '');
  out.push('## What happened', '');
  if (!b.whatHappened.length) out.push('_No sentence selected._', '');
  for (const s of b.whatHappened) out.push(`- ${mdEscape(s.text)} ${mdCite(s.cite)}`);
  out.push('');
  const factRow = (f: BriefFact) =>
    `| ${mdEscape(f.subject.id === b.story.id ? attributeLabel(f.attribute) : `${attributeLabel(f.attribute)} — ${f.subject.label}`)} | ${f.values.map((v) => mdEscape(v.value)).join('; ')} | ${f.status} | ${f.values.map((v) => `${mdCites(v.sources)} (${v.independentSources} independent of ${v.articles})`).join('; ')} |`;
  out.push('## Key facts', '');
  if (b.keyFacts.length) out.push('| fact | value | status | sources |', '|---|---|---|---|', ...b.keyFacts.map(factRow));
  else out.push('_None._');
  out.push('', '## Where sources disagree', '');
  if (!b.disagreements.length) out.push('_No disagreement found._');
  for (const f of b.disagreements) {
    out.push(`- **${mdEscape(attributeLabel(f.attribute))}** — ${mdEscape(f.subject.label)}`);
    for (const v of f.values) out.push(`  - ${mdEscape(v.value)}: ${mdCites(v.sources)} (${v.independentSources} independent source${v.independentSources === 1 ? '' : 's'}, ${v.articles} article${v.articles === 1 ? '' : 's'})`);
  }
  if (b.consistency.length) {
    out.push('', '## Consistency checks', '');
    for (const c of b.consistency) out.push(`- ${c.status}: “${mdEscape(c.text)}” states ${mdEscape(c.stated)}, expected ${mdEscape(c.expected)}`);
  }
  out.push('', '## Timeline', '');
  if (b.timeline.length) {
    out.push('| date | event | who | sources |', '|---|---|---|---|');
    for (const t of b.timeline)
      out.push(`| ${mdEscape(t.date ?? '')}${t.end ? ` – ${mdEscape(t.end)}` : ''} | ${mdEscape(`${t.type}${t.mode ? `/${t.mode}` : ''}`)}${t.background ? ' (background)' : ''}${t.modality !== 'asserted' ? ` (${t.modality})` : ''} | ${mdEscape(t.what)} | ${mdCites(t.sources)} |`);
  } else out.push('_No dated event._');
  out.push('', '## Agreements', '');
  if (b.agreements.length) {
    out.push('| document | kind | parties | date | place | sources |', '|---|---|---|---|---|---|');
    for (const g of b.agreements)
      out.push(
        `| ${mdEscape(g.title)} | ${g.kinds.map((k) => `${mdEscape(k.kind)} (${k.outlets.map(mdEscape).join(', ')})`).join('; ')} | ${g.parties.map(mdEscape).join(', ')} | ${mdEscape(g.date ?? '')} | ${mdEscape(g.place ?? '')} | ${mdCites(g.sources)} |`,
      );
  } else out.push('_None._');
  out.push('', "## Who's who", '');
  if (!b.people.length) out.push('_None._');
  for (const p of b.people) out.push(`- **${mdEscape(p.name)}** (${p.type.toLowerCase()})${p.roles.length ? `: ${p.roles.map((r) => `${mdEscape(r.title)} [${r.outlets.map(mdEscape).join(', ')}]`).join('; ')}` : ''}`);
  out.push('', '## Quotes', '');
  if (!b.quotes.length) out.push('_None._');
  for (const q of b.quotes) out.push(`> “${mdEscape(q.text)}” — ${mdEscape(q.speaker ?? 'unattributed')} ${mdCites(q.sources)}`, '');
  out.push('', '## Sources', '', '| outlet | date | language | title | shares text with |', '|---|---|---|---|---|');
  for (const s of b.sources) {
    const u = safeHttpUrl(s.url);
    out.push(
      `| ${u ? `[${mdEscape(s.outlet)}](${mdUrl(u)})` : mdEscape(s.outlet)} | ${mdEscape(s.published?.slice(0, 10) ?? 'no date')} | ${mdEscape(s.language)} | ${mdEscape(s.title ?? '')} | ${s.reuse.map((r) => `${mdEscape(r.outlet)} (${r.sentences} sentence${r.sentences === 1 ? '' : 's'})`).join(', ')} |`,
    );
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

/** Escape text for HTML element content and attribute values. */
export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A link to the sentence in its article: the article URL with a text fragment of the sentence's first words. */
export function sentenceHref(url: string | null, sentenceText?: string): string | null {
  const u = safeHttpUrl(url);
  if (!u) return null;
  if (!sentenceText) return u;
  const words = sentenceText.trim().split(/\s+/).slice(0, 8).join(' ');
  return `${u.split('#')[0]}#:~:text=${encodeURIComponent(words).replace(/-/g, '%2D')}`;
}

function htmlCite(c: BriefCitation, sentenceText?: string): string {
  const href = sentenceHref(c.url, sentenceText);
  const label = `[${htmlEscape(c.outlet)}]`;
  const data = `data-article="${htmlEscape(c.article)}" data-sentence="${c.sentence}"`;
  return href ? `<a class="cite" href="${htmlEscape(href)}" ${data} rel="noopener noreferrer nofollow">${label}</a>` : `<span class="cite" ${data}>${label}</span>`;
}

function renderHtml(b: Brief): string {
  const e = htmlEscape;
  const h: string[] = [];
  const cites = (cs: BriefCitation[]) => cs.map((c) => htmlCite(c)).join(' ');
  h.push('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', `<title>${e(b.headline)}</title>`);
  h.push('<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}.contested{color:#a00}.corroborated{color:#060}.cite{font-size:.85em}blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid #ccc}</style>');
  h.push('</head>', '<body>', `<h1>${e(b.headline)}</h1>`, `<p>Story <code>${e(b.story.id)}</code> · ${b.story.articles} article${b.story.articles === 1 ? '' : 's'}${b.story.firstPublished ? ` · ${e(b.story.firstPublished.slice(0, 10))}` : ''}${b.story.lastPublished && b.story.lastPublished !== b.story.firstPublished ? ` – ${e(b.story.lastPublished.slice(0, 10))}` : ''}</p>`);
  h.push('<section id="what-happened"><h2>What happened</h2><ul>');
  for (const s of b.whatHappened) h.push(`<li>${e(s.text)} ${htmlCite(s.cite, s.text)}</li>`);
  h.push('</ul></section>');
  const factRows = (fs: BriefFact[]) =>
    fs.map(
      (f) =>
        `<tr class="${f.status}"><td>${e(f.subject.id === b.story.id ? attributeLabel(f.attribute) : `${attributeLabel(f.attribute)} — ${f.subject.label}`)}</td><td>${f.values.map((v) => e(v.value)).join('; ')}</td><td>${f.status}</td><td>${f.values.map((v) => `${cites(v.sources)} (${v.independentSources} independent of ${v.articles})`).join('; ')}</td></tr>`,
    );
  h.push('<section id="key-facts"><h2>Key facts</h2>');
  h.push(b.keyFacts.length ? `<table><thead><tr><th>fact</th><th>value</th><th>status</th><th>sources</th></tr></thead><tbody>${factRows(b.keyFacts).join('')}</tbody></table>` : '<p>None.</p>');
  h.push('</section><section id="disagreements"><h2>Where sources disagree</h2>');
  if (!b.disagreements.length) h.push('<p>No disagreement found.</p>');
  else {
    h.push('<ul>');
    for (const f of b.disagreements)
      h.push(`<li class="contested"><strong>${e(attributeLabel(f.attribute))}</strong> — ${e(f.subject.label)}<ul>${f.values.map((v) => `<li>${e(v.value)}: ${cites(v.sources)} (${v.independentSources} independent, ${v.articles} article${v.articles === 1 ? '' : 's'})</li>`).join('')}</ul></li>`);
    h.push('</ul>');
  }
  h.push('</section>');
  if (b.consistency.length) {
    h.push('<section id="consistency"><h2>Consistency checks</h2><ul>');
    for (const c of b.consistency) h.push(`<li class="${c.status}">${c.status}: “${e(c.text)}” states ${e(c.stated)}, expected ${e(c.expected)}</li>`);
    h.push('</ul></section>');
  }
  h.push('<section id="timeline"><h2>Timeline</h2>');
  h.push(
    b.timeline.length
      ? `<table><thead><tr><th>date</th><th>event</th><th>who</th><th>sources</th></tr></thead><tbody>${b.timeline
          .map((t) => `<tr><td>${e(t.date ?? '')}${t.end ? ` – ${e(t.end)}` : ''}</td><td>${e(`${t.type}${t.mode ? `/${t.mode}` : ''}`)}${t.background ? ' (background)' : ''}${t.modality !== 'asserted' ? ` (${e(t.modality)})` : ''}</td><td>${e(t.what)}</td><td>${cites(t.sources)}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p>No dated event.</p>',
  );
  h.push('</section><section id="agreements"><h2>Agreements</h2>');
  h.push(
    b.agreements.length
      ? `<table><thead><tr><th>document</th><th>kind</th><th>parties</th><th>date</th><th>place</th><th>sources</th></tr></thead><tbody>${b.agreements
          .map((g) => `<tr><td>${e(g.title)}</td><td>${g.kinds.map((k) => `${e(k.kind)} (${e(k.outlets.join(', '))})`).join('; ')}</td><td>${e(g.parties.join(', '))}</td><td>${e(g.date ?? '')}</td><td>${e(g.place ?? '')}</td><td>${cites(g.sources)}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p>None.</p>',
  );
  h.push(`</section><section id="people"><h2>Who's who</h2><ul>`);
  for (const p of b.people) h.push(`<li><strong>${e(p.name)}</strong> (${e(p.type.toLowerCase())})${p.roles.length ? `: ${p.roles.map((r) => `${e(r.title)} [${e(r.outlets.join(', '))}]`).join('; ')}` : ''}</li>`);
  h.push('</ul></section><section id="quotes"><h2>Quotes</h2>');
  for (const q of b.quotes) h.push(`<blockquote>“${e(q.text)}” — ${e(q.speaker ?? 'unattributed')} ${cites(q.sources)}</blockquote>`);
  if (!b.quotes.length) h.push('<p>None.</p>');
  h.push('</section><section id="sources"><h2>Sources</h2><table><thead><tr><th>outlet</th><th>date</th><th>language</th><th>title</th><th>shares text with</th></tr></thead><tbody>');
  for (const s of b.sources) {
    const u = safeHttpUrl(s.url);
    h.push(
      `<tr id="article-${e(s.article)}"><td>${u ? `<a href="${e(u)}" rel="noopener noreferrer nofollow">${e(s.outlet)}</a>` : e(s.outlet)}</td><td>${e(s.published?.slice(0, 10) ?? 'no date')}</td><td>${e(s.language)}</td><td>${e(s.title ?? '')}</td><td>${s.reuse.map((r) => `<a href="#article-${e(r.article)}">${e(r.outlet)}</a> (${r.sentences})`).join(', ')}</td></tr>`,
    );
  }
  h.push('</tbody></table></section>', '</body>', '</html>');
  return h.join('\n') + '\n';
}

/** The brief of one story in a format. Deterministic: the same document gives the same bytes. */
export function renderBrief(exp: Doc, storyId: string, format: BriefFormat): string {
  const b = briefOf(exp, storyId);
  if (format === 'json') return JSON.stringify(b, null, 2) + '\n';
  if (format === 'html') return renderHtml(b);
  return renderMarkdown(b);
}
