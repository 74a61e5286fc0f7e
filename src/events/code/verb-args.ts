/**
 * Arguments of a verbal trigger: its subject acts; its patient (a passive subject), objects and marked phrases are
 * acted on; deployed forces and a misattached modifier's noun are read as such; without a usable parse, the nearest
 * mentions either side stand in.
 */
import { recipientCandidates, subjectOf, type ArgPick } from '../args.js';
import { linearArg } from '../recovery.js';
import { choose, type TriggerContext } from './context.js';
import { DEPLOY_VERBS } from './entries.js';
import { matchToken } from '../lexicon/index.js';
import type { SentenceView } from '../syntax.js';

/**
 * "agreed to coordinate strikes", "expand cooperation": the object of a verb of joint action (type COOPERATE) that is
 * itself an event noun is the activity done together, not a party; the partner is named in a "with" phrase or not at
 * all.
 */
export function markActivities(v: SentenceView, type: string, rc: ArgPick[]): ArgPick[] {
  if (type !== 'COOPERATE') return rc;
  return rc.map((r) =>
    r.rule === 'obj' && r.tokens.length && matchToken(v, r.tokens[0])?.entry.pos === 'n'
      ? { tokens: r.tokens, rule: 'obj:activity' }
      : r,
  );
}

/** Fill actor and recipient for a verbal trigger. */
export function verbArguments(x: TriggerContext): void {
  const { v, mi, i, e, consumed } = x;
  const sub = subjectOf(v, i);
  x.actor = choose(v, mi, sub.actor.tokens.length ? [sub.actor] : []);
  let rc: ArgPick[] = recipientCandidates(v, i, e.type, consumed, false, (t) => mi.at(t).length > 0);
  const patient = sub.patient.tokens.filter((t) => !consumed.has(t));
  if (patient.length) rc.unshift({ tokens: patient, rule: sub.patient.rule });
  else if (e.type === 'AID' && DEPLOY_VERBS.has(v.lemma(i)) && !sub.actor.tokens.length && sub.patient.tokens.length) {
    // "Ecowas peacekeepers are being deployed": the pattern took the forces as its object; they are the actor.
    x.actor = choose(v, mi, [{ tokens: sub.patient.tokens, rule: 'deployed-forces' }]);
    rc = rc.filter((r) => !r.tokens.some((t) => sub.patient.tokens.includes(t)));
  }
  // A verb the parser hung on a noun as a modifier ("The Taliban attacked an army base" misread):
  // the noun it hangs on is its object.
  if (v.base(i) === 'amod' && v.head(i) > i) rc.unshift({ tokens: [v.head(i)], rule: 'amod-head' });
  x.recipient = choose(v, mi, markActivities(v, e.type, rc));
  // (Not for passives: the subject slot is the patient, and the agent is absent on purpose.)
  linearFallback(x, !sub.actor.tokens.length && !sub.patient.tokens.length);
}

/**
 * Without a usable parse (or when it attached nothing), the nearest mentions either side: left for an actor when
 * `noSubject`, right for a recipient; a party named right after a mere thing ("gave 352 million euros") joins it.
 */
function linearFallback(x: TriggerContext, noSubject: boolean): void {
  const { v, mi, i } = x;
  if (!x.actor.mentions.length && noSubject) {
    const l = linearArg(v, mi, i, -1);
    if ((l.mentions.length || l.pick.tokens.length) && !l.mentions.some((m) => x.recipient.mentions.includes(m)))
      x.actor = l;
  }
  const recipient = x.recipient;
  if (!recipient.mentions.length && !recipient.pick.tokens.length) {
    const r = linearArg(v, mi, i, 1);
    if ((r.mentions.length || r.pick.tokens.length) && !r.mentions.some((m) => x.actor.mentions.includes(m)))
      x.recipient = r;
  } else if (!recipient.mentions.length && recipient.pick.rule.endsWith(':thing')) {
    const r = linearArg(v, mi, i, 1);
    // Not the thing itself again ("shared intelligence": the word is the thing, whatever sector it could name).
    const same = r.pick.tokens.every((t) => recipient.pick.tokens.includes(t));
    if (r.mentions.length && !same && !r.mentions.some((m) => x.actor.mentions.includes(m)))
      x.recipient = {
        pick: { tokens: [...recipient.pick.tokens, ...r.pick.tokens], rule: recipient.pick.rule + '+linear-right' },
        mentions: r.mentions,
      };
  }
}
