/**
 * The relevance model as shipped (data/relevance/model.json and words.json): a hashed-feature
 * logistic regression per sentence and a small one per document, each followed by a Platt map
 * fitted on out-of-fold scores, so both outputs are calibrated probabilities.
 */
import { existsSync } from 'node:fs';
import { dataPath, loadJson } from '../doc/resources.js';
import { calibrated, type Platt } from './calibrate.js';
import { docFeatures, DOC_FEATURES } from './docfeatures.js';
import { BUCKETS, featureIndices } from './features.js';
import { margin } from './logreg.js';
import type { WordList } from './words.js';

/** The stored form of the model. */
export interface StoredModel {
  name: string;
  buckets: number;
  sentence: { scale: number; weights: string; bias: number; platt: Platt };
  doc: { features: string[]; weights: number[]; bias: number; platt: Platt };
}

/** The loaded form: dequantised sentence weights, word list and document model. */
export interface RelevanceModel {
  words: WordList;
  sentence: { weights: Float32Array; bias: number; platt: Platt };
  doc: { weights: Float64Array; bias: number; platt: Platt };
}

/** Quantise weights to int16 with one scale, base64 little-endian (≈ 0.7 MB for 2^18 buckets). */
export function quantise(w: ArrayLike<number>): { scale: number; weights: string } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const q = Buffer.alloc(w.length * 2);
  for (let i = 0; i < w.length; i++) q.writeInt16LE(Math.round(w[i] / scale), i * 2);
  return { scale, weights: q.toString('base64') };
}

/** Turn a stored model and word list into a usable one, checking the shapes. */
export function fromStored(s: StoredModel, words: WordList): RelevanceModel {
  if (s.buckets !== BUCKETS) throw new Error(`relevance model: ${s.buckets} buckets, code expects ${BUCKETS}`);
  if (s.doc.features.join() !== DOC_FEATURES.join()) throw new Error('relevance model: document features differ');
  const buf = Buffer.from(s.sentence.weights, 'base64');
  if (buf.length !== BUCKETS * 2) throw new Error('relevance model: sentence weights have the wrong length');
  const weights = new Float32Array(BUCKETS);
  for (let i = 0; i < BUCKETS; i++) weights[i] = buf.readInt16LE(i * 2) * s.sentence.scale;
  return {
    words,
    sentence: { weights, bias: s.sentence.bias, platt: s.sentence.platt },
    doc: { weights: Float64Array.from(s.doc.weights), bias: s.doc.bias, platt: s.doc.platt },
  };
}

let model: RelevanceModel | null | undefined;

/** The shipped model, loaded once; null when no weights are committed. */
export function loadRelevanceModel(): RelevanceModel | null {
  if (model !== undefined) return model;
  model = existsSync(dataPath('relevance', 'model.json'))
    ? fromStored(loadJson<StoredModel>('relevance', 'model.json'), loadJson<WordList>('relevance', 'words.json'))
    : null;
  return model;
}

/** Replace the cached model (training and tests); undefined reloads the shipped one on next use. */
export function setRelevanceModel(m: RelevanceModel | null | undefined): void {
  model = m;
}

function requireModel(m: RelevanceModel | null): RelevanceModel {
  if (!m) throw new Error('relevance: no model in data/relevance (run npm run train:relevance)');
  return m;
}

/** Calibrated probability that each sentence carries political event content. */
export function scoreSentences(texts: string[], m: RelevanceModel | null = loadRelevanceModel()): number[] {
  const r = requireModel(m);
  return texts.map((t) => calibrated(r.sentence.platt, margin(r.sentence, featureIndices(t, r.words))));
}

/** Calibrated probability that a document carries political event content, from its sentence probabilities and title. */
export function scoreDoc(
  sentenceScores: ArrayLike<number>,
  title: string | null = null,
  m: RelevanceModel | null = loadRelevanceModel(),
): number {
  const r = requireModel(m);
  const titleProb = title && title.trim() ? scoreSentences([title], r)[0] : null;
  const x = docFeatures(sentenceScores, titleProb);
  let z = r.doc.bias;
  for (let i = 0; i < x.length; i++) z += r.doc.weights[i] * x[i];
  return calibrated(r.doc.platt, z);
}
