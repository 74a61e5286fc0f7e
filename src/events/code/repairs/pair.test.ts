import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../testdoc.js';
import { argCountries, argText, sentenceAt } from '../fixture.js';
import { triggerContext, type TriggerContext } from '../context.js';
import { verbArguments } from '../verb-args.js';
import { pairReference } from './pair.js';

/** The context of `word` in sentence si, with its argument slots read. */
function at(spec: string, mentions: Parameters<typeof buildDoc>[1], si: number, word: string): TriggerContext {
  const doc = buildDoc(spec, mentions);
  const s = sentenceAt(doc, si);
  for (const [i, m] of s.matches)
    if (doc.text.slice(s.v.t.start[i], s.v.t.end[i]) === word) {
      const x = triggerContext(s, i, m);
      verbArguments(x);
      return x;
    }
  assert.fail(`no trigger ${word}`);
}

const MET = 'Macri/PROPN/2/nsubj met|meet/VERB/0/root Bachelet/PROPN/2/obj ./PUNCT/2/punct';
const PAIR = [
  { from: 1, to: 1, country: 'ARG', kind: 'person' },
  { from: 3, to: 3, country: 'CHL', kind: 'person' },
];

test('pair-reference: "the two leaders agreed" after "Macri met Bachelet" — the pair acts', () => {
  const x = at(
    `${MET} || The/DET/3/det two|two/NUM/3/nummod leaders|leader/NOUN/4/nsubj agreed|agree/VERB/0/root ./PUNCT/4/punct`,
    PAIR,
    1,
    'agreed',
  );
  assert.deepEqual(argCountries(x, 'actor'), []);
  pairReference(x);
  assert.deepEqual(argCountries(x, 'actor'), ['ARG', 'CHL']);
  assert.deepEqual(argText(x, 'actor'), ['leaders'], 'the phrase as written stays the argument');
  assert.match(x.actor.pick.rule, /pair-reference$/);
});

test('pair-reference: "the leaders" without "two" or "both", or three countries named, stay unresolved', () => {
  const plain = at(
    `${MET} || The/DET/2/det leaders|leader/NOUN/3/nsubj agreed|agree/VERB/0/root ./PUNCT/3/punct`,
    PAIR,
    1,
    'agreed',
  );
  pairReference(plain);
  assert.deepEqual(argCountries(plain, 'actor'), []);
  const three = at(
    'Macri/PROPN/2/nsubj met|meet/VERB/0/root Bachelet/PROPN/2/obj and/CCONJ/5/cc Temer/PROPN/3/conj ./PUNCT/2/punct || ' +
      'The/DET/3/det two|two/NUM/3/nummod leaders|leader/NOUN/4/nsubj agreed|agree/VERB/0/root ./PUNCT/4/punct',
    [...PAIR, { from: 5, to: 5, country: 'BRA', kind: 'person' }],
    1,
    'agreed',
  );
  pairReference(three);
  assert.deepEqual(argCountries(three, 'actor'), [], 'three countries: which two is not clear');
});

test('pair-reference: "both countries" takes states, not the people named with them', () => {
  const x = at(
    'Macri/PROPN/2/nsubj visited|visit/VERB/0/root Chile/PROPN/2/obj from/ADP/5/case Argentina/PROPN/2/obl ./PUNCT/2/punct || ' +
      'Both|both/DET/2/det countries|country/NOUN/3/nsubj agreed|agree/VERB/0/root ./PUNCT/3/punct',
    [
      { from: 1, to: 1, country: 'ARG', kind: 'person' },
      { from: 3, to: 3, country: 'CHL', kind: 'country' },
      { from: 5, to: 5, country: 'ARG', kind: 'country' },
    ],
    1,
    'agreed',
  );
  pairReference(x);
  assert.deepEqual(
    x.actor.mentions.map((m) => m.kind),
    ['country', 'country'],
  );
  assert.deepEqual(argCountries(x, 'actor').sort(), ['ARG', 'CHL']);
});
