/**
 * What the phases of the sentence coder (code/*.ts) share: the sentence (its view, mentions, trigger matches, dates
 * and context cues) and, per trigger, the context each phase reads and fills in turn — arguments, repairs, speech,
 * date and place, reading — before the record is built. Also the argument helpers every phase uses.
 */
import type { Doc, EventRecord, Mention, Modality, Span } from '../../doc/index.js';
import type { ArgPick } from '../args.js';
import type { DateExpr } from '../dates.js';
import type { Grammar } from '../grammar.js';
import type { LexEntry, LexMatch } from '../lexicon/index.js';
import type { MentionIndex } from '../mentions.js';
import { reportingVerb } from '../modality.js';
import type { SentenceView } from '../syntax.js';

/** One argument role: the head tokens picked (and the rule that picked them) and the mentions they name. */
export interface Arg {
  pick: ArgPick;
  mentions: Mention[];
}

/** An empty argument: no tokens, no rule, no mentions. */
export function noArg(): Arg {
  return { pick: { tokens: [], rule: '' }, mentions: [] };
}

/** One sentence being coded: what every trigger in it shares. */
export interface SentenceContext {
  doc: Doc;
  si: number;
  v: SentenceView;
  mi: MentionIndex;
  g: Grammar;
  parsed: boolean;
  docDate: string | null;
  /** Trigger token → its lexicon (or pseudo-entry) match. */
  matches: Map<number, LexMatch>;
  /** Date expressions of the sentence and, for each, the token it attaches to. */
  dates: DateExpr[];
  anchors: number[];
  /** Context cues the sentence text matches. */
  contexts: string[];
  /** Records kept so far in this sentence, by trigger token (for clauses about an earlier event). */
  records: Map<number, EventRecord>;
}

/** One trigger being coded: filled phase by phase. */
export interface TriggerContext {
  s: SentenceContext;
  v: SentenceView;
  mi: MentionIndex;
  /** The trigger token, its match and entry. */
  i: number;
  m: LexMatch;
  e: LexEntry;
  isNoun: boolean;
  consumed: Set<number>;
  /** Predicate the arguments hang on (the trigger, or the verb governing a nominal trigger). */
  pred: number;
  /** A nominal trigger carried by a light verb ("held talks"). */
  light: boolean;
  actor: Arg;
  recipient: Arg;
  /** Rule ids for `decidedBy`, in the order they decided. */
  rules: string[];
  /** The place mention of an "in/at X" phrase in the clause (repairs/party.ts), once read. */
  placeParty?: { tok: number; m: Mention } | null;
  negated: boolean;
  modality: Modality;
  /** The reporting verb whose complement holds the predicate (see reportingAbove), once asked. */
  sayer?: number;
  /** The reporting verb above or beside the predicate, or -1. */
  reporter: number;
  reportedBy?: string;
  date: string | null;
  dateSpan?: Span;
  historical: boolean;
  place?: EventRecord['place'];
  type: string;
  mode: string;
  cameo: string;
}

/** A fresh trigger context: no arguments, speech, date or place read yet. */
export function triggerContext(s: SentenceContext, i: number, m: LexMatch): TriggerContext {
  return {
    s,
    v: s.v,
    mi: s.mi,
    i,
    m,
    e: m.entry,
    isNoun: m.entry.pos === 'n',
    consumed: new Set(m.consumed),
    pred: i,
    light: false,
    actor: noArg(),
    recipient: noArg(),
    rules: [],
    negated: false,
    modality: 'happened',
    reporter: -1,
    date: null,
    historical: false,
    type: m.entry.type,
    mode: m.entry.mode,
    cameo: '',
  };
}

/** Pick the first candidate whose phrase has a mention; otherwise the first candidate (for its span). */
export function choose(v: SentenceView, mi: MentionIndex, cands: ArgPick[]): Arg {
  // Objects that are the thing moved or given ("its troops") only stand in when nothing else does; a joint
  // activity ("coordinate strikes") is kept as the phrase but names no party.
  const activity = cands.find((c) => c.rule.endsWith(':activity'));
  cands = cands.filter((c) => !c.rule.endsWith(':activity'));
  const main = cands.filter((c) => !c.rule.endsWith(':thing'));
  const rest = cands.filter((c) => c.rule.endsWith(':thing'));
  for (const c of main) {
    const ms = mi.forHeads(v, c.tokens, false);
    if (ms.length) return { pick: c, mentions: ms };
  }
  const ordered = [...main, ...rest];
  if (!ordered.length) return activity ? { pick: activity, mentions: [] } : noArg();
  const pick = ordered[0];
  const ms = mi.forHeads(v, pick.tokens, true);
  if (!pick.rule.endsWith(':thing')) return { pick, mentions: ms };
  // The thing itself ("share intelligence", "sent troops") is not a party, even where a sector word names it; a
  // party inside it ("Chadian troops", "its weapons") is.
  const itself = (m: Mention): boolean => pick.tokens.some((t) => m.start <= v.t.start[t] && m.end >= v.t.end[t]);
  return { pick, mentions: ms.filter((m) => !itself(m)) };
}

/**
 * The recipient slot holds a joint activity ("coordinate Syria strikes in Iraq"): what was done together; the parties
 * and places inside or around it are not partners of the joint action, so no repair adds them.
 */
export function jointActivity(x: TriggerContext): boolean {
  return x.recipient.pick.rule.endsWith(':activity');
}

/** The recipient grown by more head tokens, its rule joined with '+', and the given mentions. */
export function extendRecipient(x: TriggerContext, tokens: number[], rule: string, mentions: Mention[]): Arg {
  const r = x.recipient;
  return {
    pick: { tokens: [...r.pick.tokens, ...tokens], rule: (r.pick.rule ? r.pick.rule + '+' : '') + rule },
    mentions,
  };
}

/** The reporting verb whose complement holds the predicate ("X said Y would …"), or -1; read once, after the arguments. */
export function reportingAbove(x: TriggerContext): number {
  x.sayer ??= reportingVerb(x.v, x.pred);
  return x.sayer;
}

/** The head tokens a clause-wide search starts from: the trigger, its predicate, and the trigger's xcomp complements. */
export function clauseHeads(x: TriggerContext): number[] {
  const { v, i, pred } = x;
  return [i, ...(pred !== i ? [pred] : []), ...v.childrenBy(i, 'xcomp')];
}
