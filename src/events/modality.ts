/**
 * How sure the text is that an event happened: negation, modality (future,
 * intended, hypothetical, demanded), reported speech (who reports it) and
 * historical mentions of earlier events, read off the dependency tree.
 */
import type { Modality } from '../doc/index.js';
import { grammar } from './grammar.js';
import type { SentenceView } from './syntax.js';

/** True when token p has a negating dependent ("not", "never", "no talks"). */
function hasNegator(v: SentenceView, p: number): boolean {
  const g = grammar();
  // "not only … but also" is emphasis, not negation.
  const notOnly = (c: number): boolean => c + 1 < v.end && v.text(c + 1) === 'only';
  return v
    .children(p)
    .some(
      (c) =>
        (v.base(c) === 'advmod' || v.base(c) === 'neg' || v.base(c) === 'det' || v.base(c) === 'cc') &&
        g.negators.has(v.lemma(c)) &&
        !notOnly(c),
    );
}

/** Whether the event at trigger i (predicate p: i itself or the verb governing a nominal trigger) is negated. */
export function isNegated(v: SentenceView, i: number, p: number): boolean {
  if (hasNegator(v, i) || (p !== i && hasNegator(v, p))) return true;
  // "refused to withdraw", "failed to reach": the complement did not happen.
  const h = v.head(p);
  return v.rel(p) === 'xcomp' && h >= 0 && grammar().negating.has(v.lemma(h));
}

/** Modal cue on predicate p itself: its auxiliaries and conditional markers. */
function ownModality(v: SentenceView, p: number): Modality | null {
  const g = grammar();
  const aux = v.childrenBy(p, 'aux').map((c) => v.lemma(c));
  const texts = v.childrenBy(p, 'aux').map((c) => v.text(c));
  if (v.marks(p).some((m) => g.conditional.has(m))) return 'hypothetical';
  if (aux.some((a) => g.demandAux.has(a))) return aux.includes('have') ? 'hypothetical' : 'demanded';
  if (aux.some((a) => g.hypAux.has(a))) return 'hypothetical';
  if (aux.some((a) => g.futureAux.has(a)) || texts.some((a) => g.futureAux.has(a))) return 'future';
  // "is going to attack", "is about to restore".
  const h = v.head(p);
  if (
    v.rel(p) === 'xcomp' &&
    h >= 0 &&
    (v.lemma(h) === 'go' || v.lemma(h) === 'about') &&
    v.childrenBy(h, 'aux').length
  )
    return 'future';
  return null;
}

/**
 * Modality of the event whose predicate is p, climbing through control (xcomp),
 * complement (ccomp) and conjunction links; the closest cue wins.
 */
export function modalityOf(v: SentenceView, i: number, p: number): Modality {
  const g = grammar();
  if (i !== p || v.upos(i) === 'NOUN') {
    for (const c of v.childrenBy(i, 'amod')) {
      const l = v.lemma(c);
      if (l === 'planned' || l === 'proposed' || l === 'intended' || l === 'plan' || l === 'propose') return 'intended';
      if (g.futureAdj.has(l) || g.futureAdj.has(v.text(c))) return 'future';
    }
  }
  let cur = p;
  for (let depth = 0; cur >= 0 && depth < 8; depth++) {
    const own = ownModality(v, cur);
    if (own) return own;
    const h = v.head(cur);
    const rel = v.rel(cur);
    if (h < 0) break;
    const hl = v.lemma(h);
    if (rel === 'xcomp') {
      if (g.demand.has(hl) && v.childrenBy(h, 'obj').length) return 'demanded';
      if (g.intent.has(hl) || g.intentAdj.has(hl)) {
        // "is expected to", "be set to" keep the future reading.
        if (hl === 'expect' || hl === 'set' || hl === 'likely' || hl === 'poised') return 'future';
        if (hl === 'be' || hl === 'refuse' || hl === 'decline' || hl === 'fail') {
          cur = h;
          continue;
        }
        return 'intended';
      }
      if (g.demand.has(hl)) return 'demanded';
    } else if (rel === 'ccomp') {
      if (g.demand.has(hl)) return 'demanded';
      // Reported speech keeps the reported clause's own tense; stop at the reporting verb.
      if (g.reporting.has(hl)) break;
    } else if (rel === 'conj') {
      // Shared auxiliaries reach conjoined predicates that have no subject of their own.
      if (v.childrenBy(cur, 'nsubj').length) break;
    } else if (v.base(cur) === 'advcl') {
      if (v.marks(cur).some((m) => g.conditional.has(m))) return 'hypothetical';
      if (v.marks(cur).includes('to')) return 'intended';
      break;
    } else if (v.base(cur) === 'acl') {
      if (v.marks(cur).includes('to')) return 'intended';
      break;
    } else break;
    cur = h;
  }
  return 'happened';
}

/** The reporting verb whose complement holds predicate p ("X said Y would …"), or -1. */
export function reportingVerb(v: SentenceView, p: number): number {
  const g = grammar();
  let cur = p;
  for (let depth = 0; cur >= 0 && depth < 8; depth++) {
    const h = v.head(cur);
    if (h < 0) return -1;
    const rel = v.base(cur);
    if ((rel === 'ccomp' || rel === 'parataxis') && g.reporting.has(v.lemma(h))) return h;
    // "..., Hollande said." makes the reporting verb the child: a parataxis with the reporter.
    if (!['xcomp', 'conj', 'ccomp', 'advcl', 'parataxis'].includes(rel)) return -1;
    cur = h;
  }
  return -1;
}

/** A reporting verb attached below the main predicate ("The talks failed, he said."), or -1. */
export function reportingChild(v: SentenceView, p: number): number {
  const g = grammar();
  let root = p;
  while (v.head(root) >= 0 && ['xcomp', 'conj', 'ccomp'].includes(v.base(root))) root = v.head(root);
  for (const c of v.children(root)) if (v.base(c) === 'parataxis' && g.reporting.has(v.lemma(c))) return c;
  return -1;
}

/**
 * Whether a nominal trigger refers back to an earlier event ("the November 13
 * attacks", "over the downing of a jet") rather than reporting a new one: a definite
 * noun not carried by a light verb ("held talks", "launched strikes").
 */
export function isHistoricalNoun(v: SentenceView, n: number, gov: number, light: boolean): boolean {
  const g = grammar();
  if (light) return false;
  const definite = v
    .children(n)
    .some(
      (c) =>
        (v.base(c) === 'det' && g.histDet.has(v.lemma(c))) ||
        v.rel(c) === 'nmod:poss' ||
        (v.base(c) === 'amod' && g.histDet.has(v.lemma(c))),
    );
  if (!definite) return false;
  // The object of a verb is what that verb reports now ("repeated his support", "suspend its exercises"), not a
  // back-reference to an earlier event.
  if (v.base(n) === 'obj' && gov >= 0 && v.upos(gov) === 'VERB') return false;
  // The subject of a copula or main clause about the event ("the downing was regrettable") is a back-reference too.
  return gov >= 0 || v.base(n) === 'nsubj' || v.base(n) === 'root';
}
