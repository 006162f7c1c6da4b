// Main-text extraction on the light tree (src/extract/tree.ts):
//   1. cleaning: hidden elements, navigation/aside/forms, and boilerplate containers named by
//      class/id/role (comments, share bars, related and "read also" blocks, ads, newsletters…) are
//      dropped, unless they hold the article body;
//   2. captions (figcaption and caption classes) are read with their credits and taken out;
//   3. scoring: every paragraph-like element (any element with enough text of its own) adds a score
//      (length, commas capped, link density) to its ancestors, weighted by class/id hints; the best
//      container wins; an ancestor holding several strong candidates or named as the article body
//      replaces it; siblings that score close to it or read as link-free prose join; the container
//      climbs to a wrapper that only adds a lead/intro; strong link-free prose blocks elsewhere on
//      the page (module-built pages) join in document order;
//   4. output: blocks in document order (paragraphs, headings, list items, quotes, table rows),
//      with link-dense blocks, boilerplate lines (all web languages' lexicons), "read also" runs,
//      bylines/date lines at the edges, breadcrumbs, captions left in the flow and trailing calls
//      to action removed;
//   5. fallback when the container yields too little: all paragraph text of the page.

import type { Caption } from '../types.ts';
import { WEB_LANGS, WEB_LEXICON as LEXICON } from './lexicon.ts';
import { findDates } from './dates.ts';
import { splitCaption } from './textdump.ts';
import { classId, collapse, elements, measure, textOf, type El } from './tree.ts';

/** Block-level tags: they break text into separate paragraphs. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'figure', 'figcaption', 'br', 'hr', 'form', 'address', 'center', 'body', 'html', 'fieldset', 'details',
  'summary', 'hgroup', 'menu', 'dialog', 'object', 'iframe', 'video', 'audio', 'picture', 'img', 'legend',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Never content. */
const DROP_TAGS = new Set(['nav', 'menu', 'dialog', 'button', 'input', 'select', 'textarea', 'label', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'map', 'head', 'title', 'meta', 'link']);

const DROP_ROLES = /^(?:navigation|banner|complementary|contentinfo|search|dialog|menu|menubar|alertdialog|tablist|toolbar)$/;

