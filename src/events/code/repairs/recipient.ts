/** Repairs that find a recipient the argument slots missed: in a complement, lower in the clause, or a demand's addressee. */
import { recipientCandidates, subjectOf } from '../../args.js';
import { deepMarked } from '../../recovery.js';
import { matchToken } from '../../lexicon/index.js';
import { choose, jointActivity, type TriggerContext } from '../context.js';
import { markActivities } from '../verb-args.js';

/** "agreed to resign from office", "is willing to withdraw from X": with no recipient, the complement's recipient. */
export function xcompRecipient(x: TriggerContext): void {
  const { v, mi, i, e } = x;
  if (!v.parsed || x.recipient.pick.tokens.length) return;
  for (const c of v.childrenBy(i, 'xcomp')) {
    // "agreed to coordinate strikes against X": the complement's joint activity names no partner of the agreement.
    const own = matchToken(v, c)?.entry.type ?? '';
    const r = choose(v, mi, markActivities(v, own, recipientCandidates(v, c, e.type, x.consumed, false)));
    if (r.pick.tokens.length) {
      x.recipient = { pick: { tokens: r.pick.tokens, rule: `xcomp:${r.pick.rule}` }, mentions: r.mentions };
      return;
    }
  }
}

/** A strongly marked phrase the parser attached lower down ("filed a lawsuit in the court against X"). */
export function deepMarkedPhrase(x: TriggerContext): void {
  const { v, mi } = x;
  // The target of a joint activity ("coordinate strikes against X") is not the partner of the joint action.
  if (!v.parsed || x.recipient.mentions.length || jointActivity(x)) return;
  const deep = deepMarked(v, x.pred, x.e.type);
  if (deep < 0) return;
  const r = choose(v, mi, [{ tokens: [deep], rule: 'deep:' + v.marks(deep).join('') }]);
  if (r.mentions.length || !x.recipient.pick.tokens.length) x.recipient = r;
}

/** "demanded that the government resign", "its demand that US ease sanctions": who is asked is the complement's subject. */
export function complementSubject(x: TriggerContext): void {
  const { v, mi, i, e } = x;
  if (!v.parsed || x.recipient.mentions.length || (e.type !== 'REQUEST' && e.type !== 'THREATEN')) return;
  for (const c of v.children(i)) {
    if (!['ccomp', 'acl'].includes(v.base(c))) continue;
    let subj: number[] = subjectOf(v, c).actor.tokens;
    if (!subj.length) {
      // "demanded that the government resign" with "resign" misread as a noun: the first mention between the
      // complementiser and the complement's head is its subject.
      const from = v.children(c).find((m) => v.base(m) === 'mark') ?? i;
      for (let k = from + 1; k < c && !subj.length; k++) if (mi.at(k).length) subj = [k];
    }
    const r = choose(v, mi, subj.length ? [{ tokens: subj, rule: 'complement-subject' }] : []);
    if (r.pick.tokens.length) {
      x.recipient = r;
      return;
    }
  }
}
