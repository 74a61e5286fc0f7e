/**
 * The record phase: whether a coded trigger says enough to keep, and the EventRecord built from its context — the
 * trigger span over the pattern's words, arguments as mention ids and phrase spans, date, place, speech, a
 * provisional confidence from the pattern's specificity, and `decidedBy` (the entry, then every rule in order).
 */
import type { EventRecord, Span } from '../../doc/index.js';
import { phraseSpan } from '../args.js';
import { goldstein, intensity, quadOf } from '../ontology/index.js';
import type { TriggerContext } from './context.js';
import { GENERIC } from './entries.js';

/** Base confidence of a lexicon match, plus a step per unit of pattern specificity (uncalibrated; the model rescales). */
const BASE_CONFIDENCE = 0.45;
const SPECIFICITY_STEP = 0.1;

/** The recipient's mentions that are not also the actor's (reciprocal events keep everyone as actor). */
function recipientIds(x: TriggerContext): string[] {
  return x.recipient.mentions.filter((m) => !x.actor.mentions.includes(m)).map((m) => m.id);
}

/**
 * Whether x is worth a record: an event with no participant, place or date of its own says too little ("the
 * requested content"); a generic candidate needs both sides and a mention on one.
 */
export function worthRecording(x: TriggerContext): boolean {
  const hasActor = x.actor.pick.tokens.length > 0;
  const hasRecipient = x.recipient.pick.tokens.length > 0;
  if (!hasActor && !hasRecipient && !x.place && !x.dateSpan) return false;
  if (x.e.id !== GENERIC.id) return true;
  return hasActor && hasRecipient && x.actor.mentions.length + recipientIds(x).length > 0;
}

/** The trigger span: it covers the words of the pattern ("hunger strike", "lashed out", "imposed sanctions"). */
function triggerSpan(x: TriggerContext): Span {
  const { v, i, m, isNoun } = x;
  return {
    start: v.t.start[isNoun && m.consumed.length ? Math.min(i, ...m.consumed) : i],
    end: v.t.end[m.consumed.length && !isNoun ? Math.max(i, ...m.consumed.filter((c) => c - i < 4)) : i],
  };
}

/** The `decidedBy` trace: the entry (or the generic verb), then the rules in the order they decided. */
function trace(x: TriggerContext): string[] {
  const e = x.e;
  return [
    e.id === GENERIC.id
      ? `candidate:generic verb "${x.v.lemma(x.i)}"`
      : `lex:${e.id} ${e.pos}:"${e.text}" → ${e.cameo} ${e.type}${e.mode ? '/' + e.mode : ''}`,
    ...x.rules.map((r) => `rule:${r}`),
  ];
}

/** The EventRecord of x (id unassigned). */
export function buildRecord(x: TriggerContext): EventRecord {
  const { v, actor, recipient } = x;
  const contexts = [...new Set([...x.e.contexts, ...x.s.contexts])];
  const confidence = Math.min(
    0.95,
    BASE_CONFIDENCE + SPECIFICITY_STEP * x.m.specificity - (actor.mentions.length ? 0 : 0.1),
  );
  return {
    id: '',
    sentence: x.s.si,
    trigger: triggerSpan(x),
    type: x.type,
    mode: x.mode,
    contexts,
    cameo: x.cameo,
    quad: quadOf(x.type),
    goldstein: x.cameo ? goldstein(x.cameo) : intensity(x.type, x.mode),
    actor: actor.mentions.map((m) => m.id),
    recipient: recipientIds(x),
    actorSpans: actor.pick.tokens.map((t) => phraseSpan(v, t)),
    recipientSpans: recipient.pick.tokens.map((t) => phraseSpan(v, t)),
    date: x.date,
    ...(x.dateSpan ? { dateSpan: x.dateSpan } : {}),
    ...(x.place ? { place: x.place } : {}),
    negated: x.negated,
    modality: x.modality,
    historical: x.historical,
    decidedBy: trace(x),
    confidence: Math.round(confidence * 100) / 100,
    ...(x.reportedBy ? { reportedBy: x.reportedBy } : {}),
  };
}
