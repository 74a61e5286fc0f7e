/**
 * Near-duplicate groups and event clusters, the same on every backend: the same pages give the same groups and
 * clusters whatever the order, on SQLite and on Postgres, and with many concurrent Postgres writers.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../doc/index.js';
import { openStore } from './open.js';
import type { Store } from './store.js';
import { backends, type Backend } from './backends.js';
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

/** What a store says about groups and clusters, in a form two stores can be compared in. */
async function snapshot(s: Store) {
  return {
    docs: (await collect(s.eachDocument())).map((d) => [d.id, d.dup_group, d.site]).sort(),
    events: (await s.queryEvents({}))
      .map((e) => [e.id, e.cluster, e.mentions, e.articles, e.sources, e.first_seen, e.last_seen])
      .sort(),
    clusters: (await collect(s.eachCluster({}))).map((e) => [e.id, e.mentions, e.articles]).sort(),
    stats: await s.stats(),
  };
}

/** The snapshot of one SQLite store of the five documents saved in their given order: the reference. */
let reference: Awaited<ReturnType<typeof snapshot>> | null = null;

function suite(backend: Backend) {
  const open: Store[] = [];
  /** A new store of this backend with these documents saved one after another, in this order. */
  const storeOf = async (list: Doc[]): Promise<Store> => {
    const store = await openStore(await backend.location());
    open.push(store);
    for (const d of list) assert.equal(await store.saveDocument(d, ['test']), true);
    return store;
  };
  before(() => backend.start());
  after(async () => {
    for (const s of open) await s.close();
    await backend.stop();
  });

  test('a wire story and two lightly edited copies form one group named by its earliest member; others stay out', async () => {
    const [wire, a, b, other, late] = docs();
    const store = await storeOf([a, other, b, wire, late]);
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
  });

  test('cluster counts: mentions, articles and sources across documents, within the window; a week later is apart', async () => {
    const store = await storeOf(docs());
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
  });

  test('a near-duplicate copy on the same site counts once for articles and mentions', async () => {
    const [wire, a] = docs();
    const again = fixtureDoc(COPY_A.replace('steeply', 'very steeply'), {
      url: 'https://daily.example/x-updated',
      published: '2024-03-04T11:00:00Z',
      events: [MET('2024-03-04')],
    });
    const store = await storeOf([wire, a, again]);
    const e = (await store.queryEvents({}))[0];
    assert.equal(e.mentions, 2);
    assert.equal(e.articles, 2);
    assert.equal(e.sources, 2);
  });

  test('groups and clusters do not depend on ingest order', async () => {
    const list = docs();
    const a = await snapshot(await storeOf(list));
    assert.deepEqual(await snapshot(await storeOf([...list].reverse())), a);
    assert.deepEqual(await snapshot(await storeOf([list[2], list[4], list[0], list[3], list[1]])), a);
    if (backend.name === 'sqlite') reference = a;
    else if (reference) assert.deepEqual(a, reference, 'Postgres gives the groups and clusters SQLite gives');
  });

  if (backend.name === 'postgres') {
    test('many concurrent writers give the groups and clusters of one writer', async () => {
      const list = docs();
      const one = await snapshot(await storeOf(list));
      for (const order of [list, [...list].reverse(), [list[3], list[1], list[4], list[0], list[2]]]) {
        const where = await backend.location();
        // One connection per document, all saving at once: links and merges race unless the store serialises them.
        const writers = await Promise.all(order.map(() => openStore(where)));
        open.push(...writers);
        const saved = await Promise.all(order.map((d, i) => writers[i].saveDocument(d, ['test'])));
        assert.deepEqual(
          saved,
          order.map(() => true),
        );
        assert.deepEqual(await snapshot(writers[0]), one);
      }
    });
  }
}

for (const b of backends()) describe(`groups and clusters: ${b.name}`, { skip: b.skip }, () => suite(b));
