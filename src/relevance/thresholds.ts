/**
 * Decision thresholds on the calibrated relevance probabilities. Chosen on the dev split
 * (never test) by `npm run eval:relevance`; see docs/relevance.md for the run they come from.
 */

/** A sentence at or above this probability is taken to carry political event content. */
export const SENTENCE_THRESHOLD = 0.5;

/** A document at or above this probability is political; below it, it should yield no events. */
export const DOC_THRESHOLD = 0.5;
