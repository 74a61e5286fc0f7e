/**
 * One worker's loop: reap expired leases, claim a job, run the pipeline over its page, and commit the document (or
 * its error row) together with the job's completion in one transaction. Stops when asked, or when idle if told to.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Outcome } from '../main/engine.js';
import type { InputItem } from '../main/inputs.js';
import { inProcessAnalyser, type Analyser } from './analyser.js';
import { LeaseLost, type Job, type Queue } from './queue.js';

/** How a worker runs. */
export interface WorkerOptions {
  /** Return when no job is queued or running (instead of waiting for more). */
  exitWhenIdle?: boolean;
  /** Wait between polls of an empty queue. */
  pollMs?: number;
  /** Asked between jobs: true stops the loop (SIGTERM). */
  stopping?: () => boolean;
  /** Where per-document error lines go. */
  log?: (line: string) => void;
  /** Runs the pipeline (default: in this thread, which cannot renew a lease while it works: see analyser.ts). */
  analyser?: Analyser;
}

/** What one worker did. */
export interface WorkerSummary {
  worker: string;
  jobs: number;
  stored: number;
  duplicates: number;
  errors: number;
  /** Jobs that threw and went back on the queue. */
  retried: number;
  /** Jobs given up after MAX_ATTEMPTS (error rows). */
  failed: number;
  /** Jobs finished elsewhere after this worker's lease ran out (its result discarded). */
  lost: number;
  /** Expired leases this worker put back on the queue or failed. */
  reaped: number;
  /** Lease renewals made while a job was processed or committed. */
  renewals: number;
  /** Milliseconds in the pipeline, and in the commit transaction (document rows + job completion). */
  processMs: number;
  commitMs: number;
  /** Milliseconds waiting for the store's group/cluster lock, and in the group/cluster step under it. */
  lockWaitMs: number;
  lockHeldMs: number;
  /** CPU milliseconds of this process (every thread: pipeline, driver, JSON) from the first claim to the end. */
  cpuMs: number;
}

/** A name for this worker, unique across machines and restarts. */
export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run jobs from `queue` until stopped (or idle, with exitWhenIdle). loadAnalysis() must have run. */
export async function runWorker(queue: Queue, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  const s: WorkerSummary = {
    worker: queue.worker,
    jobs: 0,
    stored: 0,
    duplicates: 0,
    errors: 0,
    retried: 0,
    failed: 0,
    lost: 0,
    reaped: 0,
    renewals: 0,
    processMs: 0,
    commitMs: 0,
    cpuMs: 0,
    lockWaitMs: 0,
    lockHeldMs: 0,
  };
  const pollMs = opts.pollMs ?? 500;
  const analyser = opts.analyser ?? inProcessAnalyser();
  let cpu0: NodeJS.CpuUsage | null = null;
  let lastReap = 0;
  while (!opts.stopping?.()) {
    if (Date.now() - lastReap >= pollMs) {
      const r = await queue.reap();
      s.reaped += r.requeued + r.failed;
      lastReap = Date.now();
    }
    const job = await queue.claim();
    if (job) {
      cpu0 ??= process.cpuUsage();
      s.jobs++;
      await handle(queue, job, analyser, s, opts.log ?? ((l) => process.stderr.write(l + '\n')));
      continue;
    }
    if (opts.exitWhenIdle) {
      const c = await queue.counts();
      if (c.queued === 0 && c.running === 0) break;
    }
    await sleep(pollMs);
  }
  if (cpu0) {
    const u = process.cpuUsage(cpu0);
    s.cpuMs = (u.user + u.system) / 1000;
  }
  s.lockWaitMs = queue.store.lockTimes.waitMs;
  s.lockHeldMs = queue.store.lockTimes.heldMs;
  return s;
}

/**
 * Run `fn` while renewing the job's lease every third of it, so a page slower than the lease is not reclaimed by
 * another worker while this one is alive (a dead worker stops renewing and its job is reaped as before).
 */
async function whileRenewing<T>(queue: Queue, job: Job, s: WorkerSummary, fn: () => Promise<T>): Promise<T> {
  const timer = setInterval(
    () => {
      queue.renew(job).then(
        (held) => held && s.renewals++,
        () => undefined, // the store is unreachable for now: the next tick tries again, the lease may run out
      );
    },
    Math.max(100, (queue.leaseSeconds * 1000) / 3),
  );
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

/** The page a job carries, as the engine reads it. */
function itemOf(job: Job): InputItem {
  if (job.bytes) return { ok: true, source: job.source, url: job.url, bytes: job.bytes };
  return {
    ok: false,
    source: job.source,
    code: 'bad-input',
    reason: 'URL jobs need the fetcher (src/fetch), not in this build',
  };
}

/** Process one job and commit its outcome with its completion; on a throw, release it for a retry. */
async function handle(queue: Queue, job: Job, analyser: Analyser, s: WorkerSummary, log: (l: string) => void) {
  try {
    await whileRenewing(queue, job, s, () => processAndCommit(queue, job, analyser, s, log));
  } catch (e) {
    if (e instanceof LeaseLost) {
      s.lost++;
      return;
    }
    const message = (e as Error).message;
    const r = await queue
      .release(job, { source: job.source, code: 'worker-failed', stage: 'worker', message })
      .catch(() => 'retry' as const); // the store is unreachable: the lease runs out and the job is reaped
    if (r === 'failed') {
      s.failed++;
      log(`error: ${job.source}: worker-failed (worker): ${message}`);
    } else s.retried++;
  }
}

/** Run the pipeline over the job's page, then commit its document (or error row) with the job's completion. */
async function processAndCommit(
  queue: Queue,
  job: Job,
  analyser: Analyser,
  s: WorkerSummary,
  log: (l: string) => void,
) {
  const names = analyser.names;
  const t0 = performance.now();
  const o: Outcome = await analyser.process(itemOf(job));
  const t1 = performance.now();
  s.processMs += t1 - t0;
  const stored = await queue.store.transaction(async (c) => {
    let result: 'stored' | 'duplicate' | 'error';
    if (!o.ok) {
      await queue.store.writeError(c, { source: o.source, code: o.code, stage: o.stage, message: o.reason });
      result = 'error';
    } else result = (await queue.store.writeDocument(c, o.doc, names)) ? 'stored' : 'duplicate';
    await queue.finish(c, job, o.ok ? null : o.code);
    return result;
  });
  s.commitMs += performance.now() - t1;
  if (!o.ok) log(`error: ${o.source}: ${o.code} (${o.stage}): ${o.reason}`);
  if (stored === 'stored') s.stored++;
  else if (stored === 'duplicate') s.duplicates++;
  else s.errors++;
}
