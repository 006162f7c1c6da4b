// Arithmetic checks of what sources say about time: an anniversary against the founding year ("75th anniversary"
// and "established in 1950" in 2025), "the first in 18 years" against the year of the last such event, and such
// durations against each other ("nearly two decades" and "18 years" agree; "five years" would not).
import { shortHash } from '../text/normalise.ts';
import type { KabarExport } from '../export/schema.ts';
import { tokens } from '../events/tokens.ts';
import { claimLexicon } from './lexicon.ts';
import type { EvidenceSpan } from './independence.ts';
import { sentenceOf } from './statements.ts';

export interface ConsistencyNote {
  id: string;
  story: string;
  kind: 'anniversary' | 'time-since';
  /** the words checked, as written */
  text: string;
  /** what the text says, normalised ("75", "P18Y") */
  stated: string;
  /** what the other evidence implies ("75 (2025 − 1950)") */
  expected: string;
  status: 'consistent' | 'inconsistent';
  evidence: EvidenceSpan[];
}

type Input = Pick<KabarExport, 'stories' | 'articles' | 'times' | 'events'>;
type Time = KabarExport['times'][number];

/** Years a TIMEX3 duration covers, with the range its modifier allows: "nearly two decades" → [16, 20]. */
export function durationYears(value: string, mod?: string): { years: number; lo: number; hi: number } | null {
  const m = /^P(\d+(?:\.\d+)?)(Y|DE|CE|C)$/.exec(value);
  if (!m) return null;
  const years = Number(m[1]) * (m[2] === 'Y' ? 1 : m[2] === 'DE' ? 10 : 100);
  // rounding in words: "nearly" is below and close, "about" either side, "more than" above
  if (mod === 'LESS_THAN') return { years, lo: years * 0.8, hi: years };
  if (mod === 'APPROX') return { years, lo: years * 0.85, hi: years * 1.15 };
  if (mod === 'MORE_THAN') return { years, lo: years, hi: years * 1.5 };
  // a decade or a century stated as such is round already
  return m[2] === 'Y' ? { years, lo: years, hi: years } : { years, lo: years * 0.85, hi: years * 1.15 };
}

function yearOf(s: string | null | undefined): number | null {
  const m = /^(\d{4})/.exec(s ?? '');
  return m ? Number(m[1]) : null;
}

/** Does the sentence speak of a first time ("the first … in") or, with lastCues, of the last one ("the last such visit")? */
function firstOrLast(a: KabarExport['articles'][number], si: number, which: 'firstCues' | 'lastCues' = 'firstCues'): boolean {
  const sp = a.sentences[si];
  if (!sp) return false;
  const toks = tokens(a.text, sp.start, sp.end).map((x) => x.lower);
  const words = new Set(toks);
  const joined = ` ${toks.join(' ')} `;
  const cues = claimLexicon(a.paragraphs.find((p) => p.start <= sp.start && sp.start < p.end)?.lang ?? a.language)[which];
  return cues.some((c) => {
    const w = c.toLowerCase().split(/\s+/);
    return w.length === 1 ? words.has(w[0]!) : joined.includes(` ${w.join(' ')} `);
  });
}