// Class/id words. Matched as whole hyphen/underscore-separated parts of a class or id.
const STRONG_NEG = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'comments?', 'commentlist', 'comment[-_]?(?:list|area|form|section|block|wrapper|respond|box|count)', 'disqus(?:_thread)?', 'respond', 'replies',
      'share', 'shares', 'sharing', 'sharebar', 'share[-_]?(?:buttons?|tools|links|bar|box)', 'social(?:[-_]?(?:media|links|icons|buttons|share))?', 'shariff', 'addthis', 'sociable', 'sharethis',
      'related', 'related[-_]?(?:posts?|articles?|news|stories|content|links)', 'relatedposts', 'yarpp', 'jp-relatedposts', 'recommended', 'recommendations?', 'more[-_]?(?:stories|articles|news|posts)', 'read[-_]?(?:also|next)', 'also[-_]?read', 'baca[-_]?juga', 'lihat[-_]?juga', 'xem[-_]?them', 'tin[-_]?lien[-_]?quan',
      'newsletter', 'subscribe', 'subscription', 'signup', 'cookies?', 'consent', 'gdpr', 'popup', 'modal', 'overlay', 'lightbox',
      'breadcrumbs?', 'pagination', 'pager', 'paging', 'advert(?:isement)?s?', 'ads?', 'adsense', 'adslot', 'ad[-_]?(?:slot|unit|container|wrapper|box|banner)', 'dfp', 'gpt-ad', 'sponsor(?:ed)?', 'outbrain', 'taboola',
      'tags', 'tag[-_]?(?:list|cloud|links)', 'tagcloud', 'post[-_]?tags', 'article[-_]?tags', 'keywords', 'categories',
      'author[-_]?(?:bio|box|info|card|profile)', 'authorbox', 'about[-_]?(?:the[-_]?)?author', 'skip[-_]?(?:link|to-content|nav)', 'screen[-_]?reader[-_]?text', 'sr-only', 'visually[-_]?hidden',
      'post[-_]?navigation', 'nav[-_]?links', 'prev[-_]?next', 'next[-_]?prev', 'postmeta', 'entry[-_]?meta', 'post[-_]?meta', 'article[-_]?meta', 'meta[-_]?info', 'byline', 'noprint', 'alert', 'notification', 'next[-_]?(?:post|story|article|entry)s?', 'nextstory', 'prev[-_]?(?:post|story|article|entry)s?', 'post[-_]?nav', 'author[-_]?(?:section|details)', 'article[-_]?author', 'post[-_]?author', 'entry[-_]?author',
      'rating', 'ratings', 'vote', 'poll', 'login', 'signin', 'copyright', 'disclaimer', 'credits',
    ].join('|') +
    ')(?:$|[\\s_-])',
  'i',
);
const WEAK_NEG = /(?:^|[\s_-])(?:sidebar|side[-_]?bar|nav|navbar|navigation|menu|menus|footer|site[-_]?footer|page[-_]?footer|banner|masthead|site[-_]?header|topbar|toolbar|popular|trending|most[-_]?(?:read|viewed|popular)|promo|promos|aside|rail|right[-_]?col(?:umn)?|left[-_]?col(?:umn)?|bottom|links|linkbox|blogroll|archive|archives|calendar|search|widget[-_]?area|extra|secondary|supplementary)(?:$|[\s_-])/i;
/** Boxes that sit inside articles without being the article (author boxes, feedback, contact): dropped when small. */
const SMALL_NEG = /(?:^|[\s_-])(?:author|authors|autor|autoren|about|bio|biography|profile|vcard|contact|kontakt|disclaimer|legal|impressum|feedback|survey|helpful|usefulness|rate|rating|newsletter[-_]?teaser|cta|call[-_]?to[-_]?action|subscribe[-_]?box|donate|donation|spende|shop|product[-_]?teaser|embed[-_]?teaser|promo[-_]?box|box[-_]?promo|meta|metadata|date|time|timestamp|caption)(?:$|[\s_-])/i;
/** Names of the article body itself. */
const STRONG_POS = /(?:^|[\s_-])(?:article[-_]?body|articlebody|article__body|article[-_]?content|article__content|article[-_]?text|articletext|article[-_]?main|entry[-_]?content|entry[-_]?body|entry[-_]?text|post[-_]?content|post[-_]?body|postbody|post[-_]?text|post[-_]?entry|postentry|story[-_]?body|storybody|story[-_]?content|story[-_]?text|news[-_]?content|news[-_]?body|news[-_]?text|content[-_]?body|body[-_]?text|bodytext|text[-_]?content|detail[-_]?content|content[-_]?detail|the[-_]?content|single[-_]?content|main[-_]?text|maintext|artikel|article[-_]?detail|td-post-content|field[-_]?name[-_]?body|rich[-_]?text|richtext|page[-_]?content|blog[-_]?content|blog[-_]?post|blogpost|post[-_]?inner|entry[-_]?inner|inner[-_]?content|itemfulltext|item[-_]?page|cuerpo|texto|contenido|corpo|testo|tekst|inhalt|haupttext|artikeltext|fliesstext|detail__body|detail[-_]?text|content__body|article__text)(?:$|[\s_-])/i;
const WEAK_POS = /(?:^|[\s_-])(?:article|content|main|post|entry|story|text|body|blog|news|hentry|h-entry|page|column|detail|single)(?:$|[\s_-])/i;

/** class/id without state modifiers ("has-sidebar", "o-section--has-ads", "js-…"), which say nothing about the element's role. */
function roleNames(e: El): string {
  const ci = classId(e);
  if (!ci) return ci;
  return ci
    .replace(/(?:^|[\s_-])(?:has|no|with|is|show|js|enable|disable|hide)[-_][\w-]*/g, ' ')
    // Utility classes (spacing, colours, grid) describe looks: "margin-bottom", "pb-2", "text-center".
    .replace(/(?:^|\s)(?:margin|padding|m[tblrxy]?|p[tblrxy]?|text|bg|border|align|float|offset|visible|hidden|d|flex|w|h|font|color|rounded|shadow)[-_][\w-]*/g, ' ');
}

const CLASS_DROP_TAGS = new Set(['div', 'section', 'aside', 'ul', 'ol', 'dl', 'table', 'header', 'footer', 'form', 'nav', 'li', 'article', 'figure', 'center', 'details']);

const POST_WRAPPER = /(?:^|\s)(?:hentry|h-entry|post-\d+|type-[a-z]+|status-publish|node--type-[\w-]+)(?:\s|$)/;

function isHidden(e: El): boolean {
  const a = e.attrs;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true' && e.tag !== 'span' && e.tag !== 'i') return true;
  const st = a.style;
  return !!st && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(st);
}

/** Ancestors of every element whose name marks the article body (they are never dropped). */
function markBodyPaths(all: El[]): Set<El> {
  const keep = new Set<El>();
  for (const e of all) {
    const ci = classId(e);
    if (e.attrs.itemprop === 'articleBody' || (ci && STRONG_POS.test(ci) && !STRONG_NEG.test(ci))) {
      for (let p: El | null = e; p && !keep.has(p); p = p.parent) keep.add(p);
    }
  }
  return keep;
}

