import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSqliteStore } from '../store/index.js';
import { fixtureDoc } from '../store/fixture.js';
import { recordsFromDoc } from './from-doc.js';
import { schemaErrors } from './schema-check.js';

const SCHEMA = JSON.parse(readFileSync(new URL('../../docs/event.schema.json', import.meta.url), 'utf8'));

/** A document with two events of one cluster, one other, a place, a speaker, a Wikidata id and a tone. */
function richDoc() {
  const text = [
    'Ukraine said Russian forces shelled Kharkiv on Friday — “again”, officials added 😠.',
    'Russian forces also shelled Kharkiv later that night.',
    'France praised Ukraine for its restraint.',
  ].join('\n');
  const doc = fixtureDoc(text, {
    url: 'https://www.news.example/k',
    published: '2024-05-10T06:00:00Z',
    tone: -3.25,
    events: [
      {
        type: 'ASSAULT',
        cameo: '195',
        trigger: 'shelled',
        actor: [['Russian forces', 'RUSMIL']],
        recipient: [['Kharkiv', 'UKR']],
        date: '2024-05-10',
        place: {
          text: 'Kharkiv',
          start: text.indexOf('Kharkiv'),
          end: text.indexOf('Kharkiv') + 7,
          country: 'UKR',
          lat: 49.98,
          lon: 36.25,
        },
        quad: 4,
        goldstein: -10,
      },
      {
        type: 'ASSAULT',
        cameo: '195',
        trigger: 'also shelled',
        actor: [['Russian forces', 'RUSMIL']],
        recipient: [['Kharkiv', 'UKR']],
        date: null,
        quad: 4,
        goldstein: -10,
      },
      {
        type: 'SUPPORT',
        cameo: '051',
        trigger: 'praised',
        actor: [['France', 'FRA']],
        recipient: [['Ukraine', 'UKR']],
        date: null,
      },
    ],
  });
  doc.layers.mentions![0].wikidata = 'Q212';
  const m1 = doc.layers.mentions![1];
  m1.place = {
    text: doc.text.slice(m1.start, m1.end),
    start: m1.start,
    end: m1.end,
    name: 'Russia',
    country: 'RUS',
    admin1: null,
    lat: 60,
    lon: 100,
    feature: 'country',
    geonameid: 2017370,
  };
  doc.layers.events![0].reportedBy = 'm0';
  return doc;
}

test('a record from the Doc and the same record from the store are identical JSON', async () => {
  const doc = richDoc();
  const fromDoc = recordsFromDoc(doc);
  const store = openSqliteStore(':memory:');
  store.saveDocumentSync(doc, ['test']);
  const fromStore = await store.queryEvents({});
  await store.close();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  assert.equal(fromStore.length, 3);
  assert.ok(
    fromStore.every((e) => /^\d{4}-\d{2}-\d{2}T/.test(e.ingested_at ?? '')),
    'the store knows when it got them',
  );
  assert.ok(
    fromDoc.every((e) => e.ingested_at === null),
    'a Doc outside a store does not',
  );
  assert.deepEqual(
    [...fromStore].sort(byId).map((e) => JSON.stringify({ ...e, ingested_at: null })),
    [...fromDoc].sort(byId).map((e) => JSON.stringify(e)),
  );
  const shelled = fromDoc.find((e) => e.trigger.text === 'shelled')!;
  assert.equal(shelled.mentions, 2, 'the two shellings of one day are one event in this article');
  assert.equal(shelled.place?.country, 'UKR');
  assert.equal(shelled.place?.geonameid, null);
  assert.equal(shelled.reported_by?.wikidata, 'Q212');
  assert.equal(shelled.site, 'news.example');
  assert.equal(fromDoc.find((e) => e.type === 'SUPPORT')!.mentions, 1);
});

test('every record conforms to docs/event.schema.json, and the checker catches a wrong one', () => {
  for (const e of recordsFromDoc(richDoc())) assert.deepEqual(schemaErrors(e, SCHEMA), [], e.id);
  const bad = { ...recordsFromDoc(richDoc())[0], quad: 'x', extra: 1 } as unknown;
  const errs = schemaErrors(bad, SCHEMA);
  assert.ok(errs.some((m) => m.includes('quad')));
  assert.ok(errs.some((m) => m.includes('unexpected extra')));
});
