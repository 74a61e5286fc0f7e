import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../testdoc.js';
import { nounArguments, nounGovernor } from './noun-args.js';
import { verbArguments } from './verb-args.js';
import { argCountries, argText, triggerAt } from './fixture.js';

test('noun arguments: a light verb carries the noun — its subject acts, its phrase is the recipient', () => {
  const doc = buildDoc(
    'Quito/PROPN/2/nsubj attended|attend/VERB/0/root a/DET/4/det summit/NOUN/2/obj with/ADP/6/case Lima/PROPN/4/nmod ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 6, to: 6, country: 'PER' },
    ],
  );
  const x = triggerAt(doc, 'summit');
  const gv = nounGovernor(x);
  assert.equal(gv.governed, true);
  assert.equal(gv.light, true);
  nounArguments(x);
  assert.equal(x.pred, 1, 'the light verb is the predicate');
  assert.deepEqual(argCountries(x, 'actor'), ['ECU']);
  assert.match(x.actor.pick.rule, /^gov\(attend\):/);
  assert.deepEqual(argCountries(x, 'recipient'), ['PER']);
});

test('noun arguments: "X faces criticism from Y" — the experiencer is acted on', () => {
  const doc = buildDoc(
    'Quito/PROPN/2/nsubj faces|face/VERB/0/root criticism/NOUN/2/obj from/ADP/5/case Lima/PROPN/3/nmod ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 5, to: 5, country: 'PER' },
    ],
  );
  const x = triggerAt(doc, 'criticism');
  nounArguments(x);
  assert.deepEqual(argCountries(x, 'recipient'), ['ECU']);
  assert.match(x.recipient.pick.rule, /^experiencer\(face\):/);
  assert.deepEqual(argCountries(x, 'actor'), ['PER'], 'who criticises is the "from" phrase');
});

test('noun arguments: a reacting verb ("condemned the sanctions") does not lend its subject to the event', () => {
  const doc = buildDoc(
    'Quito/PROPN/2/nsubj condemned|condemn/VERB/0/root the/DET/4/det sanctions|sanction/NOUN/2/obj ./PUNCT/2/punct',
    [{ from: 1, to: 1, country: 'ECU' }],
  );
  const x = triggerAt(doc, 'sanctions');
  nounArguments(x);
  assert.equal(x.pred, x.i, 'the noun stays its own predicate');
  assert.deepEqual(argText(x, 'actor'), []);
});

test('verb arguments: subject acts, object is acted on; a passive subject is the patient', () => {
  const doc = buildDoc('Quito/PROPN/2/nsubj praised|praise/VERB/0/root Lima/PROPN/2/obj ./PUNCT/2/punct', [
    { from: 1, to: 1, country: 'ECU' },
    { from: 3, to: 3, country: 'PER' },
  ]);
  const x = triggerAt(doc, 'praised');
  verbArguments(x);
  assert.deepEqual(argCountries(x, 'actor'), ['ECU']);
  assert.deepEqual(argCountries(x, 'recipient'), ['PER']);
  const pass = buildDoc('Lima/PROPN/3/nsubj:pass was|be/AUX/3/aux:pass praised|praise/VERB/0/root ./PUNCT/3/punct', [
    { from: 1, to: 1, country: 'PER' },
  ]);
  const y = triggerAt(pass, 'praised');
  verbArguments(y);
  assert.deepEqual(argText(y, 'actor'), []);
  assert.deepEqual(argCountries(y, 'recipient'), ['PER']);
  assert.equal(y.recipient.pick.rule, 'nsubj:pass');
});

test('verb arguments: without a parse, the nearest mentions either side', () => {
  const doc = buildDoc('Quito/PROPN/0/ praised|praise/VERB/0/ Lima/PROPN/0/ ./PUNCT/0/', [
    { from: 1, to: 1, country: 'ECU' },
    { from: 3, to: 3, country: 'PER' },
  ]);
  const x = triggerAt(doc, 'praised');
  assert.equal(x.s.parsed, false);
  verbArguments(x);
  assert.deepEqual(argCountries(x, 'actor'), ['ECU']);
  assert.deepEqual(argCountries(x, 'recipient'), ['PER']);
});

test('verb arguments: "coordinate Syria strikes" — a joint activity is not a party; a "with" partner is', () => {
  const doc = buildDoc(
    'Quito/PROPN/2/nsubj coordinated|coordinate/VERB/0/root Lima/PROPN/4/compound strikes|strike/NOUN/2/obj ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 3, to: 3, country: 'PER' },
    ],
  );
  const x = triggerAt(doc, 'coordinated');
  verbArguments(x);
  assert.deepEqual(argCountries(x, 'actor'), ['ECU']);
  assert.deepEqual(argCountries(x, 'recipient'), [], 'the strikes are what was coordinated');
  assert.equal(x.recipient.pick.rule, 'obj:activity');
  const withPartner = buildDoc(
    'Quito/PROPN/2/nsubj coordinated|coordinate/VERB/0/root strikes|strike/NOUN/2/obj with/ADP/5/case Lima/PROPN/2/obl ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 5, to: 5, country: 'PER' },
    ],
  );
  const y = triggerAt(withPartner, 'coordinated');
  verbArguments(y);
  assert.deepEqual(argCountries(y, 'recipient'), ['PER']);
});

test('verb arguments: "shared intelligence" — the thing shared is no party even where a sector word names it', () => {
  const doc = buildDoc('Quito/PROPN/2/nsubj shared|share/VERB/0/root intelligence/NOUN/2/obj ./PUNCT/2/punct', [
    { from: 1, to: 1, country: 'ECU' },
    { from: 3, to: 3, country: null, sector: 'SPY', kind: 'sector' },
  ]);
  const x = triggerAt(doc, 'shared');
  verbArguments(x);
  assert.ok(argText(x, 'recipient').includes('intelligence'), 'the phrase is kept');
  assert.deepEqual(argCountries(x, 'recipient'), [], 'the intelligence is what was shared');
});
