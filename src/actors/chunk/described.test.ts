import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickSector } from '../candidate.js';
import { readUpToOutput } from './read.js';
import { ORG_SECTOR_RULES, describedResult, describedSector } from './described.js';

test('described: the organisation sector rules run in a fixed, named order', () => {
  assert.deepEqual(
    ORG_SECTOR_RULES.map((r) => r.name),
    ['governing-word', 'generic-word', 'armed-group-fighters'],
  );
});

test('described: one candidate per country of a compound modifier', () => {
  const r = describedResult(readUpToOutput('Hungarian and Romanian officials met.', 'Hungarian'))!;
  assert.deepEqual(
    r.cands.map((c) => c.ident?.country),
    ['HUN', 'ROU'],
  );
  assert.equal(r.cands[0].person, false);
});

test('described: a postfix country with "in" is less sure than a demonym', () => {
  const a = describedResult(readUpToOutput('Rebels in southern Sudan attacked.', 'Rebels'))!.cands[0];
  const b = describedResult(readUpToOutput('Sudanese rebels attacked.', 'Sudanese'))!.cands[0];
  assert.equal(a.ident?.code, 'SDNREB');
  assert.equal(b.ident?.code, 'SDNREB');
  assert.ok(a.ident!.confidence < b.ident!.confidence);
});

test('described: a governing word after an organisation makes it the government', () => {
  const s = readUpToOutput('The Taliban government said no.', 'Taliban');
  assert.equal(describedSector(s, pickSector(s.sectors)), 'GOV');
});

test('described: sector words alone keep no country unless the word has a default', () => {
  const r = describedResult(readUpToOutput('Rebels attacked the town.', 'Rebels'))!;
  assert.equal(r.cands.at(-1)?.kind, 'sector');
  assert.equal(r.cands.at(-1)?.ident?.country, null);
});

test('described: none without sector words', () => {
  assert.equal(describedResult(readUpToOutput('France said no.', 'France')), undefined);
});