const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|wp-caption-text|figcaption|image-?caption|photo-?caption|img-?caption|media-?caption|caption-?text)(?:$|[\s_-])/i;
const CREDIT_CLASS = /credit|copyright|photographer|source|byline/i;

function readCaption(e: El): Caption | null {
  let credit: string | null = null;
  const credEl = elements(e).find((x) => x !== e && (x.tag === 'small' || x.tag === 'cite' || x.attrs.itemprop === 'copyrightHolder' || CREDIT_CLASS.test(classId(x))));
  if (credEl) {
    credit = collapse(textOf(credEl)) || null;
    credEl.drop = true;
  }
  const wasDropped = e.drop;
  e.drop = false;
  const text = collapse(textOf(e, true));
  e.drop = wasDropped;
  if (credEl) credEl.drop = false;
  if (!text && !credit) return null;
  if (credit) {
    credit = credit.replace(new RegExp(`^(?:${LEXICON.creditAlt}|©)\\s*[:：/]?\\s*`, 'iu'), '').replace(/^©\s*/, '').trim() || null;
    return { text, credit };
  }
  const split = splitCaption(text);
  return split ? { text: split.text, credit: split.credit } : { text, credit: null };
}

export interface MainText {
  paragraphs: string[];
  captions: Caption[];
  /** How the text was found: the scored container, or the page-wide fallback. */
  method: 'container' | 'fallback' | 'none';
  /** Visible text of the whole page after cleaning (characters, whitespace runs counted once). */
  pageChars: number;
}

/** Cleaning pass: marks boilerplate subtrees `drop`; returns caption elements (also dropped). */
function clean(body: El, all: El[]): El[] {
  const protect = markBodyPaths(all);
  const total = body.textLen ?? 0;
  const captions: El[] = [];
  const visit = (e: El): void => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (DROP_TAGS.has(c.tag) || isHidden(c)) {
        c.drop = true;
        continue;
      }
      if (c.tag === 'figcaption' || ((c.tag === 'div' || c.tag === 'span' || c.tag === 'p') && CAPTION_CLASS.test(classId(c))) || c.attrs.itemprop === 'caption') {
        if ((c.textLen ?? 0) < 600) {
          captions.push(c);
          c.drop = true;
          continue;
        }
      }
      const role = c.attrs.role;
      const ci = roleNames(c);
      if (!protect.has(c)) {
        if (role && DROP_ROLES.test(role)) {
          c.drop = true;
          continue;
        }
        if (c.tag === 'aside' && (c.textLen ?? 0) < 0.5 * total) {
          c.drop = true;
          continue;
        }
        if (c.tag === 'footer' || c.tag === 'form') {
          // A form around the whole page (ASP.NET) is layout; small forms are search/comment boxes.
          if (c.tag === 'footer' || (c.textLen ?? 0) < 0.5 * total) {
            c.drop = true;
            continue;
          }
        }
        // Post wrappers carry taxonomy classes ("category-news", "tag-google"): only comments drop them.
        if (ci && CLASS_DROP_TAGS.has(c.tag) && !((c.tag === 'article' || POST_WRAPPER.test(ci)) && !/comment/.test(ci))) {
          // Most of the page's text under a name like "social-scroll" is the page, unless it is a comment thread.
          // A body name beside an ad marker ("cuerpo-ad") on a large block is the body.
          const bodyNamed = STRONG_POS.test(ci) && (c.textLen ?? 0) > 0.2 * total;
          if (!bodyNamed && STRONG_NEG.test(ci) && ((c.textLen ?? 0) < 0.5 * total || /comment|disqus|respond|repl/.test(ci))) {
            c.drop = true;
            continue;
          }
          if (SMALL_NEG.test(ci) && !STRONG_POS.test(ci) && (c.textLen ?? 0) < 0.15 * total && (c.textLen ?? 0) < 1500) {
            c.drop = true;
            continue;
          }
          if (WEAK_NEG.test(ci) && !((c.textLen ?? 0) > 0.4 * total || (WEAK_POS.test(ci) && (c.textLen ?? 0) > 0.25 * total))) {
            c.drop = true;
            continue;
          }
        }
      }
      visit(c);
    }
  };
  visit(body);
  return captions;
}

/** Commas counted per paragraph: a list of names is not ten paragraphs of prose. */
const COMMA_CAP = 10;
const COMMAS = /[,，、،]/g;

