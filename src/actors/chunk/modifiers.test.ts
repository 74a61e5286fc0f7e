import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkAt, wordsOf } from './fixture.js';
import { readHead } from './head.js';
import { innerCommonNoun, readModifiers } from './modifiers.js';

test('modifiers: "former" and other modifiers are skipped and remembered', () => {
  const s = chunkAt('The former Peruvian senior officials spoke.', 'Peruvian');
  readHead(s);
  readModifiers(s);
  assert.equal(s.former, true);
  assert.equal(wordsOf(s, s.q, s.q + 1), 'officials');
});

test('modifiers: one unknown common noun before a sector word stays inside the phrase', () => {
  const s = chunkAt('French paper workers went on strike.', 'French');
  readHead(s);
  assert.equal(innerCommonNoun(s, s.p), true);
  readModifiers(s);
  assert.equal(wordsOf(s, s.q, s.q + 1), 'workers');
});

test('modifiers: no inner noun without a country or organisation before it', () => {
  const s = chunkAt('Some paper workers went on strike.', 'workers');
  readHead(s);
  assert.equal(innerCommonNoun(s, s.p), false);
});
