// Local re-clustering: the pure part of story assignment. A new article and the recent members of the
// stories it could join (its neighbourhood) are clustered again with complete link, and the resulting
// groups are mapped back onto the existing story ids with as few changes as possible. Deciding one
// article at a time, an event's first article can only join the nearest story there is, and every later
// report of its own event would follow it there; re-clustering the neighbourhood lets the later reports
// pull it back out (and an article that opened a story of its own join the story it belongs to), while
// nothing outside the neighbourhood is touched, so the cost per article stays bounded.

/** An article as the similarity sees it: unit vectors over the same-language and the cross-language keys. */
export interface PairVector {
  id: string;
  /** Base language code ('vi', 'en'...), or null when unknown. */
  lang: string | null;
  /** Days since 1970-01-01, or null when undated. */
  day: number | null;
  /** Unit vector over the keys of the same-language kinds. */
  same: Map<string, number>;
  /** Unit vector over the language-independent keys (entities, numbers, dates, countries). */
  cross: Map<string, number>;
  /** The entity keys among `cross` (people, organisations, places). */
  entities: Set<string>;
}

export interface PairOptions {
  /** Same-language similarity decays as exp(-days apart / decayDays); 0 disables it. */
  decayDays: number;
  /** A cross-language score counts when the two share at least this many entity keys... */
  crossMinEntities: number;
  /** ...and were published at most this many days apart. */
  crossMaxDays: number;
  /** A reuse link (share of sentences copied) adds this times its score. */
  reuseWeight: number;
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let d = 0;
  for (const [k, w] of a) {
    const v = b.get(k);
    if (v !== undefined) d += w * v;
  }
  return d;
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let n = 0;
  for (const k of a) if (b.has(k)) n++;
  return n;
}

/**
 * Similarity of two articles: the cosine of their same-language keys decayed by days apart; across
 * languages (words cannot be compared) at least the cosine of their language-independent keys when they
 * share enough entities within a few days; plus reuse evidence.
 */
export function pairScore(a: PairVector, b: PairVector, reuse: number, o: PairOptions): number {
  const apart = a.day === null || b.day === null ? 0 : Math.abs(a.day - b.day);
  let sim = dot(a.same, b.same) * (o.decayDays > 0 ? Math.exp(-apart / o.decayDays) : 1);
  if (a.lang && b.lang && a.lang !== b.lang && apart <= o.crossMaxDays && sharedCount(a.entities, b.entities) >= o.crossMinEntities) {
    sim = Math.max(sim, dot(a.cross, b.cross));
  }
  return sim + o.reuseWeight * reuse;
}

/** A stored vector as parallel arrays: its keys, their weights and their kinds. */
export interface StoredArrays {
  keys: string[];
  vals: number[];
  kinds: string[];
  /** Its keys of each part's kinds, picked out by pairScoreStored on first use (a parsed vector is kept and scored again). */
  parts?: KindsPart[];
}

/** The keys of some kinds (`of`) of a stored vector, in its order, with their kinds, weights and the sum of their squares. */
interface KindsPart {
  of: ReadonlySet<string>;
  keys: string[];
  kinds: string[];
  vals: number[];
  sq: number;
}

/** `b`'s part of the kinds in `of` (sums in b's order: the same as over all its keys skipping the other kinds). */
function partOf(b: StoredArrays, of: ReadonlySet<string>): KindsPart {
  const had = b.parts?.find((p) => p.of === of);
  if (had) return had;
  const part: KindsPart = { of, keys: [], kinds: [], vals: [], sq: 0 };
  for (let i = 0; i < b.keys.length; i++) {
    if (!of.has(b.kinds[i]!)) continue;
    const v = b.vals[i]!;
    part.keys.push(b.keys[i]!);
    part.kinds.push(b.kinds[i]!);
    part.vals.push(v);
    part.sq += v * v;
  }
  // two parts (same-language and cross-language); kind sets made afresh per call would otherwise pile up here
  const parts = (b.parts ??= []);
  if (parts.length >= 2) parts.shift();
  parts.push(part);
  return part;
}

/** Which kinds of keys each part of the similarity reads (see PairVector). */
export interface PairKinds {
  same: ReadonlySet<string>;
  cross: ReadonlySet<string>;
  /** The kind of the entity keys. */
  entity: string;
}

