/**
 * Reported evaluations as statement events. Much criticism and praise in news carries no event word: "called it an
 * 'extremely adverse development'", "said the decision is illegal", "expressed deep concern about the policy", "is
 * pleased with the ruling". A stance candidate is an ACCUSE (negative) or SUPPORT (positive) by whoever evaluates,
 * aimed at what is evaluated, with its polarity from the tone lexicon (data/tone, VADER valences) over the evaluated
 * words. The frames only propose: the learned event gate (gate.ts, trained on news-dev train with these candidates
 * among its examples) decides which are events, from the frame, the polarity, the part of speech of the evaluative
 * word, the parties and the document.
 */
import type { Doc } from '../doc/index.js';
import { loadJson } from '../doc/resources.js';
import type { EventRecord } from '../doc/types.js';
import { toneWords, wordValences } from '../quotes/tone.js';
import { phraseSpan, phraseTokens, subjectOf } from './args.js';
import type { Candidate } from './coder.js';
import { isoDay } from './dates.js';
import { grammar } from './grammar.js';
import type { LexEntry } from './lexicon/types.js';
import { MentionIndex } from './mentions.js';
import { goldstein, ploverToCameo, quadOf } from './ontology/index.js';
import { SentenceView } from './syntax.js';

/** The frames' word lists (data/events/stance.json). */
interface StanceWords {
  callVerbs: string[];
  expressVerbs: string[];
  aboutPreps: string[];
  /** Adjectives and participles of attitude ("pleased", "troubled"); polarity still comes from the tone lexicon. */
  attitudeWords: string[];
  /** Reporting verbs of knowledge or prediction: what they report is not the speaker's stance. */
  noStanceClauseVerbs: string[];
}
let words: StanceWords | null = null;
const W = (): StanceWords => (words ??= loadJson<StanceWords>('events', 'stance.json'));

/** How the evaluation is expressed. */
export type StanceFrame = 'call' | 'say' | 'attitude' | 'express';

/**
 * How a stance candidate was read: its frame, the summed valence, the strongest word's valence and part of speech.
 * Valences are kept to one decimal, as the evidence shows them (the gate's bins were learned on those values).
 */
export interface StanceReading {
  frame: StanceFrame;
  sum: number;
  peak: number;
  peakPos: string;
}

/** The polarity of evaluated words: the summed valence and the word that carries most of it. */
export interface Polarity {
  sum: number;
  /** Token index of the strongest word, -1 when none has a valence. */
  peak: number;
  peakValence: number;
}

/** A candidate's valence must reach this (summed VADER valence) to be proposed at all; the gate decides the rest. */
export const MIN_VALENCE = 1.2;

/** The strongest word of a reported clause must be this strong (VADER valence) and of these parts of speech. */
const MIN_PEAK = 1.5;
const EVALUATIVE_POS = new Set(['ADJ', 'NOUN']);

/** Polarity of a set of tokens, read in text order (negators and boosters act on the words after them). */
export function polarity(v: SentenceView, toks: number[]): Polarity {
  const sorted = [...toks].sort((a, b) => a - b);
  const words: string[] = [];
  const owner: number[] = [];
  for (const t of sorted) {
    // Names carry no stance ("Security Council", "Peace Corps").
    if (v.upos(t) === 'PROPN') continue;
    for (const w of toneWords(v.doc.text.slice(v.t.start[t], v.t.end[t]))) {
      words.push(w);
      owner.push(t);
    }
  }
  const vals = wordValences(words);
  let sum = 0;
  let peak = -1;
  let peakValence = 0;
  vals.forEach((x, k) => {
    sum += x;
    if (Math.abs(x) > Math.abs(peakValence)) {
      peakValence = x;
      peak = owner[k];
    }
  });
  return { sum, peak, peakValence };
}

/** Every token under h in the sentence (h included). */
function subtree(v: SentenceView, h: number): number[] {
  const out = [h];
  for (let k = 0; k < out.length; k++) for (const c of v.children(out[k])) out.push(c);
  return out;
}

/** One proposal before it becomes a candidate. */
interface Proposal {
  frame: StanceFrame;
  pred: number;
  actorHeads: number[];
  recipientHeads: number[];
  /** The evaluated words. */
  content: number[];
}

