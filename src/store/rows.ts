/**
 * What both backends share so they cannot drift: the rows a document becomes (one list of tables, in insert order),
 * the event-query filter, and the mapping of result rows to the event record (src/record/).
 */
import type { Doc, Layers } from '../doc/index.js';
import { BLOB_LAYERS, encodeLayer } from './codec.js';
import type { EventFilter, Stats, StoredEvent } from './store.js';
import { recordFromRow, siteOf, type PackedArg } from '../record/index.js';

/** A result row as a driver returns it. */
export type Row = Record<string, unknown>;

/** One table's rows for one document. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
}

const DOCUMENT_COLUMNS = [
  'id',
  'source',
  'url',
  'canonical_url',
  'content_hash',
  'format',
  'encoding',
  'status',
  'status_signals',
  'title',
  'byline',
  'published',
  'language',
  'text',
  'body_end',
  'meta',
  'pipeline',
  'tone',
  'ingested_at',
] as const;

const MENTION_COLUMNS = [
  'doc_id',
  'id',
  'start',
  'end',
  'text',
  'name',
  'country',
  'sector',
  'code',
  'wikidata',
  'kind',
  'confidence',
  'antecedent',
  'entity',
  'evidence',
  'place',
] as const;

const EVENT_COLUMNS = [
  'doc_id',
  'id',
  'sentence',
  'sentence_start',
  'sentence_end',
  'trigger_start',
  'trigger_end',
  'type',
  'mode',
  'contexts',
  'cameo',
  'quad',
  'goldstein',
  'date',
  'date_start',
  'date_end',
  'place',
  'negated',
  'modality',
  'historical',
  'decided_by',
  'confidence',
  'reported_in',
  'reported_by',
] as const;

const QUOTE_COLUMNS = [
  'doc_id',
  'id',
  'content_start',
  'content_end',
  'cue_start',
  'cue_end',
  'source_start',
  'source_end',
  'speaker',
  'direct',
  'tone',
] as const;

/** The documents row. */
function documentRows(doc: Doc, pipeline: string[], now: string): unknown[][] {
  const m = doc.meta;
  return [
    [
      doc.id,
      doc.source.source,
      doc.source.url,
      doc.source.canonicalUrl,
      doc.source.contentHash,
      doc.source.format,
      doc.source.encoding,
      m.status,
      JSON.stringify(m.statusSignals),
      m.title?.value ?? null,
      m.byline?.value ?? null,
      m.published?.value ?? null,
      m.language?.value ?? null,
      doc.text,
      doc.bodyEnd,
      JSON.stringify(m),
      JSON.stringify(pipeline),
      doc.layers.tone?.tone ?? null,
      now,
    ],
  ];
}

/** One row per stored blob layer. */
function layerRows(doc: Doc): unknown[][] {
  return (Object.entries(doc.layers) as [keyof Layers, unknown][])
    .filter(([name, value]) => value !== undefined && BLOB_LAYERS.includes(name))
    .map(([name, value]) => [doc.id, name, encodeLayer(name, value)]);
}

function mentionRows(doc: Doc): unknown[][] {
  return (doc.layers.mentions ?? []).map((x) => [
    doc.id,
    x.id,
    x.start,
    x.end,
    doc.text.slice(x.start, x.end),
    x.name,
    x.country,
    x.sector,
    x.code,
    x.wikidata ?? null,
    x.kind,
    x.confidence,
    x.antecedent ?? null,
    x.entity ?? null,
    JSON.stringify(x.evidence),
    x.place ? JSON.stringify(x.place) : null,
  ]);
}

function eventRows(doc: Doc): unknown[][] {
  const sentences = doc.layers.sentences ?? [];
  return (doc.layers.events ?? []).map((e) => {
    const s = sentences[e.sentence];
    return [
      doc.id,
      e.id,
      e.sentence,
      s?.start ?? 0,
      s?.end ?? 0,
      e.trigger.start,
      e.trigger.end,
      e.type,
      e.mode,
      JSON.stringify(e.contexts),
      e.cameo,
      e.quad,
      e.goldstein,
      e.date,
      e.dateSpan?.start ?? null,
      e.dateSpan?.end ?? null,
      e.place ? JSON.stringify(e.place) : null,
      e.negated ? 1 : 0,
      e.modality,
      e.historical ? 1 : 0,
      JSON.stringify(e.decidedBy),
      e.confidence,
      e.reportedIn ?? null,
      e.reportedBy ?? null,
    ];
  });
}

function argRows(doc: Doc): unknown[][] {
  return (doc.layers.events ?? []).flatMap((e) => [
    ...e.actor.map((id, i) => [doc.id, e.id, 'actor', i, id]),
    ...e.recipient.map((id, i) => [doc.id, e.id, 'recipient', i, id]),
  ]);
}