/** Consistency notes of one story. Deterministic. */
export function checkConsistency(exp: Input, storyId: string): ConsistencyNote[] {
  const story = exp.stories.find((s) => s.id === storyId);
  const ids = new Set(story?.articles ?? exp.articles.filter((a) => a.story === storyId).map((a) => a.id));
  const articles = exp.articles.filter((a) => ids.has(a.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const background = exp.events.filter((e) => e.story === storyId && e.background && !e.negated && yearOf(e.date.value ?? e.date.start) !== null);
  const notes: ConsistencyNote[] = [];
  const ev = (t: Time): EvidenceSpan => ({ article: t.article, sentence: sentenceOf(byId.get(t.article)!, t.start), start: t.start, end: t.end });
  const bgEvidence = (e: (typeof background)[number]): EvidenceSpan => e.evidence[0]!;
  const add = (n: Omit<ConsistencyNote, 'id' | 'story'>) =>
    notes.push({ id: `k${shortHash(`${storyId}|${n.kind}|${n.evidence.map((e) => `${e.article}:${e.start}`).join(',')}`)}`, story: storyId, ...n });

  const times = exp.times.filter((t) => ids.has(t.article));
  for (const t of times) {
    const a = byId.get(t.article)!;
    const refYear = yearOf(t.anchor) ?? yearOf(a.published);
    // anniversaries: the ordinal is the years since the founding
    if (t.anniversary && refYear !== null) {
      const { ordinal, since } = t.anniversary;
      const sinceYear = since ? yearOf(since) : null;
      if (sinceYear !== null) {
        const expected = refYear - sinceYear;
        add({ kind: 'anniversary', text: t.text, stated: String(ordinal), expected: `${expected} (${refYear} − ${sinceYear})`, status: expected === ordinal ? 'consistent' : 'inconsistent', evidence: [ev(t)] });
        continue;
      }
      const founding = background.filter((e) => yearOf(e.date.value ?? e.date.start) === refYear - ordinal);
      if (founding.length)
        add({ kind: 'anniversary', text: t.text, stated: String(ordinal), expected: `${ordinal} (${refYear} − ${refYear - ordinal})`, status: 'consistent', evidence: [ev(t), bgEvidence(founding[0]!)] });
    }
  }

  // the kinds of the story's current events told in each sentence
  const kindsAt = new Map<string, Set<string>>();
  for (const e of exp.events)
    if (e.story === storyId && !e.background)
      for (const m of e.evidence) {
        const k = `${m.article}|${m.sentence}`;
        (kindsAt.get(k) ?? kindsAt.set(k, new Set()).get(k)!).add(`${e.type}/${e.mode}`);
      }

  // "the first … in 18 years": durations in sentences that speak of a first or a last time
  const since: Array<{ t: Time; d: NonNullable<ReturnType<typeof durationYears>>; refYear: number }> = [];
  for (const t of times) {
    if (t.type !== 'DURATION') continue;
    const d = durationYears(t.value, t.mod);
    const a = byId.get(t.article)!;
    const refYear = yearOf(t.anchor) ?? yearOf(a.published);
    if (!d || refYear === null) continue;
    if (firstOrLast(a, sentenceOf(a, t.start))) since.push({ t, d, refYear });
  }
  for (const s of since) {
    // against the year of the last such event the sources recall
    // the recalled event must be "the last such": of a kind told in the duration's sentence, or itself called the last
    const a = byId.get(s.t.article)!;
    const si = sentenceOf(a, s.t.start);
    const kinds = kindsAt.get(`${a.id}|${si}`) ?? new Set<string>();
    const last = background.find((e) => {
      const y = yearOf(e.date.value ?? e.date.start)!;
      if (y >= s.refYear) return false;
      return kinds.has(`${e.type}/${e.mode}`) || e.evidence.some((m) => byId.has(m.article) && firstOrLast(byId.get(m.article)!, m.sentence, 'lastCues'));
    });
    if (last) {
      const y = yearOf(last.date.value ?? last.date.start)!;
      const gap = s.refYear - y;
      add({
        kind: 'time-since',
        text: s.t.text,
        stated: `${s.t.value}${s.t.mod ? ` (${s.t.mod})` : ''}`,
        expected: `P${gap}Y (${s.refYear} − ${y})`,
        status: gap >= Math.floor(s.d.lo) && gap <= Math.ceil(s.d.hi) ? 'consistent' : 'inconsistent',
        evidence: [ev(s.t), bgEvidence(last)],
      });
    }
  }
  // against each other: the most precise statement is the reference
  const exact = since.filter((s) => !s.t.mod && /Y$/.test(s.t.value)).sort((a, b) => a.t.article.localeCompare(b.t.article) || a.t.start - b.t.start)[0];
  if (exact)
    for (const s of since) {
      if (s === exact || (s.t.article === exact.t.article && s.t.value === exact.t.value)) continue;
      const gap = exact.d.years + (s.refYear - exact.refYear);
      add({
        kind: 'time-since',
        text: s.t.text,
        stated: `${s.t.value}${s.t.mod ? ` (${s.t.mod})` : ''}`,
        expected: `P${gap}Y ("${exact.t.text}")`,
        status: gap >= Math.floor(s.d.lo) && gap <= Math.ceil(s.d.hi) ? 'consistent' : 'inconsistent',
        evidence: [ev(s.t), ev(exact.t)],
      });
    }
  return notes.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}
