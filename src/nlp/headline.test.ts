import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlineVerbTags } from './headline.js';
import type { TaggerMeta } from './tagger.js';

const meta = { classes: ['NOUN|NN', 'VERB|VBZ', 'VERB|VBP', 'PROPN|NNP'], amb: {} } as TaggerMeta;
const tags = (s: string) => Array.from(headlineVerbTags(meta, s.split(' ')));

test('an event verb inflected after a subject word is fixed as a verb; coordinated verbs too', () => {
  // 1 = VBZ, 2 = VBP (classes above); "condemn", "sue" and "back" are verbs of the event lexicon.
  assert.deepEqual(tags('Senator Backs Mayor And Condemns Strike'), [-1, 1, -1, -1, 1, -1]);
  assert.deepEqual(tags('Parents sue council'), [-1, 2, -1]);
});

test('no verb after a determiner, preposition or a conjunction that no verb precedes', () => {
  assert.deepEqual(tags('Talks on Sanctions'), [-1, -1, -1]);
  assert.deepEqual(tags('Trade and Sanctions Policy'), [-1, -1, -1, -1]);
});
