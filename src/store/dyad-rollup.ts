/**
 * The dyad rollup (migration 7), shared by the SQLite and Postgres stores: events with a head actor and a head
 * recipient counted per (day, actor code, recipient code, type, quad, both countries, both sectors) in `dyad_days`,
 * and the same without the day in `dyad_totals`, so /api/dyads sums rollup rows instead of grouping every event.
 * Countries and sectors are in the key so the country and sector filters read the rollup too. Absent values (no
 * date, no country) are stored as '' because key columns must be NOT NULL for the upsert to find its row.
 * Inserts add a document's counts in its save transaction; a delete trigger on `events` takes them off again.
 */
import type { EventQuery } from './api-reader.js';

/** The key columns of `dyad_totals`, in primary-key order (grouping by actor, recipient, quad reads it in order). */
export const DYAD_KEY = [
  'actor_code',
  'recipient_code',
  'quad',
  'type',
  'actor_country',
  'recipient_country',
  'actor_sector',
  'recipient_sector',
] as const;

/** The value each key column takes from an events row `r` (nullable ones as ''). */
export function dyadValues(r: string): string[] {
  return DYAD_KEY.map((k) =>
    k.endsWith('_code') || k === 'quad' || k === 'type' ? `${r}.${k}` : `coalesce(${r}.${k}, '')`,
  );
}

/**
 * A rollup table: name, key columns in primary-key order, and, for a table with a period column (the first key
 * column), the value it takes from a date expression and whether undated events are left out of it.
 */
export interface RollupTable {
  table: string;
  key: readonly string[];
  period?: (date: string) => string;
  datedOnly?: boolean;
}

/** The rollup tables of migration 7: daily (undated events under day '') and in total. */
export const DYAD_TABLES: readonly RollupTable[] = [
  { table: 'dyad_days', period: (d) => `coalesce(${d}, '')`, key: ['day', ...DYAD_KEY] },
  { table: 'dyad_totals', key: [...DYAD_KEY] },
];

/** Column definitions for one rollup table, given the engine's text and integer types. */
export function tableSql(t: RollupTable, text: string, int: string, suffix: string): string {
  const cols = t.key.map((k) => `  ${k} ${k === 'quad' ? int : text} NOT NULL,`).join('\n');
  return `CREATE TABLE ${t.table} (\n${cols}\n  n ${int} NOT NULL,\n  PRIMARY KEY (${t.key.join(', ')})\n)${suffix};`;
}

/**
 * `INSERT … SELECT` of the counts of events matching `where` (over `events e`) into each rollup table, adding to rows
 * that exist. `order` (given the value expressions) sorts the inserted rows (Postgres: so concurrent writers lock shared rows in one order).
 */
export function dyadUpserts(
  where: string,
  order: (values: string[]) => string = () => '',
  tables: readonly RollupTable[] = DYAD_TABLES,
): string[] {
  return tables.map((t) => {
    const values = [...(t.period ? [t.period('e.date')] : []), ...dyadValues('e')];
    const groups = values.map((_, i) => i + 1).join(', ');
    const dated = t.datedOnly ? ' AND e.date IS NOT NULL' : '';
    return `INSERT INTO ${t.table} (${t.key.join(', ')}, n)
      SELECT ${values.join(', ')}, count(*) FROM events e
      WHERE ${where} AND e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL${dated}
      GROUP BY ${groups} ${order(values)}
      ON CONFLICT (${t.key.join(', ')}) DO UPDATE SET n = ${t.table}.n + excluded.n`;
  });
}

/**
 * For a trigger body: take the deleted events row `OLD` off each rollup table (and drop rows that reach zero). An
 * undated row matches no row of a dated-only table (its period value is null).
 */
export function forgetSql(tables: readonly RollupTable[] = DYAD_TABLES): string {
  return tables
    .map((t) => {
      const values = [...(t.period ? [t.period('OLD.date')] : []), ...dyadValues('OLD')];
      const match = t.key.map((k, i) => `${k} = ${values[i]}`).join(' AND ');
      return `  UPDATE ${t.table} SET n = n - 1 WHERE ${match};\n  DELETE FROM ${t.table} WHERE n <= 0 AND ${match};`;
    })
    .join('\n');
}

/** Rows with a head actor and recipient only. */
export const HAS_DYAD = 'OLD.actor_code IS NOT NULL AND OLD.recipient_code IS NOT NULL';

/** SQLite migration 7: the tables, backfilled from the events already stored, and the delete trigger. */
export function sqliteDyadMigration(): string {
  return [
    ...DYAD_TABLES.map((t) => tableSql(t, 'TEXT', 'INTEGER', ' WITHOUT ROWID')),
    // Covering indexes: an actor filter reads a range in day order, a split by type groups the totals in order.
    'CREATE INDEX dyad_days_actor ON dyad_days(actor_code, day, n);',
    'CREATE INDEX dyad_totals_type ON dyad_totals(actor_code, recipient_code, type, n);',
    ...dyadUpserts('1').map((s) => s + ';'),
    `CREATE TRIGGER events_dyads_forget AFTER DELETE ON events WHEN ${HAS_DYAD} BEGIN\n${forgetSql()}\nEND;`,
  ].join('\n');
}

/** Postgres migration 7: the same tables, backfill and trigger (a plpgsql function). */
export function pgDyadMigration(): string {
  return [
    ...DYAD_TABLES.map((t) => tableSql(t, 'text', 'integer', '')),
    'CREATE INDEX dyad_days_actor ON dyad_days(actor_code COLLATE "C", day);',
    ...dyadUpserts('TRUE').map((s) => s + ';'),
    `CREATE FUNCTION events_dyads_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ${HAS_DYAD} THEN
${forgetSql()}
  END IF;
  RETURN NULL;
END $$;`,
    'CREATE TRIGGER events_dyads_forget AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_dyads_forget();',
  ].join('\n');
}

/** True when every filter set is one the rollup keeps (dates, head codes, countries, sectors, type, quad). */
export function dyadRollupOnly(q: EventQuery): boolean {
  const kept = ['since', 'until', 'actor', 'recipient', 'party', 'country', 'sector', 'type', 'quad'];
  return Object.entries(q).every(
    ([k, v]) => v === undefined || kept.includes(k) || (k === 'minArticles' && (v as number) <= 1),
  );
}

/** The rollup table a query reads: the daily one when it has a date bound, else the totals. */
export function dyadTable(q: EventQuery): 'dyad_days' | 'dyad_totals' {
  return q.since || q.until ? 'dyad_days' : 'dyad_totals';
}
