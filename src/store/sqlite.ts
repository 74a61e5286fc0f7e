/** The SQLite store (better-sqlite3, WAL): documents, layers, mentions, events, quotes and per-document errors. */
import Database from 'better-sqlite3';
import type { Doc, Layers } from '../doc/index.js';
import { decodeLayer } from './codec.js';
import { MIGRATIONS } from './migrations.js';
import { collectStats, documentTables, type Row } from './rows.js';
import type { EventFilter, Stats, Store, StoredDocument, StoredError, StoredEvent } from './store.js';
import { signature } from '../dedup/index.js';
import { clusterKey } from '../clusters/index.js';
import { docFields, eventFacts } from '../record/index.js';
import { SqliteDedup, signatureBytes } from './sqlite-dedup.js';
import { SqliteClusters } from './sqlite-clusters.js';
import { SqliteReader } from './sqlite-read.js';
import { FetchStateTable, type FetchState } from './fetchstate.js';

/** Options for opening a SQLite store. */
export interface SqliteOptions {
  /** Open for reading only: no WAL switch, no migration, so a read-only file still reads. */
  readonly?: boolean;
}

/** How long a writer waits for another process's lock (two ingests into one store) before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 30000;
/** Attempts at a transaction that still meets `database is locked` after the busy timeout. */
const BUSY_RETRIES = 5;

/** True for SQLite's "database is locked/busy" errors. */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** Run `fn`, retrying while another process holds the write lock past the busy timeout. */
export function withBusyRetry<T>(fn: () => T): T {
  for (let i = 0; ; i++) {
    try {
      return fn();
    } catch (e) {
      if (!isBusy(e) || i >= BUSY_RETRIES) throw e;
    }
  }
}
import { SqliteApiReader } from './sqlite-api.js';

/** Open (creating and migrating as needed) a SQLite store at `path` (`:memory:` for tests). */
export function openSqliteStore(path: string, opts: SqliteOptions = {}): SqliteStore {
  return new SqliteStore(path, opts);
}

