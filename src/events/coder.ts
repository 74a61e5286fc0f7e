/**
 * The rule-based event coder: finds lexicon triggers in each parsed sentence,
 * reads arguments, negation, modality, reported speech, dates and places off the
 * dependency tree, and emits EventRecords whose `decidedBy` says which lexicon
 * entry and which rules decided each part.
 */
import type { Doc, EventRecord, Mention, Span } from '../doc/index.js';
import { nounActorCandidates, phraseTokens, recipientCandidates, subjectOf, type ArgPick } from './args.js';
import { daysBetween, findDates, isoDay, type DateExpr } from './dates.js';
import { grammar } from './grammar.js';
import { matchToken, type LexEntry, type LexMatch } from './lexicon/index.js';
import { MentionIndex } from './mentions.js';
import { isHistoricalNoun, isNegated, modalityOf, reportingChild, reportingVerb } from './modality.js';
import { goldstein, intensity, ploverToCameo, quadOf } from './ontology/index.js';
import { SentenceView } from './syntax.js';
import { reinterpret } from './readings.js';
import { deepMarked, linearArg, markedParty, placeMention, placePhrase, subtreeParty } from './recovery.js';

/** An explicit date this many days or more before the document date makes the event historical (seed page: a 13-day-old attack). */
const HISTORICAL_DAYS = 7;
/** Base confidence of a lexicon match, plus a step per unit of pattern specificity (uncalibrated; the model rescales). */
const BASE_CONFIDENCE = 0.45;
const SPECIFICITY_STEP = 0.1;

/** A candidate event before the optional learned re-ranking: the record plus features for the model. */
export interface Candidate {
  record: EventRecord;
  match: LexMatch;
  view: SentenceView;
  trigger: number;
  /** Predicate the arguments hang on (the trigger, or the verb governing a nominal trigger). */
  pred: number;
}

/** Pick the first candidate whose phrase has a mention; otherwise the first candidate (for its span). */
/** Event types whose "for/in" nominal complement is an event of the same actor (PLV train review: mobilising, fighting, aiding). */
const SAME_ACTOR_TYPES = new Set(['ASSAULT', 'MOBILIZE', 'AID', 'COOPERATE', 'PROTEST']);

/** Possessive pronouns: a mention of one inside an argument phrase names its owner, not the argument. */
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Verbs that move forces: in the passive ("peacekeepers were deployed") the forces moved are the acting side. */
const DEPLOY_VERBS = new Set(['deploy', 'send', 'dispatch']);

/** Event types of verbs that react to the event named by their object rather than carry it out. */
const REACTIVE_TYPES = new Set(['REJECT', 'ACCUSE', 'REQUEST']);

function choose(v: SentenceView, mi: MentionIndex, cands: ArgPick[]): { pick: ArgPick; mentions: Mention[] } {
  // Objects that are the thing moved or given ("its troops") only stand in when nothing else does.
  const main = cands.filter((c) => !c.rule.endsWith(':thing'));
  const rest = cands.filter((c) => c.rule.endsWith(':thing'));
  for (const c of main) {
    const ms = mentionsOf(v, mi, c.tokens, false);
    if (ms.length) return { pick: c, mentions: ms };
  }
  const ordered = [...main, ...rest];
  if (!ordered.length) return { pick: { tokens: [], rule: '' }, mentions: [] };
  return { pick: ordered[0], mentions: mentionsOf(v, mi, ordered[0].tokens, true) };
}

function mentionsOf(v: SentenceView, mi: MentionIndex, heads: number[], deep: boolean): Mention[] {
  const out: Mention[] = [];
  for (const h of heads)
    for (const m of mi.forPhrase(v, h, phraseTokens(v, h, deep))) if (!out.includes(m)) out.push(m);
  return out;
}

function spanOf(v: SentenceView, h: number): Span {
  const toks = phraseTokens(v, h);
  const t = v.t;
  let s = t.start[toks[0]];
  let e = t.end[toks[toks.length - 1]];
  // Drop a leading preposition-free determiner? Keep the phrase as written; trim only punctuation at the edges.
  while (e > s && /[\s,.;:]/.test(v.doc.text[e - 1])) e--;
  if (s > e) s = e;
  return { start: s, end: e };
}

/** The date expression anchored at token p (its attachment climbs to p before reaching another predicate). */
function dateFor(v: SentenceView, dates: DateExpr[], anchors: number[], targets: number[]): DateExpr | null {
  for (let k = 0; k < dates.length; k++) if (targets.includes(anchors[k])) return dates[k];
  return null;
}

