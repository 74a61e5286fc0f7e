/**
 * The job queue over the Postgres store: enqueue pages idempotently, claim one with FOR UPDATE SKIP LOCKED under a
 * lease, and finish it in the same transaction as the document it produced. A job whose lease ran out goes back
 * to the queue; after MAX_ATTEMPTS claims that never finished it ends as a recorded error, never a loop.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { insertRows, type PostgresStore } from '../store/postgres.js';
import type { StoredError } from '../store/store.js';
import { migrateQueue } from './schema.js';

/** Claims a job may take before it is given up as an error (the bar: a document that fails twice). */
export const MAX_ATTEMPTS = 2;
/** Jobs per INSERT when enqueueing (bytes included, so keep statements a few MB). */
const ENQUEUE_CHUNK = 100;
/** `at` of errors rows, as the store writes it (ISO 8601, UTC, milliseconds). */
const NOW_ISO = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One page to put on the queue: its bytes, or a URL for a worker to fetch. */
export type Page = { source: string; bytes: Uint8Array; url: string | null } | { source: string; url: string };

/** A claimed job. */
export interface Job {
  id: number;
  source: string;
  url: string | null;
  bytes: Uint8Array | null;
  /** Which claim this is (1 for the first); finishing checks it, so a job reclaimed elsewhere is not finished twice. */
  attempt: number;
}

/** The key that makes the same page one job: the sha256 of its bytes, or its URL. */
export function jobKey(p: Page): string {
  if ('bytes' in p) return 'sha256:' + createHash('sha256').update(p.bytes).digest('hex');
  return 'url:' + p.url;
}

/** Jobs per state. */
export type QueueCounts = Record<'queued' | 'running' | 'done' | 'failed', number>;

/** The queue of one Postgres store, as seen by one worker (or an enqueuer). */
export class Queue {
  /** The queue of `store`, its table created or migrated first. */
  static async open(store: PostgresStore, worker: string, leaseSeconds = 60): Promise<Queue> {
    await migrateQueue(store.pool);
    return new Queue(store, worker, leaseSeconds);
  }

  constructor(
    readonly store: PostgresStore,
    readonly worker: string,
    readonly leaseSeconds = 60,
  ) {}

  /** Put pages on the queue; returns how many were new (the same page again is not a second job). */
  async enqueue(pages: Page[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < pages.length; i += ENQUEUE_CHUNK) {
      const rows = pages
        .slice(i, i + ENQUEUE_CHUNK)
        .map((p) => [jobKey(p), p.source, p.url, 'bytes' in p ? Buffer.from(p.bytes) : null]);
      const r = await insertRows(
        this.store.pool,
        'jobs',
        ['key', 'source', 'url', 'bytes'],
        rows,
        'ON CONFLICT (key) DO NOTHING',
      );
      added += r.rowCount ?? 0;
    }
    return added;
  }

  /** Claim the oldest queued job under a lease, or null when none is queued. */
  async claim(): Promise<Job | null> {
    const r = await this.store.pool.query(
      `UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = $1,
         lease_until = now() + make_interval(secs => $2), started_at = now()
       WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, source, url, bytes, attempts`,
      [this.worker, this.leaseSeconds],
    );
    const row = r.rows[0];
    if (!row) return null;
    return { id: Number(row.id), source: row.source, url: row.url, bytes: row.bytes, attempt: row.attempts };
  }

  /** Extend the lease of a job this worker holds; false when the lease was lost (the job was reclaimed). */
  async renew(job: Job): Promise<boolean> {
    const r = await this.store.pool.query(
      `UPDATE jobs SET lease_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND state = 'running' AND attempts = $2 AND worker = $4`,
      [job.id, job.attempt, this.leaseSeconds, this.worker],
    );
    return r.rowCount === 1;
  }

  /**
   * Mark a job done inside the caller's transaction (which also wrote its document or error). Throws LeaseLost
   * when the job is no longer this worker's, so the transaction rolls back and the new holder's result stands.
   */
  async finish(c: pg.PoolClient, job: Job, note: string | null = null): Promise<void> {
    const r = await c.query(
      `UPDATE jobs SET state = 'done', finished_at = now(), lease_until = NULL, last_error = $4
       WHERE id = $1 AND state = 'running' AND attempts = $2 AND worker = $3`,
      [job.id, job.attempt, this.worker, note],
    );
    if (r.rowCount !== 1) throw new LeaseLost(job);
  }

  /**
   * A job that threw (not a document error: those are finished with their error row). Back on the queue, or,
   * after MAX_ATTEMPTS, failed with an error row.
   */
  async release(job: Job, err: StoredError): Promise<'retry' | 'failed'> {
    return this.store.transaction(async (c) => {
      const r = await c.query(
        `UPDATE jobs SET state = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'queued' END, lease_until = NULL,
           worker = NULL, last_error = $5, finished_at = CASE WHEN attempts >= $4 THEN now() END
         WHERE id = $1 AND state = 'running' AND attempts = $2 AND worker = $3 RETURNING state`,
        [job.id, job.attempt, this.worker, MAX_ATTEMPTS, `${err.code}: ${err.message}`],
      );
      const state = r.rows[0]?.state;
      if (state === 'failed') await this.store.writeError(c, err);
      return state === 'failed' ? 'failed' : 'retry';
    });
  }

  /**
   * Jobs whose lease ran out (their worker died or stalled): back on the queue, or after MAX_ATTEMPTS failed with
   * an error row. Safe to run from every worker at once.
   */
  async reap(): Promise<{ requeued: number; failed: number }> {
    const r = await this.store.pool.query(
      `WITH expired AS (
         SELECT id FROM jobs WHERE state = 'running' AND lease_until < now() FOR UPDATE SKIP LOCKED
       ), requeued AS (
         UPDATE jobs j SET state = 'queued', worker = NULL, lease_until = NULL, last_error = 'lease expired'
         FROM expired e WHERE j.id = e.id AND j.attempts < $1 RETURNING j.id
       ), failed AS (
         UPDATE jobs j SET state = 'failed', lease_until = NULL, finished_at = now(),
           last_error = 'lease expired on every attempt'
         FROM expired e WHERE j.id = e.id AND j.attempts >= $1 RETURNING j.source, j.attempts
       ), recorded AS (
         INSERT INTO errors (source, code, stage, message, at)
         SELECT source, 'worker-lost', 'queue',
           'no worker finished it in ' || attempts || ' attempts (each lease expired: a crash or a stall)', ${NOW_ISO}
         FROM failed RETURNING 1
       )
       SELECT (SELECT count(*) FROM requeued)::int AS requeued, (SELECT count(*) FROM recorded)::int AS failed`,
      [MAX_ATTEMPTS],
    );
    return r.rows[0];
  }

  /** Jobs per state. */
  async counts(): Promise<QueueCounts> {
    const r = await this.store.pool.query('SELECT state, count(*)::int AS n FROM jobs GROUP BY state');
    const out: QueueCounts = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const row of r.rows) out[row.state as keyof QueueCounts] = row.n;
    return out;
  }
}

/** The job was reclaimed by another worker after this one's lease ran out. */
export class LeaseLost extends Error {
  constructor(readonly job: Job) {
    super(`job ${job.id} (${job.source}): lease lost, another worker holds it now`);
  }
}
