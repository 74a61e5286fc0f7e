/**
 * The event gate: a learned, calibrated decision "would a careful coder record this candidate, with this type and
 * this actor?" over every candidate the rule coder and re-scorer keep. Its calibrated probability becomes the event's
 * `confidence`; events below the threshold are not emitted (they stay in the `eventCandidates` debug layer with the
 * reason). Two hard gates come first, as PLOVER/CAMEO code: an event needs a party resolved to a code on at least
 * one side, and captions are page furniture, not news. Trained by gate-train.ts (data/events/gate.json).
 */
import { existsSync } from 'node:fs';
import type { Doc, Mention, Span } from '../doc/index.js';
import { dataPath, loadJson } from '../doc/resources.js';
import type { Candidate } from './coder.js';
import { stanceFeatures } from './stance.js';
import { grammar } from './grammar.js';
import { deserialise, predict, type LinearModel } from './linear.js';
import { mentionKind } from './mentions.js';

export const GATE_NAME = 'events.gate.v1';
/**
 * Default minimum confidence for an emitted event when the weights name none: gate-train.ts chooses the committed
 * value (stored in gate.json) by maximising F1 on out-of-fold news-dev train predictions (docs/events.md).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Why a candidate was not emitted. */
export type GateReason =
  | 'no-coded-party'
  | 'caption'
  | 'below-threshold'
  | 'non-political-document'
  | 'accident'
  | 'sentence-cap'
  | 'trigger-in-name';

/** A candidate that did not pass, kept for inspection. */
export interface Rejected {
  candidate: Candidate;
  reason: GateReason;
  p: number;
}

interface GateFile {
  labels: string[];
  scale: number;
  features: string[];
  weights: string;
  platt: { a: number; b: number };
  threshold: number;
  /** At most this many events per sentence, the most confident first (0 or absent: no cap). */
  perSentence?: number;
}

let gate:
  { m: LinearModel; platt: { a: number; b: number }; threshold: number; perSentence: number } | null | undefined;

/** The trained gate, or null when no weights are committed. */
export function loadGate(): typeof gate {
  if (gate !== undefined) return gate;
  if (!existsSync(dataPath('events', 'gate.json'))) return (gate = null);
  const f = loadJson<GateFile>('events', 'gate.json');
  return (gate = { m: deserialise(f), platt: f.platt, threshold: f.threshold, perSentence: f.perSentence ?? 0 });
}

/** Replace the cached gate (training and tests). */
export function setGate(g: typeof gate): void {
  gate = g;
}

/** Does a mention carry a code a PLOVER coder would use (a country or a known sector)? */
export function coded(m: Mention | undefined): boolean {
  return !!m && (!!m.country || (m.sector !== '' && m.sector !== 'UNK'));
}

/** Sectors of state and organised political actors, counted once per document for the gate. */
const POLITICAL_SECTORS = /^(GOV|MIL|LEG|JUD|PTY|COP|SPY|REB|INS|OPP|IGO|NGO)$/;

/**
 * Mention kinds whose words name the actor ("Amnesty International", "UN peacekeepers", "the peace mission"): a
 * trigger inside one is part of a name, not an act (news-dev and PLV train: 0 of 14 such candidates were events;
 * bare sector words such as "protesters" are left to the learned gate).
 */
const NAME_KINDS = new Set(['org', 'demonym+sector', 'description']);

/** Context shared by the candidates of one document. */
export interface GateContext {
  doc: Doc;
  mentions: Map<string, Mention>;
  /** Candidates per sentence. */
  bySentence: Map<number, Candidate[]>;
  /** Coded mentions in the document, and those of a political sector: a crude document relevance signal. */
  docCoded: number;
  docPolitical: number;
  /** Mentions whose words name an organisation or a described group (NAME_KINDS), for the trigger-in-name gate. */
  names: Mention[];
  /** Relevance scores when the relevance stage ran (sentence-level, calibrated). */
  sentenceRelevance: ArrayLike<number> | null;
  docRelevance: number | null;
}

