/** The SQLite store (better-sqlite3, WAL): documents, layers, mentions, events, quotes and per-document errors. */
import Database from 'better-sqlite3';
import type { Doc, Layers } from '../doc/index.js';
import { decodeLayer } from './codec.js';
import { MIGRATIONS } from './migrations.js';
import { ARGS_SQL, collectStats, documentTables, eventSql, eventWhere, storedEvents, type Row } from './rows.js';
import type { EventFilter, Stats, Store, StoredError, StoredEvent } from './store.js';

/** Open (creating and migrating as needed) a SQLite store at `path` (`:memory:` for tests). */
export function openSqliteStore(path: string): SqliteStore {
  return new SqliteStore(path);
}

/** A Store backed by one SQLite file. The work is synchronous; the async methods keep one contract with Postgres. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  private readonly inserts = new Map<string, Database.Statement>();
  private readonly insertError: Database.Statement;
  private readonly existsDoc: Database.Statement;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    migrate(this.db);
    this.existsDoc = this.db.prepare('SELECT 1 FROM documents WHERE id = ?');
    this.insertError = this.db.prepare('INSERT INTO errors (source, code, stage, message, at) VALUES (?, ?, ?, ?, ?)');
  }

  /** The prepared INSERT for a table and its columns (made once). */
  private insertFor(table: string, columns: readonly string[]): Database.Statement {
    let st = this.inserts.get(table);
    if (!st) {
      const cols = columns.map((c) => `"${c}"`).join(', ');
      st = this.db.prepare(`INSERT INTO ${table} (${cols}) VALUES (${columns.map(() => '?').join(', ')})`);
      this.inserts.set(table, st);
    }
    return st;
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.existsDoc.get(id) !== undefined;
  }

  async saveDocument(doc: Doc, pipeline: string[]): Promise<boolean> {
    return this.saveDocumentSync(doc, pipeline);
  }

  /** Save a document in one transaction; false when already stored. */
  saveDocumentSync(doc: Doc, pipeline: string[]): boolean {
    const tx = this.db.transaction(() => {
      if (this.existsDoc.get(doc.id) !== undefined) return false;
      for (const t of documentTables(doc, pipeline)) {
        const st = this.insertFor(t.table, t.columns);
        for (const row of t.rows) st.run(...row);
      }
      return true;
    });
    return tx();
  }

  async saveError(err: StoredError): Promise<void> {
    this.insertError.run(err.source, err.code, err.stage, err.message, new Date().toISOString());
  }

  async loadLayer<K extends keyof Layers>(docId: string, name: K): Promise<Layers[K] | undefined> {
    const row = this.db.prepare('SELECT data FROM layers WHERE doc_id = ? AND name = ?').get(docId, name) as
      { data: string } | undefined;
    return row ? (decodeLayer(name, row.data) as Layers[K]) : undefined;
  }

  async queryEvents(f: EventFilter): Promise<StoredEvent[]> {
    const w = eventWhere(f, () => '?');
    const rows = this.db.prepare(eventSql(w.sql, f.limit)).all(...w.params) as Row[];
    const args = this.db.prepare(`${ARGS_SQL} WHERE a.doc_id = ? ORDER BY a.event_id, a.role, a.position`);
    const docIds = [...new Set(rows.map((r) => r.doc_id as string))];
    return storedEvents(
      rows,
      docIds.flatMap((id) => args.all(id) as Row[]),
    );
  }

  async stats(): Promise<Stats> {
    return collectStats((sql) => this.db.prepare(sql).all() as Row[]);
  }

  async close(): Promise<void> {
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
