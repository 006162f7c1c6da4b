// Per-language resources for the entity stage, gathered from src/lang/<code>/titles.ts and orgs.ts.
// They reach the stage through the language registry (src/lang/index.ts).
import anyAscii from 'any-ascii';
import { findLanguage, getLanguage, languages } from '../lang/index.ts';

/** What one language file set provides (all lists are written in natural case; matching folds case). */
export interface EntityTitles {
  /** Role titles, one or more words: heads of state and government, ministers, party posts, parliament,
   * diplomats, military and police ranks, academic and clerical titles, officials. */
  titles: string[];
  /** Words that modify a title without being one ("Wakil", "Deputy", "Phó", "mantan", "former"). */
  titleModifiers: string[];
  /** Words that may close a title after its portfolio ("Tetap" in "Wakil Menteri Luar Negeri Tetap", "ad interim"). */
  titleSuffixes?: string[];
  /** Words between a title and its portfolio ("of" in "Minister of Foreign Affairs"). */
  portfolioLinks?: string[];
  /** Portfolio or office words that may follow a title ("Luar Negeri", "Foreign Affairs", "Ngoại giao"). */
  portfolios: string[];
  /** Forms of address that become an attribute of a person ("Tn.", "Bapak", "Mr.", "Ông"). */
  honorifics: string[];
}

export interface EntityOrgs {
  /** Words that head an organisation name ("Kementerian", "Partai", "Ministry", "Bộ", "Đảng"). */
  orgHeads: string[];
  /** Lower-case words that may stand inside a multi-word name ("dan", "of", "và"). */
  functionWords: string[];
  /** Particles inside personal names ("de", "van", "bin", "al"): the word before a surname, never a preposition
   * that joins a name to a place ("Carlos de Lima" is one person). */
  nameParticles?: string[];
  /** "and" words that chain two portfolios of one title ("Menteri Perindustrian dan Perdagangan"). */
  conjunctions: string[];
  /** Capitalised words that are never an entity on their own (ordinals, discourse words, "Foto"). */
  nonEntities: string[];
  /** Words naming a kind of document that lead its name: law, regulation, treaty, convention, resolution, declaration,
   * charter ("Undang-Undang", "Konvensi", "Nghị quyết"). Such a name is a named thing (type OTHER), not an organisation. */
  documentHeads?: string[];
  /** The same in English order: the word ends the name ("the Paris Agreement") or stands before "of"/"on"/"for"
   * ("the Convention on ...", "the Treaty of ..."). */
  documentHeadsAfter?: string[];
  /** The words between such a word and the rest of the name ("of", "on"). */
  documentLinks?: string[];
  /** Place head words ("Provinsi", "Kota", "Laut", "Province", "Tỉnh", "Sông"). */
  placeHeads: string[];
  /** Compass and position words that make a name a region's ("West", "Utara", "Tây"): "West Bank" is no bank. */
  directionWords?: string[];
  /** Adjectives and demonyms by ISO alpha-2 code ("US": ["American"]). */
  demonyms?: Record<string, string[]>;
  /**
   * Words an organisation's name is written with interchangeably (spelling variants, the two usual
   * translations of one word): each variant → the word its linking key uses ("labor" → "labour").
   */
  orgWordVariants?: Record<string, string>;
  /** Lower-case words that introduce a newspaper, news agency or broadcaster by name ("harian", "kantor berita",
   * "newspaper", "báo"): the capitalised name right after one is that outlet, an organisation. */
  mediaWords?: string[];
  /** English-style media words written after the outlet's name ("the X newspaper", "X daily"). */
  mediaWordsAfter?: string[];
  /** Common family names that open a personal name in this language's naming tradition (Vietnamese "Nguyễn",
   * "Trần", ...): a run of capitalised syllables opened by one is a person's name unless a gazetteer knows it as a place. */
  personSurnames?: string[];
  /** In this language a person named by one name word is named with a form of address or a title ("ông Thịnh",
   * "Bộ trưởng Sơn"); a lone capitalised word with neither, and no full name in the text that holds it, is no person
   * (in Vietnamese it is the first syllable of a word opening a sentence or a name: "Kim ngạch", "Hồi giáo"). */
  loneNameNeedsAddress?: boolean;
  /** World regions, continents, oceans, seas and straits by a language-neutral id shared across languages
   * ("southeast-asia": ["Asia Tenggara"]): one place entity whatever the language. */
  regions?: Record<string, string[]>;
  /** International organisations (and the language's own state institutions) by a language-neutral id shared across
   * languages ("un": ["Perserikatan Bangsa-Bangsa", "PBB"]): one organisation entity whatever the language. A name
   * written in capitals (an acronym) matches only capitals, and only in text of its list's language. */
  organisations?: Record<string, string[]>;
  /** Government ministries: how the language names them, by portfolio ids shared across languages. */
  ministries?: Ministries;
}

