import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteWords } from './words.js';

test('quote word lists load once, as sets, with their regular expressions', () => {
  const w = quoteWords();
  assert.equal(quoteWords(), w);
  assert.ok(w.be.has('was') && w.be.has('’s'));
  assert.ok(w.tailOpeners.has('(') && w.tailOpeners.has('monday'));
  assert.ok(w.subjectPronouns.has('she') && !w.subjectPronouns.has('who'));
  assert.ok(w.pronouns.has('who'));
  assert.ok(w.passiveCueEnding.test('reported') && !w.passiveCueEnding.test('says'));
  assert.ok(w.personPronoun.test('She') && !w.personPronoun.test('they'));
  assert.ok(w.groupPronoun.test('They') && !w.groupPronoun.test('theyre'));
  for (const [name, list] of Object.entries(w)) if (list instanceof Set) assert.ok(list.size > 0, name);
});
