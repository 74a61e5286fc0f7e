/**
 * Fitting the tone model: a linear map from the lexicon feature to human ratings,
 * then per-word corrections learned by shrunken backfitting of the residuals.
 * Shared by the lexicon builder (fit on all NYT sentences) and the evaluation
 * (article-grouped cross-validation, so the reported r is out of sample).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconFeature, toneWords } from './tone.js';
import { pearson } from './score.js';

/** Rounds of backfitting (5 beat 1 and 3 in article-grouped 5-fold CV on NYT: r .564 vs .560, .564). */
export const ROUNDS = 5;
/** Shrinkage: a word's correction is its residual sum over (count + LAMBDA) (20 best of 5/10/20/40 in that CV). */
export const LAMBDA = 20;
/** Step: each sentence's residual is spread over its distinct words and scaled by this (3 best of 1/3/5). */
export const STEP = 3;
/** Words seen in fewer training sentences than this get no correction (3 beat 5). */
export const MIN_COUNT = 3;

/** Squash alpha for the model's raw rating-scale score (about −3..3): raw / √(raw² + alpha) keeps mid-range near linear. */
export const SQUASH_ALPHA = 1;

/** A rated sentence. */
export interface RatedText {
  text: string;
  rating: number;
  /** Group for cross-validation (the article), so sentences of one article never straddle folds. */
  group: number;
}

/** The fitted model: rating ≈ intercept + slope × feature + Σ corrections of the distinct words. */
export interface ToneModel {
  intercept: number;
  slope: number;
  adjust: Record<string, number>;
}

interface Prepared {
  /** Distinct words. */
  words: string[];
  feature: number;
  rating: number;
  group: number;
}

function prepare(rows: RatedText[]): Prepared[] {
  return rows.map((r) => {
    const words = toneWords(r.text);
    return { words: [...new Set(words)], feature: lexiconFeature(words), rating: r.rating, group: r.group };
  });
}

function fitPrepared(rows: Prepared[]): ToneModel {
  const n = rows.length;
  const mx = rows.reduce((a, r) => a + r.feature, 0) / n;
  const my = rows.reduce((a, r) => a + r.rating, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const r of rows) {
    sxy += (r.feature - mx) * (r.rating - my);
    sxx += (r.feature - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  const count = new Map<string, number>();
  for (const r of rows) for (const w of r.words) count.set(w, (count.get(w) ?? 0) + 1);
  const adj = new Map<string, number>();
  const predict = (r: Prepared): number =>
    intercept + slope * r.feature + r.words.reduce((s, w) => s + (adj.get(w) ?? 0), 0);
  for (let round = 0; round < ROUNDS; round++) {
    const sum = new Map<string, number>();
    for (const r of rows) {
      if (r.words.length === 0) continue;
      const share = ((r.rating - predict(r)) * STEP) / r.words.length;
      for (const w of r.words) sum.set(w, (sum.get(w) ?? 0) + share);
    }
    for (const [w, s] of sum) {
      const c = count.get(w)!;
      if (c < MIN_COUNT) continue;
      adj.set(w, (adj.get(w) ?? 0) + s / (c + LAMBDA));
    }
  }
  const adjust: Record<string, number> = {};
  for (const w of [...adj.keys()].sort()) {
    const v = Math.round(adj.get(w)! * 1e4) / 1e4;
    if (v !== 0) adjust[w] = v;
  }
  return { intercept, slope, adjust };
}

/** Fit the model on rated sentences. */
export function fitTone(rows: RatedText[]): ToneModel {
  return fitPrepared(prepare(rows));
}

/** Raw model prediction (rating scale, intercept left out so a sentence of unknown words scores 0). */
export function predictRaw(model: ToneModel, words: string[]): number {
  let s = model.slope * lexiconFeature(words);
  for (const w of new Set(words)) s += model.adjust[w] ?? 0;
  return s;
}

/** Article-grouped k-fold cross-validated Pearson r of the fitted model, and r of the lexicon feature alone. */
export function crossValidate(rows: RatedText[], k = 5): { r: number; lexiconOnly: number } {
  const prep = prepare(rows);
  const pred = new Array<number>(prep.length).fill(0);
  for (let f = 0; f < k; f++) {
    const model = fitPrepared(prep.filter((r) => r.group % k !== f));
    prep.forEach((r, i) => {
      if (r.group % k !== f) return;
      const raw = model.slope * r.feature + r.words.reduce((s, w) => s + (model.adjust[w] ?? 0), 0);
      pred[i] = raw / Math.sqrt(raw * raw + SQUASH_ALPHA);
    });
  }
  const gold = prep.map((r) => r.rating);
  return {
    r: pearson(pred, gold),
    lexiconOnly: pearson(
      prep.map((r) => r.feature),
      gold,
    ),
  };
}

/** The rated NYT editorial sentences, grouped by article for cross-validation. */
export function readNytRatings(root: string): RatedText[] {
  const file = join(root, 'data', 'tone', 'vader-nyt', 'nytEditorialSnippets_GroundTruth.txt');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [id, r, ...t] = l.split('\t');
      return { group: Number(id.split('_')[0]), rating: Number(r), text: t.join('\t') };
    });
}
