/**
 * Where a worker runs the pipeline: on its own thread by default, so the worker's event loop stays free to renew
 * the job's lease while a slow page is processed (the pipeline is synchronous and would otherwise block it).
 */
import { Worker } from 'node:worker_threads';
import { analysisOptions, processItem, stageNames, type Outcome } from '../main/engine.js';
import type { InputItem } from '../main/inputs.js';

/** Turns a page into its outcome, asynchronously. */
export interface Analyser {
  /** The stage names stored with each document. */
  readonly names: string[];
  process(item: InputItem): Promise<Outcome>;
  close(): Promise<void>;
}

/** The pipeline in this thread (loadAnalysis() must have run); blocks the event loop while it works. */
export function inProcessAnalyser(): Analyser {
  return {
    names: stageNames(),
    process: async (item) => processItem(item),
    close: async () => undefined,
  };
}

/** What the thread posts: once ready (with its stage names), then one outcome per item. */
export type ThreadMessage = { ready: true; names: string[] } | { outcome: Outcome };

const THREAD_URL = new URL('./analyser-thread.js', import.meta.url);

/** One pipeline thread with at most one item in flight; a thread that dies fails that item and is replaced. */
class ThreadAnalyser implements Analyser {
  private worker!: Worker;
  private pending: { resolve: (o: Outcome) => void; reject: (e: Error) => void } | null = null;
  private dead = false;
  names: string[] = [];

  /** Start the thread and wait until it has loaded the models. */
  async start(): Promise<this> {
    const worker = new Worker(THREAD_URL, { workerData: analysisOptions() });
    this.worker = worker;
    this.dead = false;
    let started: { resolve: () => void; reject: (e: Error) => void } | null = null;
    const ready = new Promise<void>((resolve, reject) => (started = { resolve, reject }));
    const fail = (e: Error) => {
      if (started) started.reject(e);
      started = null;
      this.settle((p) => p.reject(e));
    };
    worker.on('message', (m: ThreadMessage) => {
      if ('ready' in m) {
        this.names = m.names;
        started?.resolve();
        started = null;
      } else this.settle((p) => p.resolve(m.outcome));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker) this.dead = true;
      fail(new Error(`pipeline thread exited with code ${code}`));
    });
    await ready;
    return this;
  }

  private settle(fn: (p: NonNullable<ThreadAnalyser['pending']>) => void): void {
    const p = this.pending;
    this.pending = null;
    if (p) fn(p);
  }

  async process(item: InputItem): Promise<Outcome> {
    if (this.dead) await this.start(); // the last one died
    return new Promise<Outcome>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(item);
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

/** A pipeline thread loaded with this process's analysis options. */
export function threadAnalyser(): Promise<Analyser> {
  return new ThreadAnalyser().start();
}
