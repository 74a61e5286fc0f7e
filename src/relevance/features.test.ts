import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUCKETS, featureIndices, featureNames } from './features.js';
import { keyOf, tokens } from './tokens.js';
import { phraseKey, wordHits, type WordList } from './words.js';

const words: WordList = {
  version: 1,
  entries: {
    [phraseKey('Freedonia')]: ['country'],
    [phraseKey('Freedonian')]: ['demonym'],
    [phraseKey('foreign minister')]: ['sector:GOV'],
    [phraseKey('Rufus T. Firefly')]: ['leader'],
  },
};

test('features are deterministic, sorted, distinct and in range', () => {
  const s = 'The Freedonian foreign minister met Rufus T. Firefly on 12 March 2024.';
  const a = featureIndices(s, words);
  const b = featureIndices(s, words);
  assert.deepEqual(a, b);
  for (let i = 1; i < a.length; i++) assert.ok(a[i] > a[i - 1]);
  assert.ok(a.every((x) => x >= 0 && x < BUCKETS));
  assert.notDeepEqual(a, featureIndices('I loved the pasta and the service was quick.', words));
});

test('numbers fold to their shape and words to lower case', () => {
  assert.equal(keyOf('2024'), '0000');
  assert.equal(keyOf('3.5'), '0.0');
  assert.equal(keyOf('Minister'), 'minister');
  assert.deepEqual(tokens("Freedonia's army, 2,000 troops."), ["Freedonia's", 'army', ',', '2,000', 'troops', '.']);
});

test('word-list hits: longest phrase first, one-word names only when capitalised', () => {
  const t = tokens('The Freedonian foreign minister thanked Rufus T. Firefly');
  assert.deepEqual(wordHits(t, t.map(keyOf), words), ['demonym', 'sector:GOV', 'leader']);
  const low = tokens('a freedonia of words');
  assert.deepEqual(wordHits(low, low.map(keyOf), words), []);
  const odd = tokens('The constructor of toString');
  assert.deepEqual(wordHits(odd, odd.map(keyOf), words), []);
  const names = featureNames('Freedonia protests.', words);
  assert.ok(names.includes('g=country'));
  assert.ok(names.includes('w=protests'));
  assert.ok(names.includes('b=<s>_freedonia'));
});
