import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenView } from '../doc/index.js';
import { buildDoc } from './testdoc.js';
import { SentenceView } from './syntax.js';

test('SentenceView: texts and lemmas from the one token view, empty outside the sentence', () => {
  const doc = buildDoc(
    'Quito/PROPN/2/nsubj Praised|praise/VERB/0/root Lima/PROPN/2/obj ./PUNCT/2/punct || Lima/PROPN/2/nsubj Thanked|thank/VERB/0/root Quito/PROPN/2/obj ./PUNCT/2/punct',
  );
  const v = new SentenceView(doc, 1);
  const tv = tokenView(doc);
  assert.equal(v.start, 4);
  assert.equal(v.text(5), 'thanked');
  assert.equal(v.lemma(5), 'thank');
  assert.equal(v.text(5), tv.low(5));
  assert.equal(v.text(3), '', 'a token of the sentence before');
  assert.equal(v.lemma(8), '', 'past the end');
  assert.deepEqual(v.children(5), [4, 6, 7]);
});
