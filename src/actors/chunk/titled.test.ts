import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readUpToOutput } from './read.js';
import { titledNameResult } from './titled.js';

test('titled name: an unknown name after a country and title takes both', () => {
  const s = readUpToOutput('Spanish Foreign Minister Ana Ortiz arrived.', 'Spanish');
  const r = titledNameResult(s);
  const c = r.cands[0];
  assert.equal(c.kind, 'title');
  assert.equal(c.ident?.name, 'Ana Ortiz');
  assert.equal(c.ident?.code, 'ESPGOV');
  assert.equal(c.ident?.confidence, 0.8);
  assert.equal(c.surnameKey, 'ortiz');
});

test('titled name: a former official is ELI', () => {
  const s = readUpToOutput('Former Spanish Foreign Minister Ana Ortiz arrived.', 'Spanish');
  assert.equal(titledNameResult(s).cands[0].ident?.sector, 'ELI');
});
