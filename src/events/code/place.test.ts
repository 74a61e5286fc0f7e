import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../testdoc.js';
import { triggerAt } from './fixture.js';
import { readPlace } from './place.js';

test('place: an "in X" phrase naming a place mention, not a party phrase', () => {
  const doc = buildDoc(
    'Quito/PROPN/2/nsubj praised|praise/VERB/0/root Lima/PROPN/2/obj in/ADP/5/case Cusco/PROPN/2/obl ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 3, to: 3, country: 'PER' },
      { from: 5, to: 5, country: 'PER', sector: 'UNK' },
    ],
  );
  const x = triggerAt(doc, 'praised');
  readPlace(x);
  assert.deepEqual(x.place, {
    text: 'Cusco',
    start: doc.text.indexOf('Cusco'),
    end: doc.text.indexOf('Cusco') + 5,
    country: 'PER',
  });
  const party = buildDoc(
    'Quito/PROPN/2/nsubj praised|praise/VERB/0/root Lima/PROPN/2/obj in/ADP/5/case parliament/NOUN/2/obl ./PUNCT/2/punct',
    [{ from: 5, to: 5, country: 'PER', sector: 'LEG' }],
  );
  const y = triggerAt(party, 'praised');
  readPlace(y);
  assert.equal(y.place, undefined);
});
