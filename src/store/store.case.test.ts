/**
 * The store contract, run against every backend: SQLite, and Postgres on a throwaway server (skipped with a
 * message when Postgres is not installed and CI is not set). Also checks both schemas stay the same.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDoc, type Doc } from '../doc/index.js';
import { MIGRATIONS } from './migrations.js';
import { PG_MIGRATIONS } from './postgres-migrations.js';
import { openStore } from './open.js';
import { backends } from './backends.js';
import type { Store } from './store.js';

/** A hand-built analysed document: two mentions and one CONSULT event between them. */
function sampleDoc(text = 'Hollande met Putin in Moscow on Thursday.', date: string | null = '2015-11-26'): Doc {
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
      date,
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

/** Table → sorted "column nullable" lines of a schema, the form both engines can be compared in. */
type Shape = Record<string, string[]>;

function sqliteShape(): Shape {
  const db = new Database(':memory:');
  for (const m of MIGRATIONS) db.exec(m.sql);
  // events_fts* is SQLite's FTS5 sentence index (a virtual table and its shadow tables), not part of the shared schema.
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'events_fts%'",
    )
    .all();
  const shape: Shape = {};
  for (const { name } of tables as { name: string }[]) {
    const cols = db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; notnull: number; pk: number }[];
    shape[name] = cols.map((c) => `${c.name} ${c.notnull || c.pk ? 'not null' : 'null'}`).sort();
  }
  db.close();
  return shape;
}

async function postgresShape(url: string): Promise<Shape> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const m of PG_MIGRATIONS) await c.query(m.sql);
    const r = await c.query(`SELECT table_name, column_name, is_nullable FROM information_schema.columns
      WHERE table_schema = current_schema()`);
    const shape: Shape = {};
    for (const row of r.rows) {
      // SQLite's implicit rowid and its FTS5 index are, in Postgres, events.rowid and events_fts (migration 6).
      if (row.table_name === 'events_fts' || (row.table_name === 'events' && row.column_name === 'rowid')) continue;
      (shape[row.table_name] ??= []).push(`${row.column_name} ${row.is_nullable === 'YES' ? 'null' : 'not null'}`);
    }
    for (const k of Object.keys(shape)) shape[k].sort();
    return shape;
  } finally {
    await c.end();
  }
}

