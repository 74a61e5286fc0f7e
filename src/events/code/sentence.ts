/**
 * The sentence coder: finds the triggers of one sentence, then codes each, in text order, through named phases —
 * arguments (slots, then ordered repairs) → speech (negation, modality, reporter) → date → place → keep? → reading
 * (type, mode, CAMEO) → record.
 */
import type { Doc } from '../../doc/index.js';
import type { Candidate } from '../coder.js';
import { findDates } from '../dates.js';
import { grammar } from '../grammar.js';
import type { MentionIndex } from '../mentions.js';
import { SentenceView } from '../syntax.js';
import { readArguments } from './arguments.js';
import { triggerContext, type SentenceContext } from './context.js';
import { dateAnchors, readDate } from './date.js';
import { readPlace } from './place.js';
import { readType } from './reading.js';
import { buildRecord, worthRecording } from './record.js';
import { readSpeech } from './speech.js';
import { findTriggers } from './triggers.js';

/** The sentence's context: its triggers, dates and context cues; null when it has no trigger. */
export function sentenceContext(
  doc: Doc,
  si: number,
  mi: MentionIndex,
  docDate: string | null,
  generic: boolean,
): SentenceContext | null {
  const v = new SentenceView(doc, si);
  const g = grammar();
  const { matches } = findTriggers(v, mi, g, generic);
  if (!matches.size) return null;
  const s = doc.layers.sentences![si];
  const sentText = doc.text.slice(s.start, s.end);
  const dates = findDates(sentText, s.start, docDate);
  return {
    doc,
    si,
    v,
    mi,
    g,
    parsed: v.parsed,
    docDate,
    matches,
    dates,
    anchors: dateAnchors(v, dates, (i) => matches.has(i)),
    contexts: g.contextCues.filter(([, re]) => re.test(sentText)).map(([c]) => c),
    records: new Map(),
  };
}

/** Code the events of one sentence, appending its candidates to `out`. */
export function codeSentence(
  doc: Doc,
  si: number,
  mi: MentionIndex,
  docDate: string | null,
  out: Candidate[],
  generic: boolean,
): void {
  const s = sentenceContext(doc, si, mi, docDate, generic);
  if (!s) return;
  for (const [i, m] of [...s.matches].sort((a, b) => a[0] - b[0])) {
    const x = triggerContext(s, i, m);
    readArguments(x);
    readSpeech(x);
    readDate(x);
    readPlace(x);
    if (!worthRecording(x)) continue;
    readType(x);
    const record = buildRecord(x);
    s.records.set(i, record);
    out.push({ record, match: m, view: s.v, trigger: i, pred: x.pred });
  }
}
