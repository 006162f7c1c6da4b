import type { Store } from '../store/db.ts';
import { listArticles, listStories } from '../store/queries.ts';
import { listReuse } from '../reuse/detect.ts';
import { tagTimes } from '../time/tag.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type KabarExport } from './schema.ts';

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
  return {
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
  };
}
