// HTML pages → Extracted, in phases so each can be replaced on its own:
//   1. metadata scan (htmlparser2, one streaming pass): title, canonical URL, outlet, dates, authors,
//      declared language, JSON-LD;
//   2. clean markup + captions (linkedom): figcaptions read and taken out of the body;
//   3. main text: @mozilla/readability on the linkedom document, paragraphs rebuilt from its HTML;
//   4. fallback when Readability finds too little: every <p> of the page.
// Publication date prefers the original publication (JSON-LD datePublished, article:published_time),
// never a "modified" date and never today's date.

import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Caption, Extracted, RawInput } from '../types.ts';
import { ALL_LANGS, LEXICON, dateOrderFor } from './lexicon.ts';
import { dateFromUrl, findDates, parseMachineDate } from './dates.ts';
import { hostOf, splitCaption } from './textdump.ts';

/** Everything phase 1 reads from the markup. */
export interface PageMeta {
  lang: string | null;
  titleTag: string | null;
  h1: string[];
  /** meta name/property/itemprop (lower case) → contents in page order. */
  meta: Map<string, string[]>;
  canonical: string | null;
  relAuthor: string[];
  jsonLd: unknown[];
  /** <time> elements: datetime attribute (or text) and whether they are marked as publication. */
  times: Array<{ value: string; pub: boolean; mod: boolean }>;
  /** Short texts of elements whose class/id says byline / author. */
  bylineTexts: string[];
  /** Short texts of elements whose class/id says date / published. */
  dateTexts: string[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const AUTHOR_CLASS = /(?:^|[\s_-])(?:author|byline|by-line|autor|writer|reporter|penulis|tac-?gia|creator)(?:$|[\s_-])|(?:^|[\s_-])(?:author|byline)/i;
const DATE_CLASS = /(?:date|time|publish|posted|dateline|timestamp|datum|tanggal|ngay|meta)/i;
const ASIDE_CLASS = /(?:^|\s)(?:comments|comment-list|commentlist|comments-area|respond|disqus_thread|komentar)(?:\s|$)/i;
const MOD_HINT = /modif|updat|edit|revis|diperbarui|cap-?nhat/i;

/** Phase 1: one htmlparser2 pass over the page. */
export function scanMetadata(html: string): PageMeta {
  const m: PageMeta = { lang: null, titleTag: null, h1: [], meta: new Map(), canonical: null, relAuthor: [], jsonLd: [], times: [], bylineTexts: [], dateTexts: [] };
  // Open elements that collect text: what they are for and the text so far.
  const stack: Array<{ tag: string; grab: 'title' | 'h1' | 'ldjson' | 'byline' | 'date' | 'rel-author' | 'time' | null; text: string; attrs?: Record<string, string>; aside?: boolean }> = [];
  let aside = 0; // inside comments / sidebars / teasers: their authors and dates are not the article's
  let skip = 0; // inside script/style that is not JSON-LD
  const addMeta = (k: string, v: string): void => {
    const key = k.toLowerCase().trim();
    if (!key || !v.trim()) return;
    const list = m.meta.get(key);
    if (list) list.push(v.trim());
    else m.meta.set(key, [v.trim()]);
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'html' && attrs.lang) m.lang ??= attrs.lang;
        if (name === 'meta') {
          const content = attrs.content ?? '';
          for (const k of [attrs.name, attrs.property, attrs.itemprop, attrs['http-equiv']]) if (k) addMeta(k, content);
          if (attrs.itemprop && attrs.datetime) addMeta(attrs.itemprop, attrs.datetime);
        }
        if (name === 'link') {
          const rel = (attrs.rel ?? '').toLowerCase();
          if (rel.split(/\s+/).includes('canonical') && attrs.href) m.canonical ??= attrs.href;
        }
        if (VOID.has(name)) return;
        const cls = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
        let grab: (typeof stack)[number]['grab'] = null;
        if ((name === 'script' || name === 'style' || name === 'noscript' || name === 'template') && !(name === 'script' && /ld\+json/i.test(attrs.type ?? ''))) skip++;
        else if (name === 'script') grab = 'ldjson';
        else if (name === 'title' && m.titleTag === null) grab = 'title';
        else if (name === 'h1') grab = 'h1';
        else if (name === 'time') grab = 'time';
        else if (name === 'a' && /\bauthor\b/i.test(attrs.rel ?? '')) grab = 'rel-author';
        else if (aside === 0 && (attrs.itemprop === 'author' || AUTHOR_CLASS.test(cls))) grab = 'byline';
        else if (aside === 0 && (attrs.itemprop === 'datePublished' || DATE_CLASS.test(cls))) grab = 'date';
        // <footer> stays readable: HTML5 articles put their byline and date in one.
        // <body class="comments-open"> and the like describe the page, not a comment block.
        const isAside = name === 'aside' || (!/^(?:html|body|main|article)$/.test(name) && ASIDE_CLASS.test(cls));
        if (isAside) aside++;
        stack.push({ tag: name, grab, text: '', attrs: grab === 'time' || grab === 'date' ? { ...attrs } : undefined, aside: isAside });
      },
      ontext(t) {
        if (skip > 0) return;
        for (let i = stack.length - 1; i >= 0; i--) {
          const s = stack[i]!;
          if (s.grab && s.text.length < 4000) s.text += t;
        }
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        if ((name === 'script' || name === 'style' || name === 'noscript' || name === 'template') && skip > 0 && !(stack[stack.length - 1]?.grab === 'ldjson' && name === 'script')) {
          skip--;
          if (stack.pop()?.aside) aside--;
          return;
        }
        const s = stack.pop();
        if (s?.aside) aside--;
        if (!s || !s.grab) return;
        const text = s.text.replace(/\s+/g, ' ').trim();
        switch (s.grab) {
          case 'title':
            m.titleTag = text || null;
            break;
          case 'h1':
            if (text) m.h1.push(text);
            break;
          case 'ldjson':
            try {
              m.jsonLd.push(JSON.parse(s.text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim()));
            } catch {
              // broken JSON-LD is common; ignore it
            }
            break;
          case 'time': {
            const a = s.attrs ?? {};
            const value = a.datetime || text;
            const hint = `${a.class ?? ''} ${a.id ?? ''} ${a.itemprop ?? ''}`;
            if (value) m.times.push({ value, pub: 'pubdate' in a || /publish|datePublished|created/i.test(hint), mod: MOD_HINT.test(hint) });
            break;
          }
          case 'rel-author':
            if (text) m.relAuthor.push(text);
            break;
          case 'byline':
            if (text && text.length <= 200) m.bylineTexts.push(text);
            break;
          case 'date':
            if (text && text.length <= 200 && !MOD_HINT.test(`${s.attrs?.class ?? ''} ${s.attrs?.id ?? ''}`)) m.dateTexts.push(text);
            break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return m;
}

// ---- JSON-LD ---------------------------------------------------------------------------------

interface LdArticle {
  headline: string | null;
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
  url: string | null;
}

function ldNodes(x: unknown, out: Array<Record<string, unknown>> = [], depth = 0): Array<Record<string, unknown>> {
  if (depth > 6 || x === null || typeof x !== 'object') return out;
  if (Array.isArray(x)) {
    for (const y of x) ldNodes(y, out, depth + 1);
    return out;
  }
  const o = x as Record<string, unknown>;
  out.push(o);
  if (o['@graph']) ldNodes(o['@graph'], out, depth + 1);
  if (o.mainEntity) ldNodes(o.mainEntity, out, depth + 1);
  return out;
}

function ldNames(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(ldNames);
  if (x && typeof x === 'object') {
    const n = (x as Record<string, unknown>).name;
    return typeof n === 'string' ? [n] : [];
  }
  return [];
}

const ARTICLE_TYPE = /article|posting|report|news|blog|review|creativework|liveblog/i;

function readJsonLd(docs: unknown[]): LdArticle {
  const nodes = docs.flatMap((d) => ldNodes(d));
  const typeOf = (n: Record<string, unknown>): string => [n['@type']].flat().join(' ');
  // Article-like nodes first, then pages, then anything that has the field.
  const ranked = [...nodes.filter((n) => ARTICLE_TYPE.test(typeOf(n))), ...nodes.filter((n) => /webpage/i.test(typeOf(n))), ...nodes];
  const first = (f: (n: Record<string, unknown>) => unknown): unknown => {
    for (const n of ranked) {
      const v = f(n);
      if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) return v;
    }
    return null;
  };
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    headline: str(first((n) => (ARTICLE_TYPE.test(typeOf(n)) ? n.headline ?? n.name : n.headline))),
    datePublished: str(first((n) => n.datePublished ?? n.dateCreated)),
    authors: (first((n) => (ARTICLE_TYPE.test(typeOf(n)) ? ldNames(n.author ?? n.creator) : [])) as string[] | null) ?? [],
    publisher: str(first((n) => ldNames(n.publisher)[0])),
    url: str(first((n) => (ARTICLE_TYPE.test(typeOf(n)) ? n.url : undefined))),
  };
}

// ---- metadata decisions ----------------------------------------------------------------------

function meta1(m: PageMeta, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = m.meta.get(k)?.[0];
    if (v) return v;
  }
  return null;
}

