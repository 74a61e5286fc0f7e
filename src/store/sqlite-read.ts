/** Reading the SQLite store: event records (streamed), cluster representatives, documents, counts. */
import type Database from 'better-sqlite3';
import {
  buildRecord,
  recordFromRow,
  type ArgIn,
  type EventOut,
  type EventRow,
  type PlaceIn,
  type RecordInput,
} from '../record/index.js';
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
  `json_array(${role}, ${t}.text, ${t}.start, ${t}."end", ${t}.name, ${t}.country, ${t}.sector, ${t}.code, ${t}.wikidata, ${t}.place)`;

/**
 * Named-column event rows (after `extra` ones) joined with document, arguments, speaker and cluster, for callers that
 * need extra columns (the API's pages); turn each into its record with `SqliteReader.record`. Streams use the faster
 * raw read below.
 */
export const eventSelect = (
  extra = '',
) => `SELECT ${extra}e.doc_id, e.id, d.source, COALESCE(d.url, d.canonical_url) AS url, d.site, d.published,
  d.ingested_at, d.tone AS doc_tone, e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, e.type, e.mode, e.contexts,
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

/**
 * The event columns every read selects (by position: see EventCells), with speaker and cluster joined, packed by SQLite
 * into one JSON array per row: V8's JSON.parse makes the row's values several times faster than the driver does one
 * column at a time (bench:export, docs/performance.md). JSON keeps every value exact: SQLite writes REALs with 17
 * significant digits, which round-trip a double, and stored JSON text (contexts, place, …) stays a string.
 */
const SELECT = `SELECT json_array(e.doc_id, e.id, e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, e.type,
  e.mode, e.contexts, e.cameo, e.quad, e.goldstein, e.date, e.place, e.negated, e.modality, e.historical, e.decided_by,
  e.confidence, r.text, r.start, r."end", r.name, r.country, r.sector, r.code, r.wikidata, r.place,
  COALESCE(e.cluster, e.doc_id || ':' || e.id), COALESCE(c.mentions, 1), COALESCE(c.articles, 1),
  COALESCE(c.sources, 1), c.first_seen, c.last_seen)
  FROM events e
  LEFT JOIN mentions r ON r.doc_id = e.doc_id AND r.id = e.reported_by
  LEFT JOIN clusters c ON c.id = e.cluster`;

/** One row of SELECT (its JSON array parsed), by position. */
type EventCells = [
  docId: string,
  id: string,
  sentenceStart: number,
  sentenceEnd: number,
  triggerStart: number,
  triggerEnd: number,
  type: string,
  mode: string,
  contexts: string,
  cameo: string,
  quad: number,
  goldstein: number,
  date: string | null,
  place: string | null,
  negated: number,
  modality: string,
  historical: number,
  decidedBy: string,
  confidence: number,
  ...speaker: MentionCells,
  cluster: string,
  mentions: number,
  articles: number,
  sources: number,
  firstSeen: string | null,
  lastSeen: string | null,
];

/** A mention's columns as the reads select them (all null for a missing speaker). */
type MentionCells = [
  text: string,
  start: number,
  end: number,
  name: string,
  country: string | null,
  sector: string,
  code: string,
  wikidata: string | null,
  place: string | null,
];

/** A document's fields every one of its records carries, and its events' arguments. */
interface DocPart {
  doc: RecordInput['doc'];
  tone: number | null;
  text: string;
  args: Map<string, { actor: ArgIn[]; recipient: ArgIn[] }>;
}

const ORDER = 'ORDER BY e.date, e.doc_id, e.sentence, e.trigger_start';
const NO_ARGS = { actor: [], recipient: [] };
/** Documents kept while their events stream (events of one document mostly arrive together). */
const DOC_CACHE = 64;

/** A mention's cells as a record argument. */
function argFrom(m: unknown[], at: number): ArgIn {
  const a: ArgIn = {
    text: m[at] as string,
    start: m[at + 1] as number,
    end: m[at + 2] as number,
    name: m[at + 3] as string,
    country: (m[at + 4] as string | null) ?? null,
    sector: m[at + 5] as string,
    code: m[at + 6] as string,
  };
  if (m[at + 7]) a.wikidata = m[at + 7] as string;
  if (m[at + 8]) a.place = JSON.parse(m[at + 8] as string) as PlaceIn;
  return a;
}

/** Reads events and documents from one SQLite database. */
export class SqliteReader {
  private readonly docRow: Database.Statement;
  private readonly docs = new Map<string, DocPart>();
  /** Parsed JSON of the small list columns (contexts, decided_by): few distinct values, parsed once each. */
  private readonly lists = new Map<string, string[]>();

  constructor(private readonly db: Database.Database) {
    // One statement per document: its fields and all its events' arguments as one JSON array, parsed by V8 (several
    // times faster than a row per argument through the driver: bench:export, docs/performance.md).
    this.docRow = db
      .prepare(
        `SELECT source, COALESCE(url, canonical_url), site, published, ingested_at, tone, text,
         (SELECT json_group_array(json_array(x.event_id, x.role, x.text, x.start, x."end", x.name, x.country, x.sector,
            x.code, x.wikidata, x.place))
          FROM (SELECT a.event_id, a.role, m.* FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
            WHERE a.doc_id = d.id ORDER BY a.event_id, a.role, a.position) x)
         FROM documents d WHERE id = ?`,
      )
      .raw();
  }

  /** A document's part of its records, from a small cache. */
  private doc(id: string): DocPart {
    let d = this.docs.get(id);
    if (d) return d;
    const [source, url, site, published, ingestedAt, tone, text, packed] = this.docRow.get(id) as [
      string,
      string | null,
      string | null,
      string | null,
      string | null,
      number | null,
      string,
      string,
    ];
    const args = new Map<string, { actor: ArgIn[]; recipient: ArgIn[] }>();
    for (const m of JSON.parse(packed) as unknown[][]) {
      let a = args.get(m[0] as string);
      if (!a) args.set(m[0] as string, (a = { actor: [], recipient: [] }));
      (m[1] === 'actor' ? a.actor : a.recipient).push(argFrom(m, 2));
    }
    d = { doc: { id, source, url, site, published, ingestedAt }, tone, text, args };
    if (this.docs.size >= DOC_CACHE) this.docs.delete(this.docs.keys().next().value!);
    this.docs.set(id, d);
    return d;
  }

  /** A named-column row of `eventSelect` as its record (sentence and trigger sliced from the cached document text). */
  record(row: Omit<EventRow, 'sentence_text' | 'trigger_text'>): EventOut {
    const t = this.doc(row.doc_id).text;
    return recordFromRow({
      ...row,
      sentence_text: t.slice(row.sentence_start, row.sentence_end),
      trigger_text: t.slice(row.trigger_start, row.trigger_end),
    });
  }

  /** A JSON list column, parsed once per distinct value. */
  private list(v: string): string[] {
    let l = this.lists.get(v);
    if (!l) {
      l = JSON.parse(v) as string[];
      if (this.lists.size < 10_000) this.lists.set(v, l);
    }
    return l;
  }

  /** One raw row as its record (sentence and trigger sliced in JS: offsets are UTF-16 units). */
  private fromCells(c: EventCells): EventOut {
    const d = this.doc(c[0]);
    const args = d.args.get(c[1]) ?? NO_ARGS;
    return buildRecord({
      doc: d.doc,
      docTone: d.tone,
      eventId: c[1],
      sentence: { text: d.text.slice(c[2], c[3]), start: c[2], end: c[3] },
      trigger: { text: d.text.slice(c[4], c[5]), start: c[4], end: c[5] },
      type: c[6],
      mode: c[7],
      contexts: this.list(c[8]),
      cameo: c[9],
      quad: c[10],
      goldstein: c[11],
      actor: args.actor,
      recipient: args.recipient,
      date: c[12],
      place: c[13] === null ? null : (JSON.parse(c[13]) as PlaceIn),
      negated: c[14] === 1,
      modality: c[15],
      historical: c[16] === 1,
      decidedBy: this.list(c[17]),
      confidence: c[18],
      reportedBy: c[19] === null ? null : argFrom(c, 19),
      cluster: { id: c[28], mentions: c[29], articles: c[30], sources: c[31], firstSeen: c[32], lastSeen: c[33] },
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
    const rows = this.db
      .prepare(sql)
      .pluck()
      .iterate(...params) as Iterable<string>;
    try {
      for (const row of rows) yield this.fromCells(JSON.parse(row) as EventCells);
    } finally {
      this.docs.clear();
    }
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
