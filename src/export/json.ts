import type { Store } from '../store/db.ts';
import { listArticles, listStories } from '../store/queries.ts';
import { listReuse } from '../reuse/detect.ts';
import { tagTimes } from '../time/tag.ts';
import { listEntities, type ExportEntity } from '../entities/store.ts';
import { loadAnalyses } from '../store/analysis.ts';
import { mergeEvents, type MergedEvent } from '../events/merge.ts';
import type { CodedEvent, Party } from '../events/code.ts';
import { createHash } from 'node:crypto';
import { foldKey } from '../entities/normalise.ts';
import { crossCheck } from '../crosscheck/index.ts';
import { listCorrections } from '../server/corrections.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportAgreement, type ExportEvent, type ExportQuote, type KabarExport } from './schema.ts';

/** Build the kabar-export document for the whole store or some stories. Deterministic for a given store. */
export async function buildExport(store: Store, opts: { storyIds?: string[] } = {}): Promise<KabarExport> {
  const stories = (await listStories(store, { ids: opts.storyIds })).sort((a, b) => a.id.localeCompare(b.id));
  const articles = await listArticles(store, { storyIds: opts.storyIds });
  const byStory = new Map<string, string[]>();
  for (const a of articles) {
    if (!a.storyId) continue;
    if (!byStory.has(a.storyId)) byStory.set(a.storyId, []);
    byStory.get(a.storyId)!.push(a.id);
  }
  const reuse = await listReuse(store.db, opts.storyIds ? articles.map((a) => a.id) : undefined);
  const entities = await listEntities(store.db, opts.storyIds ? { articleIds: articles.map((a) => a.id) } : {});
  const analysed = await analysisRecords(store, articles, entities);
  const doc: Omit<KabarExport, 'claims' | 'consistency'> = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    stories: stories.map((s) => ({
      id: s.id,
      title: s.title,
      articles: byStory.get(s.id) ?? [],
      firstPublished: s.firstPublished,
      lastPublished: s.lastPublished,
    })),
    articles: articles.map((a) => ({
      id: a.id,
      story: a.storyId,
      input: a.input,
      url: a.url,
      outlet: a.outlet,
      title: a.title,
      published: a.published,
      language: a.language,
      authors: a.authors,
      citedSources: a.citedSources,
      captions: a.captions,
      text: a.text,
      paragraphs: a.paragraphs,
      sentences: a.sentences,
    })),
    reuse: reuse.map((r) => ({ a: r.a, b: r.b, score: r.score, sentences: r.sentences })),
    // A pure function of text, language and date: computed here rather than stored, so a better
    // tagger improves old articles too. The whole text is tagged at once so that "a month later"
    // can anchor on a date stated in an earlier sentence.
    times: articles.flatMap((a) =>
      tagTimes(a.text, { lang: a.language, anchor: a.published }).map((t) => ({
        article: a.id,
        start: t.start,
        end: t.end,
        text: t.text,
        type: t.type,
        value: t.value,
        anchor: t.anchor,
        ...(t.interval ? { interval: t.interval } : {}),
        ...(t.mod ? { mod: t.mod } : {}),
        confidence: t.confidence,
        ...(t.anniversary ? { anniversary: t.anniversary } : {}),
      })),
    ),
    entities,
    ...analysed,
    // errors readers reported in the reader (src/server/), oldest first
    corrections: (await listCorrections(store, opts.storyIds ? { storyIds: opts.storyIds } : {})).reverse(),
  };
  // claims and consistency notes per story, computed from the rest of the document (src/crosscheck/)
  return { ...doc, ...crossCheck(doc) };
}

const hashId = (prefix: string, s: string) => prefix + createHash('sha256').update(s).digest('hex').slice(0, 16);

/**
 * Events merged per story (one event per happening, a mention per article sentence), agreements and quotes, with
 * parties and speakers linked to the entity whose mention covers them in the same article.
 */
