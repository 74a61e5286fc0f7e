/**
 * Event arguments through the dependency parse: who acts (subject, passive agent,
 * possessor, controller of an infinitive, head of a relative clause) and who is
 * acted on (object, indirect object, "with/against/on/to/at ..." phrases), with
 * conjoined arguments expanded. Each role returns head tokens plus the rule used.
 */
import { grammar } from './grammar.js';
import type { SentenceView } from './syntax.js';
import type { Span } from '../doc/index.js';

/** Argument head tokens for one role and the rule that found them. */
export interface ArgPick {
  tokens: number[];
  rule: string;
}

const NONE: ArgPick = { tokens: [], rule: '' };
/** Nouns for what one party puts to another: rejecting or accepting one acts on the party that made it. */
const PROPOSAL_NOUNS = new Set([
  'request',
  'demand',
  'call',
  'appeal',
  'proposal',
  'offer',
  'plan',
  'invitation',
  'ultimatum',
  'bid',
  'initiative',
  'plea',
  'petition',
  'suggestion',
  'overture',
  'resolution',
]);
/** Types whose pattern object is the thing moved or applied, not the party acted on. */
const MOVED_THING_TYPES = new Set(['RETREAT', 'AID', 'SANCTION', 'MOBILIZE', 'COERCE', 'COOPERATE', 'CONCEDE']);
/** Types whose nominal takes its source in a "from" phrase ("criticism from X", "aid from X"). */
const FROM_ACTOR_TYPES = new Set(['ACCUSE', 'SUPPORT', 'AID', 'REQUEST', 'THREATEN', 'PROTEST', 'REJECT', 'AGREE']);
/** Nouns for texts that speak for their author ("a statement criticising X"). */
const STATEMENT_NOUNS = new Set([
  'statement',
  'letter',
  'resolution',
  'report',
  'declaration',
  'communique',
  'message',
  'note',
  'order',
  'decree',
  'law',
  'bill',
  'ruling',
  'motion',
  'appeal',
  'petition',
  'video',
  'post',
  'tweet',
  'speech',
  'comment',
  'remarks',
]);
/** Objects that are the thing moved or given, not the recipient ("withdraw troops from X", "impose sanctions on X"). */
const THING_OBJECTS = new Set([
  'troops',
  'troop',
  'forces',
  'force',
  'soldiers',
  'soldier',
  'aid',
  'assistance',
  'sanction',
  'sanctions',
  'weapons',
  'weapon',
  'arms',
  'support',
  'money',
  'funds',
  'equipment',
  'warships',
  'ships',
  'jets',
  'personnel',
  'embargo',
  'tariffs',
  'tariff',
  'ban',
  'restrictions',
  'missiles',
  'units',
  'police',
  'fighters',
  'help',
  'loan',
  'supplies',
  'food',
  'ambassador',
  'envoy',
  'diplomats',
  'delegation',
  'information',
  'intelligence',
  'evidence',
]);

/** Tokens forming the phrase of argument head `h` (modifiers, not clauses); `deep` also follows nmod. */
export function phraseTokens(v: SentenceView, h: number, deep = false): number[] {
  const out = [h];
  for (let k = 0; k < out.length; k++) {
    for (const c of v.children(out[k])) {
      const r = v.base(c);
      const rel = v.rel(c);
      if (
        r === 'compound' ||
        r === 'flat' ||
        r === 'amod' ||
        r === 'det' ||
        r === 'nummod' ||
        rel === 'nmod:poss' ||
        r === 'fixed' ||
        r === 'goeswith'
      )
        out.push(c);
      else if (deep && (r === 'nmod' || r === 'case') && k === 0) out.push(c);
      else if (deep && r === 'case' && out.includes(v.head(c))) out.push(c);
    }
  }
  return out.sort((a, b) => a - b);
}

