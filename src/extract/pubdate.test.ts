/** Date candidates merge by day and keep the most precise value; features match the committed model. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateCandidates, dateFeatures, dateModel, rankDate, DATE_FEATURES } from './pubdate.js';

test('candidates merge by day, keep the most precise value (time zone kept) and every source', () => {
  const dc = new DateCandidates();
  dc.add('2024-03-05', 'shown');
  dc.add('2024-03-05T09:30:00-05:00', 'og');
  dc.add('2024-03-07', 'shown:updated');
  dc.add('not a date', 'meta');
  assert.equal(dc.list.length, 2);
  assert.equal(dc.list[0].value, '2024-03-05T09:30:00-05:00');
  assert.deepEqual([...dc.list[0].sources].sort(), ['og', 'shown']);
  assert.equal(dc.list[0].first, 'shown');
});

test('feature vectors follow the model; declared and shown agreement beats a lone update line', () => {
  const dc = new DateCandidates();
  dc.add('2024-03-05T09:30:00Z', 'ld');
  dc.add('2024-03-05', 'shown:near');
  dc.add('2024-03-09', 'shown:updated');
  const ctx = { modified: '2024-03-09', urlDay: null };
  for (const x of dateFeatures(dc.list, ctx)) assert.equal(x.length, DATE_FEATURES.length);
  assert.deepEqual(dateModel().features, [...DATE_FEATURES]);
  assert.equal(rankDate(dc.list, ctx)?.day, '2024-03-05');
});
