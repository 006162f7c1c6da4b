// Mentions of people, organisations and places in an article: tokens with offsets → NER tagger → rules.
// Titles are roles, not names; honorifics are attributes; acronyms are tied to their expansions;
// ordinals, titles, calendar words and caption words are never an entity by themselves.
import type { Span } from '../types.ts';
import { tokenize, type Token } from './tokenize.ts';
import { tagTokens } from './ner.ts';
import { chunks } from './conll.ts';
import { GAZ_CITY_MIN_POP, matchAt, type GazCategory } from './gazetteer.ts';
import { allConjunctions, allDirectionWords, allDocumentLinks, allNameParticles, allPersonSurnames, allPersonSurnamesFolded, allPortfolioLinks, allOrgWordVariants, allTitleSuffixes, entityData } from './langdata.ts';
import { countryCode, demonymCountry, foldKey, foldWords, lookupCity, ministryOf, organisationId, regionId } from './normalise.ts';
import { getLanguage, stopwordsFor } from '../lang/index.ts';

export type EntityType = 'PERSON' | 'ORGANISATION' | 'PLACE' | 'OTHER';

export interface Mention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  role?: { title: string; org?: string };
  honorific?: string;
  /** normalised linking key: "country:VN", "person:tolam", "organisation:partaikomunisvietnam", "place:hanoi" */
  key: string;
}

const isCap = (w: string) => /^\p{Lu}/u.test(w);
const hasLetter = (w: string) => /\p{L}/u.test(w);
const isAllCaps = (w: string) => hasLetter(w) && w === w.toUpperCase();

/** Linking key of a name of a type (countries under their ISO code, known organisations under their id, whatever the
 * language or form; `lang`: the text's, for acronyms). */
export function mentionKey(type: EntityType, name: string, lang?: string): string {
  if (type === 'ORGANISATION') {
    const ministry = ministryOf(name);
    if (ministry) return `org:ministry-${ministry.portfolio}${ministry.country ? `@${ministry.country}` : ''}`;
    const org = organisationId(name, lang);
    if (org) return `org:${org}`;
  }
  if (type === 'PLACE' || type === 'ORGANISATION') {
    const cc = countryCode(name);
    if (cc) return `country:${cc}`;
    const region = regionId(name);
    if (region) return `region:${region}`;
  }
  // "Partai Buruh Korea" and "Partai Pekerja Korea" are one party told in two translations
  if (type === 'ORGANISATION') return `organisation:${foldWords(name).map((w) => allOrgWordVariants.get(w) ?? w).join('')}`;
  return `${type.toLowerCase()}:${foldKey(name)}`;
}

export interface Ctx {
  text: string;
  toks: Token[];
  words: string[];
  lower: string[];
  lang: string;
  /** the language's stop words (function words) */
  stops: ReadonlySet<string>;
}

/** Length of a title phrase (modifiers + title + portfolio words) starting at token i, 0 if none. */
function titleAt(c: Ctx, i: number): number {
  let j = i;
  for (let m = matchAt('TMOD', c.lower, j); m && j < c.words.length; m = matchAt('TMOD', c.lower, j)) j += m;
  const t = matchAt('TITLE', c.lower, j);
  if (!t) return 0;
  j += t;
  // "Minister of Foreign Affairs": a link word before the portfolio
  if (allPortfolioLinks.has(c.lower[j] ?? '') && matchAt('PORT', c.lower, j + 1)) j++;
  // a title that carries its first portfolio ("Menteri Pertanian") chains the next one the same way
  if (j + 1 < c.words.length && allConjunctions.has(c.lower[j]!) && matchAt('PORT', c.lower, j + 1) && t > 1) j++;
  // portfolio words ("Luar Negeri"), possibly chained with an "and" word of any language
  for (;;) {
    const p = matchAt('PORT', c.lower, j);
    if (!p) break;
    j += p;
    if (j + 1 < c.words.length && allConjunctions.has(c.lower[j]!) && matchAt('PORT', c.lower, j + 1)) j++;
  }
  for (const suf of allTitleSuffixes) if (suf.every((w, k) => c.lower[j + k] === w)) {
    j += suf.length;
    break;
  }
  return j - i;
}

/** A title phrase ending exactly at token `end` (exclusive): its start, or -1. */
function titleEndingAt(c: Ctx, end: number): number {
  for (let s = Math.max(0, end - 8); s < end; s++) if (titleAt(c, s) === end - s) return s;
  return -1;
}

function honorificEndingAt(c: Ctx, end: number): number {
  for (let s = Math.max(0, end - 4); s < end; s++) {
    const h = matchAt('HON', c.lower, s);
    if (h === end - s) return s;
    // "Tn." = "Tn" "." tokens
    if (h > 0 && h === end - s - 1 && c.words[end - 1] === '.') return s;
  }
  return -1;
}

const spanText = (c: Ctx, s: number, e: number) => c.text.slice(c.toks[s]!.start, c.toks[e - 1]!.end);

/** Never an entity on its own: single tokens that are ordinals, calendar, caption or discourse words, titles, honorifics. */
function notAnEntity(c: Ctx, s: number, e: number): boolean {
  const n = e - s;
  for (const cat of ['NONE', 'CAL', 'HON', 'TITLE', 'TMOD', 'PORT', 'ORGH', 'PLH'] as const) if (matchAt(cat, c.lower, s) === n) return true;
  if (titleAt(c, s) === n) return true;
  if (!c.words.slice(s, e).some(hasLetter)) return true;
  if (n === 1 && c.words[s]!.length < 2) return true;
  // A question or pronoun phrase capitalised at a sentence start ("Bisakah Anda", "Could you"): every word a
  // function word of the language. Acronyms ("US", "WHO") are names whatever their lower case spells.
  if (n <= 3 && c.words.slice(s, e).every((w) => !isAllCaps(w) && c.stops.has(w.toLowerCase()))) return true;
  // ...except in an all-caps headline, where capitals say nothing: "WHO SAID ..." opens with a pronoun
  if (n <= 3 && (inCapsRun(c, s) || inCapsRun(c, e - 1)) && c.words.slice(s, e).every((w) => c.stops.has(w.toLowerCase()))) return true;
  // A one-word head joined by a conjunction ("Partai dan Negara", "Party and State"): two generic nouns, no one
  // body named (a name keeps its modifiers between head and conjunction: "Kementerian Perdagangan dan
  // Perindustrian"; a head of several words is a name's head: "Kamar Dagang dan Industri").
  const head = matchAt('ORGH', c.lower, s) || matchAt('PLH', c.lower, s);
  if (head === 1 && s + 1 < e && allConjunctions.has(c.lower[s + 1]!)) return true;
  return false;
}


/** A tagged span: tokens s..e (exclusive) of a type. */
export type Chunk = { s: number; e: number; type: EntityType };

/** The tokens of `text` with what the rules read of them. */
export function contextOf(text: string, lang: string): Ctx {
  const toks = tokenize(text);
  return { text, toks, words: toks.map((t) => t.text), lower: toks.map((t) => t.text.toLowerCase()), lang, stops: stopwordsFor(lang) };
}

/** Tokens s..e are a whole known country, world region or territory ("Asia Tenggara", "West Bank"), or a city of
 * the gazetteer's size (in any spelling: "Hà Nội"), written with a capital. */
function knownPlace(c: Ctx, s: number, e: number): boolean {
  if (s >= e || !isCap(c.words[s]!)) return false;
  const name = spanText(c, s, e);
  return (matchAt('CTRY', c.lower, s) === e - s && !!countryCode(name)) || (matchAt('REG', c.lower, s) === e - s && !!regionId(name)) || !!lookupCity(name, GAZ_CITY_MIN_POP);
}

/**
 * A tagged span that joins a known country or city to another name by a lower-case preposition or conjunction of
 * the language is two names: "Nhật Bản tại Hà Nội", "Budi Santoso di Jakarta", "Việt Nam và Nhật Bản". Not when the
 * part before has an organisation word ("Embassy of Indonesia in Hanoi", "Đại sứ quán Việt Nam tại Nhật Bản", "Bank
 * of Korea"), nor at a name particle ("Carlos de Lima"). A part that is a known place is a place.
 */
export function splitAtPlaces(c: Ctx, raw: Chunk[]): void {
  const joiner = (k: number) => !isCap(c.words[k]!) && c.stops.has(c.lower[k]!) && !allNameParticles.has(c.lower[k]!);
  const out: Chunk[] = [];
  for (const r of raw) {
    let from = r.s;
    let headed = false;
    for (let k = r.s; k < r.e; k++) {
      if (matchAt('ORGH', c.lower, k)) headed = true;
      if (headed || k === from || k + 1 >= r.e || !joiner(k)) continue;
      let next = k + 1;
      while (next < r.e && !joiner(next)) next++;
      if (!knownPlace(c, from, k) && !knownPlace(c, k + 1, next)) continue;
      out.push({ s: from, e: k, type: knownPlace(c, from, k) ? 'PLACE' : r.type });
      from = k + 1;
    }
    out.push(from === r.s ? r : { s: from, e: r.e, type: knownPlace(c, from, r.e) ? 'PLACE' : r.type });
  }
  raw.splice(0, raw.length, ...out);
}

