// Reported errors: stored with what they point at, listed per story and article and for review.
// Table: src/store/migrations/006_corrections.ts.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Store } from '../store/db.ts';
import { exportCorrection } from '../export/schema.ts';

export const TARGET_KINDS = ['story', 'article', 'fact', 'event', 'agreement', 'entity', 'quote', 'claim'] as const;
export const CORRECTION_STATUSES = ['open', 'accepted', 'rejected'] as const;

interface CorrectionRow {
  id: number;
  target_kind: string;
  target_id: string;
  story_id: string | null;
  article_id: string | null;
  field: string;
  message: string;
  suggestion: string | null;
  status: string;
  created_at: string;
  reviewed_at: string | null;
}

// Ids are short tokens built by Kabar (hex hashes with a letter prefix); anything else is refused, so a
// report cannot carry markup or paths in its pointer.
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,95}$/;

/** A correction as a client files it (the form and POST /api/corrections). */
export const correctionInput = z.object({
  targetKind: z.enum(TARGET_KINDS).describe('what the report is about'),
  targetId: z.string().regex(idPattern).describe('id of the story, article, event, agreement, entity, quote or claim'),
  story: z.string().regex(idPattern).nullable().optional().describe('story the target belongs to, when known'),
  article: z.string().regex(idPattern).nullable().optional().describe('article the target belongs to, when known'),
  field: z.string().max(80).optional().describe("which part of the target: a claim's field, an event's date, ..."),
  message: z.string().trim().min(3).max(4000).describe('what is wrong'),
  suggestion: z.string().trim().max(4000).nullable().optional().describe('what it should say'),
});
export type CorrectionInput = z.infer<typeof correctionInput>;

/** A stored correction: the export's record (src/export/schema.ts), so the API and exports agree. */
export const correctionRecord = exportCorrection;
export type Correction = z.infer<typeof correctionRecord>;

function db(store: Store): Kysely<{ corrections: CorrectionRow }> {
  return store.db as unknown as Kysely<{ corrections: CorrectionRow }>;
}

/** A stored row as the record the API and exports show. */
export function correctionRow(r: CorrectionRow): Correction {
  return {
    id: Number(r.id),
    targetKind: (TARGET_KINDS as readonly string[]).includes(r.target_kind) ? (r.target_kind as Correction['targetKind']) : 'story',
    targetId: r.target_id,
    story: r.story_id,
    article: r.article_id,
    field: r.field || null,
    message: r.message,
    suggestion: r.suggestion,
    status: (CORRECTION_STATUSES as readonly string[]).includes(r.status) ? (r.status as Correction['status']) : 'open',
    created: r.created_at,
    reviewed: r.reviewed_at,
  };
}

// Control characters (other than line breaks and tabs) and bidi overrides are dropped: a report is shown
// to reviewers and must not be able to disguise its own text.
function cleanText(s: string): string {
  return s.normalize('NFC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

export async function addCorrection(store: Store, input: CorrectionInput, now = new Date()): Promise<Correction> {
  // the story and article a report belongs to, filled in when the target itself says it, so reports
  // are found (and exported) per story whatever the client sent
  let story = input.story ?? (input.targetKind === 'story' ? input.targetId : null);
  const article = input.article ?? (input.targetKind === 'article' ? input.targetId : null);
  if (!story && article) {
    const a = await store.db.selectFrom('articles').select('story_id').where('id', '=', article).executeTakeFirst();
    story = a?.story_id ?? null;
  }
  const row = await db(store)
    .insertInto('corrections')
    .values({
      target_kind: input.targetKind,
      target_id: input.targetId,
      story_id: story,
      article_id: article,
      field: cleanText(input.field ?? ''),
      message: cleanText(input.message),
      suggestion: input.suggestion ? cleanText(input.suggestion) : null,
      status: 'open',
      created_at: now.toISOString(),
      reviewed_at: null,
    } as unknown as CorrectionRow)
    .returningAll()
    .executeTakeFirstOrThrow();
  return correctionRow(row);
}

export async function listCorrections(
  store: Store,
  opts: { story?: string; article?: string; storyIds?: string[]; status?: Correction['status']; limit?: number; offset?: number } = {},
): Promise<Correction[]> {
  let q = db(store).selectFrom('corrections').selectAll();
  // addCorrection fills story_id for every report it can place in a story (story targets included)
  if (opts.story) q = q.where('story_id', '=', opts.story);
  if (opts.article) q = q.where((eb) => eb.or([eb('article_id', '=', opts.article!), eb.and([eb('target_kind', '=', 'article'), eb('target_id', '=', opts.article!)])]));
  if (opts.storyIds) {
    if (!opts.storyIds.length) return [];
    q = q.where('story_id', 'in', opts.storyIds);
  }
  if (opts.status) q = q.where('status', '=', opts.status);
  q = q.orderBy('id', 'desc');
  if (opts.limit !== undefined) q = q.limit(opts.limit).offset(opts.offset ?? 0);
  return (await q.execute()).map(correctionRow);
}

export async function reviewCorrection(store: Store, id: number, status: 'accepted' | 'rejected' | 'open', now = new Date()): Promise<Correction | null> {
  const row = await db(store)
    .updateTable('corrections')
    .set({ status, reviewed_at: status === 'open' ? null : now.toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? correctionRow(row) : null;
}