for (const b of backends()) {
  describe(`store contract: ${b.name}`, { skip: b.skip }, () => {
    before(() => b.start());
    after(() => b.stop());
    const withStore = async (fn: (s: Store, where: string) => Promise<void>) => {
      const where = await b.location();
      const store = await openStore(where);
      try {
        await fn(store, where);
      } finally {
        await store.close();
      }
    };

    test('a document is stored once, with its events joined to their actors', () =>
      withStore(async (store) => {
        assert.equal(store.kind, b.name);
        assert.equal(await store.saveDocument(sampleDoc(), ['test']), true);
        assert.equal(await store.saveDocument(sampleDoc(), ['test']), false, 'same text again is a duplicate');
        assert.equal(await store.hasDocument(sampleDoc().id), true);
        const events = await store.queryEvents({ actor: 'FRA' });
        assert.equal(events.length, 1);
        const e = events[0];
        assert.equal(e.type, 'CONSULT');
        assert.deepEqual(
          e.actor.map((a) => a.code),
          ['FRAGOV'],
        );
        assert.deepEqual(e.recipient, [
          { text: 'Putin', start: 13, end: 18, name: 'Vladimir Putin', country: 'RUS', sector: 'GOV', code: 'RUSGOV' },
        ]);
        assert.equal(e.trigger.text, 'met');
        assert.equal(e.sentence, 'Hollande met Putin in Moscow on Thursday.');
        assert.equal(e.reported_by?.code, 'FRAGOV');
        assert.equal(e.negated, false);
        assert.equal(e.goldstein, 1.9);
        assert.deepEqual(e.contexts, ['diplomatic']);
        assert.equal((await store.queryEvents({ actor: 'USA' })).length, 0);
        assert.equal((await store.queryEvents({ actor: 'rus' })).length, 1, 'a recipient matches, any case');
        for (const wild of ['%', '_RA', 'F%'])
          assert.equal((await store.queryEvents({ actor: wild })).length, 0, `${wild} matches literally`);
        assert.equal(
          (await store.queryEvents({ type: 'consult', since: '2015-11-26', until: '2015-11-26' })).length,
          1,
        );
        assert.equal((await store.queryEvents({ since: '2015-11-27' })).length, 0);
      }));

    test('events come back in one order: undated first, then by date; limit applies', () =>
      withStore(async (store) => {
        await store.saveDocument(sampleDoc('Hollande met Putin in Paris.', '2015-12-01'), ['t']);
        await store.saveDocument(sampleDoc('Hollande met Putin in Minsk.', null), ['t']);
        await store.saveDocument(sampleDoc('Hollande met Putin in Kyiv.', '2015-01-01'), ['t']);
        const dates = (await store.queryEvents({})).map((e) => e.date);
        assert.deepEqual(dates, [null, '2015-01-01', '2015-12-01']);
        assert.equal((await store.queryEvents({ limit: 2 })).length, 2);
      }));

    test('stats count documents, events, mentions and errors', () =>
      withStore(async (store) => {
        await store.saveDocument(sampleDoc(), ['test']);
        await store.saveError({ source: 'bad.html', code: 'empty', stage: 'extract', message: 'no text' });
        // Near-duplicate and cluster counts are optional in the contract (a backend without them omits them).
        const { dup_groups: _g, dup_members: _m, clusters: _c, multi_article_clusters: _x, ...s } = await store.stats();
        assert.deepEqual(
          { ...s },
          {
            documents: 1,
            articles: sampleDoc().meta.status === 'article' ? 1 : 0,
            events: 1,
            mentions: 2,
            quotes: 0,
            errors: 1,
            by_type: { CONSULT: 1 },
            by_status: { [sampleDoc().meta.status]: 1 },
          },
        );
      }));

    test('a document that fails half-way leaves nothing behind', () =>
      withStore(async (store) => {
        const doc = sampleDoc('A different text so the id differs.');
        doc.layers.events!.push({ ...doc.layers.events![0] }); // same event id twice: the second insert fails
        await assert.rejects(store.saveDocument(doc, ['test']));
        const s = await store.stats();
        assert.equal(s.documents, 0);
        assert.equal(s.mentions, 0);
        assert.equal(await store.hasDocument(doc.id), false);
        assert.equal(await store.saveDocument(sampleDoc(), ['test']), true, 'the store is usable after');
      }));

    test('layers round-trip, typed arrays included', () =>
      withStore(async (store) => {
        const doc = sampleDoc();
        doc.layers.sentenceTone = Float32Array.from([0.5]);
        await store.saveDocument(doc, ['test']);
        assert.deepEqual(await store.loadLayer(doc.id, 'blocks'), doc.layers.blocks);
        const tone = await store.loadLayer(doc.id, 'sentenceTone');
        assert.ok(tone instanceof Float32Array);
        assert.equal(tone[0], 0.5);
        assert.equal(await store.loadLayer('nope', 'blocks'), undefined);
      }));

    test('two writers of the same document store it once', () =>
      withStore(async (store, where) => {
        const other = await openStore(where);
        try {
          const saved = await Promise.all([
            store.saveDocument(sampleDoc(), ['a']),
            other.saveDocument(sampleDoc(), ['b']),
          ]);
          assert.deepEqual(saved.filter(Boolean).length, 1);
          assert.equal((await store.stats()).events, 1);
        } finally {
          await other.close();
        }
      }));

    test('reopening migrates nothing and keeps what was stored', () =>
      withStore(async (store, where) => {
        await store.saveDocument(sampleDoc(), ['test']);
        const again = await openStore(where);
        try {
          assert.equal((await again.stats()).documents, 1);
        } finally {
          await again.close();
        }
      }));

    if (b.name === 'postgres') {
      test('the schema has the same tables, columns and nullability as SQLite', async () => {
        assert.deepEqual(await postgresShape(await b.location()), sqliteShape());
      });
    }
  });
}

test('Postgres has the same numbered migrations as SQLite', () => {
  assert.deepEqual(
    PG_MIGRATIONS.map((m) => [m.version, m.name]),
    MIGRATIONS.map((m) => [m.version, m.name]),
    'add every SQLite migration to postgres-migrations.ts too',
  );
  assert.deepEqual(
    MIGRATIONS.map((m) => m.version),
    MIGRATIONS.map((_, i) => i + 1),
    'migrations are numbered 1, 2, 3, … with no gap',
  );
});
