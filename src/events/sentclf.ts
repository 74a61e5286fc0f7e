/**
 * Sentence-level event-type classifier (data/events/sentclf.json, trained by
 * train.ts): a logistic regression over hashed lemma unigrams and bigrams and the
 * main predicate's dependency neighbourhood (root verb, its complement, object,
 * nominal trigger). Its distribution over the 16 PLOVER types + NONE is a prior the
 * candidate re-scorer sees as features (features.ts `priorFeatures`), so a lexicon
 * reading that disagrees with what the whole sentence is about can be overruled.
 */
import { existsSync } from 'node:fs';
import { dataPath, loadJson } from '../doc/resources.js';
import { deserialise, predict, type LinearModel } from './linear.js';
import type { SentenceView } from './syntax.js';

export const SENT_MODEL_NAME = 'events.sent.v1';
/** Hash buckets: 2^14 keeps the weights ≈ 0.4 MB int16 while collisions stay rare for the training vocabulary. */
const BUCKETS = 1 << 14;
const SKIP = new Set(['PUNCT', 'DET', 'SYM', 'NUM', 'X', 'SPACE']);

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lemma with names folded to one symbol: proper names carry the actors, not the event type. */
function word(v: SentenceView, i: number): string {
  return v.upos(i) === 'PROPN' ? '<P>' : v.lemma(i);
}

/** Raw (unhashed) feature strings of one sentence. */
export function sentenceFeatureNames(v: SentenceView): string[] {
  const f: string[] = [];
  let prev = '<S>';
  let root = -1;
  for (let i = v.start; i < v.end; i++) {
    if (v.head(i) < 0 && v.rel(i) !== '' && root < 0) root = i;
    if (SKIP.has(v.upos(i))) continue;
    const w = word(v, i);
    f.push(`u=${w}`, `b=${prev}_${w}`);
    prev = w;
  }
  if (root >= 0) {
    // The main predicate and what it governs: "said (that) X would attack" is about the attack.
    const preds = [root];
    for (const ch of v.children(root)) {
      const r = v.base(ch);
      if (r === 'xcomp' || r === 'ccomp' || r === 'conj') preds.push(ch);
    }
    for (const p of preds) {
      const path = p === root ? 'root' : `root>${v.base(p)}`;
      f.push(`p=${path}:${v.lemma(p)}`, `pl=${v.lemma(p)}`);
      for (const ch of v.children(p)) {
        const r = v.base(ch);
        if (r === 'obj' || r === 'xcomp' || r === 'obl' || r === 'nsubj' || r === 'compound') {
          f.push(`pd=${v.lemma(p)}>${r}>${word(v, ch)}`, `d=${r}>${word(v, ch)}`);
          if (r === 'obl') for (const m of v.marks(ch)) f.push(`pm=${v.lemma(p)}+${m}`);
        }
        if (r === 'aux' || r === 'advmod') f.push(`a=${v.lemma(ch)}`);
      }
    }
  }
  return f;
}

/** Hashed feature strings of one sentence (the model's inputs). */
export function sentenceFeatures(v: SentenceView): string[] {
  return ['bias', ...new Set(sentenceFeatureNames(v).map((s) => `h${fnv(s) % BUCKETS}`))];
}

let model: LinearModel | null | undefined;

/** The trained sentence classifier, or null when no weights are committed. */
export function loadSentenceModel(): LinearModel | null {
  if (model !== undefined) return model;
  model = existsSync(dataPath('events', 'sentclf.json'))
    ? deserialise(loadJson<Parameters<typeof deserialise>[0]>('events', 'sentclf.json'))
    : null;
  return model;
}

/** Replace the cached sentence model (training and tests). */
export function setSentenceModel(m: LinearModel | null): void {
  model = m;
}

/** The classifier's distribution for a sentence, or null without a model. */
export function sentencePrior(v: SentenceView, m: LinearModel | null = loadSentenceModel()): Float64Array | null {
  return m ? predict(m, sentenceFeatures(v)) : null;
}