/**
 * `pairScore(a, b)` with `b` a stored vector read as it is, without building its maps: each retrieved
 * candidate is scored this way, and only the few that enter the re-clustering become PairVectors.
 */
export function pairScoreStored(a: PairVector, b: StoredArrays, bLang: string | null, bDay: number | null, reuse: number, o: PairOptions, k: PairKinds): number {
  const apart = a.day === null || bDay === null ? 0 : Math.abs(a.day - bDay);
  let dotSame = 0;
  const same = partOf(b, k.same);
  for (let i = 0; i < same.keys.length; i++) {
    const w = a.same.get(same.keys[i]!);
    if (w !== undefined) dotSame += w * same.vals[i]!;
  }
  let sim = same.sq > 0 ? (dotSame / Math.sqrt(same.sq)) * (o.decayDays > 0 ? Math.exp(-apart / o.decayDays) : 1) : 0;
  if (a.lang && bLang && a.lang !== bLang && apart <= o.crossMaxDays) {
    const cross = partOf(b, k.cross);
    let shared = 0;
    let dot = 0;
    for (let i = 0; i < cross.keys.length; i++) {
      const w = a.cross.get(cross.keys[i]!);
      if (w === undefined) continue;
      dot += w * cross.vals[i]!;
      if (cross.kinds[i] === k.entity && a.entities.has(cross.keys[i]!)) shared++;
    }
    if (shared >= o.crossMinEntities && cross.sq > 0) sim = Math.max(sim, dot / Math.sqrt(cross.sq));
  }
  return sim + o.reuseWeight * reuse;
}

/**
 * Agglomerative complete-link clustering of `n` items at `threshold`: the two groups whose least similar
 * pair is the most similar are merged while that pair reaches the threshold, so every two articles of a
 * group are similar, not only a chain of neighbours. Ties go to the lowest indexes (deterministic).
 * `sim` is a symmetric n×n matrix (row-major). Returns the groups as sorted index lists, by first index.
 */
export function completeLink(n: number, sim: Float64Array, threshold: number): number[][] {
  // d[i*n+j]: complete-link similarity between the groups led by i and j (Lance-Williams: min).
  const d = Float64Array.from(sim);
  const alive = new Array<boolean>(n).fill(true);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  for (;;) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && d[i * n + j] > best) {
          best = d[i * n + j];
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0 || best < threshold) break;
    alive[bj] = false;
    members[bi].push(...members[bj]);
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi) continue;
      const v = Math.min(d[bi * n + k], d[bj * n + k]);
      d[bi * n + k] = v;
      d[k * n + bi] = v;
    }
  }
  return members.filter((_, i) => alive[i]).map((m) => m.sort((a, b) => a - b));
}

/**
 * Complete link within each language, then groups in different languages joined by their most similar
 * cross-language pair (best first, while it reaches the threshold), never two groups of one language in
 * one story. Across languages only names, numbers and dates can be compared, and articles in different
 * languages share few of them: requiring every cross-language pair to be alike split stories that one
 * clear pair shows to be the same. Within a language nothing changes: a cross-language bridge cannot join
 * two groups that complete link kept apart. `langs[i]`: item i's language (null: unknown, a language of
 * its own for this purpose).
 */
export function clusterByLanguage(n: number, sim: Float64Array, langs: Array<string | null>, threshold: number): number[][] {
  const byLang = new Map<string, number[]>();
  langs.forEach((l, i) => byLang.set(l ?? '', [...(byLang.get(l ?? '') ?? []), i]));
  const groups: Array<{ members: number[]; lang: string }> = [];
  for (const [lang, idx] of [...byLang.entries()].sort((a, b) => a[1][0]! - b[1][0]!)) {
    const m = idx.length;
    const sub = new Float64Array(m * m);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) sub[a * m + b] = sim[idx[a]! * n + idx[b]!]!;
    for (const g of completeLink(m, sub, threshold)) groups.push({ members: g.map((a) => idx[a]!), lang });
  }
  if (byLang.size === 1) return groups.map((g) => g.members).sort((a, b) => a[0]! - b[0]!);
  const edges: Array<{ a: number; b: number; s: number }> = [];
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      if (groups[a]!.lang === groups[b]!.lang) continue;
      let best = -Infinity;
      for (const i of groups[a]!.members) for (const j of groups[b]!.members) best = Math.max(best, sim[i * n + j]!);
      if (best >= threshold) edges.push({ a, b, s: best });
    }
  }
  edges.sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);
  const root = groups.map((_, i) => i);
  const find = (x: number): number => (root[x] === x ? x : (root[x] = find(root[x]!)));
  const langsOf = groups.map((g) => new Set([g.lang]));
  for (const { a, b } of edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || [...langsOf[rb]!].some((l) => langsOf[ra]!.has(l))) continue;
    root[rb] = ra;
    for (const l of langsOf[rb]!) langsOf[ra]!.add(l);
  }
  const out = new Map<number, number[]>();
  groups.forEach((g, i) => out.set(find(i), [...(out.get(find(i)) ?? []), ...g.members]));
  return [...out.values()].map((g) => g.sort((x, y) => x - y)).sort((a, b) => a[0]! - b[0]!);
}

