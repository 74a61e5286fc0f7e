import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readUpToOutput } from './read.js';
import { countryResult, orgResult } from './alone.js';

test('alone: a country name is the state', () => {
  const r = countryResult(readUpToOutput('France said no.', 'France'));
  assert.equal(r.cands[0].kind, 'country');
  assert.equal(r.cands[0].ident?.code, 'FRA');
});

test('alone: a locative country names no actor in running text, but does standing alone', () => {
  assert.deepEqual(countryResult(readUpToOutput('They met in France.', 'France')).cands, []);
  assert.equal(countryResult(readUpToOutput('in France', 'France', { standalone: true })).cands.length, 1);
});

test('alone: a country after "at" is a target; a seat after "at" is a place', () => {
  assert.equal(
    countryResult(readUpToOutput('They lashed out at France over the plan.', 'France')).cands[0]?.kind,
    'country',
  );
  assert.equal(countryResult(readUpToOutput('Critics were angry at the US.', 'US')).cands[0]?.ident?.code, 'USA');
  assert.deepEqual(countryResult(readUpToOutput('They held talks at the Kremlin.', 'Kremlin')).cands, []);
});

test('alone: a capital that acts is its government', () => {
  const r = countryResult(readUpToOutput('Moscow said it would respond.', 'Moscow'));
  assert.equal(r.cands[0].kind, 'metonym');
  assert.equal(r.cands[0].ident?.code, 'RUSGOV');
});

test('alone: a people noun is placed where the text says they live', () => {
  const r = countryResult(readUpToOutput('Albanians of southern Serbia protested.', 'Albanians'));
  assert.equal(r.cands[0].kind, 'demonym+sector');
  assert.equal(r.cands[0].ident?.code, 'SRBCVL');
});

test('alone: a bare adjective before a noun names nothing', () => {
  assert.deepEqual(countryResult(readUpToOutput('The French wine sold.', 'French')).cands, []);
});

test('alone: a nationality adjective before an act or stance noun names the state that acts', () => {
  assert.equal(
    countryResult(readUpToOutput('Israeli air strikes hit the port.', 'Israeli')).cands[0]?.ident?.code,
    'ISR',
  );
  assert.equal(
    countryResult(readUpToOutput('They welcomed the Swedish move.', 'Swedish')).cands[0]?.ident?.code,
    'SWE',
  );
  // Not an act: wine, food and weather belong to no state's deeds.
  assert.deepEqual(countryResult(readUpToOutput('Swedish summer weather was mild.', 'Swedish')).cands, []);
});

test('alone: an organisation alone is the organisation', () => {
  const r = orgResult(readUpToOutput('NATO said no.', 'NATO'));
  assert.equal(r.cands[0].kind, 'org');
  assert.ok(r.cands[0].ident?.code.startsWith('IGO'));
});
