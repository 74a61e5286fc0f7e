/**
 * Frame rule: inverted "CONTENT, said X." / "“CONTENT,” said X." (not "X, a NATO member, said …", whose subject opens
 * the sentence).
 */
import type { TokenView } from '../../doc/index.js';
import { npBack, npForward, skipBetweenBack } from '../np.js';
import { CLOSE_MARKS } from '../spans.js';
import { quoteWords } from '../words.js';
import { gluedClose, type Attribution, type FrameContext } from './context.js';

/** Longest tail after an inverted source, up to a comma ("said a source involved in the fund's creation"; 10 vs 5: dev F1 .759 → .760). */
const INVERTED_TAIL_TOKENS = 10;

/** A tail after an inverted source that adds no clause: "said Putin on Thursday in Moscow", "said one aide
 * familiar with the talks, who added …" (only the stretch before a comma counts). */
export function shortTail(v: TokenView, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (v.raw(k) === ',') b = k;
  if (b - a > INVERTED_TAIL_TOKENS) return false;
  const W = quoteWords();
  for (let k = a; k < b; k++) {
    // Participles modify the source ("a source involved in …", "an aide speaking on condition …").
    const participle = v.upos(k) === 'VERB' && /(ed|ing)$/.test(v.low(k));
    if (v.low(k) === 'that' || W.be.has(v.low(k)) || (v.upos(k) === 'VERB' && !participle) || v.upos(k) === 'AUX')
      return false;
  }
  return true;
}

/** The inverted frame; undefined when the words do not read that way (later rules try). */
export function inverted(x: FrameContext): Attribution | undefined {
  const { v, cue, from, to, lStart } = x;
  const before = skipBetweenBack(v, cue.i - 1, from);
  const subjectFirst = npBack(v, cue.i - 1, lStart);
  if (!(
    before >= lStart &&
    (x.isComma(before) || CLOSE_MARKS.test(v.raw(before)) || gluedClose(v.raw(before))) &&
    !(subjectFirst && subjectFirst[0] === lStart)
  ))
    return undefined;
  const src = npForward(v, cue.j, to);
  if (
    !src ||
    (src[0] === src[1] && quoteWords().pronouns.has(v.low(src[0]))) ||
    !(src[1] + 1 >= to || x.isComma(src[1] + 1) || shortTail(v, src[1] + 1, to))
  )
    return undefined;
  let cEnd = before;
  while (cEnd >= lStart && (x.isComma(cEnd) || CLOSE_MARKS.test(v.raw(cEnd)))) cEnd--;
  return cEnd >= lStart ? x.make(x.spanOf(lStart, cEnd), src, 'inverted') : undefined;
}
