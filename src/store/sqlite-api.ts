/** The SQLite read model: the {@link StoreReader} queries, and the per-document indexing migration 4's tables need. */
import type Database from 'better-sqlite3';
import type { Doc } from '../doc/index.js';
import { decodeLayer } from './codec.js';
import { eventSpans, mentionsById, quotesFromRows, readColumns } from './api-rows.js';
import { BadCursor } from './api-reader.js';
import type {
  ActorCount,
  CountryCount,
  Dyad,
  EventPage,
  EventPoint,
  EventQuery,
  EventSort,
  SeriesPoint,
  SpanOut,
  StoreReader,
  DocumentView,
  StoredQuote,
} from './api-reader.js';
import type { Row } from './sqlite-rows.js';
import { eventRows, eventsAfter } from './sqlite-api-events.js';
import { dyadWhere, eventWhere, periodExpr, rollupOnly, rollupWhere } from './sqlite-api-where.js';
import { dyadRollupOnly, dyadTable, dyadUpserts } from './dyad-rollup.js';
import { segmentSql, tierQuery, tierSegments, tierTables, type Segment } from './dyad-tiers.js';
import { SqliteReader } from './sqlite-read.js';

/** Reads for the API, and the write-side upkeep of the read columns, FTS and daily rollup. */
export class SqliteApiReader implements StoreReader {
  private readonly setHead: Database.Statement;
  private readonly addFts: Database.Statement;
  private readonly addDays: Database.Statement;
  private readonly addDyads: Database.Statement[];
  /** Builds the event records (the store's own reader: one record shape everywhere). */
  private readonly records: SqliteReader;

  constructor(private readonly db: Database.Database) {
    this.records = new SqliteReader(db);
    this.setHead = db.prepare(`UPDATE events SET actor_code = ?, actor_country = ?, actor_sector = ?,
      recipient_code = ?, recipient_country = ?, recipient_sector = ?, tone = ? WHERE doc_id = ? AND id = ?`);
    this.addFts = db.prepare(
      'INSERT INTO events_fts (rowid, sentence) SELECT rowid, ? FROM events WHERE doc_id = ? AND id = ?',
    );
    this.addDays = db.prepare(`INSERT INTO event_days (day, type, quad, n, tone_sum, tone_n)
      SELECT date, type, quad, count(*), coalesce(sum(tone), 0), count(tone) FROM events
      WHERE doc_id = ? AND date IS NOT NULL GROUP BY date, type, quad
      ON CONFLICT (day, type, quad) DO UPDATE SET n = n + excluded.n, tone_sum = tone_sum + excluded.tone_sum,
        tone_n = tone_n + excluded.tone_n`);
    this.addDyads = [
      ...dyadUpserts('e.doc_id = ?'),
      ...dyadUpserts('e.doc_id = ?', undefined, tierTables('sqlite')),
    ].map((sql) => db.prepare(sql));
  }

  /** Fill the read columns, sentence index, daily counts and dyad rollup for a document just written (same transaction). */
  index(doc: Doc): void {
    const events = doc.layers.events ?? [];
    if (!events.length) return;
    const mentions = mentionsById(doc);
    const sentences = doc.layers.sentences ?? [];
    for (const e of events) {
      this.setHead.run(...readColumns(doc, e, mentions), doc.id, e.id);
      const s = sentences[e.sentence];
      if (s) this.addFts.run(doc.text.slice(s.start, s.end), doc.id, e.id);
    }
    this.addDays.run(doc.id);
    for (const st of this.addDyads) st.run(doc.id);
  }

  async eventPage(q: EventQuery, sort: EventSort, limit: number, cursor?: string): Promise<EventPage> {
    return eventsAfter(this.db, this.records, q, sort, limit, cursor);
  }

  async dyads(q: EventQuery, by: 'type' | 'quad', limit: number): Promise<Dyad[]> {
    const segments = dyadRollupOnly(q) && tierQuery(q) ? tierSegments(q.since, q.until) : null;
    if (segments) return this.tierDyads(q, by, limit, segments);
    const fromRollup = dyadRollupOnly(q);
    const w = fromRollup ? dyadWhere(q) : eventWhere(q, { selective: true });
    const sql = fromRollup
      ? `SELECT d.actor_code actor, d.recipient_code recipient, d.${by} key, sum(d.n) n FROM ${dyadTable(q)} d
         WHERE ${w.sql} GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?`
      : `SELECT e.actor_code actor, e.recipient_code recipient, e.${by} key, count(*) n FROM events e
         WHERE ${w.sql} AND e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL
         GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?`;
    const rows = this.db.prepare(sql).all(...w.params, limit) as Dyad[];
    return rows.map((r) => ({ ...r, key: String(r.key) }));
  }