/** For each date expression, the predicate or trigger it attaches to. */
function dateAnchors(v: SentenceView, dates: DateExpr[], isTrigger: (i: number) => boolean): number[] {
  const t = v.t;
  return dates.map((d) => {
    const toks: number[] = [];
    for (let i = v.start; i < v.end; i++) if (t.start[i] < d.end && t.end[i] > d.start) toks.push(i);
    if (!toks.length) return -1;
    // The expression's own head: the token whose head lies outside the expression.
    let h = toks.find((i) => !toks.includes(v.head(i))) ?? toks[0];
    if (isTrigger(h)) return h;
    for (let depth = 0; depth < 6; depth++) {
      const up = v.head(h);
      if (up < 0) return h;
      h = up;
      if (isTrigger(h) || v.upos(h) === 'VERB' || v.upos(h) === 'ADJ' || v.base(h) === 'root') return h;
    }
    return h;
  });
}

function recipIdsLen(r: { mentions: Mention[] }, a: { mentions: Mention[] }): number {
  return r.mentions.filter((m) => !a.mentions.includes(m)).length;
}

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

/** Finite verb tags (PTB): a verb with one of these is a predicate whatever the parser attached it as. */
const FINITE = new Set(['VBD', 'VBZ', 'VBP']);
const NOMINAL = new Set(['NOUN', 'PROPN']);

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
/** Pronouns that stand for an actor the sentence named earlier. */
const PRONOUN_ACTORS = new Set(['it', 'they', 'he', 'she', 'we', 'i']);
/** The pseudo-entry of a generic candidate: a verb with a subject and an object that the lexicon does not know. */
export const GENERIC: LexEntry = {
  id: 'GEN',
  pos: 'v',
  words: [],
  cameo: '',
  type: 'GENERIC',
  mode: '',
  contexts: [],
  goldstein: 0,
  block: false,
  text: '(verb with subject and object)',
};
/** "X said Y must/should do Z" with Z outside the lexicon: a demand by X on Y all the same (PLV and GSR train: 14 of 16
 * reported "must" clauses are REQUEST). */
export const MUST_DO: LexEntry = {
  id: 'MUST',
  pos: 'v',
  words: [],
  cameo: '100',
  type: 'REQUEST',
  mode: '',
  contexts: [],
  goldstein: -5,
  block: false,
  text: '(reported: Y must/should do X)',
};
/** "X called Y" with Y a named party and nothing predicated of Y: a telephone call (CAMEO 041), not "called Y a liar". */
export const PHONE_CALL: LexEntry = {
  id: 'PHONE',
  pos: 'v',
  words: ['call'],
  cameo: '041',
  type: 'CONSULT',
  mode: 'phone',
  contexts: [],
  goldstein: 1,
  block: false,
  text: '(call + named party as object)',
};
/** Verbs that never code an event on their own (copulas, perception, possession, aspect). */
const NON_EVENT_VERBS = new Set([
  'be',
  'have',
  'do',
  'get',
  'become',
  'seem',
  'appear',
  'remain',
  'see',
  'look',
  'know',
  'want',
  'need',
  'like',
  'include',
  'contain',
  'mean',
  'use',
  'go',
  'come',
  'put',
  'let',
  'find',
  'keep',
  'continue',
  'begin',
  'start',
  'try',
  'help',
  'feel',
  'hear',
  'live',
  'become',
  'involve',
  'consider',
  'describe',
  'call',
  'name',
  'cost',
  'own',
  'represent',
  'lead',
  'follow',
  'allow',
  'make',
  'take',
  'give',
]);

