import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnn } from './brat.js';
import { matchSpans, pearson, tokenSet, wordStarts } from './score.js';

test('matching needs half of the shorter span and is one to one', () => {
  const text = 'alpha beta gamma delta epsilon zeta eta theta';
  const starts = wordStarts(text);
  const set = (a: number, b: number) => tokenSet(starts, [{ start: a, end: b }]);
  const gold = [set(0, 22)]; // alpha .. delta (4 words)
  const pred = [set(6, 16), set(17, 40)]; // beta gamma (2 of 2 shared) ; delta .. theta (1 of 4 shared)
  assert.deepEqual(matchSpans(pred, gold), [[0, 0]]);
  assert.deepEqual(matchSpans([set(17, 40)], gold), []);
});

test('BRAT attributions with discontinuous content and no source', () => {
  const ann = [
    'T1\tSource 0 5\tAnna',
    'T2\tCue 6 10\tsaid',
    'T3\tContent 11 20;30 35\tx',
    'T4\tAttribution 6 10\tsaid',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    'T5\tCue 40 44\tsaid',
    'T6\tContent 45 50\ty',
    'T7\tAttribution-no-source 40 44\tsaid',
    'E2\tAttribution-no-source:T7 Content:T6 Cue:T5',
  ].join('\n');
  const a = parseAnn(ann);
  assert.equal(a.length, 2);
  assert.deepEqual(a[0].content, [
    { start: 11, end: 20 },
    { start: 30, end: 35 },
  ]);
  assert.deepEqual(a[0].source, [{ start: 0, end: 5 }]);
  assert.equal(a[1].source, null);
});

test('pearson r of perfectly and inversely related series', () => {
  assert.ok(Math.abs(pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-12);
  assert.ok(Math.abs(pearson([1, 2, 3], [3, 2, 1]) + 1) < 1e-12);
});
