/** Event rows as {@link StoredEvent}s, and keyset (cursor) pages over them in any {@link EventSort} order. */
import type Database from 'better-sqlite3';
import { BadCursor, type EventPage, type EventQuery, type EventSort } from './api-reader.js';
import type { StoredEvent } from './store.js';
import type { Row } from './sqlite-rows.js';
import { eventWhere } from './sqlite-api-where.js';
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

/** Where a page ended: the null-date section or not, the sort value and the rowid. */
export interface Cursor {
  s: EventSort;
  n: 0 | 1;
  v: string | number | null;
  r: number;
}

/** Where a page ended, as the opaque cursor string (the Postgres reader issues the same form). */
export const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** Parse a cursor issued for `sort`, or throw {@link BadCursor}. */
export function decode(cursor: string, sort: EventSort): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (c.s === sort && (c.n === 0 || c.n === 1) && Number.isInteger(c.r)) return c;
  } catch {
    // fall through
  }
  throw new BadCursor(`cursor was not issued for sort '${sort}'`);
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
): EventPage {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const col = `e.${field}`;
  const nullable = field === 'date';
  const sections: (0 | 1)[] = nullable ? (desc ? [0, 1] : [1, 0]) : [0];
  const cur = cursor ? decode(cursor, sort) : null;
  const first = cur ? Math.max(0, sections.indexOf(cur.n)) : 0;
  const w = eventWhere(q);
  const dir = desc ? 'DESC' : 'ASC';
  const cmp = desc ? '<' : '>';
  const out: EventRow[] = [];
  for (let i = first; i < sections.length && out.length <= limit; i++) {
    const isNull = sections[i] === 1;
    const c = [w.sql];
    const p = [...w.params];
    if (nullable) c.push(`${col} IS ${isNull ? '' : 'NOT '}NULL`);
    if (cur && i === first) {
      c.push(isNull ? `e.rowid ${cmp} ?` : `(${col}, e.rowid) ${cmp} (?, ?)`);
      p.push(...(isNull ? [cur.r] : [cur.v, cur.r]));
    }
    const order = isNull ? `ORDER BY e.rowid ${dir}` : `ORDER BY ${col} ${dir}, e.rowid ${dir}`;
    out.push(...eventRows(db, records, c.join(' AND '), p, order, limit + 1 - out.length));
  }
  const more = out.length > limit;
  const page = out.slice(0, limit);
  const last = page[page.length - 1];
  const next =
    more && last
      ? encode({
          s: sort,
          n: last.row[field] === null ? 1 : 0,
          v: last.row[field] as string,
          r: last.row.rid as number,
        })
      : null;
  return { events: page.map((x) => x.event), next };
}
