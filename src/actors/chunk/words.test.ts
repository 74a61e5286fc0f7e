import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexicon } from '../lexicon.js';

test('the chunk word lists come from data/actors/words.json', () => {
  const W = lexicon().words;
  assert.ok(W.functionWords.has('without') && !W.functionWords.has('rebels'));
  assert.ok(W.directions.has('southern'));
  assert.ok(W.countryNouns.has('kingdom'));
  assert.ok(W.governing.has('administration'));
  assert.deepEqual([...W.postfixPrepositions], ['of', 'in', 'from']);
  assert.ok(W.orgNameWord.test('Airlines') && W.orgNameWord.test('ministry') && !W.orgNameWord.test('minister'));
});
