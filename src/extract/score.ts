/**
 * The AEB body metric (ScrapingHub article-extraction-benchmark): 4-word shingle multisets,
 * per-page counts normalised to fractions, macro-averaged precision and recall, F1 of the means.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const t = text.match(TOKEN) ?? [];
  const m = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
    const sh = t.slice(i, i + n);
    if (!sh.length) continue;
    const k = sh.join('\u0001');
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Normalised true-positive, false-positive and false-negative shares for one page. */
export function pageCounts(truth: string, pred: string): [number, number, number] {
  const a = shingles(truth);
  const b = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? 0;
    const y = b.get(k) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

/** Macro precision, recall and F1 over pages, as the benchmark computes them. */
export function aebScore(rows: [number, number, number][]): { p: number; r: number; f1: number } {
  const P = ([tp, fp, fn]: number[]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
  const R = ([tp, fp, fn]: number[]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
  const mean = (a: number[]) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
  const p = mean(rows.filter(([tp, fp]) => tp + fp > 0).map(P));
  const r = mean(rows.filter(([tp, , fn]) => tp + fn > 0).map(R));
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}