/** A Store backed by one SQLite file. The work is synchronous; the async methods keep one contract with Postgres. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  private readonly inserts = new Map<string, Database.Statement>();
  private readonly insertError: Database.Statement;
  private readonly existsDoc: Database.Statement;
  private readonly setDocDedup: Database.Statement;
  private readonly setEventKeys: Database.Statement;
  private readonly dedup: SqliteDedup;
  private readonly clusters: SqliteClusters;
  private readonly reader: SqliteReader;
  /** The API's reads (StoreReader), and the upkeep of their columns and indexes on every write. */
  readonly read: SqliteApiReader;

  constructor(path: string, opts: SqliteOptions = {}) {
    if (opts.readonly) {
      this.db = new Database(path, { readonly: true, fileMustExist: true });
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      try {
        checkSchema(this.db);
      } catch (e) {
        this.db.close();
        throw e;
      }
    } else {
      this.db = new Database(path);
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      withBusyRetry(() => this.db.pragma('journal_mode = WAL'));
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('synchronous = NORMAL');
      withBusyRetry(() => migrate(this.db));
    }
    this.read = new SqliteApiReader(this.db);
    this.existsDoc = this.db.prepare('SELECT 1 FROM documents WHERE id = ?');
    this.insertError = this.db.prepare('INSERT INTO errors (source, code, stage, message, at) VALUES (?, ?, ?, ?, ?)');
    this.setDocDedup = this.db.prepare('UPDATE documents SET site = ?, minhash = ? WHERE id = ?');
    this.setEventKeys = this.db.prepare(
      'UPDATE events SET cluster_key = ?, day = ?, place_country = ? WHERE doc_id = ? AND id = ?',
    );
    this.dedup = new SqliteDedup(this.db);
    this.clusters = new SqliteClusters(this.db);
    this.reader = new SqliteReader(this.db);
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

  /** Per-URL (or per-file) fetch state: validators, hashes, failures. */
  get fetchState(): FetchStateTable {
    this.fetchTable ??= new FetchStateTable(this.db);
    return this.fetchTable;
  }
  private fetchTable: FetchStateTable | null = null;

  async saveDocument(doc: Doc, pipeline: string[], fetch?: FetchState): Promise<boolean> {
    return this.saveDocumentSync(doc, pipeline, fetch);
  }

  /**
   * Save a document (and its fetch state, when given) in one write transaction, taken up front (IMMEDIATE) so two
   * processes wait for each other instead of failing with `database is locked`; false when already stored.
   */
  saveDocumentSync(doc: Doc, pipeline: string[], fetch?: FetchState): boolean {
    const tx = this.db.transaction(() => {
      if (fetch) this.fetchState.save({ ...fetch, doc_id: doc.id });
      if (this.existsDoc.get(doc.id) !== undefined) return false;
      for (const t of documentTables(doc, pipeline)) {
        const st = this.insertFor(t.table, t.columns);
        for (const row of t.rows) st.run(...row);
      }
      this.linkAndCluster(doc);
      this.read.index(doc);
      return true;
    });
    return withBusyRetry(() => tx.immediate());
  }

  /**
   * Inside the document's transaction: index it for near-duplicates (articles only) and join its group, then put its
   * events into clusters and recount every cluster whose members or their groups changed.
   */
  private linkAndCluster(doc: Doc): void {
    const sig = doc.meta.status === 'article' ? signature(doc.text.slice(0, doc.bodyEnd)) : null;
    const fields = docFields(doc);
    this.setDocDedup.run(fields.site, sig ? signatureBytes(sig) : null, doc.id);
    const relabelled = sig ? this.dedup.link(fields, sig) : [];
    const touched = new Set(this.clusters.clustersOf(relabelled.filter((id) => id !== doc.id)));
    const mentions = new Map((doc.layers.mentions ?? []).map((m) => [m.id, m]));
    for (const e of doc.layers.events ?? []) {
      const f = eventFacts(doc, e, mentions);
      const key = clusterKey(f);
      this.setEventKeys.run(key, f.day, f.placeCountry, doc.id, e.id);
      touched.add(this.clusters.assign(f.id, { ...f, key }));
    }
    // A later merge may have folded a touched cluster into another; recount the ones that still exist.
    const live = new Set(this.clusters.clustersOf([doc.id, ...relabelled]));
    this.clusters.recount([...touched].filter((c) => live.has(c)));
  }

  /** Run `fn` in one transaction (bulk writes: the API benchmark's generator). */
  batch<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  async saveError(err: StoredError): Promise<void> {
    withBusyRetry(() => this.insertError.run(err.source, err.code, err.stage, err.message, new Date().toISOString()));
  }

  async loadLayer<K extends keyof Layers>(docId: string, name: K): Promise<Layers[K] | undefined> {
    const row = this.db.prepare('SELECT data FROM layers WHERE doc_id = ? AND name = ?').get(docId, name) as
      { data: string } | undefined;
    return row ? (decodeLayer(name, row.data) as Layers[K]) : undefined;
  }

  async queryEvents(f: EventFilter): Promise<StoredEvent[]> {
    return [...this.reader.events(f)];
  }

  async *eachEvent(f: EventFilter): AsyncGenerator<StoredEvent> {
    yield* this.reader.events(f);
  }

  async *eachCluster(f: EventFilter): AsyncGenerator<StoredEvent> {
    yield* this.reader.events(f, true);
  }

  async countEvents(f: EventFilter, clusters = false): Promise<number> {
    return this.reader.count(f, clusters);
  }

  async *eachDocument(): AsyncGenerator<StoredDocument> {
    yield* this.reader.documents();
  }

  async stats(): Promise<Stats> {
    const base = await collectStats((sql) => this.db.prepare(sql).all() as Row[]);
    const n = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      ...base,
      dup_groups: n('SELECT count(DISTINCT dup_group) n FROM documents WHERE dup_group IS NOT NULL'),
      dup_members: n('SELECT count(*) n FROM documents WHERE dup_group IS NOT NULL'),
      clusters: n("SELECT count(DISTINCT COALESCE(cluster, doc_id || ':' || id)) n FROM events"),
      multi_article_clusters: n('SELECT count(*) n FROM clusters WHERE articles > 1'),
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** A read-only store must be a dateline store at this program's schema version (it cannot be migrated). */
function checkSchema(db: Database.Database): void {
  let version: number;
  try {
    db.prepare('SELECT 1 FROM documents LIMIT 1').get();
    version = (db.prepare('SELECT max(version) v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  } catch (e) {
    throw new Error(`not a dateline store, or not migrated yet (${(e as Error).message})`);
  }
  const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
  if (version < latest)
    throw new Error(
      `store schema is at version ${version}, this dateline reads version ${latest}: ` +
        'open it once read-write (dateline ingest) to migrate it',
    );
}

/**
 * Apply the migrations this database has not seen yet, each in its own IMMEDIATE transaction (the write lock taken up
 * front) that checks again under the lock whether it is done, so two processes opening a new store at once apply each
 * migration exactly once.
 */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)');
  const isDone = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (isDone.get(m.version)) continue;
    const apply = db.transaction(() => {
      if (isDone.get(m.version)) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      applied++;
    });
    apply.immediate();
  }
  return applied;
}
