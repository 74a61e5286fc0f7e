/** Event placement order on a hand-built Doc: the event's own phrase, else the most specific place, else the dateline. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type EventRecord, type Place } from '../doc/index.js';
import { placeOfEvent } from './attach.js';

const text = 'KYIV, May 2 - Ministers met in Lviv. Ukraine and Poland signed a deal. Talks went on.';
const doc = createDoc(text);
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
doc.layers.sentences = [
  { ...span('KYIV, May 2 - Ministers met in Lviv.'), tokenStart: 0, tokenEnd: 0 },
  { ...span('Ukraine and Poland signed a deal.'), tokenStart: 0, tokenEnd: 0 },
  { ...span('Talks went on.'), tokenStart: 0, tokenEnd: 0 },
];
doc.layers.mentions = [];
const place = (s: string, name: string, feature: Place['feature'], extra: Partial<Place> = {}): Place => ({
  id: s,
  ...span(s),
  text: s,
  kind: 'name',
  name,
  country: 'UKR',
  admin1: null,
  lat: 50,
  lon: 30,
  feature,
  score: 1,
  recognition: 1,
  ...extra,
});
const places = [
  place('KYIV', 'Kyiv', 'city', { dateline: true }),
  place('Lviv', 'Lviv', 'city'),
  place('Ukraine', 'Ukraine', 'country'),
  place('Poland', 'Poland', 'country', { country: 'POL' }),
];
const event = (sentence: number, trigger: string, extra: Partial<EventRecord> = {}): EventRecord => ({
  id: trigger,
  sentence,
  trigger: span(trigger),
  type: 'CONSULT',
  mode: '',
  contexts: [],
  cameo: '040',
  quad: 1,
  goldstein: 1,
  actor: [],
  recipient: [],
  date: null,
  negated: false,
  modality: 'happened',
  historical: false,
  decidedBy: [],
  confidence: 1,
  ...extra,
});

test("the event's own place phrase wins", () => {
  const p = placeOfEvent(doc, event(0, 'met', { place: { text: 'Lviv', ...span('Lviv') } }), places);
  assert.equal(p?.name, 'Lviv');
  assert.equal(p?.lat, 50);
});

test('else the most specific place of the sentence, with no city the nearest country', () => {
  assert.equal(placeOfEvent(doc, event(0, 'met'), places)?.name, 'Lviv', 'a city before the dateline');
  assert.equal(placeOfEvent(doc, event(1, 'signed'), places)?.name, 'Poland', 'the nearer of two countries');
});

test('else the dateline; with no dateline and no place, none', () => {
  assert.equal(placeOfEvent(doc, event(2, 'Talks'), places)?.name, 'Kyiv');
  assert.equal(placeOfEvent(doc, event(2, 'Talks'), places.slice(1)), undefined);
});

test('an unresolved place phrase is kept as text without coordinates', () => {
  const p = placeOfEvent(doc, event(2, 'Talks', { place: { text: 'went', ...span('went') } }), []);
  assert.deepEqual(p, { text: 'went', ...span('went') });
});
