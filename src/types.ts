// The one document record that flows through Kabar's stages.
// Each stage reads what earlier stages wrote and adds its own typed annotation;
// no stage rewrites another's output.

/** ISO 639-1 code (`id`, `ms`, `en`, `vi`, ...) or `und` when unknown. */
export type LangCode = string;

/** Character span into `ArticleDoc.text`, in UTF-16 code units (JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
}

export interface Caption {
  text: string;
  /** "VNA" for "Foto: VNA"; null when the page gives no credit. */
  credit: string | null;
}

/** What an input source hands to extraction: decoded content plus anything the container already knows. */
export interface RawInput {
  /** Path, URL, `-` (stdin) or `path#line` for a JSONL line: how the user named it. */
  input: string;
  /** How to read `content`. */
  format: 'text' | 'html';
  content: string;
  /** Hints from the container (JSONL fields, HTTP response URL); extraction may refine them. */
  hints?: {
    url?: string;
    title?: string;
    published?: string;
    outlet?: string;
    language?: string;
    id?: string;
  };
}

/** Output of the extraction stage (shared by the HTML extractor and the text-dump classifier). */
export interface Extracted {
  url: string | null;
  outlet: string | null;
  title: string | null;
  /** ISO date `YYYY-MM-DD` or datetime; null when the page states none. */
  published: string | null;
  authors: string[];
  /** Outlets/agencies the article names as its sources ("Sumber-sumber: Reuters, ..."). */
  citedSources: string[];
  captions: Caption[];
  /** Clean body: paragraphs separated by a blank line ("\n\n"). Headline not included. */
  text: string;
  /** Language the page declares (html lang, meta), if any: a hint for language identification. */
  declaredLanguage?: string | null;
}

export interface LanguageGuess {
  lang: LangCode;
  /** 0..1 */
  confidence: number;
}

/** The analysis stage's annotations: who (entities), what (events, agreements) and who said what (quotes). */
export interface DocAnalysis {
  entities: import('./entities/link.ts').DocEntity[];
  events: import('./events/code.ts').CodedEvent[];
  agreements: import('./events/agreements.ts').AgreementRecord[];
  quotes: import('./events/quotes.ts').Quote[];
}

export interface ArticleDoc extends Extracted {
  /** Stable id: hash of the normalised text (exact duplicates share it). */
  id: string;
  input: string;
  language: LangCode;
  languageConfidence: number;
  /** Paragraph spans with their own language, for mixed-language pages. */
  paragraphs: Array<Span & { lang: LangCode }>;
  sentences: Span[];
  /** Hash of the normalised text used for exact-duplicate detection. */
  textHash: string;
  /** Added by the analysis stage (`analyseDoc`); absent when a caller skips it. */
  analysis?: DocAnalysis;
}
