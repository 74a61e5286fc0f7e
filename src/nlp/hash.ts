/**
 * Numeric feature hashing. Strings are hashed once per token (FNV-1a); feature
 * keys are then mixed from small integers, so extracting features builds no strings.
 */

/** 32-bit FNV-1a hash of a string (never 0, so 0 can mark an empty slot). */
export function hashStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

/** FNV-1a hash of s[from, to) without slicing (equals hashStr(s.slice(from, to))). */
export function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, from); i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

/** Mix a value into a running hash (murmur3-style finaliser on the combination). */
export function mix(h: number, v: number): number {
  let x = (h ^ Math.imul(v | 0, 0xcc9e2d51)) | 0;
  x = Math.imul((x << 13) | (x >>> 19), 5) + 0xe6546b64;
  return x | 0;
}

/** Finalise a mixed hash into a non-zero unsigned 32-bit key. */
export function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/** Key of feature template `t` over one value. */
export function f1(t: number, a: number): number {
  return fin(mix(t * 0x9e3779b1, a));
}

/** Key of feature template `t` over two values. */
export function f2(t: number, a: number, b: number): number {
  return fin(mix(mix(t * 0x9e3779b1, a), b));
}

/** Key of feature template `t` over three values. */
export function f3(t: number, a: number, b: number, c: number): number {
  return fin(mix(mix(mix(t * 0x9e3779b1, a), b), c));
}