/** "X called Y Z" / "described Y as Z": the object is evaluated by what is predicated of it. */
function callFrame(v: SentenceView, p: number): Proposal | null {
  if (!W().callVerbs.includes(v.lemma(p)) || !v.isVerb(p)) return null;
  const objs = v.childrenBy(p, 'obj');
  const pred = v
    .children(p)
    .filter((c) => ['xcomp', 'ccomp', 'obl', 'advcl'].includes(v.base(c)) && !objs.includes(c))
    .filter((c) => v.base(c) !== 'obl' || v.marks(c).includes('as'));
  // "called it an 'extremely adverse development'": the parser often makes the predicate the object itself.
  const content = pred.length ? pred.flatMap((c) => subtree(v, c)) : objs.length > 1 ? subtree(v, objs[1]) : [];
  if (!content.length || !objs.length) return null;
  return { frame: 'call', pred: p, actorHeads: subj(v, p), recipientHeads: [objs[0]], content };
}

/** "X said (that) Y is illegal": a reporting verb whose reported clause evaluates something. */
function sayFrame(v: SentenceView, p: number): Proposal | null {
  if (!grammar().reporting.has(v.lemma(p)) || !v.isVerb(p) || W().noStanceClauseVerbs.includes(v.lemma(p))) return null;
  const clauses = v.children(p).filter((c) => v.base(c) === 'ccomp' || v.base(c) === 'parataxis');
  if (!clauses.length) return null;
  const c = clauses[0];
  const inner = v.childrenBy(c, 'nsubj');
  return { frame: 'say', pred: p, actorHeads: subj(v, p), recipientHeads: inner, content: subtree(v, c) };
}

/** "X is pleased with Y", "X was troubled by Y": an attitude adjective or participle predicated of the subject. */
function attitudeFrame(v: SentenceView, p: number): Proposal | null {
  const u = v.upos(p);
  const participle =
    u === 'VERB' && v.t.xpos[p] === 'VBN' && v.children(p).some((c) => v.base(c) === 'cop' || v.rel(c) === 'aux:pass');
  if (u !== 'ADJ' && !participle) return null;
  if (!W().attitudeWords.includes(v.text(p)) && !W().attitudeWords.includes(v.lemma(p))) return null;
  if (!v.childrenBy(p, 'nsubj').length && !v.children(p).some((c) => v.rel(c) === 'nsubj:pass')) return null;
  const about = v.children(p).filter((c) => v.base(c) === 'obl' && v.marks(c).some((m) => W().aboutPreps.includes(m)));
  const subjects = v.children(p).filter((c) => v.base(c) === 'nsubj');
  return {
    frame: 'attitude',
    pred: p,
    actorHeads: subjects,
    recipientHeads: about,
    content: [p, ...v.children(p).filter((c) => v.base(c) === 'advmod')],
  };
}

/** "X expressed deep concern about Y", "voiced outrage at Y": a light verb whose object is the attitude. */
function expressFrame(v: SentenceView, p: number): Proposal | null {
  if (!W().expressVerbs.includes(v.lemma(p)) || !v.isVerb(p)) return null;
  const obj = v.childrenBy(p, 'obj')[0];
  if (obj === undefined) return null;
  const about = [...v.children(obj), ...v.children(p)].filter(
    (c) => (v.base(c) === 'nmod' || v.base(c) === 'obl') && v.marks(c).some((m) => W().aboutPreps.includes(m)),
  );
  const content = phraseTokens(v, obj);
  return { frame: 'express', pred: p, actorHeads: subj(v, p), recipientHeads: about, content };
}

const subj = (v: SentenceView, p: number): number[] => subjectOf(v, p).actor.tokens;

const FRAMES = [callFrame, sayFrame, attitudeFrame, expressFrame];

const entries = new Map<string, LexEntry>();
/** The pseudo lexicon entry of a frame and polarity (its id is what the gate learns from). */
function entryFor(frame: StanceFrame, type: string): LexEntry {
  const id = `STANCE:${frame}:${type}`;
  let e = entries.get(id);
  if (!e) {
    const cameo = ploverToCameo(type, '');
    e = {
      id,
      pos: 'v',
      words: [],
      cameo,
      type,
      mode: '',
      contexts: [],
      goldstein: goldstein(cameo),
      block: false,
      text: `(stance: ${frame})`,
    };
    entries.set(id, e);
  }
  return e;
}

