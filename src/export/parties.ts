// Parties and speakers in the export, tied to entities: the person a bare title names, the entity a party's words
// name, the canonical name with the title kept apart as a role, and which unlinked parties are still parties (group
// nouns of the event lexicons: "both sides", "pemerintah", "the leaders").
import { foldKey, foldWords } from '../entities/normalise.ts';
import { entityData, entityLanguages } from '../entities/langdata.ts';
import { languages } from '../lang/index.ts';
import { vagueParty } from '../events/merge.ts';
import type { ExportEntity } from '../entities/store.ts';

type Entity = Pick<ExportEntity, 'id' | 'type' | 'name' | 'aliases' | 'roles' | 'mentions' | 'country'>;

/** Words around a title that do not qualify it: determiners, demonstratives, honorifics ("the", "itu", "ông"). */
const FILLER: ReadonlySet<string> = new Set([
  ...Object.values(languages).flatMap((l) => [
    ...(l.events?.determiners ?? []),
    ...(l.events?.actorDeterminers ?? []),
    ...(l.events?.anaphorsAfter ?? []),
    ...(l.events?.anaphorsBefore ?? []),
  ]),
  ...entityLanguages.flatMap((code) => entityData(code).honorifics.map((h: string) => h.replace(/\.$/, ''))),
].flatMap((w) => foldWords(w)));

/** Words of every language's role titles. */
const TITLE_WORDS: ReadonlySet<string> = new Set(entityLanguages.flatMap((code) => entityData(code).titles.flatMap((t: string) => foldWords(t))));

/** Every language's actor nouns as word sequences ("pemerintah", "riot police", "quân đội"): a party opening or ending with one is a group. */
const GROUP_HEADS: string[][] = Object.values(languages).flatMap((l) => (l.events?.actorNouns ?? []).map((w) => foldWords(w)).filter((ws) => ws.length > 0));

interface Index {
  /** the people's roles by article */
  roles: Map<string, Array<{ e: Entity; r: Entity['roles'][number] }>>;
  /** people and organisations by folded name or alias */
  names: Map<string, Entity[]>;
}
const indexes = new WeakMap<readonly Entity[], Index>();
/** Built once per entity list: an export calls these for every party and speaker. */
function indexOf(entities: readonly Entity[]): Index {
  let ix = indexes.get(entities);
  if (ix) return ix;
  ix = { roles: new Map(), names: new Map() };
  for (const e of entities) {
    if (e.type === 'PERSON')
      for (const r of e.roles) {
        let l = ix.roles.get(r.article);
        if (!l) ix.roles.set(r.article, (l = []));
        l.push({ e, r });
      }
    if (e.type === 'PLACE' || e.type === 'OTHER') continue;
    for (const k of new Set([e.name, ...e.aliases.map((a) => a.text)].map(foldKey))) {
      let l = ix.names.get(k);
      if (!l) ix.names.set(k, (l = []));
      l.push(e);
    }
  }
  indexes.set(entities, ix);
  return ix;
}

const isSub = (needle: string[], hay: string[]) => {
  if (!needle.length || needle.length > hay.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((w, k) => hay[i + k] === w)) return true;
  return false;
};

/**
 * The one person of `article` a speaker named by title alone holds that title: "Sekretaris Jenderal", "the
 * Secretary-General", "Sekretaris Jenderal itu"; a qualifier after the title must be the role's organisation
 * ("Sekretaris Jenderal PBB"). A full title match wins over a part of one ("the minister" for "Foreign Minister X").
 * When several hold that very title there and `at` says where the speech stands: the holder mentioned last before it,
 * else the one the same paragraph names first after it (a title alone refers back to the person last named with it).
 * Null when no one holds it, when several hold titles it is only part of, or when none of several is named before it or
 * in its paragraph.
 */
export function titleHolder(entities: readonly Entity[], article: string, speaker: string, at?: { offset: number; paragraph?: { start: number; end: number } }): string | null {
  const ws = foldWords(speaker).filter((w) => !FILLER.has(w));
  if (!ws.length) return null;
  const full = new Set<string>();
  const part = new Set<string>();
  for (const { e, r } of indexOf(entities).roles.get(article) ?? []) {
    const tw = foldWords(r.title);
    const ow = foldWords(r.org ?? '');
    if (!tw.length) continue;
    const titleFirst = ws.slice(0, tw.length).join(' ') === tw.join(' ');
    const rest = titleFirst ? ws.slice(tw.length) : null;
    if (rest && (!rest.length || isSub(rest, ow) || isSub(rest, [...tw, ...ow]))) full.add(e.id);
    // the qualifier given before the title ("the Andean Community's Secretary-General", "PBB's")
    else if (ws.length > tw.length && ws.slice(-tw.length).join(' ') === tw.join(' ') && isSub(ws.slice(0, -tw.length).filter((w) => w !== 's'), ow)) full.add(e.id);
    else if (ws.every((w) => TITLE_WORDS.has(w)) && isSub(ws, tw)) part.add(e.id);
  }
  // several holding the very title: the one named last; several holding titles it is part of stay ambiguous
  if (full.size) return full.size === 1 ? [...full][0]! : at ? lastNamed(entities, article, full, at) : null;
  return part.size === 1 ? [...part][0]! : null;
}

