/** Tests of the sentence-level type classifier's inputs and of the prior features the re-scorer sees. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dataPath } from '../doc/resources.js';
import { priorFeatures } from './features.js';
import { loadSentenceModel, sentenceFeatureNames, sentenceFeatures, sentencePrior } from './sentclf.js';
import { SentenceView } from './syntax.js';
import { buildDoc } from './testdoc.js';

const SENT =
  'Russia/PROPN/2/nsubj said|say/VERB/0/root it/PRON/5/nsubj would/AUX/5/aux bomb/VERB/2/ccomp rebel/NOUN/7/compound positions|position/NOUN/5/obj ./PUNCT/2/punct';

test('sentence features: names folded, main predicate and its complement with their objects', () => {
  const f = sentenceFeatureNames(new SentenceView(buildDoc(SENT), 0));
  assert.ok(f.includes('u=<P>') && !f.some((x) => x.includes('russia')), 'proper names are folded');
  assert.ok(f.includes('p=root:say'));
  assert.ok(f.includes('p=root>ccomp:bomb'));
  assert.ok(f.includes('pd=bomb>obj>position'));
  assert.ok(f.includes('b=rebel_position'));
});

test('hashed sentence features are deterministic and bounded', () => {
  const a = sentenceFeatures(new SentenceView(buildDoc(SENT), 0));
  const b = sentenceFeatures(new SentenceView(buildDoc(SENT), 0));
  assert.deepEqual(a, b);
  assert.ok(a.every((x) => x === 'bias' || (/^h\d+$/.test(x) && Number(x.slice(1)) < 1 << 14)));
});

test('prior features say whether the sentence agrees with the rule type', () => {
  const labels = ['AGREE', 'ASSAULT', 'NONE'];
  const p = Float64Array.from([0.1, 0.7, 0.2]);
  assert.ok(priorFeatures(labels, p, 'ASSAULT').includes('sp=agree'));
  assert.ok(priorFeatures(labels, p, 'NONE').includes('sp=second'));
  const f = priorFeatures(labels, p, 'AGREE');
  assert.ok(f.includes('sp=disagree') && f.includes('sp1*rt=ASSAULT/AGREE') && f.includes('sprt=lo'));
});

test(
  'the committed sentence classifier gives a distribution over 16 types + NONE',
  {
    skip: !existsSync(dataPath('events', 'sentclf.json')) && 'no sentclf.json',
  },
  () => {
    const p = sentencePrior(new SentenceView(buildDoc(SENT), 0), loadSentenceModel());
    assert.ok(p);
    assert.equal(p.length, 17);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-6);
  },
);