/** Turn one proposal into a candidate, or null when it evaluates too weakly or names nobody. */
function toCandidate(
  v: SentenceView,
  mi: MentionIndex,
  si: number,
  docDate: string | null,
  pr: Proposal,
): Candidate | null {
  const pol = polarity(
    v,
    pr.content.filter((t) => t !== pr.pred || pr.frame === 'attitude'),
  );
  if (Math.abs(pol.sum) < MIN_VALENCE || pol.peak < 0) return null;
  // What a reporting verb reports is an evaluation when its strongest word evaluates (an adjective or noun), not
  // when it tells of deeds ("said the attacks killed 130").
  if (pr.frame === 'say' && (!EVALUATIVE_POS.has(v.upos(pol.peak)) || Math.abs(pol.peakValence) < MIN_PEAK))
    return null;
  const type = pol.sum < 0 ? 'ACCUSE' : 'SUPPORT';
  const actor = mi.forHeads(v, pr.actorHeads, true);
  let recipient = mi.forHeads(v, pr.recipientHeads, true).filter((m) => !actor.includes(m));
  // "said it viewed Washington's move as …": the evaluated party may sit anywhere in the reported clause.
  if (!recipient.length && pr.frame !== 'attitude')
    recipient = mi.forHeads(v, pr.content, true).filter((m) => !actor.includes(m) && m.code);
  if (!actor.length && !recipient.length) return null;
  const entry = entryFor(pr.frame, type);
  const cameo = entry.cameo;
  const peakWord = v.doc.text.slice(v.t.start[pol.peak], v.t.end[pol.peak]);
  const stance: StanceReading = {
    frame: pr.frame,
    sum: Number(pol.sum.toFixed(1)),
    peak: Number(pol.peakValence.toFixed(1)),
    peakPos: v.upos(pol.peak),
  };
  const record: EventRecord = {
    id: '',
    sentence: si,
    trigger: { start: v.t.start[pr.pred], end: v.t.end[pr.pred] },
    type,
    mode: '',
    contexts: [],
    cameo,
    quad: quadOf(type),
    goldstein: goldstein(cameo),
    actor: actor.map((m) => m.id),
    recipient: recipient.map((m) => m.id),
    actorSpans: pr.actorHeads.map((h) => phraseSpan(v, h)),
    recipientSpans: pr.recipientHeads.map((h) => phraseSpan(v, h)),
    date: docDate,
    negated: false,
    modality: 'happened',
    historical: false,
    decidedBy: [
      `stance:${pr.frame} "${v.text(pr.pred)}" valence ${pol.sum.toFixed(1)} (peak "${peakWord}" ${pol.peakValence.toFixed(1)} ${v.upos(pol.peak)}) → ${type}`,
    ],
    confidence: 0.4,
  };
  return { record, match: { entry, specificity: 0, consumed: [] }, view: v, trigger: pr.pred, pred: pr.pred, stance };
}

/** Gate features of a stance candidate (frame, polarity strength, the evaluative word's part of speech). */
export function stanceFeatures(c: Candidate): string[] {
  if (!c.stance) return [];
  const { frame, sum, peak, peakPos: pos } = c.stance;
  const s = Math.abs(sum);
  const strength = s >= 4 ? 'vhi' : s >= 2.5 ? 'hi' : s >= 1.8 ? 'mid' : 'lo';
  return [
    `st=${frame}`,
    `st*pol=${frame}/${c.record.type}`,
    `st*val=${frame}/${strength}`,
    `st*peakpos=${pos}`,
    `st*peak=${Math.abs(peak) >= 2.5 ? 'strong' : 'weak'}`,
  ];
}

/**
 * Stance candidates of a parsed Doc. A predicate that already triggers a candidate (`taken`: trigger or predicate
 * tokens of the lexicon's candidates) is not proposed again: "condemned" is the lexicon's.
 */
export function stanceCandidates(doc: Doc, taken: Candidate[]): Candidate[] {
  const mi = new MentionIndex(doc);
  const docDate = isoDay(doc.meta.published?.value);
  const used = new Set<number>();
  const triggers = new Set<number>();
  for (const c of taken) {
    used.add(c.trigger).add(c.pred);
    triggers.add(c.trigger);
    for (const k of c.match.consumed) triggers.add(k);
  }
  const out: Candidate[] = [];
  const n = doc.layers.sentences?.length ?? 0;
  for (let si = 0; si < n; si++) {
    const v = new SentenceView(doc, si);
    if (!v.parsed) continue;
    for (let p = v.start; p < v.end; p++) {
      if (used.has(p)) continue;
      for (const frame of FRAMES) {
        const pr = frame(v, p);
        // A reported clause that tells of an event of its own is that event's report, not a stance.
        if (pr && pr.frame === 'say' && pr.content.some((t) => triggers.has(t))) continue;
        const c = pr && toCandidate(v, mi, si, docDate, pr);
        if (c) {
          out.push(c);
          break;
        }
      }
    }
  }
  return out;
}