/** The text span of argument head `h`'s phrase, with punctuation trimmed from its end. */
export function phraseSpan(v: SentenceView, h: number): Span {
  const toks = phraseTokens(v, h);
  let s = v.t.start[toks[0]];
  let e = v.t.end[toks[toks.length - 1]];
  while (e > s && /[\s,.;:]/.test(v.doc.text[e - 1])) e--;
  if (s > e) s = e;
  return { start: s, end: e };
}

/** Replace a relative pronoun argument by the noun its clause modifies ("forces that fight" → forces). */
function resolveRelative(v: SentenceView, tok: number, pred: number): number {
  const g = grammar();
  if (!g.relPron.has(v.lemma(tok))) return tok;
  let p = pred;
  while (p >= 0 && v.base(p) !== 'acl' && v.rel(p) !== 'acl:relcl')
    p = v.rel(p) === 'conj' || v.rel(p) === 'xcomp' ? v.head(p) : -1;
  return p >= 0 && v.head(p) >= 0 ? v.head(p) : tok;
}

function expand(v: SentenceView, toks: number[], pred: number): number[] {
  const out: number[] = [];
  for (const t of toks) for (const c of v.withConjuncts(resolveRelative(v, t, pred))) if (!out.includes(c)) out.push(c);
  return out;
}

/** The passive agent of predicate p ("by X"), or []. */
function agentOf(v: SentenceView, p: number): number[] {
  const isBy = (c: number): boolean => v.rel(c) === 'obl:agent' || (v.base(c) === 'obl' && v.marks(c).includes('by'));
  const own = v.children(p).filter(isBy);
  if (own.length) return own;
  // "were released from captivity by the government": the by-phrase hung on the verb's other phrase.
  for (const c of v.children(p)) {
    if (v.base(c) !== 'obl') continue;
    const deep = v.children(c).filter((d) => v.base(d) === 'nmod' && v.marks(d).includes('by'));
    if (deep.length) return deep;
  }
  return [];
}

/** The noun a relative clause containing token t describes ("Westmacott, who served in France"), or -1. */
export function relativeClauseOwner(v: SentenceView, t: number): number {
  let a = t;
  for (let steps = 0; a >= 0 && steps < 8; steps++) {
    if (v.rel(a) === 'acl:relcl') return v.head(a);
    a = v.head(a);
  }
  return -1;
}

/** Is p a main verb misparsed as a clause on the sentence's nominal root, after a comma ("X, the …, called …")? */
function nominalRootVerb(v: SentenceView, p: number, h: number): boolean {
  if (v.head(h) >= 0 || v.isVerb(h) || h > p || v.upos(p) !== 'VERB' || v.t.xpos[p] === 'VBG') return false;
  // Without the comma only right after a name ("Rep. Adam Schiff called on Obama"); "officials called to testify"
  // is a noun with its modifier.
  const name =
    v.upos(h) === 'PROPN' ||
    v.children(h).some((c) => ['flat', 'compound'].includes(v.base(c)) && v.upos(c) === 'PROPN');
  if (p === 0 || (v.text(p - 1) !== ',' && !(name && p === h + 1))) return false;
  return !v.children(p).some((c) => v.rel(c).startsWith('nsubj'));
}

const DASHES = new Set(['-', '–', '—', '--']);

/** A "passive subject" on a verb with no passive auxiliary and an object of its own: a misread active clause. */
function unmarkedPassive(v: SentenceView, p: number): boolean {
  if (v.base(p) === 'acl' || !v.childrenBy(p, 'obj').length) return false;
  return !v.children(p).some((c) => v.rel(c) === 'aux:pass');
}

/**
 * "The Palestinian Authority - which considers the US biased - called on …": a subjectless verb right after a closing
 * dash whose opening dash follows a noun phrase; that phrase (the topmost token of the path from the word before the
 * opening dash that stays before it) is the subject the parser lost. -1 when the pattern does not hold.
 */
