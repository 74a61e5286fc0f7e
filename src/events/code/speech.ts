/** The speech phase: negation, modality, and who reports the event (the subject of a reporting verb above or beside it). */
import { subjectOf } from '../args.js';
import { isNegated, modalityOf, reportingChild } from '../modality.js';
import { reportingAbove, type TriggerContext } from './context.js';

/** Fill negated, modality, reporter and reportedBy of x. */
export function readSpeech(x: TriggerContext): void {
  const { v, mi, i, pred } = x;
  x.negated = isNegated(v, i, pred);
  x.modality = modalityOf(v, i, pred);
  let reporter = reportingAbove(x);
  if (reporter < 0) reporter = reportingChild(v, pred);
  x.reporter = reporter;
  if (reporter < 0) return;
  const rm = mi.forHeads(v, subjectOf(v, reporter).actor.tokens, false);
  if (rm.length) x.reportedBy = rm[0].id;
  x.rules.push(`reported:${v.lemma(reporter)}`);
}