/**
 * A country's name of several words ("Republik Rakyat Demokratik Korea", "Korea Utara") is that country whole,
 * however the tagger covered it ("Korea" alone, or nothing of "Republik Rakyat Demokratik"): the chunks lying
 * inside it give way to it. A chunk that runs beyond the name is left to the rules that read it.
 */
export function wholeCountries(c: Ctx, raw: Chunk[]): void {
  const at = new Int32Array(c.words.length + 1).fill(-1);
  raw.forEach((r, idx) => {
    for (let k = r.s; k < r.e; k++) at[k] = idx;
  });
  const drop = new Set<number>();
  const add: Chunk[] = [];
  for (let i = 0; i < c.words.length; i++) {
    const n = matchAt('CTRY', c.lower, i);
    if (n < 2 || !isCap(c.words[i]!) || !countryCode(spanText(c, i, i + n))) continue;
    const inside = new Set<number>();
    let ok = true;
    for (let k = i; k < i + n; k++) {
      const idx = at[k]!;
      if (idx < 0) continue;
      if (raw[idx]!.s < i || raw[idx]!.e > i + n) ok = false;
      inside.add(idx);
    }
    if (!ok || !inside.size) continue;
    if (inside.size === 1 && raw[[...inside][0]!]!.s === i && raw[[...inside][0]!]!.e === i + n) continue;
    for (const idx of inside) drop.add(idx);
    add.push({ s: i, e: i + n, type: 'PLACE' });
    i += n - 1;
  }
  if (!add.length) return;
  const kept = raw.filter((_, idx) => !drop.has(idx));
  raw.splice(0, raw.length, ...[...kept, ...add].sort((a, b) => a.s - b.s));
}

function tagSentence(c: Ctx, s: number, e: number): string[] {
  const words = c.words.slice(s, e);
  const letters = words.filter(hasLetter);
  // an all-caps line (headline) carries no case information: tag it in lower case, gazetteers find the places
  const caps = letters.length > 2 && letters.every(isAllCaps);
  return tagTokens(caps ? words.map((w) => w.toLowerCase()) : words);
}

/** Token k is a family name of a naming tradition with a surname list ("Nguyễn", or "Nguyen" without diacritics). */
function surnameAt(c: Ctx, k: number): boolean {
  const w = c.words[k];
  if (!w || !isCap(w) || isAllCaps(w)) return false;
  return allPersonSurnames.has(c.lower[k]!) || (/^[\x00-\x7f]+$/.test(w) && allPersonSurnamesFolded.has(c.lower[k]!));
}

/** Word lists that make a word no part of a personal name: organisation and place heads, countries, words that
 * are never entities, calendar words. */
/** Whether tokens s..e name a document: led by a document word with a name after it, or (English order) ending in
 * one or with one before "of"/"on"/"for", unless an organisation word leads ("Secretariat of the Convention"). */
function namesDocument(c: Ctx, s: number, e: number): boolean {
  const lead = matchAt('DOC', c.lower, s);
  if (lead && s + lead < e) return true;
  if (matchAt('ORGH', c.lower, s)) return false;
  for (let k = s; k < e; k++) {
    const n = matchAt('DOC_AFTER', c.lower, k);
    if (n && k + n <= e && ((k + n === e && k > s) || (k + n < e && allDocumentLinks.has(c.lower[k + n]!)))) return true;
  }
  return false;
}

const NOT_NAME: readonly GazCategory[] = ['ORGH', 'PLH', 'CTRY', 'NONE', 'CAL'];

/** Token k starts an entry of one of the word lists `cats`. */
function inLists(c: Ctx, k: number, cats: readonly GazCategory[]): boolean {
  return cats.some((cat) => matchAt(cat, c.lower, k) > 0);
}

/** The first token of a place head ("Provinsi", "sân bay") that ends right before token `s` (the longest one that
 * `ok` accepts), -1 if none. */
function placeHeadBefore(c: Ctx, s: number, ok: (b: number) => boolean = () => true): number {
  for (let b = Math.max(0, s - 3); b < s; b++) if (matchAt('PLH', c.lower, b) === s - b && ok(b)) return b;
  return -1;
}

/**
 * Tokens s..e are a personal name opened by a family name ("Hồ Quang Minh", "Tran Van Loc"): three or four
 * capitalised words, the first a family name, the others no organisation, place, country, compass, title or calendar
 * word, not preceded by a place head ("tỉnh", "Kabupaten"), and no country or city the gazetteer knows.
 */
export function surnamedName(c: Ctx, s: number, e: number): boolean {
  if (e - s < 3 || e - s > 4 || !surnameAt(c, s)) return false;
  for (let k = s; k < e; k++) {
    const w = c.words[k]!;
    if (!isCap(w) || isAllCaps(w) || !/^\p{L}+$/u.test(w)) return false;
    if (k > s && (inLists(c, k, NOT_NAME) || matchAt('TITLE', c.lower, k) || allDirectionWords.has(c.lower[k]!))) return false;
  }
  if (placeHeadBefore(c, s) >= 0) return false;
  const name = spanText(c, s, e);
  return !knownPlace(c, s, e) && !lookupCity(name) && !countryCode(name);
}

/** Host labels that can be an outlet's name ("baomoingay" of "baomoingay.example", "herald" of "www.herald.example"). */
function outletLabels(outlet: string | null | undefined): Set<string> {
  const host = (outlet ?? '').toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/:]/)[0]!;
  const labels = host.split('.').slice(0, -1);
  return new Set(labels.filter((l) => l.length >= 4 && l !== 'www').map((l) => l.replace(/[^a-z0-9]/g, '')));
}

/** People, organisations and places mentioned in `text` (sentence spans from the sentences stage). `outlet`: the
 * publishing site's host, whose name in its own article is the outlet ("told Bao Moi Ngay" on baomoingay.example). */
