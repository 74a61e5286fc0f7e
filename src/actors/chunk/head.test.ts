import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkAt, wordsOf } from './fixture.js';
import { readHead } from './head.js';

test('head: compound demonyms before a sector word read as several countries', () => {
  const s = chunkAt('Hungarian and Romanian officials met on Monday.', 'Hungarian');
  readHead(s);
  assert.equal(s.country?.c.code, 'HUN');
  assert.deepEqual(
    s.extraCountries.map((c) => c.code),
    ['ROU'],
  );
  assert.equal(wordsOf(s, s.p, s.p + 1), 'officials');
});

test('head: a possessive after the country is skipped', () => {
  const s = chunkAt("Kenya's army crossed the border.", 'Kenya');
  readHead(s);
  assert.equal(s.country?.kind, 'country');
  assert.equal(wordsOf(s, s.p, s.p + 1), 'army');
});

test('head: a country word that is not a nationality keeps no country', () => {
  const s = chunkAt('The Iran-backed militias fired rockets.', 'Iran');
  readHead(s);
  assert.equal(s.notNation, true);
  assert.equal(s.country, null);
  assert.equal(wordsOf(s, s.p, s.p + 1), 'militias');
});

test('head: an organisation opens the chunk', () => {
  const s = chunkAt("NATO's leaders gathered.", 'NATO');
  readHead(s);
  assert.equal(s.org?.code.startsWith('IGO'), true);
  assert.equal(wordsOf(s, s.p, s.p + 1), 'leaders');
});
