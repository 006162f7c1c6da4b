// Pluggable story features: each extractor turns an article into typed keys ("w:flood",
// "n:shinzo abe", "d:22/10") with counts; its weight scales those keys in the similarity.
// Cross-language grouping later adds an extractor of canonical entity ids ("e:Q123").
import type { ArticleDoc } from '../types.ts';
import { stopwordsFor } from './stopwords.ts';
import { nameRuns, numberKey, tokenize, type Token } from './text.ts';

export interface FeatureContext {
  /** Body tokens then title tokens (title counted `titleBoost` extra times by the extractors). */
  body: Token[];
  title: Token[];
  stop: ReadonlySet<string>;
}

export interface FeatureExtractor {
  /** Key prefix, unique per extractor. */
  kind: string;
  /** Multiplies the TF-IDF weight of this extractor's keys. */
  weight: number;
  /** Whether its keys may be retrieval keys in the inverted index. */
  index: boolean;
  extract(doc: ArticleDoc, ctx: FeatureContext): Map<string, number>;
}

/** A headline states what the story is: its words count as this many extra mentions. */
const TITLE_BOOST = 2;

function isWord(t: Token, stop: ReadonlySet<string>): boolean {
  return !t.num && t.norm.length >= 2 && !stop.has(t.norm);
}

function count(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function each(ctx: FeatureContext, fn: (tokens: Token[], times: number) => void): void {
  fn(ctx.body, 1);
  if (ctx.title.length > 0) fn(ctx.title, TITLE_BOOST);
}

/** Content words (stop words and single letters dropped). */
export const wordFeature: FeatureExtractor = {
  kind: 'w',
  weight: 1,
  index: true,
  extract(_doc, ctx) {
    const out = new Map<string, number>();
    each(ctx, (tokens, times) => {
      for (const t of tokens) if (isWord(t, ctx.stop)) count(out, t.norm, times);
    });
    return out;
  },
};

/** Adjacent content-word pairs: compounds in syllable-written languages ("máy bay"), phrases elsewhere. */
export const pairFeature: FeatureExtractor = {
  kind: 'p',
  weight: 1,
  // Most word pairs occur in one article only: as retrieval keys they would crowd out shared ones.
  index: false,
  extract(_doc, ctx) {
    const out = new Map<string, number>();
    each(ctx, (tokens, times) => {
      for (let i = 1; i < tokens.length; i++) {
        const a = tokens[i - 1];
        const b = tokens[i];
        if (b.breakBefore || !isWord(a, ctx.stop) || !isWord(b, ctx.stop)) continue;
        const pair = `${a.norm} ${b.norm}`;
        if (!ctx.stop.has(pair)) count(out, pair, times);
      }
    });
    return out;
  },
};

/** Capitalised multi-word names. */
export const nameFeature: FeatureExtractor = {
  kind: 'n',
  weight: 1.5,
  index: true,
  extract(_doc, ctx) {
    const out = new Map<string, number>();
    each(ctx, (tokens, times) => {
      for (const n of nameRuns(tokens, ctx.stop)) count(out, n, times);
    });
    return out;
  },
};

/** Numbers and numeric dates (day/month) mentioned in the text. */
export const numberFeature: FeatureExtractor = {
  kind: '#',
  weight: 1,
  index: true,
  extract(_doc, ctx) {
    const out = new Map<string, number>();
    each(ctx, (tokens, times) => {
      for (const t of tokens) {
        if (!t.num) continue;
        const k = numberKey(t.norm);
        if (k) count(out, `${k.kind === 'date' ? 'd' : 'n'}${k.key}`, times);
      }
    });
    return out;
  },
};

export const defaultFeatures: FeatureExtractor[] = [wordFeature, pairFeature, nameFeature, numberFeature];

/** All typed keys of an article with their counts ("kind:value" -> tf). */
export function articleFeatures(doc: ArticleDoc, extractors: FeatureExtractor[] = defaultFeatures): Map<string, number> {
  const ctx: FeatureContext = {
    body: tokenize(doc.text),
    title: doc.title ? tokenize(doc.title) : [],
    stop: stopwordsFor(doc.language),
  };
  const out = new Map<string, number>();
  for (const ex of extractors) for (const [k, n] of ex.extract(doc, ctx)) out.set(`${ex.kind}:${k}`, n);
  return out;
}

export function kindOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}
