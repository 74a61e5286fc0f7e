/**
 * The date phase: the date expression attached to the trigger (or the verb carrying a nominal trigger), else the
 * document date; whether the event is historical (an explicit date a week or more before the document, a definite
 * nominal back-reference, or a relative clause about an earlier historical event).
 */
import type { EventRecord } from '../../doc/index.js';
import { daysBetween, type DateExpr } from '../dates.js';
import { isHistoricalNoun } from '../modality.js';
import type { SentenceView } from '../syntax.js';
import type { TriggerContext } from './context.js';

/** An explicit date this many days or more before the document date makes the event historical (seed page: a 13-day-old attack). */
const HISTORICAL_DAYS = 7;

/** For each date expression, the predicate or trigger it attaches to. */
export function dateAnchors(v: SentenceView, dates: DateExpr[], isTrigger: (i: number) => boolean): number[] {
  const t = v.t;
  return dates.map((d) => {
    const toks: number[] = [];
    for (let i = v.start; i < v.end; i++) if (t.start[i] < d.end && t.end[i] > d.start) toks.push(i);
    if (!toks.length) return -1;
    // The expression's own head: the token whose head lies outside the expression.
    let h = toks.find((i) => !toks.includes(v.head(i))) ?? toks[0];
    if (isTrigger(h)) return h;
    for (let depth = 0; depth < 6; depth++) {
      const up = v.head(h);
      if (up < 0) return h;
      h = up;
      if (isTrigger(h) || v.upos(h) === 'VERB' || v.upos(h) === 'ADJ' || v.base(h) === 'root') return h;
    }
    return h;
  });
}

/** The first date expression anchored at one of `targets`, or null. */
function dateFor(dates: DateExpr[], anchors: number[], targets: number[]): DateExpr | null {
  for (let k = 0; k < dates.length; k++) if (targets.includes(anchors[k])) return dates[k];
  return null;
}

/** "the November 13 attacks, in which 130 people were killed": the earlier event a relative clause is about. */
function aboutEvent(x: TriggerContext): EventRecord | undefined {
  const { v, pred } = x;
  if (v.rel(pred) !== 'acl:relcl') return undefined;
  // The clause may hang on the event noun or on a phrase inside it ("the attacks in Paris, in which …").
  const h = v.head(pred);
  return x.s.records.get(h) ?? (v.base(h) === 'nmod' ? x.s.records.get(v.head(h)) : undefined);
}

/** Fill date, dateSpan and historical of x. */
export function readDate(x: TriggerContext): void {
  const { v, i, pred } = x;
  const { dates, anchors, docDate } = x.s;
  const d = dateFor(dates, anchors, pred !== i ? [i, pred] : [i]);
  x.historical = x.isNoun && isHistoricalNoun(v, i, v.head(i), x.light);
  const about = aboutEvent(x);
  if (about?.historical && !d) {
    x.historical = true;
    x.date = about.date;
    if (about.dateSpan) x.dateSpan = about.dateSpan;
    x.rules.push('historical:relative-clause');
  } else if (d) {
    x.date = d.iso;
    x.dateSpan = { start: d.start, end: d.end };
    if (docDate && daysBetween(d.iso, docDate) >= HISTORICAL_DAYS) x.historical = true;
    x.rules.push(d.relative ? 'date:relative' : 'date:explicit');
  } else if (!x.historical) {
    x.date = docDate;
    if (docDate) x.rules.push('date:document');
  }
  if (x.historical && !about?.historical) x.rules.push('historical');
}
