import type { Store } from '../store/db.ts';
import { listArticles, listStories, resolveStoryIds } from '../store/queries.ts';
import { listReuse } from '../reuse/detect.ts';
import { tagTimes } from '../time/tag.ts';
import { listEntities, type ExportEntity } from '../entities/store.ts';
import { loadAnalyses } from '../store/analysis.ts';
import { codedByMention, datesCompatible, hostSides, mentionKey, mergeStoryEvents, moreSpecific, settleByMentions, type MergedEvent } from '../events/merge.ts';
import type { CodedEvent, Party } from '../events/code.ts';
import { shortHash } from '../text/normalise.ts';
import { countryCode, foldKey } from '../entities/normalise.ts';
import { entityData, entityLanguages } from '../entities/langdata.ts';
import { crossCheck } from '../crosscheck/index.ts';
import { listCorrections } from '../server/corrections.ts';
import { canonicalParty, entityByName, groupParty, titleHolder } from './parties.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportAgreement, type ExportEvent, type ExportQuote, type KabarExport } from './schema.ts';

/** Build the kabar-export document for the whole store or some stories. Deterministic for a given store. */
export async function buildExport(store: Store, opts: { storyIds?: string[] } = {}): Promise<KabarExport> {
  // A story merged into another is exported as the one it went to.
  if (opts.storyIds) opts = { ...opts, storyIds: await resolveStoryIds(store, opts.storyIds) };
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

/** The first words of every language's role titles ("sekretaris", "ketua", "president"): a party opening with one and
 * naming no person is a role. */
const TITLE_FIRST_WORDS: ReadonlySet<string> = new Set(entityLanguages.flatMap((code) => entityData(code).titles.map((t) => t.toLowerCase().split(/\s+/)[0]!)));
const TITLE_WORDS: ReadonlySet<string> = new Set(entityLanguages.flatMap((code) => entityData(code).titles.flatMap((t) => t.toLowerCase().split(/\s+/))));

const hashId = (prefix: string, s: string) => prefix + shortHash(s);

/**
 * Events merged per story (one event per happening, a mention per article sentence), agreements and quotes, with
 * parties and speakers linked to the entity whose mention covers them in the same article.
 */
async function analysisRecords(
  store: Store,
  articles: Array<{ id: string; storyId: string | null; text: string; published?: string | null; paragraphs: Array<{ start: number; end: number }> }>,
  entities: ExportEntity[],
): Promise<Pick<KabarExport, 'events' | 'agreements' | 'quotes'>> {
  const byArticle = await loadAnalyses(store.db, articles.map((a) => a.id));
  // entity mentions per article, to link a party or a speaker by its span
  const spans = new Map<string, Array<{ start: number; end: number; id: string; person: boolean; country?: string }>>();
  for (const e of entities)
    for (const m of e.mentions) {
      let l = spans.get(m.article);
      if (!l) spans.set(m.article, (l = []));
      l.push({ start: m.start, end: m.end, id: e.id, person: e.type === 'PERSON', ...(e.country ? { country: e.country } : {}) });
    }
  // the entity whose mention covers most of the span; a person's over a place's or organisation's in the same words
  // ("Perdana Menteri Tiongkok X": X, not the country)
  const entityAt = (article: string, p: { start: number; end: number }) => {
    let best: { id: string; country?: string; overlap: number; person: boolean } | null = null;
    for (const m of spans.get(article) ?? []) {
      const overlap = Math.min(m.end, p.end) - Math.max(m.start, p.start);
      if (overlap <= 0) continue;
      if (!best || (m.person && !best.person) || (m.person === best.person && overlap > best.overlap)) best = { id: m.id, country: m.country, overlap, person: m.person };
    }
    return best;
  };
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const storyOf = new Map(articles.map((a) => [a.id, a.storyId]));
  const articleText = new Map(articles.map((a) => [a.id, a.text]));
  const storyArticles = new Map<string, Set<string>>();
  for (const a of articles) if (a.storyId) storyArticles.set(a.storyId, (storyArticles.get(a.storyId) ?? new Set()).add(a.id));
  const link = (article: string, p: Party): Party & { entity?: string } => {
    const hit = entityAt(article, p);
    if (hit) return { ...p, entity: hit.id, ...(p.country || !hit.country ? {} : { country: hit.country }) };
    // no mention covers it: a person or organisation the article (else its story) names in these words
    const story = storyOf.get(article);
    const named = entityByName(entities, article, p.text, story ? storyArticles.get(story) : undefined);
    return named ? { ...p, entity: named.id, ...(p.country || !named.country ? {} : { country: named.country }) } : p;
  };
  // a party is an entity or a group noun phrase of the lexicons; capitalised words that name nothing are dropped
  const isParty = (p: Party & { entity?: string }) => !!p.entity || groupParty(p);
  // a role with no name ("the chairman of X's commission", "Ketua Komisi … Korea Utara") is no party of its own: its
  // country stands for it (the country's entity), or it is dropped when it names none
  const personIds0 = new Set(entities.filter((e) => e.type === 'PERSON').map((e) => e.id));
  const countryEntity = new Map<string, ExportEntity>();
  for (const e of entities) if (e.type === 'PLACE' && e.country && !e.coordinates && !countryEntity.has(e.country)) countryEntity.set(e.country, e);
  const roleOnly = (p: Party & { entity?: string }) => {
    const first = p.text.split(/\s+/)[0]!.toLowerCase();
    return TITLE_FIRST_WORDS.has(first) && !(p.entity && personIds0.has(p.entity)) && p.text.split(/\s+/).length > 1;
  };
  const unrole = (ps: Array<Party & { entity?: string }>): Party[] => {
    const out: Array<Party & { entity?: string }> = [];
    for (const p of ps) {
      let q: (Party & { entity?: string }) | null = p;
      if (roleOnly(p)) {
        const ce = p.country ? countryEntity.get(p.country) : undefined;
        // with no country: dropped when it is titles only ("Secretary General"), kept when a word may be a name
        const titlesOnly = p.text.split(/\s+/).every((w) => TITLE_WORDS.has(w.toLowerCase()));
        q = ce ? { text: ce.name, start: p.start, end: p.end, country: p.country, entity: ce.id } : titlesOnly ? null : p;
      }
      if (q && !out.some((o) => foldKey(o.text) === foldKey(q!.text))) out.push(q);
    }
    return out;
  };
  const items = articles
    .filter((a) => byArticle.has(a.id))
    .map((a) => ({
      article: a.id,
      story: a.storyId,
      text: a.text,
      published: a.published,
      events: byArticle.get(a.id)!.events.map((e): CodedEvent => ({
        ...e,
        actors: unrole(e.actors.map((p) => link(a.id, p))).filter(isParty),
        recipients: unrole(e.recipients.map((p) => link(a.id, p))).filter(isParty),
      })),
    }));
  // one event per happening; an undated event told beside a dated visit takes its date (src/events/merge.ts)
  const merged = mergeStoryEvents(items);
  // an event told many times gathers every party, place and date any one sentence named: keep what its mentions agree on
  const coded = codedByMention(items);
  for (const m of merged) settleByMentions(m, m.evidence.map((v) => coded.get(mentionKey(v.article, v.sentence, v.start))));
  // a person's country from their own side of an event ("X and the Vietnamese delegation"): when the other parties of
  // that side name one country only, it is a vote for it; the country most sentences give is theirs, in every event of
  // the story (by entity)
  const personIds = new Set(entities.filter((e) => e.type === 'PERSON').map((e) => e.id));
  const votes = new Map<string, Map<string, number>>();
  type Linked = Party & { entity?: string };
  for (const it of items)
    for (const e of it.events)
      for (const side of [e.actors, e.recipients] as Linked[][]) {
        const cs = new Set(side.filter((p) => p.country && !(p.entity && personIds.has(p.entity))).map((p) => p.country!));
        if (cs.size !== 1) continue;
        const [cc] = [...cs];
        for (const p of side) {
          if (p.country || !p.entity || !personIds.has(p.entity)) continue;
          const k = `${it.story}|${p.entity}`;
          let v = votes.get(k);
          if (!v) votes.set(k, (v = new Map()));
          v.set(cc!, (v.get(cc!) ?? 0) + 1);
        }
      }
  const personCountry = new Map<string, string>();
  for (const [k, v] of votes) personCountry.set(k, [...v].sort((a, b) => b[1] - a[1])[0]![0]);
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
  for (const m of merged) if (m.type === 'CONSULT' && m.mode === 'visit') Object.assign(m, hostSides(m.actors, m.recipients, m.location?.country));
  // a visit's sides are countries as well as people: the visitor's country stands beside the visitors, the host's beside
  // the hosts ("Vietnam's leader and Vietnam" → "North Korea")
  for (const m of merged) {
    if (m.type !== 'CONSULT' || m.mode !== 'visit' || m.negated) continue;
    for (const side of [m.actors, m.recipients] as Linked[][]) {
      const ccs = [...new Set(side.map((p) => p.country).filter((c): c is string => !!c))];
      for (const cc of ccs) {
        const ce = countryEntity.get(cc);
        if (!ce || side.some((p) => p.entity === ce.id)) continue;
        side.push({ text: ce.name, start: -1, end: -1, country: cc, entity: ce.id });
      }
    }
  }
  const itemEvents = new Map(items.map((it) => [it.article, it.events]));
  const mergedById = new Map(merged.map((m) => [m.id, m]));
  const eventOf = new Map<string, string>();
  for (const m of merged) for (const ev of m.evidence) eventOf.set(mentionKey(ev.article, ev.sentence, ev.start), m.id);
  // the entity's canonical name, the title as a role; one party per entity
  const party = (p: Party & { entity?: string }) => {
    const e = p.entity ? entityById.get(p.entity) : undefined;
    const c = e ? canonicalParty(p, e) : { text: p.text };
    return { text: c.text, ...(p.entity ? { entity: p.entity } : {}), ...(p.country ? { country: p.country } : {}), ...(c.role ? { role: c.role } : {}) };
  };
  const parties = (ps: Array<Party & { entity?: string }>) => {
    const out: Array<ReturnType<typeof party>> = [];
    for (const q of ps.map(party)) {
      const same = out.find((o) => (q.entity && o.entity === q.entity) || foldKey(o.text) === foldKey(q.text));
      if (!same) out.push(q);
      else if (!same.role && q.role) same.role = q.role;
    }
    return out;
  };
  // an agreement's party, written as a string: the entity of a mention in these very words (the nearest to the
  // document's), else a person or organisation the article or story names so, else the country the words name, else the
  // entity a mention inside the words names ("delegasi Vietnam"), never one whose mention the words are only part of
  const agreementParty = (article: string, text: string, near: number): Party & { entity?: string } => {
    const body = articleText.get(article) ?? '';
    const needle = text.toLowerCase();
    const dist = (x: { start: number }) => Math.abs(x.start - near);
    const exact = (spans.get(article) ?? []).filter((m) => body.slice(m.start, m.end).toLowerCase() === needle).sort((a, b) => dist(a) - dist(b))[0];
    const p: Party = { text, start: exact?.start ?? 0, end: exact?.end ?? 0 };
    if (exact) return { ...p, entity: exact.id, ...(exact.country ? { country: exact.country } : {}) };
    const story = storyOf.get(article);
    const named = entityByName(entities, article, text, story ? storyArticles.get(story) : undefined);
    if (named) return { ...p, entity: named.id, ...(named.country ? { country: named.country } : {}) };
    const cc = countryCode(text);
    const ce = cc ? countryEntity.get(cc) : undefined;
    if (ce) return { ...p, entity: ce.id, country: cc! };
    const lower = body.toLowerCase();
    let inner: { id: string; country?: string; start: number; end: number; person: boolean } | undefined;
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
      const m = (spans.get(article) ?? []).filter((x) => x.start >= i && x.end <= i + needle.length).sort((a, b) => +b.person - +a.person || b.end - b.start - (a.end - a.start))[0];
      if (m && (!inner || dist({ start: i }) < dist(inner))) inner = { ...m, start: i };
    }
    return inner ? { ...p, entity: inner.id, ...(inner.country ? { country: inner.country } : {}) } : p;
  };
  const events: ExportEvent[] = merged.map((m: MergedEvent) => ({
    id: m.id,
    story: m.story,
    type: m.type,
    mode: m.mode,
    context: m.context,
    actors: parties(m.actors),
    recipients: parties(m.recipients),
    location: m.location,
    date: m.date,
    ...(m.dateFrom ? { dateFrom: m.dateFrom } : {}),
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
      const coded = g.event !== undefined ? (itemEvents.get(a.id)?.[g.event] ?? rec.events[g.event]) : undefined;
      const event = coded ? (eventOf.get(mentionKey(a.id, coded.evidence.sentence, coded.trigger.start)) ?? null) : null;
      // signed during a dated visit: the date its signing took from it (the sentence's, else the merged event's), the
      // finer of those that agree with its own
      let date = g.date;
      const ev = event ? mergedById.get(event) : undefined;
      for (const d of [coded?.date, ev && !ev.background ? ev.date : undefined]) if (d?.value && datesCompatible(date, d)) date = moreSpecific(date, d);
      agreements.push({
        id: hashId('g', `${a.id}|${g.evidence.start}|${g.title}`),
        event,
        story: a.storyId,
        title: g.title,
        kind: g.kind,
        parties: g.parties,
        partyRefs: g.parties.map((t) => party(agreementParty(a.id, t, g.evidence.start))),
        fields: g.fields,
        date,
        place: g.place,
        signed: g.signed,
        ...(g.count !== undefined ? { count: g.count } : {}),
        evidence: [{ article: a.id, ...g.evidence }],
      });
    }
    for (const q of rec.quotes) {
      // a speaker named by title alone ("the Secretary General said") is the one person the article gives that title
      // (of several holders, the one named last before the speech: the title refers back to them)
      const at = q.speaker ? { offset: Math.min(q.start, q.speaker.start), paragraph: a.paragraphs.find((p) => q.start >= p.start && q.start < p.end) } : undefined;
      const hit = q.speaker ? (entityAt(a.id, q.speaker)?.id ?? titleHolder(entities, a.id, q.speaker.text, at)) : null;
      quotes.push({
        id: hashId('q', `${a.id}|${q.start}`),
        speaker: q.speaker ? { text: q.speaker.text, ...(hit ? { entity: hit } : {}) } : null,
        text: q.text,
        kind: q.kind,
        article: a.id,
        start: q.start,
        end: q.end,
      });
    }
  }
  // the documents of one signing ceremony belong to one event: a record tied to a current agreeing or signing event
  // ("the agreements signed during the visit", "the MoU was agreed") points at the story's signing told most, when
  // their dates agree (a second ceremony on another day stays apart)
  const signings = new Map<string, MergedEvent>();
  for (const m of merged) {
    if (m.type !== 'SUPPORT' || m.mode !== 'sign' || m.background || m.negated || m.modality !== 'asserted' || !m.story) continue;
    const prev = signings.get(m.story);
    if (!prev || m.evidence.length > prev.evidence.length) signings.set(m.story, m);
  }
  for (const g of agreements) {
    const ev = g.event ? mergedById.get(g.event) : undefined;
    const ceremony = g.story ? signings.get(g.story) : undefined;
    if (!ev || !ceremony || ev === ceremony || ev.background || ev.negated || (ev.modality !== 'asserted' && ev.modality !== 'reported')) continue;
    if ((ev.type === 'AGREE' || (ev.type === 'SUPPORT' && ev.mode === 'sign')) && datesCompatible(ev.date, ceremony.date)) g.event = ceremony.id;
  }
  // the items of one counted list ("five documents were signed: …") were signed together: an item with no date of its
  // own takes the one its dated siblings agree on
  const lists = new Map<string, ExportAgreement[]>();
  for (const g of agreements) {
    if (g.count === undefined) continue;
    const k = `${g.evidence[0]!.article}|${g.count}`;
    lists.set(k, [...(lists.get(k) ?? []), g]);
  }
  for (const items of lists.values()) {
    const dates = new Map(items.filter((g) => g.date.value).map((g) => [JSON.stringify(g.date), g.date]));
    if (dates.size !== 1) continue;
    const [d] = [...dates.values()];
    for (const g of items) if (!g.date.value) g.date = { ...d! };
  }
  return { events, agreements, quotes };
}
