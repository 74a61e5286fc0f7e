/** The SQLite store (better-sqlite3, WAL): documents, layers, mentions, events, quotes and per-document errors. */
import Database from 'better-sqlite3';
import type { Doc, Layers } from '../doc/index.js';
import { BLOB_LAYERS, encodeLayer, decodeLayer } from './codec.js';
import { MIGRATIONS } from './migrations.js';
import type { EventFilter, Stats, Store, StoredArg, StoredError, StoredEvent } from './store.js';

type Row = Record<string, unknown>;

/** An argument from a row's mention columns, named `${prefix}text`, `${prefix}name`, … */
function storedArg(row: Row, prefix: string): StoredArg {
  return {
    text: row[prefix + 'text'] as string,
    name: row[prefix + 'name'] as string,
    country: (row[prefix + 'country'] as string) ?? null,
    sector: row[prefix + 'sector'] as string,
    code: row[prefix + 'code'] as string,
  };
}

/** Open (creating and migrating as needed) a SQLite store at `path` (`:memory:` for tests). */
export function openSqliteStore(path: string): SqliteStore {
  return new SqliteStore(path);
}

/** A Store backed by one SQLite file. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly insertDoc: Database.Statement;
  private readonly insertLayer: Database.Statement;
  private readonly insertMention: Database.Statement;
  private readonly insertEvent: Database.Statement;
  private readonly insertArg: Database.Statement;
  private readonly insertQuote: Database.Statement;
  private readonly insertError: Database.Statement;
  private readonly existsDoc: Database.Statement;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    migrate(this.db);
    this.existsDoc = this.db.prepare('SELECT 1 FROM documents WHERE id = ?');
    this.insertDoc = this.db.prepare(`INSERT INTO documents
      (id, source, url, canonical_url, content_hash, format, encoding, status, status_signals, title, byline, published,
       language, text, body_end, meta, pipeline, tone, ingested_at)
      VALUES (@id, @source, @url, @canonical_url, @content_hash, @format, @encoding, @status, @status_signals, @title,
       @byline, @published, @language, @text, @body_end, @meta, @pipeline, @tone, @ingested_at)`);
    this.insertLayer = this.db.prepare('INSERT INTO layers (doc_id, name, data) VALUES (?, ?, ?)');
    this.insertMention = this.db.prepare(`INSERT INTO mentions
      (doc_id, id, start, end, text, name, country, sector, code, wikidata, kind, confidence, antecedent, entity, evidence)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertEvent = this.db.prepare(`INSERT INTO events
      (doc_id, id, sentence, sentence_start, sentence_end, trigger_start, trigger_end, type, mode, contexts, cameo, quad,
       goldstein, date, date_start, date_end, place, negated, modality, historical, decided_by, confidence, reported_in,
       reported_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertArg = this.db.prepare(
      'INSERT INTO event_args (doc_id, event_id, role, position, mention_id) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertQuote = this.db.prepare(`INSERT INTO quotes
      (doc_id, id, content_start, content_end, cue_start, cue_end, source_start, source_end, speaker, direct, tone)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertError = this.db.prepare('INSERT INTO errors (source, code, stage, message, at) VALUES (?, ?, ?, ?, ?)');
  }

  hasDocument(id: string): boolean {
    return this.existsDoc.get(id) !== undefined;
  }

  saveDocument(doc: Doc, pipeline: string[]): boolean {
    const tx = this.db.transaction(() => {
      if (this.hasDocument(doc.id)) return false;
      this.writeDocument(doc, pipeline);
      return true;
    });
    return tx();
  }

  private writeDocument(doc: Doc, pipeline: string[]): void {
    const m = doc.meta;
    this.insertDoc.run({
      id: doc.id,
      source: doc.source.source,
      url: doc.source.url,
      canonical_url: doc.source.canonicalUrl,
      content_hash: doc.source.contentHash,
      format: doc.source.format,
      encoding: doc.source.encoding,
      status: m.status,
      status_signals: JSON.stringify(m.statusSignals),
      title: m.title?.value ?? null,
      byline: m.byline?.value ?? null,
      published: m.published?.value ?? null,
      language: m.language?.value ?? null,
      text: doc.text,
      body_end: doc.bodyEnd,
      meta: JSON.stringify(m),
      pipeline: JSON.stringify(pipeline),
      tone: doc.layers.tone?.tone ?? null,
      ingested_at: new Date().toISOString(),
    });
    for (const [name, value] of Object.entries(doc.layers) as [keyof Layers, unknown][]) {
      if (value !== undefined && BLOB_LAYERS.includes(name))
        this.insertLayer.run(doc.id, name, encodeLayer(name, value));
    }
    for (const x of doc.layers.mentions ?? []) {
      this.insertMention.run(
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
      );
    }
    const sentences = doc.layers.sentences ?? [];
    for (const e of doc.layers.events ?? []) {
      const s = sentences[e.sentence];
      this.insertEvent.run(
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
      );
      e.actor.forEach((id, i) => this.insertArg.run(doc.id, e.id, 'actor', i, id));
      e.recipient.forEach((id, i) => this.insertArg.run(doc.id, e.id, 'recipient', i, id));
    }
    for (const q of doc.layers.quotes ?? []) {
      this.insertQuote.run(
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
      );
    }
  }

  saveError(err: StoredError): void {
    this.insertError.run(err.source, err.code, err.stage, err.message, new Date().toISOString());
  }

  /** A stored layer of a document, decoded, or undefined. */
  loadLayer<K extends keyof Layers>(docId: string, name: K): Layers[K] | undefined {
    const row = this.db.prepare('SELECT data FROM layers WHERE doc_id = ? AND name = ?').get(docId, name) as
      { data: string } | undefined;
    return row ? (decodeLayer(name, row.data) as Layers[K]) : undefined;
  }

  queryEvents(f: EventFilter): StoredEvent[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.type) {
      where.push('e.type = ?');
      params.push(f.type.toUpperCase());
    }
    if (f.since) {
      where.push('e.date >= ?');
      params.push(f.since);
    }
    if (f.until) {
      where.push('e.date <= ?');
      params.push(f.until);
    }
    if (f.actor) {
      where.push(`EXISTS (SELECT 1 FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
        WHERE a.doc_id = e.doc_id AND a.event_id = e.id AND (m.code LIKE ? OR m.country = ?))`);
      params.push(`${f.actor.toUpperCase()}%`, f.actor.toUpperCase());
    }
    const sql = `SELECT e.*, d.source, COALESCE(d.url, d.canonical_url) AS url, d.text, r.text AS r_text, r.name AS r_name, r.country AS r_country,
      r.sector AS r_sector, r.code AS r_code
      FROM events e JOIN documents d ON d.id = e.doc_id
      LEFT JOIN mentions r ON r.doc_id = e.doc_id AND r.id = e.reported_by
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY e.date, e.doc_id, e.sentence, e.trigger_start
      ${f.limit ? 'LIMIT ' + Math.floor(f.limit) : ''}`;
    const rows = this.db.prepare(sql).all(...params) as Row[];
    const args = this.db.prepare(`SELECT a.role, m.text, m.name, m.country, m.sector, m.code FROM event_args a
      JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
      WHERE a.doc_id = ? AND a.event_id = ? ORDER BY a.role, a.position`);
    return rows.map((r) => {
      const text = r.text as string;
      const argRows = args.all(r.doc_id, r.id) as Row[];
      const pick = (role: string) => argRows.filter((a) => a.role === role).map((a) => storedArg(a, ''));
      return {
        id: `${r.doc_id}:${r.id}`,
        doc: r.doc_id as string,
        source: r.source as string,
        url: (r.url as string) ?? null,
        date: (r.date as string) ?? null,
        type: r.type as string,
        mode: r.mode as string,
        contexts: JSON.parse(r.contexts as string),
        cameo: r.cameo as string,
        quad: r.quad as number,
        goldstein: r.goldstein as number,
        actor: pick('actor'),
        recipient: pick('recipient'),
        negated: r.negated === 1,
        modality: r.modality as string,
        historical: r.historical === 1,
        sentence: text.slice(r.sentence_start as number, r.sentence_end as number),
        trigger: text.slice(r.trigger_start as number, r.trigger_end as number),
        decided_by: JSON.parse(r.decided_by as string),
        confidence: r.confidence as number,
        reported_by: r.r_code === null || r.r_code === undefined ? null : storedArg(r, 'r_'),
      };
    });
  }

  stats(): Stats {
    const n = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const group = (sql: string) =>
      Object.fromEntries((this.db.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    return {
      documents: n('SELECT count(*) n FROM documents'),
      articles: n("SELECT count(*) n FROM documents WHERE status = 'article'"),
      events: n('SELECT count(*) n FROM events'),
      mentions: n('SELECT count(*) n FROM mentions'),
      quotes: n('SELECT count(*) n FROM quotes'),
      errors: n('SELECT count(*) n FROM errors'),
      by_type: group('SELECT type k, count(*) n FROM events GROUP BY type ORDER BY n DESC'),
      by_status: group('SELECT status k, count(*) n FROM documents GROUP BY status'),
    };
  }

  close(): void {
    this.db.close();
  }
}

/** Apply the migrations this database has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)');
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    applied++;
  }
  return applied;
}
