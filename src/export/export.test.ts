import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pq from 'parquet-wasm/node';
import { tableFromIPC } from 'apache-arrow';
import type { PlaceOut } from '../record/index.js';
import { openSqliteStore, type SqliteStore } from '../store/index.js';
import { fixtureDoc } from '../store/fixture.js';
import { COPY_A, OTHER, WIRE } from '../store/fixture-texts.js';
import { FLAT_COLUMNS } from './flat.js';
import { GDELT_COLUMNS, gdeltLine } from './gdelt.js';
import { fipsCountry, geoCells } from './geo.js';
import { writeExport, type ExportFormat } from './write.js';

/** A small store: the wire story twice, another report, and a sentence full of CSV-hostile characters. */
function store(): SqliteStore {
  const s = openSqliteStore(':memory:');
  const met = (date: string | null) => ({
    type: 'CONSULT',
    cameo: '043',
    trigger: 'met',
    actor: [['French foreign minister', 'FRAGOV']] as [string, string][],
    recipient: [['Russian officials', 'RUSGOV']] as [string, string][],
    date,
  });
  s.saveDocumentSync(
    fixtureDoc(WIRE, { url: 'https://wire.example/1', published: '2024-03-04T08:00:00Z', events: [met('2024-03-04')] }),
    [],
  );
  s.saveDocumentSync(
    fixtureDoc(COPY_A, {
      url: 'https://daily.example/2',
      published: '2024-03-04T09:30:00Z',
      events: [met('2024-03-04')],
    }),
    [],
  );
  s.saveDocumentSync(
    fixtureDoc(OTHER, { url: 'https://herald.example/3', published: '2024-03-05', tone: 1.5, events: [met(null)] }),
    [],
  );
  const odd = 'Germany said, "we object", and\tthen: Ärger über Polen — 😀 «non».';
  s.saveDocumentSync(
    fixtureDoc(odd, {
      source: 'local/odd.txt',
      events: [
        {
          type: 'ACCUSE',
          cameo: '112',
          trigger: 'object',
          actor: [['Germany', 'DEU']],
          recipient: [['Polen', 'POL']],
          date: '2024-01-02',
          quad: 3,
          goldstein: -2,
          place: { text: 'Polen', start: odd.indexOf('Polen'), end: odd.indexOf('Polen') + 5, country: 'POL' },
        },
      ],
    }),
    [],
  );
  return s;
}

/** Export the store to a temp file and return its path. */
async function exported(s: SqliteStore, format: ExportFormat, dir: string, header = false): Promise<string> {
  const path = join(dir, `out.${format}`);
  await writeExport(path, s.eachEvent({}), { format, header });
  return path;
}

test('jsonl holds exactly the records query returns', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-export-'));
  const s = store();
  const lines = readFileSync(await exported(s, 'jsonl', dir), 'utf8')
    .trim()
    .split('\n');
  assert.deepEqual(
    lines.map((l) => JSON.parse(l)),
    await s.queryEvents({}),
  );
  await s.close();
  rmSync(dir, { recursive: true });
});

