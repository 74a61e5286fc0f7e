/** Reading the SQLite store: event records (streamed), cluster representatives, documents, counts. */
import type Database from 'better-sqlite3';
import { recordFromRow, type EventOut, type EventRow } from '../record/index.js';
import { likeEscape } from './rows.js';
import type { EventFilter, StoredDocument } from './store.js';

/** A WHERE clause over events aliased `alias`, and its parameters. */
export function filterSql(f: EventFilter, alias = 'e'): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.type) {
    where.push(`${alias}.type = ?`);
    params.push(f.type.toUpperCase());
  }
  if (f.since) {
    where.push(`${alias}.date >= ?`);
    params.push(f.since);
  }
  if (f.until) {
    where.push(`${alias}.date <= ?`);
    params.push(f.until);
  }
  if (f.cluster) {
    where.push(`${alias}.cluster = ?`);
    params.push(f.cluster);
  }
  if (f.actor) {
    where.push(`EXISTS (SELECT 1 FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
        WHERE a.doc_id = ${alias}.doc_id AND a.event_id = ${alias}.id AND (m.code LIKE ? ESCAPE '\\' OR m.country = ?))`);
    params.push(`${likeEscape(f.actor.toUpperCase())}%`, f.actor.toUpperCase());
  }
  return { where: where.join(' AND '), params };
}

const PACK = (t: string, role: string) =>
  `json_array(${role}, ${t}.text, ${t}.start, ${t}."end", ${t}.name, ${t}.country, ${t}.sector, ${t}.code, ${t}.wikidata)`;

/** The event columns every read selects (after `extra` ones), joined with document, arguments, speaker and cluster. */
export const eventSelect = (
  extra = '',
) => `SELECT ${extra}e.doc_id, e.id, d.source, COALESCE(d.url, d.canonical_url) AS url, d.site, d.published,
  d.tone AS doc_tone, e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, e.type, e.mode, e.contexts,
  e.cameo, e.quad, e.goldstein, e.date, e.place, e.negated, e.modality, e.historical, e.decided_by, e.confidence,
  (SELECT json_group_array(${PACK('x', 'x.role')}) FROM (SELECT a.role, m.* FROM event_args a
     JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
     WHERE a.doc_id = e.doc_id AND a.event_id = e.id ORDER BY a.role, a.position) x) AS args,
  CASE WHEN r.id IS NULL THEN NULL ELSE ${PACK('r', "'speaker'")} END AS speaker,
  COALESCE(e.cluster, e.doc_id || ':' || e.id) AS cluster, COALESCE(c.mentions, 1) AS c_mentions,
  COALESCE(c.articles, 1) AS c_articles, COALESCE(c.sources, 1) AS c_sources,
  c.first_seen AS c_first_seen, c.last_seen AS c_last_seen
  FROM events e JOIN documents d ON d.id = e.doc_id
  LEFT JOIN mentions r ON r.doc_id = e.doc_id AND r.id = e.reported_by
  LEFT JOIN clusters c ON c.id = e.cluster`;
const SELECT = eventSelect();

const ORDER = 'ORDER BY e.date, e.doc_id, e.sentence, e.trigger_start';

/** Reads events and documents from one SQLite database. */
export class SqliteReader {
  private readonly docText: Database.Statement;
  private readonly texts = new Map<string, string>();

  constructor(private readonly db: Database.Database) {
    this.docText = db.prepare('SELECT text FROM documents WHERE id = ?');
  }

  /** A document's text, from a small cache (events of one document arrive together). */
  private text(docId: string): string {
    let t = this.texts.get(docId);
    if (t === undefined) {
      t = (this.docText.get(docId) as { text: string }).text;
      if (this.texts.size >= 64) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(docId, t);
    }
    return t;
  }

  /** A raw row completed with its sentence and trigger text (sliced in JS: offsets are UTF-16 units). */
  record(row: Omit<EventRow, 'sentence_text' | 'trigger_text'>): EventOut {
    const t = this.text(row.doc_id);
    return recordFromRow({
      ...row,
      sentence_text: t.slice(row.sentence_start, row.sentence_end),
      trigger_text: t.slice(row.trigger_start, row.trigger_end),
    });
  }

  /** The SQL and parameters of an event read; with `clusters`, one representative event per matching cluster. */
  private sql(f: EventFilter, clusters: boolean, select = SELECT, order = ORDER): { sql: string; params: unknown[] } {
    const { where, params } = filterSql(f, clusters ? 'e2' : 'e');
    const limit = f.limit ? 'LIMIT ' + Math.floor(f.limit) : '';
    if (!clusters) return { sql: `${select} ${where ? 'WHERE ' + where : ''} ${order} ${limit}`, params };
    const inner = `SELECT COALESCE(e2.cluster, e2.doc_id || ':' || e2.id) FROM events e2 ${where ? 'WHERE ' + where : ''}`;
    const rep = `e.doc_id || ':' || e.id = COALESCE(e.cluster, e.doc_id || ':' || e.id)`;
    return {
      sql: `${select} WHERE ${rep} AND COALESCE(e.cluster, e.doc_id || ':' || e.id) IN (${inner}) ${order} ${limit}`,
      params,
    };
  }

  /** Matching events, one at a time. */
  *events(f: EventFilter, clusters = false): Generator<EventOut> {
    const { sql, params } = this.sql(f, clusters);
    for (const row of this.db.prepare(sql).iterate(...params)) yield this.record(row as EventRow);
  }

  /** How many events (or clusters) a read would give. */
  count(f: EventFilter, clusters = false): number {
    const { sql, params } = this.sql({ ...f, limit: undefined }, clusters, 'SELECT count(*) AS n FROM events e', '');
    const n = (this.db.prepare(sql).get(...params) as { n: number }).n;
    return f.limit ? Math.min(n, Math.floor(f.limit)) : n;
  }

  /** Every document, in ingest order. */
  *documents(): Generator<StoredDocument> {
    yield* this.db
      .prepare(
        'SELECT id, source, COALESCE(url, canonical_url) AS url, site, title, published, status, dup_group FROM documents ORDER BY rowid',
      )
      .iterate() as Iterable<StoredDocument>;
  }
}
