import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../testdoc.js';
import { argCountries, argText, triggerAt } from '../fixture.js';
import { nounArguments } from '../noun-args.js';
import { verbArguments } from '../verb-args.js';
import type { TriggerContext } from '../context.js';
import { blamedSubject, movedForces, pronounReporter } from './actor.js';
import { REPAIRS } from './index.js';
import { partyInClause, placeAsParty, placePhraseTarget } from './party.js';
import { complementSubject, deepMarkedPhrase, xcompRecipient } from './recipient.js';

/** The trigger's context with its own argument slots read (no repairs yet). */
function slots(spec: string, mentions: Parameters<typeof buildDoc>[1], word: string): TriggerContext {
  const x = triggerAt(buildDoc(spec, mentions), word);
  if (x.isNoun) nounArguments(x);
  else verbArguments(x);
  return x;
}

test('repairs: a fixed, named order', () => {
  assert.deepEqual(
    REPAIRS.map((r) => r.name),
    [
      'linear-noun',
      'xcomp-recipient',
      'deep-marked',
      'complement-subject',
      'pronoun-reporter',
      'pair-reference',
      'blamed-subject',
      'moved-forces',
      'party-in-clause',
      'place-as-party',
      'place-phrase',
    ],
  );
});

test('xcomp-recipient: "agreed to leave Lima" — the complement\'s object', () => {
  const x = slots(
    'Quito/PROPN/2/nsubj agreed|agree/VERB/0/root to/PART/4/mark leave/VERB/2/xcomp Lima/PROPN/4/obj ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 5, to: 5, country: 'PER', sector: 'UNK' },
    ],
    'agreed',
  );
  assert.deepEqual(argText(x, 'recipient'), []);
  xcompRecipient(x);
  assert.deepEqual(argText(x, 'recipient'), ['Lima']);
  assert.match(x.recipient.pick.rule, /^xcomp:/);
});

test('deep-marked: "filed a complaint in court against Lima" — the type\'s preposition lower down', () => {
  const x = slots(
    'Quito/PROPN/2/nsubj accused|accuse/VERB/0/root officials|official/NOUN/2/obj in/ADP/5/case court/NOUN/3/nmod against/ADP/7/case Lima/PROPN/5/nmod ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 7, to: 7, country: 'PER' },
    ],
    'accused',
  );
  assert.deepEqual(x.recipient.mentions, []);
  deepMarkedPhrase(x);
  assert.deepEqual(argCountries(x, 'recipient'), ['PER']);
  assert.equal(x.recipient.pick.rule, 'deep:against');
});

test('complement-subject: "demanded that Lima withdraw" — who is asked', () => {
  const x = slots(
    'Quito/PROPN/2/nsubj demanded|demand/VERB/0/root that/SCONJ/5/mark Lima/PROPN/5/nsubj withdraw/VERB/2/ccomp ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 4, to: 4, country: 'PER' },
    ],
    'demanded',
  );
  complementSubject(x);
  assert.deepEqual(argCountries(x, 'recipient'), ['PER']);
  assert.equal(x.recipient.pick.rule, 'complement-subject');
});

test('pronoun-reporter: "Quito said it would praise Lima" — the pronoun is the sayer', () => {
  const x = slots(
    'Quito/PROPN/2/nsubj said|say/VERB/0/root it/PRON/5/nsubj would/AUX/5/aux praise/VERB/2/ccomp Lima/PROPN/5/obj ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 3, to: 3, country: 'BOL', kind: 'pronoun' },
      { from: 6, to: 6, country: 'PER' },
    ],
    'praise',
  );
  assert.deepEqual(argCountries(x, 'actor'), ['BOL'], 'the coreference guess');
  pronounReporter(x);
  assert.deepEqual(argCountries(x, 'actor'), ['ECU']);
  assert.equal(x.actor.pick.rule, 'pronoun→reporter');
});

test('blamed-subject: "Quito said Lima was to blame" — an adjective of blame with no object of its own', () => {
  // (Every ACCUSE adjective in today's lexicon takes its object, "critical of"; the entry is stripped of it here.)
  const x = slots(
    'Quito/PROPN/2/nsubj said|say/VERB/0/root Lima/PROPN/5/nsubj was|be/AUX/5/cop critical/ADJ/2/ccomp of/ADP/7/case Bogota/PROPN/5/obl ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'ECU' },
      { from: 3, to: 3, country: 'PER' },
      { from: 7, to: 7, country: 'COL' },
    ],
    'critical',
  );
  assert.deepEqual(argCountries(x, 'actor'), ['PER']);
  blamedSubject(x);
  assert.deepEqual(argCountries(x, 'actor'), ['PER'], 'with its object the subject stays the critic');
  x.e = { ...x.e, prep: undefined };
  blamedSubject(x);
  assert.deepEqual(argCountries(x, 'actor'), ['ECU']);
  assert.deepEqual(argCountries(x, 'recipient'), ['PER']);
});

