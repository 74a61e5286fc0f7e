/** The places stage on hand-written texts: datelines, abbreviations, demonyms, homonyms and event placement. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type Doc } from '../doc/index.js';
import { nlpStage } from '../nlp/index.js';
import { actorsStage } from '../actors/index.js';
import { placesStage } from './index.js';

const stages = [nlpStage(), actorsStage(), placesStage()];

function run(text: string): Doc {
  const doc = createDoc(text);
  doc.layers.blocks = [];
  for (const m of text.matchAll(/[^\n]+/g))
    doc.layers.blocks.push({ start: m.index!, end: m.index! + m[0].length, kind: 'paragraph' });
  for (const s of stages) s.run(doc);
  return doc;
}
const at = (doc: Doc, text: string) => doc.layers.places!.find((p) => p.text === text);

test('an all-caps dateline is a place and is marked as the dateline', () => {
  const doc = run(
    'MOSCOW, Nov 3 (Reuters) - Officials from the two countries met on Tuesday to discuss grain exports.',
  );
  const p = at(doc, 'MOSCOW');
  assert.ok(p, JSON.stringify(doc.layers.places));
  assert.equal(p.country, 'RUS');
  assert.equal(p.feature, 'city');
  assert.equal(p.dateline, true);
  assert.ok(Math.abs(p.lat - 55.75) < 0.1 && Math.abs(p.lon - 37.62) < 0.1);
});

test('a US state abbreviation resolves to the state and places its city there', () => {
  const doc = run('LEXINGTON, Ky. (AP) — The county board voted on Monday to close two schools.');
  const ky = at(doc, 'Ky.');
  assert.ok(ky, JSON.stringify(doc.layers.places));
  assert.equal(ky.feature, 'admin1');
  assert.equal(ky.name, 'Kentucky');
  const city = at(doc, 'LEXINGTON');
  assert.ok(city);
  assert.equal(city.country, 'USA');
  assert.equal(city.admin1, 'Kentucky', 'the Lexington in Kentucky, not the one in another state');
});

test('demonyms and country abbreviations name countries at their GeoNames points', () => {
  const doc = run('The U.S. envoy said Syrian troops had crossed the border overnight.');
  const us = at(doc, 'U.S.');
  assert.ok(us);
  assert.equal(us.country, 'USA');
  assert.equal(us.feature, 'country');
  assert.deepEqual([us.lat, us.lon], [39.76, -98.5]);
  const sy = at(doc, 'Syrian');
  assert.ok(sy);
  assert.equal(sy.country, 'SYR');
  assert.equal(sy.kind, 'demonym');
});

test('context picks the homonym: Paris in Texas when the text is about Texas', () => {
  const doc = run(
    'Storms flooded roads across northeast Texas on Sunday. In Paris, Texas, the fire department rescued two drivers.',
  );
  const paris = at(doc, 'Paris');
  assert.ok(paris, JSON.stringify(doc.layers.places));
  assert.equal(paris.country, 'USA');
  assert.equal(paris.admin1, 'Texas');
});

test('a word that is also a town is not a place when written in lower case, and common capitalised words need evidence', () => {
  const doc = run('She said the talks would go on. Police arrested three men in Lyon on Friday.');
  assert.ok(at(doc, 'Lyon'));
  assert.equal(at(doc, 'Police'), undefined);
  assert.equal(at(doc, 'She'), undefined);
});
