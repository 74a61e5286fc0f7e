/**
 * The write side of the Postgres read model (migrations 4 and 6), as SqliteApiReader.index keeps SQLite's: each
 * events row carries its head actor's and recipient's code, country and sector and its sentence tone; each event's
 * sentence words go into events_fts; event_days counts events per day, type and quad.
 */
import type pg from 'pg';
import type { Doc } from '../doc/index.js';
import { mentionsById, readColumns } from './api-rows.js';
import type { TableRows } from './rows.js';
import { searchWords, tsvectorLiteral } from './search-words.js';
import { dyadUpserts } from './dyad-rollup.js';
import { tierTables } from './dyad-tiers.js';

const TIERS = tierTables('pg');

/** The read columns appended to every events row, in this order. */
const READ_COLUMNS = [
  'actor_code',
  'actor_country',
  'actor_sector',
  'recipient_code',
  'recipient_country',
  'recipient_sector',
  'tone',
] as const;

/** The events table rows (from documentTables, one per event in layer order) with the read columns appended. */
export function withReadColumns(events: TableRows, doc: Doc): TableRows {
  const mentions = mentionsById(doc);
  const list = doc.layers.events ?? [];
  const rows = events.rows.map((row, i) => [...row, ...readColumns(doc, list[i], mentions)]);
  return { table: events.table, columns: [...events.columns, ...READ_COLUMNS], rows };
}

/**
 * After the document's events are inserted (same transaction): their sentence words, and the daily counts. The
 * counts are upserted in key order so two writers lock shared day rows in one order; the caller holds GROUPS_LOCK,
 * so writers do not wait on each other's day rows outside it.
 */
export async function indexDocument(c: pg.PoolClient, doc: Doc): Promise<void> {
  const events = doc.layers.events ?? [];
  if (!events.length) return;
  const sentences = doc.layers.sentences ?? [];
  const ids: string[] = [];
  const words: string[] = [];
  for (const e of events) {
    const s = sentences[e.sentence];
    if (!s) continue;
    ids.push(e.id);
    words.push(tsvectorLiteral(searchWords(doc.text.slice(s.start, s.end))));
  }
  if (ids.length) {
    await c.query(
      `INSERT INTO events_fts (rowid, words) SELECT e.rowid, x.w::tsvector
       FROM unnest($2::text[], $3::text[]) AS x(id, w) JOIN events e ON e.doc_id = $1 AND e.id = x.id`,
      [doc.id, ids, words],
    );
  }
  await c.query(
    `INSERT INTO event_days (day, type, quad, n, tone_sum, tone_n)
     SELECT date, type, quad, count(*), coalesce(sum(tone), 0), count(tone) FROM events
     WHERE doc_id = $1 AND date IS NOT NULL GROUP BY date, type, quad
     ORDER BY date COLLATE "C", type COLLATE "C", quad
     ON CONFLICT (day, type, quad) DO UPDATE SET n = event_days.n + excluded.n,
       tone_sum = event_days.tone_sum + excluded.tone_sum, tone_n = event_days.tone_n + excluded.tone_n`,
    [doc.id],
  );
  // Key order (byte order for text), as for event_days.
  const keyOrder = (values: string[]) =>
    'ORDER BY ' + values.map((v) => (v === 'e.quad' ? v : `${v} COLLATE "C"`)).join(', ');
  for (const sql of [...dyadUpserts('e.doc_id = $1', keyOrder), ...dyadUpserts('e.doc_id = $1', keyOrder, TIERS)])
    await c.query(sql, [doc.id]);
}
