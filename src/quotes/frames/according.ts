/** Frame rule: "According to X, CONTENT." / "CONTENT, according to X." */
import { npForward } from '../np.js';
import type { Attribution, FrameContext } from './context.js';

/** The according-to frame; undefined when the cue is not "according to". */
export function according(x: FrameContext): Attribution | null | undefined {
  const { v, cue, to, lStart } = x;
  if (!cue.according) return undefined;
  if (lStart >= cue.i) {
    // "According to X, CONTENT."
    let k = cue.j;
    while (k < to && v.raw(k) !== ',') k++;
    if (k >= to - 1) return null;
    const src = npForward(v, cue.j, k);
    return x.make(x.spanOf(k + 1, to - 1), src, 'according-front');
  }
  // "CONTENT, according to X."
  let cEnd = cue.i - 1;
  while (cEnd >= lStart && (x.isComma(cEnd) || v.raw(cEnd) === '(' || v.raw(cEnd) === '—')) cEnd--;
  if (cEnd < lStart) return null;
  const src = npForward(v, cue.j, to);
  return x.make(x.spanOf(lStart, cEnd), src, 'according-back');
}