const TITLE_SEP = /\s+[|–—·•»:~]\s+|\s+-\s+|\s*\|\s*|\s+::\s+/;

/** Take a site name off a title: "Headline | Site", "Site - Headline". */
export function cleanTitle(title: string, siteName: string | null): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const parts = t.split(TITLE_SEP).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return t;
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const site = siteName ? norm(siteName) : null;
  if (site) {
    const kept = parts.filter((p) => {
      const n = norm(p);
      return !(n === site || (n.length > 2 && (site.includes(n) || n.includes(site)) && p.length < 40));
    });
    if (kept.length > 0 && kept.length < parts.length) return t.slice(t.indexOf(kept[0]!), t.lastIndexOf(kept[kept.length - 1]!) + kept[kept.length - 1]!.length).trim();
  }
  // Without a known site name: the edge part that looks like a domain or is much shorter goes.
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (last.length * 2 < first.length || /\.[a-z]{2,}$/i.test(last)) return t.slice(0, t.lastIndexOf(last)).replace(/[\s|–—·•»:~-]+$/, '').trim();
  if (first.length * 2 < last.length || /\.[a-z]{2,}$/i.test(first)) return t.slice(t.indexOf(parts[1]!)).trim();
  return t;
}

function pickTitle(m: PageMeta, ld: LdArticle, siteName: string | null): string | null {
  const og = meta1(m, 'og:title', 'twitter:title', 'dc.title', 'title');
  const candidates = [ld.headline, og, m.titleTag].filter((x): x is string => !!x).map((x) => cleanTitle(x, siteName));
  const h1 = m.h1.find((h) => h.length >= 3 && h.length <= 300) ?? null;
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  // An h1 that the metadata title agrees with is the headline as printed.
  if (h1 && candidates.some((c) => norm(c).includes(norm(h1)) || norm(h1).includes(norm(c)))) return h1;
  return candidates[0] ?? h1;
}

