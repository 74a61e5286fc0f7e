/**
 * Fitting the relevance models (pure functions; train.ts does the I/O). The sentence model is
 * fitted K times with one fold held out to get out-of-fold scores for every training sentence
 * and title; the Platt map and the document model are fitted on those, so neither sees scores
 * of sentences the scoring model was trained on.
 */
import { createHash } from 'node:crypto';
import { fitPlatt, calibrated, type Platt } from './calibrate.js';
import { docFeatures, DOC_FEATURES } from './docfeatures.js';
import { BUCKETS } from './features.js';
import { fit, margin, type Example, type LogReg } from './logreg.js';

/** Folds for out-of-fold scores. */
export const FOLDS = 3;
/** L2 penalty of the sentence model (per unit of example weight), chosen on dev: see docs/relevance.md. */
export const SENTENCE_L2 = 1e-4;
/** L2 penalty of the document model. */
export const DOC_L2 = 1e-3;
/** L-BFGS iterations for the sentence model: the dev log-loss no longer moves after about this many. */
export const SENTENCE_ITER = 80;

/** A featurised training document: hashed features per sentence and for the title. */
export interface FeatDoc {
  id: string;
  source: string;
  feats: Int32Array[];
  labels: (0 | 1 | null)[];
  title: Int32Array | null;
  docLabel: 0 | 1 | null;
}

/** The fold of a document (by id, so all its sentences fall together). */
export function foldOf(id: string): number {
  return createHash('sha256').update(`relevance-fold:${id}`).digest()[0] % FOLDS;
}

/** Weighted examples with both classes given equal total weight. */
export function balanced(xs: { idx: Int32Array; val?: Float64Array; y: 0 | 1 }[]): Example[] {
  const pos = xs.filter((x) => x.y === 1).length;
  const neg = xs.length - pos;
  const wp = pos ? xs.length / (2 * pos) : 1;
  const wn = neg ? xs.length / (2 * neg) : 1;
  return xs.map((x) => ({ ...x, w: x.y === 1 ? wp : wn }));
}

function sentenceExamples(docs: FeatDoc[]): Example[] {
  const xs: { idx: Int32Array; y: 0 | 1 }[] = [];
  for (const d of docs) d.feats.forEach((f, i) => d.labels[i] !== null && xs.push({ idx: f, y: d.labels[i]! }));
  return balanced(xs);
}

/** Fit the sentence model on the labelled sentences of some documents. */
export function fitSentences(docs: FeatDoc[], l2 = SENTENCE_L2, log?: (msg: string) => void): LogReg {
  const t0 = Date.now();
  let iters = 0;
  const m = fit(sentenceExamples(docs), { dim: BUCKETS, l2, maxIter: SENTENCE_ITER, onIter: (it) => (iters = it + 1) });
  log?.(`sentence model: ${iters} iterations, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return m;
}

/** Out-of-fold raw scores: per document, its sentences' and title's margins under the model not trained on its fold. */
export function outOfFold(
  docs: FeatDoc[],
  l2 = SENTENCE_L2,
  log?: (msg: string) => void,
): { sent: Float64Array[]; title: (number | null)[] } {
  const sent: Float64Array[] = docs.map((d) => new Float64Array(d.feats.length));
  const title: (number | null)[] = docs.map(() => null);
  for (let k = 0; k < FOLDS; k++) {
    const m = fitSentences(
      docs.filter((d) => foldOf(d.id) !== k),
      l2,
      log,
    );
    docs.forEach((d, j) => {
      if (foldOf(d.id) !== k) return;
      d.feats.forEach((f, i) => (sent[j][i] = margin(m, f)));
      if (d.title) title[j] = margin(m, d.title);
    });
  }
  return { sent, title };
}

/** Platt map fitted on the out-of-fold margins of labelled sentences. */
export function sentencePlatt(docs: FeatDoc[], oof: Float64Array[]): Platt {
  const s: number[] = [];
  const y: number[] = [];
  docs.forEach((d, j) => d.labels.forEach((l, i) => l !== null && (s.push(oof[j][i]), y.push(l))));
  return fitPlatt(s, y);
}

/** A fitted document model. */
export interface DocModel {
  weights: number[];
  bias: number;
  platt: Platt;
}

/** Fit the document model (and its Platt map, out of fold) on documents with a label. */
export function fitDocModel(
  docs: FeatDoc[],
  oof: { sent: Float64Array[]; title: (number | null)[] },
  platt: Platt,
): DocModel {
  const xs: { id: string; idx: Int32Array; val: Float64Array; y: 0 | 1 }[] = [];
  const idx = Int32Array.from(DOC_FEATURES.map((_, i) => i));
  docs.forEach((d, j) => {
    if (d.docLabel === null) return;
    const probs = Array.from(oof.sent[j], (z) => calibrated(platt, z));
    const t = oof.title[j];
    xs.push({ id: d.id, idx, val: docFeatures(probs, t === null ? null : calibrated(platt, t)), y: d.docLabel });
  });
  const dim = DOC_FEATURES.length;
  const scores: number[] = new Array(xs.length);
  for (let k = 0; k < FOLDS; k++) {
    const m = fit(balanced(xs.filter((x) => foldOf(x.id) !== k)), { dim, l2: DOC_L2 });
    xs.forEach((x, i) => foldOf(x.id) === k && (scores[i] = margin(m, x.idx, x.val)));
  }
  const final = fit(balanced(xs), { dim, l2: DOC_L2 });
  return {
    weights: Array.from(final.weights),
    bias: final.bias,
    // Calibrated to equal priors: the training mix of political and non-political documents says nothing about a stream.
    platt: fitPlatt(
      scores,
      xs.map((x) => x.y),
      balanced(xs).map((e) => e.w),
    ),
  };
}