export interface Member {
  id: string;
  /** The story it is in now; null for the new article. */
  story: string | null;
}

export interface Relabelled {
  /** Story of every member after re-clustering (the new article included). */
  storyOf: Map<string, string>;
  /** Stories that lost every member to other stories: old id -> the story that took most of them. */
  emptied: Map<string, string>;
  /** Stories whose membership changed (joined, left, opened), in id order. */
  touched: string[];
  /** Story ids that did not exist before (opened by the new article or split off). */
  opened: string[];
}

export interface StoryNames {
  /** The id of the story an article opens ("s" + its id): the story it founded, if it still has it. */
  founded(articleId: string): string;
  /** The id of a story split off without the new article, given its members' ids (in `members` order). */
  split(group: string[]): string;
}

/**
 * Maps re-clustered groups onto story ids, changing as few memberships as possible: (group, story) pairs
 * are taken by how many of the group's members the story had, most first, each group and story once; on a
 * tie the group holding the article that founded the story keeps it, so a story is not renamed under its
 * first article. A story with members outside the neighbourhood (`anchored`) keeps them whatever happens.
 * A group left without a story opens one: the new article's own id when it is in the group, else
 * `names.split` of its members.
 */
export function relabel(members: Member[], groups: number[][], anchored: ReadonlySet<string>, names: StoryNames, newArticle: string): Relabelled {
  const pairs: Array<{ g: number; story: string; n: number; founder: boolean }> = [];
  groups.forEach((group, g) => {
    const count = new Map<string, number>();
    for (const i of group) {
      const s = members[i].story;
      if (s !== null) count.set(s, (count.get(s) ?? 0) + 1);
    }
    for (const [story, n] of count) pairs.push({ g, story, n, founder: group.some((i) => names.founded(members[i].id) === story) });
  });
  pairs.sort((a, b) => b.n - a.n || Number(b.founder) - Number(a.founder) || groups[a.g][0] - groups[b.g][0] || (a.story < b.story ? -1 : a.story > b.story ? 1 : 0));
  const idOf = new Map<number, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (idOf.has(p.g) || taken.has(p.story)) continue;
    idOf.set(p.g, p.story);
    taken.add(p.story);
  }
  const storyOf = new Map<string, string>();
  const opened: string[] = [];
  const before = new Set(members.map((m) => m.story).filter((s): s is string => s !== null));
  groups.forEach((group, g) => {
    let id = idOf.get(g);
    if (id === undefined) {
      id = group.some((i) => members[i].id === newArticle) ? names.founded(newArticle) : names.split(group.map((i) => members[i].id));
      opened.push(id);
      taken.add(id);
    }
    for (const i of group) storyOf.set(members[i].id, id);
  });
  // Stories of the neighbourhood that kept no group and have no member elsewhere are gone: they point
  // to the story that took most of their members.
  const emptied = new Map<string, string>();
  for (const s of [...before].sort()) {
    if (taken.has(s) || anchored.has(s)) continue;
    const to = new Map<string, number>();
    for (const m of members) if (m.story === s) to.set(storyOf.get(m.id)!, (to.get(storyOf.get(m.id)!) ?? 0) + 1);
    const [target] = [...to.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    emptied.set(s, target);
  }
  const touched = new Set<string>();
  for (const m of members) {
    const now = storyOf.get(m.id)!;
    if (m.story !== now) {
      touched.add(now);
      if (m.story !== null) touched.add(m.story);
    }
  }
  return { storyOf, emptied, touched: [...touched].sort(), opened };
}
