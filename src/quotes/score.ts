/**
 * Scoring quotes against gold: word-token overlap (a prediction matches a gold content
 * sharing ≥ 50% of the shorter one's tokens, one to one, greedily by overlap) and Pearson r.
 */
import type { Span } from '../doc/index.js';

/** Share of the shorter span's tokens two spans must share to match (the definition). */
export const MATCH_SHARE = 0.5;

/** Word-token start offsets of a text, for token-level overlap. */
export function wordStarts(text: string): number[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m.index!);
}

/** Indices of the word tokens whose start falls in any of `pieces`. */
export function tokenSet(starts: number[], pieces: Span[]): Set<number> {
  const out = new Set<number>();
  for (const p of pieces) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < p.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < starts.length && starts[i] < p.end; i++) out.add(i);
  }
  return out;
}

function shared(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** One-to-one matching of predicted to gold token sets; returns pairs [pred, gold]. */
export function matchSpans(pred: Set<number>[], gold: Set<number>[]): [number, number][] {
  const cands: [number, number, number][] = [];
  for (let p = 0; p < pred.length; p++) {
    for (let g = 0; g < gold.length; g++) {
      const n = shared(pred[p], gold[g]);
      const shorter = Math.min(pred[p].size, gold[g].size);
      if (shorter > 0 && n >= MATCH_SHARE * shorter) cands.push([n / Math.max(pred[p].size, gold[g].size), p, g]);
    }
  }
  cands.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: [number, number][] = [];
  for (const [, p, g] of cands) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
    out.push([p, g]);
  }
  return out;
}

/** Whether two token sets share any token. */
export function overlaps(a: Set<number>, b: Set<number>): boolean {
  return shared(a, b) > 0;
}

/** Pearson correlation of two equal-length series. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    sa += (a[i] - ma) ** 2;
    sb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(sa * sb);
}
