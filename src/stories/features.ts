// Pluggable story features: each extractor turns an article into typed keys ("w:flood",
// "n:shinzo abe", "d:22/10") with counts; its weight scales those keys in the similarity.
// Entity keys ("e:tolam", "c:VN") come from the analysis stage's linking keys, which are the same
// in every language, so they (with numbers and dates) let articles in different languages be compared.
import type { ArticleDoc } from '../types.ts';
import { stopwordsFor } from './stopwords.ts';
import { foldWords } from '../entities/normalise.ts';
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
  /** Its keys mean the same thing in every language (linked entities, numbers, dates). */
  crossLanguage?: boolean;
  /** false: its keys count only across languages, not in the same-language similarity. */
  sameLanguage?: boolean;
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
  crossLanguage: true,
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

/** Entity types that say who and where a story is about (OTHER: events, works, ... are too loose). */
const STORY_ENTITY_TYPES = new Set(['PERSON', 'ORGANISATION', 'PLACE']);

function isCountryKey(key: string): boolean {
  return key.startsWith('country:');
}

/**
 * Linked entities of the analysis stage by mention count: people, organisations and places by the
 * last two words of their folded name (countries by code). The type is dropped: the tagger may call
 * one name a person in one language and a place in another. The last two words are a name's most
 * specific part, and in one language the tagger may take a word before a name into it ("Fisheries
 * Yusuf Hamdani") or drop one ("Van Long" for "Le Van Long"); the linking key keeps them all.
 */
function entityCounts(doc: ArticleDoc, countries: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of doc.analysis?.entities ?? []) {
    if (!STORY_ENTITY_TYPES.has(e.type) || isCountryKey(e.key) !== countries) continue;
    const n = Math.max(1, e.mentions.length);
    if (countries) count(out, e.key.slice('country:'.length), n);
    else {
      const words = foldWords(e.name);
      if (words.length > 0) count(out, words.slice(-2).join(''), n);
    }
  }
  return out;
}

/**
 * People, organisations and places (not countries), one language-independent key each
 * ("e:nguyenvanan" for "Nguyễn Văn An" and "Nguyen Van An"). Absent when the article was not analysed.
 */
export const entityFeature: FeatureExtractor = {
  kind: 'e',
  weight: 1.5,
  index: true,
  crossLanguage: true,
  // Within one language the name feature already carries these names (counting them twice
  // measured worse on the Vietnamese clusters dev set).
  sameLanguage: false,
  extract: (doc) => entityCounts(doc, false),
};

/** Countries by ISO code ("c:VN"): a country is shared by many unrelated stories, so it weighs little. */
export const countryFeature: FeatureExtractor = {
  kind: 'c',
  weight: 0.5,
  index: false,
  crossLanguage: true,
  sameLanguage: false,
  extract: (doc) => entityCounts(doc, true),
};

export const defaultFeatures: FeatureExtractor[] = [wordFeature, pairFeature, nameFeature, numberFeature, entityFeature, countryFeature];

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
