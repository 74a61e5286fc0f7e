/**
 * The Postgres store (node-postgres): the same tables and contract as SQLite, for many writers on many machines.
 * A document's rows go in with one multi-row INSERT per table inside one transaction; the queue (src/queue) uses
 * `transaction` and `writeDocument` to commit a document and its job's completion together.
 */
import pg from 'pg';
import type { Doc, Layers } from '../doc/index.js';
import { decodeLayer } from './codec.js';
import { GROUPS_LOCK, linkAndCluster } from './postgres-groups.js';
import { PG_MIGRATIONS } from './postgres-migrations.js';
import { PostgresReader } from './postgres-read.js';
import { indexDocument, withReadColumns } from './postgres-read-index.js';
import { ARGS_SQL, collectStats, documentTables, eventSql, eventWhere, storedEvents, type Row } from './rows.js';
import type { EventFilter, Stats, Store, StoredDocument, StoredError, StoredEvent } from './store.js';

/** Postgres allows 65,535 bind parameters per statement; stay well under. */
const MAX_PARAMS = 30000;
/** Key of the advisory lock that serialises migrations when many workers start at once. */
const MIGRATION_LOCK = 7_140_014;

/** A connection that can run queries: the pool or one checked-out client. */
export type Queryable = pg.Pool | pg.PoolClient;