/** Code the events of one sentence. */
function codeSentence(
  doc: Doc,
  si: number,
  mi: MentionIndex,
  docDate: string | null,
  out: Candidate[],
  generic: boolean,
): void {
  const v = new SentenceView(doc, si);
  const parsed = v.parsed;
  const g = grammar();
  const matches = new Map<number, LexMatch>();
  for (let i = v.start; i < v.end; i++) {
    // Participles used as adjectives ("the requested content") are descriptions, not events;
    // a finite verb the parser attached as a modifier ("X attacked Y" misread) still counts.
    // (A verb "modifier" right after a noun is a predicate the parser missed: "Khomeini today rejected …".)
    if (v.base(i) === 'amod' && !FINITE.has(v.t.xpos[i]) && !(i > v.start && NOMINAL.has(v.upos(i - 1)))) continue;
    const m = matchToken(v, i);
    if (m) matches.set(i, m);
  }
  const consumedBy = new Map<number, number>();
  for (const [i, m] of matches) for (const c of m.consumed) if (c !== i) consumedBy.set(c, i);
  for (const c of consumedBy.keys()) matches.delete(c);
  // Verbs the lexicon does not know become generic candidates for the learned model to type or reject.
  if (parsed && generic) {
    for (let i = v.start; i < v.end; i++) {
      if (matches.has(i) || consumedBy.has(i) || !v.isVerb(i) || v.base(i) === 'amod') continue;
      const l = v.lemma(i);
      if (g.reporting.has(l) || g.light.has(l) || NON_EVENT_VERBS.has(l)) continue;
      const subj = v.children(i).some((c) => v.base(c) === 'nsubj') || subjectOf(v, i).actor.tokens.length > 0;
      const obj = v
        .children(i)
        .some(
          (c) =>
            v.rel(c) === 'obj' ||
            v.rel(c) === 'iobj' ||
            (v.base(c) === 'obl' && v.marks(c).some((mk) => g.recipientPreps.includes(mk))),
        );
      if (subj && obj) matches.set(i, { entry: { ...GENERIC, words: [l] }, specificity: 0, consumed: [] });
    }
  }
  if (parsed) {
    for (let i = v.start; i < v.end; i++) {
      if (matches.has(i) || consumedBy.has(i) || v.lemma(i) !== 'call' || !v.isVerb(i)) continue;
      // A name the parser labelled xcomp ("called Foreign Minister Lavrov to discuss") is the object.
      let objs = v.childrenBy(i, 'obj');
      if (!objs.length) objs = v.childrenBy(i, 'xcomp').filter((c) => v.upos(c) === 'PROPN');
      // "called him a liar" predicates something of the object; "called him to discuss" is a purpose clause; a
      // word of the object's own name the parser split off ("Sahle Work Zawde") predicates nothing.
      const named = objs.length ? mi.at(objs[0]) : [];
      const inName = (c: number): boolean => named.some((m) => m.start <= v.t.start[c] && v.t.end[c] <= m.end);
      const predicated = v
        .children(i)
        .some(
          (c) =>
            !objs.includes(c) &&
            !inName(c) &&
            ['xcomp', 'ccomp', 'iobj'].includes(v.base(c)) &&
            !(v.isVerb(c) && v.marks(c).includes('to')),
        );
      if (objs.length !== 1 || predicated) continue;
      if (v.children(objs[0]).some((c) => ['acl', 'amod', 'nmod'].includes(v.base(c)) && v.isVerb(c))) continue;
      const party = mi.at(objs[0]).some((m) => m.kind !== 'pronoun' && m.sector !== 'UNK' && !!m.sector);
      if (party && v.upos(objs[0]) === 'PROPN') matches.set(i, { entry: PHONE_CALL, specificity: 0, consumed: [] });
    }
    for (let i = v.start; i < v.end; i++) {
      if (matches.has(i) || consumedBy.has(i) || !v.isVerb(i)) continue;
      const aux = v.childrenBy(i, 'aux').map((c) => v.lemma(c));
      if (!aux.some((a) => g.demandAux.has(a)) || aux.includes('have') || g.reporting.has(v.lemma(i))) continue;
      if (!v.childrenBy(i, 'nsubj').length || reportingVerb(v, i) < 0 || isNegated(v, i, i)) continue;
      matches.set(i, { entry: { ...MUST_DO, words: [v.lemma(i)] }, specificity: 0, consumed: [] });
    }
  }
  if (!matches.size) return;

  const s = doc.layers.sentences![si];
  const sentText = doc.text.slice(s.start, s.end);
  const dates = findDates(sentText, s.start, docDate);
  const anchors = dateAnchors(v, dates, (i) => matches.has(i));
  const contexts = g.contextCues.filter(([, re]) => re.test(sentText)).map(([c]) => c);

  const sentenceRecords = new Map<number, EventRecord>();
  for (const [i, m] of [...matches].sort((a, b) => a[0] - b[0])) {
    const e = m.entry;
    const rules: string[] = [];
    const isNoun = e.pos === 'n';
    const consumed = new Set(m.consumed);
    let pred = i;
    let light = false;
    let actor: { pick: ArgPick; mentions: Mention[] };
    let recipient: { pick: ArgPick; mentions: Mention[] };
    if (isNoun) {
      // "its rejection and strong condemnation of X": a conjoined noun shares its first conjunct's governor.
      let n0 = i;
      while (v.rel(n0) === 'conj' && v.head(n0) >= 0 && !v.isVerb(v.head(n0))) n0 = v.head(n0);
      // "launched a mediation effort between X and Y": a trigger modifying a noun speaks through that noun.
      const anchor = v.base(i) === 'compound' && v.head(i) > i && v.upos(v.head(i)) === 'NOUN' ? v.head(i) : i;
      if (anchor !== i) n0 = anchor;
      const gov = v.head(n0);
      const govRel = v.base(n0);
      const governed =
        gov >= 0 &&
        (v.isVerb(gov) || v.upos(gov) === 'ADJ') &&
        ['obj', 'nsubj', 'obl', 'xcomp', 'nmod'].includes(govRel);
      light =
        governed &&
        (g.light.has(v.lemma(gov)) ||
          (e.govs?.includes(v.lemma(gov)) ?? false) ||
          (govRel === 'obl' && ['after', 'during', 'following'].some((p) => v.marks(n0).includes(p))));
      const own = nounActorCandidates(v, anchor, e.type, (t) => mi.at(t).length > 0);
      const cands: ArgPick[] = [...own];
      // "X faces criticism from Y", "X came under attack": the governor's subject is acted on.
      const experiencer = governed && govRel === 'obj' && EXPERIENCER_VERBS.has(v.lemma(gov));
      const rc: ArgPick[] = [];
      if (experiencer) {
        pred = gov;
        const sub = subjectOf(v, gov);
        if (sub.actor.tokens.length)
          rc.push({ tokens: sub.actor.tokens, rule: `experiencer(${v.lemma(gov)}):${sub.actor.rule}` });
      } else if (governed && (light || (govRel === 'obj' && !REACTIVE_TYPES.has(matches.get(gov)?.entry.type ?? '')))) {
        // (Not when the governing verb reacts to the event: who "rejected appeals" or "condemned the attack" did not
        // appeal or attack; who "supported economic assistance" does assist.)
        pred = gov;
        const sub = subjectOf(v, gov);
        if (govRel !== 'nsubj' && sub.actor.tokens.length)
          cands.push({ tokens: sub.actor.tokens, rule: `gov(${v.lemma(gov)}):${sub.actor.rule}` });
      }
      if (!governed && ['after', 'during', 'following'].some((p) => v.marks(n0).includes(p))) {
        // "said Thursday after talks with Putin", with the phrase misattached to a noun: climb to the verb.
        let h = gov;
        for (let k = 0; k < 2 && h >= 0 && !v.isVerb(h); k++) h = v.head(h);
        if (h >= 0 && v.isVerb(h)) {
          const sub = subjectOf(v, h);
          if (sub.actor.tokens.length)
            cands.push({ tokens: sub.actor.tokens, rule: `after(${v.lemma(h)}):${sub.actor.rule}` });
        }
      }
      if (!cands.length && govRel !== 'nsubj') {
        // A nominal event in a clause whose verb is no event itself ("declared a unilateral ceasefire" misparsed):
        // the clause's subject is the likeliest actor.
        let h = gov;
        for (let k = 0; k < 3 && h >= 0 && !v.isVerb(h); k++) h = v.head(h);
        if (h >= 0 && v.isVerb(h) && !matches.has(h)) {
          const sub = subjectOf(v, h);
          if (sub.actor.tokens.length)
            cands.push({ tokens: sub.actor.tokens, rule: `clause(${v.lemma(h)}):${sub.actor.rule}` });
        } else if (
          h === gov &&
          matches.has(h) &&
          SAME_ACTOR_TYPES.has(matches.get(h)!.entry.type) &&
          v.marks(n0).some((mk) => mk === 'for' || mk === 'in')
        ) {
          // "mobilized troops for the Gulf War", "killed 48 people in two attacks": an action done for or in a nominal
          // event is done by the same side (not so for arrests or accusations, whose "for" names the other side's act).
          const sub = subjectOf(v, h);
          if (sub.actor.tokens.length)
            cands.push({ tokens: sub.actor.tokens, rule: `same-actor(${v.lemma(h)}):${sub.actor.rule}` });
        }
      }
      actor = choose(v, mi, cands);
      rc.push(...recipientCandidates(v, anchor, e.type, consumed, true));
      if (light) rc.push(...recipientCandidates(v, gov, e.type, new Set([i, anchor]), true));
      recipient = choose(
        v,
        mi,
        rc.filter((r) => !r.tokens.some((t) => actor.pick.tokens.includes(t))),
      );
    } else {
      const sub = subjectOf(v, i);
      actor = choose(v, mi, sub.actor.tokens.length ? [sub.actor] : []);
      const rc = recipientCandidates(v, i, e.type, consumed, false, (t) => mi.at(t).length > 0);
      const patient = sub.patient.tokens.filter((t) => !consumed.has(t));
      if (patient.length) rc.unshift({ tokens: patient, rule: sub.patient.rule });
      else if (
        e.type === 'AID' &&
        DEPLOY_VERBS.has(v.lemma(i)) &&
        !sub.actor.tokens.length &&
        sub.patient.tokens.length
      ) {
        // "Ecowas peacekeepers are being deployed": the pattern took the forces as its object; they are the actor.
        actor = choose(v, mi, [{ tokens: sub.patient.tokens, rule: 'deployed-forces' }]);
        const rest = rc.filter((r) => !r.tokens.some((t) => sub.patient.tokens.includes(t)));
        rc.splice(0, rc.length, ...rest);
      }
      // A verb the parser hung on a noun as a modifier ("The Taliban attacked an army base" misread):
      // the noun it hangs on is its object.
      if (v.base(i) === 'amod' && v.head(i) > i) rc.unshift({ tokens: [v.head(i)], rule: 'amod-head' });
      recipient = choose(v, mi, rc);
      // Without a usable parse (or when it attached nothing), fall back to the nearest mentions either side.
      // (Not for passives: the subject slot is the patient, and the agent is absent on purpose.)
      if (!actor.mentions.length && !sub.actor.tokens.length && !sub.patient.tokens.length) {
        const l = linearArg(v, mi, i, -1);
        if ((l.mentions.length || l.pick.tokens.length) && !l.mentions.some((m) => recipient.mentions.includes(m)))
          actor = l;
      }
      if (!recipient.mentions.length && !recipient.pick.tokens.length) {
        const r = linearArg(v, mi, i, 1);
        if ((r.mentions.length || r.pick.tokens.length) && !r.mentions.some((m) => actor.mentions.includes(m)))
          recipient = r;
      } else if (!recipient.mentions.length && recipient.pick.rule.endsWith(':thing')) {
        // Only a thing was found ("gave 352 million euros"): a party named right after it joins as recipient.
        const r = linearArg(v, mi, i, 1);
        if (r.mentions.length && !r.mentions.some((m) => actor.mentions.includes(m)))
          recipient = {
            pick: { tokens: [...recipient.pick.tokens, ...r.pick.tokens], rule: recipient.pick.rule + '+linear-right' },
            mentions: r.mentions,
          };
      }
    }
    if (!parsed && isNoun) {
      if (!actor.mentions.length) {
        const l = linearArg(v, mi, i, -1);
        if (l.mentions.length || (!actor.pick.tokens.length && l.pick.tokens.length)) actor = l;
      }
      if (!recipient.mentions.length && !recipient.pick.tokens.length) {
        const r = linearArg(v, mi, i, 1);
        if (r.mentions.length && !r.mentions.some((m) => actor.mentions.includes(m))) recipient = r;
      }
    }
    if (parsed && !recipient.pick.tokens.length) {
      // "agreed to resign from office", "is willing to withdraw from X": the complement's recipient.
      for (const x of v.childrenBy(i, 'xcomp')) {
        const r = choose(v, mi, recipientCandidates(v, x, e.type, consumed, false));
        if (r.pick.tokens.length) {
          recipient = { pick: { tokens: r.pick.tokens, rule: `xcomp:${r.pick.rule}` }, mentions: r.mentions };
          break;
        }
      }
    }
    if (parsed && !recipient.mentions.length) {
      // A strongly marked phrase the parser attached lower down ("filed a lawsuit in the court against X").
      const deep = deepMarked(v, pred, e.type);
      if (deep >= 0) {
        const r = choose(v, mi, [{ tokens: [deep], rule: 'deep:' + v.marks(deep).join('') }]);
        if (r.mentions.length || !recipient.pick.tokens.length) recipient = r;
      }
    }
    if (parsed && !recipient.mentions.length && (e.type === 'REQUEST' || e.type === 'THREATEN')) {
      // "demanded that the government resign", "its demand that US ease sanctions": who is asked is the complement's subject.
      for (const c of v.children(i)) {
        if (!['ccomp', 'acl'].includes(v.base(c))) continue;
        const sub = subjectOf(v, c);
        let subj: number[] = sub.actor.tokens;
        if (!subj.length) {
          // "demanded that the government resign" with "resign" misread as a noun: the first mention between the
          // complementiser and the complement's head is its subject.
          const from = v.children(c).find((m) => v.base(m) === 'mark') ?? i;
          for (let k = from + 1; k < c && !subj.length; k++) if (mi.at(k).length) subj = [k];
        }
        const r = choose(v, mi, subj.length ? [{ tokens: subj, rule: 'complement-subject' }] : []);
        if (r.pick.tokens.length) {
          recipient = r;
          break;
        }
      }
    }
    // "X said it will …": an unresolved pronoun actor is the reporter.
    const rep0 = reportingVerb(v, pred);
    if (rep0 >= 0 && actor.pick.tokens.length === 1 && PRONOUN_ACTORS.has(v.lemma(actor.pick.tokens[0]))) {
      // In "X said it/they/he …" the pronoun is almost always X, whatever a document-level coreference guessed.
      const rs = subjectOf(v, rep0);
      const rm = choose(v, mi, rs.actor.tokens.length ? [rs.actor] : []);
      if (rm.pick.tokens.length)
        actor = { pick: { tokens: rm.pick.tokens, rule: 'pronoun→reporter' }, mentions: rm.mentions };
    }
    // "X said Y was responsible": the subject is blamed and the sayer blames. An adjective of disapproval with its
    // object ("critical of", "troubled by") keeps its subject as the critic.
    if (e.pos === 'a' && e.type === 'ACCUSE' && !e.prep) {
      recipient = actor;
      const rs = rep0 >= 0 ? subjectOf(v, rep0) : null;
      actor = rs
        ? choose(v, mi, rs.actor.tokens.length ? [rs.actor] : [])
        : { pick: { tokens: [], rule: '' }, mentions: [] };
    }
    if (
      parsed &&
      (e.type === 'MOBILIZE' || (e.type === 'AID' && DEPLOY_VERBS.has(v.lemma(i)))) &&
      !actor.pick.tokens.length &&
      recipient.pick.rule === 'nsubj:pass'
    ) {
      // "Troops were deployed to X": the forces moved are the mobilising side.
      actor = recipient;
      recipient = { pick: { tokens: [], rule: '' }, mentions: [] };
    }
    if (parsed) {
      // Where the text names only a place, its country stands for the side the event touched:
      // "killed 48 people in Afghanistan" (recipient), "was arrested in Niger" (the state acting).
      const heads = [i, ...(pred !== i ? [pred] : []), ...v.childrenBy(i, 'xcomp')];
      // A possessive pronoun inside the phrase ("at his office") does not make it a party.
      const party = (x: Mention): boolean =>
        !(x.kind === 'pronoun' && POSSESSIVES.has(doc.text.slice(x.start, x.end).toLowerCase())) &&
        (!!x.country || (!!x.sector && x.sector !== 'UNK'));
      if (!recipient.mentions.some(party)) {
        // The object found is only the thing acted with ("returned a painting", "imposed sanctions"): the party it
        // went to or against, in a marked phrase anywhere in the clause, joins the recipient.
        const used = (t: number): boolean =>
          actor.pick.tokens.includes(t) || recipient.pick.tokens.includes(t) || consumed.has(t) || t === i;
        const mp = markedParty(v, heads, used);
        if (mp >= 0) {
          const r = choose(v, mi, [{ tokens: [mp], rule: 'marked-party:' + v.marks(mp).join('') }]);
          const ms = r.mentions.filter((x) => !actor.mentions.includes(x));
          recipient = {
            pick: {
              tokens: [...recipient.pick.tokens, mp],
              rule: (recipient.pick.rule ? recipient.pick.rule + '+' : '') + r.pick.rule,
            },
            mentions: [...recipient.mentions, ...ms],
          };
        } else {
          // A party named lower in the clause than the argument slots ("arrested 100 members, including the boss of
          // the Colombo family").
          const sp = subtreeParty(v, mi, heads, used);
          if (sp && !actor.mentions.includes(sp.m)) {
            // With its conjuncts: "a force comprised of Ethiopian, Mozambican and South African troops".
            const toks = v.withConjuncts(sp.tok).filter((t) => !used(t));
            const ms = [sp.m];
            for (const t of toks)
              for (const m of mi.at(t))
                if (!ms.includes(m) && !actor.mentions.includes(m) && m.kind !== 'pronoun') ms.push(m);
            recipient = {
              pick: {
                tokens: [...recipient.pick.tokens, ...(toks.includes(sp.tok) ? toks : [sp.tok, ...toks])],
                rule: (recipient.pick.rule ? recipient.pick.rule + '+' : '') + 'subtree-party',
              },
              mentions: [...recipient.mentions, ...ms],
            };
          }
        }
      }
      const pl = placeMention(v, mi, heads);
      if (pl && !actor.mentions.includes(pl.m) && !recipient.mentions.includes(pl.m)) {
        if (!actor.mentions.length && recipient.pick.rule === 'nsubj:pass') {
          // "X was arrested in Niger": with no agent named, the state where it happened acted.
          actor = { pick: { tokens: [pl.tok], rule: 'place' }, mentions: [pl.m] };
        } else if (!recipient.mentions.some((x) => x.country)) {
          recipient = {
            pick: {
              tokens: [...recipient.pick.tokens, pl.tok],
              rule: (recipient.pick.rule ? recipient.pick.rule + '+' : '') + 'place',
            },
            mentions: [...recipient.mentions, pl.m],
          };
        }
      } else if (!pl && !recipient.mentions.some((x) => x.country)) {
        // A named place the actors stage left without a country mention ("set up a station at Digha").
        const ents = doc.layers.entities ?? [];
        const isPlace = (t: number): boolean =>
          ents.some(
            (en) => en.start <= v.t.start[t] && en.end >= v.t.end[t] && (en.label === 'LOC' || en.label === 'GPE'),
          ) || mi.at(t).some((m) => m.kind !== 'pronoun' && !!m.country);
        const pt = placePhrase(v, heads, isPlace);
        if (pt >= 0 && !actor.pick.tokens.includes(pt) && !recipient.pick.tokens.includes(pt))
          recipient = {
            pick: {
              tokens: [...recipient.pick.tokens, pt],
              rule: (recipient.pick.rule ? recipient.pick.rule + '+' : '') + 'place-phrase',
            },
            mentions: recipient.mentions,
          };
      }
    }
    // Reciprocal events (meetings, agreements) with no other party keep everyone as actor; otherwise drop self-pairs.
    let recIds = recipient.mentions.filter((x) => !actor.mentions.includes(x));
    if (actor.pick.rule) rules.push(`actor=${actor.pick.rule}`);
    if (recipient.pick.rule) rules.push(`recipient=${recipient.pick.rule}`);

    const negated = isNegated(v, i, pred);
    const modality = modalityOf(v, i, pred);
    let reporter = reportingVerb(v, pred);
    if (reporter < 0) reporter = reportingChild(v, pred);
    let reportedBy: string | undefined;
    if (reporter >= 0) {
      const rs = subjectOf(v, reporter);
      const rm = mentionsOf(v, mi, rs.actor.tokens, false);
      if (rm.length) reportedBy = rm[0].id;
      rules.push(`reported:${v.lemma(reporter)}`);
    }

    // Date: an expression attached to the trigger (or to the verb carrying a nominal trigger).
    const d = dateFor(v, dates, anchors, pred !== i ? [i, pred] : [i]);
    let historical = isNoun && isHistoricalNoun(v, i, v.head(i), light);
    let date: string | null = null;
    let dateSpan: Span | undefined;
    // "the November 13 attacks, in which 130 people were killed": a clause about an earlier event shares its time.
    let about: EventRecord | undefined;
    if (v.rel(pred) === 'acl:relcl') {
      // The clause may hang on the event noun or on a phrase inside it ("the attacks in Paris, in which …").
      const h = v.head(pred);
      about = sentenceRecords.get(h) ?? (v.base(h) === 'nmod' ? sentenceRecords.get(v.head(h)) : undefined);
    }
    if (about?.historical && !d) {
      historical = true;
      date = about.date;
      if (about.dateSpan) dateSpan = about.dateSpan;
      rules.push('historical:relative-clause');
    } else if (d) {
      date = d.iso;
      dateSpan = { start: d.start, end: d.end };
      if (docDate && daysBetween(d.iso, docDate) >= HISTORICAL_DAYS) historical = true;
      rules.push(d.relative ? 'date:relative' : 'date:explicit');
    } else if (!historical) {
      date = docDate;
      if (docDate) rules.push('date:document');
    }
    if (historical && !about?.historical) rules.push('historical');

    // Place: an "in/at X" phrase on the trigger or its predicate.
    let place: EventRecord['place'];
    for (const p of pred !== i ? [i, pred] : [i]) {
      for (const c of v.childrenBy(p, 'obl', 'nmod')) {
        if (!v.marks(c).some((mk) => g.placePreps.has(mk))) continue;
        const ms = mi.forPhrase(v, c, phraseTokens(v, c));
        const ent = (doc.layers.entities ?? []).find(
          (en) => en.start <= v.t.start[c] && en.end >= v.t.end[c] && (en.label === 'LOC' || en.label === 'GPE'),
        );
        if (
          ent ||
          (ms.length &&
            ms[0].kind !== 'pronoun' &&
            (ms[0].sector === 'UNK' || ms[0].sector === '' || ms[0].sector === 'GOV') &&
            v.upos(c) === 'PROPN')
        ) {
          const sp = ent ? { start: ent.start, end: ent.end } : { start: ms[0].start, end: ms[0].end };
          place = { text: doc.text.slice(sp.start, sp.end), ...sp, country: ms[0]?.country ?? null };
          break;
        }
      }
      if (place) break;
    }

    // An event with no participant, place or date of its own says too little to keep ("the requested content").
    if (!actor.pick.tokens.length && !recipient.pick.tokens.length && !place && !dateSpan) continue;
    const isGeneric = e.id === GENERIC.id;
    if (
      isGeneric &&
      (!actor.pick.tokens.length ||
        !recipient.pick.tokens.length ||
        !(actor.mentions.length + recipIdsLen(recipient, actor)))
    )
      continue;
    let type = e.type;
    let mode = e.mode;
    let cameo = e.cameo || ploverToCameo(e.type, e.mode);
    let isNeg = negated;
    const re = isGeneric
      ? null
      : e.id === MUST_DO.id
        ? { type: 'REQUEST', mode: '', rule: 'must-do→REQUEST' }
        : reinterpret(v, pred, type, negated, modality);
    if (re) {
      rules.push(e.id === MUST_DO.id ? re.rule : `${re.rule} (was ${type})`);
      type = re.type;
      mode = re.mode;
      cameo = COMPOSITE_CAMEO[`${type}<${e.type}`] ?? ploverToCameo(type, mode);
      if (type === 'REJECT') isNeg = false;
      // "X said Y must withdraw": X demands and Y is asked; with no sayer the demand's source is unknown.
      if (re.rule.startsWith('must-do') && actor.pick.tokens.length) {
        const rs = reporter >= 0 ? subjectOf(v, reporter) : null;
        const asker =
          rs && rs.actor.tokens.length ? choose(v, mi, [{ tokens: rs.actor.tokens, rule: 'reporter' }]) : null;
        recipient = { pick: { tokens: actor.pick.tokens, rule: 'must-do:subject' }, mentions: actor.mentions };
        actor = asker ?? { pick: { tokens: [], rule: '' }, mentions: [] };
        recIds = recipient.mentions.filter((x) => !actor.mentions.includes(x));
        rules.push(`actor=${actor.pick.rule || 'none'}`, 'recipient=must-do:subject');
      }
    }
    const ctx = [...new Set([...e.contexts, ...contexts])];
    const confidence = Math.min(
      0.95,
      BASE_CONFIDENCE + SPECIFICITY_STEP * m.specificity - (actor.mentions.length ? 0 : 0.1),
    );
    const record: EventRecord = {
      id: '',
      sentence: si,
      // The trigger covers the words of the pattern: "hunger strike", "lashed out", "imposed sanctions".
      trigger: {
        start: v.t.start[isNoun && m.consumed.length ? Math.min(i, ...m.consumed) : i],
        end: v.t.end[m.consumed.length && !isNoun ? Math.max(i, ...m.consumed.filter((c) => c - i < 4)) : i],
      },
      type,
      mode,
      contexts: ctx,
      cameo,
      quad: quadOf(type),
      goldstein: cameo ? goldstein(cameo) : intensity(type, mode),
      actor: actor.mentions.map((x) => x.id),
      recipient: recIds.map((x) => x.id),
      actorSpans: actor.pick.tokens.map((t) => spanOf(v, t)),
      recipientSpans: recipient.pick.tokens.map((t) => spanOf(v, t)),
      date,
      ...(dateSpan ? { dateSpan } : {}),
      ...(place ? { place } : {}),
      negated: isNeg,
      modality,
      historical,
      decidedBy: [
        isGeneric
          ? `candidate:generic verb "${v.lemma(i)}"`
          : `lex:${e.id} ${e.pos}:"${e.text}" → ${e.cameo} ${e.type}${e.mode ? '/' + e.mode : ''}`,
        ...rules.map((r) => `rule:${r}`),
      ],
      confidence: Math.round(confidence * 100) / 100,
      ...(reportedBy ? { reportedBy } : {}),
    };
    sentenceRecords.set(i, record);
    out.push({ record, match: m, view: v, trigger: i, pred });
  }
}

