/**
 * Geoparsing scores as the geoparsing literature reports them (Gritta et al., "A Pragmatic Guide to Geoparsing
 * Evaluation"; EUPEG): recognition precision/recall/F1 by span overlap (one to one), and for the recognised
 * toponyms the error distance — accuracy within 161 km, median error, and the AUC of the log-error curve.
 */
import { km } from './features.js';

export interface Pred {
  start: number;
  end: number;
  lat: number;
  lon: number;
}
export interface Gold {
  start: number;
  end: number;
  lat: number;
  lon: number;
}

/** Match predictions to gold by overlap, one to one, in text order; returns [predIndex, goldIndex] pairs. */
export function matchSpans(pred: Pred[], gold: Gold[]): [number, number][] {
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  pred.forEach((p, i) => {
    let best = -1,
      bestOv = 0;
    gold.forEach((g, j) => {
      if (used.has(j)) return;
      const ov = Math.min(p.end, g.end) - Math.max(p.start, g.start);
      if (ov > bestOv) {
        bestOv = ov;
        best = j;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push([i, best]);
    }
  });
  return pairs;
}

/** Running totals over documents. */
export class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  errors: number[] = [];

  add(pred: Pred[], gold: Gold[]): void {
    const pairs = matchSpans(pred, gold);
    this.tp += pairs.length;
    this.fp += pred.length - pairs.length;
    this.fn += gold.length - pairs.length;
    for (const [i, j] of pairs) this.errors.push(km(pred[i].lat, pred[i].lon, gold[j].lat, gold[j].lon));
  }

  report(): Record<string, number> {
    const p = this.tp / Math.max(1, this.tp + this.fp);
    const r = this.tp / Math.max(1, this.tp + this.fn);
    const e = [...this.errors].sort((a, b) => a - b);
    const acc = e.filter((x) => x <= 161).length / Math.max(1, e.length);
    // AUC of the error curve: the mean of ln(1 + error) over the maximum possible, ln(20039 + 1); lower is better.
    const auc = e.reduce((s, x) => s + Math.log(1 + x), 0) / Math.max(1, e.length) / Math.log(20040);
    const median = e.length ? (e.length % 2 ? e[(e.length - 1) / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2) : 0;
    const r3 = (x: number): number => Math.round(x * 1000) / 1000;
    return {
      gold: this.tp + this.fn,
      predicted: this.tp + this.fp,
      precision: r3(p),
      recall: r3(r),
      f1: r3((2 * p * r) / Math.max(1e-9, p + r)),
      acc161: r3(acc),
      auc: r3(auc),
      medianKm: Math.round(median),
      endToEnd161: r3(e.filter((x) => x <= 161).length / Math.max(1, this.tp + this.fn)),
    };
  }
}
