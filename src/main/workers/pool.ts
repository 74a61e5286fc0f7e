/**
 * Run extraction and analysis over a stream of input items on N worker threads (N = 1: in this thread), and give
 * the outcomes back in input order, so whatever writes them (one writer, one transaction per document) stores the
 * same content whatever N is and however the workers' timing falls.
 *
 * Each worker loads the stages and models once. At most `2 × N` items are in flight, so memory stays bounded for a
 * batch of any size. A worker that dies fails only the document it was working on (the oldest it held); the ones
 * queued behind it go to a fresh worker, so a document's outcome never depends on which worker it was given.
 *
 * Last-resort watchdog: the per-document limits are work counts (extract/budget.ts, main/gate.ts), so no document
 * should run long; if one still has no result after {@link WATCHDOG_MS} (a bug: an endless loop), its worker is
 * stopped, that document gets `timeout (worker)` and the batch goes on. Only then can a clock decide an outcome.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analysisOptions, processItem, type Outcome } from '../engine.js';
import type { InputItem } from '../inputs.js';

/** A document sent to a worker. */
export interface Job {
  seq: number;
  item: InputItem;
}

/** A worker's answer for one job. */
export interface Reply {
  seq: number;
  outcome: Outcome;
}

/** Items in flight per worker: one being processed, one queued, so a worker never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Wall-clock time one document may hold a worker before the watchdog stops it: far above any page (the worst a
 * gate-passing text was measured at is ~30 CPU s; 20 minutes is that on a machine 40× overloaded).
 */
export const WATCHDOG_MS = 20 * 60_000;

/** Options of {@link analyseAll}. */
export interface PoolOptions {
  /** Watchdog time per document (default {@link WATCHDOG_MS}). */
  watchdogMs?: number;
  /** The worker script (tests use a fake one). */
  workerUrl?: URL;
}

/** The default worker count: every core this process may use. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Input items, from memory or from a source that fetches as it goes. */
export type Items = Iterable<InputItem> | AsyncIterable<InputItem>;

/** Outcomes of `items`, in their order, computed on `workers` threads (1: in this thread, no worker started). */
export function analyseAll(items: Items, workers: number, opts: PoolOptions = {}): AsyncIterable<Outcome> {
  return workers <= 1 ? inProcess(items) : new Pool(workers, opts).run(items);
}

async function* inProcess(items: Items): AsyncGenerator<Outcome> {
  for await (const item of items) yield processItem(item);
}

/** One iterator over either kind of item source. */
function iteratorOf(items: Items): { next(): Promise<IteratorResult<InputItem>> | IteratorResult<InputItem> } {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** One worker thread and the jobs it holds, oldest first (it works on them in that order). */
interface Slot {
  worker: Worker;
  held: Map<number, Job>;
  ready: Promise<void>;
  /** When the worker started on its oldest held job (Date.now). */
  since: number;
  /** The worker has loaded and said so (the watchdog does not count its start-up). */
  started: boolean;
}

class Pool {
  private readonly slots: Slot[] = [];
  private readonly done = new Map<number, Outcome>();
  private wake: (() => void) | null = null;

  private readonly watchdogMs: number;
  private readonly workerUrl: URL;

  constructor(
    private readonly size: number,
    opts: PoolOptions,
  ) {
    this.watchdogMs = opts.watchdogMs ?? WATCHDOG_MS;
    this.workerUrl = opts.workerUrl ?? WORKER_URL;
  }

  async *run(items: Items): AsyncGenerator<Outcome> {
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
    const watch = setInterval(() => this.watchdog(), Math.min(10_000, Math.max(10, this.watchdogMs / 4)));
    watch.unref();
    const it = iteratorOf(items);
    let sent = 0;
    let next = 0;
    let exhausted = false;
    try {
      await Promise.all(this.slots.map((s) => s.ready));
      for (;;) {
        while (!exhausted && sent - next < this.size * IN_FLIGHT_PER_WORKER) {
          const r = await it.next();
          if (r.done) exhausted = true;
          else this.send({ seq: sent++, item: r.value });
        }
        if (exhausted && next === sent) return;
        while (!this.done.has(next)) await new Promise<void>((res) => (this.wake = res));
        const o = this.done.get(next)!;
        this.done.delete(next++);
        yield o;
      }
    } finally {
      clearInterval(watch);
      await Promise.all(this.slots.map((s) => s.worker.terminate()));
    }
  }

  /** Stop a worker whose oldest job has run past the watchdog time; that job fails, the rest go elsewhere. */
  private watchdog(): void {
    const now = Date.now();
    for (const slot of [...this.slots]) {
      if (!slot.started || !slot.held.size || now - slot.since <= this.watchdogMs) continue;
      const mins = Math.round(this.watchdogMs / 600) / 100;
      this.replace(slot, `no result after ${mins} min: the worker was stopped (watchdog)`, true, 'timeout');
      void slot.worker.terminate();
    }
  }

  /** Give the job to the worker holding the fewest. */
  private send(job: Job): void {
    if (!this.slots.length) return this.fail(job, 'no worker could start');
    const slot = this.slots.reduce((a, b) => (b.held.size < a.held.size ? b : a));
    if (!slot.held.size) slot.since = Date.now();
    slot.held.set(job.seq, job);
    // Copied, not transferred: the bytes stay here until the answer comes, to go to another worker if this one dies.
    slot.worker.postMessage(job);
  }

  private finish(seq: number, o: Outcome): void {
    this.done.set(seq, o);
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { workerData: analysisOptions() });
    const held = new Map<number, Job>();
    let started = false;
    let readyRes: () => void = () => {};
    let readyRej: (e: Error) => void = () => {};
    const ready = new Promise<void>((res, rej) => ((readyRes = res), (readyRej = rej)));
    ready.catch(() => {});
    const slot: Slot = { worker, held, ready, since: Date.now(), started: false };
    worker.on('message', (m: Reply | { ready: true }) => {
      if ('ready' in m) {
        started = true;
        slot.started = true;
        slot.since = Date.now();
        return readyRes();
      }
      // A retired worker's late answer is dropped: its jobs are failed or were given to another worker.
      if (!this.slots.includes(slot) || !held.delete(m.seq)) return;
      slot.since = Date.now();
      this.finish(m.seq, m.outcome);
    });
    worker.on('error', (e) => {
      // A worker that cannot even start would fail the same way again: give up on the run.
      if (!started) {
        readyRej(e);
        return this.replace(slot, e.message, false);
      }
      this.replace(slot, e.message, true);
    });
    worker.on('exit', (code) => {
      if (held.size) this.replace(slot, `worker exited with code ${code}`, started);
    });
    return slot;
  }

  /**
   * A dead (or stopped) worker fails only the job it was working on, its oldest; a fresh worker takes its place if
   * this one had started, and the jobs queued behind go out again. A worker that never started fails all it held.
   */
  private replace(slot: Slot, reason: string, respawn: boolean, code = 'crashed'): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    const jobs = [...slot.held.values()];
    slot.held.clear();
    if (respawn) this.slots[i] = this.spawn();
    else this.slots.splice(i, 1);
    if (!respawn) return jobs.forEach((j) => this.fail(j, reason, code));
    const [head, ...rest] = jobs;
    if (head) this.fail(head, reason, code);
    for (const j of rest) this.send(j);
  }

  private fail(job: Job, reason: string, code = 'crashed'): void {
    this.finish(job.seq, { ok: false, source: job.item.source, code, stage: 'worker', reason });
  }
}
