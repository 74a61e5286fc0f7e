/**
 * Arguments of a nominal trigger ("the talks", "its condemnation of X"): the governor it speaks through (a light
 * verb, a verb of the entry's own, an experiencer verb "faces criticism"), then actor candidates from the noun
 * itself, its governor's subject, or the clause around it, and recipients from the noun (and a light verb).
 */
import { nounActorCandidates, recipientCandidates, subjectOf, type ArgPick } from '../args.js';
import type { SentenceView } from '../syntax.js';
import { choose, type TriggerContext } from './context.js';

/** Event types whose "for/in" nominal complement is an event of the same actor (PLV train review: mobilising, fighting, aiding). */
const SAME_ACTOR_TYPES = new Set(['ASSAULT', 'MOBILIZE', 'AID', 'COOPERATE', 'PROTEST']);
/** Event types of verbs that react to the event named by their object rather than carry it out. */
const REACTIVE_TYPES = new Set(['REJECT', 'ACCUSE', 'REQUEST']);
/** Verbs whose subject undergoes the nominal event they take ("faces criticism", "came under attack"). */
const EXPERIENCER_VERBS = new Set([
  'face',
  'receive',
  'draw',
  'suffer',
  'endure',
  'undergo',
  'attract',
  'incur',
  'meet',
  'sustain',
  'weather',
  'survive',
]);
/** Prepositions of a nominal event that times another ("after talks with Putin"). */
const TIMING_PREPS = ['after', 'during', 'following'];

/** Where a nominal trigger hangs: the noun standing for it, the token it speaks through, and its governor. */
export interface NounGovernor {
  /** The first conjunct's noun (or the anchor), whose governor the trigger shares. */
  n0: number;
  /** The trigger, or the noun it modifies as a compound ("a mediation effort"). */
  anchor: number;
  gov: number;
  govRel: string;
  /** The governor is a verb or adjective taking n0 as an argument. */
  governed: boolean;
  /** The governor is a light verb (or one the entry names, or a timing "after/during" phrase). */
  light: boolean;
}

/** The governor of the nominal trigger of x. */
export function nounGovernor(x: TriggerContext): NounGovernor {
  const { v, i, e } = x;
  // "its rejection and strong condemnation of X": a conjoined noun shares its first conjunct's governor.
  let n0 = i;
  while (v.rel(n0) === 'conj' && v.head(n0) >= 0 && !v.isVerb(v.head(n0))) n0 = v.head(n0);
  // "launched a mediation effort between X and Y": a trigger modifying a noun speaks through that noun.
  const anchor = v.base(i) === 'compound' && v.head(i) > i && v.upos(v.head(i)) === 'NOUN' ? v.head(i) : i;
  if (anchor !== i) n0 = anchor;
  const gov = v.head(n0);
  const govRel = v.base(n0);
  const governed =
    gov >= 0 && (v.isVerb(gov) || v.upos(gov) === 'ADJ') && ['obj', 'nsubj', 'obl', 'xcomp', 'nmod'].includes(govRel);
  const light =
    governed &&
    (x.s.g.light.has(v.lemma(gov)) ||
      (e.govs?.includes(v.lemma(gov)) ?? false) ||
      (govRel === 'obl' && TIMING_PREPS.some((p) => v.marks(n0).includes(p))));
  return { n0, anchor, gov, govRel, governed, light };
}

/** Fill actor, recipient, pred and light for a nominal trigger. */
export function nounArguments(x: TriggerContext): void {
  const { v, mi, i, e } = x;
  const gv = nounGovernor(x);
  x.light = gv.light;
  const cands: ArgPick[] = [...nounActorCandidates(v, gv.anchor, e.type, (t) => mi.at(t).length > 0)];
  const rc = governorArguments(x, gv, cands);
  if (!gv.governed && TIMING_PREPS.some((p) => v.marks(gv.n0).includes(p))) {
    // "said Thursday after talks with Putin", with the phrase misattached to a noun: climb to the verb.
    const h = verbAbove(v, gv.gov, 2);
    if (h >= 0) pushSubject(v, h, 'after', cands);
  }
  if (!cands.length && gv.govRel !== 'nsubj') clauseActor(x, gv, cands);
  x.actor = choose(v, mi, cands);
  rc.push(...recipientCandidates(v, gv.anchor, e.type, x.consumed, true));
  if (gv.light) rc.push(...recipientCandidates(v, gv.gov, e.type, new Set([i, gv.anchor]), true));
  x.recipient = choose(
    v,
    mi,
    rc.filter((r) => !r.tokens.some((t) => x.actor.pick.tokens.includes(t))),
  );
}

