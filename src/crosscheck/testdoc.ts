// Small hand-made export documents for the cross-check and brief tests: articles from sentences, with the
// times, reuse links, events, agreements, entities and quotes a test gives.
import type { KabarExport } from '../export/schema.ts';

export interface ArticleSpec {
  id: string;
  outlet: string;
  lang?: string;
  published?: string | null;
  url?: string;
  citedSources?: string[];
  sentences: string[];
}

type Doc = Omit<KabarExport, 'claims' | 'consistency'>;

/** An export with one story holding the given articles; times are found by the test's own `times` list (text → value). */
export function testDoc(
  articles: ArticleSpec[],
  extra: {
    times?: Array<{ article: string; text: string; type?: 'DATE' | 'TIME' | 'DURATION' | 'SET'; value: string; interval?: { start: string; end: string }; mod?: string; anniversary?: { ordinal: number; of?: string; since?: string } }>;
    reuse?: Array<{ a: string; b: string; sentence: [number, number] }>;
    events?: KabarExport['events'];
    agreements?: KabarExport['agreements'];
    entities?: KabarExport['entities'];
    quotes?: KabarExport['quotes'];
  } = {},
): Doc {
  const arts = articles.map((a) => {
    let text = '';
    const sentences: Array<{ start: number; end: number }> = [];
    for (const s of a.sentences) {
      if (text) text += ' ';
      sentences.push({ start: text.length, end: text.length + s.length });
      text += s;
    }
    return {
      id: a.id,
      story: 's1',
      input: `${a.id}.txt`,
      url: a.url ?? `https://${a.outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example/${a.id}`,
      outlet: a.outlet,
      title: a.sentences[0] ?? null,
      published: a.published === undefined ? '2025-03-12' : a.published,
      language: a.lang ?? 'en',
      authors: [],
      citedSources: a.citedSources ?? [],
      captions: [],
      text,
      paragraphs: [{ start: 0, end: text.length, lang: a.lang ?? 'en' }],
      sentences,
    };
  });
  const byId = new Map(arts.map((a) => [a.id, a]));
  const times = (extra.times ?? []).map((t) => {
    const a = byId.get(t.article)!;
    const start = a.text.indexOf(t.text);
    if (start < 0) throw new Error(`time "${t.text}" not in ${t.article}`);
    return {
      article: t.article,
      start,
      end: start + t.text.length,
      text: t.text,
      type: t.type ?? 'DATE',
      value: t.value,
      anchor: a.published,
      ...(t.interval ? { interval: t.interval } : {}),
      ...(t.mod ? { mod: t.mod } : {}),
      confidence: 1,
      ...(t.anniversary ? { anniversary: t.anniversary } : {}),
    };
  });
  const reuse = (extra.reuse ?? []).map((r) => ({
    a: r.a,
    b: r.b,
    score: 0.5,
    sentences: [{ a: byId.get(r.a)!.sentences[r.sentence[0]]!, b: byId.get(r.b)!.sentences[r.sentence[1]]! }],
  }));
  return {
    format: 'kabar-export',
    version: '1.3.0',
    stories: [{ id: 's1', title: articles[0]?.sentences[0] ?? null, articles: arts.map((a) => a.id), firstPublished: '2025-03-11', lastPublished: '2025-03-12' }],
    articles: arts,
    reuse,
    times,
    entities: extra.entities ?? [],
    events: extra.events ?? [],
    agreements: extra.agreements ?? [],
    quotes: extra.quotes ?? [],
    corrections: [],
  } as Doc;
}