const BYLINE_LEAD = /^(?:by|von|oleh|theo|par|por|di|door|av|af|tác giả|penulis|autor(?:in)?|author|written by|text)\s*[:：]?\s+/iu;

/** "By Jane Doe and John Roe, Reuters" → ["Jane Doe", "John Roe", "Reuters"]; [] for prose. */
export function splitAuthors(raw: string): string[] {
  let s = raw.replace(/\s+/g, ' ').trim();
  const lex = LEXICON.byline.exec(s) ?? LEXICON.editor.exec(s);
  if (lex) s = lex[1]!;
  s = s.replace(BYLINE_LEAD, '').replace(/\s*[|•·]\s*.*$/, '').trim();
  if (!s || s.length > 150 || /^https?:/i.test(s)) return [];
  return s
    .split(/\s*(?:,|;|&|\/|\s(?:and|und|dan|và|et|y|e)\s)\s*/iu)
    .map((p) => p.replace(/^@/, '').trim())
    .filter((p) => p.length >= 2 && p.length <= 60 && !/\d{3,}|[():@|?!]/.test(p) && /\p{L}/u.test(p) && p.split(' ').length <= 6);
}

function pickAuthors(m: PageMeta, ld: LdArticle): string[] {
  const sources: string[][] = [
    ld.authors.flatMap(splitAuthors),
    (m.meta.get('author') ?? []).flatMap(splitAuthors),
    (m.meta.get('article:author') ?? []).filter((a) => !/^https?:/i.test(a)).flatMap(splitAuthors),
    (m.meta.get('dc.creator') ?? m.meta.get('parsely-author') ?? m.meta.get('sailthru.author') ?? m.meta.get('byl') ?? []).flatMap(splitAuthors),
    m.relAuthor.flatMap(splitAuthors),
    m.bylineTexts.slice(0, 3).flatMap(splitAuthors),
  ];
  for (const s of sources) {
    const uniq = [...new Set(s)];
    if (uniq.length > 0) return uniq.slice(0, 8);
  }
  return [];
}

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'published_time',
  'article.published', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'parsely-pub-date', 'sailthru.date',
  'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'datecreated', 'citation_publication_date',
  'citation_date', 'originalpublicationdate', 'article_date_original', 'date', 'dc.date', 'dcterms.date', 'created',
  'og:updated_time-never', 'cxenseparse:recs:publishtime', 'weibo:article:create_at', 'release_date', 'pub_date', 'displaydate',
];

