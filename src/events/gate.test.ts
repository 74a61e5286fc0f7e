/** The event gate on hand-built parsed Docs: hard gates, confidence thresholds, the learned features. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeAndGate, eventCandidates } from './index.js';
import { capPerSentence, gateContext, gateFeatures, loadGate } from './gate.js';
import type { Candidate } from './coder.js';
import { buildDoc } from './testdoc.js';

const ATTACK =
  'Rebels/PROPN/2/nsubj attacked|attack/VERB/0/root the/DET/4/det army/NOUN/2/obj in/ADP/6/case Aleppo/PROPN/2/obl ./PUNCT/2/punct';

test('an event needs a party resolved to a code on one side: uncoded parties are rejected with the reason', () => {
  const doc = buildDoc(ATTACK, [
    { from: 1, to: 1, country: null, sector: 'UNK' },
    { from: 4, to: 4, country: null, sector: 'UNK' },
  ]);
  const { events, rejected } = codeAndGate(doc, { model: false });
  assert.equal(events.length, 0);
  assert.ok(rejected.some((r) => r.reason === 'no-coded-party' && r.candidate.record.type === 'ASSAULT'));
});

test('the same sentence with coded parties passes the hard gates', () => {
  const doc = buildDoc(ATTACK, [
    { from: 1, to: 1, country: 'SYR', sector: 'REB' },
    { from: 4, to: 4, country: 'SYR', sector: 'MIL' },
  ]);
  const { events } = codeAndGate(doc, { model: false });
  assert.ok(events.some((e) => e.type === 'ASSAULT'));
});

test('events in a caption block are page furniture', () => {
  const doc = buildDoc(ATTACK, [
    { from: 1, to: 1, country: 'SYR', sector: 'REB' },
    { from: 4, to: 4, country: 'SYR', sector: 'MIL' },
  ]);
  doc.layers.blocks = [{ start: 0, end: doc.text.length, kind: 'caption' }];
  const { events, rejected } = codeAndGate(doc, { model: false });
  assert.equal(events.length, 0);
  assert.ok(rejected.some((r) => r.reason === 'caption'));
});

test('with the learned gate, confidence is a probability and --min-confidence bounds what is kept', (t) => {
  if (!loadGate()) return t.skip('no gate weights committed');
  const mk = () =>
    buildDoc(ATTACK, [
      { from: 1, to: 1, country: 'SYR', sector: 'REB' },
      { from: 4, to: 4, country: 'SYR', sector: 'MIL' },
    ]);
  const all = codeAndGate(mk(), { minConfidence: 0 });
  assert.ok(all.events.length > 0);
  for (const e of all.events) {
    assert.ok(e.confidence >= 0 && e.confidence <= 1);
    assert.ok(e.decidedBy.some((d) => d.startsWith('model:events.gate.v1')));
  }
  const none = codeAndGate(mk(), { minConfidence: 1.01 });
  assert.equal(none.events.length, 0);
  assert.ok(none.rejected.every((r) => r.reason === 'below-threshold'));
});

test('gate features name the parties, the governing event and the block', () => {
  const doc = buildDoc(
    'Paris/PROPN/2/nsubj urged|urge/VERB/0/root Moscow/PROPN/2/obj to/PART/5/mark withdraw/VERB/2/xcomp troops|troop/NOUN/5/obj ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'FRA', sector: 'GOV' },
      { from: 3, to: 3, country: 'RUS', sector: 'GOV' },
    ],
  );
  const cands = eventCandidates(doc, { model: false });
  const ctx = gateContext(doc, cands);
  const retreat = cands.find((c) => c.record.type === 'RETREAT');
  assert.ok(retreat, JSON.stringify(cands.map((c) => c.record.type)));
  const f = gateFeatures(retreat!, ctx);
  assert.ok(f.includes('gov=REQUEST'), 'the withdrawal is the content of the demand');
  assert.ok(f.includes('a=coded'));
  assert.ok(f.includes('block=none') || f.some((x) => x.startsWith('block=')));
});

test('the per-sentence cap keeps the most confident events of each sentence, in their original order', () => {
  const cand = (sentence: number, confidence: number, type: string) =>
    ({ record: { sentence, confidence, type } }) as unknown as Candidate;
  const list = [cand(0, 0.4, 'A'), cand(0, 0.9, 'B'), cand(0, 0.6, 'C'), cand(1, 0.3, 'D')];
  const { kept, dropped } = capPerSentence(list, 2);
  assert.deepEqual(
    kept.map((c) => c.record.type),
    ['B', 'C', 'D'],
  );
  assert.deepEqual(
    dropped.map((c) => c.record.type),
    ['A'],
  );
});

test('a trigger word inside an organisation name ("reports reached Amnesty") is part of the name, not an act', () => {
  const spec =
    'Reports/NOUN/2/nsubj reached|reach/VERB/0/root Amnesty|amnesty/NOUN/2/obj in/ADP/5/case Tehran/PROPN/2/obl ./PUNCT/2/punct';
  const mentions = [
    { from: 3, to: 3, country: 'NGO', sector: 'NGO', kind: 'org' },
    { from: 5, to: 5, country: 'IRN', sector: 'GOV', kind: 'capital' },
  ];
  const doc = buildDoc(spec, mentions);
  const proposed = eventCandidates(doc, { model: false }).map((c) => c.record.type);
  assert.deepEqual(proposed, ['RETREAT'], 'the coder reads "Amnesty" as an amnesty');
  const { events, rejected } = codeAndGate(doc, { model: false });
  assert.equal(events.length, 0);
  assert.equal(rejected[0]?.reason, 'trigger-in-name');
  // The same word as a common noun, no name around it, is left to the learned gate.
  const plain = buildDoc(spec, [mentions[1]]);
  assert.ok(!codeAndGate(plain, { model: false }).rejected.some((r) => r.reason === 'trigger-in-name'));
});
