import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreText, toneOf } from './tone.js';

test('sentence scores have the right sign and negation flips them', () => {
  assert.ok(scoreText('The talks were a great success and both sides praised the progress.') > 0.3);
  assert.ok(scoreText('The attack killed dozens and wounded hundreds in a brutal assault.') < -0.3);
  assert.ok(scoreText('The plan is not good.') < scoreText('The plan is good.') - 0.5);
  assert.ok(Math.abs(scoreText('The committee meets on Tuesday.')) < 0.3);
  assert.equal(scoreText(''), 0);
});

test('GDELT-style tone is percent positive minus percent negative words', () => {
  const t = toneOf('good bad bad table chair');
  assert.equal(t.wordCount, 5);
  assert.equal(t.positive, 20);
  assert.equal(t.negative, 40);
  assert.equal(t.tone, -20);
  assert.equal(t.polarity, 60);
});
