// A light element tree from one htmlparser2 streaming parse: tags, the few attributes the
// extractor reads, children (elements and text). No browser DOM: no styles, no live collections.
// Script, style and similar raw-text elements keep no text, except JSON-LD scripts.

import { Parser, type Handler } from 'htmlparser2';

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
  /** Set by analysis passes: whitespace-collapsed text length and the part of it inside links. */
  textLen?: number;
  linkLen?: number;
  /** Set by cleaning: the subtree is boilerplate and yields no text. */
  drop?: boolean;
}

export type Node = El | string;

/** Elements whose text is never content. JSON-LD scripts are the exception (kept for metadata). */
export const RAW_SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'textarea', 'select', 'option', 'iframe', 'object', 'canvas']);

/** Deeper elements are flattened into the one at this depth, as Blink's parser does (512): every walk of the tree recurses. */
const MAX_DEPTH = 512;
/** htmlparser2's open-element stack costs O(depth) per tag: past this depth the page is refused, not parsed for minutes. */
export const MAX_NESTING = 10_000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Build the tree; `extra` callbacks see the same parse (metadata scanners). */
export function parseTree(html: string, extra?: Partial<Handler>): El {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null };
  let cur: El = root;
  let skipDepth = 0; // > 0 inside a raw-text element whose text is not kept
  let depth = 0;
  let flattened = 0; // open elements past MAX_DEPTH, kept as children of `cur` without entering them
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        extra?.onopentag?.(name, attrs, false);
        const el: El = { tag: name, attrs, children: [], parent: cur };
        if (depth + flattened + skipDepth > MAX_NESTING) throw new Error(`HTML nests elements more than ${MAX_NESTING} deep: refusing a likely parser bomb`);
        if (skipDepth > 0) {
          if (!VOID.has(name)) skipDepth++;
          return;
        }
        cur.children.push(el);
        if (VOID.has(name)) return;
        if (RAW_SKIP.has(name) && !(name === 'script' && /ld\+json/i.test(attrs.type ?? ''))) {
          skipDepth = 1;
          return;
        }
        if (depth >= MAX_DEPTH) {
          flattened++;
          return;
        }
        cur = el;
        depth++;
      },
      ontext(t) {
        extra?.ontext?.(t);
        if (skipDepth > 0) return;
        const last = cur.children[cur.children.length - 1];
        if (typeof last === 'string') cur.children[cur.children.length - 1] = last + t;
        else cur.children.push(t);
      },
      onclosetag(name, implied) {
        extra?.onclosetag?.(name, implied);
        if (VOID.has(name)) return;
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (flattened > 0) {
          flattened--;
          return;
        }
        // Close up to the matching open element; a stray end tag closes nothing.
        let e: El | null = cur;
        let up = 1;
        while (e && e.tag !== name) {
          e = e.parent;
          up++;
        }
        if (e && e.parent) {
          cur = e.parent;
          depth -= up;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

/** Raw text of a subtree (dropped subtrees included unless `live`). */
export function textOf(n: Node, live = false): string {
  if (typeof n === 'string') return n;
  if (live && n.drop) return '';
  if (n.tag === 'br') return '\n';
  let s = '';
  for (const c of n.children) s += typeof c === 'string' ? c : textOf(c, live);
  return s;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Depth-first list of elements under `n` (n included). */
export function elements(n: El, out: El[] = []): El[] {
  out.push(n);
  for (const c of n.children) if (typeof c !== 'string') elements(c, out);
  return out;
}

/** Whitespace-insensitive length: runs of whitespace count as one character. */
function wsLen(s: string): number {
  let n = 0;
  let sp = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isSp = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (isSp) {
      if (!sp) n++;
      sp = true;
    } else {
      n++;
      sp = false;
    }
  }
  return n;
}

/** Fill textLen / linkLen for every live (not dropped) element; returns the root's text length. */
export function measure(n: El, inLink = false): number {
  if (n.drop) {
    n.textLen = 0;
    n.linkLen = 0;
    return 0;
  }
  const link = inLink || n.tag === 'a';
  let t = 0;
  let l = 0;
  for (const c of n.children) {
    if (typeof c === 'string') {
      const k = wsLen(c);
      t += k;
      if (link) l += k;
    } else {
      t += measure(c, link);
      l += c.linkLen ?? 0;
    }
  }
  n.textLen = t;
  n.linkLen = l;
  return t;
}

/** class and id of an element, lower case, space separated. */
export function classId(e: El): string {
  const c = e.attrs.class;
  const i = e.attrs.id;
  return c && i ? `${c} ${i}`.toLowerCase() : (c ?? i ?? '').toLowerCase();
}