function quoteRows(doc: Doc): unknown[][] {
  return (doc.layers.quotes ?? []).map((q) => [
    doc.id,
    q.id,
    q.content.start,
    q.content.end,
    q.cue?.start ?? null,
    q.cue?.end ?? null,
    q.source?.start ?? null,
    q.source?.end ?? null,
    q.speaker,
    q.direct ? 1 : 0,
    q.tone ?? null,
  ]);
}

/** Every row a document becomes, table by table in foreign-key order (documents first). */
export function documentTables(doc: Doc, pipeline: string[], now = new Date().toISOString()): TableRows[] {
  return [
    { table: 'documents', columns: DOCUMENT_COLUMNS, rows: documentRows(doc, pipeline, now) },
    { table: 'layers', columns: ['doc_id', 'name', 'data'], rows: layerRows(doc) },
    { table: 'mentions', columns: MENTION_COLUMNS, rows: mentionRows(doc) },
    { table: 'events', columns: EVENT_COLUMNS, rows: eventRows(doc) },
    { table: 'event_args', columns: ['doc_id', 'event_id', 'role', 'position', 'mention_id'], rows: argRows(doc) },
    { table: 'quotes', columns: QUOTE_COLUMNS, rows: quoteRows(doc) },
  ];
}

/** A WHERE clause and its parameters for an event filter; `p(i)` writes the i-th placeholder (`?` or `$i`). */
export function eventWhere(f: EventFilter, p: (i: number) => string, e = 'e'): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return p(params.length);
  };
  if (f.type) where.push(`${e}.type = ${param(f.type.toUpperCase())}`);
  if (f.since) where.push(`${e}.date >= ${param(f.since)}`);
  if (f.until) where.push(`${e}.date <= ${param(f.until)}`);
  if (f.cluster) where.push(`${e}.cluster = ${param(f.cluster)}`);
  if (f.actor) {
    const code = f.actor.toUpperCase();
    where.push(`EXISTS (SELECT 1 FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
        WHERE a.doc_id = ${e}.doc_id AND a.event_id = ${e}.id AND (m.code LIKE ${param(likeEscape(code) + '%')} ESCAPE '\\' OR m.country = ${param(code)}))`);
  }
  return { sql: where.length ? 'WHERE ' + where.join(' AND ') : '', params };
}

/**
 * The Postgres event columns, joined with document, speaker and cluster (before a WHERE clause over `e`): the rows
 * {@link storedEvents} turns into records.
 */
export const PG_EVENT_SELECT = `SELECT e.*, d.source, COALESCE(d.url, d.canonical_url) AS url, d.text, d.published, d.ingested_at,
      d.tone AS doc_tone, r.text AS r_text, r.name AS r_name, r.country AS r_country, r.sector AS r_sector, r.code AS r_code,
      r.start AS r_start, r."end" AS r_end, r.wikidata AS r_wikidata, r.place AS r_place,
      COALESCE(e.cluster, e.doc_id || ':' || e.id) AS cluster_id, c.mentions AS c_mentions,
      c.articles AS c_articles, c.sources AS c_sources, c.first_seen AS c_first_seen, c.last_seen AS c_last_seen
      FROM events e JOIN documents d ON d.id = e.doc_id
      LEFT JOIN mentions r ON r.doc_id = e.doc_id AND r.id = e.reported_by
      LEFT JOIN clusters c ON c.id = e.cluster`;

/**
 * The Postgres event query around a WHERE clause (over `e`), with its cluster's counts; with `clusters`, the WHERE
 * clause is over `e2` and only each matching cluster's representative (the event whose id names it) is returned.
 * NULL dates first and byte-order text, as SQLite orders.
 */
export function eventSql(where: string, limit?: number, clusters = false): string {
  const cond = clusters
    ? `WHERE e.doc_id || ':' || e.id = COALESCE(e.cluster, e.doc_id || ':' || e.id)
       AND COALESCE(e.cluster, e.doc_id || ':' || e.id) IN
         (SELECT COALESCE(e2.cluster, e2.doc_id || ':' || e2.id) FROM events e2 ${where})`
    : where;
  return `${PG_EVENT_SELECT}
      ${cond} ORDER BY e.date COLLATE "C" NULLS FIRST, e.doc_id COLLATE "C", e.sentence, e.trigger_start
      ${limit ? 'LIMIT ' + Math.floor(limit) : ''}`;
}

/** The argument rows of events in some documents (`IN` list written by the caller). */
export const ARGS_SQL = `SELECT a.doc_id, a.event_id, a.role, m.text, m.start, m."end", m.name, m.country, m.sector, m.code,
      m.wikidata, m.place FROM event_args a
      JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id`;

