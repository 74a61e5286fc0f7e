/** Frame rule: preposed "X said (Thursday …) (that) CONTENT." — the last rule: it always decides. */
import { insideQuoteText } from '../spans.js';
import { MAX_THAT_DISTANCE, type Attribution, type FrameContext } from './context.js';

/** The preposed frame; null when there is no content after the cue or no phrase before it. */
export function preposed(x: FrameContext): Attribution | null {
  const { v, cue, to, lStart, marked } = x;
  const t = v.doc.layers.tokens!;
  if (cue.j >= to) return null;
  let cStart = cue.j;
  for (let k = cue.j; k < Math.min(to, cue.j + MAX_THAT_DISTANCE); k++) {
    if (insideQuoteText(marked, t.start[k])) break;
    if (v.low(k) === 'that') {
      cStart = k;
      break;
    }
  }
  while (cStart < to && (x.isComma(cStart) || v.raw(cStart) === ':')) cStart++;
  if (cStart >= to) return null;
  const src = x.sourceBefore();
  // No phrase before the cue: not a reporting frame we understand.
  if (!src && lStart < cue.i) return null;
  return x.make(x.spanOf(cStart, to - 1), src, 'preposed');
}
