// Which articles are one origin for a claim. Articles count once per independent origin: two articles are one
// origin when they share the sentence that states the claim verbatim or nearly (a reuse link's sentence pair
// covers it), when one cites the other (its cited-source list names the other's outlet), or when they come from
// the same outlet (an outlet repeating itself is not a second witness). Union-find per claim.
import { foldKey } from '../entities/normalise.ts';
import type { KabarExport } from '../export/schema.ts';

export interface EvidenceSpan {
  article: string;
  sentence: number;
  start: number;
  end: number;
}

type Article = KabarExport['articles'][number];

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // the smaller id is the root: the same input gives the same origins
    if (ra !== rb) ra < rb ? this.parent.set(rb, ra) : this.parent.set(ra, rb);
  }
}

const GENERIC_HOST_PARTS = new Set(['www', 'm', 'amp', 'example', 'com', 'net', 'org', 'co', 'id', 'vn', 'my', 'news', 'info', 'go', 'or', 'ac']);

/** Keys an outlet is known by: its name folded and its host's distinctive labels ("saigon-daily.example" → "saigondaily"). */
export function outletKeys(a: Pick<Article, 'outlet' | 'url'>): Set<string> {
  const keys = new Set<string>();
  const fromHost = (h: string) => {
    const labels = h.toLowerCase().split('.').filter((l) => l && !GENERIC_HOST_PARTS.has(l));
    if (labels.length) keys.add(foldKey(labels.join('')));
  };
  if (a.outlet) {
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(a.outlet)) fromHost(a.outlet);
    else keys.add(foldKey(a.outlet));
  }
  if (a.url) {
    try {
      fromHost(new URL(a.url).hostname);
    } catch {
      // not a URL: the outlet name is all we have
    }
  }
  keys.delete('');
  return keys;
}

/** The keys of the outlets an article cites ("Sumber: Warta Pagi", a source URL). */
function citedKeys(a: Article): string[] {
  const out: string[] = [];
  for (const c of a.citedSources) {
    let k = foldKey(c);
    if (/^https?:\/\//i.test(c)) k = [...outletKeys({ outlet: null, url: c })][0] ?? k;
    if (k) out.push(k);
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export interface OriginIndex {
  articles: Map<string, Article>;
  /** article id → its position in the document (ingest order) */
  order: Map<string, number>;
  keys: Map<string, Set<string>>;
  /** article id → links it takes part in, with its own side first */
  links: Map<string, Array<{ other: string; pairs: Array<{ mine: { start: number; end: number }; theirs: { start: number; end: number } }> }>>;
  /** article id → keys of the outlets it cites */
  cited: Map<string, string[]>;
}

/** Prepare the lookups once per export. */
export function originIndex(exp: Pick<KabarExport, 'articles' | 'reuse'>): OriginIndex {
  const articles = new Map(exp.articles.map((a) => [a.id, a]));
  const keys = new Map(exp.articles.map((a) => [a.id, outletKeys(a)]));
  const links: OriginIndex['links'] = new Map();
  const add = (x: string, other: string, pairs: Array<{ mine: { start: number; end: number }; theirs: { start: number; end: number } }>) => {
    if (!links.has(x)) links.set(x, []);
    links.get(x)!.push({ other, pairs });
  };
  for (const r of exp.reuse) {
    add(r.a, r.b, r.sentences.map((p) => ({ mine: p.a, theirs: p.b })));
    add(r.b, r.a, r.sentences.map((p) => ({ mine: p.b, theirs: p.a })));
  }
  return { articles, order: new Map(exp.articles.map((a, i) => [a.id, i])), keys, links, cited: new Map(exp.articles.map((a) => [a.id, citedKeys(a)])) };
}

/**
 * Origins of the articles stating one claim: article id → origin id (the smallest article id of its group).
 * `evidence` is every span where an article states the claim (any value).
 */
export function claimOrigins(idx: OriginIndex, evidence: EvidenceSpan[]): Map<string, string> {
  const uf = new UnionFind();
  const ids = [...new Set(evidence.map((e) => e.article))].sort();
  const sentenceSpans = new Map<string, Array<{ start: number; end: number }>>();
  for (const e of evidence) {
    const a = idx.articles.get(e.article);
    const s = a?.sentences[e.sentence] ?? { start: e.start, end: e.end };
    if (!sentenceSpans.has(e.article)) sentenceSpans.set(e.article, []);
    sentenceSpans.get(e.article)!.push(s);
  }
  for (const x of ids) uf.find(x);
  // same outlet, or citing it: one pass over outlet keys (linear in the articles, not in their pairs)
  const byKey = new Map<string, string>();
  for (const x of ids)
    for (const k of idx.keys.get(x) ?? []) {
      const first = byKey.get(k);
      if (first === undefined) byKey.set(k, x);
      else uf.union(first, x);
    }
  for (const x of ids)
    for (const k of idx.cited.get(x) ?? []) {
      const y = byKey.get(k);
      if (y !== undefined) uf.union(x, y);
    }
  // copies: a reuse pair that covers this claim's sentence in either article
  const inClaim = new Set(ids);
  for (const x of ids)
    for (const l of idx.links.get(x) ?? []) {
      if (!inClaim.has(l.other)) continue;
      const mine = sentenceSpans.get(x) ?? [];
      const theirs = sentenceSpans.get(l.other) ?? [];
      if (l.pairs.some((p) => mine.some((sp) => overlaps(sp, p.mine)) || theirs.some((sp) => overlaps(sp, p.theirs)))) uf.union(x, l.other);
    }
  return new Map(ids.map((x) => [x, uf.find(x)]));
}