  /**
   * Dyads over a date range from the month and year tiers (dyad-tiers.ts) and dyad_days for the edges. One part (a
   * single year, say) is grouped as it is read, in key order; several are summed together.
   */
  private tierDyads(q: EventQuery, by: 'type' | 'quad', limit: number, segments: Segment[]): Dyad[] {
    const party = dyadWhere({ ...q, since: undefined, until: undefined });
    const parts: { sql: string; params: unknown[] }[] = [];
    for (const seg of segments) {
      const params: unknown[] = [];
      const bounds = segmentSql(seg, (v) => (params.push(v), '?'));
      if (seg.odd && !this.db.prepare(`SELECT 1 FROM ${seg.table} d WHERE ${bounds} LIMIT 1`).get(...params)) continue;
      parts.push({ sql: `FROM ${seg.table} d WHERE ${bounds} AND ${party.sql}`, params: [...params, ...party.params] });
    }
    const cols = `d.actor_code actor, d.recipient_code recipient, d.${by} key`;
    const sql =
      parts.length === 1
        ? `SELECT ${cols}, sum(d.n) n ${parts[0].sql} GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?`
        : `SELECT actor, recipient, key, sum(n) n FROM (${parts.map((x) => `SELECT ${cols}, d.n n ${x.sql}`).join(' UNION ALL ')})
           GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?`;
    const rows = this.db.prepare(sql).all(...parts.flatMap((x) => x.params), limit) as Dyad[];
    return rows.map((r) => ({ ...r, key: String(r.key) }));
  }

  async series(q: EventQuery, interval: 'day' | 'week' | 'month', by: 'type' | 'quad'): Promise<SeriesPoint[]> {
    const fromRollup = rollupOnly(q);
    const w = fromRollup ? rollupWhere(q) : eventWhere(q, { selective: true });
    const sql = fromRollup
      ? `SELECT ${periodExpr('d.day', interval)} period, d.${by} key, sum(d.n) n,
           sum(d.tone_sum) / nullif(sum(d.tone_n), 0) tone FROM event_days d WHERE ${w.sql} GROUP BY 1, 2 ORDER BY 1, 2`
      : `SELECT ${periodExpr('e.date', interval)} period, e.${by} key, count(*) n, avg(e.tone) tone FROM events e
           WHERE ${w.sql} AND e.date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`;
    const rows = this.db.prepare(sql).all(...w.params) as SeriesPoint[];
    return rows.map((r) => ({ ...r, key: String(r.key) }));
  }

  async actors(prefix: string, limit: number): Promise<ActorCount[]> {
    const p = prefix.toUpperCase();
    const side = (col: string) =>
      `SELECT ${col} code, count(*) n FROM events WHERE ${col} >= ? AND ${col} < ? GROUP BY ${col}`;
    const rows = this.db
      .prepare(
        `WITH a AS (${side('actor_code')}), r AS (${side('recipient_code')}),
         codes AS (SELECT code FROM a UNION SELECT code FROM r)
         SELECT c.code, coalesce(a.n, 0) asActor, coalesce(r.n, 0) asRecipient,
           (SELECT name FROM mentions m WHERE m.code = c.code LIMIT 1) name,
           (SELECT country FROM mentions m WHERE m.code = c.code LIMIT 1) country
         FROM codes c LEFT JOIN a ON a.code = c.code LEFT JOIN r ON r.code = c.code
         ORDER BY coalesce(a.n, 0) + coalesce(r.n, 0) DESC, c.code LIMIT ?`,
      )
      .all(p, p + '\uffff', p, p + '\uffff', limit) as ActorCount[];
    return rows;
  }

  async countries(q: EventQuery, side: 'actor' | 'recipient'): Promise<CountryCount[]> {
    const w = eventWhere(q, { selective: true });
    const col = `e.${side}_country`;
    return this.db
      .prepare(
        `SELECT ${col} country, count(*) n FROM events e WHERE ${w.sql} AND ${col} IS NOT NULL
         GROUP BY 1 ORDER BY n DESC, 1`,
      )
      .all(...w.params) as CountryCount[];
  }

