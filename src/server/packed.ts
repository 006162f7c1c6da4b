// A kept page in pieces around its per-reader slots (where each reader's CSRF token goes), every piece
// compressed on its own as raw deflate that ends on a byte boundary. A reader's response is then assembled
// from the stored bytes: for a client that accepts gzip, a gzip header, the pieces with the token between them
// as stored (uncompressed) deflate blocks, and a trailer whose CRC is combined from the pieces' CRCs — nothing
// is compressed or inflated per request; for any other client, the pieces inflated (no render either way).
// Pieces are independent (each from a fresh compressor), so no back-reference crosses a token.
import zlib from 'node:zlib';

export interface PackedPage {
  /** raw deflate per piece; every one but the last ends with a sync flush, the last is final */
  comp: Buffer[];
  /** uncompressed length of each piece */
  lens: number[];
  /** CRC-32 of each piece */
  crcs: number[];
  /** per piece, the operator that carries a CRC over it (computed on first use, kept with the page in memory) */
  shift?: Uint32Array[];
}

const MAGIC = Buffer.from('KP1\n', 'latin1');

/** `html` cut at every `slot` (which is left out): joinPieces puts a token in each cut. */
export function cutAt(html: Buffer, slot: string): Buffer[] {
  const s = Buffer.from(slot, 'latin1');
  const raw: Buffer[] = [];
  let at = 0;
  for (let i = html.indexOf(s); i >= 0; i = html.indexOf(s, at)) {
    raw.push(html.subarray(at, i));
    at = i + s.length;
  }
  raw.push(html.subarray(at));
  return raw;
}

/** Split `html` at every `slot` and compress the pieces. */
export function packPage(html: Buffer, slot: string): PackedPage {
  const raw = cutAt(html, slot);
  const last = raw.length - 1;
  return {
    comp: raw.map((p, i) => zlib.deflateRawSync(p, { level: 6, finishFlush: i === last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH })),
    lens: raw.map((p) => p.length),
    crcs: raw.map((p) => zlib.crc32(p)),
  };
}

/** The stored form of a packed page (a story_cache row's body). */
export function serializePage(p: PackedPage): Buffer {
  const head = Buffer.alloc(MAGIC.length + 4 + p.comp.length * 12);
  MAGIC.copy(head);
  let o = MAGIC.length;
  head.writeUInt32LE(p.comp.length, o);
  o += 4;
  p.comp.forEach((c, i) => {
    head.writeUInt32LE(c.length, o);
    head.writeUInt32LE(p.lens[i]!, o + 4);
    head.writeUInt32LE(p.crcs[i]! >>> 0, o + 8);
    o += 12;
  });
  return Buffer.concat([head, ...p.comp]);
}

