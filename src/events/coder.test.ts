/** Stage tests on hand-built parsed Docs: arguments, control, reported speech, negation, passives, dates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from './index.js';
import { buildDoc } from './testdoc.js';
import type { Doc, EventRecord } from '../doc/index.js';

function countries(doc: Doc, ids: string[]): string[] {
  return ids.map((id) => doc.layers.mentions!.find((m) => m.id === id)!.country ?? '?');
}
function find(evs: EventRecord[], type: string): EventRecord {
  const e = evs.find((x) => x.type === type);
  assert.ok(e, `no ${type} event in ${JSON.stringify(evs.map((x) => x.type))}`);
  return e;
}

test('CONSULT with a visit: "Hollande visited Moscow and met Putin on Thursday"', () => {
  const doc = buildDoc(
    'Hollande/PROPN/2/nsubj visited|visit/VERB/0/root Moscow/PROPN/2/obj and/CCONJ/5/cc met|meet/VERB/2/conj Putin/PROPN/5/obj on/ADP/8/case Thursday/PROPN/5/obl:tmod ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'FRA' },
      { from: 3, to: 3, country: 'RUS', sector: 'UNK' },
      { from: 6, to: 6, country: 'RUS' },
    ],
  );
  const evs = codeEvents(doc, { model: false });
  const visit = evs.find((e) => e.mode === 'visit')!;
  assert.equal(visit.type, 'CONSULT');
  assert.equal(visit.cameo, '042');
  assert.deepEqual(countries(doc, visit.actor), ['FRA']);
  assert.deepEqual(countries(doc, visit.recipient), ['RUS']);
  const meet = evs.find((e) => e.cameo === '040')!;
  assert.deepEqual(countries(doc, meet.actor), ['FRA'], 'conjoined verb shares the subject');
  assert.deepEqual(countries(doc, meet.recipient), ['RUS']);
  assert.equal(meet.date, '2015-11-26');
  assert.deepEqual(meet.dateSpan && doc.text.slice(meet.dateSpan.start, meet.dateSpan.end), 'Thursday');
});

test('AGREE with control: "Russia and France agreed to coordinate strikes against IS"', () => {
  const doc = buildDoc(
    'Russia/PROPN/4/nsubj and/CCONJ/3/cc France/PROPN/1/conj agreed|agree/VERB/0/root to/PART/6/mark coordinate/VERB/4/xcomp strikes|strike/NOUN/6/obj against/ADP/9/case IS/PROPN/7/nmod ./PUNCT/4/punct',
    [
      { from: 1, to: 1, country: 'RUS' },
      { from: 3, to: 3, country: 'FRA' },
      { from: 9, to: 9, country: 'IMG', sector: 'REB' },
    ],
  );
  const evs = codeEvents(doc, { model: false });
  const agree = find(evs, 'AGREE');
  assert.deepEqual(countries(doc, agree.actor).sort(), ['FRA', 'RUS']);
  assert.equal(agree.modality, 'happened');
  const strike = find(evs, 'ASSAULT');
  assert.equal(strike.modality, 'intended', 'the controlled action is intended, not done');
  assert.deepEqual(countries(doc, strike.actor).sort(), ['FRA', 'RUS']);
  assert.deepEqual(countries(doc, strike.recipient), ['IMG']);
});

test('reported speech: "Putin said Moscow would cooperate with Paris"', () => {
  const doc = buildDoc(
    'Putin/PROPN/2/nsubj said|say/VERB/0/root Moscow/PROPN/5/nsubj would/AUX/5/aux cooperate/VERB/2/ccomp with/ADP/7/case Paris/PROPN/5/obl ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'RUS' },
      { from: 3, to: 3, country: 'RUS' },
      { from: 7, to: 7, country: 'FRA' },
    ],
  );
  const evs = codeEvents(doc, { model: false });
  assert.equal(evs.length, 1, 'saying is not an event');
  const e = evs[0];
  assert.equal(e.type, 'AGREE', 'a promised cooperation is coded as the promise');
  assert.ok(e.decidedBy.some((d) => d.includes('was COOPERATE')));
  assert.equal(e.actor[0], 'm1', 'who acts is the reported subject');
  assert.equal(e.reportedBy, 'm0');
  assert.equal(e.modality, 'future');
  assert.deepEqual(countries(doc, e.recipient), ['FRA']);
});

test('quotes layer: an event inside a quote is reportedIn that quote', () => {
  const doc = buildDoc('Turkey/PROPN/2/nsubj attacked|attack/VERB/0/root Syria/PROPN/2/obj ./PUNCT/2/punct', [
    { from: 1, to: 1, country: 'TUR' },
    { from: 3, to: 3, country: 'SYR' },
  ]);
  doc.layers.quotes = [
    { id: 'q0', content: { start: 0, end: doc.text.length }, cue: null, source: null, speaker: 'm9', direct: true },
  ];
  const [e] = codeEvents(doc, { model: false });
  assert.equal(e.reportedIn, 'q0');
  assert.equal(e.reportedBy, 'm9');
});

test('negation: "Iran did not reject the proposal"', () => {
  const doc = buildDoc(
    'Iran/PROPN/4/nsubj did|do/AUX/4/aux not/PART/4/advmod reject/VERB/0/root the/DET/6/det proposal/NOUN/4/obj ./PUNCT/4/punct',
    [{ from: 1, to: 1, country: 'IRN' }],
  );
  const e = find(codeEvents(doc, { model: false }), 'REJECT');
  assert.equal(e.negated, true);
  const pos = buildDoc(
    'Iran/PROPN/2/nsubj rejected|reject/VERB/0/root the/DET/4/det proposal/NOUN/2/obj ./PUNCT/2/punct',
    [{ from: 1, to: 1, country: 'IRN' }],
  );
  assert.equal(find(codeEvents(pos, { model: false }), 'REJECT').negated, false);
});

test('passive: "The convoy was attacked by rebels in Aleppo"', () => {
  const doc = buildDoc(
    'The/DET/2/det convoy/NOUN/4/nsubj:pass was|be/AUX/4/aux:pass attacked|attack/VERB/0/root by/ADP/6/case rebels|rebel/NOUN/4/obl:agent in/ADP/8/case Aleppo/PROPN/4/obl ./PUNCT/4/punct',
    [
      { from: 1, to: 2, country: 'UNO', sector: 'IGO' },
      { from: 6, to: 6, country: 'SYR', sector: 'REB' },
      { from: 8, to: 8, country: 'SYR', sector: 'UNK' },
    ],
  );
  const e = find(codeEvents(doc, { model: false }), 'ASSAULT');
  assert.deepEqual(countries(doc, e.actor), ['SYR']);
  assert.equal(e.actor[0], 'm1', 'the agent acts');
  assert.equal(e.recipient[0], 'm0', 'the passive subject is acted on');
  assert.equal(e.place?.text, 'Aleppo');
});

test('conjoined actors and a host: "Israel and Lebanon held talks with the UN"', () => {
  const doc = buildDoc(
    'Israel/PROPN/4/nsubj and/CCONJ/3/cc Lebanon/PROPN/1/conj held|hold/VERB/0/root talks|talk/NOUN/4/obj with/ADP/8/case the/DET/8/det UN/PROPN/4/obl ./PUNCT/4/punct',
    [
      { from: 1, to: 1, country: 'ISR' },
      { from: 3, to: 3, country: 'LBN' },
      { from: 8, to: 8, country: 'UNO', sector: 'IGO' },
    ],
  );
  const evs = codeEvents(doc, { model: false });
  assert.equal(evs.length, 1, 'light verb + noun is one event');
  assert.equal(evs[0].type, 'CONSULT');
  assert.deepEqual(countries(doc, evs[0].actor), ['ISR', 'LBN']);
  assert.deepEqual(countries(doc, evs[0].recipient), ['UNO']);
});

test('historical mention with a date: "in the wake of the November 13 attacks in Paris"', () => {
  const doc = buildDoc(
    'France/PROPN/2/nsubj mourned|mourn/VERB/0/root in/ADP/5/case the/DET/5/det wake/NOUN/2/obl of/ADP/10/case the/DET/10/det November/PROPN/10/compound 13/NUM/9/nummod attacks|attack/NOUN/5/nmod in/ADP/12/case Paris/PROPN/10/nmod ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'FRA' },
      { from: 12, to: 12, country: 'FRA', sector: 'UNK' },
    ],
  );
  const e = find(codeEvents(doc, { model: false }), 'ASSAULT');
  assert.equal(e.historical, true);
  assert.equal(e.date, '2015-11-13');
  assert.equal(e.place?.text, 'Paris');
});

test('a definite event noun as the object of a verb is news, not history: "Putin repeated his support for Assad"', () => {
  const doc = buildDoc(
    'Putin/PROPN/2/nsubj repeated|repeat/VERB/0/root his/PRON/4/nmod:poss support/NOUN/2/obj for/ADP/6/case Assad/PROPN/4/nmod ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'RUS' },
      { from: 3, to: 3, country: 'RUS' },
      { from: 6, to: 6, country: 'SYR' },
    ],
  );
  const sup = find(codeEvents(doc, { model: false }), 'SUPPORT');
  assert.equal(sup.historical, false);
  assert.equal(sup.date, '2015-11-26');
});

test('historical mention without a date: "lashed out at the US over the downing of a jet by Turkey"', () => {
  const doc = buildDoc(
    'Putin/PROPN/2/nsubj lashed|lash/VERB/0/root out/ADP/2/compound:prt at/ADP/6/case the/DET/6/det US/PROPN/2/obl over/ADP/9/case the/DET/9/det downing/NOUN/2/obl of/ADP/13/case a/DET/13/det Russian/ADJ/13/amod jet/NOUN/9/nmod by/ADP/15/case Turkey/PROPN/9/nmod ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'RUS' },
      { from: 6, to: 6, country: 'USA' },
      { from: 12, to: 12, country: 'RUS', sector: 'UNK' },
      { from: 15, to: 15, country: 'TUR' },
    ],
  );
  const evs = codeEvents(doc, { model: false });
  const acc = find(evs, 'ACCUSE');
  assert.deepEqual(countries(doc, acc.actor), ['RUS']);
  assert.deepEqual(countries(doc, acc.recipient), ['USA']);
  assert.equal(acc.date, '2015-11-26');
  const down = find(evs, 'ASSAULT');
  assert.equal(down.historical, true);
  assert.equal(down.date, null);
  assert.deepEqual(countries(doc, down.actor), ['TUR']);
  assert.deepEqual(countries(doc, down.recipient), ['RUS']);
});

test('relative date: "Obama met Hollande in Washington on Tuesday" is the Tuesday before publication', () => {
  const doc = buildDoc(
    'Obama/PROPN/2/nsubj met|meet/VERB/0/root Hollande/PROPN/2/obj in/ADP/5/case Washington/PROPN/2/obl on/ADP/7/case Tuesday/PROPN/2/obl ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'USA' },
      { from: 3, to: 3, country: 'FRA' },
      { from: 5, to: 5, country: 'USA', sector: 'UNK' },
    ],
  );
  const e = find(codeEvents(doc, { model: false }), 'CONSULT');
  assert.equal(e.date, '2015-11-24');
  assert.equal(e.place?.text, 'Washington');
  assert.ok(e.decidedBy.some((d) => d.startsWith('lex:')));
  assert.ok(e.decidedBy.includes('rule:date:relative'));
});

test('must-not-fire patterns: "The party launched a campaign" and "the requested content"', () => {
  const doc = buildDoc(
    'The/DET/2/det party/NOUN/3/nsubj launched|launch/VERB/0/root a/DET/5/det campaign/NOUN/3/obj ./PUNCT/3/punct || Check/VERB/0/root the/DET/4/det requested|request/VERB/4/amod content/NOUN/1/obj ./PUNCT/1/punct',
    [{ from: 2, to: 2, country: null, sector: 'PTY' }],
  );
  assert.deepEqual(codeEvents(doc, { model: false }), []);
});
