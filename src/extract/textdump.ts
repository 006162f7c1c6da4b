// Raw text dumps of news pages (copy-paste or crawler text: one paragraph per line, page furniture
// around it). A line classifier plus a block pass:
//   1. each line gets a kind from its own shape (image file name, source line, byline, caption,
//      date line, banner, boilerplate, body paragraph "P", short title-like line "S");
//   2. lines are cut into segments at page furniture (source lines, boilerplate, related-list
//      headings, runs of ≥3 short lines); the segment with the most paragraph text is the body,
//      other segments survive only with real paragraph mass (so trailing prompts die, split bodies live);
//   3. inside kept segments short lines survive only as sub-headings (≤2 lines followed by a paragraph)
//      or as list items after a line ending in ":".
// Dateline prefixes ("VOV.vn - ", "JAKARTA, KOMPAS.com - ", "HANOI (Reuters) - ") are stripped from the
// first body paragraph: they are outlet furniture, and left in place they make the same wire text
// look different across outlets. A domain in them is the weakest outlet hint.

import type { Caption, Extracted, RawInput } from '../types.ts';
import { ALL_LANGS, LEXICON, dateOrderFor } from './lexicon.ts';
import { dateFromUrl, findDates } from './dates.ts';
import { hostOf } from '../util/common.ts';

type Kind =
  | 'P' // body paragraph
  | 'S' // short title-like line
  | 'bullet'
  | 'image'
  | 'caption'
  | 'source'
  | 'link'
  | 'byline'
  | 'date'
  | 'banner'
  | 'boilerplate'
  | 'related'
  | 'cited';

interface Unit {
  text: string;
  kind: Kind;
  /** Text kept for the body (a bullet's text, a dateline-stripped paragraph). */
  body?: string;
}

