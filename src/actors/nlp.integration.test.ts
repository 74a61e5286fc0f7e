/** Runs the actors stage after the real NLP stage (imported here only, never by src/actors code). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../doc/index.js';
import { nlpStage } from '../nlp/index.js';
import { actorsStage } from './stage.js';

function nlpDoc(text: string, date: string) {
  const doc = createDoc(text, { meta: { published: { value: date, from: 'test' } } });
  doc.layers.blocks = [{ start: 0, end: text.length, kind: 'paragraph' }];
  try {
    nlpStage().run(doc);
  } catch {
    return null; // the NLP stage or its models are not usable in this checkout
  }
  return doc;
}

test('actors after the NLP stage', () => {
  const text =
    'German Chancellor Angela Merkel met Turkish President Recep Tayyip Erdogan in Ankara on Monday. ' +
    'Merkel said Berlin would give more aid to Syrian refugees. She also criticised Islamic State.';
  const doc = nlpDoc(text, '2016-02-08');
  if (!doc) return;
  actorsStage().run(doc);
  const ms = doc.layers.mentions!;
  const code = (s: string) => ms.find((m) => m.start <= text.indexOf(s) && text.indexOf(s) < m.end)?.code;
  assert.equal(code('Angela Merkel'), 'DEUGOV');
  assert.equal(code('Recep Tayyip Erdogan'), 'TURGOV');
  assert.equal(code('Ankara'), undefined);
  assert.equal(code('Berlin'), 'DEUGOV');
  assert.equal(code('Syrian refugees'), 'SYRREF');
  assert.equal(code('She'), 'DEUGOV');
  assert.equal(code('Islamic State'), 'IMGMOSISI');
});
