import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc } from '../doc/index.js';
import { openSqliteStore, migrate } from './sqlite.js';

/** A hand-built analysed document: two mentions and one CONSULT event between them. */
function sampleDoc(text = 'Hollande met Putin in Moscow on Thursday.'): Doc {
  const doc = createDoc(text, {
    source: { source: 'sample.txt' },
    meta: { published: { value: '2015-11-26', from: 'test' } },
  });
  doc.layers.blocks = [{ start: 0, end: text.length, kind: 'paragraph' }];
  doc.layers.sentences = [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 }];
  const m = (id: string, word: string, name: string, country: string) => {
    const start = text.indexOf(word);
    return {
      id,
      start,
      end: start + word.length,
      name,
      country,
      sector: 'GOV',
      code: country + 'GOV',
      kind: 'name',
      confidence: 0.9,
      evidence: ['test'],
    };
  };
  doc.layers.mentions = [m('m0', 'Hollande', 'François Hollande', 'FRA'), m('m1', 'Putin', 'Vladimir Putin', 'RUS')];
  doc.layers.events = [
    {
      id: 'v0',
      sentence: 0,
      trigger: { start: 9, end: 12 },
      type: 'CONSULT',
      mode: 'visit',
      contexts: ['diplomatic'],
      cameo: '042',
      quad: 1,
      goldstein: 1.9,
      actor: ['m0'],
      recipient: ['m1'],
      date: '2015-11-26',
      negated: false,
      modality: 'happened',
      historical: false,
      decidedBy: ['test'],
      confidence: 0.9,
      reportedBy: 'm0',
    },
  ];
  return doc;
}

test('a document is stored once, with its events joined to their actors', () => {
  const store = openSqliteStore(':memory:');
  assert.equal(store.saveDocument(sampleDoc(), ['test']), true);
  assert.equal(store.saveDocument(sampleDoc(), ['test']), false, 'same text again is a duplicate');
  const events = store.queryEvents({ actor: 'FRA' });
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'CONSULT');
  assert.deepEqual(
    events[0].actor.map((a) => a.code),
    ['FRAGOV'],
  );
  assert.deepEqual(
    events[0].recipient.map((a) => a.code),
    ['RUSGOV'],
  );
  assert.equal(events[0].trigger, 'met');
  assert.equal(events[0].reported_by?.code, 'FRAGOV');
  assert.equal(store.queryEvents({ actor: 'USA' }).length, 0);
  assert.equal(store.queryEvents({ type: 'consult', since: '2015-11-26', until: '2015-11-26' }).length, 1);
  assert.equal(store.queryEvents({ since: '2015-11-27' }).length, 0);
  const s = store.stats();
  assert.equal(s.documents, 1);
  assert.equal(s.events, 1);
  assert.equal(s.mentions, 2);
  store.close();
});

test('a document that fails half-way leaves nothing behind', () => {
  const store = openSqliteStore(':memory:');
  const doc = sampleDoc('A different text so the id differs.');
  doc.layers.events!.push({ ...doc.layers.events![0] }); // same event id twice: the second insert fails
  assert.throws(() => store.saveDocument(doc, ['test']));
  assert.equal(store.stats().documents, 0);
  assert.equal(store.stats().mentions, 0);
  assert.equal(store.hasDocument(doc.id), false);
  store.close();
});

test('layers round-trip, typed arrays included', () => {
  const store = openSqliteStore(':memory:');
  const doc = sampleDoc();
  doc.layers.sentenceTone = Float32Array.from([0.5]);
  store.saveDocument(doc, ['test']);
  assert.deepEqual(store.loadLayer(doc.id, 'blocks'), doc.layers.blocks);
  assert.ok(store.loadLayer(doc.id, 'sentenceTone') instanceof Float32Array);
  store.close();
});

test('migrations run once', () => {
  const store = openSqliteStore(':memory:');
  assert.equal(migrate(store.db), 0);
  store.close();
});
