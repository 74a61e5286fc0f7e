/**
 * Events stage: PLOVER events with modes, contexts and CAMEO codes, coded from
 * the dependency parse with the event lexicon, then re-scored by the learned
 * model when its weights are present. Also re-exports the ontology.
 */
import type { Doc } from '../doc/index.js';
import type { Stage } from '../pipeline/index.js';
import { codeCandidates, type Candidate } from './coder.js';
import { loadModel, rescore } from './model.js';
import { applyGate, type Rejected } from './gate.js';
import { stanceCandidates } from './stance.js';

export * from './ontology/index.js';
export { findDates } from './dates.js';

/** Options for the events stage. */
export interface EventsOptions {
  /** Use the learned re-scorer when its weights exist (default true). */
  model?: boolean;
  /** Apply the event gate (hard gates and the learned confidence threshold; default true). */
  gate?: boolean;
  /** Propose stance candidates (reported criticism and praise, stance.ts; default true). */
  stance?: boolean;
  /** Emit events at or above this confidence (default: the gate's documented threshold). */
  minConfidence?: number;
}

const meets = (a: string[], b: string[]): boolean => !a.length || !b.length || a.some((x) => b.includes(x));

/**
 * One event per fact: in a sentence, events of the same type whose actors and
 * recipients agree (or are missing on one side) are one event told twice
 * ("is willing to withdraw", "met for talks"); keep the more confident one.
 */
function dedupe(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const r = c.record;
    const twin = out.findIndex(
      (o) =>
        o.record.sentence === r.sentence &&
        o.record.type === r.type &&
        o.record.negated === r.negated &&
        o.record.historical === r.historical &&
        o.record.date === r.date &&
        meets(o.record.actor, r.actor) &&
        meets(o.record.recipient, r.recipient) &&
        // The same fact told twice shares a party; two events that merely lack parties are not one.
        [...o.record.actor, ...o.record.recipient].some((x) => r.actor.includes(x) || r.recipient.includes(x)),
    );
    if (twin < 0) out.push(c);
    else {
      const o = out[twin].record;
      const keep = r.confidence > o.confidence ? c : out[twin];
      const drop = keep === c ? out[twin] : c;
      const k = keep.record;
      const d = drop.record;
      for (const a of d.actor) if (!k.actor.includes(a)) k.actor.push(a);
      for (const a of d.recipient) if (!k.recipient.includes(a) && !k.actor.includes(a)) k.recipient.push(a);
      if (!k.actorSpans?.length && d.actorSpans?.length) k.actorSpans = d.actorSpans;
      if (!k.recipientSpans?.length && d.recipientSpans?.length) k.recipientSpans = d.recipientSpans;
      k.decidedBy.push(`rule:merged-duplicate "${c.view.doc.text.slice(d.trigger.start, d.trigger.end)}"`);
      out[twin] = keep;
    }
  }
  return out;
}

/** Merge `extra` into `base` after the candidates of the same sentence, keeping both orders. */
function bySentence(base: Candidate[], extra: Candidate[]): Candidate[] {
  if (!extra.length) return base;
  const out: Candidate[] = [];
  let k = 0;
  for (const c of base) {
    while (k < extra.length && extra[k].record.sentence < c.record.sentence) out.push(extra[k++]);
    out.push(c);
  }
  return out.concat(extra.slice(k));
}

/** The candidates of a parsed Doc before the gate: rule coding, re-scoring, one event per fact. */
export function eventCandidates(doc: Doc, opts: EventsOptions = {}): Candidate[] {
  const useModel = opts.model !== false && loadModel() !== null;
  // Generic (lexicon-free) candidates exist only for the model to type; without it they are not produced.
  const cands = codeCandidates(doc, useModel);
  const coded = useModel ? rescore(cands) : cands;
  // Reported evaluations with no event word: proposed after the lexicon's candidates, never on their predicates.
  const stance = opts.stance === false ? [] : stanceCandidates(doc, cands);
  return dedupe(bySentence(coded, stance));
}

/** Code and gate the events of a parsed Doc; also returns the candidates the gate rejected, with reasons. */
export function codeAndGate(
  doc: Doc,
  opts: EventsOptions = {},
): { events: NonNullable<Doc['layers']['events']>; rejected: Rejected[] } {
  const cands = eventCandidates(doc, opts);
  const { kept, rejected } =
    opts.gate === false
      ? { kept: cands, rejected: [] }
      : applyGate(doc, cands, { ...opts, learned: opts.model !== false });
  return { events: kept.map((c, k) => ({ ...c.record, id: `v${k}` })), rejected };
}

/** Code the events of a parsed Doc (tokens, sentences, mentions) and return them with ids v0, v1, … */
export function codeEvents(doc: Doc, opts: EventsOptions = {}): NonNullable<Doc['layers']['events']> {
  return codeAndGate(doc, opts).events;
}

/** The events stage: assigns events. Reads quotes when present to mark reported events. */
export function eventsStage(opts: EventsOptions = {}): Stage {
  return {
    name: 'events.lexdep.v1',
    requires: ['tokens', 'sentences', 'mentions'],
    assigns: ['events'],
    run(doc: Doc) {
      doc.layers.events = codeEvents(doc, opts);
    },
  };
}