/** Build the context for a document's candidates. */
export function gateContext(doc: Doc, cands: Candidate[]): GateContext {
  const mentions = new Map((doc.layers.mentions ?? []).map((m) => [m.id, m]));
  const bySentence = new Map<number, Candidate[]>();
  for (const c of cands) {
    const l = bySentence.get(c.record.sentence) ?? [];
    l.push(c);
    bySentence.set(c.record.sentence, l);
  }
  let docCoded = 0;
  let docPolitical = 0;
  for (const m of doc.layers.mentions ?? [])
    if (coded(m)) {
      docCoded++;
      if (POLITICAL_SECTORS.test(m.sector)) docPolitical++;
    }
  const rel = doc.layers.relevance;
  return {
    doc,
    mentions,
    bySentence,
    docCoded,
    docPolitical,
    names: (doc.layers.mentions ?? []).filter((m) => NAME_KINDS.has(mentionKind(m))),
    sentenceRelevance: rel?.sentences ?? null,
    docRelevance: rel?.score ?? null,
  };
}

/** The block kind a character offset falls in. */
function blockKind(doc: Doc, at: number): string {
  for (const b of doc.layers.blocks ?? []) if (at >= b.start && at < b.end) return b.kind;
  return 'none';
}

const bin = (x: number, cuts: number[]): string => {
  let k = 0;
  while (k < cuts.length && x >= cuts[k]) k++;
  return String(k);
};

function partyFeatures(tag: string, ids: string[], ctx: GateContext): string[] {
  if (!ids.length) return [`${tag}=none`];
  const f: string[] = [];
  let best = 'uncoded';
  for (const id of ids) {
    const m = ctx.mentions.get(id);
    if (!m) continue;
    const c = coded(m);
    if (c) best = 'coded';
    f.push(`${tag}k=${mentionKind(m)}`, `${tag}s=${m.sector || 'NONE'}`, `${tag}c=${m.country ? 'C' : 'noC'}`);
    if (m.antecedent) f.push(`${tag}coref`);
  }
  f.push(`${tag}=${best}`);
  return f;
}

/** The first note of the candidate's decision trail that `re` matches, or null. */
function trailNote(c: Candidate, re: RegExp): RegExpExecArray | null {
  for (const d of c.record.decidedBy) {
    const m = re.exec(d);
    if (m) return m;
  }
  return null;
}

/** The rule coder's and re-scorer's probability for a candidate, read from its decision trail. */
function rescorerP(c: Candidate): number | null {
  const m = trailNote(c, /^model:events\.lr\.v1 \S+ ([0-9.]+)/);
  return m ? Number(m[1]) : null;
}

/** The sentence prior's top type and probability, read from the decision trail (events.sent.v1). */
function sentencePriorOf(c: Candidate): { top: string; p: number } | null {
  const m = trailNote(c, /^model:events\.sent\.v1 sentence prior (\S+) ([0-9.]+)/);
  return m ? { top: m[1], p: Number(m[2]) } : null;
}

/** Does another candidate of the sentence govern this one's trigger (the demanded or intended content of it)? */
function governor(c: Candidate, ctx: GateContext): string | null {
  const v = c.view;
  for (let h = v.head(c.trigger), k = 0; h >= 0 && k < 12; h = v.head(h), k++)
    for (const o of ctx.bySentence.get(c.record.sentence) ?? [])
      if (o !== c && (o.trigger === h || o.pred === h)) return o.record.type;
  return null;
}