  async points(q: EventQuery, limit: number): Promise<EventPoint[]> {
    const w = eventWhere(q);
    const rows = this.db
      .prepare(
        `SELECT e.doc_id, e.id, e.type, e.quad, json_extract(e.place, '$.lat') lat, json_extract(e.place, '$.lon') lon,
           json_extract(e.place, '$.text') place FROM events e
         WHERE ${w.sql} AND e.place IS NOT NULL AND json_extract(e.place, '$.lat') IS NOT NULL ORDER BY e.rowid LIMIT ?`,
      )
      .all(...w.params, limit) as Row[];
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
    const d = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Row | undefined;
    if (!d) return null;
    const layer = (name: 'blocks' | 'sentences' | 'entities') => {
      const row = this.db.prepare('SELECT data FROM layers WHERE doc_id = ? AND name = ?').get(id, name) as
        { data: string } | undefined;
      return row ? (decodeLayer(name, row.data) as SpanOut[]) : [];
    };
    return {
      id,
      source: d.source as string,
      url: (d.url as string) ?? (d.canonical_url as string) ?? null,
      title: (d.title as string) ?? null,
      published: (d.published as string) ?? null,
      status: d.status as string,
      language: (d.language as string) ?? null,
      tone: (d.tone as number) ?? null,
      text: d.text as string,
      bodyEnd: d.body_end as number,
      layers: {
        blocks: layer('blocks'),
        sentences: layer('sentences'),
        entities: layer('entities'),
        mentions: this.docMentions(id),
        quotes: this.docQuotes(id),
        events: this.docEvents(id),
      },
    };
  }

  private docMentions(id: string): SpanOut[] {
    const rows = this.db
      .prepare(
        `SELECT id, start, end, text, name, country, sector, code, kind, confidence, antecedent
         FROM mentions WHERE doc_id = ? ORDER BY start`,
      )
      .all(id) as SpanOut[];
    return rows.map((r) => ({ ...r, antecedent: r.antecedent ?? null }));
  }

  private docQuotes(id: string): SpanOut[] {
    const rows = this.db.prepare('SELECT * FROM quotes WHERE doc_id = ? ORDER BY content_start').all(id) as Row[];
    const span = (r: Row, k: string) =>
      r[k + '_start'] === null ? null : { start: r[k + '_start'] as number, end: r[k + '_end'] as number };
    return rows.map((r) => ({
      id: r.id as string,
      start: r.content_start as number,
      end: r.content_end as number,
      cue: span(r, 'cue'),
      source: span(r, 'source'),
      speaker: (r.speaker as string) ?? null,
      direct: r.direct === 1,
      tone: (r.tone as number) ?? null,
    }));
  }

  private docEvents(id: string): SpanOut[] {
    const rows = eventRows(this.db, this.records, 'e.doc_id = ?', [id], 'ORDER BY e.sentence, e.trigger_start', 10_000);
    const args = this.db
      .prepare('SELECT event_id, role, mention_id FROM event_args WHERE doc_id = ? ORDER BY position')
      .all(id) as Row[];
    return eventSpans(rows, args, (row) => row.sentence_index as number);
  }

  async quotes(f: { doc?: string; speaker?: string; q?: string }, limit: number): Promise<StoredQuote[]> {
    const c: string[] = [];
    const p: unknown[] = [];
    if (f.doc) {
      c.push('q.doc_id = ?');
      p.push(f.doc);
    }
    if (f.speaker) {
      c.push('(m.code >= ? AND m.code < ?)');
      p.push(f.speaker.toUpperCase(), f.speaker.toUpperCase() + '\uffff');
    }
    const rows = this.db
      .prepare(
        `SELECT q.*, d.text doc_text, d.published, m.text, m.name, m.country, m.sector, m.code FROM quotes q
         JOIN documents d ON d.id = q.doc_id LEFT JOIN mentions m ON m.doc_id = q.doc_id AND m.id = q.speaker
         WHERE ${c.length ? c.join(' AND ') : '1'} ORDER BY d.published, q.doc_id, q.content_start`,
      )
      .all(...p) as Row[];
    return quotesFromRows(rows, f.q, limit);
  }
}

export { BadCursor };