function dashParenthesisSubject(v: SentenceView, p: number): number {
  if (!v.isVerb(p) || p - 1 <= v.start || !DASHES.has(v.text(p - 1))) return -1;
  let open = -1;
  for (let k = p - 2; k > v.start; k--) if (DASHES.has(v.text(k))) open = k;
  if (open < 0 || open === p - 1) return -1;
  let a = open - 1;
  if (!['NOUN', 'PROPN', 'PRON'].includes(v.upos(a))) return -1;
  while (v.head(a) >= v.start && v.head(a) < open) a = v.head(a);
  return ['NOUN', 'PROPN', 'PRON'].includes(v.upos(a)) ? a : -1;
}

/** Subject-side arguments of predicate p: { actor, passiveRecipient }, following control, conjunction and clause links. */
export function subjectOf(v: SentenceView, p: number, depth = 0): { actor: ArgPick; patient: ArgPick } {
  // A time phrase parsed as subject ("Saleh this week demanded …") is not one.
  const subj = v.childrenBy(p, 'nsubj').filter((c) => v.rel(c) !== 'nsubj:pass' && !TIME_WORDS.test(v.text(c)));
  const pass = v.children(p).filter((c) => v.rel(c) === 'nsubj:pass');
  if (subj.length) {
    const toks = expand(v, subj, p);
    // "introduced a bill that would sanction X": a document speaks for whoever issued it.
    const doc0 = toks.length === 1 && toks[0] !== subj[0] ? toks[0] : -1;
    const hh = doc0 >= 0 ? v.head(doc0) : -1;
    if (hh >= 0 && STATEMENT_NOUNS.has(v.lemma(doc0)) && v.isVerb(hh) && v.base(doc0) === 'obj' && depth < 6) {
      const s = subjectOf(v, hh, depth + 1);
      if (s.actor.tokens.length) return { actor: { tokens: s.actor.tokens, rule: 'relcl:issuer' }, patient: NONE };
    }
    return { actor: { tokens: toks, rule: 'nsubj' }, patient: NONE };
  }
  // "Egypt and Jordan also sharply criticised the shift" read as passive: no passive auxiliary and an object of
  // its own make the "passive subject" the actor.
  if (pass.length && unmarkedPassive(v, p))
    return { actor: { tokens: expand(v, pass, p), rule: 'nsubj(unmarked)' }, patient: NONE };
  if (pass.length) {
    const ag = agentOf(v, p);
    return {
      actor: ag.length ? { tokens: expand(v, ag, p), rule: 'obl:agent' } : NONE,
      patient: { tokens: expand(v, pass, p), rule: 'nsubj:pass' },
    };
  }
  const ds = dashParenthesisSubject(v, p);
  if (ds >= 0) return { actor: { tokens: expand(v, [ds], p), rule: 'dash-parenthesis' }, patient: NONE };
  const h = v.head(p);
  if (h < 0 || depth > 6) return { actor: NONE, patient: NONE };
  const rel = v.rel(p);
  const g = grammar();
  if (rel === 'xcomp') {
    // Object control ("urged Turkey to withdraw") for demand verbs; subject control otherwise.
    const obj = v.childrenBy(h, 'obj');
    if (obj.length && g.demand.has(v.lemma(h)))
      return { actor: { tokens: expand(v, obj, h), rule: 'control:obj' }, patient: NONE };
    const s = subjectOf(v, h, depth + 1);
    return { actor: { tokens: s.actor.tokens, rule: 'control:' + s.actor.rule }, patient: NONE };
  }
  if (rel === 'conj' || v.base(p) === 'advcl') {
    const s = subjectOf(v, h, depth + 1);
    return { actor: { tokens: s.actor.tokens, rule: `${v.base(p)}:${s.actor.rule}` }, patient: NONE };
  }
  if (v.base(p) === 'acl' && !v.marks(p).includes('to')) {
    // "Rep. X, the top Democrat on the committee, called on Y": the parser made the subject phrase the root and hung
    // the finite main verb on it after the apposition; the root phrase acts.
    if (nominalRootVerb(v, p, h))
      return { actor: { tokens: expand(v, [h], p), rule: 'acl:nominal-root' }, patient: NONE };
    // "forces fighting IS": the modified noun acts; in a passive participle ("a jet downed by X") it is acted on.
    if (v.t.xpos[p] === 'VBN' && !v.childrenBy(p, 'obj').length) {
      const ag = agentOf(v, p);
      return {
        actor: ag.length ? { tokens: expand(v, ag, p), rule: 'obl:agent' } : NONE,
        patient: { tokens: expand(v, [h], p), rule: 'acl:head' },
      };
    }
    // "X are guilty of violating the agreement": the adjective's subject acts.
    if (
      v.upos(h) === 'ADJ' ||
      ['guilty', 'responsible', 'accountable', 'culpable'].includes(v.lemma(h).toLowerCase())
    ) {
      const s = subjectOf(v, h, depth + 1);
      if (s.actor.tokens.length) return { actor: { tokens: s.actor.tokens, rule: 'acl:adj-subject' }, patient: NONE };
    }
    // "a joint statement criticising X": a document or statement speaks for whoever issued it.
    const hh = v.head(h);
    if (STATEMENT_NOUNS.has(v.lemma(h)) && hh >= 0 && v.isVerb(hh) && v.base(h) === 'obj') {
      const s = subjectOf(v, hh, depth + 1);
      if (s.actor.tokens.length) return { actor: { tokens: s.actor.tokens, rule: 'acl:issuer' }, patient: NONE };
    }
    // "passed a resolution Thursday criticizing X": a clause hung on a time word belongs to the clause around it.
    if (TIME_WORDS.test(v.text(h)) && hh >= 0) {
      const s = subjectOf(v, hh, depth + 1);
      return { actor: { tokens: s.actor.tokens, rule: 'acl:time:' + s.actor.rule }, patient: NONE };
    }
    // "Westmacott, who served in Turkey and France, praised X": the parser hung the main verb on the last noun of
    // the relative clause; the one who acts is the noun the relative clause describes.
    const described = relativeClauseOwner(v, h);
    if (described >= 0 && p > 0 && v.text(p - 1) === ',')
      return { actor: { tokens: expand(v, [described], p), rule: 'acl:relcl-owner' }, patient: NONE };
    return { actor: { tokens: expand(v, [h], p), rule: 'acl:head' }, patient: NONE };
  }
  return { actor: NONE, patient: NONE };
}

