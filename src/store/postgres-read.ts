/**
 * The Postgres read model: the {@link StoreReader} queries the HTTP API asks, answering as SqliteApiReader does over
 * the same rows (the reader contract test, reader.case.test.ts, serves both and compares every endpoint). The
 * writer side (read columns, search words, daily counts) is postgres-read-index.ts.
 */
import type pg from 'pg';
import type {
  ActorCount,
  CountryCount,
  DocumentView,
  Dyad,
  EventPage,
  EventPoint,
  EventQuery,
  EventSort,
  SeriesPoint,
  StoreReader,
  StoredQuote,
} from './api-reader.js';
import { pgDocument } from './postgres-read-doc.js';
import { pgEventsAfter } from './postgres-read-events.js';
import { Params, pgDyadWhere, pgEventWhere, pgPeriodExpr, pgRollupWhere } from './postgres-read-where.js';
import { dyadRollupOnly, dyadTable } from './dyad-rollup.js';
import { segmentSql, tierQuery, tierSegments, type Segment } from './dyad-tiers.js';
import type { Row } from './rows.js';
import { rollupOnly } from './sqlite-api-where.js';

import { num, quotesFromRows } from './api-rows.js';

/** Reads for the API over a Postgres pool. */
export class PostgresReader implements StoreReader {
  constructor(private readonly db: pg.Pool) {}

  private async all(sql: string, p: Params): Promise<Row[]> {
    return (await this.db.query(sql, p.list)).rows as Row[];
  }

  async eventPage(q: EventQuery, sort: EventSort, limit: number, cursor?: string): Promise<EventPage> {
    return pgEventsAfter(this.db, q, sort, limit, cursor);
  }

  async dyads(q: EventQuery, by: 'type' | 'quad', limit: number): Promise<Dyad[]> {
    const segments = dyadRollupOnly(q) && tierQuery(q) ? tierSegments(q.since, q.until) : null;
    const p = new Params();
    if (segments) return this.dyadRows(this.tierSql(q, by, limit, segments, p), p);
    const order = (t: string) => `n DESC, ${t}.actor_code COLLATE "C", ${t}.recipient_code COLLATE "C", ${t}.${by}`;
    const sql = dyadRollupOnly(q)
      ? `SELECT d.actor_code actor, d.recipient_code recipient, d.${by} key, sum(d.n) n FROM ${dyadTable(q)} d
         WHERE ${pgDyadWhere(q, p)} GROUP BY 1, 2, 3 ORDER BY ${order('d')} LIMIT ${p.add(limit)}`
      : `SELECT e.actor_code actor, e.recipient_code recipient, e.${by} key, count(*) n FROM events e
         WHERE ${pgEventWhere(q, p)} AND e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL
         GROUP BY 1, 2, 3 ORDER BY ${order('e')} LIMIT ${p.add(limit)}`;
    return this.dyadRows(sql, p);
  }

  private async dyadRows(sql: string, p: Params): Promise<Dyad[]> {
    const rows = await this.all(sql, p);
    return rows.map((r) => ({
      actor: r.actor as string,
      recipient: r.recipient as string,
      key: String(r.key),
      n: Number(r.n),
    }));
  }

  /** Dyads over a date range from the month and year tiers and dyad_days for the edges (dyad-tiers.ts). */
  private tierSql(q: EventQuery, by: 'type' | 'quad', limit: number, segments: Segment[], p: Params): string {
    const parts = segments.map((seg) => {
      const bounds = segmentSql(seg, (v) => p.add(v), ' COLLATE "C"');
      const party = pgDyadWhere({ ...q, since: undefined, until: undefined }, p);
      return `SELECT d.actor_code actor, d.recipient_code recipient, d.${by} key, d.n FROM ${seg.table} d
        WHERE ${bounds} AND ${party}`;
    });
    return `SELECT actor, recipient, key, sum(n) n FROM (${parts.join(' UNION ALL ')}) x GROUP BY 1, 2, 3
      ORDER BY n DESC, actor COLLATE "C", recipient COLLATE "C", key LIMIT ${p.add(limit)}`;
  }

