import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkAt } from './fixture.js';
import { readHead } from './head.js';
import { readModifiers } from './modifiers.js';
import { ownOrganisation } from './own-org.js';

test('own organisation: a country word before its own organisation names the organisation', () => {
  const s = chunkAt('Lebanese Hezbollah fighters fired rockets.', 'Lebanese');
  readHead(s);
  readModifiers(s);
  const r = ownOrganisation(s);
  assert.ok(r);
  assert.equal(r.cands.length, 1);
  assert.equal(r.cands[0].kind, 'org');
  assert.equal(r.cands[0].ident?.country, 'LBN');
  assert.match(r.cands[0].ident!.evidence[0], /of Lebanon/);
});

test('own organisation: not for a plain sector word', () => {
  const s = chunkAt('Lebanese officials spoke.', 'Lebanese');
  readHead(s);
  readModifiers(s);
  assert.equal(ownOrganisation(s), undefined);
});