/** Feature strings of one candidate for the gate. */
export function gateFeatures(c: Candidate, ctx: GateContext): string[] {
  const r = c.record;
  const v = c.view;
  const lem = v.lemma(c.trigger);
  const t = r.type;
  const f: string[] = ['bias', `t=${t}`, `lex=${c.match.entry.id}`, `tl=${lem}`, `t*tl=${t}/${lem}`];
  f.push(`pos=${c.match.entry.pos}`, `mod=${r.modality}`, `t*mod=${t}/${r.modality}`);
  if (r.negated) f.push('neg');
  if (r.historical) f.push('hist', `t*hist=${t}`);
  if (r.reportedIn) f.push('inquote');
  else if (r.reportedBy) f.push('reported');
  const af = partyFeatures('a', r.actor, ctx);
  const rf = partyFeatures('r', r.recipient, ctx);
  f.push(...af, ...rf);
  const A = af[af.length - 1];
  const R = rf[rf.length - 1];
  f.push(`AR=${A}/${R}`, `t*A=${t}/${A}`, `t*R=${t}/${R}`);
  const rp = rescorerP(c);
  f.push(rp === null ? 'rp=none' : `rp=${bin(rp, [0.3, 0.5, 0.7, 0.85, 0.95])}`);
  const sp = sentencePriorOf(c);
  if (sp) {
    const agree = sp.top === t ? 'agree' : sp.top === 'NONE' ? 'none' : 'other';
    f.push(`sp=${agree}`, `sp*p=${agree}/${bin(sp.p, [0.3, 0.5, 0.7])}`);
  } else f.push('sp=absent');
  const g = governor(c, ctx);
  if (g) f.push(`gov=${g}`, `gov*t=${g}/${t}`);
  const si = r.sentence;
  f.push(`sent=${bin(si, [1, 2, 4, 8, 16])}`, `block=${blockKind(ctx.doc, r.trigger.start)}`);
  const n = ctx.bySentence.get(si)?.length ?? 0;
  f.push(`ncand=${bin(n, [2, 3, 5])}`);
  const s = ctx.doc.layers.sentences?.[si];
  if (s) f.push(`slen=${bin(s.tokenEnd - s.tokenStart, [8, 15, 25, 40, 60])}`);
  const trig = ctx.doc.text.slice(r.trigger.start, r.trigger.end);
  if (/^\p{Lu}/u.test(trig) && c.trigger !== v.start) f.push('trigCap');
  for (const e of ctx.doc.layers.entities ?? [])
    if (r.trigger.start >= e.start && r.trigger.end <= e.end) f.push(`inEnt=${e.label}`);
  f.push(`docGov=${bin(ctx.docPolitical, [1, 3, 6, 12])}`, `docCoded=${bin(ctx.docCoded, [1, 3, 6, 12, 25])}`);
  if (ctx.sentenceRelevance) f.push(`srel=${bin(ctx.sentenceRelevance[si] ?? 0, [0.1, 0.25, 0.5, 0.75, 0.9])}`);
  if (ctx.docRelevance !== null) f.push(`drel=${bin(ctx.docRelevance, [0.1, 0.25, 0.5, 0.75, 0.9])}`);
  f.push(...stanceFeatures(c));
  return f;
}

/** Logistic function. */
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Calibrated probability that a candidate is an event a coder would record as coded. */
export function gateProbability(feats: string[], g: NonNullable<typeof gate>): number {
  const p = predict(g.m, feats)[g.m.labels.indexOf('YES')];
  const z = Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));
  return sigmoid(g.platt.a * z + g.platt.b);
}

/**
 * A document the relevance stage scores below this carries no political events (calibrated probability; the
 * relevance model's own document threshold, src/relevance/thresholds.ts, chosen on its dev split).
 */
export const DOC_RELEVANCE_MIN = 0.5;
/** The document decision needs a document: a bare sentence (`--sentences`) is judged by the learned gate alone. */
const DOC_MIN_SENTENCES = 3;

/** The hard gates: a political document; a party resolved to a code on at least one side; not a caption. */
export function hardGate(c: Candidate, ctx: GateContext): GateReason | null {
  const r = c.record;
  const ns = ctx.doc.layers.sentences?.length ?? 0;
  if (ctx.docRelevance !== null && ns >= DOC_MIN_SENTENCES && ctx.docRelevance < DOC_RELEVANCE_MIN)
    return 'non-political-document';
  if (blockKind(ctx.doc, r.trigger.start) === 'caption') return 'caption';
  if (![...r.actor, ...r.recipient].some((id) => coded(ctx.mentions.get(id)))) return 'no-coded-party';
  if (r.type === 'ASSAULT' && accidental(c)) return 'accident';
  if (inActorName(r.trigger, ctx.names)) return 'trigger-in-name';
  return null;
}