function pickPublished(m: PageMeta, ld: LdArticle, url: string | null, order: 'dmy' | 'mdy'): string | null {
  // A full date in the URL is the outlet's own local publication day; metadata times are often UTC.
  const fromUrl = url ? dateFromUrl(url) : null;
  if (fromUrl) return fromUrl;
  const fromLd = ld.datePublished ? parseMachineDate(ld.datePublished) : null;
  if (fromLd) return fromLd;
  for (const k of PUBLISHED_META) {
    const v = m.meta.get(k)?.[0];
    const d = v ? parseMachineDate(v) : null;
    if (d) return d;
  }
  for (const t of m.times) if (t.pub && !t.mod) {
    const d = parseMachineDate(t.value);
    if (d) return d;
  }
  for (const t of m.times) if (!t.mod) {
    const d = parseMachineDate(t.value) ?? findDates(t.value, ALL_LANGS, order)[0]?.date ?? null;
    if (d) return d;
  }
  for (const t of m.dateTexts) {
    if (LEXICON.updated.test(t)) continue;
    const d = findDates(t, ALL_LANGS, order)[0]?.date;
    if (d) return d;
  }
  return null;
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return null;
  }
}

function primaryLang(tag: string | null): string | null {
  if (!tag) return null;
  const p = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(p) ? p : null;
}

// ---- main text -------------------------------------------------------------------------------

const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'br', 'hr', 'form', 'address', 'nav']);
const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'textarea']);

