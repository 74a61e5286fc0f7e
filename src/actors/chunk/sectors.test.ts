import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkAt, wordsOf } from './fixture.js';
import { readHead } from './head.js';
import { readModifiers } from './modifiers.js';
import { readSectors } from './sectors.js';

const upTo = (sentence: string, from: string) => {
  const s = chunkAt(sentence, from);
  readHead(s);
  readModifiers(s);
  return s;
};

test('sectors: a run of sector words and titles is read', () => {
  const s = upTo('Afghan rebels and senior officials met.', 'Afghan');
  assert.equal(readSectors(s), undefined);
  assert.deepEqual(
    s.sectors.map((x) => x.sector),
    ['REB'],
  );
  assert.equal(wordsOf(s, s.p, s.p + 1), 'and');
  const t = upTo('Afghan Foreign Minister Ali Khan met.', 'Afghan');
  assert.equal(readSectors(t), undefined);
  assert.equal(t.sectors.length, 1);
  assert.equal(t.sectors[0].title, true);
  assert.equal(wordsOf(t, t.p, t.p + 1), 'Ali');
});

test('sectors: a people noun after a demonym is a community', () => {
  const s = upTo('Bosnian Serbs protested.', 'Bosnian');
  assert.equal(readSectors(s), undefined);
  assert.equal(s.sectors.length, 1);
  assert.equal(s.sectors[0].sector, 'CVL');
  assert.equal(s.sectors[0].ethnic, true);
});

test('sectors: a country word that is not a nationality and no sector word names nothing', () => {
  const s = upTo('The Iran-backed plan failed.', 'Iran');
  const r = readSectors(s);
  assert.deepEqual(r, { cands: [], end: s.first.j });
});
