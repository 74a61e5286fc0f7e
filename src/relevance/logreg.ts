/**
 * Binary logistic regression with an L2 penalty, fitted by L-BFGS on the full batch: no
 * learning rate to tune and no sampling, so the same data gives the same weights, bit for bit.
 * Examples are sparse (feature indices with optional values; absent values mean 1).
 */

/** One training example. */
export interface Example {
  idx: Int32Array;
  /** Feature values; omitted for binary features. */
  val?: Float64Array;
  y: 0 | 1;
  /** Example weight (class balancing). */
  w: number;
}

/** A fitted model: weights per feature index and a bias. */
export interface LogReg {
  weights: Float64Array;
  bias: number;
}

/** Options for {@link fit}. */
export interface FitOptions {
  dim: number;
  /** L2 penalty on the weights (not the bias), relative to the summed example weight. */
  l2: number;
  maxIter?: number;
  /** Called after each iteration with the iteration number and the objective (progress logs). */
  onIter?: (it: number, f: number) => void;
}

/** The logistic function, safe for large |z|. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Raw score (log-odds) of an example. */
export function margin(m: { weights: ArrayLike<number>; bias: number }, idx: Int32Array, val?: Float64Array): number {
  let z = m.bias;
  for (let k = 0; k < idx.length; k++) z += m.weights[idx[k]] * (val ? val[k] : 1);
  return z;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Objective and gradient at θ = [weights..., bias]. The sparse pass reads and writes float32
 * mirrors of θ and the gradient: half the memory traffic on hashed features, which is what the
 * time goes on; the dense sums stay in float64.
 */
function objective(theta: Float64Array, data: Example[], lambda: number, grad: Float64Array): number {
  const dim = theta.length - 1;
  const t32 = Float32Array.from(theta);
  const g32 = new Float32Array(theta.length);
  let f = 0;
  let gBias = 0;
  for (const e of data) {
    const idx = e.idx;
    const val = e.val;
    let z = theta[dim];
    if (val) for (let k = 0; k < idx.length; k++) z += t32[idx[k]] * val[k];
    else for (let k = 0; k < idx.length; k++) z += t32[idx[k]];
    f += e.w * (softplus(z) - e.y * z);
    const g = e.w * (sigmoid(z) - e.y);
    if (val) for (let k = 0; k < idx.length; k++) g32[idx[k]] += g * val[k];
    else for (let k = 0; k < idx.length; k++) g32[idx[k]] += g;
    gBias += g;
  }
  for (let j = 0; j < dim; j++) {
    f += 0.5 * lambda * theta[j] * theta[j];
    grad[j] = g32[j] + lambda * theta[j];
  }
  grad[dim] = gBias;
  return f;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Fit by L-BFGS (memory 8, Armijo backtracking) until the gradient is small or maxIter is reached. */
export function fit(data: Example[], opts: FitOptions): LogReg {
  const n = opts.dim + 1;
  const totalW = data.reduce((a, e) => a + e.w, 0) || 1;
  const lambda = opts.l2 * totalW;
  let x: Float64Array = new Float64Array(n);
  let g: Float64Array = new Float64Array(n);
  let f = objective(x, data, lambda, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const maxIter = opts.maxIter ?? 200;
  const g0 = Math.sqrt(dot(g, g));
  for (let it = 0; it < maxIter && Math.sqrt(dot(g, g)) > 1e-5 * g0; it++) {
    const d = direction(g, S, Y);
    let step = it === 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1;
    const slope = dot(g, d);
    const xn = new Float64Array(n);
    const gn = new Float64Array(n);
    let fn = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) xn[i] = x[i] + step * d[i];
      fn = objective(xn, data, lambda, gn);
      if (fn <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fn < f)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xn[i] - x[i];
      y[i] = gn[i] - g[i];
    }
    if (dot(s, y) > 1e-12) {
      S.push(s);
      Y.push(y);
      if (S.length > 8) {
        S.shift();
        Y.shift();
      }
    }
    const rel = (f - fn) / Math.max(1, Math.abs(f));
    x = xn;
    g = gn;
    f = fn;
    opts.onIter?.(it, f);
    if (rel < 1e-6) break;
  }
  return { weights: x.subarray(0, opts.dim), bias: x[opts.dim] };
}

/** The L-BFGS two-loop recursion: a descent direction from the gradient and the curvature pairs. */
function direction(g: Float64Array, S: Float64Array[], Y: Float64Array[]): Float64Array {
  const q = Float64Array.from(g);
  const alpha: number[] = [];
  for (let i = S.length - 1; i >= 0; i--) {
    const a = dot(S[i], q) / dot(Y[i], S[i]);
    alpha[i] = a;
    for (let j = 0; j < q.length; j++) q[j] -= a * Y[i][j];
  }
  if (S.length) {
    const k = S.length - 1;
    const gamma = dot(S[k], Y[k]) / dot(Y[k], Y[k]);
    for (let j = 0; j < q.length; j++) q[j] *= gamma;
  }
  for (let i = 0; i < S.length; i++) {
    const b = dot(Y[i], q) / dot(Y[i], S[i]);
    for (let j = 0; j < q.length; j++) q[j] += S[i][j] * (alpha[i] - b);
  }
  for (let j = 0; j < q.length; j++) q[j] = -q[j];
  return q;
}
