/**
 * The pseudo-entries of triggers the lexicon does not list (a generic verb with subject and object, a reported
 * "must do", a telephone call), and the verbs that never code an event on their own.
 */
import type { LexEntry } from '../lexicon/index.js';

/** The pseudo-entry of a generic candidate: a verb with a subject and an object that the lexicon does not know. */
export const GENERIC: LexEntry = {
  id: 'GEN',
  pos: 'v',
  words: [],
  cameo: '',
  type: 'GENERIC',
  mode: '',
  contexts: [],
  goldstein: 0,
  block: false,
  text: '(verb with subject and object)',
};
/** "X said Y must/should do Z" with Z outside the lexicon: a demand by X on Y all the same (PLV and GSR train: 14 of 16
 * reported "must" clauses are REQUEST). */
export const MUST_DO: LexEntry = {
  id: 'MUST',
  pos: 'v',
  words: [],
  cameo: '100',
  type: 'REQUEST',
  mode: '',
  contexts: [],
  goldstein: -5,
  block: false,
  text: '(reported: Y must/should do X)',
};
/** "X called Y" with Y a named party and nothing predicated of Y: a telephone call (CAMEO 041), not "called Y a liar". */
export const PHONE_CALL: LexEntry = {
  id: 'PHONE',
  pos: 'v',
  words: ['call'],
  cameo: '041',
  type: 'CONSULT',
  mode: 'phone',
  contexts: [],
  goldstein: 1,
  block: false,
  text: '(call + named party as object)',
};
/** "X wants Y to do Z", "wants Y banned": X asks it of Y, whatever Z is (news-dev guidelines: a demand, REQUEST). */
export const WANT_DONE: LexEntry = {
  id: 'WANT',
  pos: 'v',
  words: [],
  cameo: '100',
  type: 'REQUEST',
  mode: '',
  contexts: [],
  goldstein: -5,
  block: false,
  text: '(X wants Y to do Z)',
};
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
