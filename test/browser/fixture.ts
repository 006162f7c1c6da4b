// A small store for the server and browser tests: three articles of one story (independent outlets disagree on
// a date; two of them share a copied passage) and articles whose title, outlet, URL and text are XSS payloads.
// Written for these tests; fictional outlets and people.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/db.ts';
import { testDb } from '../helpers.ts';
import { processRaw } from '../../src/pipeline.ts';
import { ingestDoc } from '../../src/store/ingest.ts';
import type { RawInput } from '../../src/types.ts';

/** Classic payloads: script tags, event handlers, javascript: URLs, broken-out attributes, SVG, entities. */
export const XSS = [
  '<script>alert("xss1")</script>',
  '<img src=x onerror=alert("xss2")>',
  '"><svg onload=alert("xss3")>',
  "'><iframe src=javascript:alert('xss4')></iframe>",
  '<a href="javascript:alert(\'xss5\')">click</a>',
  '</textarea><script>alert("xss6")</script>',
  '</title><script>alert("xss7")</script>',
  '<body onload=alert("xss8")>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss9")>',
  '&lt;script&gt;alert("xss10")&lt;/script&gt;',
  '<style>*{display:none}</style>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '{{constructor.constructor("alert(11)")()}}',
  '<details open ontoggle=alert("xss12")>',
  '"onmouseover="alert(13)',
  '\u202e<script>alert("xss14")</script>',
];

export const STORY_TEXTS: Array<{ title: string; outlet: string; url: string; published: string; text: string }> = [
  {
    title: 'Indonesia and Norway sign fisheries memorandum in Jakarta',
    outlet: 'Coastal Herald',
    url: 'https://coastal-herald.example/2025/03/12/fisheries',
    published: '2025-03-12',
    text: [
      'Indonesia and Norway signed a memorandum of understanding on fisheries cooperation in Jakarta on 12 March 2025.',
      'The agreement was signed by the fisheries ministers of both countries after two days of talks.',
      'Under the memorandum, the two governments will share data on fish stocks and train inspectors together.',
      'Officials said the first joint patrol would take place next year.',
    ].join(' \n\n'),
  },
  {
    title: 'Jakarta fisheries pact: Norway and Indonesia agree to share stock data',
    outlet: 'Nordic Wire',
    url: 'https://nordic-wire.example/news/fisheries-pact',
    published: '2025-03-13',
    text: [
      'During a visit to Jakarta on 13 March 2025, Norway and Indonesia signed a memorandum of understanding on fisheries cooperation.',
      'Oslo will fund a training centre for fisheries inspectors on Java as part of the deal.',
      'The ministers also discussed illegal fishing in the region.',
      'A spokesperson said the deal would be reviewed after three years.',
    ].join(' \n\n'),
  },
  {
    title: 'Fisheries cooperation: Indonesia, Norway seal deal',
    outlet: 'Harbour Daily',
    url: 'https://harbour-daily.example/fisheries-deal',
    published: '2025-03-12',
    text: [
      'The memorandum of understanding on fisheries cooperation was signed by Indonesia and Norway in Jakarta on 12 March 2025, officials said.',
      'The fisheries ministers of Indonesia and Norway met in Jakarta for two days before the signing.',
      'Under the memorandum, the two governments will share data on fish stocks and train inspectors together.',
    ].join(' \n\n'),
  },
];

export async function ingestRaw(store: Store, raw: RawInput) {
  return ingestDoc(store, processRaw(raw));
}

export interface Fixture {
  dir: string;
  dbPath: string;
  store: Store;
  storyId: string;
  articleIds: string[];
  xssArticleIds: string[];
  cleanup(): Promise<void>;
}

export async function buildFixture(): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-server-'));
  const dbPath = await testDb('reader');
  const store = await openStore(dbPath);
  const articleIds: string[] = [];
  let storyId = '';
  for (const [i, a] of STORY_TEXTS.entries()) {
    const r = await ingestRaw(store, { input: `fixture-${i}.txt`, format: 'text', content: a.text, hints: { title: a.title, outlet: a.outlet, url: a.url, published: a.published, language: 'en' } });
    articleIds.push(r.articleId);
    if (i === 0) storyId = r.storyId!;
  }
  const xssArticleIds: string[] = [];
  for (const [i, p] of XSS.entries()) {
    const text = `Report number ${i} about ${p} in the city. The payload ${p} appears twice in this sentence about harbour ${i}.\n\nA second paragraph mentions ${p} once more, with a date: 4 April 2025.`;
    const r = await ingestRaw(store, { input: `xss-${i}.txt`, format: 'text', content: text, hints: { title: `Title ${p}`, outlet: `Outlet ${p}`, url: i % 2 ? 'javascript:alert(1)' : `https://x.example/?q=${encodeURIComponent(p)}`, published: '2025-04-04', language: 'en' } });
    xssArticleIds.push(r.articleId);
  }
  return {
    dir,
    dbPath,
    store,
    storyId,
    articleIds,
    xssArticleIds,
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
