/**
 * Speech-act readings: PLOVER codes what the text does when an action is only
 * promised, refused, demanded or threatened ("will meet" → AGREE, "will not lift
 * the ban" → REJECT, "must withdraw" → REQUEST, "would blockade" → THREATEN).
 */
import { grammar } from './grammar.js';
import type { SentenceView } from './syntax.js';

/** Cooperative types: said to happen in the future they are promises (AGREE), negated they are refusals (REJECT). */
const COOPERATIVE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE', 'AGREE']);

/** Cooperative types whose conditional announcement is an offer ("would meet the mediator if …"), not a threat. */
const OFFER_TYPES = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'AGREE', 'CONCEDE']);

/** Conflict types that, announced for the future, are threats; with the THREATEN mode each becomes. */
const THREAT_TYPES: Record<string, string> = {
  COERCE: 'restrict',
  ASSAULT: 'violence',
  SANCTION: 'relations',
  MOBILIZE: 'violence',
  // An announced boycott or strike threatens collective dissent (CAMEO 133): "said they would boycott the elections".
  PROTEST: 'relations',
};
/** Verbs whose complement is the content of an agreement rather than a threat. */
const AGREEING = new Set([
  'agree',
  'promise',
  'pledge',
  'decide',
  'consent',
  'resolve',
  'commit',
  'offer',
  'undertake',
]);

/** Whether predicate p sits (through control or coordination) under an agreeing verb. */
function agreedTo(v: SentenceView, p: number): boolean {
  let cur = p;
  for (let d = 0; d < 4 && cur >= 0; d++) {
    const r = v.rel(cur);
    if (r !== 'xcomp' && r !== 'conj' && r !== 'ccomp') return false;
    cur = v.head(cur);
    if (cur >= 0 && AGREEING.has(v.lemma(cur))) return true;
  }
  return false;
}

/** The REQUEST/REJECT mode that names what was asked for or refused. */
function askMode(type: string): string {
  if (type === 'CONSULT') return 'meet';
  if (type === 'RETREAT' || type === 'CONCEDE') return 'yield';
  if (type === 'AID' || type === 'COOPERATE' || type === 'SUPPORT' || type === 'AGREE') return 'assist';
  return 'change';
}

/**
 * PLOVER codes the speech act when an action is only promised, refused or demanded:
 * "will meet", "is willing to withdraw" → AGREE; "will not lift the ban", "failed to reach a deal" →
 * REJECT; "must end attacks" → REQUEST. Returns the new type and mode and the rule id, or null.
 */
export function reinterpret(
  v: SentenceView,
  pred: number,
  type: string,
  negated: boolean,
  modality: string,
): { type: string; mode: string; rule: string } | null {
  if (negated && COOPERATIVE.has(type))
    return { type: 'REJECT', mode: askMode(type), rule: 'negated-cooperation→REJECT' };
  if (negated) return null;
  const g = grammar();
  const aux = v.childrenBy(pred, 'aux').map((c) => v.lemma(c));
  if (aux.some((a) => g.demandAux.has(a)) && !aux.includes('have') && type !== 'REQUEST')
    return { type: 'REQUEST', mode: askMode(type), rule: 'must-do→REQUEST' };
  // "said they would blockade Paris", "is prepared to impose martial law": an announced coercion is a threat,
  // unless it is the content of an agreement ("agreed to coordinate strikes").
  // "will boycott the elections unless the president resigns": a conditional announcement is a threat.
  if (
    modality === 'future' &&
    v.childrenBy(pred, 'advcl').some((c) => v.marks(c).some((m) => m === 'unless' || m === 'if'))
  )
    return OFFER_TYPES.has(type)
      ? { type: 'AGREE', mode: '', rule: 'conditional-offer→AGREE' }
      : { type: 'THREATEN', mode: THREAT_TYPES[type] ?? '', rule: 'conditional-announcement→THREATEN' };
  if (
    (modality === 'future' || modality === 'intended') &&
    COOPERATIVE.has(type) &&
    type !== 'AGREE' &&
    // Support is verbal already when merely intended; announced for the future ("will support the resolution") it is
    // a promise (GSR train: 2 of 2 AGREE).
    (type !== 'SUPPORT' || modality === 'future')
  )
    return { type: 'AGREE', mode: '', rule: 'promised-cooperation→AGREE' };
  if (
    (modality === 'future' || (modality === 'intended' && v.rel(pred) === 'xcomp')) &&
    THREAT_TYPES[type] &&
    !agreedTo(v, pred)
  )
    return { type: 'THREATEN', mode: THREAT_TYPES[type], rule: 'announced-coercion→THREATEN' };
  // "said they would boycott the elections": an announced boycott, whatever it boycotts, threatens (PLV train: 3 of 3).
  if (modality === 'future' && v.lemma(pred) === 'boycott' && !agreedTo(v, pred))
    return { type: 'THREATEN', mode: 'relations', rule: 'announced-boycott→THREATEN' };
  return null;
}