test('moved-forces: "troops were mobilized" — the forces moved act', () => {
  const x = slots(
    'Ecuadorian/ADJ/2/amod troops|troop/NOUN/4/nsubj:pass were|be/AUX/4/aux:pass mobilized|mobilize/VERB/0/root ./PUNCT/4/punct',
    [{ from: 1, to: 2, country: 'ECU', sector: 'MIL' }],
    'mobilized',
  );
  assert.equal(x.recipient.pick.rule, 'nsubj:pass');
  movedForces(x);
  assert.deepEqual(argCountries(x, 'actor'), ['ECU']);
  assert.deepEqual(argText(x, 'recipient'), []);
});

test('party-in-clause: "attacked villages near towns of Lima" — a party named lower in the clause joins the recipient', () => {
  const x = slots(
    'Rebels|rebel/NOUN/2/nsubj attacked|attack/VERB/0/root villages|village/NOUN/2/obj near/ADP/5/case towns|town/NOUN/3/nmod of/ADP/7/case Lima/PROPN/5/nmod ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'PER', sector: 'REB' },
      { from: 7, to: 7, country: 'PER' },
    ],
    'attacked',
  );
  assert.deepEqual(argCountries(x, 'recipient'), [], 'the object names no party');
  partyInClause(x);
  assert.deepEqual(argText(x, 'recipient'), ['villages', 'Lima']);
  assert.equal(x.recipient.pick.rule, 'obj+subtree-party');
  assert.deepEqual(argCountries(x, 'recipient'), ['PER']);
});

test('place-as-party: "X was arrested in Quito" — with no agent, the state where it happened acts', () => {
  const x = slots(
    'Mendez/PROPN/3/nsubj:pass was|be/AUX/3/aux:pass arrested|arrest/VERB/0/root in/ADP/5/case Quito/PROPN/3/obl ./PUNCT/3/punct',
    [
      { from: 1, to: 1, country: null, sector: 'UNK', kind: 'name' },
      { from: 5, to: 5, country: 'ECU', sector: 'UNK' },
    ],
    'arrested',
  );
  placeAsParty(x);
  assert.deepEqual(argCountries(x, 'actor'), ['ECU']);
  assert.equal(x.actor.pick.rule, 'place');
});

test('place-phrase: a named place with no country mention ("attacked a base at Digha") joins the recipient', () => {
  const doc = buildDoc(
    'Rebels|rebel/NOUN/2/nsubj attacked|attack/VERB/0/root a/DET/4/det base/NOUN/2/obj at/ADP/6/case Digha/PROPN/4/nmod ./PUNCT/2/punct',
    [{ from: 1, to: 1, country: 'IND', sector: 'REB' }],
  );
  doc.layers.entities = [
    { start: doc.text.indexOf('Digha'), end: doc.text.indexOf('Digha') + 5, label: 'GPE' },
  ] as never;
  const x = triggerAt(doc, 'attacked');
  verbArguments(x);
  assert.deepEqual(argText(x, 'recipient'), ['base']);
  placePhraseTarget(x);
  assert.deepEqual(argText(x, 'recipient'), ['base', 'Digha']);
  assert.match(x.recipient.pick.rule, /place-phrase$/);
});

test('party-in-clause: "agreed to share intelligence and to fight X" — a coordinated predicate keeps its own party', () => {
  const x = slots(
    'Kenya/PROPN/2/nsubj agreed|agree/VERB/0/root to/PART/4/mark share|share/VERB/2/xcomp intelligence/NOUN/4/obj ' +
      'and/CCONJ/8/cc to/PART/8/mark fight|fight/VERB/4/conj rebels|rebel/NOUN/8/obj ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'KEN' },
      { from: 9, to: 9, country: 'SOM', sector: 'REB' },
    ],
    'share',
  );
  partyInClause(x);
  assert.deepEqual(argCountries(x, 'recipient'), [], 'the rebels are what the fighting is against, not the sharing');
});
