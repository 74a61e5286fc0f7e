import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../testdoc.js';
import { readArguments } from './arguments.js';
import { triggerAt } from './fixture.js';
import { readType } from './reading.js';
import { readSpeech } from './speech.js';

test('reading: a promised action is AGREE with the composite CAMEO code ("will provide aid" → 033)', () => {
  const doc = buildDoc(
    'Quito/PROPN/3/nsubj will/AUX/3/aux provide|provide/VERB/0/root aid/NOUN/3/obj to/ADP/6/case Lima/PROPN/3/obl ./PUNCT/3/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 6, to: 6, country: 'PER' },
    ],
  );
  const x = triggerAt(doc, 'provide');
  readArguments(x);
  readSpeech(x);
  readType(x);
  assert.equal(x.type, 'AGREE');
  assert.equal(x.cameo, '033');
  assert.ok(
    x.rules.some((r) => r.endsWith('(was AID)')),
    x.rules.join(' '),
  );
});

test('reading: "Rome said Vienna must recount ballots" — Rome demands, Vienna is asked', () => {
  const doc = buildDoc(
    'Rome/PROPN/2/nsubj said|say/VERB/0/root Vienna/PROPN/5/nsubj must/AUX/5/aux recount/VERB/2/ccomp ballots|ballot/NOUN/5/obj ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ITA' },
      { from: 3, to: 3, country: 'AUT' },
    ],
  );
  const x = triggerAt(doc, 'recount', false);
  readArguments(x);
  readSpeech(x);
  assert.equal(x.actor.mentions[0].country, 'AUT');
  readType(x);
  assert.equal(x.type, 'REQUEST');
  assert.deepEqual(
    x.actor.mentions.map((m) => m.country),
    ['ITA'],
  );
  assert.deepEqual(
    x.recipient.mentions.map((m) => m.country),
    ['AUT'],
  );
  assert.deepEqual(x.rules.slice(-3), ['must-do→REQUEST', 'actor=reporter', 'recipient=must-do:subject']);
});
