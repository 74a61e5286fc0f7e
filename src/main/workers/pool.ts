/**
 * Run extraction and analysis over a stream of input items on N worker threads (N = 1: in this thread), and give
 * the outcomes back in input order, so whatever writes them (one writer, one transaction per document) stores the
 * same content whatever N is and however the workers' timing falls.
 *
 * Each worker loads the stages and models once. At most `2 × N` items are in flight, so memory stays bounded for a
 * batch of any size; a worker that dies fails only the documents it held, and a fresh one takes its place.
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

/** The default worker count: every core this process may use. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Input items, from memory or from a source that fetches as it goes. */
export type Items = Iterable<InputItem> | AsyncIterable<InputItem>;

/** Outcomes of `items`, in their order, computed on `workers` threads (1: in this thread, no worker started). */
export function analyseAll(items: Items, workers: number): AsyncIterable<Outcome> {
  return workers <= 1 ? inProcess(items) : new Pool(workers).run(items);
}

async function* inProcess(items: Items): AsyncGenerator<Outcome> {
  for await (const item of items) yield processItem(item);
}

/** One iterator over either kind of item source. */
function iteratorOf(items: Items): { next(): Promise<IteratorResult<InputItem>> | IteratorResult<InputItem> } {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** One worker thread and the jobs it holds. */
interface Slot {
  worker: Worker;
  held: Map<number, Job>;
  ready: Promise<void>;
}

class Pool {
  private readonly slots: Slot[] = [];
  private readonly done = new Map<number, Outcome>();
  private wake: (() => void) | null = null;

  constructor(private readonly size: number) {}

  async *run(items: Items): AsyncGenerator<Outcome> {
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
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
      await Promise.all(this.slots.map((s) => s.worker.terminate()));
    }
  }

  /** Give the job to the worker holding the fewest. */
  private send(job: Job): void {
    if (!this.slots.length) return this.fail(job, 'no worker could start');
    const slot = this.slots.reduce((a, b) => (b.held.size < a.held.size ? b : a));
    slot.held.set(job.seq, job);
    const bytes = job.item.ok ? job.item.bytes : null;
    // Hand over the page's memory when it owns its buffer whole; otherwise it is copied.
    const own = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    slot.worker.postMessage(job, own ? [bytes.buffer as ArrayBuffer] : []);
  }

  private finish(seq: number, o: Outcome): void {
    this.done.set(seq, o);
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: analysisOptions() });
    const held = new Map<number, Job>();
    let started = false;
    let readyRes: () => void = () => {};
    let readyRej: (e: Error) => void = () => {};
    const ready = new Promise<void>((res, rej) => ((readyRes = res), (readyRej = rej)));
    ready.catch(() => {});
    const slot: Slot = { worker, held, ready };
    worker.on('message', (m: Reply | { ready: true }) => {
      if ('ready' in m) {
        started = true;
        return readyRes();
      }
      held.delete(m.seq);
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

  /** A dead worker fails only the documents it held; a fresh worker takes its place if this one had started. */
  private replace(slot: Slot, reason: string, respawn: boolean): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    for (const job of slot.held.values()) this.fail(job, reason);
    slot.held.clear();
    if (respawn) this.slots[i] = this.spawn();
    else this.slots.splice(i, 1);
  }

  private fail(job: Job, reason: string): void {
    this.finish(job.seq, { ok: false, source: job.item.source, code: 'crashed', stage: 'worker', reason });
  }
}