/** Is the trigger inside one of the name mentions ({@link GateContext.names})? */
function inActorName(trigger: Span, names: Mention[]): boolean {
  return names.some((m) => m.start <= trigger.start && m.end >= trigger.end);
}

/** "killed in a helicopter crash", "died in the flood": a death by accident or nature is no one's assault. */
export function accidental(c: Candidate): boolean {
  const v = c.view;
  const acc = grammar().accident;
  return [c.trigger, c.pred].some((p) =>
    v.children(p).some(
      (k) =>
        ['obl', 'nmod'].includes(v.base(k)) &&
        acc.has(v.lemma(k)) &&
        // "in a crash"; also a crash the parser left unmarked after another phrase ("in Afghanistan helicopter crash").
        (v.marks(k).some((m) => m === 'in' || m === 'by') || !v.marks(k).length),
    ),
  );
}

/** Options for {@link applyGate}. */
export interface GateOptions {
  /** Keep events at or above this confidence (default: the threshold stored with the weights). */
  minConfidence?: number;
  /** Use the learned decision (default true); false applies the hard gates only (rules-only coding). */
  learned?: boolean;
}

/**
 * Gate a document's candidates: hard gates, then the learned probability as each kept event's confidence. Returns
 * the kept candidates and the rejected ones with reasons.
 */
export function applyGate(
  doc: Doc,
  cands: Candidate[],
  opts: GateOptions = {},
): { kept: Candidate[]; rejected: Rejected[] } {
  const g = opts.learned === false ? null : loadGate();
  const ctx = gateContext(doc, cands);
  const min = opts.minConfidence ?? g?.threshold ?? DEFAULT_MIN_CONFIDENCE;
  const kept: Candidate[] = [];
  const rejected: Rejected[] = [];
  for (const c of cands) {
    const hard = hardGate(c, ctx);
    if (hard) {
      rejected.push({ candidate: c, reason: hard, p: 0 });
      continue;
    }
    if (!g) {
      kept.push(c);
      continue;
    }
    const p = gateProbability(gateFeatures(c, ctx), g);
    c.record.confidence = Math.round(p * 1000) / 1000;
    c.record.decidedBy.push(`model:${GATE_NAME} ${p.toFixed(2)}`);
    if (p >= min) kept.push(c);
    else rejected.push({ candidate: c, reason: 'below-threshold', p });
  }
  if (!g?.perSentence) return { kept, rejected };
  const capped = capPerSentence(kept, g.perSentence);
  for (const c of capped.dropped) rejected.push({ candidate: c, reason: 'sentence-cap', p: c.record.confidence ?? 0 });
  return { kept: capped.kept, rejected };
}

/**
 * A sentence reports one or two events, rarely three (news-dev gold: 249 sentences with one, 123 with two, 28 with
 * three, 4 with four): keep at most `k` per sentence, the most confident first, in their original order.
 */
export function capPerSentence(cands: Candidate[], k: number): { kept: Candidate[]; dropped: Candidate[] } {
  const keep = topPerGroup(
    cands,
    k,
    (c) => c.record.sentence,
    (c) => c.record.confidence ?? 0,
  );
  return { kept: cands.filter((c) => keep.has(c)), dropped: cands.filter((c) => !keep.has(c)) };
}

/** The `k` highest-scoring items of each group (ties: the earlier item), as a set. */
export function topPerGroup<T>(items: T[], k: number, group: (x: T) => unknown, score: (x: T) => number): Set<T> {
  const n = new Map<unknown, number>();
  const keep = new Set<T>();
  for (const x of [...items].sort((a, b) => score(b) - score(a))) {
    const c = (n.get(group(x)) ?? 0) + 1;
    n.set(group(x), c);
    if (c <= k) keep.add(x);
  }
  return keep;
}
