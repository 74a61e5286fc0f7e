/**
 * The rollups on both backends: after documents are added, re-saved, deleted and saved again, `dyad_days` and
 * `dyad_totals` hold exactly what grouping the events table gives, /api/dyads read from the rollup answers as the
 * same query over the events does, and `event_days` (the timeline's daily counts) agrees with the events too.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from './backends.js';
import type { Doc } from '../doc/index.js';
import { fixtureDoc, type FixtureEvent } from './fixture.js';
import { openStore } from './open.js';
import { calendarDay } from './dyad-tiers.js';
import type { EventQuery, StoreReader } from './api-reader.js';
import type { Store } from './store.js';
import type { SqliteStore } from './sqlite.js';
import type { PostgresStore } from './postgres.js';

type Row = Record<string, unknown>;

/** Run raw SQL (no parameters but `id`, as `$1`/`?`) on either store. */
async function raw(store: Store, sql: string, id?: string): Promise<Row[]> {
  const params = id === undefined ? [] : [id];
  if (store.kind === 'sqlite') {
    const st = (store as SqliteStore).db.prepare(sql.replace('$1', '?'));
    return st.reader ? (st.all(...params) as Row[]) : (st.run(...params), []);
  }
  return (await (store as PostgresStore).pool.query(sql, params)).rows as Row[];
}

const KEY = `actor_code, recipient_code, quad, type, coalesce(actor_country, '') ac, coalesce(recipient_country, '') rc,
  coalesce(actor_sector, '') ase, coalesce(recipient_sector, '') rse`;
const ROLLUP_KEY = `actor_code, recipient_code, quad, type, actor_country ac, recipient_country rc, actor_sector ase,
  recipient_sector rse`;
const DYADIC = 'actor_code IS NOT NULL AND recipient_code IS NOT NULL';

/** Sorted JSON lines of rows (counts as numbers: Postgres returns bigint sums as strings). */
const lines = (rows: Row[]) => rows.map((r) => JSON.stringify({ ...r, n: Number(r.n) })).sort();

/** Both rollup tables against a fresh grouping of the events table. */
async function assertRollupExact(store: Store, when: string): Promise<void> {
  const days = await raw(
    store,
    `SELECT coalesce(date, '') AS day, ${KEY}, count(*) n FROM events WHERE ${DYADIC}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  );
  assert.deepEqual(lines(await raw(store, `SELECT day, ${ROLLUP_KEY}, n FROM dyad_days`)), lines(days), when);
  const totals = await raw(
    store,
    `SELECT ${KEY}, count(*) n FROM events WHERE ${DYADIC} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
  );
  assert.deepEqual(lines(await raw(store, `SELECT ${ROLLUP_KEY}, n FROM dyad_totals`)), lines(totals), when);
  await assertTiersExact(store, when);
}

/** The month and year tiers against the dated dyadic events grouped here, in JS (calendar dates by their month or
 * year, any other date text under '~' and itself). */
