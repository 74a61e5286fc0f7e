import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkAt, wordsOf } from './fixture.js';
import { readHead } from './head.js';
import { readModifiers } from './modifiers.js';
import { readSectors } from './sectors.js';
import { readName } from './name.js';

const upTo = (sentence: string, from: string) => {
  const s = chunkAt(sentence, from);
  readHead(s);
  readModifiers(s);
  assert.equal(readSectors(s), undefined);
  return s;
};

test('name: an unknown name after a title is read as a run', () => {
  const s = upTo('Spanish Foreign Minister Ana Ortiz arrived.', 'Spanish');
  assert.equal(readName(s), true);
  assert.equal(s.title?.title, true);
  assert.equal(wordsOf(s, s.nameStart, s.nameEnd), 'Ana Ortiz');
  assert.equal(s.person.length, 0);
});

test('name: a known person after a title', () => {
  const s = upTo('French President Emmanuel Macron arrived.', 'French');
  assert.equal(readName(s), true);
  assert.equal(s.personKind, 'name');
  assert.ok(s.person.some((p) => p.name.includes('Macron')));
  assert.equal(wordsOf(s, s.nameStart, s.nameEnd), 'Emmanuel Macron');
});

test('name: no title, no name', () => {
  const s = upTo('Somali rebels attacked.', 'Somali');
  assert.equal(readName(s), true);
  assert.equal(s.nameStart, -1);
});
