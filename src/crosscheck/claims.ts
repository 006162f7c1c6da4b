// Claims: for every fact of a story, which sources state which value, how many of them are independent, and
// whether they agree. A claim is a subject (the story, an event, an agreement, an entity), an attribute and the
// values sources give, each with its articles, independent-source count and evidence.
//
// Status: corroborated (two or more independent origins, one value), single-source (one origin), contested
// (independent origins give values that cannot both be true). Variants are not conflicts (values.ts), and an
// attribute a story legitimately has several values of (two goals at two minutes, 2024 trade and the 2028 target)
// is only contested between values some origin states *instead of* the other: origin A gives x and not y while
// origin B gives y and not x, and x, y are near enough to be reports of one quantity or one day.
import { shortHash } from '../text/normalise.ts';
import { claimOrigins, originIndex, type EvidenceSpan, type OriginIndex } from './independence.ts';
import { disputable, storyStatements, type ExportInput, type Statement, type Subject } from './statements.ts';
import { comparable, consistent, plain, specificity, valueKey, type Bound, type Value } from './values.ts';

export type ClaimStatus = 'corroborated' | 'single-source' | 'contested';

export interface ClaimValue {
  value: string | number;
  /** for numbers: the value is rounded or a bound as written ("about", "more than") */
  qualifier?: Bound;
  /** the different ways sources wrote it */
  variants: string[];
  articles: string[];
  independentSources: number;
  /** groups of articles that are one origin (copied text, citation, same outlet), only groups of two or more */
  sharedOrigins: string[][];
  evidence: EvidenceSpan[];
}

export interface Claim {
  id: string;
  story: string;
  subject: Subject;
  attribute: string;
  status: ClaimStatus;
  values: ClaimValue[];
}

interface Group {
  rep: Value;
  statements: Statement[];
}

function groupValues(sts: Statement[]): Group[] {
  const sorted = [...sts].sort((a, b) => specificity(b.value) - specificity(a.value));
  const groups: Group[] = [];
  for (const s of sorted) {
    const g = groups.find((x) => consistent(x.rep, s.value));
    if (g) g.statements.push(s);
    else groups.push({ rep: s.value, statements: [s] });
  }
  return groups;
}

/** The most precise wording of a group: an exact figure over a rounded one, a day over a month. */
function groupValue(g: Group): { value: string | number; qualifier?: Bound } {
  const v = g.rep;
  if (v.type === 'number' && v.bound) return { value: v.value, qualifier: v.bound };
  return { value: plain(v) };
}

function makeValue(g: Group, origins: Map<string, string>, idx: OriginIndex): ClaimValue {
  const order = (a: string) => idx.order.get(a) ?? Number.MAX_SAFE_INTEGER;
  const articles = [...new Set(g.statements.map((s) => s.evidence.article))].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const byOrigin = new Map<string, string[]>();
  for (const a of articles) {
    const o = origins.get(a) ?? a;
    if (!byOrigin.has(o)) byOrigin.set(o, []);
    byOrigin.get(o)!.push(a);
  }
  const evidence = [...g.statements]
    .map((s) => s.evidence)
    .sort((a, b) => order(a.article) - order(b.article) || a.sentence - b.sentence || a.start - b.start);
  return {
    ...groupValue(g),
    variants: [...new Set(g.statements.map((s) => s.text.replace(/\s+/g, ' ').trim()))].sort(),
    articles,
    independentSources: byOrigin.size,
    sharedOrigins: [...byOrigin.values()].filter((l) => l.length > 1),
    evidence,
  };
}

/** Build the claims of one story from its export document. Deterministic ids and order. */
export function buildClaims(exp: ExportInput, storyId: string, idx: OriginIndex = originIndex(exp)): Claim[] {
  const statements = storyStatements(exp, storyId);
  const bySubjectAttr = new Map<string, Statement[]>();
  for (const s of statements) {
    const k = `${s.subject.kind}|${s.subject.id}|${s.attribute}`;
    if (!bySubjectAttr.has(k)) bySubjectAttr.set(k, []);
    bySubjectAttr.get(k)!.push(s);
  }
  const claims: Claim[] = [];
  for (const sts of bySubjectAttr.values()) {
    const { subject, attribute } = sts[0]!;
    const origins = claimOrigins(idx, sts.map((s) => s.evidence));
    const groups = groupValues(sts);
    // per group, the origins stating it
    // when some statements are marked as speaking for their article, only those decide disputes
    const deciding = sts.some((s) => s.primary !== undefined) ? (s: Statement) => s.primary === true : () => true;
    const originsOf = groups.map((g) => new Set(g.statements.filter(deciding).map((s) => origins.get(s.evidence.article) ?? s.evidence.article)));
    // conflict edges: each side has an origin that states it and not the other
    const n = groups.length;
    const parent = groups.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const conflicted = new Set<number>();
    if (disputable(subject, attribute))
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          if (!comparable(groups[i]!.rep, groups[j]!.rep)) continue;
          const onlyI = [...originsOf[i]!].some((o) => !originsOf[j]!.has(o));
          const onlyJ = [...originsOf[j]!].some((o) => !originsOf[i]!.has(o));
          if (onlyI && onlyJ) {
            parent[find(i)] = find(j);
            conflicted.add(i).add(j);
          }
        }
    const components = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      // values in no dispute are claims of their own; several true values of one attribute are not one claim
      const root = conflicted.has(i) ? find(i) : -1 - i;
      if (!components.has(root)) components.set(root, []);
      components.get(root)!.push(i);
    }
    for (const members of components.values()) {
      const values = members.map((i) => makeValue(groups[i]!, origins, idx));
      values.sort((a, b) => b.independentSources - a.independentSources || b.articles.length - a.articles.length || String(a.value).localeCompare(String(b.value)));
      const status: ClaimStatus = members.length > 1 ? 'contested' : values[0]!.independentSources >= 2 ? 'corroborated' : 'single-source';
      const keys = members.map((i) => valueKey(groups[i]!.rep)).sort();
      claims.push({ id: `c${shortHash(`${storyId}|${subject.kind}|${subject.id}|${attribute}|${keys.join('|')}`)}`, story: storyId, subject, attribute, status, values });
    }
  }
  const rank: Record<ClaimStatus, number> = { contested: 0, corroborated: 1, 'single-source': 2 };
  const kindRank: Record<Subject['kind'], number> = { story: 0, event: 1, agreement: 2, entity: 3 };
  claims.sort(
    (a, b) =>
      kindRank[a.subject.kind] - kindRank[b.subject.kind] ||
      rank[a.status] - rank[b.status] ||
      a.attribute.localeCompare(b.attribute) ||
      a.subject.label.localeCompare(b.subject.label) ||
      a.id.localeCompare(b.id),
  );
  return claims;
}