/** True when a --db value names a Postgres database rather than a SQLite file. */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** Connect, migrate and return a Postgres store. `max` is the pool size. */
export async function openPostgresStore(url: string, opts: { max?: number } = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 4 });
  // An idle client whose server went away emits 'error' on the pool; without a handler that kills the process.
  pool.on('error', (e) => process.stderr.write(`dateline: postgres: ${e.message}\n`));
  try {
    await migratePostgres(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return new PostgresStore(pool);
}

/** Apply the Postgres migrations not yet applied, under an advisory lock; returns how many ran. */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)',
    );
    const done = new Set((await c.query('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    let applied = 0;
    for (const m of PG_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      applied++;
    }
    await c.query('COMMIT');
    return applied;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** Insert rows with multi-row VALUES, chunked under the parameter limit; `suffix` ends each statement. */
export async function insertRows(
  q: Queryable,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  suffix = '',
): Promise<pg.QueryResult> {
  let last: pg.QueryResult | undefined;
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const cols = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    last = await q.query(`INSERT INTO ${table} (${cols}) VALUES ${values.join(', ')} ${suffix}`, chunk.flat());
  }
  return last ?? ({ rowCount: 0, rows: [] } as unknown as pg.QueryResult);
}

/** A Store over a Postgres connection pool. */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  /** Milliseconds this store's writers waited for GROUPS_LOCK, and spent holding it before commit (benchmarks). */
  readonly lockTimes = { waitMs: 0, heldMs: 0 };
  /** The API's reads (StoreReader); the writer keeps their columns, search words and daily counts. */
  readonly read: PostgresReader;
  constructor(readonly pool: pg.Pool) {
    this.read = new PostgresReader(pool);
  }

  /** Run `fn` in one transaction on one client: committed when it resolves, rolled back when it throws. */
  async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  /**
   * Write a document's rows inside the caller's transaction; false (and nothing written) when its id is stored.
   * A concurrent writer of the same id waits on the primary key and then finds it, so many workers never duplicate.
   */
  async writeDocument(c: pg.PoolClient, doc: Doc, pipeline: string[]): Promise<boolean> {
    const [first, ...rest] = documentTables(doc, pipeline);
    const r = await insertRows(c, first.table, first.columns, first.rows, 'ON CONFLICT (id) DO NOTHING');
    if (r.rowCount === 0) return false;
    for (const t of rest) {
      const rows = t.table === 'events' ? withReadColumns(t, doc) : t;
      if (rows.rows.length) await insertRows(c, rows.table, rows.columns, rows.rows);
    }
    // The rows above go in alongside other writers'; groups and clusters are updated by one writer at a time, each
    // seeing every earlier writer's commit (the lock is held to this transaction's end).
    const t0 = performance.now();
    await c.query('SELECT pg_advisory_xact_lock($1)', [GROUPS_LOCK]);
    const t1 = performance.now();
    await linkAndCluster(c, doc);
    await indexDocument(c, doc);
    this.lockTimes.waitMs += t1 - t0;
    this.lockTimes.heldMs += performance.now() - t1;
    return true;
  }

  /** Record a per-document error through `q` (the pool, or a client inside a transaction). */
  async writeError(q: Queryable, err: StoredError): Promise<void> {
    await q.query('INSERT INTO errors (source, code, stage, message, at) VALUES ($1, $2, $3, $4, $5)', [
      err.source,
      err.code,
      err.stage,
      err.message,
      new Date().toISOString(),
    ]);
  }

  async hasDocument(id: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM documents WHERE id = $1', [id])).rowCount !== 0;
  }

  async saveDocument(doc: Doc, pipeline: string[]): Promise<boolean> {
    return this.transaction((c) => this.writeDocument(c, doc, pipeline));
  }

  async saveError(err: StoredError): Promise<void> {
    await this.writeError(this.pool, err);
  }

  async loadLayer<K extends keyof Layers>(docId: string, name: K): Promise<Layers[K] | undefined> {
    const r = await this.pool.query('SELECT data FROM layers WHERE doc_id = $1 AND name = $2', [docId, name]);
    return r.rows[0] ? (decodeLayer(name, r.rows[0].data) as Layers[K]) : undefined;
  }

  async queryEvents(f: EventFilter): Promise<StoredEvent[]> {
    return this.events(f, false);
  }

  /** Matching events (or, with `clusters`, each matching cluster's representative) as records. */
  private async events(f: EventFilter, clusters: boolean): Promise<StoredEvent[]> {
    const w = eventWhere(f, (i) => `$${i}`, clusters ? 'e2' : 'e');
    const rows = (await this.pool.query(eventSql(w.sql, f.limit, clusters), w.params)).rows as Row[];
    const docIds = [...new Set(rows.map((r) => r.doc_id as string))];
    const args = docIds.length
      ? (await this.pool.query(`${ARGS_SQL} WHERE a.doc_id = ANY($1) ORDER BY a.role, a.position`, [docIds])).rows
      : [];
    return storedEvents(rows, args as Row[]);
  }

  // Not streamed yet: each read is one query (bounded by its filter and limit), then yielded one at a time.
  async *eachEvent(f: EventFilter): AsyncGenerator<StoredEvent> {
    yield* await this.events(f, false);
  }

  async *eachCluster(f: EventFilter): AsyncGenerator<StoredEvent> {
    yield* await this.events(f, true);
  }

  async countEvents(f: EventFilter, clusters = false): Promise<number> {
    const w = eventWhere(f, (i) => `$${i}`, clusters ? 'e2' : 'e');
    const sql = clusters
      ? `SELECT count(DISTINCT COALESCE(e2.cluster, e2.doc_id || ':' || e2.id)) AS n FROM events e2 ${w.sql}`
      : `SELECT count(*) AS n FROM events e ${w.sql}`;
    const n = Number((await this.pool.query(sql, w.params)).rows[0].n);
    return f.limit ? Math.min(n, Math.floor(f.limit)) : n;
  }

  async *eachDocument(): AsyncGenerator<StoredDocument> {
    const r = await this.pool.query(`SELECT id, source, COALESCE(url, canonical_url) AS url, site, title, published,
      status, dup_group FROM documents ORDER BY ingested_at COLLATE "C", id COLLATE "C"`);
    yield* r.rows as StoredDocument[];
  }

  async stats(): Promise<Stats> {
    const base = await collectStats(async (sql) => (await this.pool.query(sql)).rows as Row[]);
    const n = async (sql: string) => Number((await this.pool.query(sql)).rows[0].n);
    return {
      ...base,
      dup_groups: await n('SELECT count(DISTINCT dup_group) n FROM documents WHERE dup_group IS NOT NULL'),
      dup_members: await n('SELECT count(*) n FROM documents WHERE dup_group IS NOT NULL'),
      clusters: await n("SELECT count(DISTINCT COALESCE(cluster, doc_id || ':' || id)) n FROM events"),
      multi_article_clusters: await n('SELECT count(*) n FROM clusters WHERE articles > 1'),
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
