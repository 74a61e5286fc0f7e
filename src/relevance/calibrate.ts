/**
 * Platt scaling: p = σ(a·s + b) fitted to held-out (out-of-fold) scores by Newton's method,
 * with Platt's smoothed targets so a perfectly separated set does not push |a| to infinity.
 * With a > 0 the map is strictly increasing, so calibration never reorders scores.
 */
import { sigmoid } from './logreg.js';

/** A fitted Platt map. */
export interface Platt {
  a: number;
  b: number;
}

/** Apply a Platt map to a raw score. */
export function calibrated(p: Platt, score: number): number {
  return sigmoid(p.a * score + p.b);
}

/** Fit a Platt map to raw scores and 0/1 labels (optionally weighted, e.g. to balance the classes). */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): Platt {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i];
  const neg = labels.length - pos;
  const wt = (i: number) => (weights ? weights[i] : 1);
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    // Gradient and Hessian of the log-loss in (a, b), with a small ridge for stability.
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < scores.length; i++) {
      const t = labels[i] ? hi : lo;
      const p = sigmoid(a * scores[i] + b);
      const d = (p - t) * wt(i);
      const w = p * (1 - p) * wt(i);
      ga += d * scores[i];
      gb += d;
      haa += w * scores[i] * scores[i];
      hab += w * scores[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (det <= 0) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}
