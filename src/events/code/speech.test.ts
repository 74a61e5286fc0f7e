import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../testdoc.js';
import { readArguments } from './arguments.js';
import { triggerAt } from './fixture.js';
import { readSpeech } from './speech.js';

test('speech: negation, modality and the reporter of "Quito said it would not praise Lima"', () => {
  const doc = buildDoc(
    'Quito/PROPN/2/nsubj said|say/VERB/0/root Bogota/PROPN/6/nsubj would/AUX/6/aux not/PART/6/advmod praise/VERB/2/ccomp Lima/PROPN/6/obj ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 3, to: 3, country: 'COL' },
      { from: 7, to: 7, country: 'PER' },
    ],
  );
  const x = triggerAt(doc, 'praise');
  readArguments(x);
  readSpeech(x);
  assert.equal(x.negated, true);
  assert.equal(x.modality, 'future');
  assert.equal(x.reporter, 1);
  assert.equal(x.reportedBy, 'm0');
  assert.deepEqual(x.rules.slice(-1), ['reported:say']);
});

test('speech: a plain statement is unnegated, happened, and unreported', () => {
  const doc = buildDoc('Quito/PROPN/2/nsubj praised|praise/VERB/0/root Lima/PROPN/2/obj ./PUNCT/2/punct', [
    { from: 1, to: 1, country: 'ECU' },
    { from: 3, to: 3, country: 'PER' },
  ]);
  const x = triggerAt(doc, 'praised');
  readArguments(x);
  readSpeech(x);
  assert.equal(x.negated, false);
  assert.equal(x.modality, 'happened');
  assert.equal(x.reporter, -1);
  assert.equal(x.reportedBy, undefined);
});