/** A mention from a row's columns named `${prefix}text`, `${prefix}start`, …, packed as the record builder takes it. */
function packedArg(row: Row, prefix: string, role: string): PackedArg {
  return [
    role,
    row[prefix + 'text'] as string,
    Number(row[prefix + 'start']),
    Number(row[prefix + 'end']),
    row[prefix + 'name'] as string,
    (row[prefix + 'country'] as string) ?? null,
    row[prefix + 'sector'] as string,
    row[prefix + 'code'] as string,
    (row[prefix + 'wikidata'] as string) ?? null,
    (row[prefix + 'place'] as string) ?? null,
  ];
}

/**
 * Event records from Postgres query rows (eventSql) and their argument rows (ordered by role, position); an event
 * with no cluster row is its own cluster, counted once.
 */
export function storedEvents(rows: Row[], argRowsOf: Row[]): StoredEvent[] {
  const byEvent = new Map<string, Row[]>();
  for (const a of argRowsOf) {
    const k = `${a.doc_id}:${a.event_id}`;
    const list = byEvent.get(k);
    if (list) list.push(a);
    else byEvent.set(k, [a]);
  }
  return rows.map((r) => {
    const text = r.text as string;
    const id = `${r.doc_id}:${r.id}`;
    const url = (r.url as string) ?? null;
    const published = (r.published as string) ?? null;
    const num = (k: string) => Number(r[k]);
    return recordFromRow({
      doc_id: r.doc_id as string,
      id: r.id as string,
      source: r.source as string,
      url,
      site: siteOf(url),
      published,
      ingested_at: (r.ingested_at as string) ?? null,
      doc_tone: r.doc_tone === null || r.doc_tone === undefined ? null : Number(r.doc_tone),
      sentence_start: num('sentence_start'),
      sentence_end: num('sentence_end'),
      sentence_text: text.slice(num('sentence_start'), num('sentence_end')),
      trigger_start: num('trigger_start'),
      trigger_end: num('trigger_end'),
      trigger_text: text.slice(num('trigger_start'), num('trigger_end')),
      type: r.type as string,
      mode: r.mode as string,
      contexts: r.contexts as string,
      cameo: r.cameo as string,
      quad: num('quad'),
      goldstein: num('goldstein'),
      date: (r.date as string) ?? null,
      place: (r.place as string) ?? null,
      negated: num('negated') === 1,
      modality: r.modality as string,
      historical: num('historical') === 1,
      decided_by: r.decided_by as string,
      confidence: num('confidence'),
      args: (byEvent.get(id) ?? []).map((a) => packedArg(a, '', a.role as string)),
      speaker: r.r_code === null || r.r_code === undefined ? null : packedArg(r, 'r_', 'speaker'),
      cluster: (r.cluster_id as string) ?? id,
      c_mentions: r.c_mentions === null || r.c_mentions === undefined ? 1 : num('c_mentions'),
      c_articles: r.c_articles === null || r.c_articles === undefined ? 1 : num('c_articles'),
      c_sources: r.c_sources === null || r.c_sources === undefined ? 1 : num('c_sources'),
      c_first_seen: (r.c_first_seen as string) ?? null,
      c_last_seen: (r.c_last_seen as string) ?? null,
    });
  });
}

/** The statements behind `stats()`, each returning `n` (and `k` for groups). */
export const STATS_SQL = {
  documents: 'SELECT count(*) AS n FROM documents',
  articles: "SELECT count(*) AS n FROM documents WHERE status = 'article'",
  events: 'SELECT count(*) AS n FROM events',
  mentions: 'SELECT count(*) AS n FROM mentions',
  quotes: 'SELECT count(*) AS n FROM quotes',
  errors: 'SELECT count(*) AS n FROM errors',
  by_type: 'SELECT type AS k, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, k',
  by_status: 'SELECT status AS k, count(*) AS n FROM documents GROUP BY status ORDER BY k',
} as const;

/** Stats from a runner of the STATS_SQL statements. */
export async function collectStats(all: (sql: string) => Promise<Row[]> | Row[]): Promise<Stats> {
  const n = async (sql: string) => Number((await all(sql))[0].n);
  const group = async (sql: string) => Object.fromEntries((await all(sql)).map((r) => [r.k as string, Number(r.n)]));
  return {
    documents: await n(STATS_SQL.documents),
    articles: await n(STATS_SQL.articles),
    events: await n(STATS_SQL.events),
    mentions: await n(STATS_SQL.mentions),
    quotes: await n(STATS_SQL.quotes),
    errors: await n(STATS_SQL.errors),
    by_type: await group(STATS_SQL.by_type),
    by_status: await group(STATS_SQL.by_status),
  };
}

/** A LIKE pattern matching `s` literally (`%`, `_` and the escape character escaped). */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
