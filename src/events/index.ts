/**
 * Events stage: PLOVER events with modes, contexts and CAMEO codes, coded from
 * the dependency parse with the event lexicon, then re-scored by the learned
 * model when its weights are present. Also re-exports the ontology.
 */
import type { Doc } from '../doc/index.js';
import type { Stage } from '../pipeline/index.js';
import { codeCandidates } from './coder.js';
import { rescore } from './model.js';

export * from './ontology/index.js';
export { findDates } from './dates.js';

/** Options for the events stage. */
export interface EventsOptions {
  /** Use the learned re-scorer when its weights exist (default true). */
  model?: boolean;
}

/** Code the events of a parsed Doc (tokens, sentences, mentions) and return them with ids v0, v1, … */
export function codeEvents(doc: Doc, opts: EventsOptions = {}): NonNullable<Doc['layers']['events']> {
  const cands = codeCandidates(doc);
  const kept = opts.model === false ? cands : rescore(cands);
  return kept.map((c, k) => ({ ...c.record, id: `v${k}` }));
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
