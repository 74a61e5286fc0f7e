/** Date expressions resolved against the document date. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './dates.js';

const iso = (s: string, d = '2015-11-26') => findDates(s, 0, d).map((x) => x.iso);

test('weekdays are the most recent such day on or before publication', () => {
  assert.deepEqual(iso('met on Tuesday'), ['2015-11-24']);
  assert.deepEqual(iso('said Thursday'), ['2015-11-26'], 'publication day itself');
  assert.deepEqual(iso('last Thursday'), ['2015-11-19']);
  assert.deepEqual(iso('next Monday'), ['2015-11-30']);
});

test('explicit dates, with and without a year', () => {
  assert.deepEqual(iso('the November 13 attacks'), ['2015-11-13']);
  assert.deepEqual(iso('On 4 October 2007, the court'), ['2007-10-04']);
  assert.deepEqual(iso('on Dec. 3'), ['2015-12-03'], 'a day shortly after publication is upcoming');
  assert.deepEqual(
    iso('on June 3', '2015-02-01'),
    ['2014-06-03'],
    'a day far after publication belongs to the previous year',
  );
  assert.deepEqual(iso('yesterday and tomorrow'), ['2015-11-25', '2015-11-27']);
  assert.deepEqual(iso('they may go'), [], '"may" alone is a modal');
});

test('relative dates need a document date', () => {
  assert.deepEqual(findDates('on Tuesday', 0, null), []);
  assert.deepEqual(
    findDates('on 13 November 2015', 0, null).map((d) => d.iso),
    ['2015-11-13'],
  );
});
