/**
 * Repairs that find the party an event touched when the argument slots name only a thing or nothing: a marked
 * phrase or a party lower in the clause, the country of a place named ("killed 48 people in Afghanistan"), or a
 * named place without a mention ("set up a station at Digha").
 */
import type { Mention } from '../../../doc/index.js';
import { markedParty, placeMention, placePhrase, subtreeParty } from '../../recovery.js';
import { choose, clauseHeads, extendRecipient, jointActivity, type TriggerContext } from '../context.js';

/** Possessive pronouns: a mention of one inside an argument phrase names its owner, not the argument. */
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Whether token t is already used: an argument head, a consumed pattern word, or the trigger. */
function usedBy(x: TriggerContext): (t: number) => boolean {
  return (t) =>
    x.actor.pick.tokens.includes(t) || x.recipient.pick.tokens.includes(t) || x.consumed.has(t) || t === x.i;
}

/**
 * The object found is only the thing acted with ("returned a painting", "imposed sanctions"): the party it went to
 * or against — in a marked phrase anywhere in the clause, else named lower in the clause ("arrested 100 members,
 * including the boss of the Colombo family") with its conjuncts — joins the recipient.
 */
export function partyInClause(x: TriggerContext): void {
  const { v, mi, doc } = { v: x.v, mi: x.mi, doc: x.s.doc };
  if (!v.parsed) return;
  // A possessive pronoun inside the phrase ("at his office") does not make it a party.
  const party = (m: Mention): boolean =>
    !(m.kind === 'pronoun' && POSSESSIVES.has(doc.text.slice(m.start, m.end).toLowerCase())) &&
    (!!m.country || (!!m.sector && m.sector !== 'UNK'));
  if (x.recipient.mentions.some(party)) return;
  // A name the actors stage could not resolve ("Assange was accused ...") is the party itself, not a thing acted
  // with: a party lower in the clause ("following a Wikileaks conference") is not who the event touched.
  if (x.recipient.pick.tokens.length && v.upos(x.recipient.pick.tokens[0]) === 'PROPN') return;
  if (jointActivity(x)) return;
  const heads = clauseHeads(x);
  const used = usedBy(x);
  const mp = markedParty(v, heads, used);
  if (mp >= 0) {
    const r = choose(v, mi, [{ tokens: [mp], rule: 'marked-party:' + v.marks(mp).join('') }]);
    const ms = r.mentions.filter((m) => !x.actor.mentions.includes(m));
    x.recipient = extendRecipient(x, [mp], r.pick.rule, [...x.recipient.mentions, ...ms]);
    return;
  }
  const sp = subtreeParty(v, mi, heads, used);
  if (!sp || x.actor.mentions.includes(sp.m)) return;
  // With its conjuncts: "a force comprised of Ethiopian, Mozambican and South African troops".
  const toks = v.withConjuncts(sp.tok).filter((t) => !used(t));
  const ms = [sp.m];
  for (const t of toks)
    for (const m of mi.at(t)) if (!ms.includes(m) && !x.actor.mentions.includes(m) && m.kind !== 'pronoun') ms.push(m);
  const added = toks.includes(sp.tok) ? toks : [sp.tok, ...toks];
  x.recipient = extendRecipient(x, added, 'subtree-party', [...x.recipient.mentions, ...ms]);
}

/** The place mention (with a country) of an "in/at X" phrase in the clause, read once per trigger. */
function placeOf(x: TriggerContext): { tok: number; m: Mention } | null {
  if (x.placeParty === undefined) x.placeParty = placeMention(x.v, x.mi, clauseHeads(x));
  return x.placeParty;
}

/**
 * Where the text names only a place, its country stands for the side the event touched: the recipient ("killed 48
 * people in Afghanistan"), or the state acting when a passive names no agent ("was arrested in Niger").
 */
export function placeAsParty(x: TriggerContext): void {
  if (!x.v.parsed || jointActivity(x)) return;
  const pl = placeOf(x);
  if (!pl || x.actor.mentions.includes(pl.m) || x.recipient.mentions.includes(pl.m)) return;
  if (!x.actor.mentions.length && x.recipient.pick.rule === 'nsubj:pass') {
    x.actor = { pick: { tokens: [pl.tok], rule: 'place' }, mentions: [pl.m] };
  } else if (!x.recipient.mentions.some((m) => m.country)) {
    x.recipient = extendRecipient(x, [pl.tok], 'place', [...x.recipient.mentions, pl.m]);
  }
}

/** A named place the actors stage left without a country mention ("set up a station at Digha") joins the recipient. */
export function placePhraseTarget(x: TriggerContext): void {
  const { v, mi } = x;
  if (!v.parsed || jointActivity(x) || placeOf(x) || x.recipient.mentions.some((m) => m.country)) return;
  const ents = x.s.doc.layers.entities ?? [];
  const isPlace = (t: number): boolean =>
    ents.some((en) => en.start <= v.t.start[t] && en.end >= v.t.end[t] && (en.label === 'LOC' || en.label === 'GPE')) ||
    mi.at(t).some((m) => m.kind !== 'pronoun' && !!m.country);
  const pt = placePhrase(v, clauseHeads(x), isPlace);
  if (pt >= 0 && !x.actor.pick.tokens.includes(pt) && !x.recipient.pick.tokens.includes(pt))
    x.recipient = extendRecipient(x, [pt], 'place-phrase', x.recipient.mentions);
}
