import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createDoc, dataPath } from '../doc/index.js';
import { BUCKETS, fnv } from './features.js';
import { fromStored, quantise, scoreDoc, scoreSentences, setRelevanceModel, type RelevanceModel } from './model.js';
import { relevanceStage } from './stage.js';
import { DOC_FEATURES } from './docfeatures.js';
import type { WordList } from './words.js';

const POLITICAL = 'The Freedonian foreign minister accused Sylvania of massing troops on the border on Tuesday.';
const REVIEW = 'I bought this blender last month and it is great, the smoothies come out silky and it cleans easily.';

/** A hand-made model: one feature ("w=troops") pushes a sentence up. */
function toyModel(): RelevanceModel {
  const words: WordList = { version: 1, entries: {} };
  const w = new Float64Array(BUCKETS);
  w[fnv('w=troops') % BUCKETS] = 2;
  const q = quantise(w);
  return fromStored(
    {
      name: 'toy',
      buckets: BUCKETS,
      sentence: { scale: q.scale, weights: q.weights, bias: -1, platt: { a: 1, b: 0 } },
      doc: {
        features: DOC_FEATURES,
        weights: DOC_FEATURES.map((f) => (f === 'max' ? 4 : 0)),
        bias: -2,
        platt: { a: 1, b: 0 },
      },
    },
    words,
  );
}

test('the stage assigns one calibrated score per sentence and a document score', () => {
  const m = toyModel();
  setRelevanceModel(m);
  try {
    const text = `${REVIEW}\n\n${POLITICAL}`;
    const doc = createDoc(text);
    const i = text.indexOf(POLITICAL);
    doc.layers.sentences = [
      { start: 0, end: REVIEW.length, tokenStart: 0, tokenEnd: 0 },
      { start: i, end: i + POLITICAL.length, tokenStart: 0, tokenEnd: 0 },
    ];
    relevanceStage().run(doc);
    const r = doc.layers.relevance!;
    assert.equal(r.sentences.length, 2);
    assert.ok(r.sentences[1] > r.sentences[0]);
    assert.ok(Array.from(r.sentences).every((p) => p > 0 && p < 1));
    assert.ok(Math.abs(r.score - scoreDoc(Array.from(r.sentences), null, m)) < 1e-6);
  } finally {
    setRelevanceModel(undefined);
  }
});

test('a document without sentences still gets a score', () => {
  setRelevanceModel(toyModel());
  try {
    const doc = createDoc('');
    doc.layers.sentences = [];
    relevanceStage().run(doc);
    assert.equal(doc.layers.relevance!.sentences.length, 0);
    assert.ok(doc.layers.relevance!.score >= 0);
  } finally {
    setRelevanceModel(undefined);
  }
});

test(
  'shipped weights: a political sentence scores above a product review',
  { skip: !existsSync(dataPath('relevance', 'model.json')) },
  () => {
    const [pol, rev] = scoreSentences([POLITICAL, REVIEW]);
    assert.ok(pol > 0.5, `political ${pol}`);
    assert.ok(rev < 0.5, `review ${rev}`);
    const polDoc = scoreDoc(
      scoreSentences([POLITICAL, 'Sylvania denied the claim and recalled its ambassador.']),
      'Freedonia accuses Sylvania',
    );
    const revDoc = scoreDoc(scoreSentences([REVIEW, 'Five stars, would buy again.']), 'Best blenders of the year');
    assert.ok(polDoc > revDoc);
  },
);