export function findMentions(text: string, sentences: Span[], lang: string, opts: { outlet?: string | null } = {}): Mention[] {
  const c = contextOf(text, lang);
  const toks = c.toks;
  const fn = new Set(entityData(lang).functionWords);
  const placePreps: ReadonlySet<string> = new Set(getLanguage(lang).events?.placePreps ?? []);
  /** index of the token starting at character offset `off` (binary search), -1 if none */
  const tokenAt = (off: number): number => {
    let lo = 0;
    let hi = toks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = toks[mid]!.start;
      if (v === off) return mid;
      if (v < off) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  // sentence boundaries as token ranges
  const spans = sentences.length ? [...sentences].sort((a, b) => a.start - b.start) : [{ start: 0, end: text.length }];
  const ranges: Array<[number, number]> = [];
  let ti = 0;
  for (const sp of spans) {
    while (ti < toks.length && toks[ti]!.start < sp.start) ti++;
    const s = ti;
    while (ti < toks.length && toks[ti]!.end <= sp.end) ti++;
    if (ti > s) ranges.push([s, ti]);
  }
  // known: a known organisation's or ministry's whole name (kept as it is: its lower-case words are its own)
  const raw: Array<{ s: number; e: number; type: EntityType; known?: boolean }> = [];
  for (const [s, e] of ranges) {
    const tags = tagSentence(c, s, e);
    for (const ch of chunks(tags)) raw.push({ s: s + ch.start, e: s + ch.end, type: ch.type as EntityType });
  }
  const isFn = (k: number) => fn.has(c.lower[k]!);
  // no entity runs across a line break or a comma/semicolon
  const sameLine = (a: number, b: number) => !/\n/.test(text.slice(toks[a]!.end, toks[b]!.start));
  const spaceBetween = (a: number, b: number) => /^[ \t]+$/.test(text.slice(toks[a]!.end, toks[b]!.start));
  const splitRaw: typeof raw = [];
  for (const r of raw) {
    let s = r.s;
    for (let k = r.s; k < r.e; k++) {
      const brk = [',', ';', '|', '•', ':'].includes(c.words[k]!) || (k > r.s && !sameLine(k - 1, k));
      if (!brk) continue;
      if (k > s && !['-'].includes(c.words[s]!)) splitRaw.push({ s, e: k, type: r.type });
      s = [',', ';', '|', '•', ':'].includes(c.words[k]!) ? k + 1 : k;
    }
    if (r.e > s) splitRaw.push({ s, e: r.e, type: r.type });
  }
  raw.length = 0;
  for (const x of splitRaw) raw.push(x);
  // hyphenated names the tagger cut at the hyphen: "Park Ji-hoon", "Asia-Pasifik"
  const glued = (a: number, b: number) => toks[a]!.end === toks[b]!.start;
  for (const r of raw) {
    // but "Vietnam-Korea" (two countries) stays two places, and a lower-case word after a known place makes an
    // adjective of it ("a Hanoi-based institute")
    while (
      r.e + 1 < toks.length && c.words[r.e] === '-' && glued(r.e - 1, r.e) && glued(r.e, r.e + 1) && hasLetter(c.words[r.e + 1]!) &&
      (isCap(c.words[r.e + 1]!) || !(knownPlace(c, r.s, r.e) || knownPlace(c, r.e - 1, r.e))) &&
      !matchAt('CTRY', c.lower, r.e + 1) && !countryCode(spanText(c, r.s, r.e))
    ) r.e += 2;
  }
  // "Bộ Tài chính Phạm | Văn Đức": an untagged family name just before a person the tagger found opens that
  // person's name (the name never starts on a cut)
  {
    const tagged = new Uint8Array(toks.length + 1);
    for (const r of raw) for (let k = r.s; k < r.e; k++) tagged[k] = 1;
    for (const r of raw) {
      const k = r.s - 1;
      if (r.type === 'PERSON' && k >= 0 && !tagged[k] && spaceBetween(k, r.s) && surnamedName(c, k, r.e)) (r.s = k), (tagged[k] = 1);
    }
  }
  splitAtPlaces(c, raw);
  wholeCountries(c, raw);
  // a word inside a title phrase that began earlier is part of the role ("Ketua Komisi Urusan Negara X"):
  // titleFrom[k] = 1 + the token where that title starts (0: none)
  const titleFrom = new Int32Array(toks.length + 1);
  for (let t = 0; t < toks.length; t++) {
    if (!isCap(c.words[t]!) || titleFrom[t]) continue;
    const n = titleAt(c, t);
    for (let k = t + 1; k < t + n; k++) titleFrom[k] = t + 1;
  }
  const inTitle = titleFrom;
  // an organisation head word with its capitalised tail is one organisation, lower-case function words included:
  // "Kamar Dagang dan Industri Indonesia", "Kementerian Luar Negeri"
  {
    const startsPerson = new Uint8Array(toks.length + 1);
    const inRaw = new Int32Array(toks.length + 1).fill(-1);
    raw.forEach((r, idx) => {
      if (r.type === 'PERSON') startsPerson[r.s] = 1;
      for (let k = r.s; k < r.e; k++) inRaw[k] = idx;
    });
    const drop = new Set<number>();
    const added: typeof raw = [];
    // "X dan Kementerian Y", "X and Minister Y": an "and" before a new head word (organisation or document) or a
    // title starts another name
    const startsName = (k: number) => !!matchAt('ORGH', c.lower, k) || !!matchAt('DOC', c.lower, k) || titleAt(c, k) > 0;
    for (let i = 0; i < toks.length; i++) {
      if (!isCap(c.words[i]!) || isAllCaps(c.words[i]!)) continue;
      // a document word leads a name the same way ("Konvensi ... tentang Hukum Laut", "Treaty of ..."); push() types it OTHER
      const da = matchAt('DOC_AFTER', c.lower, i);
      const orgHead = matchAt('ORGH', c.lower, i);
      const h = orgHead || matchAt('DOC', c.lower, i) || (da && allDocumentLinks.has(c.lower[i + da] ?? '') ? da : 0);
      if (!h || inTitle[i]) continue;
      if (inRaw[i] >= 0 && raw[inRaw[i]!]!.s !== i) continue;
      // a document's name is never a person's, whatever the tagger started there
      const doc = !orgHead;
      const open = (k: number) => doc || !startsPerson[k];
      let e = i + h;
      while (e < toks.length && sameLine(e - 1, e) && open(e)) {
        if (isCap(c.words[e]!)) e++;
        else if (isFn(e) && e + 1 < toks.length && isCap(c.words[e + 1]!) && open(e + 1) && !(allConjunctions.has(c.lower[e]!) && startsName(e + 1))) e += 2;
        else if (c.words[e] === '-' && glued(e - 1, e) && e + 1 < toks.length && glued(e, e + 1)) e += 2;
        else break;
      }
      if (e - i < 2 || (e - i === h && (h < 2 || doc))) continue;
      // a document word only widens a name the tagger found after it: title-case common nouns ("Perjanjian Kerja
      // Sama", a cooperation agreement) are no name
      if (doc && !inRaw.subarray(i + h, e).some((x) => x >= 0)) continue;
      // the run must not cut a tagged chunk in two
      if (inRaw[e - 1]! >= 0 && raw[inRaw[e - 1]!]!.e > e) continue;
      for (let k = i; k < e; k++) if (inRaw[k]! >= 0) drop.add(inRaw[k]!);
      added.push({ s: i, e, type: 'ORGANISATION' });
      i = e - 1;
    }
    if (added.length) {
      const kept = raw.filter((_, idx) => !drop.has(idx));
      raw.length = 0;
      for (const x of kept) raw.push(x);
      for (const x of added) raw.push(x);
      raw.sort((a, b) => a.s - b.s);
    }
  }
  // "International Atomic Energy Agency (IAEA)": the capitalised run before an all-caps word in parentheses is its
  // expansion, one organisation (or a country: "Amerika Serikat (AS)"), whatever the tagger split it into
  const expansions: Array<{ s: number; e: number; type: EntityType; acr: number }> = [];
  for (let i = 2; i + 1 < toks.length; i++) {
    if (c.words[i - 1] !== '(' || c.words[i + 1] !== ')' || !isAllCaps(c.words[i]!) || c.words[i]!.length < 2) continue;
    if (countryCode(c.words[i]!)) continue; // "(AS)" after a place names the country, not the place
    let s = i - 1;
    const joins = (k: number) => (isFn(k) || c.words[k] === '-') && k - 1 >= 0 && isCap(c.words[k - 1]!) && sameLine(k - 1, k + 1);
    while (s > 0 && (isCap(c.words[s - 1]!) || joins(s - 1)) && sameLine(s - 1, s) && i - 1 - s < 12) s--;
    while (s < i - 1 && isFn(s)) s++;
    // leading titles are not part of the expansion
    for (let t = titleAt(c, s); t && s + t < i - 1; t = titleAt(c, s)) s += t;
    if (i - 1 - s < 2 && !countryCode(spanText(c, s, i - 1) || '')) continue;
    if (i - 1 - s < 1) continue;
    const type: EntityType = countryCode(spanText(c, s, i - 1)) ? 'PLACE' : 'ORGANISATION';
    expansions.push({ s, e: i - 1, type, acr: i });
  }
  if (expansions.length) {
    const blocked = new Uint8Array(toks.length + 1);
    for (const x of expansions) for (let k = x.s; k <= x.acr; k++) blocked[k] = 1;
    const kept = raw.filter((r) => {
      for (let k = r.s; k < r.e; k++) if (blocked[k]) return false;
      return true;
    });
    raw.length = 0;
    for (const x of kept) raw.push(x);
    for (const { s, e, type } of expansions) raw.push({ s, e, type });
    raw.sort((a, b) => a.s - b.s);
  }
  // a country name at the start of a longer chunk after a title is its own place: "Menteri Luar Negeri [AS] [Marco Rubio]"
  const splitCountry: typeof raw = [];
  for (const r of raw) {
    const n = matchAt('CTRY', c.lower, r.s);
    // (or before a name opened by a family name: "<Vietnam> <Pham Van Duc>")
    if (n && r.s + n < r.e && isCap(c.words[r.s + n]!) && (titleEndingAt(c, r.s) >= 0 || r.type === 'PERSON' || surnamedName(c, r.s + n, r.e))) {
      splitCountry.push({ s: r.s, e: r.s + n, type: 'PLACE' }, { s: r.s + n, e: r.e, type: 'PERSON' });
    } else splitCountry.push(r);
  }
  raw.length = 0;
  for (const x of splitCountry) raw.push(x);
  // "Kota Baru Regent Siti Aminah", "Riverside College Professor Jane Doe" tagged as one place or organisation: a title
  // phrase inside it, after a capitalised word and before capitalised name words only, starts the person; what
  // precedes it is the role's place or organisation
  {
    const split: typeof raw = [];
    for (const r of raw) {
      let cut = -1;
      if (r.type !== 'PERSON') {
        for (let k = r.s + 1; k < r.e - 1 && cut < 0; k++) {
          if (!isCap(c.words[k]!) || !isCap(c.words[k - 1]!) || titleFrom[k] || titleAt(c, r.s) >= k - r.s) continue;
          const t = titleAt(c, k);
          if (!t || k + t >= r.e) continue;
          let names = true;
          for (let j = k + t; j < r.e && names; j++) {
            const w = c.words[j]!;
            names = isCap(w) && !isAllCaps(w) && !inLists(c, j, NOT_NAME);
          }
          if (names) cut = k;
        }
      }
      if (cut < 0) split.push(r);
      else split.push({ s: r.s, e: cut, type: r.type }, { s: cut, e: r.e, type: 'PERSON' });
    }
    raw.length = 0;
    for (const x of split) raw.push(x);
  }
  // A title phrase (or two joined by "and": "Sekretaris Jenderal dan Presiden X") followed by a run of two or more
  // capitalised words is a person with that role, however the tagger cut the run ("Presiden [Park] [Min-soo]").
  // Runs that start with a country, a place or organisation (by head word or by the tagger) or another title are
  // left to the rules above.
  {
    const chunkAt = new Int32Array(toks.length + 1).fill(-1);
    raw.forEach((r, idx) => {
      for (let k = r.s; k < r.e; k++) chunkAt[k] = idx;
    });
    const nameWord = (k: number) =>
      isCap(c.words[k]!) && !isAllCaps(c.words[k]!) && !isFn(k) && !matchAt('ORGH', c.lower, k) && !matchAt('NONE', c.lower, k) && !matchAt('CAL', c.lower, k) && !matchAt('CTRY', c.lower, k) && !titleAt(c, k);
    const drop = new Set<number>();
    const add: typeof raw = [];
    for (let t = 0; t < toks.length; t++) {
      if (!isCap(c.words[t]!) || titleFrom[t]) continue;
      let j = t + titleAt(c, t);
      if (j === t) continue;
      while (j + 1 < toks.length && allConjunctions.has(c.lower[j]!) && titleAt(c, j + 1) > 0) j += 1 + titleAt(c, j + 1);
      // a common word the title carries ("Presiden Negara" = state president)
      while (j < toks.length && isCap(c.words[j]!) && matchAt('NONE', c.lower, j) === 1 && !matchAt('TITLE', c.lower, j)) j++;
      const s0 = j;
      // a place head that is also a family name ("Hồ": lake) opens a name after a title ("đội trưởng Hồ Quang Minh")
      if (s0 >= toks.length || !nameWord(s0) || (matchAt('PLH', c.lower, s0) && !surnameAt(c, s0)) || matchAt('HON', c.lower, s0)) continue;
      // the tagger reads a place or organisation where the run starts ("Gubernur [Jawa Barat] Ridwan Kamil"): its call,
      // unless it is an "organisation" with no organisation word in it (a person's name after a title)
      const first = chunkAt[s0]! >= 0 ? raw[chunkAt[s0]!]! : undefined;
      if (first && first.type !== 'PERSON') {
        let headed = first.type !== 'ORGANISATION' && !(first.type === 'PLACE' && first.s === s0 && surnamedName(c, first.s, first.e));
        for (let k = first.s; k < first.e && !headed; k++) if (matchAt('ORGH', c.lower, k) || isAllCaps(c.words[k]!)) headed = true;
        if (headed) continue;
      }
      let e = s0;
      while (e < toks.length && e - s0 < 6 && (e === s0 || sameLine(e - 1, e))) {
        if (nameWord(e)) e++;
        else if (c.words[e] === '-' && e > s0 && glued(e - 1, e) && e + 1 < toks.length && glued(e, e + 1) && hasLetter(c.words[e + 1]!)) e += 2;
        else break;
      }
      if (e - s0 < 2 || countryCode(spanText(c, s0, e))) continue;
      const over = new Set<number>();
      for (let k = t; k < e; k++) if (chunkAt[k]! >= 0) over.add(chunkAt[k]!);
      // never cut a tagged chunk in two, except where a function word follows the name ("X in Jakarta"): what
      // follows it is a name of its own
      const rest: typeof raw = [];
      if ([...over].some((idx) => raw[idx]!.s < t)) continue;
      const beyond = [...over].filter((idx) => raw[idx]!.e > e);
      if (beyond.length) {
        let r = e;
        while (r < raw[beyond[0]!]!.e && isFn(r)) r++;
        if (r === e || r >= raw[beyond[0]!]!.e || !isCap(c.words[r]!)) continue;
        const end = raw[beyond[0]!]!.e;
        const place = matchAt('CTRY', c.lower, r) === end - r || lookupCity(spanText(c, r, end));
        rest.push({ s: r, e: end, type: place ? 'PLACE' : raw[beyond[0]!]!.type });
      }
      if ([...over].some((idx) => raw[idx]!.type === 'PERSON' && raw[idx]!.e === e && raw[idx]!.s <= s0)) continue;
      for (const idx of over) drop.add(idx);
      add.push({ s: t, e, type: 'PERSON' }, ...rest);
      t = (rest.at(-1)?.e ?? e) - 1;
    }
    if (add.length) {
      const kept = raw.filter((_, idx) => !drop.has(idx));
      raw.length = 0;
      for (const x of [...kept, ...add].sort((a, b) => a.s - b.s)) raw.push(x);
    }
  }
  // a known organisation's full name ("Ngân hàng Thế giới", "Liên minh châu Âu") is one organisation however the tagger
  // cut it (lower-case words end its chunks in Vietnamese); a chunk holding the whole name ("National Security Council") stays
  {
    const add: typeof raw = [];
    /** a ministry's head and portfolio from token i ("Bộ Tài chính", "Ministry of Finance"), in tokens; 0 if none */
    const ministryAt = (i: number): number => {
      const h = matchAt('MHEAD', c.lower, i);
      if (!h) return 0;
      let j = i + h;
      for (let l = matchAt('MLINK', c.lower, j); l; l = matchAt('MLINK', c.lower, j)) j += l;
      const p = isCap(c.words[j] ?? '') ? matchAt('MPORT', c.lower, j) : 0;
      return p ? j + p - i : 0;
    };
    // the chunk covering each token (chunks do not overlap here), so a long text costs a lookup per name, not a scan
    const chunkAt = new Int32Array(toks.length + 1).fill(-1);
    raw.forEach((r, idx) => chunkAt.fill(idx, r.s, r.e));
    for (let i = 0; i < toks.length; i++) {
      const n = isCap(c.words[i]!) ? Math.max(matchAt('ORGN', c.lower, i), ministryAt(i)) : 0;
      if (n < 2 || !sameLine(i, i + n - 1)) continue;
      const name = spanText(c, i, i + n);
      if (!organisationId(name, lang) && !ministryOf(name)) continue;
      const under = chunkAt[i]! >= 0 ? raw[chunkAt[i]!]! : undefined;
      const whole = under && under.s <= i && under.e >= i + n ? under : undefined;
      if (!whole) add.push({ s: i, e: i + n, type: 'ORGANISATION', known: true });
      // the whole name alone, read as a person ("Liên Hợp Quốc" opens like a Vietnamese name): the organisation
      else if (whole.s === i && whole.e === i + n) (whole.type = 'ORGANISATION'), (whole.known = true);
      // an ordinary word opening the sentence swept in before the name ("Pejabat | Kementerian Luar Negeri"): left out
      else if (whole.e === i + n && whole.s === i - 1 && isSentenceStart(c, whole.s) && (c.stops.has(c.lower[whole.s]!) || !!getLanguage(lang).isDictionaryWord?.(c.lower[whole.s]!)))
        (whole.s = i), (whole.type = 'ORGANISATION'), (whole.known = true);
      // the name and its country ("Bộ Tài chính Lào"): kept whole too
      else if (whole.s === i && matchAt('CTRY', c.lower, i + n) === whole.e - i - n && countryCode(spanText(c, i + n, whole.e))) (whole.type = 'ORGANISATION'), (whole.known = true);
      i += n - 1;
    }
    if (add.length) {
      const taken = new Uint8Array(toks.length + 1);
      for (const a of add) taken.fill(1, a.s, a.e);
      const kept = raw.filter((r) => !taken.subarray(r.s, r.e).some((x) => x));
      raw.length = 0;
      for (const x of [...kept, ...add].sort((a, b) => a.s - b.s)) raw.push(x);
    }
  }
  // rawAt[k] = index of the tagged chunk covering token k (-1: none)
  const rawAt = new Int32Array(toks.length + 1).fill(-1);
  raw.forEach((r, idx) => {
    for (let k = r.s; k < r.e; k++) rawAt[k] = idx;
  });
  /** A capitalised word that can end a personal name: no title, head, country, place, calendar or function word. */
  const nameTail = (k: number) => {
    const w = c.words[k]!;
    if (!isCap(w) || isAllCaps(w) || !/^\p{L}+$/u.test(w) || isFn(k)) return false;
    if (inLists(c, k, NOT_NAME) || inLists(c, k, ['TITLE', 'TMOD', 'HON', 'DEM', 'PORT'])) return false;
    // a small town's name can also be a given name: only a big city stops the name
    return !lookupCity(w, 100000);
  };
  const out: Mention[] = [];
  const covered = new Uint8Array(toks.length);
  // owner[k] = 1 + index in `out` of the mention covering token k (0: none)
  const owner = new Int32Array(toks.length);
  const acronyms = new Map<string, { key: string; type: EntityType }>();
  const push = (s: number, e: number, type: EntityType, extra: Partial<Mention> = {}) => {
    const name = spanText(c, s, e);
    let t = type;
    const cc = countryCode(name);
    // a whole country name is the country, whatever the tagger thought ("Đại sứ <Nhật Bản>" is Japan's ambassador)
    if (cc && (t !== 'PERSON' || matchAt('CTRY', c.lower, s) === e - s)) t = 'PLACE';
    // a demonym on its own ("Indonesian", "người Việt") stands for its country: the country's entity
    const dc = !cc && t !== 'PERSON' && matchAt('DEM', c.lower, s) === e - s ? demonymCountry(name) : undefined;
    if (dc) t = 'PLACE';
    // a world region, ocean or sea named whole ("Asia Tenggara", "Đông Nam Á") is a place, whatever the tagger thought
    else if (!cc && t !== 'PLACE' && regionId(name)) t = 'PLACE';
    // a known organisation named whole ("Uni Eropa", "Bank Dunia") is that organisation, where the tagger saw a place
    // (a person keeps the tagger's reading unless the name is an acronym: "Bloomberg" can be a surname)
    else if (!cc && t !== 'ORGANISATION' && (t !== 'PERSON' || isAllCaps(name)) && organisationId(name, c.lang)) t = 'ORGANISATION';
    // an acronym opening a longer name ("BPBD Banua Hulu", "PT Sinar Jaya") heads an agency or company, not a person
    if (t === 'PERSON' && e - s >= 2 && !extra.role && !extra.honorific && isAllCaps(c.words[s]!) && c.words[s]!.replace(/[^\p{L}]/gu, '').length >= 3 && !isAllCaps(name)) t = 'ORGANISATION';
    // a law, treaty or resolution ("Konvensi ... tentang Hukum Laut", "the Paris Agreement") is a named document
    if (!cc && (t === 'ORGANISATION' || t === 'PERSON') && namesDocument(c, s, e)) t = 'OTHER';
    let key = dc ? `country:${dc}` : mentionKey(t, name, c.lang);
    // a ministry without its country, followed by "kedua negara" / "of both countries": no one country's (link.ts)
    if (key.startsWith('org:ministry-') && !key.includes('@') && matchAt('MANY', c.lower, e)) key += '@*';
    const m: Mention = { start: toks[s]!.start, end: toks[e - 1]!.end, text: name, type: t, key, ...extra };
    out.push(m);
    for (let k = s; k < e; k++) (covered[k] = 1), (owner[k] = out.length);
    return m;
  };

  for (const r of raw) {
    let { s, e, type } = r;
    let honorific: string | undefined;
    let title: string | undefined;
    let org: string | undefined;
    /** token where the role's title starts, when the title was read from the text (-1: none) */
    let titleStart = -1;
    // a chunk that starts inside a title phrase: the title is the role, the rest the name
    if (titleFrom[s]) {
      const t = titleFrom[s]! - 1;
      const te = t + titleAt(c, t);
      if (te < e) {
        title = spanText(c, t, te);
        s = te;
        // "... Urusan Negara <Chile> <Ricardo Montalban>": the country is the role's, the rest the person
        const n = matchAt('CTRY', c.lower, s);
        if (n && s + n < e && isCap(c.words[s + n]!) && !covered[s]) {
          org = push(s, s + n, 'PLACE').text;
          s += n;
          type = 'PERSON';
        }
      }
    }
    // titles and honorifics inside the chunk, at its start; leading discourse words ("Negara", "Sementara")
    for (let moved = true; moved && s < e; ) {
      moved = false;
      const lead = (matchAt('NONE', c.lower, s) === 1 || matchAt('CAL', c.lower, s) === 1) && !matchAt('TITLE', c.lower, s) && !matchAt('ORGH', c.lower, s) && !matchAt('PLH', c.lower, s) && !namesDocument(c, s, e);
      if (s + 1 < e && (lead || !isCap(c.words[s]!))) {
        s++;
        moved = true;
        continue;
      }
      const h = matchAt('HON', c.lower, s);
      if (h && s + h < e) {
        const he = c.words[s + h] === '.' ? s + h + 1 : s + h;
        honorific = spanText(c, s, he);
        s = he;
        moved = true;
        continue;
      }
      const t = titleAt(c, s);
      if (t && s + t < e) {
        title = spanText(c, s, s + t);
        titleStart = s;
        s += t;
        moved = true;
        continue;
      }
      // "Chilean President X", "Vietnamese Foreign Minister X": the demonym names the role's country
      // (and, as a demonym anywhere, a mention of that country)
      const d = matchAt('DEM', c.lower, s);
      const dt = d ? titleAt(c, s + d) : 0;
      if (d && dt && s + d + dt < e) {
        org = spanText(c, s, s + d);
        if (isCap(c.words[s]!) && !covered[s] && demonymCountry(org)) push(s, s + d, 'PLACE');
        title = spanText(c, s + d, s + d + dt);
        s += d + dt;
        moved = true;
      }
    }
    // A person's or place's name ends with a capitalised word: a lower-case word the tagger swept in after it ("X
    // said", "ông X nói") is not part of it. (Organisation names may: Vietnamese writes "Bộ Nông nghiệp".)
    const orgHeaded = type === 'ORGANISATION' || (!!matchAt('ORGH', c.lower, s) && !matchAt('PLH', c.lower, s));
    const trailing = (k: number) => hasLetter(c.words[k]!) && c.words[k] === c.lower[k] && !glued(k - 1, k);
    while (!r.known && e - 1 > s && trailing(e - 1) && (!orgHeaded || c.stops.has(c.lower[e - 1]!))) e--;
    // an organisation name stops before a lower-case function word of the sentence that is none of a name's own
    // ("Liên đoàn Bóng đá Việt Nam | đã công bố": "đã" marks the verb that follows)
    if (orgHeaded && !r.known) {
      for (let k = s + 1; k < e; k++) {
        if (trailing(k) && c.stops.has(c.lower[k]!) && !isFn(k) && !allConjunctions.has(c.lower[k]!)) {
          e = k;
          break;
        }
      }
    }
    // "Minister of Marine Affairs and Fisheries X": a portfolio word the title phrase did not reach belongs to it
    if (type === 'PERSON') {
      for (let p = matchAt('PORT', c.lower, s); p && s + p < e && isCap(c.words[s]!); p = matchAt('PORT', c.lower, s)) {
        title = title ? `${title} ${spanText(c, s, s + p)}` : undefined;
        s += p;
      }
    }
    if (s >= e || covered[s]) continue;
    // "Việt Nam và Nhật Bản" tagged as one name: two countries (a word the tagger swept in after them is dropped)
    if (type !== 'PERSON') {
      let k = s + 1;
      while (k < e && !allConjunctions.has(c.lower[k]!)) k++;
      const n = k < e ? matchAt('CTRY', c.lower, k + 1) : 0;
      if (n && matchAt('CTRY', c.lower, s) === k - s && countryCode(spanText(c, s, k)) && countryCode(spanText(c, k + 1, k + 1 + n))) {
        if (!covered[s]) push(s, k, 'PLACE');
        if (!covered[k + 1]) push(k + 1, k + 1 + n, 'PLACE');
        continue;
      }
    }
    // "Media <Republik Rakyat Demokratik Korea>": one word that heads no organisation before a whole country name
    // is the country's (the word is a common noun the tagger swept in)
    if (type !== 'PERSON' && e - s >= 3 && matchAt('CTRY', c.lower, s + 1) === e - s - 1 && !matchAt('ORGH', c.lower, s) && countryCode(spanText(c, s + 1, e))) {
      s += 1;
      type = 'PLACE';
    }
    // a country name the tagger cut short ("KOREA" of "KOREA UTARA")
    const cn = matchAt('CTRY', c.lower, s);
    if (cn > e - s && countryCode(spanText(c, s, s + cn))) e = s + cn;
    if ((title || titleEndingAt(c, s) >= 0) && type !== 'PERSON' && matchAt('ORGH', c.lower, s)) {
      if (!title) title = spanText(c, titleEndingAt(c, s), s);
      // "Sekretaris Jenderal Partai Buruh Norwegia Ola Berg" tagged as one chunk: the organisation runs
      // through its last country/place word; what follows is the person
      let orgEnd = -1;
      for (let k = s + 1; k < e; k++) if (matchAt('CTRY', c.lower, k) && k + matchAt('CTRY', c.lower, k) < e) orgEnd = k + matchAt('CTRY', c.lower, k);
      if (orgEnd > 0 && isCap(c.words[orgEnd]!) && !matchAt('CTRY', c.lower, orgEnd)) {
        org = spanText(c, s, orgEnd);
        push(s, orgEnd, 'ORGANISATION');
        s = orgEnd;
        type = 'PERSON';
      }
    }
    // "đội trưởng Hồ Quang Minh", "Tran Van Loc" tagged as a place: a name opened by a family name is a person's,
    // unless the gazetteer knows the place (a place-head family name, "Hồ" = lake, needs a title or form of address)
    if (type === 'PLACE' && surnamedName(c, s, e) && (!matchAt('PLH', c.lower, s) || title || titleEndingAt(c, s) >= 0 || honorificEndingAt(c, s) >= 0)) type = 'PERSON';
    // "tỉnh Bình Phước", "sân bay Nội Bài", "desa Sukamaju": a name right after a place head written in lower case (a
    // common noun: province, airport, village) is that place's, not a person's
    if (type === 'PERSON' && !title && !honorific && s > 0 && spaceBetween(s - 1, s)) {
      if (placeHeadBefore(c, s, (b) => /^\p{Ll}/u.test(c.words[b]!) && (b === 0 || !isCap(c.words[b - 1]!) || !spaceBetween(b - 1, b))) >= 0) type = 'PLACE';
    }
    // "ở Bình Phước", "di Sukamaju": a name right after a lower-case place preposition (the language's event place
    // words) is a place's, unless a family name opens it or a possessive follows ("in Smith's view")
    if (type === 'PERSON' && !title && !honorific && s > 0 && spaceBetween(s - 1, s) && /^\p{Ll}/u.test(c.words[s - 1]!)) {
      if (placePreps.has(c.lower[s - 1]!) && !surnamedName(c, s, e) && !/^['’]s$/u.test(c.words[e] ?? '')) type = 'PLACE';
    }
    // A personal name never ends on a cut: a capitalised name word right after it (one space, same line) that no
    // chunk took is its last part ("Park Min | Jun" tagged without "Jun")
    if (type === 'PERSON') {
      while (e < toks.length && e - s < 5 && rawAt[e]! < 0 && !covered[e] && spaceBetween(e - 1, e) && nameTail(e)) e++;
    }
    if (notAnEntity(c, s, e)) continue;
    // Vietnamese writes a word's first syllable capitalised at a sentence start ("Đội tuyển", "Ủy ban", "Hồi 19h"):
    // one capitalised syllable there, followed by a lower-case one, is that word, unless it is a known place.
    if (c.lang === 'vi' && e - s === 1 && isSentenceStart(c, s) && /^\p{Ll}/u.test(c.words[e] ?? '') && !matchAt('CTRY', c.lower, s) && !lookupCity(c.words[s]!)) continue;
    if (e - s === 1 && s > 0 && isAllCaps(c.words[s]!) && c.words[s]!.length > 1 && acronyms.has(c.words[s]!)) {
      const a = acronyms.get(c.words[s]!)!;
      out.push({ start: toks[s]!.start, end: toks[s]!.end, text: c.words[s]!, type: a.type, key: a.key });
      covered[s] = 1;
      continue;
    }
    if (type === 'PERSON') {
      // roles and honorifics standing just before the name: "Menteri Luar Negeri X", "Sekretaris Jenderal <ORG> X"
      // the organisation or country of the role: "Sekretaris Jenderal <Partai Komunis Vietnam> X", "Menteri Luar Negeri <AS> X"
      const prevIdx = s > 0 ? owner[s - 1]! : 0;
      const prevOrg = prevIdx && out[prevIdx - 1]!.type !== 'PERSON' ? out[prevIdx - 1]! : undefined;
      let k = s;
      if (!honorific) {
        const hs = honorificEndingAt(c, k);
        if (hs >= 0) {
          honorific = spanText(c, hs, k);
          k = hs;
        }
      }
      if (!title) {
        const ts = titleEndingAt(c, k);
        // "Menteri Luar Negeri Chile X" with the country left untagged: the country is the role's
        let cs = -1;
        for (let b = Math.max(0, k - 3); b < k && cs < 0; b++) if (matchAt('CTRY', c.lower, b) === k - b && titleEndingAt(c, b) >= 0) cs = b;
        if (ts >= 0) (title = spanText(c, ts, k)), (titleStart = ts);
        else if (cs >= 0) {
          title = spanText(c, titleEndingAt(c, cs), cs);
          org = spanText(c, cs, k);
          if (!covered[cs]) push(cs, k, 'PLACE');
        } else if (prevOrg && k === s && toks[k - 1] && prevOrg.end === toks[k - 1]!.end) {
          const os = tokenAt(prevOrg.start);
          const ts2 = os >= 0 ? titleEndingAt(c, os) : -1;
          if (ts2 >= 0) {
            title = spanText(c, ts2, os);
            org = prevOrg.text;
          }
        }
      }
    }
    // "Kepala Pelaksana BPBD Banua Hulu, Rahmadi Noor, menyebut": a role phrase (and its organisation), a comma, then the
    // name, closed by a comma or followed by a lower-case word: the role is the person's
    if (type === 'PERSON' && !title && s >= 2 && c.words[s - 1] === ',' && (c.words[e] === ',' || /^\p{Ll}/u.test(c.words[e] ?? ''))) {
      const pi = owner[s - 2];
      const p = pi ? out[pi - 1]! : undefined;
      if (p && p.type !== 'PERSON' && p.end === toks[s - 2]!.end) {
        const os = tokenAt(p.start);
        const ts = os >= 0 ? titleEndingAt(c, os) : -1;
        if (ts >= 0) (title = spanText(c, ts, os)), (org = p.text);
      } else if (p && p.type === 'PERSON' && p.role && !p.role.org && !p.honorific && p.end === toks[s - 2]!.end) {
        // "Bupati Banua Hulu, Saiful Rahman,": what the tagger took for a person after the title is the role's place
        // or body, and the role is the name's after the comma
        const os = tokenAt(p.start);
        const place = os < 0 || !matchAt('ORGH', c.lower, os);
        title = p.role.title;
        org = p.text;
        p.type = place ? 'PLACE' : 'ORGANISATION';
        p.key = mentionKey(p.type, p.text, c.lang);
        delete p.role;
      } else if (!pi) {
        const ts = titleEndingAt(c, s - 1);
        if (ts >= 0) title = spanText(c, ts, s - 1);
      }
    }
    // A title stripped from a "place" or "organisation" with no head word or known place left: a person with a role
    if (title && type !== 'PERSON' && e > s) {
      let named = false;
      for (let k = s; k < e && !named; k++) named = !!(matchAt('ORGH', c.lower, k) || matchAt('PLH', c.lower, k) || matchAt('CTRY', c.lower, k) || isAllCaps(c.words[k]!));
      if (!named && !lookupCity(spanText(c, s, e))) type = 'PERSON';
    }
    // "Riverside College", "Universitas Harvard" tagged as a place (its city word): a name headed by an organisation
    // word, at its end (English) or its start (Indonesian, Vietnamese), is an organisation, unless the whole name
    // is a known country or city, or a compass word makes it a region ("West Bank").
    if (type === 'PLACE' && e - s >= 2) {
      const orgHead = (k: number, single: boolean) => (single ? matchAt('ORGH', c.lower, k) === 1 : matchAt('ORGH', c.lower, k) > 0) && !matchAt('PLH', c.lower, k);
      const name = spanText(c, s, e);
      let region = false;
      for (let k = s; k < e && !region; k++) {
        const n = matchAt('CTRY', c.lower, k);
        if (n) k += n - 1; // "Việt Nam": a country's own word is no compass word
        else region = allDirectionWords.has(c.lower[k]!);
      }
      if ((orgHead(e - 1, true) || orgHead(s, false)) && !region && !countryCode(name) && !lookupCity(name)) type = 'ORGANISATION';
    }
    // "Kota Baru Regent X", "U.S. Secretary of State X": a place or organisation right before the title is the role's
    if (title && type === 'PERSON' && !org && titleStart > 0 && owner[titleStart - 1] && spaceBetween(titleStart - 1, titleStart)) {
      const before = out[owner[titleStart - 1]! - 1]!;
      if (before.type !== 'PERSON' && before.end === toks[titleStart - 1]!.end) org = before.text;
    }
    const extra: Partial<Mention> = {};
    if (title && type === 'PERSON') extra.role = org ? { title, org } : { title };
    if (honorific && type === 'PERSON') extra.honorific = honorific;
    const m = push(s, e, type, extra);
    // "International Atomic Energy Agency (IAEA)": the acronym names the same thing
    if (c.words[e] === '(' && c.words[e + 2] === ')' && isAllCaps(c.words[e + 1]!) && c.words[e + 1]!.length >= 2 && m.type !== 'PERSON' && !countryCode(c.words[e + 1]!)) {
      const acr = c.words[e + 1]!;
      acronyms.set(acr, { key: m.key, type: m.type });
      out.push({ start: toks[e + 1]!.start, end: toks[e + 1]!.end, text: acr, type: m.type, key: m.key });
      covered[e + 1] = 1;
    }
  }
  // bare acronyms after their expansion, and country names the tagger missed
  for (let i = 0; i < toks.length; i++) {
    if (covered[i]) continue;
    const w = c.words[i]!;
    const a = acronyms.get(w);
    if (a) {
      out.push({ start: toks[i]!.start, end: toks[i]!.end, text: w, type: a.type, key: a.key });
      continue;
    }
    // "Tn. Hartono", "Ông Minh": an honorific before a capitalised name the tagger missed
    const h = matchAt('HON', c.lower, i);
    if (h && isCap(w)) {
      let s = i + h;
      if (c.words[s] === '.') s++;
      let e = s;
      while (e < toks.length && !covered[e] && isCap(c.words[e]!) && !isAllCaps(c.words[e]!) && e - s < 4 && (e === s || sameLine(e - 1, e))) e++;
      if (e > s && !notAnEntity(c, s, e) && !countryCode(spanText(c, s, e))) {
        push(s, e, 'PERSON', { honorific: spanText(c, i, s) });
        i = e - 1;
        continue;
      }
    }
    // a capitalised name right after a role phrase the tagger left untagged: "Sekretaris Jenderal <ORG> Ola Berg"
    if (isCap(w) && !isAllCaps(w) && !matchAt('CTRY', c.lower, i) && !matchAt('TITLE', c.lower, i) && !matchAt('ORGH', c.lower, i) && !matchAt('NONE', c.lower, i)) {
      let e = i;
      while (e < toks.length && !covered[e] && isCap(c.words[e]!) && !isAllCaps(c.words[e]!) && e - i < 4 && (e === i || sameLine(e - 1, e))) e++;
      let role: Mention['role'];
      const ts = titleEndingAt(c, i);
      if (ts >= 0) role = { title: spanText(c, ts, i) };
      else {
        const prev = i > 0 && owner[i - 1] ? out[owner[i - 1]! - 1] : undefined;
        if (prev && prev.type !== 'PERSON' && prev.end === toks[i - 1]!.end) {
          const os = tokenAt(prev.start);
          const ts2 = os >= 0 ? titleEndingAt(c, os) : -1;
          if (ts2 >= 0) role = { title: spanText(c, ts2, os), org: prev.text };
        }
      }
      if (role && e > i && !notAnEntity(c, i, e)) {
        push(i, e, 'PERSON', { role });
        i = e - 1;
        continue;
      }
    }
    // a demonym before a title the tagger missed ("the Indonesian Minister of Trade"): the role's country, a mention of it
    const dm = isCap(w) ? matchAt('DEM', c.lower, i) : 0;
    if (dm && titleAt(c, i + dm) > 0 && !covered.subarray(i, i + dm).some((x) => x) && demonymCountry(spanText(c, i, i + dm))) {
      push(i, i + dm, 'PLACE');
      i += dm - 1;
      continue;
    }
    // a world region or territory the tagger missed ("West Bank", "Asia Tenggara"), whole and capitalised
    const rg = isCap(w) ? matchAt('REG', c.lower, i) : 0;
    if (rg && !covered.subarray(i, i + rg).some((x) => x) && regionId(spanText(c, i, i + rg))) {
      push(i, i + rg, 'PLACE');
      i += rg - 1;
      continue;
    }
    // a known organisation the tagger missed ("Bank Dunia", "PBB"), whole: several words, an acronym in capitals, or
    // one capitalised word that does not open the sentence (there it can be an ordinary word: "Antara lain")
    const og = isCap(w) ? matchAt('ORGN', c.lower, i) : 0;
    if (og && !covered.subarray(i, i + og).some((x) => x) && (og > 1 || isAllCaps(w) || (!isSentenceStart(c, i) && !c.stops.has(c.lower[i]!)))) {
      const name = spanText(c, i, i + og);
      if ((og > 1 || !inCapsRun(c, i)) && organisationId(name, c.lang)) {
        push(i, i + og, 'ORGANISATION');
        i += og - 1;
        continue;
      }
    }
    // a known city or country the tagger missed, made an adjective by a hyphen and a lower-case word ("a Hanoi-based
    // institute"): the place. The hyphen is looked for first (at most four words on): most tokens have none.
    if (isCap(w)) {
      let after = i + 1;
      while (after < Math.min(toks.length, i + 5) && c.words[after] !== '-' && hasLetter(c.words[after]!)) after++;
      if (
        c.words[after] === '-' &&
        after + 1 < toks.length &&
        glued(after - 1, after) &&
        glued(after, after + 1) &&
        /^\p{Ll}/u.test(c.words[after + 1]!) &&
        !covered.subarray(i, after).some((x) => x) &&
        knownPlace(c, i, after)
      ) {
        push(i, after, 'PLACE');
        i = after - 1;
        continue;
      }
    }
    const n = matchAt('CTRY', c.lower, i);
    if (n) {
      let free = true;
      for (let k = i; k < i + n; k++) if (covered[k]) free = false;
      const name = spanText(c, i, i + n);
      // in lower-case text only unambiguous long names count ("vietnam", not "as")
      if (free && countryCode(name) && (isCap(w) || name.length >= 5)) {
        out.push({ start: toks[i]!.start, end: toks[i + n - 1]!.end, text: name, type: 'PLACE', key: mentionKey('PLACE', name) });
        // owner too, so that a name after "Presiden <Chile>" finds the role's country
        for (let k = i; k < i + n; k++) (covered[k] = 1), (owner[k] = out.length);
        i += n - 1;
      }
    }
  }
  void fn;
  void lookupCity;
  // A newspaper, news agency or broadcaster: a name right after a lower-case media word ("kepada harian X", "báo X",
  // "the newspaper X") or before one ("the X newspaper"), or the publishing outlet named in its own article ("told
  // Bao Moi Ngay" on baomoingay.example), is an organisation, in every mention of the name in the article. Not a known country or
  // city ("media Korea Utara" is the country's press), nor a place by its head word.
  {
    const outlets = outletLabels(opts.outlet);
    const media = new Set<string>();
    // a capitalised run after a lower-case media word that the tagger left untagged: that outlet's name
    for (let x = 0; x < toks.length; x++) {
      const n = isCap(c.words[x]!) ? 0 : matchAt('MEDIA', c.lower, x);
      const a = x + n;
      if (!n || a >= toks.length || covered[a] || !spaceBetween(a - 1, a)) continue;
      let e = a;
      while (e < toks.length && !covered[e] && e - a < 5 && (e === a || spaceBetween(e - 1, e)) && isCap(c.words[e]!) && hasLetter(c.words[e]!)) e++;
      if (e === a || notAnEntity(c, a, e) || knownPlace(c, a, e) || surnamedName(c, a, e) || matchAt('PLH', c.lower, a) || matchAt('DEM', c.lower, a) === e - a || matchAt('CAL', c.lower, a)) continue;
      push(a, e, 'ORGANISATION');
      media.add(foldKey(spanText(c, a, e)));
      x = e - 1;
    }
    for (const m of out) {
      if (m.type === 'ORGANISATION' || m.key.startsWith('country:') || m.role || m.honorific) continue;
      const a = tokenAt(m.start);
      let b = a;
      while (b + 1 < toks.length && toks[b + 1]!.start < m.end) b++;
      if (a < 0 || knownPlace(c, a, b + 1) || lookupCity(m.text, GAZ_CITY_MIN_POP) || matchAt('DEM', c.lower, a) === b + 1 - a) continue;
      if (outlets.has(foldKey(m.text))) {
        media.add(foldKey(m.text));
        continue;
      }
      // a name opened by a family name stays a person ("cảnh báo Nguyễn Văn An": "báo" ends the verb "warn")
      if (surnamedName(c, a, b + 1)) continue;
      let named = false;
      // (a place head right after the media word is a place: "situs Gunung Padang" is an archaeological site)
      for (let x = Math.max(0, a - 4); x < a && !named; x++) named = matchAt('MEDIA', c.lower, x) === a - x && !isCap(c.words[x]!) && spaceBetween(a - 1, a) && !matchAt('PLH', c.lower, a);
      const after = matchAt('MEDIA_AFTER', c.lower, b + 1);
      if (!named && after && !isCap(c.words[b + 1]!) && spaceBetween(b, b + 1)) named = true;
      if (named) media.add(foldKey(m.text));
    }
    if (media.size) {
      // the outlet's whole name elsewhere, where the tagger took only a part of it ("Suara | Fajar")
      const drop = new Set<Mention>();
      for (let i = 0; i < toks.length; i++) {
        if (!isCap(c.words[i]!) || (i > 0 && isCap(c.words[i - 1]!) && spaceBetween(i - 1, i))) continue;
        let e = i;
        while (e < toks.length && e - i < 6 && (e === i || spaceBetween(e - 1, e)) && isCap(c.words[e]!)) e++;
        if (e - i < 2 || !media.has(foldKey(spanText(c, i, e)))) continue;
        const from = toks[i]!.start;
        const to = toks[e - 1]!.end;
        const parts = out.filter((m) => m.end > from && m.start < to);
        if (parts.some((m) => m.start < from || m.end > to) || parts.some((m) => m.type === 'ORGANISATION' && m.start === from && m.end === to)) continue;
        for (const m of parts) drop.add(m);
        push(i, e, 'ORGANISATION');
        i = e - 1;
      }
      if (drop.size) out.splice(0, out.length, ...out.filter((m) => !drop.has(m)));
      for (let i = 0; i < out.length; i++) {
        const m = out[i]!;
        if (m.type === 'ORGANISATION' || !media.has(foldKey(m.text)) || m.key.startsWith('country:')) continue;
        out[i] = { start: m.start, end: m.end, text: m.text, type: 'ORGANISATION', key: mentionKey('ORGANISATION', m.text, c.lang) };
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  // the tagger sometimes splits a name the document also spells whole ("Ri | Song Chol" after "Ri Song-chol"):
  // adjacent pieces whose joined key is a person of this document are that person
  const personKeys = new Set(out.filter((m) => m.type === 'PERSON' && /\s|-/.test(m.text)).map((m) => m.key));
  const merged: Mention[] = [];
  for (const m of out) {
    const prev = merged[merged.length - 1];
    if (prev && /^[ \t]+$/.test(text.slice(prev.end, m.start)) && !prev.key.startsWith('country:') && !m.key.startsWith('country:')) {
      const joined = text.slice(prev.start, m.end);
      const k = mentionKey('PERSON', joined);
      if (personKeys.has(k)) {
        merged[merged.length - 1] = { ...prev, ...(m.role ? { role: m.role } : {}), end: m.end, text: joined, type: 'PERSON', key: k };
        continue;
      }
    }
    merged.push(m);
  }
  headedPlaceSense(c, merged, tokenAt);
  if (entityData(lang).loneNameNeedsAddress) dropLoneNames(merged);
  // a later bare surname or given name of a person this document named in full ("ujar Montes", "Porter said") is
  // that person, whether or not the tagger saw it; link.ts ties it to the full name
  const nameWords = new Map<string, string>();
  for (const m of merged) {
    if (m.type !== 'PERSON') continue;
    const ws = m.text.split(/\s+/);
    if (ws.length < 2) continue;
    for (const w of ws) if (isCap(w) && w.length > 2 && !isAllCaps(w)) nameWords.set(w, m.text);
  }
  if (!nameWords.size) return merged;
  const firstPerson = new Map<string, number>();
  for (const m of merged) if (m.type === 'PERSON' && !firstPerson.has(m.text)) firstPerson.set(m.text, m.start);
  const taken = new Uint8Array(toks.length);
  for (const m of merged) {
    const a = tokenAt(m.start);
    for (let k = a; k >= 0 && k < toks.length && toks[k]!.start < m.end; k++) taken[k] = 1;
  }
  const extra: Mention[] = [];
  const fullKeys = new Set(merged.filter((m) => m.type === 'PERSON' && /\s|-/.test(m.text)).map((m) => m.key));
  for (let i = 0; i < toks.length; i++) {
    const w = c.words[i]!;
    // a full name the document gave before, spelled another way, that the tagger missed ("Ri Song Chol" after
    // "Ri Song-chol"): the whole capitalised run, no part of a longer one, is that person
    if (!taken[i] && isCap(w) && !(i > 0 && isCap(c.words[i - 1]!) && sameLine(i - 1, i) && !isSentenceStart(c, i))) {
      let e = i;
      while (e < toks.length && !taken[e] && (e === i || sameLine(e - 1, e))) {
        if (isCap(c.words[e]!)) e++;
        else if (c.words[e] === '-' && e > i && e + 1 < toks.length && glued(e - 1, e) && glued(e, e + 1) && hasLetter(c.words[e + 1]!)) e += 2;
        else break;
      }
      const name = spanText(c, i, e);
      if (e - i >= 2 && !taken[e] && fullKeys.has(mentionKey('PERSON', name))) {
        extra.push({ start: toks[i]!.start, end: toks[e - 1]!.end, text: name, type: 'PERSON', key: mentionKey('PERSON', name) });
        i = e - 1;
        continue;
      }
    }
    const full = nameWords.get(w);
    if (!full || taken[i] || toks[i]!.start < firstPerson.get(full)!) continue;
    // a part of a longer capitalised run is someone else's name ("Montes Street", "Gabriela Cruz")
    if ((i > 0 && isCap(c.words[i - 1]!) && sameLine(i - 1, i) && !isSentenceStart(c, i)) || (i + 1 < toks.length && isCap(c.words[i + 1]!) && sameLine(i, i + 1))) continue;
    if (matchAt('NONE', c.lower, i) || matchAt('CTRY', c.lower, i) || matchAt('TITLE', c.lower, i)) continue;
    extra.push({ start: toks[i]!.start, end: toks[i]!.end, text: w, type: 'PERSON', key: mentionKey('PERSON', w) });
  }
  return extra.length ? [...merged, ...extra].sort((a, b) => a.start - b.start) : merged;
}

/**
 * One name, one sense in a document: a name the document gives after a place head ("Kabupaten X", "tỉnh X",
 * "Lake X", or "kabupaten X" with the head outside the mention) is a place wherever else it stands bare, whatever
 * the tagger made of it there ("Kepala BPBD X, Name," is no person X). A bare mention takes the headed mention's
 * key when the document heads the name one way only (so both are one entity); "Kota X" beside "Kabupaten X" (two
 * places) leaves it a place of its own. Mentions with a role or honorific are people and stay so.
 */
function headedPlaceSense(c: Ctx, mentions: Mention[], tokenAt: (off: number) => number): void {
  const headed = new Map<string, string>(); // folded bare name → key of its headed mention ('' when headed two ways)
  for (const m of mentions) {
    if (m.type !== 'PLACE') continue;
    const a = tokenAt(m.start);
    if (a < 0) continue;
    let bareStart = -1;
    const h = matchAt('PLH', c.lower, a);
    if (h > 0 && a + h < c.toks.length && c.toks[a + h]!.start < m.end) bareStart = c.toks[a + h]!.start;
    else if (placeHeadBefore(c, a) >= 0) bareStart = m.start;
    if (bareStart < 0) continue;
    const bare = c.text.slice(bareStart, m.end);
    if (!isCap(bare)) continue;
    const f = foldKey(bare);
    const prev = headed.get(f);
    headed.set(f, prev === undefined || prev === m.key ? m.key : '');
  }
  if (!headed.size) return;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.role || m.honorific || m.key.startsWith('country:')) continue;
    const key = headed.get(foldKey(m.text));
    if (key === undefined || (m.type === 'PLACE' && !key)) continue;
    mentions[i] = { start: m.start, end: m.end, text: m.text, type: 'PLACE', key: key || mentionKey('PLACE', m.text, c.lang) };
  }
}

/** Drop one-word people named with no form of address or title, unless a full name of the text holds the word (see
 * `loneNameNeedsAddress`; the later-mention pass below ties such a word to its full name). */
function dropLoneNames(mentions: Mention[]): void {
  const inFull = new Set<string>();
  for (const m of mentions) if (m.type === 'PERSON' && /\s/.test(m.text)) for (const w of m.text.split(/\s+/)) inFull.add(foldKey(w));
  let j = 0;
  for (const m of mentions) {
    const lone = m.type === 'PERSON' && !/[\s-]/.test(m.text) && !m.role && !m.honorific && !inFull.has(foldKey(m.text));
    if (!lone) mentions[j++] = m;
  }
  mentions.length = j;
}

/** Is the word at `i` next to another all-caps word (an all-caps headline: "WHO" there may be the pronoun)? */
function inCapsRun(c: Ctx, i: number): boolean {
  for (const k of [i - 1, i + 1]) {
    const w = c.words[k];
    if (w && hasLetter(w) && w.length > 1 && isAllCaps(w) && !c.text.slice(Math.min(c.toks[k]!.end, c.toks[i]!.end), Math.max(c.toks[k]!.start, c.toks[i]!.start)).includes('\n')) return true;
  }
  return false;
}

/** Does token `i` open a sentence (first token, or after closing punctuation)? */
function isSentenceStart(c: Ctx, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const w = c.words[k]!;
    if (/^[.!?]$/.test(w)) return true;
    if (/^["“”'‘’(\[]$/.test(w)) continue;
    return false;
  }
  return true;
}
