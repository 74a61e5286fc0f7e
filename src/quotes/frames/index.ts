/**
 * The frame of one cue, read by an ordered list of named rules (frames/*.ts): the first rule that decides wins — an
 * attribution, or null for "no attribution here"; a rule that does not apply returns undefined and the next one tries.
 */
import type { Span, TokenView } from '../../doc/index.js';
import type { CueHit } from '../find-cues.js';
import type { MarkedQuote } from '../marks.js';
import { according } from './according.js';
import { FrameContext, type Attribution } from './context.js';
import { inverted } from './inverted.js';
import { participle } from './participle.js';
import { passive } from './passive.js';
import { postposed } from './postposed.js';
import { preposed } from './preposed.js';

export type { Attribution } from './context.js';

/** A frame rule: an attribution, null (decided: none), or undefined (does not apply). */
export interface FrameRule {
  name: string;
  read(x: FrameContext): Attribution | null | undefined;
}

/** The rules in the order they are tried. */
export const FRAME_RULES: readonly FrameRule[] = [
  { name: 'according', read: according },
  { name: 'participle', read: participle },
  { name: 'inverted', read: inverted },
  { name: 'passive', read: passive },
  { name: 'postposed', read: postposed },
  { name: 'preposed', read: preposed },
];

/** The attribution the cue makes in the sentence part [from, to), or null. */
export function frame(
  v: TokenView,
  from: number,
  to: number,
  cue: CueHit,
  cueSpan: Span,
  marked: MarkedQuote[],
  earlier: Attribution[],
): Attribution | null {
  const x = new FrameContext(v, from, to, cue, cueSpan, marked, earlier);
  for (const rule of FRAME_RULES) {
    const a = rule.read(x);
    if (a !== undefined) return a;
  }
  return null;
}