/** Own text of an element: text children and inline descendants (not inside nested blocks). */
function ownText(e: El): { len: number; link: number; commas: number } {
  let len = 0;
  let link = 0;
  let commas = 0;
  const walk = (n: El, inLink: boolean): void => {
    for (const c of n.children) {
      if (typeof c === 'string') {
        const t = c.trim();
        if (!t) continue;
        len += t.length;
        if (inLink) link += t.length;
        commas += t.match(COMMAS)?.length ?? 0;
      } else if (!c.drop && !BLOCK_TAGS.has(c.tag)) walk(c, inLink || c.tag === 'a');
    }
  };
  walk(e, e.tag === 'a');
  return { len, link, commas };
}

function classWeight(e: El): number {
  const ci = roleNames(e);
  let w = 0;
  if (e.attrs.itemprop === 'articleBody') w += 50;
  if (!ci) return w;
  if (STRONG_POS.test(ci)) w += 40;
  else if (WEAK_POS.test(ci)) w += 15;
  if (STRONG_NEG.test(ci)) w -= 40;
  else if (WEAK_NEG.test(ci)) w -= 20;
  return w;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'article':
      return 10;
    case 'div':
    case 'section':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
    case 'address':
      return -3;
    case 'th':
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return -5;
    default:
      return 0;
  }
}

/** Scoring pass: the element that holds most of the paragraph text. */
function pickContainer(body: El): { top: El; scores: Map<El, number> } | null {
  const scores = new Map<El, number>();
  const init = (e: El): number => {
    let s = scores.get(e);
    if (s === undefined) {
      s = tagWeight(e.tag) + classWeight(e);
      scores.set(e, s);
    }
    return s;
  };
  for (const e of liveElements(body)) {
    if (HEADINGS.has(e.tag) || e.tag === 'a') continue;
    if ((e.textLen ?? 0) < 25) continue;
    const own = ownText(e);
    if (own.len < 25) continue;
    const ld = own.link / own.len;
    if (ld > 0.5) continue;
    let s = (1 + Math.min(own.commas, COMMA_CAP) + Math.min(Math.floor(own.len / 100), 3)) * (1 - ld);
    if (e.tag === 'li') s *= 0.5;
    let p = e.tag === 'p' || e.tag === 'span' || e.tag === 'font' ? e.parent : e;
    // A text-bearing div scores for itself as well as its ancestors.
    let level = 0;
    for (; p && level < 5; p = p.parent, level++) {
      if (p === body.parent) break;
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(p, init(p) + s / div);
    }
  }
  let top: El | null = null;
  let best = -Infinity;
  for (const [e, s] of scores) {
    if (isUnderDropped(e)) continue;
    const ld = (e.linkLen ?? 0) / Math.max(1, e.textLen ?? 0);
    const f = s * (1 - ld);
    scores.set(e, f);
    if (f > best) {
      best = f;
      top = e;
    }
  }
  if (!top) return null;
  const ldOf = (e: El): number => (e.linkLen ?? 0) / Math.max(1, e.textLen ?? 0);
  // Several strong candidates under one ancestor (an article split in blocks, a list of posts):
  // the ancestor that holds three of them is the container.
  const strong = [...scores].filter(([e, sc]) => e !== top && sc >= best * 0.6).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([e]) => e);
  if (strong.length >= 2) {
    for (let p = top.parent, hops = 0; p && p !== body.parent && hops < 4; p = p.parent, hops++) {
      let n = 0;
      for (const c of strong) if (contains(p, c)) n++;
      if (n >= 2 && ldOf(p) < 0.3) {
        top = p;
        break;
      }
    }
  }
  // Several good paragraphs under one parent: when the parent scores nearly as well, take it.
  for (let p = top.parent, hops = 0; p && p !== body.parent && hops < 3; p = p.parent, hops++) {
    const ps = scores.get(p) ?? 0;
    if (ps >= best * 0.92 && ldOf(p) < 0.25) {
      top = p;
      best = Math.max(best, ps);
    } else break;
  }
  // The element named as the article body, just above the winner, is the whole body.
  for (let p = top.parent, hops = 0; p && p !== body && hops < 4; p = p.parent, hops++) {
    const ci = roleNames(p);
    if ((p.attrs.itemprop === 'articleBody' || (ci && STRONG_POS.test(ci))) && ldOf(p) < 0.3) {
      top = p;
      break;
    }
  }
  return { top, scores };
}

function contains(a: El, b: El): boolean {
  for (let p: El | null = b; p; p = p.parent) if (p === a) return true;
  return false;
}