/** A stored page back (null when the bytes are not one: a row of another format is computed again). */
export function deserializePage(b: Buffer): PackedPage | null {
  if (b.length < MAGIC.length + 4 || !b.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  let o = MAGIC.length;
  const n = b.readUInt32LE(o);
  o += 4;
  if (n < 1 || n > 1000 || b.length < o + n * 12) return null;
  const comp: Buffer[] = [];
  const lens: number[] = [];
  const crcs: number[] = [];
  let data = o + n * 12;
  for (let i = 0; i < n; i++, o += 12) {
    const len = b.readUInt32LE(o);
    if (data + len > b.length) return null;
    comp.push(b.subarray(data, data + len));
    lens.push(b.readUInt32LE(o + 4));
    crcs.push(b.readUInt32LE(o + 8));
    data += len;
  }
  return data === b.length ? { comp, lens, crcs } : null;
}

/** The page's uncompressed pieces (for a client that does not accept gzip). */
export function inflatePieces(p: PackedPage): Buffer[] {
  // the pieces one after another are one deflate stream: inflated in one call, then cut at their lengths. Into
  // one buffer of the known size (zlib's default 16 KB chunks would be gathered into another copy), and read
  // where the pieces lie when they lie in a row (a stored row's bytes): every buffer allocated per request adds
  // to V8's external memory, whose growth starts full collections (pauses of 10-30 ms under load)
  let total = 0;
  for (const n of p.lens) total += n;
  const all = zlib.inflateRawSync(adjoining(p.comp) ?? Buffer.concat(p.comp), { chunkSize: Math.max(64, total + 1) });
  let at = 0;
  return p.lens.map((n) => all.subarray(at, (at += n)));
}

/** Buffers that lie one after another in the same memory, as one buffer over them (no copy); else null. */
function adjoining(parts: Buffer[]): Buffer | null {
  const first = parts[0]!;
  let end = first.byteOffset + first.length;
  for (let i = 1; i < parts.length; i++) {
    const b = parts[i]!;
    if (b.buffer !== first.buffer || b.byteOffset !== end) return null;
    end += b.length;
  }
  return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
}

/** The page's bytes with `token` in every slot, from uncompressed pieces. */
export function joinPieces(pieces: Buffer[], token: string): Buffer {
  if (pieces.length === 1) return pieces[0]!;
  const t = Buffer.from(token, 'latin1');
  const all: Buffer[] = [];
  pieces.forEach((x, i) => (i ? all.push(t, x) : all.push(x)));
  return Buffer.concat(all);
}

// gzip member header: magic, deflate, no flags, no mtime, no extra flags, unknown OS
const GZ_HEAD = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** The page as one gzip member with `token` in every slot, assembled from the stored bytes. */
export function gzipWithToken(p: PackedPage, token: string): Buffer {
  const t = Buffer.from(token, 'latin1');
  if (t.length > 0xffff) throw new Error('token too long for a stored block');
  const stored = Buffer.alloc(5);
  stored[0] = 0; // not final, stored; the rest of the byte is padding (the stream is byte-aligned here)
  stored.writeUInt16LE(t.length, 1);
  stored.writeUInt16LE(~t.length & 0xffff, 3);
  const ops = (p.shift ??= p.lens.map((n, i) => (i ? zerosOperator(n) : new Uint32Array(0))));
  const parts: Buffer[] = [GZ_HEAD, p.comp[0]!];
  let crc = p.crcs[0]! >>> 0;
  let size = p.lens[0]!;
  for (let i = 1; i < p.comp.length; i++) {
    parts.push(stored, t, p.comp[i]!);
    // crc(A‖t‖B) = shift_|B|(crc(A‖t)) xor crc(B)
    crc = (gf2Times(ops[i]!, zlib.crc32(t, crc)) ^ p.crcs[i]!) >>> 0;
    size += t.length + p.lens[i]!;
  }
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(crc, 0);
  tail.writeUInt32LE(size >>> 0, 4);
  parts.push(tail);
  return Buffer.concat(parts);
}

// ---------- CRC-32 over a concatenation (as zlib's crc32_combine): linear operators over GF(2) ----------

function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i]!;
  return sum >>> 0;
}

/** a∘b */
function gf2Mul(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(32);
  for (let n = 0; n < 32; n++) out[n] = gf2Times(a, b[n]!);
  return out;
}

/** The operator that advances a CRC-32 over `len` zero bytes: crc(A‖B) = op(crc(A)) xor crc(B) for |B| = len. */
export function zerosOperator(len: number): Uint32Array {
  let sq: Uint32Array = new Uint32Array(32);
  sq[0] = 0xedb88320; // one zero bit: the reflected polynomial
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) sq[n] = row >>> 0;
  for (let k = 0; k < 3; k++) sq = gf2Mul(sq, sq); // one zero byte
  let op: Uint32Array | null = null;
  for (let n = len; n > 0; n = Math.floor(n / 2)) {
    if (n & 1) op = op ? gf2Mul(sq, op) : sq;
    if (n > 1) sq = gf2Mul(sq, sq);
  }
  if (op) return op;
  const id = new Uint32Array(32);
  for (let n = 0; n < 32; n++) id[n] = (1 << n) >>> 0;
  return id;
}

/** CRC-32 of A‖B from crc(A), crc(B) and B's length. */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  return (gf2Times(zerosOperator(len2), crc1 >>> 0) ^ crc2) >>> 0;
}
