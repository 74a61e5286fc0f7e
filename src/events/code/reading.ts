/**
 * The reading phase: the event type, mode and CAMEO code, from the entry or from the speech act read into it
 * ("will provide aid" → AGREE 033, "must end attacks" → REQUEST); a reported "Y must do Z" makes the sayer the
 * actor and Y the one asked.
 */
import { subjectOf } from '../args.js';
import { ploverToCameo } from '../ontology/index.js';
import { reinterpret } from '../readings.js';
import { choose, noArg, type TriggerContext } from './context.js';
import { GENERIC, MUST_DO } from './entries.js';

/** CAMEO codes for speech-act readings by the action read into them ("will provide aid" → 033 intent to provide aid). */
const COMPOSITE_CAMEO: Record<string, string> = {
  'AGREE<CONSULT': '036',
  'AGREE<SUPPORT': '032',
  'AGREE<COOPERATE': '031',
  'AGREE<AID': '033',
  'AGREE<RETREAT': '035',
  'AGREE<CONCEDE': '035',
  'THREATEN<ASSAULT': '138',
  'THREATEN<MOBILIZE': '138',
  'THREATEN<COERCE': '131',
  'THREATEN<SANCTION': '131',
  'THREATEN<PROTEST': '133',
  'REJECT<AID': '122',
  'REJECT<COOPERATE': '121',
  'REJECT<CONSULT': '124',
  'REQUEST<AID': '103',
  'REQUEST<CONSULT': '108',
};

/** Fill type, mode and cameo of x (and the negation a rejection absorbs, and a demand's sides). */
export function readType(x: TriggerContext): void {
  const { v, e } = x;
  x.type = e.type;
  x.mode = e.mode;
  x.cameo = e.cameo || ploverToCameo(e.type, e.mode);
  const mustDo = e.id === MUST_DO.id;
  const re =
    e.id === GENERIC.id
      ? null
      : mustDo
        ? { type: 'REQUEST', mode: '', rule: 'must-do→REQUEST' }
        : reinterpret(v, x.pred, x.type, x.negated, x.modality);
  if (!re) return;
  x.rules.push(mustDo ? re.rule : `${re.rule} (was ${x.type})`);
  x.type = re.type;
  x.mode = re.mode;
  x.cameo = COMPOSITE_CAMEO[`${x.type}<${e.type}`] ?? ploverToCameo(x.type, x.mode);
  if (x.type === 'REJECT') x.negated = false;
  if (re.rule.startsWith('must-do') && x.actor.pick.tokens.length) demandSides(x);
}

/** "X said Y must withdraw": X demands and Y is asked; with no sayer the demand's source is unknown. */
function demandSides(x: TriggerContext): void {
  const { v, mi } = x;
  const rs = x.reporter >= 0 ? subjectOf(v, x.reporter) : null;
  const asker = rs && rs.actor.tokens.length ? choose(v, mi, [{ tokens: rs.actor.tokens, rule: 'reporter' }]) : null;
  x.recipient = { pick: { tokens: x.actor.pick.tokens, rule: 'must-do:subject' }, mentions: x.actor.mentions };
  x.actor = asker ?? noArg();
  x.rules.push(`actor=${x.actor.pick.rule || 'none'}`, 'recipient=must-do:subject');
}
