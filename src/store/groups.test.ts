import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../doc/index.js';
import { openSqliteStore, type SqliteStore } from './sqlite.js';
import { fixtureDoc, type FixtureEvent } from './fixture.js';
import { collect } from './fixture.js';
import { COPY_A, COPY_B, LATER, OTHER, WIRE } from './fixture-texts.js';

const MET = (date: string | null): FixtureEvent => ({
  type: 'CONSULT',
  cameo: '043',
  trigger: 'met',
  actor: [['French foreign minister', 'FRAGOV']],
  recipient: [['Russian officials', 'RUSGOV']],
  date,
});

/** The wire story on three sites, a separate report, and the story again a week later on a fourth site. */
function docs(): Doc[] {
  return [
    fixtureDoc(WIRE, {
      url: 'https://wire.example/a1',
      published: '2024-03-04T08:00:00Z',
      events: [MET('2024-03-04')],
    }),
    fixtureDoc(COPY_A, {
      url: 'https://www.daily.example/x',
      published: '2024-03-04T10:00:00Z',
      events: [MET('2024-03-04')],
    }),
    fixtureDoc(COPY_B, { url: 'https://herald.example/y', published: '2024-03-04T09:00:00Z', events: [MET(null)] }),
    fixtureDoc(OTHER, {
      url: 'https://herald.example/z',
      published: '2024-03-05T07:00:00Z',
      events: [MET('2024-03-04')],
    }),
    fixtureDoc(LATER, {
      url: 'https://late.example/w',
      published: '2024-03-11T07:00:00Z',
      events: [MET('2024-03-11')],
    }),
  ];
}

/** Store these documents in this order. */
function storeOf(list: Doc[]): SqliteStore {
  const store = openSqliteStore(':memory:');
  for (const d of list) assert.equal(store.saveDocumentSync(d, ['test']), true);
  return store;
}

test('a wire story and two lightly edited copies form one group named by its earliest member; others stay out', async () => {
  const [wire, a, b, other, late] = docs();
  const store = storeOf([a, other, b, wire, late]);
  const rows = await collect(store.eachDocument());
  const group = (id: string) => rows.find((r) => r.id === id)!.dup_group;
  assert.equal(group(wire.id), wire.id, 'earliest published member names the group');
  assert.equal(group(a.id), wire.id);
  assert.equal(group(b.id), wire.id);
  assert.equal(group(other.id), null, 'a separate report on the same event is not a copy');
  const s = await store.stats();
  assert.equal(s.dup_groups, 1);
  assert.equal(s.dup_members, 3);
  assert.equal(rows.find((r) => r.id === a.id)!.site, 'daily.example');
  await store.close();
});

test('cluster counts: mentions, articles and sources across documents, within the window; a week later is apart', async () => {
  const store = storeOf(docs());
  const events = await store.queryEvents({});
  assert.equal(events.length, 5);
  const byUrl = new Map(events.map((e) => [e.url, e]));
  const main = byUrl.get('https://wire.example/a1')!;
  // Undated mention in COPY_B takes its publication day (2024-03-04), so all four early reports are one event.
  for (const u of ['https://www.daily.example/x', 'https://herald.example/y', 'https://herald.example/z'])
    assert.equal(byUrl.get(u)!.cluster, main.cluster, u);
  assert.equal(main.mentions, 4);
  assert.equal(main.articles, 4);
  assert.equal(main.sources, 3, 'wire, daily, herald');
  assert.equal(main.first_seen, '2024-03-04T08:00:00Z');
  assert.equal(main.last_seen, '2024-03-05T07:00:00Z');
  const late = byUrl.get('https://late.example/w')!;
  assert.notEqual(late.cluster, main.cluster, 'outside the one-day window');
  assert.equal(late.mentions, 1);
  assert.equal((await collect(store.eachCluster({}))).length, 2);
  assert.equal(await store.countEvents({}, true), 2);
  assert.equal((await store.queryEvents({ cluster: main.cluster })).length, 4);
  await store.close();
});

test('a near-duplicate copy on the same site counts once for articles and mentions', async () => {
  const [wire, a] = docs();
  const again = fixtureDoc(COPY_A.replace('steeply', 'very steeply'), {
    url: 'https://daily.example/x-updated',
    published: '2024-03-04T11:00:00Z',
    events: [MET('2024-03-04')],
  });
  const store = storeOf([wire, a, again]);
  const e = (await store.queryEvents({}))[0];
  assert.equal(e.mentions, 2);
  assert.equal(e.articles, 2);
  assert.equal(e.sources, 2);
  await store.close();
});

test('groups and clusters do not depend on ingest order', async () => {
  const list = docs();
  const snapshot = async (s: SqliteStore) => ({
    docs: (await collect(s.eachDocument())).map((d) => [d.id, d.dup_group]).sort(),
    events: (await s.queryEvents({}))
      .map((e) => [e.id, e.cluster, e.mentions, e.articles, e.sources, e.first_seen, e.last_seen])
      .sort(),
  });
  const a = storeOf(list);
  const b = storeOf([...list].reverse());
  const c = storeOf([list[2], list[4], list[0], list[3], list[1]]);
  assert.deepEqual(await snapshot(a), await snapshot(b));
  assert.deepEqual(await snapshot(a), await snapshot(c));
  for (const s of [a, b, c]) await s.close();
});
