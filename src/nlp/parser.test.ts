import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cost, State, LEFT, RIGHT, SHIFT } from './parser.js';

/** Follow zero-cost transitions only; on a projective tree this must rebuild it exactly. */
function oracleParse(gold: number[]): Int32Array {
  const n = gold.length;
  const gh = Int32Array.from([...gold.map((h) => (h < 0 ? n : h)), -1]);
  const st = new State(n);
  while (!st.done) {
    const t = [LEFT, RIGHT, SHIFT].find((x) => st.legal(x) && cost(st, x, gh) === 0);
    assert.notEqual(t, undefined, 'some transition must be free');
    st.apply(t!, 0);
  }
  return st.head.slice(0, n).map((h) => (h === n ? -1 : h));
}

test('dynamic oracle reaches projective gold trees with zero cost', () => {
  // "The minister met the envoy in Kyiv ."
  const gold = [1, 2, -1, 4, 2, 6, 2, 2];
  assert.deepEqual([...oracleParse(gold)], gold);
  // Right-branching chain and a left-branching one.
  assert.deepEqual([...oracleParse([-1, 0, 1, 2])], [-1, 0, 1, 2]);
  assert.deepEqual([...oracleParse([1, 2, 3, -1])], [1, 2, 3, -1]);
});

test('single root: LEFT onto ROOT only when the stack holds one word', () => {
  const st = new State(2);
  st.apply(SHIFT, 0);
  st.apply(SHIFT, 0);
  assert.equal(st.legal(LEFT), false);
  assert.equal(st.legal(RIGHT), true);
  st.apply(RIGHT, 0);
  assert.equal(st.legal(LEFT), true);
  st.apply(LEFT, 0);
  assert.ok(st.done);
});

test('costs count the gold arcs a transition loses', () => {
  // Words 0 and 1 both depend on 2; shifting 1 over 0 is free, attaching 0 to 1 is not.
  const gh = Int32Array.from([2, 2, 3, -1]);
  const st = new State(3);
  st.apply(SHIFT, 0);
  assert.equal(cost(st, LEFT, gh), 1);
  assert.equal(cost(st, SHIFT, gh), 0);
});
