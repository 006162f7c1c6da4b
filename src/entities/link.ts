// One entity per real thing inside a document: mentions grouped by key; short person mentions
// ("Hartono", "Tn. Hartono") linked to the full name that contains them; countries under their ISO code;
// cities with coordinates.
import type { EntityType, Mention } from './mentions.ts';
import { countryCode, countryName, demonymCountry, foldWords, lookupCity, ministryName, organisationName, regionName } from './normalise.ts';
import { allDirectionWords, allPortfolioLinks, entityData } from './langdata.ts';

/** Compass words of every language, folded ("bắc" → "bac"). */
const foldedDirections: ReadonlySet<string> = new Set([...allDirectionWords].flatMap((w) => foldWords(w)));

export interface DocEntity {
  key: string;
  type: EntityType;
  /** canonical name */
  name: string;
  aliases: Array<{ text: string; lang: string }>;
  roles: Array<{ title: string; org?: string }>;
  mentions: Array<{ start: number; end: number }>;
  /** ISO alpha-2 (places) */
  country?: string;
  /** [lat, lon] (cities) */
  coordinates?: [number, number];
}

/** Smallest population for a place name to be read as a city with coordinates. */
const CITY_MIN_POP = 15000;

export function resolveDocumentEntities(mentions: Mention[], lang: string): DocEntity[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  // person keys: a mention whose words are all inside a longer person name links to it (nearest earlier one first)
  const persons = sorted.filter((m) => m.type === 'PERSON');
  const fullNames = new Map<string, string[]>(); // key → words
  for (const m of persons) {
    const w = foldWords(m.text);
    if (w.length >= 2 && !fullNames.has(m.key)) fullNames.set(m.key, w);
  }
  // full names by each of their words
  const byWord = new Map<string, string[]>();
  for (const [k, fw] of fullNames) for (const x of new Set(fw)) byWord.set(x, [...(byWord.get(x) ?? []), k]);
  const linkKey = new Map<Mention, string>();
  const lastSeen = new Map<string, number>();
  const candCache = new Map<string, string[]>();
  for (const m of persons) {
    lastSeen.set(m.key, m.start);
    const w = foldWords(m.text);
    if (!w.length) continue;
    let cands = candCache.get(m.key);
    if (!cands) {
      const longer = (byWord.get(w[0]!) ?? []).filter((k) => k !== m.key && fullNames.get(k)!.length > w.length);
      // a name of several words is a cut-off form of a longer one only as its leading words ("Park Min" of "Park Min
      // Jun"); a shorter mention (a bare surname) links to any full name holding all its words
      cands = fullNames.get(m.key)?.length === w.length
        ? longer.filter((k) => w.every((x, i) => fullNames.get(k)![i] === x))
        : longer.filter((k) => w.every((x) => fullNames.get(k)!.includes(x)));
      candCache.set(m.key, cands);
    }
    if (!cands.length) continue;
    // several full names share the word: the one mentioned last before this mention, else the first
    let best = cands[0]!;
    for (const k of cands) if ((lastSeen.get(k) ?? -1) > (lastSeen.get(best) ?? -1)) best = k;
    linkKey.set(m, best);
  }
  // "Kementerian Luar Negeri" in an article that also writes "Kementerian Luar Negeri Vietnam" (or "the Vietnamese
  // Foreign Ministry" beside "the Foreign Ministry"), and no other country's: the bare name is that country's body. The
  // words the longer name adds must name a country (its name or demonym, maybe after "of"); across articles a bare
  // name stays generic.
  const orgs = sorted.filter((m) => m.type === 'ORGANISATION' && m.key.startsWith('organisation:'));
  if (orgs.length > 1) {
    // per key: the words as written and folded
    const forms = new Map<string, { raw: string[]; f: string[] }>();
    for (const m of orgs) {
      if (forms.has(m.key)) continue;
      const raw = m.text.split(/\s+/).filter((x) => foldWords(x).length > 0);
      forms.set(m.key, { raw, f: raw.map((x) => foldWords(x).join('')) });
    }
    const namesCountry = (words: string[]) => {
      let i = 0;
      while (i < words.length && allPortfolioLinks.has(words[i]!.toLowerCase())) i++;
      const rest = words.slice(i).join(' ');
      return rest.length > 0 && !!(countryCode(rest) || demonymCountry(rest));
    };
    const qualified = new Map<string, string>();
    for (const [key, { f: w }] of forms) {
      const hits = [...forms].filter(([k, { raw, f }]) => {
        if (k === key || f.length <= w.length) return false;
        if (w.every((x, i) => f[i] === x) && namesCountry(raw.slice(w.length))) return true;
        const at = f.length - w.length;
        return w.every((x, i) => f[at + i] === x) && namesCountry(raw.slice(0, at));
      });
      if (hits.length === 1) qualified.set(key, hits[0]![0]);
    }
    for (const m of orgs) {
      const to = qualified.get(m.key);
      if (to) linkKey.set(m, to);
    }
  }
  // A ministry named without its country ("Bộ Ngoại giao", "Kementerian Luar Negeri"): the country written right
  // before or after it ("Bộ Ngoại giao | Trung Quốc", "Vietnamese | Foreign Ministry"), else the one country the
  // article names that ministry with, else the country whose ministries the language's news names bare (see below).
  const ministries = sorted.filter((m) => m.key.startsWith('org:ministry-'));
  if (ministries.length) {
    const explicit = new Map<string, Set<string>>();
    for (const m of ministries) {
      const [base, cc] = m.key.split('@');
      if (cc) explicit.set(base!, (explicit.get(base!) ?? new Set()).add(cc));
    }
    // the language's home country only in an article that names no other country: an Indonesian report on talks
    // between two other countries may name either side's ministry bare ("lembaga Partai, Kementerian Luar Negeri,
    // ... kedua belah pihak"), and no country is better than a wrong one
    const homeCountry = entityData(lang).ministries?.homeCountry;
    const home = sorted.some((m) => m.key.startsWith('country:') && m.key !== `country:${homeCountry}`) ? undefined : homeCountry;
    sorted.forEach((m, i) => {
      // with a country, or "Kementerian Luar Negeri kedua negara" (key @*: several countries' ministries, mentions.ts)
      if (!m.key.startsWith('org:ministry-') || m.key.includes('@')) return;
      const next = sorted[i + 1];
      const prev = sorted[i - 1];
      const beside =
        next && next.key.startsWith('country:') && next.start - m.end <= 1 ? next : prev && prev.key.startsWith('country:') && m.start - prev.end <= 1 ? prev : undefined;
      const named = explicit.get(m.key);
      const cc = beside ? beside.key.slice('country:'.length) : named?.size === 1 ? [...named][0] : home;
      if (cc) linkKey.set(m, `${m.key}@${cc}`);
    });
  }
  // "Korea" in a story that names "Korea Utara" / "North Korea" and no other Korea: a place name whose words are a
  // country's name of this document less its compass words is that country (two such countries: left alone)
  const countryWords = new Map<string, string[][]>();
  for (const m of sorted) if (m.key.startsWith('country:')) countryWords.set(m.key, [...(countryWords.get(m.key) ?? []), foldWords(m.text)]);
  if (countryWords.size) {
    for (const m of sorted) {
      if (m.type !== 'PLACE' || m.key.startsWith('country:')) continue;
      const w = foldWords(m.text);
      if (!w.length) continue;
      const hits = [...countryWords].filter(([, forms]) =>
        forms.some((f) => f.length > w.length && w.every((x) => f.includes(x)) && f.every((x) => w.includes(x) || foldedDirections.has(x))),
      );
      if (hits.length === 1) linkKey.set(m, hits[0]![0]);
    }
  }
  const groups = new Map<string, { type: EntityType; ms: Mention[] }>();
  for (const m of sorted) {
    const key = linkKey.get(m) ?? m.key;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { type: m.type, ms: [] }));
    g.ms.push(m);
  }
  const out: DocEntity[] = [];
  for (const [key, g] of groups) {
    // type by majority of mentions
    const votes = new Map<EntityType, number>();
    for (const m of g.ms) votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
    const type = [...votes].sort((a, b) => b[1] - a[1])[0]![0];
    const texts = new Map<string, number>();
    for (const m of g.ms) texts.set(m.text, (texts.get(m.text) ?? 0) + 1);
    const e: DocEntity = {
      key,
      type,
      name: canonicalName(texts),
      aliases: [...texts.keys()].map((text) => ({ text, lang })),
      roles: [],
      mentions: g.ms.map((m) => ({ start: m.start, end: m.end })),
    };
    const seen = new Set<string>();
    for (const m of g.ms) {
      if (!m.role) continue;
      const k = m.role.title.toLowerCase() + '|' + (m.role.org ?? '').toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      e.roles.push(m.role.org ? { title: m.role.title, org: m.role.org } : { title: m.role.title });
    }
    // a "person" that is only ever a bare big-city name is the city ("Hanoi" tagged PERSON by the model)
    if (e.type === 'PERSON' && !e.roles.length && !g.ms.some((m) => m.honorific) && lookupCity(e.name, 100000)) {
      e.type = 'PLACE';
      e.key = `place:${e.key.slice(e.key.indexOf(':') + 1)}`;
    }
    if (key.startsWith('country:')) {
      e.country = key.slice('country:'.length);
      e.type = 'PLACE';
      e.name = countryName(e.country, 'en');
    } else if (key.startsWith('region:')) {
      e.type = 'PLACE';
      e.name = regionName(key.slice('region:'.length), 'en');
    } else if (key.startsWith('org:ministry-')) {
      const [portfolio, cc] = key.slice('org:ministry-'.length).split('@');
      e.type = 'ORGANISATION';
      e.name = ministryName(portfolio!, cc);
    } else if (key.startsWith('org:')) {
      e.type = 'ORGANISATION';
      e.name = organisationName(key.slice('org:'.length), 'en');
    } else if (e.type === 'PLACE') {
      const city = lookupCity(e.name, CITY_MIN_POP);
      if (city) {
        e.country = city.country;
        e.coordinates = city.coordinates;
      }
    }
    out.push(e);
  }
  return out;
}

/** The most frequent full spelling; ties to the one with diacritics, then the longest. */
function canonicalName(texts: Map<string, number>): string {
  const words = (s: string) => s.split(/\s+/).length;
  return [...texts]
    .sort(
      (a, b) =>
        words(b[0]) - words(a[0]) ||
        b[1] - a[1] ||
        Number(/[^\x00-\x7f]/.test(b[0])) - Number(/[^\x00-\x7f]/.test(a[0])) ||
        b[0].length - a[0].length,
    )[0]![0];
}
