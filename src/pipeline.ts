// The named stages one article goes through before it is stored. Each stage adds its own
// annotation to the record; store-level stages (reuse, stories) run inside the ingest transaction.
import type { ArticleDoc, Extracted, RawInput } from './types.ts';
import { extractHtml } from './extract/html.ts';
import { extractTextDump } from './extract/textdump.ts';
import { identifyLanguage, paragraphLanguages } from './text/language.ts';
import { splitSentences } from './text/sentences.ts';
import { articleIdFor, normaliseForHash, sha256Hex } from './text/normalise.ts';
import { hostOf } from './util/common.ts';

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`${input}: ${message}`);
    this.name = 'InputError';
  }
}

export function extractStage(raw: RawInput): Extracted {
  const ex = raw.format === 'html' ? extractHtml(raw.content, raw.hints) : extractTextDump(raw.content, raw.hints);
  if (!ex.text.trim() && raw.format === 'text') ex.text = proseFallback(raw.content, ex.title);
  const h = raw.hints ?? {};
  // Container fields (JSONL, HTTP) are explicit metadata: they win over what the page text suggests.
  return {
    ...ex,
    url: h.url ?? ex.url,
    title: h.title ?? ex.title,
    outlet: h.outlet ?? ex.outlet ?? (h.url ? hostOf(h.url) : null),
    published: normalisePublished(h.published) ?? ex.published,
  };
}

export function processRaw(raw: RawInput): ArticleDoc {
  const ex = extractStage(raw);
  if (!ex.text.trim()) throw new InputError(raw.input, 'no article text found');
  const hint = raw.hints?.language ?? ex.declaredLanguage ?? null;
  const guess = identifyLanguage((ex.title ? ex.title + '\n\n' : '') + ex.text, hint);
  const paragraphs = paragraphLanguages(ex.text, guess);
  const sentences = splitSentences(ex.text, guess.lang);
  const textHash = sha256Hex(normaliseForHash(ex.text));
  return {
    ...ex,
    id: articleIdFor(textHash),
    input: raw.input,
    language: guess.lang,
    languageConfidence: guess.confidence,
    paragraphs,
    sentences,
    textHash,
  };
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
