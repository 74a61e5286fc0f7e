/** Scores for the relevance evaluation: ROC AUC, precision/recall at a threshold, and a reliability table. */

/** Area under the ROC curve (ties count half). NaN when one class is absent. */
export function auc(scores: number[], labels: number[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j < idx.length && scores[idx[j]] === scores[idx[i]]) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) {
      if (!labels[idx[k]]) continue;
      rankSum += rank;
      pos++;
    }
    i = j;
  }
  const neg = labels.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}

/** Precision, recall, F1 and accuracy at a threshold. */
export function prf(scores: number[], labels: number[], t: number): { p: number; r: number; f1: number; acc: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let ok = 0;
  scores.forEach((s, i) => {
    const yes = s >= t;
    if (yes && labels[i]) tp++;
    else if (yes) fp++;
    else if (labels[i]) fn++;
    if (yes === Boolean(labels[i])) ok++;
  });
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, acc: scores.length ? ok / scores.length : 0 };
}

/** One row of a reliability table. */
export interface Bin {
  lo: number;
  hi: number;
  n: number;
  meanPredicted: number;
  observed: number;
}

/** Ten equal-width bins of predicted probability: mean prediction vs observed share of positives. */
export function reliability(scores: number[], labels: number[], bins = 10): Bin[] {
  const out: Bin[] = [];
  for (let b = 0; b < bins; b++) {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const inBin = scores
      .map((s, i) => i)
      .filter((i) => scores[i] >= lo && (scores[i] < hi || (b === bins - 1 && scores[i] <= hi)));
    const n = inBin.length;
    out.push({
      lo,
      hi,
      n,
      meanPredicted: n ? inBin.reduce((a, i) => a + scores[i], 0) / n : NaN,
      observed: n ? inBin.reduce((a, i) => a + labels[i], 0) / n : NaN,
    });
  }
  return out;
}

/** Expected calibration error: the bin-size-weighted mean |predicted − observed|. */
export function ece(table: Bin[]): number {
  const n = table.reduce((a, b) => a + b.n, 0);
  return n ? table.reduce((a, b) => a + (b.n ? b.n * Math.abs(b.meanPredicted - b.observed) : 0), 0) / n : NaN;
}
