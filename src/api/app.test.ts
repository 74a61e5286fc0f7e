import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../doc/index.js';
import { loadAnalysis } from '../main/engine.js';
import { ingestInto } from '../main/commands/ingest.js';
import { storeIngest } from '../main/commands/serve-ingest.js';
import { openSqliteStore, type SqliteStore } from '../store/index.js';
import { createApi } from './app.js';
import { csvHeader, csvLine } from '../export/index.js';
import type { EventOut } from '../record/index.js';
import { schemaErrors } from '../record/schema-check.js';

let store: SqliteStore;
let api: ReturnType<typeof createApi>;
const TOKEN = 'test-token-1234';

before(async () => {
  await loadAnalysis();
  store = openSqliteStore(':memory:');
  const saved = process.stderr.write;
  process.stderr.write = () => true; // the bundled truncated page reports its error line
  try {
    await ingestInto(store, [join(PACKAGE_ROOT, 'examples')], { workers: 1 });
  } finally {
    process.stderr.write = saved;
  }
  api = createApi({ reader: store.read, token: TOKEN, ingest: storeIngest(store) });
});
after(() => store.close());

const get = async (path: string) => {
  const res = await api.request(path);
  return {
    status: res.status,
    body: res.headers.get('content-type')?.startsWith('application/json') ? await res.json() : await res.text(),
  };
};

test('GET /api/events pages through every event with a cursor, in date order', async () => {
  const total = (await store.stats()).events;
  assert.ok(total > 20, `examples give events (${total})`);
  const seen: string[] = [];
  let cursor = '';
  for (let i = 0; i < 20; i++) {
    const r = await get(`/api/events?limit=7${cursor ? '&cursor=' + cursor : ''}`);
    assert.equal(r.status, 200);
    assert.ok(r.body.events.length <= 7);
    seen.push(...r.body.events.map((e: { id: string }) => e.id));
    if (!r.body.next) break;
    cursor = r.body.next;
  }
  assert.equal(seen.length, total, 'every event once');
  assert.equal(new Set(seen).size, total, 'no event twice');
  const desc = await get('/api/events?sort=-date&limit=1000');
  const dates = desc.body.events.map((e: { date: string | null }) => e.date).filter(Boolean);
  assert.deepEqual(dates, [...dates].sort().reverse(), 'descending dates');
});

test('filters narrow events: actor prefix, type, quad, dates, text search, confidence', async () => {
  const fra = (await get('/api/events?actor=fra&limit=1000')).body.events;
  assert.ok(fra.length > 0);
  for (const e of fra) assert.match(e.actor[0].code, /^FRA/);
  const assaults = (await get('/api/events?type=ASSAULT&quad=4&limit=1000')).body.events;
  assert.ok(assaults.length > 0);
  for (const e of assaults) assert.equal(e.type, 'ASSAULT');
  const y2022 = (await get('/api/events?since=2022-01-01&until=2022-12-31&limit=1000')).body.events;
  assert.ok(y2022.length > 0);
  for (const e of y2022) assert.match(e.date, /^2022-/);
  const kremlin = (await get('/api/events?q=Kremlin&limit=1000')).body.events;
  assert.ok(kremlin.length > 0);
  for (const e of kremlin) assert.match(e.sentence, /Kremlin/);
  const sure = (await get('/api/events?min_confidence=0.9&limit=1000')).body.events;
  for (const e of sure) assert.ok(e.confidence >= 0.9);
  const all = (await get('/api/events?limit=1000')).body.events as EventOut[];
  const ids = (es: EventOut[]) => es.map((e) => e.id).sort();
  for (const min of [2, 3]) {
    const got = (await get(`/api/events?min_articles=${min}&limit=1000`)).body.events as EventOut[];
    assert.deepEqual(ids(got), ids(all.filter((e) => e.articles >= min)), `min_articles=${min}: clusters' articles`);
  }
});

test("events are the one event record: the store's own records, valid against docs/event.schema.json", async () => {
  const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'docs', 'event.schema.json'), 'utf8'));
  const list = (await get('/api/events?limit=1000')).body.events as EventOut[];
  const stored = new Map((await store.queryEvents({})).map((e) => [e.id, e]));
  assert.equal(list.length, stored.size);
  for (const e of list) {
    assert.deepEqual(schemaErrors(e, schema), [], e.id);
    assert.deepEqual(e, stored.get(e.id), 'the same record as dateline query prints');
  }
  const jsonl = ((await get('/api/events.jsonl')).body as string).trim().split('\n');
  assert.deepEqual(
    jsonl.map((l) => JSON.parse(l)),
    list,
  );
  const csv = (await get('/api/events.csv')).body as string;
  assert.equal(csv, csvHeader() + list.map(csvLine).join(''), "the export's CSV columns");
});

test('bad parameters answer 400 with a reason per parameter', async () => {
  const r = await get('/api/events?since=2015-13-40&quad=7&limit=5000&sort=sideways');
  assert.equal(r.status, 400);
  assert.equal(r.body.error, 'bad-request');
  const fields = r.body.reasons.map((x: string) => x.split(':')[0]).sort();
  assert.deepEqual(fields, ['limit', 'quad', 'since', 'sort']);
  assert.equal((await get('/api/events?cursor=nonsense')).status, 400);
  assert.equal((await get('/api/documents/not-an-id')).status, 400);
  assert.equal((await get('/api/documents/0123456789abcdef')).status, 404);
});

