/**
 * Trigger finding, the first phase of the sentence coder: lexicon matches (a pattern's extra words are consumed and
 * trigger nothing themselves), then the candidates the lexicon does not list — generic verbs with a subject and an
 * object (for the learned model), telephone calls ("called Y"), reported demands ("said Y must do Z") and wants of
 * another party ("X wants Y to do Z").
 */
import { subjectOf } from '../args.js';
import type { Grammar } from '../grammar.js';
import { matchToken, type LexMatch } from '../lexicon/index.js';
import type { MentionIndex } from '../mentions.js';
import { isNegated, reportingVerb } from '../modality.js';
import type { SentenceView } from '../syntax.js';
import { GENERIC, MUST_DO, NON_EVENT_VERBS, PHONE_CALL, WANT_DONE, WANT_VERBS } from './entries.js';

/** Finite verb tags (PTB): a verb with one of these is a predicate whatever the parser attached it as. */
const FINITE = new Set(['VBD', 'VBZ', 'VBP']);
const NOMINAL = new Set(['NOUN', 'PROPN']);

/** The triggers of a sentence: token → match, and the tokens a longer pattern consumed (token → its trigger). */
export interface Triggers {
  matches: Map<number, LexMatch>;
  consumedBy: Map<number, number>;
}

/** Every trigger of the sentence; `generic` adds verbs the lexicon does not know. */
export function findTriggers(v: SentenceView, mi: MentionIndex, g: Grammar, generic: boolean): Triggers {
  const t = lexiconTriggers(v);
  if (v.parsed && generic) genericTriggers(v, g, t);
  if (v.parsed) {
    phoneCallTriggers(v, mi, t);
    mustDoTriggers(v, g, t);
    wantDoneTriggers(v, mi, t);
  }
  return t;
}

/** Lexicon matches, minus the tokens a longer pattern consumed. */
export function lexiconTriggers(v: SentenceView): Triggers {
  const matches = new Map<number, LexMatch>();
  for (let i = v.start; i < v.end; i++) {
    // Participles used as adjectives ("the requested content") are descriptions, not events;
    // a finite verb the parser attached as a modifier ("X attacked Y" misread) still counts.
    // (A verb "modifier" right after a noun is a predicate the parser missed: "Khomeini today rejected …".)
    if (v.base(i) === 'amod' && !FINITE.has(v.t.xpos[i]) && !(i > v.start && NOMINAL.has(v.upos(i - 1)))) continue;
    const m = matchToken(v, i);
    if (m) matches.set(i, m);
  }
  const consumedBy = new Map<number, number>();
  for (const [i, m] of matches) for (const c of m.consumed) if (c !== i) consumedBy.set(c, i);
  for (const c of consumedBy.keys()) matches.delete(c);
  return { matches, consumedBy };
}

/** Whether token i is still free: neither a trigger nor consumed by one. */
const free = (t: Triggers, i: number): boolean => !t.matches.has(i) && !t.consumedBy.has(i);

/** Verbs the lexicon does not know, with a subject and an object: generic candidates for the model to type or reject. */
export function genericTriggers(v: SentenceView, g: Grammar, t: Triggers): void {
  for (let i = v.start; i < v.end; i++) {
    if (!free(t, i) || !v.isVerb(i) || v.base(i) === 'amod') continue;
    const l = v.lemma(i);
    if (g.reporting.has(l) || g.light.has(l) || NON_EVENT_VERBS.has(l)) continue;
    const subj = v.children(i).some((c) => v.base(c) === 'nsubj') || subjectOf(v, i).actor.tokens.length > 0;
    const obj = v
      .children(i)
      .some(
        (c) =>
          v.rel(c) === 'obj' ||
          v.rel(c) === 'iobj' ||
          (v.base(c) === 'obl' && v.marks(c).some((mk) => g.recipientPreps.includes(mk))),
      );
    if (subj && obj) t.matches.set(i, { entry: { ...GENERIC, words: [l] }, specificity: 0, consumed: [] });
  }
}

