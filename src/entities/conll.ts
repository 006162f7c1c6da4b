// Token-per-line files (token, optional TAB tag; blank line between sentences) and conlleval-style scoring.

export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

/** Reads token-per-line text; `mapTag` may rename or drop (return 'O') gold tags. */
export function readConll(text: string, mapTag: (t: string) => string = (t) => t): ConllSentence[] {
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { tokens: [], tags: [] };
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    const [tok, tag] = line.split('\t');
    cur.tokens.push(tok!.trim());
    cur.tags.push(mapTag((tag ?? 'O').trim() || 'O'));
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}

export interface Chunk {
  type: string;
  start: number;
  end: number;
}

/** Entity chunks of a BIO sequence, as conlleval reads them (an I- after O or another type opens a chunk). */
export function chunks(tags: string[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  tags.forEach((tag, i) => {
    const [bio, type] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    if (cur && (bio !== 'I' || type !== cur.type)) {
      out.push(cur);
      cur = null;
    }
    if (bio === 'B' || (bio === 'I' && !cur)) cur = { type, start: i, end: i + 1 };
    else if (bio === 'I' && cur) cur.end = i + 1;
  });
  if (cur) out.push(cur);
  return out;
}

export interface Prf {
  type: string;
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

/** Entity-level precision/recall/F1 per type and overall ("ALL"); exact span and type. */
export function scoreChunks(gold: string[][], pred: string[][]): Prf[] {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const c = (t: string) => {
    let x = counts.get(t);
    if (!x) counts.set(t, (x = { tp: 0, fp: 0, fn: 0 }));
    return x;
  };
  for (let s = 0; s < gold.length; s++) {
    const g = chunks(gold[s]!);
    const p = chunks(pred[s]!);
    const gk = new Set(g.map((x) => `${x.type}:${x.start}:${x.end}`));
    const pk = new Set(p.map((x) => `${x.type}:${x.start}:${x.end}`));
    for (const x of p) {
      const k = `${x.type}:${x.start}:${x.end}`;
      if (gk.has(k)) (c(x.type).tp++, c('ALL').tp++);
      else (c(x.type).fp++, c('ALL').fp++);
    }
    for (const x of g) if (!pk.has(`${x.type}:${x.start}:${x.end}`)) (c(x.type).fn++, c('ALL').fn++);
  }
  c('ALL');
  const rows: Prf[] = [];
  for (const [type, { tp, fp, fn }] of counts) {
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    rows.push({ type, tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 });
  }
  return rows.sort((a, b) => (a.type === 'ALL' ? 1 : b.type === 'ALL' ? -1 : a.type.localeCompare(b.type)));
}
