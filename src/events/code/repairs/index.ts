/**
 * Argument repairs: an ordered list of named rules, each a class of cases the argument slots get wrong, tried in turn
 * on every trigger after its arguments are read. A rule changes the actor or recipient of the context or leaves
 * them; the order is part of the rules (a later rule sees what an earlier one chose).
 */
import type { TriggerContext } from '../context.js';
import { blamedSubject, linearNoun, movedForces, pronounReporter } from './actor.js';
import { partyInClause, placeAsParty, placePhraseTarget } from './party.js';
import { pairReference } from './pair.js';
import { complementSubject, deepMarkedPhrase, xcompRecipient } from './recipient.js';

/** A repair rule: changes the actor or recipient of x when its case applies. */
export interface Repair {
  name: string;
  apply(x: TriggerContext): void;
}

/** The repairs in the order they are applied. */
export const REPAIRS: readonly Repair[] = [
  { name: 'linear-noun', apply: linearNoun },
  { name: 'xcomp-recipient', apply: xcompRecipient },
  { name: 'deep-marked', apply: deepMarkedPhrase },
  { name: 'complement-subject', apply: complementSubject },
  { name: 'pronoun-reporter', apply: pronounReporter },
  { name: 'pair-reference', apply: pairReference },
  { name: 'blamed-subject', apply: blamedSubject },
  { name: 'moved-forces', apply: movedForces },
  { name: 'party-in-clause', apply: partyInClause },
  { name: 'place-as-party', apply: placeAsParty },
  { name: 'place-phrase', apply: placePhraseTarget },
];

/** Apply every repair to x, in order. */
export function repairArguments(x: TriggerContext): void {
  for (const r of REPAIRS) r.apply(x);
}
