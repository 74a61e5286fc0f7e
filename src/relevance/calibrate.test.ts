import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calibrated, fitPlatt } from './calibrate.js';
import { fit, margin, sigmoid } from './logreg.js';

/** A small deterministic pseudo-random sequence (no Math.random in tests). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

test('Platt scaling is monotone and matches observed rates on synthetic scores', () => {
  const rnd = lcg(7);
  const s: number[] = [];
  const y: number[] = [];
  // True probability is sigmoid(2x - 1); the raw score is x.
  for (let i = 0; i < 4000; i++) {
    const x = rnd() * 6 - 3;
    s.push(x);
    y.push(rnd() < sigmoid(2 * x - 1) ? 1 : 0);
  }
  const p = fitPlatt(s, y);
  assert.ok(p.a > 0);
  assert.ok(Math.abs(p.a - 2) < 0.3 && Math.abs(p.b + 1) < 0.3, `a=${p.a} b=${p.b}`);
  let prev = -1;
  for (let x = -5; x <= 5; x += 0.25) {
    const q = calibrated(p, x);
    assert.ok(q > prev);
    prev = q;
  }
});

test('logistic regression separates a toy problem, the same way twice', () => {
  const data = [
    { idx: Int32Array.from([0, 2]), y: 1 as const, w: 1 },
    { idx: Int32Array.from([0, 3]), y: 1 as const, w: 1 },
    { idx: Int32Array.from([1, 2]), y: 0 as const, w: 1 },
    { idx: Int32Array.from([1, 3]), y: 0 as const, w: 1 },
  ];
  const a = fit(data, { dim: 4, l2: 0.01 });
  const b = fit(data, { dim: 4, l2: 0.01 });
  assert.deepEqual(Array.from(a.weights), Array.from(b.weights));
  assert.ok(margin(a, Int32Array.from([0])) > 0.5);
  assert.ok(margin(a, Int32Array.from([1])) < -0.5);
  assert.ok(Math.abs(a.weights[2] - a.weights[3]) < 1e-6);
});
