/** Geoparsing scores on numbers worked by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchSpans, Tally } from './metrics.js';
import { km } from './features.js';

test('great-circle distance: Paris to London is about 344 km', () => {
  assert.ok(Math.abs(km(48.8534, 2.3488, 51.5085, -0.1257) - 344) < 3);
});

test('spans match one to one by overlap', () => {
  const p = [
    { start: 0, end: 5, lat: 0, lon: 0 },
    { start: 10, end: 14, lat: 0, lon: 0 },
  ];
  const g = [
    { start: 1, end: 5, lat: 0, lon: 0 },
    { start: 20, end: 24, lat: 0, lon: 0 },
  ];
  assert.deepEqual(matchSpans(p, g), [[0, 0]]);
});

test('tally: precision, recall, accuracy within 161 km, median and AUC', () => {
  const t = new Tally();
  // Two recognised (one exact, one 2 degrees of latitude ≈ 222 km off), one false positive, one missed.
  t.add(
    [
      { start: 0, end: 4, lat: 10, lon: 10 },
      { start: 10, end: 14, lat: 12, lon: 10 },
      { start: 30, end: 34, lat: 0, lon: 0 },
    ],
    [
      { start: 0, end: 4, lat: 10, lon: 10 },
      { start: 10, end: 14, lat: 10, lon: 10 },
      { start: 50, end: 54, lat: 0, lon: 0 },
    ],
  );
  const r = t.report();
  assert.equal(r.precision, 0.667);
  assert.equal(r.recall, 0.667);
  assert.equal(r.acc161, 0.5);
  assert.equal(r.endToEnd161, 0.333);
  assert.equal(r.medianKm, 111);
  assert.equal(r.auc, Math.round((Math.log(1 + 222.39) / 2 / Math.log(20040)) * 1000) / 1000);
});