/** "X called Y" with Y one named party and nothing predicated of Y: a telephone call. */
export function phoneCallTriggers(v: SentenceView, mi: MentionIndex, t: Triggers): void {
  for (let i = v.start; i < v.end; i++) {
    if (!free(t, i) || v.lemma(i) !== 'call' || !v.isVerb(i)) continue;
    if (isPhoneCall(v, mi, i)) t.matches.set(i, { entry: PHONE_CALL, specificity: 0, consumed: [] });
  }
}

/** Whether the verb "call" at i takes a named party as its only argument. */
function isPhoneCall(v: SentenceView, mi: MentionIndex, i: number): boolean {
  // A name the parser labelled xcomp ("called Foreign Minister Lavrov to discuss") is the object.
  let objs = v.childrenBy(i, 'obj');
  if (!objs.length) objs = v.childrenBy(i, 'xcomp').filter((c) => v.upos(c) === 'PROPN');
  // "called him a liar" predicates something of the object; "called him to discuss" is a purpose clause; a
  // word of the object's own name the parser split off ("Sahle Work Zawde") predicates nothing.
  const named = objs.length ? mi.at(objs[0]) : [];
  const inName = (c: number): boolean => named.some((m) => m.start <= v.t.start[c] && v.t.end[c] <= m.end);
  const predicated = v
    .children(i)
    .some(
      (c) =>
        !objs.includes(c) &&
        !inName(c) &&
        ['xcomp', 'ccomp', 'iobj'].includes(v.base(c)) &&
        !(v.isVerb(c) && v.marks(c).includes('to')),
    );
  if (objs.length !== 1 || predicated) return false;
  if (v.children(objs[0]).some((c) => ['acl', 'amod', 'nmod'].includes(v.base(c)) && v.isVerb(c))) return false;
  const party = mi.at(objs[0]).some((m) => m.kind !== 'pronoun' && m.sector !== 'UNK' && !!m.sector);
  return party && v.upos(objs[0]) === 'PROPN';
}

/** A reported, unnegated "Y must/should do Z" with a subject, whatever Z is: a demand. */
export function mustDoTriggers(v: SentenceView, g: Grammar, t: Triggers): void {
  for (let i = v.start; i < v.end; i++) {
    if (!free(t, i) || !v.isVerb(i)) continue;
    const aux = v.childrenBy(i, 'aux').map((c) => v.lemma(c));
    if (!aux.some((a) => g.demandAux.has(a)) || aux.includes('have') || g.reporting.has(v.lemma(i))) continue;
    if (!v.childrenBy(i, 'nsubj').length || reportingVerb(v, i) < 0 || isNegated(v, i, i)) continue;
    t.matches.set(i, { entry: { ...MUST_DO, words: [v.lemma(i)] }, specificity: 0, consumed: [] });
  }
}

/**
 * "X wants Y to do Z" (Y the object, Z its complement) and "wants Y banned" (a complement with its own subject Y): X
 * wants another named party to act — a demand, whatever Z is. "X wants to do Z" (X's own plan) is not one.
 */
export function wantDoneTriggers(v: SentenceView, mi: MentionIndex, t: Triggers): void {
  const party = (k: number): boolean => mi.at(k).some((m) => m.kind !== 'pronoun' && (!!m.country || !!m.sector));
  for (let i = v.start; i < v.end; i++) {
    if (!free(t, i) || !v.isVerb(i) || !WANT_VERBS.has(v.lemma(i)) || !v.childrenBy(i, 'nsubj').length) continue;
    const clauses = v.childrenBy(i, 'xcomp', 'ccomp', 'acl').filter((c) => v.isVerb(c));
    if (!clauses.length) continue;
    const obj = v.childrenBy(i, 'obj').some(party);
    // (childrenBy matches the base relation: "nsubj" takes "nsubj:pass" too.)
    const ownSubject = clauses.some((c) => v.childrenBy(c, 'nsubj').some(party));
    if (obj || ownSubject)
      t.matches.set(i, { entry: { ...WANT_DONE, words: [v.lemma(i)] }, specificity: 0, consumed: [] });
  }
}