  async series(q: EventQuery, interval: 'day' | 'week' | 'month', by: 'type' | 'quad'): Promise<SeriesPoint[]> {
    const p = new Params();
    // Output columns in byte order (ORDER BY 1, 2 then sorts as SQLite does, whatever the database's collation).
    const key = (t: string) => (by === 'type' ? `${t}.type COLLATE "C"` : `${t}.quad`);
    const sql = rollupOnly(q)
      ? `SELECT (${pgPeriodExpr('d.day', interval)}) COLLATE "C" period, ${key('d')} key, sum(d.n) n,
           sum(d.tone_sum) / nullif(sum(d.tone_n), 0) tone FROM event_days d WHERE ${pgRollupWhere(q, p)}
           GROUP BY 1, 2 ORDER BY 1, 2`
      : `SELECT (${pgPeriodExpr('e.date', interval)}) COLLATE "C" period, ${key('e')} key, count(*) n,
           avg(e.tone) tone FROM events e WHERE ${pgEventWhere(q, p)} AND e.date IS NOT NULL
           GROUP BY 1, 2 ORDER BY 1, 2`;
    const rows = await this.all(sql, p);
    return rows.map((r) => ({ period: r.period as string, key: String(r.key), n: Number(r.n), tone: num(r.tone) }));
  }

  async actors(prefix: string, limit: number): Promise<ActorCount[]> {
    const p = new Params();
    const lo = p.add(prefix.toUpperCase());
    const hi = p.add(prefix.toUpperCase() + '\uffff');
    const side = (col: string) =>
      `SELECT ${col} code, count(*) n FROM events WHERE ${col} COLLATE "C" >= ${lo} AND ${col} COLLATE "C" < ${hi}
       GROUP BY ${col}`;
    const rows = await this.all(
      `WITH a AS (${side('actor_code')}), r AS (${side('recipient_code')}),
       codes AS (SELECT code FROM a UNION SELECT code FROM r)
       SELECT c.code, coalesce(a.n, 0) "asActor", coalesce(r.n, 0) "asRecipient",
         (SELECT name FROM mentions m WHERE m.code = c.code LIMIT 1) name,
         (SELECT country FROM mentions m WHERE m.code = c.code LIMIT 1) country
       FROM codes c LEFT JOIN a ON a.code = c.code LEFT JOIN r ON r.code = c.code
       ORDER BY coalesce(a.n, 0) + coalesce(r.n, 0) DESC, c.code COLLATE "C" LIMIT ${p.add(limit)}`,
      p,
    );
    return rows.map((r) => ({
      code: r.code as string,
      asActor: Number(r.asActor),
      asRecipient: Number(r.asRecipient),
      name: (r.name as string) ?? null,
      country: (r.country as string) ?? null,
    }));
  }

  async countries(q: EventQuery, side: 'actor' | 'recipient'): Promise<CountryCount[]> {
    const p = new Params();
    const col = `e.${side}_country`;
    const rows = await this.all(
      `SELECT ${col} country, count(*) n FROM events e WHERE ${pgEventWhere(q, p)} AND ${col} IS NOT NULL
       GROUP BY 1 ORDER BY n DESC, ${col} COLLATE "C"`,
      p,
    );
    return rows.map((r) => ({ country: r.country as string, n: Number(r.n) }));
  }

  async points(q: EventQuery, limit: number): Promise<EventPoint[]> {
    const p = new Params();
    const rows = await this.all(
      `SELECT e.doc_id, e.id, e.type, e.quad, (e.place::jsonb ->> 'lat')::double precision lat,
         (e.place::jsonb ->> 'lon')::double precision lon, e.place::jsonb ->> 'text' place FROM events e
       WHERE ${pgEventWhere(q, p)} AND e.place IS NOT NULL AND e.place::jsonb ->> 'lat' IS NOT NULL
       ORDER BY e.rowid LIMIT ${p.add(limit)}`,
      p,
    );
    return rows.map((r) => ({
      id: `${r.doc_id}:${r.id}`,
      lat: r.lat as number,
      lon: r.lon as number,
      place: r.place as string,
      type: r.type as string,
      quad: r.quad as number,
    }));
  }

  async document(id: string): Promise<DocumentView | null> {
    return pgDocument(this.db, id);
  }

  async quotes(f: { doc?: string; speaker?: string; q?: string }, limit: number): Promise<StoredQuote[]> {
    const p = new Params();
    const c: string[] = [];
    if (f.doc) c.push(`q.doc_id = ${p.add(f.doc)}`);
    if (f.speaker) {
      const s = f.speaker.toUpperCase();
      c.push(`(m.code COLLATE "C" >= ${p.add(s)} AND m.code COLLATE "C" < ${p.add(s + '\uffff')})`);
    }
    const rows = await this.all(
      `SELECT q.*, d.text doc_text, d.published, m.text, m.name, m.country, m.sector, m.code FROM quotes q
       JOIN documents d ON d.id = q.doc_id LEFT JOIN mentions m ON m.doc_id = q.doc_id AND m.id = q.speaker
       WHERE ${c.length ? c.join(' AND ') : 'TRUE'}
       ORDER BY d.published COLLATE "C" NULLS FIRST, q.doc_id COLLATE "C", q.content_start`,
      p,
    );
    return quotesFromRows(rows, f.q, limit);
  }
}
