/**
 * A small multinomial logistic-regression model over string features: feature
 * dictionary + dense weight matrix, trained by seeded SGD with L2, serialised
 * compactly (weights quantised to float16-range int16 scaled values, base64).
 */

/** A trained model: labels, feature index and weights (features × labels). */
export interface LinearModel {
  labels: string[];
  features: Map<string, number>;
  w: Float32Array;
}

/** Class probabilities for a feature list (unknown features ignored). */
export function predict(m: LinearModel, feats: string[]): Float64Array {
  const L = m.labels.length;
  const z = new Float64Array(L);
  for (const f of feats) {
    const k = m.features.get(f);
    if (k === undefined) continue;
    const o = k * L;
    for (let j = 0; j < L; j++) z[j] += m.w[o + j];
  }
  let mx = -Infinity;
  for (let j = 0; j < L; j++) mx = Math.max(mx, z[j]);
  let s = 0;
  for (let j = 0; j < L; j++) s += z[j] = Math.exp(z[j] - mx);
  for (let j = 0; j < L; j++) z[j] /= s;
  return z;
}

/** A deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One training example: features, gold label, weight. */
export interface Example {
  feats: string[];
  label: string;
  weight: number;
}

/** Train by SGD on the softmax loss; features seen fewer than `minCount` times are dropped. */
export function train(
  examples: Example[],
  labels: string[],
  opts: { epochs: number; lr: number; l2: number; seed: number; minCount: number },
): LinearModel {
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of new Set(ex.feats)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = new Map<string, number>();
  for (const [f, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (c >= opts.minCount || f === 'bias') features.set(f, features.size);
  const L = labels.length;
  const w = new Float32Array(features.size * L);
  const m: LinearModel = { labels, features, w };
  const rand = rng(opts.seed);
  const order = examples.map((_, k) => k);
  for (let ep = 0; ep < opts.epochs; ep++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    const lr = opts.lr / (1 + ep * 0.5);
    for (const idx of order) {
      const ex = examples[idx];
      const y = labels.indexOf(ex.label);
      if (y < 0) continue;
      const p = predict(m, ex.feats);
      const ks = ex.feats.map((f) => features.get(f)).filter((k): k is number => k !== undefined);
      for (const k of ks) {
        const o = k * L;
        for (let j = 0; j < L; j++) {
          const g = (p[j] - (j === y ? 1 : 0)) * ex.weight + opts.l2 * w[o + j];
          w[o + j] -= lr * g;
        }
      }
    }
  }
  return m;
}

/** Serialise: labels, feature names in index order, weights as int16 (scale 1/4096) in base64. */
export function serialise(m: LinearModel, meta: Record<string, unknown>): string {
  const SCALE = 4096;
  const q = new Int16Array(m.w.length);
  for (let k = 0; k < m.w.length; k++) q[k] = Math.max(-32767, Math.min(32767, Math.round(m.w[k] * SCALE)));
  const names = [...m.features.keys()];
  return JSON.stringify({
    ...meta,
    labels: m.labels,
    scale: SCALE,
    features: names,
    weights: Buffer.from(q.buffer).toString('base64'),
  });
}

/** Inverse of {@link serialise}. */
export function deserialise(obj: {
  labels: string[];
  scale: number;
  features: string[];
  weights: string;
}): LinearModel {
  const buf = Buffer.from(obj.weights, 'base64');
  const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
  const w = new Float32Array(q.length);
  for (let k = 0; k < q.length; k++) w[k] = q[k] / obj.scale;
  return { labels: obj.labels, features: new Map(obj.features.map((f, k) => [f, k])), w };
}
