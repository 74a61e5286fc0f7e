/** Postgres event rows as records, and keyset (cursor) pages over them — the twin of sqlite-api-events.ts. */
import type pg from 'pg';
import type { EventPage, EventQuery, EventSort } from './api-reader.js';
import type { StoredEvent } from './store.js';
import { ARGS_SQL, PG_EVENT_SELECT, storedEvents, type Row } from './rows.js';
import { Params, pgEventWhere } from './postgres-read-where.js';
import { cursorPage, decode } from './api-rows.js';

/** A raw row and the event record made from it. */
export interface PgEventRow {
  row: Row;
  event: StoredEvent;
}

/** Events matching `where` (over `e`, parameters in `p`) in `order`, at most `limit`, as the one event record. */
export async function pgEventRows(
  db: pg.Pool,
  where: string,
  p: Params,
  order: string,
  limit: number,
): Promise<PgEventRow[]> {
  const rows = (await db.query(`${PG_EVENT_SELECT} WHERE ${where} ${order} LIMIT ${p.add(limit)}`, p.list))
    .rows as Row[];
  if (!rows.length) return [];
  const docIds = [...new Set(rows.map((r) => r.doc_id as string))];
  const args = (await db.query(`${ARGS_SQL} WHERE a.doc_id = ANY($1) ORDER BY a.role, a.position`, [docIds]))
    .rows as Row[];
  const events = storedEvents(rows, args);
  return rows.map((row, i) => ({ row, event: events[i] }));
}

/**
 * A page in `sort` order after `cursor`: keyset paging on (value, rowid), the null-date section apart (first
 * ascending, last descending), with SQLite's cursor form — the same pages as SQLite's reader over the same rows.
 */
export async function pgEventsAfter(
  db: pg.Pool,
  q: EventQuery,
  sort: EventSort,
  limit: number,
  cursor?: string,
): Promise<EventPage> {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const nullable = field === 'date';
  const col = nullable ? 'e.date COLLATE "C"' : `e.${field}`;
  const sections: (0 | 1)[] = nullable ? (desc ? [0, 1] : [1, 0]) : [0];
  const cur = cursor ? decode(cursor, sort) : null;
  const first = cur ? Math.max(0, sections.indexOf(cur.n)) : 0;
  const dir = desc ? 'DESC' : 'ASC';
  const cmp = desc ? '<' : '>';
  const out: PgEventRow[] = [];
  for (let i = first; i < sections.length && out.length <= limit; i++) {
    const isNull = sections[i] === 1;
    const p = new Params();
    const c = [pgEventWhere(q, p)];
    if (nullable) c.push(`e.date IS ${isNull ? '' : 'NOT '}NULL`);
    if (cur && i === first) {
      c.push(isNull ? `e.rowid ${cmp} ${p.add(cur.r)}` : `(${col}, e.rowid) ${cmp} (${p.add(cur.v)}, ${p.add(cur.r)})`);
    }
    const order = isNull ? `ORDER BY e.rowid ${dir}` : `ORDER BY ${col} ${dir}, e.rowid ${dir}`;
    out.push(...(await pgEventRows(db, c.join(' AND '), p, order, limit + 1 - out.length)));
  }
  return cursorPage(out, limit, sort, field, (row) => Number(row.rowid));
}
