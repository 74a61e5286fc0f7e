/** Frame rule: postposed "CONTENT, X said (on Thursday)." / "“CONTENT,” X said." (also "“A,” he said, “B.”"). */
import type { Span, TokenView } from '../../doc/index.js';
import { CLOSE_MARKS, OPEN_MARKS, quoteAt, rangeHas } from '../spans.js';
import { quoteWords } from '../words.js';
import { gluedClose, MAX_THAT_DISTANCE, MIN_CONTENT_WORDS, type Attribution, type FrameContext } from './context.js';

/** Longest tail after a postposed cue ("he said on Thursday in Paris") before the frame is read as preposed. */
const MAX_TAIL_TOKENS = 10;
/** A left part shorter than this (tokens) before ", X said," is the start of a content that goes on after the cue. */
const PARENTHETICAL_LEFT = 4;

/** Any verb-like token (VERB, AUX, "be", a modal) in [a, b). */
export function rangeHasVerbish(v: TokenView, a: number, b: number): boolean {
  const W = quoteWords();
  for (let k = a; k < b; k++) {
    const u = v.upos(k);
    if (u === 'VERB' || u === 'AUX' || W.be.has(v.low(k)) || W.modals.has(v.low(k))) return true;
  }
  return false;
}

/** A tail after a postposed cue that adds no content: "said Thursday", "said in a statement", "told reporters". */
export function adverbialTail(v: TokenView, a: number, b: number, lemma: string): boolean {
  const W = quoteWords();
  const n = b - a;
  if (n <= 0) return true;
  if (rangeHas(v, a, Math.min(b, a + MAX_THAT_DISTANCE), 'that')) return false;
  const first = v.low(a);
  if (W.subjectPronouns.has(first)) return false;
  if (n <= 2 && !W.be.has(v.low(b - 1))) return true;
  if (n > MAX_TAIL_TOKENS) return false;
  if (W.tailOpeners.has(first)) return true;
  // "told reporters on Monday", "asked CNN": an addressee then adverbials.
  return (lemma === 'tell' || lemma === 'ask' || lemma === 'told') && !rangeHasVerbish(v, a, b);
}

/** The content of a postposed frame ending at cEnd, with a second half after the cue or a parenthetical cue. */
function postposedContent(x: FrameContext, cEnd: number): Span {
  const { v, cue, to, lStart, marked } = x;
  const t = v.doc.layers.tokens!;
  const afterTail = cue.j < to ? v.raw(cue.j) : '';
  let content = x.spanOf(lStart, cEnd);
  // "“A,” he said, “B.”": the second half belongs to the same content.
  let k = cue.j;
  while (k < to && (x.isComma(k) || v.raw(k) === ':')) k++;
  if (k < to && k > cue.j && OPEN_MARKS.test(v.raw(k))) {
    const q = quoteAt(marked, t.start[k]);
    content = { start: content.start, end: q ? q.end : t.end[to - 1] };
  } else if (afterTail === ',' && cEnd - lStart + 1 < PARENTHETICAL_LEFT && to - k >= MIN_CONTENT_WORDS + 1) {
    // "And perhaps, he said, it could help": a parenthetical cue inside its content.
    content = { start: content.start, end: t.end[to - 1] };
  }
  return content;
}

/** The postposed frame; undefined when the words do not read that way (the preposed rule tries). */
export function postposed(x: FrameContext): Attribution | undefined {
  const { v, cue, to, lStart } = x;
  const src = x.sourceBefore();
  if (!src || src[0] <= lStart) return undefined;
  const gap = src[0] - 1;
  const afterTail = cue.j < to ? v.raw(cue.j) : '';
  const closedQuote =
    CLOSE_MARKS.test(v.raw(gap)) ||
    gluedClose(v.raw(gap)) ||
    (x.isComma(gap) && gap - 1 >= lStart && CLOSE_MARKS.test(v.raw(gap - 1)));
  const fronted = quoteWords().frontedOpeners.has(v.low(lStart)) && !closedQuote;
  // After “…,” X said, whatever follows is circumstance ("said after the hearing …"), unless a that-clause.
  const tailOk =
    cue.j >= to ||
    afterTail === ',' ||
    adverbialTail(v, cue.j, to, cue.form!.lemma) ||
    (closedQuote && v.low(cue.j) !== 'that');
  if (!(x.isComma(gap) || CLOSE_MARKS.test(v.raw(gap)) || gluedClose(v.raw(gap))) || !tailOk || fronted)
    return undefined;
  let cEnd = gap;
  while (cEnd >= lStart && (x.isComma(cEnd) || CLOSE_MARKS.test(v.raw(cEnd)))) cEnd--;
  return cEnd >= lStart ? x.make(postposedContent(x, cEnd), src, 'postposed') : undefined;
}