/** Block-level text of an HTML fragment: one paragraph per block, whitespace collapsed. */
export function htmlToParagraphs(html: string): string[] {
  const out: string[] = [];
  let buf = '';
  let skip = 0;
  const flush = (): void => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    buf = '';
  };
  const p = new Parser(
    {
      onopentag(name) {
        if (SKIP_TEXT.has(name)) skip++;
        else if (BLOCK.has(name)) flush();
      },
      ontext(t) {
        if (skip === 0) buf += t;
      },
      onclosetag(name) {
        if (SKIP_TEXT.has(name)) skip = Math.max(0, skip - 1);
        else if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  p.write(html);
  p.end();
  flush();
  return out;
}

interface Doc {
  document: Document;
}

/** Phase 2: figcaptions → captions (with credit), removed from the document. */
function takeCaptions(doc: Doc): Caption[] {
  const caps: Caption[] = [];
  for (const fc of [...doc.document.querySelectorAll('figcaption, .caption, .wp-caption-text, [itemprop="caption"]')]) {
    const credEl = fc.querySelector('.credit, .copyright, .photo-credit, [itemprop="copyrightHolder"], [class*="credit"], [class*="copyright"], small, cite');
    const credText = credEl?.textContent?.replace(/\s+/g, ' ').trim() || null;
    if (credEl) credEl.remove();
    const text = (fc.textContent ?? '').replace(/\s+/g, ' ').trim();
    fc.remove();
    if (!text && !credText) continue;
    const split = credText ? null : splitCaption(text);
    const credit = credText ? credText.replace(new RegExp(`^(?:${LEXICON.creditAlt}|©)\\s*[:：/]?\\s*`, 'iu'), '').replace(/^©\s*/, '') : split?.credit ?? null;
    caps.push({ text: split ? split.text : text, credit: credit || null });
  }
  return caps;
}

/** Phase 2: page furniture inside the article that Readability keeps: bylines, date lines, share bars. */
function cleanMarkup(doc: Doc): void {
  for (const el of [...doc.document.querySelectorAll('[class], [id], [rel~="author"], [itemprop]')]) {
    if (!el.isConnected) continue;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 160) continue;
    const isByline = el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author' || AUTHOR_CLASS.test(cls);
    const isDate = DATE_CLASS.test(cls) && !/meta/i.test(cls) && findDates(text, ALL_LANGS).length > 0;
    const isShare = /(?:^|[\s_-])(?:share|sharing|social|sosmed|tags?)(?:$|[\s_-])/i.test(cls);
    if (isByline || isDate || isShare) el.remove();
  }
}

/** Phase 3: Readability's article, as paragraphs. Null when it finds nothing. */
export function readabilityParagraphs(document: Document): string[] | null {
  try {
    const art = new Readability(document, { charThreshold: 300 }).parse();
    if (!art?.content) return null;
    return htmlToParagraphs(art.content);
  } catch {
    return null;
  }
}

/** Phase 4: every <p> with some text, in page order. */
function paragraphFallback(document: Document): string[] {
  const out: string[] = [];
  for (const p of [...document.querySelectorAll('p')]) {
    const t = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t.length >= 25 && !out.includes(t)) out.push(t);
  }
  return out;
}

const MIN_MAIN_CHARS = 250;

/** Parse with linkedom; a bare fragment gets a document around it. */
export function parseDocument(html: string): Document {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}

export function extractHtml(html: string, hints?: RawInput['hints']): Extracted {
  // Phase 1: metadata.
  const m = scanMetadata(html);
  const ld = readJsonLd(m.jsonLd);
  const url = resolveUrl(m.canonical, hints?.url ?? null) ?? resolveUrl(meta1(m, 'og:url'), hints?.url ?? null) ?? resolveUrl(ld.url, hints?.url ?? null) ?? hints?.url ?? null;
  const siteName = meta1(m, 'og:site_name', 'application-name', 'twitter:site') ?? ld.publisher;
  const outlet = siteName?.replace(/^@/, '') ?? (url ? hostOf(url) : null) ?? hints?.outlet ?? null;
  const declaredLanguage = primaryLang(m.lang) ?? primaryLang(meta1(m, 'content-language', 'og:locale', 'language', 'dc.language'));
  const order = dateOrderFor(declaredLanguage ?? hints?.language);
  const title = pickTitle(m, ld, siteName) ?? hints?.title ?? null;
  const published = pickPublished(m, ld, url, order) ?? hints?.published ?? null;
  const authors = pickAuthors(m, ld);

  // Phases 2-4: captions out, main text, fallback.
  const document = parseDocument(html);
  const captions = takeCaptions({ document });
  cleanMarkup({ document });
  let paragraphs = readabilityParagraphs(document) ?? [];
  if (paragraphs.join('').length < MIN_MAIN_CHARS) {
    const fb = paragraphFallback(parseDocument(html));
    if (fb.join('').length > paragraphs.join('').length) paragraphs = fb;
  }
  // The headline is metadata, not body.
  if (title && paragraphs[0] && paragraphs[0].toLowerCase() === title.toLowerCase()) paragraphs = paragraphs.slice(1);
  const capTexts = new Set(captions.map((c) => c.text));
  paragraphs = paragraphs.filter((p) => !capTexts.has(p));

  return {
    url,
    outlet,
    title,
    published,
    authors,
    citedSources: [],
    captions,
    text: paragraphs.join('\n\n'),
    declaredLanguage,
  };
}
