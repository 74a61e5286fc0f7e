/** Tests for byline/date lines at the top of a story body. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateLineValue, isBylineLine, isMetaLine } from './metalines.js';

test('bare date lines in several forms are recognised; sentences with dates are not', () => {
  assert.equal(dateLineValue('26 November 2015'), '2015-11-26');
  assert.equal(dateLineValue('Published 24 February 2022'), '2022-02-24');
  assert.equal(dateLineValue('Updated: Tuesday, March 3, 2020 at 4:15 pm EST'), '2020-03-03T16:15:00-05:00');
  assert.equal(dateLineValue('2019-07-08'), '2019-07-08');
  assert.equal(dateLineValue('The vote was held on 26 November 2015.'), null);
  assert.equal(dateLineValue('Talks end without a deal'), null);
});

test('byline lines need a capitalised name', () => {
  assert.ok(isBylineLine('By Claire Dumont'));
  assert.ok(isBylineLine('By Ana Ruiz and Tom Berg'));
  assert.ok(!isBylineLine('by the river the crowd waited for news of the talks'));
});

test('lower in the body, only lines that repeat the metadata are dropped', () => {
  const ctx = { index: 5, byline: 'Claire Dumont', published: '2015-11-26T18:40:00+01:00' };
  assert.ok(isMetaLine('By Claire Dumont', ctx));
  assert.ok(!isMetaLine('By Peter Lang', ctx));
  assert.ok(isMetaLine('26 November 2015', ctx));
  assert.ok(!isMetaLine('3 March 2014', ctx));
  assert.ok(isMetaLine('3 March 2014', { ...ctx, index: 0 }));
});