const SENTENCE_END = /[.!?…:;](?:["'”’»)\]]*)$|[.!?…]["'”’»)\]]+$/u;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|bmp|svg|tiff?|heic)(?:\?\S*)?$/i;
const URL_RE = /\bhttps?:\/\/[^\s<>"')\]]+/i;
const BARE_DOMAIN = /^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,12}\/?$/iu;
const DOMAIN_PREFIX = /^((?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,12})\s*[-–—|:]\s*(.+)$/iu;
const BULLET = /^(?:[•·▪►●◦○■□✓✔➤➢→*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*/u;
const TIME_RE = /(?<!\d)\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*(?:am|pm|wib|wita|wit|gmt|utc|ict))?(?:\s*\(?(?:gmt|utc)\s*[+-]\s*\d{1,2}\)?)?/giu;

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

function sentenceLike(s: string): boolean {
  if (SENTENCE_END.test(s)) return true;
  // A long line without final punctuation is still a paragraph (truncated or sloppily typed).
  return s.length >= 160 && words(s).length >= 20;
}


/** "Siti Rahayu", "A. Rahman dan B. Putri", "JOHN SMITH, Reuters" → names; null if the text is not names. */
function parseNames(rest: string): string[] | null {
  const cleaned = rest.replace(/\s*[|•·]\s*.*$/u, '').replace(/[.;]\s*$/, '').trim();
  if (!cleaned || cleaned.length > 120 || /\d/.test(cleaned)) return null;
  if (/[!?:;"“”]/.test(cleaned)) return null;
  const parts = cleaned
    .split(LEXICON.nameList)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 6) return null;
  for (const p of parts) {
    const ws = p.split(/\s+/);
    if (ws.length > 5) return null;
    for (const w of ws) {
      if (LEXICON.nameParticles.has(w.toLowerCase())) continue;
      // Every name word is capitalised (or an initial): "karena itu" after "Oleh" is prose, not a name.
      if (!/^[\p{Lu}][\p{L}'’.-]*$/u.test(w)) return null;
    }
  }
  return parts;
}

interface CaptionParts {
  text: string;
  credit: string;
}

let captionRe: RegExp | null = null;
/**
 * What must follow a credit word in captionPattern ("Foto: X", "Photo by X"), and alone (same flags: the same word
 * boundaries) its quick test.
 */
const CREDIT_MARK_SOURCE = LEXICON.creditAgentAlt ? `[:：/]|\\b(?:${LEXICON.creditAgentAlt})\\b` : '[:：/]';
const CREDIT_MARK = new RegExp(CREDIT_MARK_SOURCE, 'iu');
function captionPattern(): RegExp {
  // "<caption> Foto: VNA", "<caption> - Foto: VNA", "<caption> (Photo: Reuters/John Doe)",
  // "<caption>. ANTARA FOTO/Name", "<caption> (Photo by Jane Doe)".
  captionRe ??= new RegExp(
    `^(.*?)[\\s,;|–—-]*\\(?\\s*((?:\\p{Lu}[\\p{L}.&-]*\\s+)?)(?:${LEXICON.creditAlt})s?\\s*(?:${CREDIT_MARK_SOURCE})\\s*([^()]{1,80}?)\\s*\\)?\\.?$`,
    'iu',
  );
  return captionRe;
}

/** "<caption> Foto: VNA" → caption text and credit; null when the line has no credit. */
export function splitCaption(line: string): CaptionParts | null {
  // The pattern backtracks quadratically on long lines (minutes on 200 kB of one letter); captions are short.
  if (line.length > 1000) return null;
  // The pattern's one mandatory mark after the credit word, tested alone first: most lines have none, and the
  // pattern tries its whole word list at every position of a line before it fails.
  if (!CREDIT_MARK.test(line)) return null;
  const m = captionPattern().exec(line);
  if (!m) return null;
  const agency = m[2]!.trim();
  let credit = m[3]!.trim();
  if (!credit || words(credit).length > 8 || /[.!?]\s/.test(credit)) return null;
  // An upper-case word before the credit word is an agency ("ANTARA FOTO/Name").
  if (agency && agency === agency.toUpperCase()) credit = `${agency}/${credit}`;
  const text = (agency && agency !== agency.toUpperCase() ? `${m[1]!} ${agency}` : m[1]!).trim();
  return { text, credit };
}

/** A date line: a stated date with little else (a weekday, an outlet name, "Updated"). */
function dateLine(line: string, order: 'dmy' | 'mdy'): { date: string; updated: boolean } | null {
  if (line.length > 160) return null;
  const found = findDates(line, ALL_LANGS, order);
  if (found.length === 0) return null;
  let rest = line;
  for (const f of [...found].reverse()) rest = rest.slice(0, f.start) + ' ' + rest.slice(f.end);
  rest = rest.replace(TIME_RE, ' ');
  const restWords = words(rest);
  const updated = LEXICON.updated.test(line);
  if (sentenceLike(line)) {
    // "Sabtu, 11 Oktober 2025." is a date line; "Ia lahir 9 Oktober 1990." is prose.
    const capsOnly = restWords.every((w) => /^[\p{Lu}\d]/u.test(w));
    if (restWords.length > 1 || !capsOnly) return null;
  } else if (restWords.length > 10) {
    return null;
  }
  return { date: found[0]!.date, updated };
}

function classify(line: string, order: 'dmy' | 'mdy'): Unit {
  const text = line;
  const ws = words(line);
  if (IMAGE_FILE.test(line) && ws.length <= 12 && !/[.!?]\s/.test(line)) return { text, kind: 'image' };
  if (LEXICON.source.test(line)) return { text, kind: 'source' };
  if (LEXICON.citedHeading.test(line)) return { text, kind: 'cited' };
  if (LEXICON.relatedHeading.test(line)) return { text, kind: 'related' };
  if (LEXICON.boilerplate.some((re) => re.test(line))) return { text, kind: 'boilerplate' };
  if (/^https?:\/\/\S+$/i.test(line)) return { text, kind: 'link' };
  const by = LEXICON.editor.exec(line) ?? LEXICON.byline.exec(line);
  if (by && parseNames(by[1]!)) return { text, kind: 'byline' };
  if (BARE_DOMAIN.test(line)) return { text, kind: 'banner' };
  const dom = DOMAIN_PREFIX.exec(line);
  if (dom && !sentenceLike(dom[2]!) && words(dom[2]!).length <= 12) return { text, kind: 'banner' };
  if (dateLine(line, order)) return { text, kind: 'date' };
  if (splitCaption(line)) return { text, kind: 'caption' };
  const bullet = BULLET.exec(line);
  if (bullet && line.length > bullet[0].length) return { text, kind: 'bullet', body: line.slice(bullet[0].length).trim() };
  return { text, kind: sentenceLike(line) ? 'P' : 'S' };
}

/** Lines of the dump; hard-wrapped paragraphs (a line running on into a lower-case line) are re-joined. */
function toLines(text: string): string[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ').replace(/\s+/g, ' ').trim());
  const out: string[] = [];
  let prevBlank = true;
  for (const l of raw) {
    if (!l) {
      prevBlank = true;
      continue;
    }
    const prev = out[out.length - 1];
    if (!prevBlank && prev !== undefined && prev.length >= 40 && !SENTENCE_END.test(prev) && /^\p{Ll}/u.test(l)) {
      out[out.length - 1] = `${prev} ${l}`;
    } else {
      out.push(l);
    }
    prevBlank = false;
  }
  return out;
}

const DATELINE_SEP = /\s[-–—]{1,2}\s+(?=\S)/u;
const DOMAIN_TOKEN = /(?:^|[\s,(])((?:[\p{L}\d-]+\.)+[a-z]{2,12})(?=$|[\s,)])/iu;

/** Strip "VOV.vn - ", "JAKARTA, KOMPAS.com - ", "HANOI (Reuters) - " from a first paragraph. */
function stripDateline(p: string): { text: string; domain: string | null } {
  const sep = DATELINE_SEP.exec(p.slice(0, 90));
  if (!sep) return { text: p, domain: null };
  const prefix = p.slice(0, sep.index).trim();
  const domain = DOMAIN_TOKEN.exec(prefix)?.[1] ?? null;
  // Apart from a domain and abbreviated months ("Oct."), a dateline has no sentence punctuation.
  const bare = prefix.replace(DOMAIN_TOKEN, ' ').replace(/\b\p{L}{2,5}\./gu, ' ');
  if (!prefix || /[.!?"“”:;]/.test(bare) || words(prefix).length > 8) return { text: p, domain: null };
  const paren = /\([^)]{2,40}\)/.test(prefix);
  const capsWord = /^\p{Lu}{3,}(?=[\s,(]|$)/u.test(prefix);
  if (!domain && !paren && !capsWord) return { text: p, domain: null };
  const rest = p.slice(sep.index + sep[0].length);
  if (rest.length < 20) return { text: p, domain: null };
  return { text: rest, domain: domain ? domain.toLowerCase().replace(/^www\./, '') : null };
}

interface Segment {
  units: Unit[];
  pChars: number;
  pCount: number;
}

/** Furniture that ends a block of body text. */
function breaks(u: Unit): boolean {
  return u.kind === 'source' || u.kind === 'boilerplate' || u.kind === 'related' || u.kind === 'cited' || u.kind === 'link' || u.kind === 'banner';
}

function segment(units: Unit[]): Segment[] {
  const segs: Segment[] = [];
  let cur: Unit[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    let pChars = 0;
    let pCount = 0;
    for (const u of cur) {
      if (u.kind === 'P') {
        pChars += u.text.length;
        pCount++;
      }
    }
    segs.push({ units: cur, pChars, pCount });
    cur = [];
  };
  let i = 0;
  while (i < units.length) {
    const u = units[i]!;
    if (breaks(u)) {
      flush();
      i++;
      continue;
    }
    if (u.kind === 'S' || u.kind === 'bullet') {
      let j = i;
      while (j < units.length && (units[j]!.kind === 'S' || units[j]!.kind === 'bullet')) j++;
      const prevP = [...cur].reverse().find((x) => x.kind === 'P' || x.kind === 'S');
      const isList = prevP?.kind === 'P' && /:\s*$/.test(prevP.text);
      if (j - i >= 3 && !isList) {
        // A run of short lines is a navigation / teaser list: it separates blocks.
        flush();
        i = j;
        continue;
      }
      for (let k = i; k < j; k++) cur.push(units[k]!);
      i = j;
      continue;
    }
    cur.push(u);
    i++;
  }
  flush();
  return segs;
}

/** Body of kept segments: paragraphs, sub-headings followed by a paragraph, list items after a colon. */
function bodyOf(seg: Segment, bodyStarted: boolean): string[] {
  const out: string[] = [];
  const us = seg.units;
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    if (u.kind === 'P') {
      out.push(u.body ?? u.text);
      continue;
    }
    if (u.kind !== 'S' && u.kind !== 'bullet') continue;
    const before = us.slice(0, i).reverse().find((x) => x.kind === 'P' || x.kind === 'S' || x.kind === 'bullet');
    const inList = before !== undefined && (/:\s*$/.test(before.text) || (before.kind === 'bullet' && out.length > 0));
    const after = us.slice(i + 1).find((x) => x.kind === 'P');
    const hasBodyBefore = bodyStarted || us.slice(0, i).some((x) => x.kind === 'P');
    if (inList && hasBodyBefore) {
      out.push(u.body ?? u.text);
      continue;
    }
    // A heading sits between paragraphs; short lines before the first or after the last one are furniture.
    if (hasBodyBefore && after !== undefined) out.push(u.body ?? u.text);
  }
  return out;
}

const sameText = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/\s+/g, ' ').trim();

export function extractTextDump(text: string, hints?: RawInput['hints']): Extracted {
  const order = dateOrderFor(hints?.language);
  const units = toLines(text).map((l) => classify(l, order));

  let url: string | null = null;
  let sourceName: string | null = null;
  let weakOutlet: string | null = null;
  let published: string | null = null;
  let updated: string | null = null;
  const authors: string[] = [];
  const citedSources: string[] = [];
  const captions: Caption[] = [];

  // Metadata lines and captions; cited-source lists consume the bullets under their heading.
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    switch (u.kind) {
      case 'source': {
        const rest = LEXICON.source.exec(u.text)![1]!.trim();
        const link = URL_RE.exec(rest)?.[0];
        if (link) url ??= link.replace(/[.,;]+$/, '');
        else if (words(rest).length <= 6 && !sentenceLike(rest)) sourceName = rest.replace(/[.]$/, '');
        break;
      }
      case 'byline': {
        const m = LEXICON.editor.exec(u.text) ?? LEXICON.byline.exec(u.text);
        for (const n of parseNames(m![1]!) ?? []) if (!authors.includes(n)) authors.push(n);
        // "Oleh X | Sabtu, 11 Oktober 2025" carries the date too.
        const d = findDates(u.text, ALL_LANGS, order)[0];
        if (d) published ??= d.date;
        break;
      }
      case 'date': {
        const d = dateLine(u.text, order)!;
        if (d.updated) updated ??= d.date;
        else published ??= d.date;
        break;
      }
      case 'banner': {
        const host = (BARE_DOMAIN.test(u.text) ? u.text : DOMAIN_PREFIX.exec(u.text)![1]!).toLowerCase();
        weakOutlet ??= host.replace(/^www\./, '').replace(/\/$/, '');
        break;
      }
      case 'image': {
        // The line after an image file name is its caption, credited or not.
        const next = units[i + 1];
        if (next && (next.kind === 'P' || next.kind === 'S') && next.text.length < 600) next.kind = 'caption';
        break;
      }
      case 'caption': {
        const parts = splitCaption(u.text);
        if (parts && parts.text === '' && captions.length > 0 && captions[captions.length - 1]!.credit === null) {
          captions[captions.length - 1]!.credit = parts.credit; // a credit line under its caption
        } else if (parts) {
          captions.push({ text: parts.text, credit: parts.credit });
        } else {
          captions.push({ text: u.text, credit: null });
        }
        break;
      }
      case 'cited': {
        let j = i + 1;
        const found: string[] = [];
        while (j < units.length) {
          const n = units[j]!;
          const item = n.kind === 'bullet' ? n.body! : n.kind === 'S' && words(n.text).length <= 8 ? n.text : null;
          if (item === null) break;
          found.push(item.replace(/[.;,]$/, ''));
          n.kind = 'boilerplate';
          j++;
        }
        if (found.length > 0) citedSources.push(...found.filter((s) => !citedSources.includes(s)));
        break;
      }
      case 'related': {
        // Short lines under "Baca juga" / "Related" are teaser titles, not sub-headings.
        for (let j = i + 1; j < units.length && (units[j]!.kind === 'S' || units[j]!.kind === 'bullet'); j++) units[j]!.kind = 'boilerplate';
        break;
      }
      default:
        break;
    }
  }

  // Title: the hinted headline if the dump repeats it, else the last headline-shaped line before the body.
  let title: string | null = null;
  const firstP = units.findIndex((u) => u.kind === 'P');
  const hintIdx = hints?.title ? units.findIndex((u) => sameText(u.text, hints.title!)) : -1;
  if (hintIdx >= 0) {
    title = units[hintIdx]!.text;
    units[hintIdx]!.kind = 'boilerplate';
  } else {
    // The headline is the last headline-shaped line before the body: above it a page dump has the
    // site banner ("Outlet - tagline") and navigation, below it only date and byline lines.
    const end = firstP < 0 ? Math.min(units.length, 3) : firstP;
    for (let i = end - 1; i >= 0; i--) {
      const u = units[i]!;
      if (u.kind === 'S' && words(u.text).length >= 3 && u.text.length <= 250 && !/[›»>|/]/.test(u.text)) {
        title = u.text;
        u.kind = 'boilerplate';
        break;
      }
    }
  }
  if (!title && hints?.title) title = hints.title;

  // Dateline prefix on the first paragraph.
  const lead = units.find((u) => u.kind === 'P');
  if (lead) {
    const s = stripDateline(lead.text);
    if (s.text !== lead.text) lead.body = s.text;
    if (s.domain) weakOutlet ??= s.domain;
  }

  const segs = segment(units);
  const best = Math.max(0, ...segs.map((s) => s.pChars));
  const paragraphs: string[] = [];
  for (const s of segs) {
    const main = s.pChars === best && best > 0;
    // Away from the main block only real paragraph mass survives.
    const keep = main || s.pChars >= 150 || (s.pCount >= 2 && s.pChars >= 100);
    if (keep) paragraphs.push(...bodyOf(s, paragraphs.length > 0));
  }

  const outlet = (url ? hostOf(url) : null) ?? sourceName ?? hints?.outlet ?? (hints?.url ? hostOf(hints.url) : null) ?? weakOutlet;
  const finalUrl = url ?? hints?.url ?? null;
  published ??= hints?.published ?? (finalUrl ? dateFromUrl(finalUrl) : null) ?? updated;

  return {
    url: finalUrl,
    outlet,
    title,
    published,
    authors,
    citedSources,
    captions,
    text: paragraphs.join('\n\n'),
    declaredLanguage: null,
  };
}