/** Time words, in any case ("Thursday" too); "May" is left out: as a capitalised subject it is usually a name. */
/** Heads of phrases that give grounds or circumstances, never the party acted on ("on suspicion", "on humanitarian grounds"). */
export const CIRCUMSTANCE_NOUNS = new Set([
  'suspicion',
  'ground',
  'grounds',
  'basis',
  'behalf',
  'condition',
  'pretext',
  'sideline',
  'sidelines',
  'margin',
  'margins',
  'eve',
  'occasion',
  'anniversary',
  'account',
  'charge',
  'charges',
]);

export const TIME_WORDS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|today|yesterday|tomorrow|day|days|week|weeks|month|months|year|years|morning|evening|night|afternoon|weekend|time|\d+)$/i;

/** Money and amounts are what is given, never who receives it ("gave 352.5 million euros"). */
function isQuantity(v: SentenceView, c: number): boolean {
  if (v.upos(c) === 'NUM' || /[$€£¥%]|\d/.test(v.text(c))) return true;
  if (
    /^(million|billion|thousand|euros?|dollars?|pounds?|tons?|tonnes?|shipment|package|materials?|worth|percent|amount|sum)$/.test(
      v.lemma(c),
    )
  )
    return true;
  return v.children(c).some((d) => v.base(d) === 'nummod' && /[$€£¥]|million|billion/.test(v.text(d)));
}