/**
 * The governing verb's part: an experiencer's subject is acted on (recipient candidates returned); a light or
 * carrying verb's subject acts (pushed to `cands`). Either makes the governor the predicate.
 */
function governorArguments(x: TriggerContext, gv: NounGovernor, cands: ArgPick[]): ArgPick[] {
  const { v } = x;
  const { gov, govRel, governed } = gv;
  const rc: ArgPick[] = [];
  // "X faces criticism from Y", "X came under attack": the governor's subject is acted on.
  if (governed && govRel === 'obj' && EXPERIENCER_VERBS.has(v.lemma(gov))) {
    x.pred = gov;
    const sub = subjectOf(v, gov);
    if (sub.actor.tokens.length)
      rc.push({ tokens: sub.actor.tokens, rule: `experiencer(${v.lemma(gov)}):${sub.actor.rule}` });
  } else if (
    governed &&
    (gv.light || (govRel === 'obj' && !REACTIVE_TYPES.has(x.s.matches.get(gov)?.entry.type ?? '')))
  ) {
    // (Not when the governing verb reacts to the event: who "rejected appeals" or "condemned the attack" did not
    // appeal or attack; who "supported economic assistance" does assist.)
    x.pred = gov;
    if (govRel !== 'nsubj') pushSubject(v, gov, 'gov', cands);
  }
  return rc;
}

/** A nominal event in a clause: the clause's subject, or the subject of a same-side action done "for/in" it. */
function clauseActor(x: TriggerContext, gv: NounGovernor, cands: ArgPick[]): void {
  const { v } = x;
  const matches = x.s.matches;
  // A nominal event in a clause whose verb is no event itself ("declared a unilateral ceasefire" misparsed):
  // the clause's subject is the likeliest actor.
  const top = climb(v, gv.gov, 3);
  if (top >= 0 && v.isVerb(top) && !matches.has(top)) pushSubject(v, top, 'clause', cands);
  else if (
    top === gv.gov &&
    matches.has(top) &&
    SAME_ACTOR_TYPES.has(matches.get(top)!.entry.type) &&
    v.marks(gv.n0).some((mk) => mk === 'for' || mk === 'in')
  ) {
    // "mobilized troops for the Gulf War", "killed 48 people in two attacks": an action done for or in a nominal
    // event is done by the same side (not so for arrests or accusations, whose "for" names the other side's act).
    pushSubject(v, top, 'same-actor', cands);
  }
}

/** Climb from h through at most `steps` heads while not at a verb; the token reached (-1 past the root). */
function climb(v: SentenceView, h: number, steps: number): number {
  for (let k = 0; k < steps && h >= 0 && !v.isVerb(h); k++) h = v.head(h);
  return h;
}

/** The verb reached by climbing from h (see climb), or -1. */
function verbAbove(v: SentenceView, h: number, steps: number): number {
  const up = climb(v, h, steps);
  return up >= 0 && v.isVerb(up) ? up : -1;
}

/** Push the subject of verb h as an actor candidate, its rule `tag(lemma):subject rule`. */
function pushSubject(v: SentenceView, h: number, tag: string, cands: ArgPick[]): void {
  const sub = subjectOf(v, h);
  if (sub.actor.tokens.length)
    cands.push({ tokens: sub.actor.tokens, rule: `${tag}(${v.lemma(h)}):${sub.actor.rule}` });
}
