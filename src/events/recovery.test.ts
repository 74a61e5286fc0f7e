/** Tests of argument recovery and the readings added for PLV/GSR conventions, on hand-built parsed Docs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from './index.js';
import { buildDoc } from './testdoc.js';
import type { Doc, EventRecord } from '../doc/index.js';

const texts = (doc: Doc, spans: { start: number; end: number }[] | undefined): string[] =>
  (spans ?? []).map((s) => doc.text.slice(s.start, s.end));

function only(evs: EventRecord[], type: string): EventRecord {
  const e = evs.filter((x) => x.type === type);
  assert.equal(e.length, 1, `expected one ${type} in ${JSON.stringify(evs.map((x) => x.type))}`);
  return e[0];
}

test('a thing as object: the party it went to joins the recipient ("returned a painting to its owner")', () => {
  const doc = buildDoc(
    'Italy/PROPN/2/nsubj returned|return/VERB/0/root a/DET/4/det painting/NOUN/2/obj to/ADP/7/case its/PRON/7/nmod:poss owner/NOUN/2/obl ./PUNCT/2/punct',
    [{ from: 1, to: 1, country: 'ITA', sector: 'GOV' }],
  );
  const e = only(codeEvents(doc, { model: false }), 'RETREAT');
  assert.ok(
    texts(doc, e.recipientSpans).some((t) => t.endsWith('owner')),
    JSON.stringify(texts(doc, e.recipientSpans)),
  );
  assert.ok(e.decidedBy.some((d) => d.includes('marked-party:to')));
});

test('a named place the actors stage did not tag becomes the recipient phrase ("set up a station at Digha")', () => {
  const doc = buildDoc(
    'Jio/PROPN/2/nsubj agreed|agree/VERB/0/root to/PART/4/mark build/VERB/2/xcomp a/DET/6/det station/NOUN/4/obj at/ADP/8/case Digha/PROPN/4/obl ./PUNCT/2/punct',
    [{ from: 1, to: 1, country: null, sector: 'BUS' }],
  );
  const at = doc.text.indexOf('Digha');
  doc.layers.entities = [{ id: 'e0', start: at, end: at + 5, label: 'GPE', tokenStart: 7, tokenEnd: 8 }];
  const e = only(codeEvents(doc, { model: false }), 'AGREE');
  assert.ok(texts(doc, e.recipientSpans).includes('Digha'), JSON.stringify(texts(doc, e.recipientSpans)));
});

test('a reported "Y must do X" outside the lexicon is a REQUEST from the sayer to Y', () => {
  const doc = buildDoc(
    'Oxfam/PROPN/2/nsubj said|say/VERB/0/root Egypt/PROPN/5/nsubj must/AUX/5/aux ensure/VERB/2/ccomp safety/NOUN/5/obj ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: null, sector: 'NGO' },
      { from: 3, to: 3, country: 'EGY', sector: 'GOV' },
    ],
  );
  const e = only(codeEvents(doc, { model: false }), 'REQUEST');
  assert.deepEqual(texts(doc, e.actorSpans), ['Oxfam']);
  assert.deepEqual(texts(doc, e.recipientSpans), ['Egypt']);
  assert.ok(e.decidedBy[0].startsWith('lex:MUST'));
});

test('the same clause without a sayer or a modal codes nothing', () => {
  const doc = buildDoc('Egypt/PROPN/2/nsubj ensured|ensure/VERB/0/root safety/NOUN/2/obj ./PUNCT/2/punct', [
    { from: 1, to: 1, country: 'EGY', sector: 'GOV' },
  ]);
  assert.equal(codeEvents(doc, { model: false }).length, 0);
});

test('signing an agreement is SUPPORT (CAMEO 057), promising support is AGREE', () => {
  const signed = buildDoc(
    'Japan/PROPN/2/nsubj signed|sign/VERB/0/root an/DET/4/det agreement/NOUN/2/obj with/ADP/6/case India/PROPN/2/obl ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'JPN', sector: 'GOV' },
      { from: 6, to: 6, country: 'IND', sector: 'GOV' },
    ],
  );
  assert.equal(only(codeEvents(signed, { model: false }), 'SUPPORT').cameo, '057');
  const promised = buildDoc(
    'Portugal/PROPN/3/nsubj will/AUX/3/aux support|support/VERB/0/root Turkey/PROPN/3/obj ./PUNCT/3/punct',
    [
      { from: 1, to: 1, country: 'PRT', sector: 'GOV' },
      { from: 4, to: 4, country: 'TUR', sector: 'GOV' },
    ],
  );
  const evs = codeEvents(promised, { model: false });
  assert.equal(evs.length, 1);
  assert.equal(evs[0].type, 'AGREE');
});

test('"X called Y on Saturday" is a phone call (CONSULT 041), not a "call on" request', () => {
  const doc = buildDoc(
    'Trump/PROPN/2/nsubj called|call/VERB/0/root Salman/PROPN/2/obj on/ADP/5/case Saturday/PROPN/2/obl ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'USA', sector: 'GOV' },
      { from: 3, to: 3, country: 'SAU', sector: 'GOV' },
    ],
  );
  const e = only(codeEvents(doc, { model: false }), 'CONSULT');
  assert.equal(e.cameo, '041');
  assert.deepEqual(texts(doc, e.recipientSpans), ['Salman']);
});

test('"X called Y a liar" is no phone call', () => {
  const doc = buildDoc(
    'Trump/PROPN/2/nsubj called|call/VERB/0/root Salman/PROPN/2/obj a/DET/5/det liar/NOUN/2/xcomp ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'USA', sector: 'GOV' },
      { from: 3, to: 3, country: 'SAU', sector: 'GOV' },
    ],
  );
  assert.equal(codeEvents(doc, { model: false }).filter((e) => e.type === 'CONSULT').length, 0);
});

test('an announced boycott is THREATEN; imposed sanctions are COERCE/restrict', () => {
  const boycott = buildDoc(
    'Parties/NOUN/2/nsubj said|say/VERB/0/root they/PRON/5/nsubj would/AUX/5/aux boycott/VERB/2/ccomp the/DET/7/det vote/NOUN/5/obj ./PUNCT/2/punct',
    [{ from: 1, to: 1, country: 'VEN', sector: 'PTY' }],
  );
  assert.equal(only(codeEvents(boycott, { model: false }), 'THREATEN').mode, 'relations');
  const sanctions = buildDoc(
    'China/PROPN/2/nsubj imposed|impose/VERB/0/root sanctions|sanction/NOUN/2/obj on/ADP/5/case Pompeo/PROPN/2/obl ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'CHN', sector: 'GOV' },
      { from: 5, to: 5, country: 'USA', sector: 'GOV' },
    ],
  );
  const e = only(codeEvents(sanctions, { model: false }), 'COERCE');
  assert.equal(e.mode, 'restrict');
  assert.deepEqual(texts(sanctions, e.recipientSpans), ['Pompeo']);
});
