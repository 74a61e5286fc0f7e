/** Event rows as {@link StoredEvent}s, and keyset (cursor) pages over them in any {@link EventSort} order. */
import type Database from 'better-sqlite3';
import type { EventPage, EventQuery, EventSort } from './api-reader.js';
import { cursorPage, decode } from './api-rows.js';
import type { StoredEvent } from './store.js';
import type { Row } from './sqlite-rows.js';
import { eventWhere, ftsQuery } from './sqlite-api-where.js';
import { eventSelect, type SqliteReader } from './sqlite-read.js';

type RecordRow = Parameters<SqliteReader['record']>[0];

/** A raw row and the event record made from it. */
export interface EventRow {
  row: Row;
  event: StoredEvent;
}

/**
 * Events matching `where` in `order`, at most `limit`, as the one event record (src/record, via the store's own
 * reader, so the API, `dateline query` and the exports print the same shape). Rows also carry `rid` (the rowid,
 * for cursors) and `sentence_index`.
 */
export function eventRows(
  db: Database.Database,
  records: SqliteReader,
  where: string,
  params: unknown[],
  order: string,
  limit: number,
): EventRow[] {
  const rows = db
    .prepare(`${eventSelect('e.rowid AS rid, e.sentence AS sentence_index, ')} WHERE ${where} ${order} LIMIT ?`)
    .all(...params, limit) as Row[];
  return rows.map((row) => ({ row, event: records.record(row as unknown as RecordRow) }));
}

/**
 * From this many matching sentences on, a page with search words walks the sort order (eventWhere's `walk`); below
 * it, SQLite's own plan (look up the matches, sort them) is the fast one. At 1M events, looking up a match costs
 * ~1.4 µs and walking to a page of two common words plus a country ~18 ms, so they meet near 10k; counting the
 * matches up to 5,000 costs ~1 ms.
 */
export const WALK_MATCHES = 5000;

/** True when the query's search words match at least `min` sentences (counted no further than that). */
function manyMatches(db: Database.Database, q: EventQuery, min: number): boolean {
  const m = q.q === undefined ? null : ftsQuery(q.q);
  if (!m) return false;
  const n = db
    .prepare('SELECT count(*) n FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?)')
    .get(m, min) as { n: number };
  return n.n >= min;
}

/**
 * A page in `sort` order after `cursor`. Keyset paging on (value, rowid) so every page is an index range, however deep;
 * dates can be null, so a date sort reads the null section (first ascending, last descending) apart from the rest.
 */
export function eventsAfter(
  db: Database.Database,
  records: SqliteReader,
  q: EventQuery,
  sort: EventSort,
  limit: number,
  cursor?: string,
  walkMatches = WALK_MATCHES,
): EventPage {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const col = `e.${field}`;
  const nullable = field === 'date';
  const sections: (0 | 1)[] = nullable ? (desc ? [0, 1] : [1, 0]) : [0];
  const cur = cursor ? decode(cursor, sort) : null;
  const first = cur ? Math.max(0, sections.indexOf(cur.n)) : 0;
  const w = eventWhere(q, { walk: manyMatches(db, q, walkMatches) });
  const dir = desc ? 'DESC' : 'ASC';
  const cmp = desc ? '<' : '>';
  const out: EventRow[] = [];
  for (let i = first; i < sections.length && out.length <= limit; i++) {
    const isNull = sections[i] === 1;
    const c = [w.sql];
    const p = [...w.params];
    // A date bound already excludes undated rows; saying NOT NULL as well steers SQLite off the date index
    // (bench:api at 1M, actor + one year: 11 ms with it, under 1 ms without).
    const bounded = q.since !== undefined || q.until !== undefined;
    if (nullable && (isNull || !bounded)) c.push(`${col} IS ${isNull ? '' : 'NOT '}NULL`);
    if (cur && i === first) {
      c.push(isNull ? `e.rowid ${cmp} ?` : `(${col}, e.rowid) ${cmp} (?, ?)`);
      p.push(...(isNull ? [cur.r] : [cur.v, cur.r]));
    }
    const order = isNull ? `ORDER BY e.rowid ${dir}` : `ORDER BY ${col} ${dir}, e.rowid ${dir}`;
    const n = limit + 1 - out.length;
    // The page's rowids first, then their full rows: sorting narrow (value, rowid) pairs instead of whole records
    // (bench:api at 1M, party + quad by confidence: 116 ms → 30 ms). The order is total, so the page is the same.
    const page = `e.rowid IN (SELECT e.rowid FROM events e WHERE ${c.join(' AND ')} ${order} LIMIT ?)`;
    out.push(...eventRows(db, records, page, [...p, n], order, n));
  }
  return cursorPage(out, limit, sort, field, (row) => row.rid as number);
}
