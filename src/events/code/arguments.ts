/**
 * The arguments phase: the trigger's own slots (nominal or verbal), then the ordered repairs, then the rules that
 * chose them noted for `decidedBy`.
 */
import type { TriggerContext } from './context.js';
import { nounArguments } from './noun-args.js';
import { repairArguments } from './repairs/index.js';
import { verbArguments } from './verb-args.js';

/** Fill actor, recipient, pred and light of x, and note the rules that picked them. */
export function readArguments(x: TriggerContext): void {
  if (x.isNoun) nounArguments(x);
  else verbArguments(x);
  repairArguments(x);
  if (x.actor.pick.rule) x.rules.push(`actor=${x.actor.pick.rule}`);
  if (x.recipient.pick.rule) x.rules.push(`recipient=${x.recipient.pick.rule}`);
}
