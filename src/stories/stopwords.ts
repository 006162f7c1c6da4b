// The one place the clustering stage gets stop words from: the per-language resources.
import { baseCode, getLanguage, languages } from '../lang/index.ts';

const cache = new Map<string, ReadonlySet<string>>();
const none: ReadonlySet<string> = new Set();

/** Stop words of `lang`, NFC lower case (single words and multi-word entries); none for unsupported languages. */
export function stopwordsFor(lang: string): ReadonlySet<string> {
  const base = baseCode(lang);
  // An unknown language gets no stop words rather than another language's: idf still discounts its function words.
  if (!(base in languages)) return none;
  let set = cache.get(base);
  if (!set) {
    set = new Set(getLanguage(base).stopwords.map((w) => w.normalize('NFC').toLowerCase()));
    cache.set(base, set);
  }
  return set;
}