/** Of `ids`, the one mentioned last before `at.offset` in the article, else the first its paragraph names after it. */
function lastNamed(entities: readonly Entity[], article: string, ids: ReadonlySet<string>, at: { offset: number; paragraph?: { start: number; end: number } }): string | null {
  let before: { id: string; pos: number } | null = null;
  let after: { id: string; pos: number } | null = null;
  for (const e of entities) {
    if (!ids.has(e.id)) continue;
    for (const m of e.mentions) {
      if (m.article !== article) continue;
      if (m.end <= at.offset) {
        if (!before || m.start > before.pos) before = { id: e.id, pos: m.start };
      } else if (at.paragraph && m.start >= at.offset && m.end <= at.paragraph.end && (!after || m.start < after.pos)) after = { id: e.id, pos: m.start };
    }
  }
  return before?.id ?? after?.id ?? null;
}

/**
 * The entity a party's words name when no entity mention covers it ("Budi Santoso" that the entity stage missed in one
 * sentence): the party's words without their titles equal to a name or alias of a person or organisation of the
 * article (else of the `nearby` articles, its story), when exactly one.
 */
export function entityByName(entities: readonly Entity[], article: string, text: string, nearby: ReadonlySet<string> = new Set()): Entity | null {
  const words = foldWords(text);
  // the words themselves, or without the title words that open them ("Presiden X" → "X")
  const keys = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    keys.add(words.slice(i).join(''));
    if (!TITLE_WORDS.has(words[i]!) && !FILLER.has(words[i]!)) break;
  }
  for (const k of keys) if (k.length < 3) keys.delete(k);
  if (!keys.size) return null;
  const ix = indexOf(entities);
  const named = [...new Set([...keys].flatMap((k) => ix.names.get(k) ?? []))];
  for (const scope of [new Set([article]), nearby]) {
    const here = named.filter((e) => e.mentions.some((m) => scope.has(m.article)));
    if (here.length === 1) return here[0]!;
    if (here.length > 1) return null;
  }
  return null;
}

/**
 * Is an unlinked party still a party: a group noun phrase of the event lexicons ("kedua belah pihak", "Pemerintah",
 * "the two sides", "pemimpin Partai", "riot police") — its first or last word a group noun — or one with a country
 * ("rakyat Chile"). Capitalised words that name nothing ("Langkah-langkah", "Taman Kanak-kanak") are not.
 */
export function groupParty(p: { text: string; country?: string }): boolean {
  if (vagueParty(p)) return true;
  const ws = foldWords(p.text);
  if (!ws.length) return false;
  const at = (h: string[], i: number) => i >= 0 && i + h.length <= ws.length && h.every((w, k) => ws[i + k] === w);
  return GROUP_HEADS.some((h) => at(h, 0) || at(h, ws.length - h.length) || (!!p.country && ws.some((_, i) => at(h, i))));
}

/**
 * A linked party as the export gives it: the entity's canonical name as its text, and for a person the words the
 * article put around the name as the role ("Presiden Negara X" → text "X", role "Presiden Negara"; "President X of
 * Chile" → role "President of Chile"). A party that only partly names a place or organisation ("rakyat Chile",
 * "the Chilean delegation") keeps its words.
 */
export function canonicalParty(p: { text: string }, e: Pick<Entity, 'type' | 'name' | 'aliases'>): { text: string; role?: string } {
  const names = [e.name, ...e.aliases.map((a) => a.text)].sort((a, b) => b.length - a.length);
  const fold = foldKey(p.text);
  if (names.some((n) => foldKey(n) === fold)) return { text: e.name };
  if (e.type !== 'PERSON') return { text: p.text };
  const lower = p.text.toLowerCase();
  for (const n of names) {
    const at = lower.indexOf(n.toLowerCase());
    if (at < 0 || n.length < 2) continue;
    const role = (p.text.slice(0, at) + ' ' + p.text.slice(at + n.length)).replace(/[\s,]+/g, ' ').trim();
    return role && /\p{L}/u.test(role) ? { text: e.name, role } : { text: e.name };
  }
  return { text: p.text };
}
