// Short names linked to the full name across the articles of one story: one article says "Hartono said", another of
// the same story "Budi Hartono, the minister"; one says "the Ministry of Finance" (key org:ministry-finance), another
// "Laos's Ministry of Finance" (org:ministry-finance@LA): the store keeps them apart (each article links only its own mentions,
// src/entities/link.ts, and a bare surname is no key of its own across stories), so lists of a story's people show
// them as one. Applied when entities are read (export, reader, CLI), per story, so "Hartono" in another story can be
// another person.
import type { ExportEntity } from './store.ts';
import { foldWords } from './normalise.ts';

/** Is `short` (folded words) a short form of `full`: one of its words, or a run of its words at its start or end? */
function shortFormOf(short: string[], full: string[]): boolean {
  if (short.length >= full.length) return false;
  if (short.length === 1) return full.includes(short[0]!);
  const at = (o: number) => short.every((w, i) => full[o + i] === w);
  return at(0) || at(full.length - short.length);
}

/** Is `full` the country-qualified form of the ministry `short` names without a country? */
const countryFormOf = (short?: { base: string; country?: string }, full?: { base: string; country?: string }) =>
  !!short && !!full && !short.country && full.base === short.base && !!full.country && full.country !== '*';

/** A full name that reads as a person's: no acronym among its words ("BPBD Banua Hulu" is an agency the tagger
 * took for a person; a short name is never linked to such a one). */
const personLike = (name: string) => !name.split(/\s+/).some((w) => w.length >= 2 && /\p{L}/u.test(w) && w === w.toUpperCase() && name !== name.toUpperCase());

/**
 * Moves the mentions (and aliases, roles) a person entity has in a story's articles to the one longer person name of
 * that story it is a short form of (an organisation named without a country: to its one country-qualified form of
 * the story); several candidates: left alone. An entity left without mentions is dropped.
 * `storyOf`: article id → story id (articles without a story are not linked); `keyOf`: entity id → linking key.
 */
export function linkShortNamesInStories(entities: ExportEntity[], storyOf: ReadonlyMap<string, string>, keyOf: ReadonlyMap<string, string>): ExportEntity[] {
  // a ministry's key without its country, and with one (not "@*", several countries' ministries: see link.ts)
  const ministry = (e: ExportEntity) => {
    const m = /^(org:ministry-[^@]+)(?:@(.+))?$/.exec(keyOf.get(e.id) ?? '');
    return m ? { base: m[1]!, country: m[2] } : undefined;
  };
  const persons = entities.filter((e) => e.type === 'PERSON' || !!ministry(e));
  if (persons.length < 2) return entities;
  const words = new Map(persons.map((e) => [e, foldWords(e.name)]));
  // story → persons mentioned there
  const byStory = new Map<string, Set<ExportEntity>>();
  for (const e of persons) {
    for (const m of e.mentions) {
      const s = storyOf.get(m.article);
      if (!s) continue;
      let set = byStory.get(s);
      if (!set) byStory.set(s, (set = new Set()));
      set.add(e);
    }
  }
  const gained = new Set<ExportEntity>();
  for (const [story, set] of byStory) {
    const people = [...set];
    for (const short of people) {
      const sw = words.get(short)!;
      if (!sw.length) continue;
      const into = people.filter((full) =>
        full !== short &&
        full.type === short.type &&
        (short.type === 'PERSON' ? personLike(full.name) && shortFormOf(sw, words.get(full)!) : countryFormOf(ministry(short), ministry(full))),
      );
      if (into.length !== 1) continue;
      const full = into[0]!;
      const here = (article: string) => storyOf.get(article) === story;
      const moved = short.mentions.filter((m) => here(m.article));
      if (!moved.length) continue;
      gained.add(full);
      short.mentions = short.mentions.filter((m) => !here(m.article));
      full.mentions = [...full.mentions, ...moved].sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start));
      const aliasKey = (a: { text: string; lang: string }) => `${a.text}\u0001${a.lang}`;
      const aliases = new Set(full.aliases.map(aliasKey));
      for (const a of short.aliases) if (!aliases.has(aliasKey(a))) full.aliases.push(a);
      const roleKey = (r: ExportEntity['roles'][number]) => `${r.title}\u0001${r.org ?? ''}\u0001${r.article}`;
      const roles = new Set(full.roles.map(roleKey));
      for (const r of short.roles) if (here(r.article) && !roles.has(roleKey(r))) full.roles.push(r);
      short.roles = short.roles.filter((r) => !here(r.article));
    }
  }
  if (!gained.size) return entities;
  // the order the store lists them in (text, language; title, organisation, article)
  for (const e of gained) {
    e.aliases.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
    e.roles.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : (a.org ?? '') < (b.org ?? '') ? -1 : (a.org ?? '') > (b.org ?? '') ? 1 : a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
  }
  return entities.filter((e) => e.mentions.length > 0);
}