async function assertTiersExact(store: Store, when: string): Promise<void> {
  const events = await raw(store, `SELECT date, ${KEY} FROM events WHERE ${DYADIC} AND date IS NOT NULL`);
  for (const [table, col, len] of [
    ['dyad_months', 'month', 7],
    ['dyad_years', 'year', 4],
  ] as const) {
    const want = new Map<string, number>();
    for (const { date, ...k } of events) {
      const d = date as string;
      const key = JSON.stringify({ [col]: calendarDay(d) ? d.slice(0, len) : '~' + d, ...k, quad: Number(k.quad) });
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const kept = (await raw(store, `SELECT ${col}, ${ROLLUP_KEY}, n FROM ${table}`)).map(({ n, ...k }) => [
      JSON.stringify({ ...k, quad: Number(k.quad) }),
      Number(n),
    ]);
    assert.deepEqual(kept.sort(), [...want].sort(), `${table}: ${when}`);
  }
}

/** `event_days` against the events: counts exact, tone sums to float rounding. */
async function assertDaysExact(store: Store, when: string): Promise<void> {
  const key = (r: Row) => `${r.day} ${r.type} ${r.quad}`;
  const fresh = await raw(
    store,
    `SELECT date AS day, type, quad, count(*) n, coalesce(sum(tone), 0) tone_sum,
    count(tone) tone_n FROM events WHERE date IS NOT NULL GROUP BY 1, 2, 3`,
  );
  const kept = await raw(store, 'SELECT day, type, quad, n, tone_sum, tone_n FROM event_days');
  assert.deepEqual(kept.map(key).sort(), fresh.map(key).sort(), when);
  const byKey = new Map(fresh.map((r) => [key(r), r]));
  for (const r of kept) {
    const f = byKey.get(key(r))!;
    assert.equal(Number(r.n), Number(f.n), when);
    assert.equal(Number(r.tone_n), Number(f.tone_n), when);
    assert.ok(Math.abs(Number(r.tone_sum) - Number(f.tone_sum)) < 1e-9, when);
  }
}

const ev = (
  type: string,
  quad: number,
  trigger: string,
  a: [string, string],
  r: [string, string] | null,
  date: string | null,
) => ({ type, cameo: '040', quad, trigger, actor: [a], recipient: r ? [r] : [], date }) satisfies FixtureEvent;

/** Give each document's sentences a tone (`tones[i]` times the sentence number + 1), so event_days sums tones. */
function withTones(docs: Doc[], tones: number[]): Doc[] {
  docs.forEach(
    (d, i) => (d.layers.sentenceTone = Float32Array.from(d.layers.sentences ?? [], (_, k) => tones[i] * (k + 1))),
  );
  return docs;
}

/** Three documents sharing dyads, days and an undated event, one event without a recipient; sentence tones set. */
const DOCS = () =>
  withTones(
    [
      fixtureDoc('Macron met Putin in Paris.\nMacron accused Putin of lying.', {
        published: '2024-03-01',
        events: [
          ev('CONSULT', 1, 'met', ['Macron', 'FRAGOV'], ['Putin', 'RUSGOV'], '2024-03-01'),
          ev('ACCUSE', 3, 'accused', ['Macron', 'FRAGOV'], ['Putin', 'RUSGOV'], null),
        ],
      }),
      fixtureDoc('Macron met Putin again in Moscow.\nRebels attacked troops.\nNATO protested.', {
        published: '2024-03-02',
        events: [
          ev('CONSULT', 1, 'met', ['Macron', 'FRAGOV'], ['Putin', 'RUSGOV'], '2024-03-01'),
          ev('ASSAULT', 4, 'attacked', ['Rebels', 'UKRREB'], ['troops', 'RUSMIL'], '2024-03-02'),
          ev('PROTEST', 3, 'protested', ['NATO', 'IGOMIL'], null, '2024-03-02'),
        ],
      }),
      fixtureDoc('Kyiv thanked Berlin.\nBerlin sent aid to Kyiv.', {
        published: '2025-01-10',
        events: [
          ev('SUPPORT', 1, 'thanked', ['Kyiv', 'UKRGOV'], ['Berlin', 'DEUGOV'], '2025-01-10'),
          ev('AID', 2, 'sent', ['Berlin', 'DEUGOV'], ['Kyiv', 'UKRGOV'], '2025-01-09'),
        ],
      }),
    ],
    [0.25, -0.5, 0.125],
  );

/** Queries the rollup answers; each is compared with the same query forced onto the events table. */
const QUERIES: EventQuery[] = [
  {},
  { since: '2024-03-01', until: '2024-03-01' },
  { until: '2024-12-31' },
  { since: '2024-03-02' },
  { actor: 'fra' },
  { recipient: 'RUS' },
  { party: 'UKR' },
  { country: 'DEU' },
  { sector: 'MIL' },
  { type: ['CONSULT', 'AID'] },
  { quad: [1], since: '2024-01-01' },
];

/** `minConfidence: 0` keeps every event (confidences are ≥ 0) but is no rollup field, so it reads the events. */
async function assertDyadsAsEvents(read: StoreReader): Promise<void> {
  for (const q of QUERIES)
    for (const by of ['type', 'quad'] as const)
      assert.deepEqual(
        await read.dyads(q, by, 300),
        await read.dyads({ ...q, minConfidence: 0 }, by, 300),
        JSON.stringify(q),
      );
}

for (const b of backends()) {
  describe(`dyad rollup: ${b.name}`, { skip: b.skip }, () => {
    before(() => b.start());
    after(() => b.stop());

    test('stays exact as documents are added, re-saved, deleted and saved again', async () => {
      const store = await openStore(await b.location());
      const read = (store as Store & { read: StoreReader }).read;
      try {
        const [a, ...rest] = DOCS();
        await store.saveDocument(a, ['test']);
        await assertRollupExact(store, 'one document');
        await assertDaysExact(store, 'one document');
        for (const d of rest) await store.saveDocument(d, ['test']);
        await assertRollupExact(store, 'three documents');
        await assertDaysExact(store, 'three documents');
        const all = await raw(store, 'SELECT sum(n) n FROM dyad_totals');
        assert.equal(Number(all[0].n), 6, 'six events have an actor and a recipient');
        await assertDyadsAsEvents(read);

        assert.equal(await store.saveDocument(DOCS()[0], ['test']), false);
        await assertRollupExact(store, 'a duplicate save adds nothing');
        await assertDaysExact(store, 'a duplicate save adds nothing');

        await raw(store, 'DELETE FROM documents WHERE id = $1', a.id);
        await assertRollupExact(store, 'after deleting a document');
        await assertDaysExact(store, 'after deleting a document');
        const accuse = await raw(store, "SELECT count(*) n FROM dyad_days WHERE type = 'ACCUSE'");
        assert.equal(Number(accuse[0].n), 0, 'a row whose count reaches zero is dropped');
        await assertDyadsAsEvents(read);

        assert.equal(await store.saveDocument(DOCS()[0], ['test']), true);
        await assertRollupExact(store, 'after saving it again');
        await assertDaysExact(store, 'after saving it again');
        await assertDyadsAsEvents(read);
      } finally {
        await store.close();
      }
    });
  });
}

/** Event dates across years and months, with texts that are no calendar date (kept under '~' in the tiers; the
 * store's clustering cannot take a month past 12, so none is here). */
const SPREAD = [
  '2022-12-31',
  '2023-01-01',
  '2023-02-28',
  '2023-02-29',
  '2023-03-01',
  '2023-06-30',
  '2023-12-31',
  '2024-01-01',
  '2024-02-29',
  '2024-02-30',
  '2024-03',
  '2024-03-01',
  '2024-03-15',
  '2024-03-31',
  '2024-03-31T12',
  '2024-12-31',
  '2025-01-01',
  '',
  null,
];

/** Range bounds around those dates (calendar dates, as the API accepts: dyad_days keeps an empty date text as it
 * keeps no date, so only the tiers tell them apart). */
const BOUNDS = [
  undefined,
  '2023-01-01',
  '2023-02-28',
  '2023-03-01',
  '2023-12-31',
  '2024-01-01',
  '2024-02-29',
  '2024-03-01',
  '2024-03-16',
  '2024-12-31',
  '2025-01-01',
];

/** One document per date of SPREAD, two dyads each (the second from a country filter's view). */
const SPREAD_DOCS = () =>
  SPREAD.map((date, i) =>
    fixtureDoc(`Paris met Moscow ${i}.\nKyiv accused Berlin ${i}.`, {
      published: '2024-01-01',
      events: [
        ev('CONSULT', 1, 'met', ['Paris', 'FRAGOV'], ['Moscow', 'RUSGOV'], date),
        ev('ACCUSE', 3, 'accused', ['Kyiv', i % 2 ? 'UKRGOV' : 'UKRMIL'], ['Berlin', 'DEUGOV'], date),
      ],
    }),
  );

/** Every range of BOUNDS × BOUNDS (with and without a country), read from the tiers and from the events. */
async function assertRangesAsEvents(read: StoreReader, when: string): Promise<void> {
  let found = 0;
  for (const since of BOUNDS)
    for (const until of BOUNDS)
      for (const extra of [{}, { country: 'UKR' }, { type: ['CONSULT'] }])
        for (const by of ['type', 'quad'] as const) {
          const q: EventQuery = { since, until, ...extra };
          const got = await read.dyads(q, by, 300);
          assert.deepEqual(got, await read.dyads({ ...q, minConfidence: 0 }, by, 300), `${when}: ${JSON.stringify(q)}`);
          found += got.length;
        }
  assert.ok(found > 500, `the ranges find dyads (${found})`);
}

for (const b of backends()) {
  describe(`dyad tiers: ${b.name}`, { skip: b.skip }, () => {
    before(() => b.start());
    after(() => b.stop());

    test('month and year tiers answer date ranges as the events do, before and after a delete', async () => {
      const store = await openStore(await b.location());
      const read = (store as Store & { read: StoreReader }).read;
      try {
        const docs = SPREAD_DOCS();
        for (const d of docs) await store.saveDocument(d, ['test']);
        await assertRollupExact(store, 'spread');
        await assertRangesAsEvents(read, 'spread');
        await raw(store, 'DELETE FROM documents WHERE id = $1', docs[SPREAD.indexOf('2024-02-30')].id);
        await raw(store, 'DELETE FROM documents WHERE id = $1', docs[SPREAD.indexOf('2024-03-01')].id);
        await assertRollupExact(store, 'after deleting two documents');
        await assertRangesAsEvents(read, 'after deleting two documents');
      } finally {
        await store.close();
      }
    });

    test('migration 10 fills the tiers from the events already stored', async () => {
      const where = await b.location();
      let store = await openStore(where);
      for (const d of SPREAD_DOCS()) await store.saveDocument(d, ['test']);
      // Back to a store written before migration 10: no tiers, the step not recorded.
      await raw(store, 'DROP TABLE dyad_months');
      await raw(store, 'DROP TABLE dyad_years');
      await raw(store, 'DELETE FROM schema_migrations WHERE version = 10');
      await store.close();
      store = await openStore(where);
      try {
        await assertRollupExact(store, 'migrated');
        await assertRangesAsEvents((store as Store & { read: StoreReader }).read, 'migrated');
        await raw(store, 'DELETE FROM documents WHERE id = $1', SPREAD_DOCS()[1].id);
        await assertRollupExact(store, 'migrated, then a delete (the new trigger)');
      } finally {
        await store.close();
      }
    });
  });
}
