/**
 * The learned component (placeholder until weights are trained): re-scores rule
 * candidates. Without weights it keeps every candidate as the rules coded it.
 */
import type { Candidate } from './coder.js';

/** Re-score candidates with the learned model when available; drops rejected triggers. */
export function rescore(cands: Candidate[]): Candidate[] {
  return cands;
}