/** Rank of a preposition as a recipient marker for an event type; lower is better, -1 when not a recipient marker. */
function prepRank(prep: string, type: string, isNoun: boolean): number {
  const g = grammar();
  if (prep === 'of' && (!isNoun || ['AGREE', 'SUPPORT', 'REQUEST', 'AID', 'COOPERATE'].includes(type))) return -1;
  if (prep === 'from' && !['REQUEST', 'RETREAT', 'SANCTION', 'COERCE', 'AGREE'].includes(type)) return -1;
  if (prep === 'over' && type !== 'ACCUSE' && type !== 'ASSAULT') return -1;
  return g.recipientPreps.indexOf(prep);
}

/** Candidate recipient phrases of predicate/noun p for `type`, best first, each with its rule. */
export function recipientCandidates(
  v: SentenceView,
  p: number,
  type: string,
  consumed: Set<number>,
  isNoun: boolean,
  hasMention: (t: number) => boolean = () => false,
): ArgPick[] {
  const out: ArgPick[] = [];
  // "summoned a senior Indian diplomat": a pattern object that names a party is the recipient, before any phrase.
  if (!isNoun && !MOVED_THING_TYPES.has(type))
    for (const c of v.children(p))
      if (consumed.has(c) && v.rel(c) === 'obj' && hasMention(c))
        out.push({ tokens: expand(v, [c], p), rule: 'obj:party' });
  const things: ArgPick[] = [];
  const ranked: [number, number, string][] = [];
  for (const c of v.children(p)) {
    const rel = v.rel(c);
    let base = v.base(c);
    // A nominal with its own preposition is a prepositional phrase whatever relation the parser gave it.
    if (
      (base === 'obj' || base === 'iobj' || base === 'compound' || base === 'appos') &&
      v.marks(c).some((m) => m !== 'to' || v.upos(c) !== 'VERB') &&
      v.marks(c).length &&
      (v.upos(c) === 'NOUN' || v.upos(c) === 'PROPN' || v.upos(c) === 'PRON')
    )
      base = isNoun ? 'nmod' : 'obl';
    if (
      !isNoun &&
      base !== 'obl' &&
      (rel === 'iobj' || (rel === 'obj' && !consumed.has(c))) &&
      !TIME_WORDS.test(v.text(c))
    ) {
      if (rel === 'obj' && (THING_OBJECTS.has(v.lemma(c)) || isQuantity(v, c)))
        things.push({ tokens: expand(v, [c], p), rule: 'obj:thing' });
      else out.push({ tokens: expand(v, [c], p), rule: rel });
      continue;
    }
    if (base === 'obl' || base === 'nmod') {
      if (rel === 'obl:agent' || rel === 'nmod:poss' || rel.endsWith('tmod') || rel.endsWith('unmarked')) continue;
      const m = v.marks(c);
      const prep = m.length ? m[m.length - 1] : '';
      // "on Friday", "in March": times are not recipients; nor are grounds and circumstances ("on suspicion").
      if (TIME_WORDS.test(v.text(c)) || CIRCUMSTANCE_NOUNS.has(v.lemma(c).toLowerCase())) continue;
      const r = prep ? prepRank(prep, type, isNoun) : -1;
      if (r >= 0) ranked.push([r, c, `${base}:${prep}`]);
    }
  }
  // "refused a request from X", "rejected U.S. calls", "accepted Iran's offer": whoever made the proposal is the party.
  if (!isNoun) {
    for (const c of v.children(p)) {
      if (v.rel(c) !== 'obj' || !PROPOSAL_NOUNS.has(v.lemma(c))) continue;
      const owners = v
        .children(c)
        .filter(
          (d) =>
            v.rel(d) === 'nmod:poss' ||
            ((v.base(d) === 'nmod' || v.base(d) === 'acl') && v.marks(d).some((m) => m === 'from' || m === 'by')) ||
            ((v.base(d) === 'compound' || v.base(d) === 'amod') && /^[A-Z]/.test(v.doc.text[v.t.start[d]])),
        );
      if (owners.length) out.push({ tokens: owners, rule: 'proposal-owner' });
    }
  }
  ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [, c, rule] of ranked) out.push({ tokens: expand(v, [c], p), rule });
  out.push(...things);
  // "confirmed his support for Assad": a consumed object noun's own "for/to/with" phrase;
  // then the consumed object itself ("rejected Theresa May's agreement").
  if (!isNoun) {
    for (const c of v.children(p)) if (consumed.has(c)) out.push(...recipientCandidates(v, c, type, new Set(), true));
    for (const c of v.children(p))
      if (consumed.has(c) && (v.rel(c) === 'obj' || v.rel(c) === 'nsubj:pass'))
        // What is withdrawn, given, imposed or deployed is a thing; what is rejected, praised or criticised is a party.
        out.push({
          tokens: expand(v, [c], p),
          rule: MOVED_THING_TYPES.has(type) ? 'obj:pattern:thing' : 'obj:pattern',
        });
  }
  return out;
}

