import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SparseModel } from './perceptron.js';

/** A model from rows {key: {class: weight}}; scores must be the exact integer sums of the rows of present keys. */
function check(k: number, rows: Record<number, Record<number, number>>, feats: number[]): void {
  const keys = Object.keys(rows)
    .map(Number)
    .sort((a, b) => a - b);
  const offs: number[] = [];
  const cls: number[] = [];
  const ws: number[] = [];
  for (const key of keys) {
    offs.push(cls.length);
    for (const [c, w] of Object.entries(rows[key])) {
      cls.push(Number(c));
      ws.push(w);
    }
  }
  const m = new SparseModel(SparseModel.build(k, 0.01, keys, offs, cls, ws));
  const want = new Array<number>(k).fill(0);
  for (const f of feats) for (const [c, w] of Object.entries(rows[f] ?? {})) want[Number(c)] += w;
  const out = new Float32Array(k);
  m.score(Uint32Array.from(feats), feats.length, out);
  assert.deepEqual([...out], want);
}

test('dense layout (3 classes): packed int16 weights, negative and positive, absent keys ignored', () => {
  const rows = { 7: { 0: -32000, 2: 5 }, 0xffffff01: { 1: 31999, 2: -1 }, 12: { 0: 1, 1: -2, 2: 3 } };
  check(3, rows, [7, 0xffffff01, 12, 99, 7]);
});

test('sparse layout: inline rows of one and two entries, longer rows out of line', () => {
  const rows = { 3: { 9: -7 }, 4: { 0: 300, 40: -300 }, 5: { 1: 1, 2: 2, 3: -3, 50: 32000, 60: -32000 } };
  check(64, rows, [5, 3, 4, 8, 5, 0x80000000]);
});

test('keys sharing a home slot: rows beyond the lookup window are found, absent keys of a far home are not', () => {
  // Ten rows → a 16-slot table: keys ≡ 5 (mod 16) all start probing at slot 5, so the later ones lie beyond the window.
  const same = Array.from({ length: 10 }, (_, i) => 5 + 16 * i);
  const dense: Record<number, Record<number, number>> = {};
  const sparse: Record<number, Record<number, number>> = {};
  same.forEach((key, i) => {
    dense[key] = { 0: i + 1, 2: -(i + 1) };
    sparse[key] = i % 2 ? { 3: i + 1 } : { 0: i, 1: -i, 2: 7, 3: 2 * i + 1 };
  });
  const feats = [...same.slice().reverse(), 5 + 16 * 40, 6, 5 + 16 * 9];
  check(3, dense, feats);
  check(9, sparse, feats);
});