/** Paragraph text under `e`: own text of live elements with little link text. */
function paragraphText(e: El): number {
  let n = 0;
  for (const x of liveElements(e)) {
    if (HEADINGS.has(x.tag)) continue;
    const own = ownText(x);
    if (own.len >= 40 && own.link / own.len < 0.2) n += own.len;
  }
  return n;
}

/** Elements under `n` outside dropped subtrees. */
function liveElements(n: El, out: El[] = []): El[] {
  if (n.drop) return out;
  out.push(n);
  for (const c of n.children) if (typeof c !== 'string') liveElements(c, out);
  return out;
}

function isUnderDropped(e: El): boolean {
  for (let p: El | null = e; p; p = p.parent) if (p.drop) return true;
  return false;
}

// ---- output blocks ---------------------------------------------------------------------------

interface Block {
  text: string;
  link: number;
  tag: string;
  inList: boolean;
  heading: boolean;
}

const LISTLD = 0.6;
const URLISH = /^(?:https?:\/\/|www\.)\S+$/i;

function emitBlocks(roots: El[]): Block[] {
  const out: Block[] = [];
  let buf = '';
  let link = 0;
  let blockTag = 'p';
  let inList = 0;
  const flush = (): void => {
    const t = collapse(buf);
    if (t) out.push({ text: t, link: Math.min(link, t.length), tag: blockTag, inList: inList > 0, heading: HEADINGS.has(blockTag) });
    buf = '';
    link = 0;
  };
  const inline = (e: El, inLink: boolean): void => {
    for (const c of e.children) {
      if (typeof c === 'string') {
        buf += c;
        if (inLink) link += collapse(c).length;
      } else if (!c.drop) {
        if (c.tag === 'br') {
          buf += '\n';
          // Two breaks in a row end a paragraph.
          if (/\n\s*\n\s*$/.test(buf)) flush();
        } else if (BLOCK_TAGS.has(c.tag)) walk(c);
        else {
          const isLink = inLink || c.tag === 'a';
          if (c.tag === 'a' && !inLink && URLISH.test(collapse(textOf(c)))) inline(c, false);
          else inline(c, isLink);
          if (c.tag === 'sup' || c.tag === 'sub') buf += '';
        }
      }
    }
  };
  const walk = (e: El): void => {
    if (e.drop) return;
    if (e.tag === 'ul' || e.tag === 'ol' || e.tag === 'dl' || e.tag === 'menu') {
      const tl = e.textLen ?? 0;
      if (tl > 0 && (e.linkLen ?? 0) / tl > LISTLD) return; // a list of links is navigation
    }
    if (e.tag === 'tr' && !elements(e).some((x) => x !== e && !x.drop && BLOCK_TAGS.has(x.tag) && x.tag !== 'td' && x.tag !== 'th' && x.tag !== 'br')) {
      // A data row: one block, cells separated by spaces.
      flush();
      const prev = blockTag;
      blockTag = 'tr';
      for (const c of e.children) {
        if (typeof c === 'string' || c.drop) continue;
        inline(c, false);
        buf += ' ';
      }
      flush();
      blockTag = prev;
      return;
    }
    flush();
    const prev = blockTag;
    blockTag = e.tag;
    const list = e.tag === 'ul' || e.tag === 'ol' || e.tag === 'dl';
    if (list) inList++;
    inline(e, e.tag === 'a');
    flush();
    if (list) inList--;
    blockTag = prev;
  };
  for (const r of roots) walk(r);
  flush();
  return out;
}

/** A block that is only a date and/or a time ("23.10.2018", "19:49", "12. März 2019, 10:00 Uhr"). */
const DATE_ONLY = /^[\p{L}]{0,12}[,.]?\s*(?:\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}|\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4})?(?:\s*[,|–-]?\s*(?:um\s+|at\s+|à\s+|pukul\s+|lúc\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|wib|wita|wit|gmt|utc|cet|cest|[+-]\d{2}:?\d{2})?)?$/iu;

/** Short paragraphs that are (almost) all link text: teasers and "read more" lines. */
const LINKP = 0.8;
let creditLine: RegExp | null = null;
/** "Abbildung 4: …", "(Credit: …)", "Crédits photos : …": a caption left in the flow. */
let captionLine: RegExp | null = null;
/** "… mit dem Künstler. © Presse- und Informationsamt", "… Ski-Star. © AFP / NAME", "… Bild: Name/Theater": a caption whose credit ends it. */
let creditEnd: RegExp | null = null;

