import { createHash } from 'node:crypto';

/** Text as compared for exact-duplicate detection: NFKC, lower case, whitespace folded. */
export function normaliseForHash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A short stable id part: the first 16 hex digits of the SHA-256 (64 bits). */
export function shortHash(s: string): string {
  return sha256Hex(s).slice(0, 16);
}

/** Article id: the first 16 hex digits of the normalised text's SHA-256 (64 bits: collisions are negligible). */
export function articleIdFor(textHash: string): string {
  return textHash.slice(0, 16);
}
