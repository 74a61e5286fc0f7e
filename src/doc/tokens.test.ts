import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocTokens, createDoc } from './doc.js';
import { tokenView } from './tokens.js';

/** "Envoys Met here": three tokens, one sentence, with a lemma, tags and a parse on two of them. */
function smallDoc() {
  const doc = createDoc('Envoys Met here');
  const t = allocTokens(3);
  [
    [0, 6],
    [7, 10],
    [11, 15],
  ].forEach(([s, e], k) => {
    t.start[k] = s;
    t.end[k] = e;
  });
  t.lemma[0] = 'Envoy';
  t.upos[0] = 'NOUN';
  t.upos[1] = 'VERB';
  t.deprel[0] = 'nsubj:pass';
  t.head[0] = 1;
  t.head[1] = 1;
  doc.layers.tokens = t;
  return doc;
}

test('token view: text, lower case, lemma with a fallback, tags and relations', () => {
  const v = tokenView(smallDoc());
  assert.equal(v.count, 3);
  assert.equal(v.raw(1), 'Met');
  assert.equal(v.low(1), 'met');
  assert.equal(v.lemma(0), 'envoy');
  assert.equal(v.lemma(1), 'met');
  assert.equal(v.upos(0), 'NOUN');
  assert.equal(v.rel(0), 'nsubj:pass');
  assert.equal(v.base(0), 'nsubj');
  assert.equal(v.head(0), 1);
  assert.deepEqual(v.span(2), { start: 11, end: 15 });
});

test('token view: out-of-range indices read as empty, never as the whole text', () => {
  const v = tokenView(smallDoc());
  for (const i of [-1, 3, 99]) {
    assert.equal(v.raw(i), '');
    assert.equal(v.low(i), '');
    assert.equal(v.lemma(i), '');
    assert.equal(v.upos(i), '');
    assert.equal(v.rel(i), '');
    assert.equal(v.head(i), -1);
    assert.equal(v.sentence(i), -1);
  }
});

test('token view: one view per document token layer', () => {
  const doc = smallDoc();
  assert.equal(tokenView(doc), tokenView(doc));
  const other = smallDoc();
  assert.notEqual(tokenView(other), tokenView(doc));
  assert.throws(() => tokenView(createDoc('no tokens')), /no token layer/);
});
