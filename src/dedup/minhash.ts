/**
 * Near-duplicate articles by MinHash over word shingles, with LSH bands to find candidates without comparing every
 * pair. Ours: the npm options are stale or heavy (../shared/reference/stack.md), and this is ~80 lines.
 */

/** Words per shingle. Five words: an edit breaks at most five shingles, and unrelated stories rarely share five-word runs. */
export const SHINGLE_WORDS = 5;
/** Hash functions in a signature. 128 gives a Jaccard estimate within ±0.09 (2σ). */
export const SIGNATURE_SIZE = 128;
/** LSH bands × rows = SIGNATURE_SIZE; 32 × 4 finds a pair at Jaccard 0.5 with p ≈ 0.87, at 0.7 with p > 0.999. */
export const BANDS = 32;
export const ROWS = SIGNATURE_SIZE / BANDS;
/**
 * Estimated Jaccard at or above which two articles are near-duplicates. Lightly edited wire copies score 0.7–0.95 on
 * the generated set of `npm run eval:dedup`; different stories on one topic stay below 0.15 there.
 */
export const NEAR_DUP_JACCARD = 0.5;

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: a cheap, well-mixed hash of an integer. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** Hashes of the text's word shingles (lower-cased letters and digits; punctuation and spacing ignored). */
export function shingleHashes(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (!words.length) return out;
  if (words.length < SHINGLE_WORDS) out.add(fnv1a(words.join(' ')));
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

/** The MinHash signature of a text, or null when it has no words. */
export function signature(text: string): Uint32Array | null {
  const hashes = shingleHashes(text);
  if (!hashes.size) return null;
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** The signature's band keys: one 32-bit hash of each band's rows (index = band number). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]) + r;
    keys.push(mix(h) | 0);
  }
  return keys;
}

/** The estimated Jaccard similarity of two signatures: the share of positions where they agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** A signature as bytes for storage, and back. */
export function signatureBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}
export function signatureFromBytes(b: Uint8Array): Uint32Array {
  const copy = new Uint8Array(b);
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}
