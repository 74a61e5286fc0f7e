/** Test helper: the frame context of the first cue in a one-sentence plain text (no tags), for the rule tests. */
import { tokenView } from '../../doc/index.js';
import { findCues } from '../find-cues.js';
import { findMarkedQuotes } from '../marks.js';
import { plainDoc } from '../plain-doc.js';
import { END_PUNCT } from '../spans.js';
import { FrameContext } from './context.js';

/** The context of cue `nth` (0 = first) in the first sentence of `text`, as sentenceAttributions builds it. */
export function frameAt(text: string, nth = 0): FrameContext {
  const doc = plainDoc(text);
  const v = tokenView(doc);
  const s = doc.layers.sentences![0];
  const marked = findMarkedQuotes(doc.text);
  const cue = findCues(v, s.tokenStart, s.tokenEnd, marked)[nth];
  if (!cue) throw new Error(`no cue ${nth} in "${text}"`);
  let end = s.tokenEnd;
  while (end > s.tokenStart && END_PUNCT.test(v.raw(end - 1))) end--;
  const t = doc.layers.tokens!;
  const cueSpan = { start: t.start[cue.i], end: t.end[cue.j - 1] };
  return new FrameContext(v, s.tokenStart, end, cue, cueSpan, marked, []);
}

/** The text of a span of the context's document. */
export const textOf = (x: FrameContext, s: { start: number; end: number } | null): string | null =>
  s ? x.v.doc.text.slice(s.start, s.end) : null;
