// The cross-check of a whole export document: claims and consistency notes for every story in it.
import type { ExportClaim, ExportConsistency } from '../export/schema.ts';
import { buildClaims } from './claims.ts';
import { checkConsistency } from './consistency.ts';
import { originIndex } from './independence.ts';
import type { ExportInput } from './statements.ts';

export { buildClaims, type Claim, type ClaimStatus, type ClaimValue } from './claims.ts';
export { checkConsistency, type ConsistencyNote } from './consistency.ts';
export type { ExportInput } from './statements.ts';

/**
 * Each story's part of the document: its articles and what refers to them. Splitting once keeps a whole-store
 * export linear in its size instead of scanning every array for every story.
 */
export function partitionByStory(doc: ExportInput): Map<string, ExportInput> {
  const storyOf = new Map<string, string>();
  for (const s of doc.stories) for (const a of s.articles) storyOf.set(a, s.id);
  const parts = new Map<string, ExportInput>();
  for (const s of doc.stories) parts.set(s.id, { stories: [s], articles: [], reuse: [], times: [], entities: [], events: [], agreements: [], quotes: [] });
  const partOf = (article: string) => {
    const s = storyOf.get(article);
    return s === undefined ? undefined : parts.get(s);
  };
  for (const a of doc.articles) partOf(a.id)?.articles.push(a);
  for (const r of doc.reuse) {
    const p = partOf(r.a);
    if (p && storyOf.get(r.b) === storyOf.get(r.a)) p.reuse.push(r);
  }
  for (const t of doc.times) partOf(t.article)?.times.push(t);
  for (const q of doc.quotes) partOf(q.article)?.quotes.push(q);
  for (const e of doc.events) if (e.story) parts.get(e.story)?.events.push(e);
  for (const g of doc.agreements) {
    const a = g.evidence[0]?.article;
    if (a) partOf(a)?.agreements.push(g);
  }
  for (const e of doc.entities) {
    const seen = new Set<ExportInput>();
    for (const m of e.mentions) {
      const p = partOf(m.article);
      if (p && !seen.has(p)) {
        seen.add(p);
        p.entities.push(e);
      }
    }
  }
  return parts;
}

/** Claims and consistency notes of every story of the document, in story order. */
export function crossCheck(doc: ExportInput): { claims: ExportClaim[]; consistency: ExportConsistency[] } {
  const claims: ExportClaim[] = [];
  const consistency: ExportConsistency[] = [];
  const parts = doc.stories.length > 1 ? partitionByStory(doc) : null;
  for (const s of doc.stories) {
    const part = parts?.get(s.id) ?? doc;
    claims.push(...buildClaims(part, s.id, originIndex(part)));
    consistency.push(...checkConsistency(part, s.id));
  }
  return { claims, consistency };
}