export interface Ministries {
  /** Words that open a ministry's name before its portfolio ("Kementerian", "Ministry", "Bộ"). */
  heads: string[];
  /** Words that close it after an adjectival portfolio ("Foreign Ministry", "State Department"). */
  headsAfter?: string[];
  /** Words between a head and its portfolio ("of" in "Ministry of Finance"). */
  links?: string[];
  /** Portfolio id → the language's forms ("foreign-affairs": ["Luar Negeri"]). */
  portfolios: Record<string, string[]>;
  /** Words after a ministry's name that make it several countries' or the other side's ("kedua negara", "of both
   * countries", "hai nước", "nước bạn"): such a name is no one country's, not even the home country's. */
  several?: string[];
  /** A ministry's display name with "{portfolio}" for the portfolio's first form ("Ministry of {portfolio}"): the
   * canonical name, from the English list. */
  name?: string;
  /** What the display name says in place of a country for several countries' ministries ("several countries"). */
  severalCountries?: string;
  /** ISO alpha-2 of the country whose ministries the language's news names without a country ("id" → "ID"); none
   * where the language is many countries' (English). */
  homeCountry?: string;
}

export interface EntityLangData extends EntityTitles, EntityOrgs {
  code: string;
}

export const entityLanguages = Object.keys(languages).filter((code) => languages[code]!.entities);

export function entityData(code: string): EntityLangData {
  const l = findLanguage(code)?.entities ? findLanguage(code)! : languages.en!;
  return { code: l.code, ...l.entities! };
}

/** The "and" words of every language with entity data. */
/** Compass words of every language, lower case, one word each ("barat daya" gives "barat" and "daya"). */
export const allDirectionWords: ReadonlySet<string> = new Set(
  entityLanguages.flatMap((code) => (entityData(code).directionWords ?? []).flatMap((w) => w.toLowerCase().split(/\s+/))),
);
/** Name particles of every language with entity data, lower case. */
export const allNameParticles: ReadonlySet<string> = new Set(entityLanguages.flatMap((code) => (entityData(code).nameParticles ?? []).map((w) => w.toLowerCase())));
export const allConjunctions: ReadonlySet<string> = new Set(entityLanguages.flatMap((code) => entityData(code).conjunctions.map((w) => w.toLowerCase())));

/** Document-name links of every language with entity data, lower case. */
export const allDocumentLinks: ReadonlySet<string> = new Set(entityLanguages.flatMap((code) => (entityData(code).documentLinks ?? []).map((w) => w.toLowerCase())));

/** Organisation-name word variants of every language with entity data (folded variant → folded word). */
export const allOrgWordVariants: ReadonlyMap<string, string> = new Map(
  entityLanguages.flatMap((code) => Object.entries(entityData(code).orgWordVariants ?? {}).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()] as [string, string])),
);

/** Family names of every language with entity data, lower case as written ("nguyễn"). */
export const allPersonSurnames: ReadonlySet<string> = new Set(entityLanguages.flatMap((code) => (entityData(code).personSurnames ?? []).map((w) => w.toLowerCase())));
/** The same family names without diacritics ("nguyen"), as news in other languages writes them. */
export const allPersonSurnamesFolded: ReadonlySet<string> = new Set(
  [...allPersonSurnames].map((w) => anyAscii(w.normalize('NFC')).toLowerCase()),
);

/** Title-closing words of every language with entity data, as lower-case word lists. */
export const allPortfolioLinks: ReadonlySet<string> = new Set(entityLanguages.flatMap((code) => (entityData(code).portfolioLinks ?? []).map((w) => w.toLowerCase())));
export const allTitleSuffixes: ReadonlyArray<string[]> = entityLanguages.flatMap((code) => (entityData(code).titleSuffixes ?? []).map((w) => w.toLowerCase().split(/\s+/)));

/** Month, weekday and caption-credit words of a language: capitalised, never an entity by themselves. */
export function calendarWords(code: string): string[] {
  const l = getLanguage(code);
  return [...l.dates.months.flat(), ...l.dates.weekdays.flat(), ...l.extract.captionCreditWords];
}
