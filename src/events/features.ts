/**
 * Features of a rule candidate for the learned re-scorer: the lexicon entry and its
 * type, the trigger and its syntactic neighbours, modality, argument sectors and
 * the content words around the trigger. Shared by training and inference.
 */
import type { Candidate } from './coder.js';

const CONTENT = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN']);
/** Words either side of the trigger used as context features (tuned on PLV train folds, not dev). */
const WINDOW = 6;

/** Feature strings for one candidate. */
export function candidateFeatures(c: Candidate, sectorOf: (id: string) => string): string[] {
  const v = c.view;
  const i = c.trigger;
  const e = c.match.entry;
  const r = c.record;
  const lem = v.lemma(i);
  const f: string[] = [
    'bias',
    `lex=${e.id}`,
    `lt=${e.type}`,
    `lm=${e.type}/${e.mode}`,
    `tl=${lem}`,
    `tlp=${e.pos}:${lem}`,
    `pos=${e.pos}`,
  ];
  if (e.objs) f.push(`objc=${e.type}`);
  // CAMEO code prefixes let conventions learnt on one entry carry over to its siblings (all of 166 → one reading).
  if (e.cameo) f.push(`c2=${e.cameo.slice(0, 2)}`, `c3=${e.cameo.slice(0, 3)}`);
  for (const ch of v.children(i)) {
    const rel = v.base(ch);
    if (rel === 'obj' || rel === 'nsubj' || rel === 'xcomp' || rel === 'compound' || rel === 'amod')
      f.push(`${rel}=${v.lemma(ch)}`);
    if (rel === 'obl' || rel === 'nmod') for (const m of v.marks(ch)) f.push(`prep=${m}`, `prepw=${m}:${v.lemma(ch)}`);
    if (rel === 'aux') f.push(`aux=${v.lemma(ch)}`);
  }
  const h = v.head(i);
  if (h >= 0) f.push(`gov=${v.lemma(h)}`, `govrel=${v.rel(i)}`);
  else f.push('root');
  if (c.pred !== i) f.push(`pred=${v.lemma(c.pred)}`);
  f.push(`mod=${r.modality}`);
  if (r.negated) f.push('neg');
  if (r.historical) f.push('hist');
  if (r.reportedBy) f.push('reported');
  f.push(r.actor.length ? 'hasA' : 'noA', r.recipient.length ? 'hasR' : 'noR');
  for (const a of r.actor) f.push(`as=${sectorOf(a)}`);
  for (const a of r.recipient) f.push(`rs=${sectorOf(a)}`);
  for (let k = Math.max(v.start, i - WINDOW); k < Math.min(v.end, i + WINDOW + 1); k++) {
    if (k === i || !CONTENT.has(v.upos(k))) continue;
    f.push(`w=${v.lemma(k)}`, `${k < i ? 'wl' : 'wr'}=${v.lemma(k)}`);
  }
  // Conjunctions with the rule type: how modality, voice and the parties' sectors bend a trigger's type.
  f.push(`lt*mod=${e.type}/${r.modality}`, `rt=${r.type}`, `lt*rt=${e.type}/${r.type}`);
  for (const a of r.actor) f.push(`lt*as=${e.type}/${sectorOf(a)}`);
  for (const a of r.recipient) f.push(`lt*rs=${e.type}/${sectorOf(a)}`);
  for (const d of c.record.decidedBy)
    if (d.startsWith('rule:actor=') || d.startsWith('rule:recipient=')) f.push(d.slice(5));
  return f;
}

/** Bucket of a probability, so the linear re-scorer can weigh a weak and a strong prior differently. */
function pbin(p: number): string {
  return p >= 0.6 ? 'hi' : p >= 0.3 ? 'mid' : p >= 0.1 ? 'lo' : 'no';
}

/**
 * Features from the sentence classifier's distribution (sentclf.ts): its top two types, how much it believes the
 * rule type, and whether it agrees with it — the re-scorer learns when to trust the sentence over the lexicon.
 */
export function priorFeatures(labels: string[], p: Float64Array, ruleType: string): string[] {
  const order = labels.map((_, j) => j).sort((a, b) => p[b] - p[a]);
  const t1 = labels[order[0]];
  const t2 = labels[order[1]];
  const ri = labels.indexOf(ruleType);
  const pr = ri >= 0 ? p[ri] : 0;
  return [
    `sp1=${t1}`,
    `sp1b=${t1}/${pbin(p[order[0]])}`,
    `sp2=${t2}`,
    `sp1*rt=${t1}/${ruleType}`,
    `sprt=${pbin(pr)}`,
    t1 === ruleType ? 'sp=agree' : t2 === ruleType ? 'sp=second' : 'sp=disagree',
  ];
}
