import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTitleCase, truecase } from './truecase.js';
import type { TaggerMeta } from './tagger.js';

// A toy tagger vocabulary: class 0 is a common noun, 1 a verb, 2 a proper noun.
const meta: TaggerMeta = {
  classes: ['NOUN|NN', 'VERB|VBZ', 'PROPN|NNP'],
  amb: { harbour: '0', council: '0', approve: '1', plan: '0,1', bill: '0,2', with: '0' },
};
const names = (w: string) => w === 'ostrava';

test('a title-case headline is recognised; ordinary prose and short or all-caps headlines are not', () => {
  assert.ok(isTitleCase('Harbour Council Approves Ostrava Plan'.split(' ')));
  assert.ok(!isTitleCase('The harbour council approved the plan on Monday'.split(' ')));
  assert.ok(!isTitleCase('NATO Meets UN'.split(' ')));
});

test('common words are lowercased for the models, by their stem too; names and words also seen as names keep capitals', () => {
  const out = truecase(meta, 'Harbour Council Approves Ostrava Plan With Bill'.split(' '), names);
  assert.deepEqual(out, ['harbour', 'council', 'approves', 'Ostrava', 'plan', 'with', 'Bill']);
});

test('a sentence not in title case is returned as it is', () => {
  const forms = 'Harbour council approves the plan'.split(' ');
  assert.equal(truecase(meta, forms, names), forms);
});