const CTA = /newsletter|abonnier|subscribe|sign up|signup|inscri(?:vez|ption|be)|suscr[ií]b|iscriviti|registrier|melde dich an|follow us|folgen sie uns|folge uns|suivez-nous|síguenos|seguici/i;

/** "von Jane Doe am 14. Mai 2014, 15:40 Uhr", "Aktualisiert: 11.04.2020, 10:27": a short line around a date. */
function isDateline(t: string): boolean {
  if (t.length > 120 || /[.!?…]["“”»]?$/.test(t) && !/\d[.:]\d{2}\.?$|\d{4}\.?$|uhr\.?$/i.test(t)) return false;
  if (t.split(/\s+/).length > 14) return false;
  return findDates(t, WEB_LANGS).length > 0 || /(?<!\d)\d{1,2}:\d{2}(?!\d)/.test(t) && /\d{1,2}[./]\d{1,2}[./]|\d{4}/.test(t);
}

/** "Impressum | Datenschutz | Kontakt": a line of short items separated by bars or bullets. */
function isPipeMenu(t: string): boolean {
  const parts = t.split(/\s+[|•·]\s+/);
  if (parts.length >= 3 && parts.every((p) => p.length <= 40)) return true;
  // Breadcrumbs: "Home > Blog > Region > Headline".
  const crumbs = t.replace(/^[>»›]\s*/, '').split(/\s+[>»›]\s+/);
  return crumbs.length >= 3 && crumbs.slice(0, -1).every((p) => p.length <= 40);
}

/**
 * A short fragment after the prose (not a sentence: no closing punctuation): a label, a counter, a
 * lone name or link word left from the page furniture ("Originalpublikation", "(24 Rezepte)", "drukuj").
 */
function isTrailingStub(last: { text: string; item?: boolean }, out: ReadonlyArray<{ text: string }>): boolean {
  const t = last.text;
  // List items and table cells are data ("390 kcal", "Earcuff: Zoeca"), not furniture.
  if (last.item || t.length >= 50 || /[.!?。…"“”»)]$/.test(t)) return false;
  return out.slice(0, -1).some((o) => o.text.length > 200);
}

/** Drop link lists, boilerplate lines and "read also" runs; keep paragraph structure. */
function filterBlocks(blocks: Block[]): string[] {
  captionLine ??= new RegExp(`^\\(?(?:${LEXICON.creditAlt}|abbildung|abb|fig|figure|figura|grafik|credits? photos?|crédits? photos?)\\.?\\s*\\d*\\s*[:：]`, 'iu');
  creditLine ??= new RegExp(`^(?:${LEXICON.creditAlt})\\s*[:：/]\\s*\\S.{0,80}$`, 'iu');
  creditEnd ??= new RegExp(`(?:©|\\((?:c|©)\\)|(?<![\\p{L}])(?:${LEXICON.creditAlt})\\s*[:：])\\s*[^.!?:©]{2,60}$`, 'iu');
  const out: Array<{ text: string; heading: boolean; dateline?: boolean; item?: boolean }> = [];
  let inRelated = false;
  for (const b of blocks) {
    const t = b.text;
    const ld = b.link / Math.max(1, t.length);
    const shortHead = t.length < 80 && (b.heading || /[:：]$/.test(t) || ld > 0.3);
    if (shortHead && (LEXICON.relatedHeading.test(t.replace(/[\s:：.…»›>]+$/, '')) || /^(?:read|see|baca|lihat|simak|xem|lesen sie|lies|mehr zum thema|lire aussi|voir aussi|leer también|lea también|leia também|leggi anche|lees ook)\s*(?:also|more|juga|pula|thêm|auch|aussi|también|também|anche|ook)?\s*[:：]/i.test(t))) {
      inRelated = true;
      continue;
    }
    if (inRelated) {
      if (ld > 0.5 || (t.length < 90 && !/[.!?。]$/.test(t))) continue;
      inRelated = false;
    }
    if (t.length < 200 && LEXICON.boilerplate.some((re) => re.test(t))) continue;
    if (ld > 0.5 && b.inList) continue;
    if (ld > 0.8 && b.tag !== 'p' && t.length < 300) continue;
    if (LINKP && b.tag === 'p' && ld > LINKP && t.length < 150 && !/^(?:https?:|www.)/i.test(t)) continue;
    if (b.inList && ld > 0.35 && t.length < 60) continue;
    if (t.length <= 40 && DATE_ONLY.test(t) && /\d/.test(t)) continue;
    if (creditLine.test(t)) continue;
    if (t.length < 350 && !b.heading && creditEnd.test(t)) continue;
    if (t.length < 400 && captionLine.test(t)) continue;
    if (isPipeMenu(t)) continue;
    out.push({ text: t, heading: b.heading, dateline: !b.heading && isDateline(t), item: b.inList || b.tag === 'li' || b.tag === 'tr' || b.tag === 'td' || b.tag === 'dd' });
  }
  // Bylines and date lines sit at the top or the bottom of the text; inside it they are content ("Termin: 29.02.2020").
  const edge = (i: number, n: number): boolean => i < 3 || i >= n - 2;
  for (let i = out.length - 1; i >= 0; i--) if (out[i]!.dateline && edge(i, out.length)) out.splice(i, 1);
  // After the text: calls to action (newsletter, subscription, follow us) and lead-ins whose list
  // was removed ("More on this topic:").
  for (let k = 0; k < 4 && out.length > 1; k++) {
    const last = out[out.length - 1]!;
    if ((last.text.length < 300 && CTA.test(last.text)) || (last.text.length < 100 && /[:：]$/.test(last.text)) || last.heading || isTrailingStub(last, out)) out.pop();
    else break;
  }
  // Headings with nothing after them (the titles of the blocks that were removed) go too.
  while (out.length && out[out.length - 1]!.heading) out.pop();
  return out.map((o) => o.text);
}

/**
 * Leads, standfirsts and intros often sit beside the body in a wrapper (header > p, div.intro).
 * Climb to an ancestor when what it adds is mostly link-free paragraph text and not more than the
 * body itself. Returns the ancestor, or null to keep the roots.
 */
function expand(roots: El[], body: El): El | null {
  let text = 0;
  let links = 0;
  let para = 0;
  for (const r of roots) {
    text += r.textLen ?? 0;
    links += r.linkLen ?? 0;
    para += paragraphText(r);
  }
  let cur = roots[0]!.parent;
  let chosen: El | null = null;
  for (let hops = 0; cur && cur !== body.parent && hops < 3; hops++, cur = cur.parent) {
    const extra = (cur.textLen ?? 0) - text;
    if (extra <= 0) {
      chosen = cur;
      continue;
    }
    const extraLinks = (cur.linkLen ?? 0) - links;
    const extraPara = paragraphText(cur) - para;
    if (extra > 0.6 * text || extraLinks / extra > 0.25 || extraPara < 0.5 * extra) break;
    chosen = cur;
    text = cur.textLen ?? 0;
    links = cur.linkLen ?? 0;
    para += extraPara;
  }
  return chosen;
}

const COUSIN_RATIO = 0.2;
const COUSIN_FLOOR = 10;
const COUSIN_PARA = 0.7;

/**
 * Pages built from modules (landing pages, magazine layouts) spread their text over blocks that are
 * not siblings of the winner. Other strong, link-free, prose-like blocks elsewhere on the page join,
 * in document order.
 */
function addCousins(roots: El[], scores: Map<El, number>, best: number, body: El): El[] {
  const threshold = Math.max(COUSIN_FLOOR, best * COUSIN_RATIO);
  const cands = [...scores].filter(([e, sc]) => sc >= threshold && !roots.includes(e)).sort((a, b) => b[1] - a[1]);
  const chosen = [...roots];
  const overlaps = (e: El): boolean => chosen.some((r) => contains(r, e) || contains(e, r));
  for (const [e] of cands) {
    if (overlaps(e) || isUnderDropped(e)) continue;
    const tl = e.textLen ?? 0;
    if (tl < 150 || (e.linkLen ?? 0) / tl > 0.15) continue;
    if (paragraphText(e) < COUSIN_PARA * tl) continue;
    chosen.push(e);
  }
  if (chosen.length === roots.length) return roots;
  const order = new Map<El, number>();
  liveElements(body).forEach((e, i) => order.set(e, i));
  return chosen.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

const MIN_CHARS = 200;

/** Names of a standfirst / deck / lead paragraph under a headline. */
const DECK_CLASS = /(?:^|[\s_-])(?:excerpt|teaser|lead|lede|subheadline|sub[-_]?headline|subtitle|sub[-_]?title|standfirst|intro|summary|deck|dek|abstract|chapeau|chapo|sapo|bajada|entradilla|sommario|vorspann|article[-_]?lead|article[-_]?intro)(?:$|[\s_-])/i;

/**
 * The deck under the page's headline ("<header><h1>…</h1><p class="lead">…</p></header>", an
 * <h2> right after the <h1>) when it sits outside the chosen text: one link-free prose block in
 * the headline's own wrapper, after the headline. Null when there is none or it is already inside.
 */
function standfirst(body: El, roots: El[]): string | null {
  const h1 = liveElements(body).find((e) => e.tag === 'h1');
  if (!h1 || roots.some((r) => contains(r, h1))) return null;
  const scope = h1.parent && h1.parent !== body ? (h1.parent.parent && h1.parent.parent !== body && (h1.parent.textLen ?? 0) < 2 * (h1.textLen ?? 0) + 40 ? h1.parent.parent : h1.parent) : null;
  if (!scope) return null;
  let after = false;
  for (const e of liveElements(scope)) {
    if (e === h1) {
      after = true;
      continue;
    }
    if (!after || contains(h1, e) || roots.some((r) => contains(r, e) || contains(e, r))) continue;
    const len = e.textLen ?? 0;
    if (len < 40 || len > 700 || (e.linkLen ?? 0) > 0.2 * len) continue;
    const named = DECK_CLASS.test(roleNames(e)) && !STRONG_NEG.test(roleNames(e));
    const nextToH1 = e.tag === 'h2' && e.parent === h1.parent && e.parent!.children.filter((c) => typeof c !== 'string').indexOf(e) === e.parent!.children.filter((c) => typeof c !== 'string').indexOf(h1) + 1;
    if (!named && !nextToH1) continue;
    const t = collapse(textOf(e, true));
    if (t.split(/\s+/).length < 6 || isDateline(t)) continue;
    return t;
  }
  return null;
}

/** Main text of the page rooted at `root` (the tree from parseTree). Mutates `drop` marks. */
export function extractMain(root: El): MainText {
  const all = elements(root);
  const body = all.find((e) => e.tag === 'body') ?? root;
  measure(body);
  const captionEls = clean(body, all);
  measure(body);
  const picked = pickContainer(body);
  let paragraphs: string[] = [];
  let method: MainText['method'] = 'none';
  let container: El | null = null;
  if (picked) {
    const { top, scores } = picked;
    container = top;
    // Siblings that score close to the winner (article split over several divs) join it.
    const best = scores.get(top) ?? 0;
    const threshold = Math.max(10, best * 0.2);
    const roots: El[] = [];
    const parent = top.parent;
    if (parent && top.tag !== 'body') {
      for (const s of parent.children) {
        if (typeof s === 'string' || s.drop) continue;
        if (s === top) {
          roots.push(s);
          continue;
        }
        const ss = scores.get(s) ?? 0;
        let ok = ss >= threshold && (s.linkLen ?? 0) / Math.max(1, s.textLen ?? 0) < 0.3;
        if (!ok && s.tag === 'p') {
          const own = ownText(s);
          const ld = own.link / Math.max(1, own.len);
          ok = (own.len > 80 && ld < 0.25) || (own.len > 0 && own.len <= 80 && ld === 0 && /[.!?]$/.test(collapse(textOf(s, true))));
        } else if (!ok && (s.textLen ?? 0) >= 60 && (s.linkLen ?? 0) / Math.max(1, s.textLen ?? 0) < 0.2) {
          // A lead or intro block beside the body: mostly paragraph text without links.
          ok = paragraphText(s) >= 0.6 * (s.textLen ?? 0);
        }
        if (ok) roots.push(s);
      }
    } else roots.push(top);
    const expanded = expand(roots, body);
    if (expanded) container = expanded;
    let final = expanded ? [expanded] : roots;
    final = addCousins(final, scores, best, body);
    paragraphs = filterBlocks(emitBlocks(final));
    // The standfirst printed under the headline, outside the body's container, leads the text.
    const deck = standfirst(body, final);
    if (deck && paragraphs.length && !paragraphs.some((p) => p.includes(deck))) paragraphs.unshift(deck);
    method = 'container';
  }
  if (paragraphs.join('').length < MIN_CHARS) {
    // Fallback: every paragraph-like block of the page that is not boilerplate.
    const fb = filterBlocks(emitBlocks([body]).filter((b) => b.text.length >= 25 || b.heading));
    const fbLen = fb.join('').length;
    if (fbLen > paragraphs.join('').length) {
      paragraphs = fb;
      method = fb.length ? 'fallback' : 'none';
      container = body;
    }
  }
  // Captions inside the chosen text, in page order.
  const captions: Caption[] = [];
  const inside = (e: El): boolean => {
    if (!container) return false;
    for (let p: El | null = e; p; p = p.parent) if (p === container || p === container.parent) return true;
    return false;
  };
  for (const c of captionEls) {
    if (!inside(c)) continue;
    const cap = readCaption(c);
    if (cap && !captions.some((x) => x.text === cap.text)) captions.push(cap);
  }
  return { paragraphs, captions, method, pageChars: body.textLen ?? 0 };
}
