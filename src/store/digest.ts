/**
 * A digest of a SQLite store's content: per table, the row count and a sha256 over its rows in a fixed order, with
 * the clock columns (when a row was written) left out. Two ingests of the same pages must give the same digest
 * whatever their worker count or timing; `bench:pipeline` and the worker tests compare them.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Columns that record when a row was written, not what it says. */
const CLOCK_COLUMNS = new Set(['ingested_at', 'at', 'applied_at', 'fetched_at', 'not_before']);

/** Per table: rows and sha256 of their content. */
export type StoreDigest = Record<string, { rows: number; sha256: string }>;

/** The content digest of every table of `db` (SQLite's own aside). */
export function storeDigest(db: Database.Database): StoreDigest {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: StoreDigest = {};
  for (const t of tables) out[t] = tableDigest(db, t);
  return out;
}

function tableDigest(db: Database.Database, table: string): { rows: number; sha256: string } {
  const cols = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => !CLOCK_COLUMNS.has(c));
  const list = cols.map((c) => `"${c}"`).join(', ');
  const rows = db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all() as unknown[][];
  const h = createHash('sha256');
  for (const r of rows) h.update(JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v))) + '\n');
  return { rows: rows.length, sha256: h.digest('hex') };
}