test('csv parses with Python csv module into the documented columns, values intact', async (t) => {
  if (spawnSync('python3', ['-c', 'import csv']).status !== 0) return t.skip('python3 is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'dl-export-'));
  const s = store();
  const path = await exported(s, 'csv', dir);
  const py = spawnSync(
    'python3',
    [
      '-c',
      'import csv,json,sys; r=csv.reader(open(sys.argv[1],newline="",encoding="utf-8"),strict=True); print(json.dumps(list(r)))',
      path,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(py.status, 0, py.stderr);
  const [header, ...rows] = JSON.parse(py.stdout) as string[][];
  assert.deepEqual(
    header,
    FLAT_COLUMNS.map((c) => c.name),
  );
  const events = await s.queryEvents({});
  assert.equal(rows.length, events.length);
  rows.forEach((row, i) => {
    const e = events[i];
    const col = (name: string) => row[header.indexOf(name)];
    assert.equal(col('id'), e.id);
    assert.equal(col('sentence'), e.sentence);
    assert.equal(col('date'), e.date ?? '');
    assert.equal(Number(col('goldstein')), e.goldstein);
    assert.equal(col('negated'), String(e.negated));
    assert.deepEqual(JSON.parse(col('actor')), e.actor);
  });
  await s.close();
  rmSync(dir, { recursive: true });
});

test("gdelt: GDELT 2.0's 61 columns in order with --header, and its field conventions", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-export-'));
  const s = store();
  const lines = readFileSync(await exported(s, 'gdelt', dir, true), 'utf8').split('\n');
  assert.equal(lines.pop(), '', 'ends with a newline');
  const [header, ...rows] = lines.map((l) => l.split('\t'));
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.deepEqual(header, GDELT_COLUMNS);
  assert.equal(header[26], 'EventCode');
  const events = await s.queryEvents({});
  assert.equal(rows.length, events.length);
  rows.forEach((r, i) => {
    const c = (name: string) => r[GDELT_COLUMNS.indexOf(name)];
    assert.equal(r.length, 61);
    assert.match(c('SQLDATE'), /^\d{8}$/);
    assert.equal(c('EventRootCode'), c('EventCode').slice(0, 2));
    assert.match(c('EventCode'), /^\d{3,4}$/, 'CAMEO as a string with its leading zero');
    assert.ok(['1', '2', '3', '4'].includes(c('QuadClass')));
    assert.ok(Math.abs(Number(c('GoldsteinScale'))) <= 10);
    for (const n of ['NumMentions', 'NumSources', 'NumArticles']) assert.ok(Number(c(n)) >= 1, n);
    assert.equal(c('NumMentions'), String(events[i].mentions));
    assert.ok(c('SOURCEURL').length > 0);
    assert.match(c('DATEADDED'), /^\d{14}$/);
  });
  const odd = rows.find((r) => r[GDELT_COLUMNS.indexOf('SOURCEURL')] === 'local/odd.txt')!;
  assert.equal(odd[GDELT_COLUMNS.indexOf('ActionGeo_Type')], '1', 'known only by its country: country-level');
  assert.equal(odd[GDELT_COLUMNS.indexOf('ActionGeo_FullName')], 'Poland');
  assert.equal(odd[GDELT_COLUMNS.indexOf('ActionGeo_CountryCode')], 'PL');
  assert.equal(odd[GDELT_COLUMNS.indexOf('Actor1Code')], 'DEU');
  const wire = rows.find((r) => r[GDELT_COLUMNS.indexOf('SOURCEURL')] === 'https://wire.example/1')!;
  assert.equal(wire[GDELT_COLUMNS.indexOf('NumArticles')], '3');
  assert.equal(wire[GDELT_COLUMNS.indexOf('NumSources')], '3');
  assert.equal(wire[GDELT_COLUMNS.indexOf('EventCode')], '043');
  await s.close();
  rmSync(dir, { recursive: true });
});

test('parquet is read back by an independent reader (parquet-wasm, Rust arrow-rs) with typed columns', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-export-'));
  const s = store();
  const table = tableFromIPC(pq.readParquet(readFileSync(await exported(s, 'parquet', dir))).intoIPCStream());
  const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
  assert.deepEqual(
    table.schema.fields.map((f) => f.name),
    FLAT_COLUMNS.map((c) => c.name),
  );
  assert.equal(types.date, 'Date32<DAY>');
  assert.equal(types.quad, 'Int32');
  assert.equal(types.goldstein, 'Float64');
  assert.equal(types.negated, 'Bool');
  const rows = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
  const events = await s.queryEvents({});
  assert.equal(rows.length, events.length);
  rows.forEach((r, i) => {
    const e = events[i];
    assert.equal(r.id, e.id);
    assert.equal(r.sentence, e.sentence);
    assert.equal(r.date === null ? null : new Date(r.date as number).toISOString().slice(0, 10), e.date);
    assert.equal(r.goldstein, e.goldstein);
    assert.equal(r.mentions, e.mentions);
    assert.equal(r.place_country, e.place?.country ?? null);
    assert.deepEqual(JSON.parse(r.recipient as string), e.recipient);
  });
  await s.close();
  rmSync(dir, { recursive: true });
});

test('GDELT geography: types, FIPS country and ADM1 codes, full names, for the event and for each actor', () => {
  const place = (p: Partial<PlaceOut>): PlaceOut => ({
    text: 'x',
    start: 0,
    end: 1,
    name: null,
    country: null,
    admin1: null,
    lat: null,
    lon: null,
    feature: null,
    geonameid: null,
    ...p,
  });
  const moscow = place({
    name: 'Moscow',
    country: 'RUS',
    admin1: '48',
    lat: 55.75,
    lon: 37.62,
    feature: 'city',
    geonameid: 524901,
  });
  assert.deepEqual(geoCells(moscow), [4, 'Moscow, Russia', 'RS', 'RS48', null, 55.75, 37.62, 524901]);
  const texas = place({ name: 'Texas', country: 'USA', admin1: 'TX', lat: 31.25, lon: -99.25, feature: 'admin1' });
  assert.deepEqual(geoCells(texas).slice(0, 4), [2, 'Texas, United States', 'US', 'USTX']);
  const austin = place({ name: 'Austin', country: 'USA', admin1: 'TX', lat: 30.27, lon: -97.74, feature: 'city' });
  assert.deepEqual(geoCells(austin).slice(0, 4), [3, 'Austin, Texas, United States', 'US', 'USTX']);
  const bavaria = place({ name: 'Bavaria', country: 'DEU', admin1: '02', lat: 48.9, lon: 11.4, feature: 'admin1' });
  assert.deepEqual(geoCells(bavaria).slice(0, 4), [5, 'Bavaria, Germany', 'GM', 'GM02']);
  const france = place({ name: 'France', country: 'FRA', lat: 46, lon: 2, feature: 'country', geonameid: 3017382 });
  assert.deepEqual(geoCells(france), [1, 'France', 'FR', 'FR', null, 46, 2, 3017382]);
  assert.deepEqual(geoCells(place({ name: 'Middle East', lat: 29, lon: 41, feature: 'other' })), Array(8).fill(null));
  assert.deepEqual(geoCells(null), Array(8).fill(null));
  for (const [iso3, fips] of [
    ['GBR', 'UK'],
    ['CHN', 'CH'],
    ['CHE', 'SZ'],
    ['AUT', 'AU'],
    ['AUS', 'AS'],
    ['USA', 'US'],
    ['IGO', null],
  ])
    assert.equal(fipsCountry(iso3), fips, String(iso3));
});

test("an actor mention's place is stored, carried into the record and written to GDELT's Actor1Geo columns", async () => {
  const s = openSqliteStore(':memory:');
  const doc = fixtureDoc(WIRE, {
    url: 'https://wire.example/geo',
    published: '2024-03-04T08:00:00Z',
    events: [
      {
        type: 'CONSULT',
        cameo: '043',
        trigger: 'met',
        actor: [['French foreign minister', 'FRAGOV']],
        recipient: [['Russian officials', 'RUSGOV']],
        date: '2024-03-04',
      },
    ],
  });
  const m = doc.layers.mentions![0];
  m.place = {
    text: doc.text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    name: 'France',
    country: 'FRA',
    admin1: null,
    lat: 46,
    lon: 2,
    feature: 'country',
    geonameid: 3017382,
  };
  s.saveDocumentSync(doc, []);
  const [e] = await s.queryEvents({});
  assert.equal(e.actor[0].place?.name, 'France');
  assert.equal(e.actor[0].place?.geonameid, 3017382);
  assert.equal(e.recipient[0].place, undefined, 'absent when the places stage found none');
  const r = gdeltLine(e).split('\t');
  assert.equal(r[GDELT_COLUMNS.indexOf('Actor1Geo_Type')], '1');
  assert.equal(r[GDELT_COLUMNS.indexOf('Actor1Geo_CountryCode')], 'FR');
  assert.equal(r[GDELT_COLUMNS.indexOf('Actor1Geo_FeatureID')], '3017382');
  assert.equal(r[GDELT_COLUMNS.indexOf('Actor2Geo_Type')], '');
  await s.close();
});
