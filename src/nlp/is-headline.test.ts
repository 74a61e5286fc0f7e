import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHeadline } from './index.js';

const words = (s: string): string[] => s.split(' ');

test('a short first line alone in the first of several blocks is a headline', () => {
  const blocks = [
    { start: 0, end: 30 },
    { start: 31, end: 200 },
  ];
  assert.equal(isHeadline(blocks, [0, 31], 0, words('Council members reject the budget plan')), true);
  // The second sentence is body text.
  assert.equal(isHeadline(blocks, [0, 31], 1, words('The council voted on a plan for the harbour')), false);
});

test('a bare sentence (one block) is not a headline unless it is in title case', () => {
  const one = [{ start: 0, end: 60 }];
  assert.equal(isHeadline(one, [0], 0, words('The mayor thanked the volunteers for their work')), false);
  assert.equal(isHeadline(one, [0], 0, words('Mayor Thanks Volunteers After Harbour Clean-Up')), true);
});

test('a sentence inside a title block is a headline', () => {
  const blocks = [
    { start: 0, end: 40, kind: 'title' },
    { start: 41, end: 300 },
  ];
  assert.equal(isHeadline(blocks, [0, 41], 0, words('a long title that has plenty of ordinary words in it')), true);
});