/** Actor candidates for a nominal trigger n: possessor, "by" agent, "between" parties, nationality modifiers. */
export function nounActorCandidates(
  v: SentenceView,
  n: number,
  type: string,
  hasMention: (t: number) => boolean,
): ArgPick[] {
  const out: ArgPick[] = [];
  const poss = v.children(n).filter((c) => v.rel(c) === 'nmod:poss' && !TIME_WORDS.test(v.text(c)));
  if (poss.length) out.push({ tokens: expand(v, poss, n), rule: 'nmod:poss' });
  // A "by" agent one level down too ("the downing of a jet by Turkey" with "by Turkey" under "jet").
  const byKids = [
    ...v.childrenBy(n, 'nmod', 'acl'),
    ...v.childrenBy(n, 'nmod').flatMap((c) => v.childrenBy(c, 'nmod')),
  ];
  const direct = v.childrenBy(n, 'nmod', 'acl');
  const deep = byKids.filter((c) => !direct.includes(c));
  for (const c of deep) if (v.marks(c).includes('by')) out.push({ tokens: expand(v, [c], n), rule: 'nmod:by(deep)' });
  for (const c of v.childrenBy(n, 'nmod', 'acl')) {
    const m = v.marks(c);
    if (m.includes('by')) out.unshift({ tokens: expand(v, [c], n), rule: 'nmod:by' });
    if (m.includes('between') || m.includes('among')) out.push({ tokens: expand(v, [c], n), rule: 'nmod:between' });
    if (m.includes('from') && FROM_ACTOR_TYPES.has(type)) out.push({ tokens: expand(v, [c], n), rule: 'nmod:from' });
  }
  // "a meeting on Monday between Obama and Putin", with the parties under the phrase before them.
  for (const c of deep)
    if (v.marks(c).some((m) => m === 'between' || m === 'among'))
      out.push({ tokens: expand(v, [c], n), rule: 'nmod:between(deep)' });
  // "Russian airstrikes", "US sanctions": a nationality or name modifier; one the actors stage did not resolve
  // ("a Russia-backed regime offensive") stands in only as a phrase, after everything else. A conjoined modifier
  // modifies the noun too ("international and Palestinian criticism").
  const amods = v.children(n).filter((c) => v.base(c) === 'amod');
  const modifiers = [...v.children(n), ...amods.flatMap((a) => v.childrenBy(a, 'conj'))];
  const caps = modifiers.filter(
    (c) =>
      (v.base(c) === 'amod' || v.base(c) === 'compound' || v.base(c) === 'conj') &&
      (v.upos(c) === 'PROPN' || /^[A-Z]/.test(v.doc.text[v.t.start[c]])) &&
      c < n,
  );
  const mods = caps.filter(hasMention);
  if (mods.length) out.push({ tokens: mods, rule: 'modifier' });
  else if (caps.length) out.push({ tokens: caps, rule: 'modifier:thing' });
  return out;
}
