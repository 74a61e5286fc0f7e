import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../testdoc.js';
import { readArguments } from './arguments.js';
import { readDate } from './date.js';
import { sentenceAt, triggerAt } from './fixture.js';

test('date: an explicit date on the trigger, historical when a week or more before the document', () => {
  const old = buildDoc(
    'Quito/PROPN/2/nsubj praised|praise/VERB/0/root Lima/PROPN/2/obj on/ADP/5/case November/PROPN/2/obl 2/NUM/5/nummod ./PUNCT/2/punct',
    [],
    '2015-11-26',
  );
  const x = triggerAt(old, 'praised');
  readArguments(x);
  readDate(x);
  assert.equal(x.date, '2015-11-02');
  assert.equal(old.text.slice(x.dateSpan!.start, x.dateSpan!.end), 'November 2');
  assert.equal(x.historical, true);
  assert.deepEqual(x.rules.slice(-2), ['date:relative', 'historical']);
  const recent = buildDoc(
    'Quito/PROPN/2/nsubj praised|praise/VERB/0/root Lima/PROPN/2/obj on/ADP/5/case November/PROPN/2/obl 24/NUM/5/nummod ./PUNCT/2/punct',
  );
  const y = triggerAt(recent, 'praised');
  readDate(y);
  assert.equal(y.historical, false);
});

test('date: without an expression, the document date; the anchor of a date is its trigger', () => {
  const doc = buildDoc('Quito/PROPN/2/nsubj praised|praise/VERB/0/root Lima/PROPN/2/obj ./PUNCT/2/punct');
  const x = triggerAt(doc, 'praised');
  readDate(x);
  assert.equal(x.date, '2015-11-26');
  assert.equal(x.dateSpan, undefined);
  assert.deepEqual(x.rules, ['date:document']);
  const dated = buildDoc(
    'Quito/PROPN/2/nsubj praised|praise/VERB/0/root Lima/PROPN/2/obj on/ADP/5/case Tuesday/PROPN/2/obl ./PUNCT/2/punct',
  );
  const s = sentenceAt(dated);
  assert.deepEqual(s.anchors, [1]);
});