test('exports stream the same query as CSV and JSON lines', async () => {
  const list = (await get('/api/events?type=CONSULT&limit=1000')).body.events;
  const csv = await get('/api/events.csv?type=CONSULT');
  assert.equal(csv.status, 200);
  const lines = (csv.body as string).trim().split('\r\n');
  assert.equal(lines[0] + '\r\n', csvHeader());
  assert.equal(lines.length - 1, list.length);
  const jsonl = (await get('/api/events.jsonl?type=CONSULT')).body as string;
  const rows = jsonl
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    rows.map((e) => e.id),
    list.map((e: { id: string }) => e.id),
  );
});

test('aggregations agree with the event list', async () => {
  const all = (await get('/api/events?limit=1000')).body.events;
  const dated = all.filter((e: { date: string | null }) => e.date);
  const series = (await get('/api/series?interval=month&by=quad')).body.series;
  assert.equal(
    series.reduce((s: number, p: { n: number }) => s + p.n, 0),
    dated.length,
  );
  const weekly = (await get('/api/series?interval=week&by=type&actor=FRA')).body.series;
  for (const p of weekly) assert.equal(new Date(p.period).getUTCDay(), 1, 'weeks start on Monday');
  const dyads = (await get('/api/dyads?by=type')).body.dyads;
  const withBoth = all.filter((e: { actor: unknown[]; recipient: unknown[] }) => e.actor.length && e.recipient.length);
  assert.equal(
    dyads.reduce((s: number, d: { n: number }) => s + d.n, 0),
    withBoth.length,
  );
  const actors = (await get('/api/actors?prefix=rus')).body.actors;
  assert.ok(actors.length > 0);
  for (const a of actors) assert.match(a.code, /^RUS/);
  const countries = (await get('/api/countries')).body.countries;
  const rus = countries.find((c: { country: string }) => c.country === 'RUS');
  assert.equal(rus.numeric, '643');
});

test('a document comes with its text and layers, and each event points at its sentence and trigger', async () => {
  const ev = (await get('/api/events?q=Kremlin&limit=1')).body.events[0];
  const r = await get(`/api/documents/${ev.doc}`);
  assert.equal(r.status, 200);
  const d = r.body;
  assert.ok(d.layers.sentences.length > 0 && d.layers.mentions.length > 0);
  const e = d.layers.events.find((x: { key: string }) => x.key === ev.id);
  assert.equal(d.text.slice(e.start, e.end), ev.sentence);
  assert.equal(d.text.slice(e.triggerSpan.start, e.triggerSpan.end), ev.trigger.text);
  for (const id of e.actorIds) assert.ok(d.layers.mentions.some((m: { id: string }) => m.id === id));
  const quotes = (await get(`/api/quotes?doc=${ev.doc}`)).body.quotes;
  for (const q of quotes) assert.ok(d.text.includes(q.text));
});

test('the OpenAPI document lists the routes', async () => {
  const doc = (await get('/api/openapi.json')).body;
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/api/events', '/api/events.csv', '/api/dyads', '/api/series', '/api/actors', '/api/documents/{id}'])
    assert.ok(doc.paths[p], p);
});

/** A page for the ingest tests, written for the project. */
const page = {
  content: [
    'Norway and Sweden sign fishing pact',
    'Published 3 March 2021',
    'OSLO — Norwegian Prime Minister Erna Solberg met Swedish Prime Minister Stefan Lofven in Oslo on Wednesday to discuss fishing rights in the North Sea.',
    'The two leaders signed an agreement on fishing quotas after the talks, officials said.',
    'Danish fishermen criticised the deal and accused both governments of ignoring their concerns.',
    'The European Commission welcomed the agreement and said it would review the quotas next year.',
  ].join('\n\n'),
  name: 'api-test-page.txt',
};
test('POST /api/ingest needs the token; with it a page is stored and queryable', async () => {
  const post = (auth?: string) =>
    api.request('/api/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify({ pages: [page] }),
    });
  assert.equal((await post()).status, 401);
  assert.equal((await post('Bearer wrong-token-9999')).status, 401);
  const ok = await post(`Bearer ${TOKEN}`);
  assert.equal(ok.status, 200);
  const report = await ok.json();
  assert.equal(report.stored, 1, JSON.stringify(report));
  const found = (await get('/api/events?q=fishing&limit=10')).body.events;
  assert.ok(found.length > 0, 'the new page is searchable: ' + JSON.stringify(report));
  const readOnly = createApi({ reader: store.read });
  const r = await readOnly.request('/api/ingest', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(r.status, 401, 'read-only without --token');
});

test('min_articles keeps the events whose cluster other articles also report', async () => {
  const again = {
    content: page.content + '\n\nTalks on a wider fisheries pact resume in the autumn.',
    name: 'api-test-2.txt',
  };
  const res = await api.request('/api/ingest', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ pages: [again] }),
  });
  assert.equal((await res.json()).stored, 1);
  const all = (await get('/api/events?limit=1000')).body.events as EventOut[];
  const two = (await get('/api/events?min_articles=2&limit=1000')).body.events as EventOut[];
  assert.ok(two.length >= 2, 'the two reports of the Oslo talks share clusters');
  assert.equal(new Set(two.map((e) => e.doc)).size, 2);
  assert.deepEqual(
    two.map((e) => e.id).sort(),
    all
      .filter((e) => e.articles >= 2)
      .map((e) => e.id)
      .sort(),
  );
  assert.equal((await get('/api/events?min_articles=3')).body.events.length, 0);
  const series = (await get('/api/series?interval=day&min_articles=2')).body.series;
  assert.equal(
    series.reduce((n: number, p: { n: number }) => n + p.n, 0),
    two.filter((e) => e.date).length,
    'aggregations take the same filter',
  );
});
