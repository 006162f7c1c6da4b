// The named stages one article goes through before it is stored. Each stage adds its own
// annotation to the record; store-level stages (reuse, stories) run inside the ingest transaction.
import type { ArticleDoc, DocAnalysis, Extracted, RawInput } from './types.ts';
import { extractHtml } from './extract/html.ts';
import { extractTextDump } from './extract/textdump.ts';
import { identifyLanguage, paragraphLanguages } from './text/language.ts';
import { splitSentences } from './text/sentences.ts';
import { articleIdFor, normaliseForHash, sha256Hex } from './text/normalise.ts';
import { hostOf } from './util/common.ts';
import { findMentions } from './entities/mentions.ts';
import { resolveDocumentEntities } from './entities/link.ts';
import { tagTimes } from './time/tag.ts';
import { codeArticle } from './events/code.ts';
import { findAgreements } from './events/agreements.ts';
import { findQuotes } from './events/quotes.ts';

/** Longest article text analysed and stored (a long news feature is 50 000 characters). */
export const MAX_ARTICLE_CHARS = 2_000_000;

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`${input}: ${message}`);
    this.name = 'InputError';
  }
}

/** C0/C1 control characters (terminal escape sequences among them) are never content, and act on terminals that print them. */
function noControls(s: string | null): string | null {
  return s === null ? null : s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

export function extractStage(raw: RawInput): Extracted {
  const ex = raw.format === 'html' ? extractHtml(raw.content, raw.hints) : extractTextDump(raw.content, raw.hints);
  if (!ex.text.trim() && raw.format === 'text') ex.text = proseFallback(raw.content, ex.title);
  const h = raw.hints ?? {};
  // Container fields (JSONL, HTTP) are explicit metadata: they win over what the page text suggests.
  return {
    ...ex,
    text: noControls(ex.text)!,
    url: h.url ?? ex.url,
    title: noControls(h.title ?? ex.title),
    outlet: noControls(h.outlet ?? ex.outlet ?? (h.url ? hostOf(h.url) : null)),
    published: normalisePublished(h.published) ?? ex.published,
  };
}

/**
 * The analysis stage: entity mentions and times are found once and shared by the entity linker, the event coder,
 * the agreement reader and the quote finder. Text in a language without analysis data is read with English rules.
 */
export function analyseDoc(doc: ArticleDoc): DocAnalysis {
  const lang = doc.language && doc.language !== 'und' ? doc.language : 'en';
  const anchor = doc.published ? doc.published.slice(0, 10) : null;
  const d = { ...doc, language: lang };
  const mentions = findMentions(doc.text, doc.sentences, lang, { outlet: doc.outlet });
  const times = tagTimes(doc.text, { lang, anchor });
  const events = codeArticle(d, { mentions, times });
  return {
    entities: resolveDocumentEntities(mentions, lang),
    events,
    agreements: findAgreements(d, events, { mentions, times }),
    quotes: findQuotes(doc.text, doc.sentences, lang, { mentions }),
  };
}

/** Every stage from raw input to a stored-ready document (`analyse: false` stops before the analysis stage). */
export function processRaw(raw: RawInput, opts: { analyse?: boolean } = {}): ArticleDoc {
  const ex = extractStage(raw);
  if (!ex.text.trim()) throw new InputError(raw.input, 'no article text found');
  // Analysis costs grow with the text (about 15 s per million characters on one core): past this a page is
  // not a news article but a way to stall the ingest, so it is refused with an error naming it.
  if (ex.text.length > MAX_ARTICLE_CHARS) throw new InputError(raw.input, `article text is ${ex.text.length} characters, over the ${MAX_ARTICLE_CHARS} limit for one article`);
  const hint = raw.hints?.language ?? ex.declaredLanguage ?? null;
  const guess = identifyLanguage((ex.title ? ex.title + '\n\n' : '') + ex.text, hint);
  const paragraphs = paragraphLanguages(ex.text, guess);
  const sentences = splitSentences(ex.text, guess.lang);
  const textHash = sha256Hex(normaliseForHash(ex.text));
  const doc: ArticleDoc = {
    ...ex,
    id: articleIdFor(textHash),
    input: raw.input,
    language: guess.lang,
    languageConfidence: guess.confidence,
    paragraphs,
    sentences,
    textHash,
  };
  if (opts.analyse !== false) doc.analysis = analyseDoc(doc);
  return doc;
}

/**
 * Fallback phase for text the line classifier found no body in (a one-line dump, a lone paragraph
 * it took for a headline): keep the lines that read as prose, else every line.
 */
export function proseFallback(content: string, title: string | null): string {
  const lines = content
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && l !== title);
  const prose = lines.filter((l) => /[.!?…"”’)]$/.test(l) || l.split(/\s+/).length >= 12);
  return (prose.length ? prose : lines).join('\n\n');
}


/** Accept ISO dates/datetimes (and anything Date can read unambiguously); keep a plain date as a date. */
export function normalisePublished(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString();
}
