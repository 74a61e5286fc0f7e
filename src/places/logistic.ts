/**
 * Binary logistic regression over named real-valued features, trained by seeded SGD with L2 (deterministic).
 * Serialised as a plain JSON object of weights, so the model file says what it weighs.
 */

/** Features of one example: name → value. */
export type Features = Record<string, number>;

export interface Logistic {
  weights: Record<string, number>;
}

/** Raw score w·x. */
export function score(m: Logistic, f: Features): number {
  let z = m.weights['bias'] ?? 0;
  for (const k in f) z += (m.weights[k] ?? 0) * f[k];
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

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

/** Train on (features, label ∈ {0,1}, weight) by SGD on the log loss with L2; the order is shuffled with `seed`. */
export function fit(
  data: { f: Features; y: number; w?: number }[],
  opts: { epochs: number; lr: number; l2: number; seed: number },
): Logistic {
  const w: Record<string, number> = { bias: 0 };
  const order = data.map((_, i) => i);
  const rand = rng(opts.seed);
  for (let ep = 0; ep < opts.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = opts.lr / (1 + ep);
    for (const i of order) {
      const { f, y } = data[i];
      const g = (sigmoid(score({ weights: w }, f)) - y) * (data[i].w ?? 1);
      w.bias -= lr * g;
      for (const k in f) w[k] = (w[k] ?? 0) - lr * (g * f[k] + opts.l2 * (w[k] ?? 0));
    }
  }
  const out: Record<string, number> = {};
  for (const k of Object.keys(w).sort()) out[k] = Math.round(w[k] * 1e4) / 1e4;
  return { weights: out };
}

/**
 * Train a conditional-logit ranker: each group is one toponym's readings with the index of the right one; the
 * loss is the softmax cross-entropy within the group (SGD with L2, shuffled with `seed`).
 */
export function fitRanker(
  groups: { fs: Features[]; gold: number }[],
  opts: { epochs: number; lr: number; l2: number; seed: number },
): Logistic {
  const w: Record<string, number> = {};
  const order = groups.map((_, i) => i);
  const rand = rng(opts.seed);
  for (let ep = 0; ep < opts.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = opts.lr / Math.sqrt(1 + ep);
    for (const gi of order) {
      const { fs, gold } = groups[gi];
      const z = fs.map((f) => score({ weights: w }, f));
      const mx = Math.max(...z);
      const e = z.map((x) => Math.exp(x - mx));
      const s = e.reduce((a, b) => a + b, 0);
      fs.forEach((f, k) => {
        const g = e[k] / s - (k === gold ? 1 : 0);
        if (g === 0) return;
        for (const key in f) w[key] = (w[key] ?? 0) - lr * (g * f[key] + opts.l2 * (w[key] ?? 0));
      });
    }
  }
  const out: Record<string, number> = {};
  for (const k of Object.keys(w).sort()) out[k] = Math.round(w[k] * 1e4) / 1e4;
  return { weights: out };
}
