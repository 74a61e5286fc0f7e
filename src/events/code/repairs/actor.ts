/** Repairs of who acts: unparsed nominal triggers, pronouns standing for the sayer, blame, and forces sent. */
import { subjectOf } from '../../args.js';
import { linearArg } from '../../recovery.js';
import { choose, noArg, reportingAbove, type TriggerContext } from '../context.js';
import { DEPLOY_VERBS } from '../entries.js';

/** Pronouns that stand for an actor the sentence named earlier. */
const PRONOUN_ACTORS = new Set(['it', 'they', 'he', 'she', 'we', 'i']);

/** A nominal trigger in a sentence without a parse: the nearest mentions either side. */
export function linearNoun(x: TriggerContext): void {
  const { v, mi, i } = x;
  if (v.parsed || !x.isNoun) return;
  if (!x.actor.mentions.length) {
    const l = linearArg(v, mi, i, -1);
    if (l.mentions.length || (!x.actor.pick.tokens.length && l.pick.tokens.length)) x.actor = l;
  }
  if (!x.recipient.mentions.length && !x.recipient.pick.tokens.length) {
    const r = linearArg(v, mi, i, 1);
    if (r.mentions.length && !r.mentions.some((m) => x.actor.mentions.includes(m))) x.recipient = r;
  }
}

/** "X said it will …": a lone pronoun actor is the reporter, whatever a document-level coreference guessed. */
export function pronounReporter(x: TriggerContext): void {
  const { v, mi } = x;
  const rep = reportingAbove(x);
  const a = x.actor.pick.tokens;
  if (rep < 0 || a.length !== 1 || !PRONOUN_ACTORS.has(v.lemma(a[0]))) return;
  const rs = subjectOf(v, rep);
  const rm = choose(v, mi, rs.actor.tokens.length ? [rs.actor] : []);
  if (rm.pick.tokens.length)
    x.actor = { pick: { tokens: rm.pick.tokens, rule: 'pronoun→reporter' }, mentions: rm.mentions };
}

/**
 * "X said Y was responsible": an adjective of blame without its own object — the subject is blamed and the sayer
 * blames (one with its object, "critical of", "troubled by", keeps its subject as the critic).
 */
export function blamedSubject(x: TriggerContext): void {
  const { v, mi, e } = x;
  if (e.pos !== 'a' || e.type !== 'ACCUSE' || e.prep) return;
  x.recipient = x.actor;
  const rep = reportingAbove(x);
  const rs = rep >= 0 ? subjectOf(v, rep) : null;
  x.actor = rs ? choose(v, mi, rs.actor.tokens.length ? [rs.actor] : []) : noArg();
}

/** "Troops were deployed to X": with no agent, the forces moved (the passive subject) are the mobilising side. */
export function movedForces(x: TriggerContext): void {
  const { v, e, i } = x;
  if (!v.parsed || (e.type !== 'MOBILIZE' && !(e.type === 'AID' && DEPLOY_VERBS.has(v.lemma(i))))) return;
  if (x.actor.pick.tokens.length || x.recipient.pick.rule !== 'nsubj:pass') return;
  x.actor = x.recipient;
  x.recipient = noArg();
}
