// The cross-checked side of a story as the reader shows it: claims (one per fact, with every value the
// sources give, its status and the sources behind each value) from the export's claims[] (src/crosscheck/),
// and the brief's "what happened" sentences with their citations (src/publish/brief.ts briefOf).
import type { Store } from '../store/db.ts';
import type { KabarExport } from '../export/schema.ts';
import { briefOf } from '../publish/brief.ts';

export interface BriefCitation {
  article: string;
  /** sentence index in the article */
  sentence: number;
  start?: number;
  end?: number;
}

export type ClaimStatus = 'corroborated' | 'single-source' | 'contested';

export interface BriefClaim {
  id: string;
  /** the claim's attribute (date.start, place, kind, people.dead, ...), translated by the interface where it can */
  field: string;
  /** the subject in words, as the cross-check labels it */
  subject: string;
  subjectKind: 'story' | 'event' | 'agreement' | 'entity';
  subjectId: string;
  status: ClaimStatus;
  values: Array<{ value: string | number; qualifier?: string; independentSources: number; sources: BriefCitation[] }>;
}

export interface BriefView {
  /** the brief's "what happened": sources' own sentences, verbatim, each with its language and citation */
  paragraphs: Array<Array<{ text: string; lang: string | null; cites: BriefCitation[] }>>;
  claims: BriefClaim[];
}

const ORDER: Record<ClaimStatus, number> = { contested: 0, corroborated: 1, 'single-source': 2 };

/** The brief of a one-story document: its sentences and its claims (contested first); null when there is neither. */
export async function loadBrief(_store: Store, doc: KabarExport): Promise<BriefView | null> {
  const claims = (doc.claims ?? []).map(
    (c): BriefClaim => ({
      id: c.id,
      field: c.attribute,
      subject: c.subject.label,
      subjectKind: c.subject.kind,
      subjectId: c.subject.id,
      status: c.status,
      values: c.values.map((v) => ({
        value: v.value,
        ...(v.qualifier ? { qualifier: v.qualifier } : {}),
        independentSources: v.independentSources,
        sources: v.evidence.map((e) => ({ article: e.article, sentence: e.sentence, start: e.start, end: e.end })),
      })),
    }),
  );
  claims.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const story = doc.stories[0]?.id;
  const langOf = new Map(doc.articles.map((a) => [a.id, a.language]));
  let sentences: BriefView['paragraphs'][number] = [];
  if (story && doc.stories.length === 1) {
    sentences = briefOf(doc, story).whatHappened.map((s) => ({
      text: s.text,
      lang: langOf.get(s.cite.article) ?? null,
      cites: [{ article: s.cite.article, sentence: s.cite.sentence, start: s.cite.start, end: s.cite.end }],
    }));
  }
  if (!claims.length && !sentences.length) return null;
  return { paragraphs: sentences.length ? [sentences] : [], claims };
}
