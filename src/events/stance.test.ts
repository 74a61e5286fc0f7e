/** Stance frames on hand-built parses: reported criticism and praise with no event word. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { polarity, stanceCandidates, stanceFeatures } from './stance.js';
import { SentenceView } from './syntax.js';
import { buildDoc } from './testdoc.js';

const OFFICIALS = { from: 1, to: 1, country: 'ESP', sector: 'GOV' };

test('"called the decision illegal": ACCUSE by the caller aimed at the decision', () => {
  const doc = buildDoc(
    'Officials|official/NOUN/2/nsubj called|call/VERB/0/root the/DET/4/det decision/NOUN/2/obj illegal/ADJ/2/xcomp ./PUNCT/2/punct',
    [OFFICIALS],
  );
  const [c, ...rest] = stanceCandidates(doc, []);
  assert.equal(rest.length, 0);
  assert.equal(c.record.type, 'ACCUSE');
  assert.deepEqual(c.record.actor, ['m0']);
  assert.match(c.record.decidedBy[0], /^stance:call "called"/);
  assert.ok(stanceFeatures(c).includes('st=call'));
});

test('a reported clause about deeds is no stance: "said the attacks killed ten people"', () => {
  const doc = buildDoc(
    'Officials|official/NOUN/2/nsubj said|say/VERB/0/root the/DET/4/det attacks|attack/NOUN/5/nsubj killed|kill/VERB/2/ccomp ' +
      'ten/NUM/7/nummod people|person/NOUN/5/obj ./PUNCT/2/punct',
    [OFFICIALS],
  );
  assert.deepEqual(stanceCandidates(doc, []), []);
});

test('an attitude adjective: "is pleased with the ruling" is SUPPORT; a positive word alone is not', () => {
  const pleased = buildDoc(
    'Officials|official/NOUN/3/nsubj are|be/AUX/3/cop pleased/ADJ/0/root with/ADP/6/case the/DET/6/det ruling/NOUN/3/obl ./PUNCT/3/punct',
    [OFFICIALS],
  );
  const [c] = stanceCandidates(pleased, []);
  assert.equal(c?.record.type, 'SUPPORT');
  const tall = buildDoc('Officials|official/NOUN/3/nsubj are|be/AUX/3/cop tall/ADJ/0/root ./PUNCT/3/punct', [
    OFFICIALS,
  ]);
  assert.deepEqual(stanceCandidates(tall, []), []);
});

test('polarity: negation flips a word; names carry none', () => {
  const doc = buildDoc('not/PART/2/advmod good/ADJ/0/root Peace/PROPN/2/nmod');
  const v = new SentenceView(doc, 0);
  const p = polarity(v, [0, 1, 2]);
  assert.ok(p.sum < 0, `negated "good" is negative (${p.sum})`);
  assert.equal(p.peak, 1);
});

test('a predicate the lexicon already codes is not proposed again', () => {
  const doc = buildDoc(
    'Officials|official/NOUN/2/nsubj called|call/VERB/0/root the/DET/4/det decision/NOUN/2/obj illegal/ADJ/2/xcomp ./PUNCT/2/punct',
    [OFFICIALS],
  );
  const taken = stanceCandidates(doc, []);
  assert.deepEqual(stanceCandidates(doc, taken), []);
});
