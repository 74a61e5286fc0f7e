/** Frame rule: passive "it was reported that CONTENT" — no source, and only with a clause ("accused of" is not speech). */
import type { TokenView } from '../../doc/index.js';
import { quoteWords } from '../words.js';
import type { Attribution, FrameContext } from './context.js';

/** Whether the auxiliaries right before token `i` include a form of "be" (a passive). */
export function passiveBefore(v: TokenView, i: number, floor: number): boolean {
  const W = quoteWords();
  for (let k = i - 1; k >= floor && i - k <= 4; k--) {
    const w = v.low(k);
    if (W.be.has(w)) return true;
    if (!W.passiveAdverbs.has(w) && !/ly$/.test(w)) return false;
  }
  return false;
}

/** The passive frame; undefined when the cue is not passive. */
export function passive(x: FrameContext): Attribution | null | undefined {
  const { v, cue, from, to } = x;
  if (!passiveBefore(v, cue.i, from) || !quoteWords().passiveCueEnding.test(v.low(cue.i))) return undefined;
  const next = cue.j < to ? v.low(cue.j) : '';
  if (next !== 'that' && next !== ':') return null;
  return x.make(x.spanOf(cue.j, to - 1), null, 'passive');
}
