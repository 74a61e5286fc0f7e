/** Small span and token helpers shared by the attribution modules. */
import type { Span } from '../doc/index.js';
import type { MarkedQuote } from './marks.js';
import type { TokenView } from '../doc/index.js';

/** Tokens that open a quotation. */
export const OPEN_MARKS = /^[“"‘'«„‹]$/;

/** Tokens that close a quotation. */
export const CLOSE_MARKS = /^[”"’'»“›]$/;

/** Tokens that end a clause or sentence. */
export const END_PUNCT = /^[.!?…;:]$/;

/** Length of a span in characters. */
export function len(s: Span): number {
  return s.end - s.start;
}

/** Characters two spans share. */
export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The marked quote covering `offset`, if any. */
export function quoteAt(marked: MarkedQuote[], offset: number): MarkedQuote | null {
  for (const q of marked) if (q.start <= offset && offset < q.end) return q;
  return null;
}

/** Whether `offset` lies inside the quoted words (not on the marks). */
export function insideQuoteText(marked: MarkedQuote[], offset: number): boolean {
  const q = quoteAt(marked, offset);
  return !!q && q.inner.some((p) => p.start <= offset && offset < p.end);
}

/** Word tokens in a span. */
export function wordCount(text: string, s: Span): number {
  return (text.slice(s.start, s.end).match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

export function isDirect(c: Span, marked: MarkedQuote[]): boolean {
  let inside = 0;
  // The marks count as inside, so "“Really,”" is wholly direct.
  for (const q of marked) inside += overlap(c, q);
  return inside >= 0.8 * len(c);
}

/** Whether tokens [a, b) include `word`. */
export function rangeHas(v: TokenView, a: number, b: number, word: string): boolean {
  for (let k = a; k < b; k++) if (v.low(k) === word) return true;
  return false;
}
