/**
 * Document features for the relevance document model: aggregates of the calibrated sentence
 * probabilities (max, mean, top-3 mean, share above 0.5 and 0.8, mean of the lead sentences),
 * the title's probability, and the document's length.
 */

/** Names of the document features, in the order {@link docFeatures} returns them. */
export const DOC_FEATURES = ['max', 'mean', 'top3', 'share50', 'share80', 'lead3', 'title', 'hasTitle', 'logLen'];

/** Document feature vector from sentence probabilities and the title's probability (null when no title). */
export function docFeatures(probs: ArrayLike<number>, titleProb: number | null): Float64Array {
  const p = Array.from(probs);
  const n = p.length;
  const sorted = [...p].sort((a, b) => b - a);
  const mean = n ? p.reduce((a, b) => a + b, 0) / n : 0;
  const top = sorted.slice(0, 3);
  const lead = p.slice(0, 3);
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return Float64Array.from([
    sorted[0] ?? 0,
    mean,
    avg(top),
    n ? p.filter((x) => x >= 0.5).length / n : 0,
    n ? p.filter((x) => x >= 0.8).length / n : 0,
    avg(lead),
    titleProb ?? mean,
    titleProb === null ? 0 : 1,
    Math.log1p(n) / 5,
  ]);
}
