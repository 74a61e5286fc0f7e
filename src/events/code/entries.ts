/**
 * The pseudo-entries of triggers the lexicon does not list (a generic verb with subject and object, a reported
 * "must do", a telephone call, a want of another party), and the verbs that never code an event on their own.
 */
import type { LexEntry } from '../lexicon/index.js';

/** A verbal pseudo-entry: what the lexicon would hold for a trigger it does not list. */
function pseudoEntry(
  id: string,
  type: string,
  cameo: string,
  goldstein: number,
  text: string,
  more: Partial<LexEntry> = {},
): LexEntry {
  return { id, pos: 'v', words: [], cameo, type, mode: '', contexts: [], goldstein, block: false, text, ...more };
}

/** The pseudo-entry of a generic candidate: a verb with a subject and an object that the lexicon does not know. */
export const GENERIC = pseudoEntry('GEN', 'GENERIC', '', 0, '(verb with subject and object)');
/** "X said Y must/should do Z" with Z outside the lexicon: a demand by X on Y all the same (PLV and GSR train: 14 of 16
 * reported "must" clauses are REQUEST). */
export const MUST_DO = pseudoEntry('MUST', 'REQUEST', '100', -5, '(reported: Y must/should do X)');
/** "X called Y" with Y a named party and nothing predicated of Y: a telephone call (CAMEO 041), not "called Y a liar". */
export const PHONE_CALL = pseudoEntry('PHONE', 'CONSULT', '041', 1, '(call + named party as object)', {
  words: ['call'],
  mode: 'phone',
});
/** "X wants Y to do Z", "wants Y banned": X asks it of Y, whatever Z is (news-dev guidelines: a demand, REQUEST). */
export const WANT_DONE = pseudoEntry('WANT', 'REQUEST', '100', -5, '(X wants Y to do Z)');
/** Verbs whose subject wants another party to act. */
export const WANT_VERBS = new Set(['want', 'wish']);
/** Verbs that never code an event on their own (copulas, perception, possession, aspect). */
export const NON_EVENT_VERBS = new Set([
  'be',
  'have',
  'do',
  'get',
  'become',
  'seem',
  'appear',
  'remain',
  'see',
  'look',
  'know',
  'want',
  'need',
  'like',
  'include',
  'contain',
  'mean',
  'use',
  'go',
  'come',
  'put',
  'let',
  'find',
  'keep',
  'continue',
  'begin',
  'start',
  'try',
  'help',
  'feel',
  'hear',
  'live',
  'become',
  'involve',
  'consider',
  'describe',
  'call',
  'name',
  'cost',
  'own',
  'represent',
  'lead',
  'follow',
  'allow',
  'make',
  'take',
  'give',
]);

/** Verbs that move forces: in the passive ("peacekeepers were deployed") the forces moved are the acting side. */
export const DEPLOY_VERBS = new Set(['deploy', 'send', 'dispatch']);
