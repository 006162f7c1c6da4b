import { createHash } from 'node:crypto';

/** Text as compared for exact-duplicate detection: NFKC, lower case, whitespace folded. */
export function normaliseForHash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Article id: the first 16 hex digits of the normalised text's SHA-256 (64 bits: collisions are negligible). */
export function articleIdFor(textHash: string): string {
  return textHash.slice(0, 16);
}