/** Run the rule coder over every sentence of a Doc; returns candidates in text order (ids unassigned). */
export function codeCandidates(doc: Doc, generic = false): Candidate[] {
  const mi = new MentionIndex(doc);
  const docDate = isoDay(doc.meta.published?.value);
  const out: Candidate[] = [];
  const n = doc.layers.sentences?.length ?? 0;
  for (let si = 0; si < n; si++) codeSentence(doc, si, mi, docDate, out, generic);
  // Quotes: an event inside a quote's content is reported by the quote's speaker.
  for (const q of doc.layers.quotes ?? []) {
    for (const c of out) {
      const r = c.record;
      if (r.trigger.start >= q.content.start && r.trigger.end <= q.content.end) {
        r.reportedIn = q.id;
        if (q.speaker) r.reportedBy = q.speaker;
      }
    }
  }
  for (const c of out) speakerAsActor(c);
  return out;
}

const FIRST_PERSON = new Set(['i', 'we', 'me', 'us']);
/** Statement types: said in a quote with no one else named as doing it, they are the speaker's own act. */
const SPEECH_ACTS = new Set(['ACCUSE', 'REQUEST', 'REJECT', 'SUPPORT', 'THREATEN']);

/**
 * Reported speech is the speaker's own act when the quote names no one else as doing it: "'We back her,' the
 * editors wrote" (first person: SUPPORT by the editors, any type), "'The authorities must end this crackdown,' said
 * Luther" or "'a belligerent prosecution', Hrafnsson said" (a statement type whose trigger has no subject).
 */
function speakerAsActor(c: Candidate): void {
  const r = c.record;
  if (!r.reportedBy || r.actor.length) return;
  const v = c.view;
  // Only the trigger's own subject: a nominal event under another verb ("we condemn the attacks") is not ours.
  const subj = v.childrenBy(c.trigger, 'nsubj');
  if (subj.some((k) => FIRST_PERSON.has(v.text(k).toLowerCase()))) {
    r.actor = [r.reportedBy];
    r.decidedBy.push('rule:actor=speaker(first-person)');
  } else if (!subj.length && SPEECH_ACTS.has(r.type)) {
    r.actor = [r.reportedBy];
    r.decidedBy.push('rule:actor=speaker(statement)');
  }
}
