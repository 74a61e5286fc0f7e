/** `dateline ingest`: run the pipeline (on worker threads) and store documents, events and errors (SQLite or Postgres). */
import type { Command } from '../args.js';
import { loadAnalysis, stageNames, type Outcome } from '../engine.js';
import { Progress, reportError } from '../io.js';
import { analyseAll, defaultWorkers } from '../workers/pool.js';
import type { Store } from '../../store/index.js';
import { collectInputs, load, minConfidence, withStore } from './shared.js';

/** Counts from one ingest run, with where the time went (for `bench:pipeline`). */
export interface IngestSummary {
  seen: number;
  stored: number;
  duplicates: number;
  errors: number;
  events: number;
  /** Tokens of the stored documents. */
  tokens: number;
  /** Milliseconds summed over documents per stage (`extract`, the analysis stages, `nlp.*` parts, `store`). */
  stageMs: Record<string, number>;
}

/** Options of {@link ingestInto}. */
export interface IngestOptions {
  inputList?: string;
  /** Worker threads; 1 runs in this thread. Default: every core. */
  workers?: number;
}

/**
 * Ingest `paths` into an open store. Outcomes arrive in input order and one writer stores each document in its own
 * transaction, whole or not at all, so the store's content does not depend on the number of workers.
 */
export async function ingestInto(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const refs = collectInputs(paths, opts.inputList);
  const progress = new Progress(refs.length);
  const names = stageNames();
  const s: IngestSummary = { seen: 0, stored: 0, duplicates: 0, errors: 0, events: 0, tokens: 0, stageMs: {} };
  const items = (function* () {
    for (const ref of refs) yield load(ref);
  })();
  for await (const o of analyseAll(items, opts.workers ?? defaultWorkers())) {
    s.seen++;
    progress.tick(o.source);
    if (o.doc) for (const t of o.doc.trail) s.stageMs[t.stage] = (s.stageMs[t.stage] ?? 0) + t.ms;
    const t0 = performance.now();
    if (!o.ok) {
      progress.end();
      await fail(store, s, o);
    } else await save(store, s, o, names);
    s.stageMs.store = (s.stageMs.store ?? 0) + performance.now() - t0;
  }
  progress.end();
  return s;
}

async function fail(store: Store, s: IngestSummary, o: Extract<Outcome, { ok: false }>): Promise<void> {
  s.errors++;
  reportError(o);
  await store.saveError({ source: o.source, code: o.code, stage: o.stage, message: o.reason });
}

async function save(store: Store, s: IngestSummary, o: Extract<Outcome, { ok: true }>, names: string[]): Promise<void> {
  try {
    if (await store.saveDocument(o.doc, names)) {
      s.stored++;
      s.events += o.doc.layers.events?.length ?? 0;
      s.tokens += o.doc.layers.tokens?.count ?? 0;
    } else s.duplicates++;
  } catch (e) {
    await fail(store, s, {
      ok: false,
      source: o.source,
      code: 'store-failed',
      stage: 'store',
      reason: (e as Error).message,
    });
  }
}

/** The `--workers` value: a positive integer, or the default. */
function workersOf(v: unknown): number | string {
  if (v === undefined) return defaultWorkers();
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 256 ? n : `--workers wants a whole number from 1 to 256, not '${v}'`;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'run the pipeline and store results (SQLite or Postgres)',
  usage: `
Usage: dateline ingest [--db FILE|URL] [--input-list LIST] [--workers N] SOURCE...

Extract, analyse and store each page (files, folders recursively, - for stdin). A document already in the
store (same text) is stored once. A failed document is recorded in the errors table; the rest go on.
Pages are analysed on N worker threads and stored in input order by one writer, one transaction each, so
the store's content is the same for any N, and a killed run can simply be run again.

Options:
  --db FILE|URL      SQLite file (default ./dateline.db) or postgres:// URL
  --input-list LIST  JSON lines {"path","url"}
  --workers N        worker threads (default: every core; 1 = in this process, no threads)
  --json             print the summary as JSON (with tokens, per-stage milliseconds and peak RSS)
  --min-confidence X store events with confidence ≥ X, 0..1 (default: the gate's threshold, docs/events.md)
  -h, --help         this help`,
  options: {
    db: { type: 'string' },
    'input-list': { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
    'min-confidence': { type: 'string' },
  },
  async run(values, positionals) {
    const workers = workersOf(values.workers);
    if (typeof workers === 'string') {
      process.stderr.write(`dateline ingest: ${workers}\n`);
      return 2;
    }
    const minConf = minConfidence(values['min-confidence']);
    if (typeof minConf === 'object') {
      process.stderr.write(`dateline ingest: ${minConf.error}\n`);
      return 2;
    }
    await loadAnalysis({ minConfidence: minConf });
    return withStore(values.db as string | undefined, {}, async (store) => {
      const t0 = performance.now();
      const s = await ingestInto(store, positionals, {
        inputList: values['input-list'] as string | undefined,
        workers,
      });
      const wallMs = Math.round(performance.now() - t0);
      if (values.json) {
        const ru = process.resourceUsage();
        const peakRssMB = Math.round(ru.maxRSS / 1024);
        // CPU time of every thread of this process, so runs under different machine load can be compared too.
        const cpuMs = Math.round((ru.userCPUTime + ru.systemCPUTime) / 1000);
        process.stdout.write(JSON.stringify({ ...s, workers, wallMs, cpuMs, peakRssMB }) + '\n');
      } else
        process.stdout.write(
          `ingested ${s.seen} inputs: ${s.stored} stored, ${s.duplicates} already stored, ${s.errors} errors, ${s.events} events\n`,
        );
      return s.stored + s.duplicates > 0 ? 0 : 1;
    });
  },
};
