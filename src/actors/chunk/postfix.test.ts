import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkAt } from './fixture.js';
import { readHead } from './head.js';
import { readModifiers } from './modifiers.js';
import { readSectors } from './sectors.js';
import { readName } from './name.js';
import { readPostfixCountry } from './postfix.js';

const upTo = (sentence: string, from: string) => {
  const s = chunkAt(sentence, from);
  readHead(s);
  readModifiers(s);
  assert.equal(readSectors(s), undefined);
  assert.equal(readName(s), true);
  readPostfixCountry(s);
  return s;
};

test('postfix country: "of" gives the country, sure', () => {
  const s = upTo('The president of Armenia spoke.', 'president');
  assert.equal(s.postCountry?.code, 'ARM');
  assert.equal(s.postIn, false);
});

test('postfix country: "in" with a direction word gives the country, less sure', () => {
  const s = upTo('Rebels in southern Sudan attacked.', 'Rebels');
  assert.equal(s.postCountry?.code, 'SDN');
  assert.equal(s.postIn, true);
});

test('postfix country: not after a country word', () => {
  const s = upTo('Somali rebels in Kenya attacked.', 'Somali');
  assert.equal(s.postCountry, null);
});