async function analysisRecords(
  store: Store,
  articles: Array<{ id: string; storyId: string | null }>,
  entities: ExportEntity[],
): Promise<Pick<KabarExport, 'events' | 'agreements' | 'quotes'>> {
  const byArticle = await loadAnalyses(store.db, articles.map((a) => a.id));
  // entity mentions per article, to link a party or a speaker by its span
  const spans = new Map<string, Array<{ start: number; end: number; id: string; country?: string }>>();
  for (const e of entities)
    for (const m of e.mentions) {
      let l = spans.get(m.article);
      if (!l) spans.set(m.article, (l = []));
      l.push({ start: m.start, end: m.end, id: e.id, ...(e.country ? { country: e.country } : {}) });
    }
  const entityAt = (article: string, p: { start: number; end: number }) => {
    let best: { id: string; country?: string; overlap: number } | null = null;
    for (const m of spans.get(article) ?? []) {
      const overlap = Math.min(m.end, p.end) - Math.max(m.start, p.start);
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { id: m.id, country: m.country, overlap };
    }
    return best;
  };
  const link = (article: string, p: Party): Party & { entity?: string } => {
    const hit = entityAt(article, p);
    return hit ? { ...p, entity: hit.id, ...(p.country || !hit.country ? {} : { country: hit.country }) } : p;
  };
  const items = articles
    .filter((a) => byArticle.has(a.id))
    .map((a) => ({
      article: a.id,
      story: a.storyId,
      events: byArticle.get(a.id)!.events.map((e): CodedEvent => ({ ...e, actors: e.actors.map((p) => link(a.id, p)), recipients: e.recipients.map((p) => link(a.id, p)) })),
    }));
  const merged = mergeEvents(items);
  // an event told many times gathers every party any one sentence named: keep those two or more mentions name, and
  // those of its first mention ("welcomed by X at the kindergarten" in one article does not make X a party)
  const coded = new Map<string, CodedEvent>();
  for (const it of items) for (const e of it.events) coded.set(`${it.article}|${e.evidence.sentence}|${e.trigger.start}`, e);
  for (const m of merged) {
    if (m.evidence.length < 3) continue;
    const support = new Map<string, number>();
    m.evidence.forEach((v, i) => {
      const e = coded.get(`${v.article}|${v.sentence}|${v.start}`);
      if (!e) return;
      for (const p of new Set([...e.actors, ...e.recipients].map((x) => foldKey(x.text)))) support.set(p, (support.get(p) ?? 0) + (i === 0 ? 2 : 1));
    });
    const keep = (p: Party) => (support.get(foldKey(p.text)) ?? 0) >= 2;
    m.actors = m.actors.filter(keep);
    m.recipients = m.recipients.filter(keep);
  }
  // a person's country from their own side of an event ("X and the Vietnamese delegation"): when the other parties of
  // that side name one country only, it is theirs; then in every event of the story (by entity)
  const personIds = new Set(entities.filter((e) => e.type === 'PERSON').map((e) => e.id));
  const personCountry = new Map<string, string>();
  type Linked = Party & { entity?: string };
  for (const m of merged)
    for (const side of [m.actors, m.recipients] as Linked[][]) {
      const cs = new Set(side.filter((p) => p.country && !(p.entity && personIds.has(p.entity))).map((p) => p.country!));
      if (cs.size !== 1) continue;
      const [cc] = [...cs];
      for (const p of side) if (!p.country && p.entity && personIds.has(p.entity) && !personCountry.has(`${m.story}|${p.entity}`)) personCountry.set(`${m.story}|${p.entity}`, cc!);
    }
  for (const m of merged)
    for (const p of [...m.actors, ...m.recipients] as Linked[]) {
      const cc = p.entity ? personCountry.get(`${m.story}|${p.entity}`) : undefined;
      if (!p.country && cc) p.country = cc;
    }
  // arriving in one's own country ends a visit (the coder sees this per article; the story knows more countries)
  for (const m of merged) {
    const home = m.location?.country;
    if (m.type === 'CONSULT' && m.mode === 'visit' && home && m.actors.length && m.actors.every((a) => a.country === home) && m.recipients.every((r) => !r.country || r.country === home)) {
      m.mode = 'visit-end';
      m.recipients = [];
    }
  }
  // a visit's host side is the recipient: parties of the host country that one sentence put first ("X welcomed Y")
  // leave the actors when visitors from elsewhere are there
  for (const m of merged) {
    const host = m.location?.country;
    if (m.type !== 'CONSULT' || m.mode !== 'visit' || !host) continue;
    const visitors = m.actors.filter((a) => a.country && a.country !== host);
    if (!visitors.length) continue;
    const moved = m.actors.filter((a) => a.country === host);
    m.actors = m.actors.filter((a) => a.country !== host);
    for (const p of moved) if (!m.recipients.some((r) => foldKey(r.text) === foldKey(p.text))) m.recipients.push(p);
    m.recipients = m.recipients.filter((r) => !r.country || !visitors.some((v) => v.country === r.country));
  }
  const eventOf = new Map<string, string>();
  for (const m of merged) for (const ev of m.evidence) eventOf.set(`${ev.article}|${ev.sentence}|${ev.start}`, m.id);
  const party = (p: Party & { entity?: string }) => ({ text: p.text, ...(p.entity ? { entity: p.entity } : {}), ...(p.country ? { country: p.country } : {}) });
  const events: ExportEvent[] = merged.map((m: MergedEvent) => ({
    id: m.id,
    story: m.story,
    type: m.type,
    mode: m.mode,
    context: m.context,
    actors: m.actors.map(party),
    recipients: m.recipients.map(party),
    location: m.location,
    date: m.date,
    background: m.background,
    negated: m.negated,
    modality: m.modality,
    ...(m.intent ? { intent: m.intent } : {}),
    triggers: m.triggers,
    evidence: m.evidence,
  }));
  const agreements: ExportAgreement[] = [];
  const quotes: ExportQuote[] = [];
  for (const a of articles) {
    const rec = byArticle.get(a.id);
    if (!rec) continue;
    // one record per article that names the document: the cross-check compares what each source says of it
    for (const g of rec.agreements) {
      const coded = g.event !== undefined ? rec.events[g.event] : undefined;
      agreements.push({
        id: hashId('g', `${a.id}|${g.evidence.start}|${g.title}`),
        event: coded ? (eventOf.get(`${a.id}|${coded.evidence.sentence}|${coded.trigger.start}`) ?? null) : null,
        story: a.storyId,
        title: g.title,
        kind: g.kind,
        parties: g.parties,
        fields: g.fields,
        date: g.date,
        place: g.place,
        signed: g.signed,
        ...(g.count !== undefined ? { count: g.count } : {}),
        evidence: [{ article: a.id, ...g.evidence }],
      });
    }
    for (const q of rec.quotes) {
      const hit = q.speaker ? entityAt(a.id, q.speaker) : null;
      quotes.push({
        id: hashId('q', `${a.id}|${q.start}`),
        speaker: q.speaker ? { text: q.speaker.text, ...(hit ? { entity: hit.id } : {}) } : null,
        text: q.text,
        kind: q.kind,
        article: a.id,
        start: q.start,
        end: q.end,
      });
    }
  }
  return { events, agreements, quotes };
}
