/**
 * The ingest loop shared by `ingest` and `watch`: work from the source stream → (worker pool) extract, gate,
 * analyse → store, in input order, the document and its fetch state in one transaction. Every failure is one error
 * line; a store failure (full disk, lock) is an error line too, never the end of the batch. A stop request ends
 * the loop after the document in hand.
 */
import { stageNames, type Outcome } from './engine.js';
import { errorLine, Progress } from './io.js';
import { workFor, type SourceContext, type Work } from './sources.js';
import type { CrawlContext } from './crawl.js';
import { analyseAll, defaultWorkers } from './workers/pool.js';
import { SqliteStore, type FetchState, type FetchStateTable, type Store } from '../store/index.js';

/** Counts from one run, with where the time went (for `bench:pipeline`). */
export interface IngestSummary {
  seen: number;
  stored: number;
  duplicates: number;
  unchanged: number;
  errors: number;
  events: number;
  /** Tokens of the stored documents. */
  tokens: number;
  /** Milliseconds summed over documents per stage (`extract`, the analysis stages, `store`). */
  stageMs: Record<string, number>;
}

/** The crawl settings a command supplies; the loop adds the store's state. */
export type CrawlBase = Omit<CrawlContext, 'hasDocument' | 'state' | 'found'>;

/** Options for one run. */
export interface RunOptions {
  inputList?: string;
  /** Worker threads; 1 runs in this thread. Default: every core. */
  workers?: number;
  /** For URLs; without it URLs are refused with one error line each. */
  crawl?: CrawlBase | null;
  maxBytes?: number;
  /** Set `stopped` to end the loop after the document in hand. */
  stop?: { stopped: boolean };
  /** Override the progress bar (tests). */
  progress?: Progress;
}

/** A new, zeroed summary. */
export function emptySummary(): IngestSummary {
  return { seen: 0, stored: 0, duplicates: 0, unchanged: 0, errors: 0, events: 0, tokens: 0, stageMs: {} };
}

/** Ingest every source into `store`. */
export async function ingestSources(store: Store, sources: string[], opts: RunOptions = {}): Promise<IngestSummary> {
  const progress = opts.progress ?? new Progress(0);
  const names = stageNames();
  const s = emptySummary();
  const state = store instanceof SqliteStore ? store.fetchState : null;
  const has = (id: string) => state?.hasDocument(id) ?? false;
  const found = (n: number) => progress.grow(n);
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const crawl = opts.crawl ? { ...opts.crawl, hasDocument: has, state, found } : null;
  const ctx: SourceContext = { crawl, hasDocument: has, state, maxBytes, found };
  const pending: Work[] = [];
  // Unchanged work is counted here; the rest goes to the pool, and comes back in the same order.
  const items = async function* () {
    for await (const w of workFor(sources, opts.inputList, ctx)) {
      // A stop request sends nothing more to analyse (unchanged work too), so the run ends with what is in hand.
      if (opts.stop?.stopped) return;
      if (w.unchanged) {
        s.seen++;
        s.unchanged++;
        progress.tick(w.item.source);
        continue;
      }
      pending.push(w);
      yield w.item;
    }
  };
  for await (const o of analyseAll(items(), opts.workers ?? defaultWorkers())) {
    const w = pending.shift()!;
    s.seen++;
    if (o.doc) for (const t of o.doc.trail) s.stageMs[t.stage] = (s.stageMs[t.stage] ?? 0) + t.ms;
    const t0 = performance.now();
    const failed = await handle(store, state, names, w, o, s, progress);
    s.stageMs.store = (s.stageMs.store ?? 0) + performance.now() - t0;
    progress.tick(o.source, failed);
    if (opts.stop?.stopped) break;
  }
  progress.end();
  return s;
}

/** Store one outcome (or its error) with its fetch state; true when it ended in an error. */
async function handle(
  store: Store,
  state: FetchStateTable | null,
  names: string[],
  w: Work,
  o: Outcome,
  s: IngestSummary,
  progress: Progress,
): Promise<boolean> {
  if (!o.ok) {
    // A fetch/read failure recorded before is reported again but not saved twice.
    await fail(store, progress, s, o.source, o.code, o.stage, o.reason, !w.remembered);
    const st = w.state && (w.item.ok ? failedState(w.state, o) : w.state);
    if (st && state) guardSync(progress, o.source, () => state.save(st));
    return true;
  }
  const st = w.state ? { ...w.state, canonical_url: o.doc.source.canonicalUrl ?? null } : undefined;
  let saved = false;
  try {
    saved = await store.saveDocument(o.doc, names, st);
  } catch (e) {
    s.errors++;
    storeFailed(progress, o.source, e);
    return true;
  }
  if (saved) {
    s.stored++;
    s.events += o.doc.layers.events?.length ?? 0;
    s.tokens += o.doc.layers.tokens?.count ?? 0;
  } else s.duplicates++;
  return false;
}

/** A fetch state recording a processing failure (validators kept, so an unchanged page is not re-processed). */
function failedState(st: FetchState, o: Extract<Outcome, { ok: false }>): FetchState {
  return { ...st, error_code: o.code, error_reason: o.reason, doc_id: null };
}

/** One error line, counted, and recorded in the errors table when `record`. */
async function fail(
  store: Store,
  progress: Progress,
  s: IngestSummary,
  source: string,
  code: string,
  stage: string,
  reason: string,
  record: boolean,
): Promise<void> {
  s.errors++;
  progress.end();
  errorLine(source, code, stage, reason);
  if (!record) return;
  try {
    await store.saveError({ source, code, stage, message: reason });
  } catch (e) {
    storeFailed(progress, source, e);
  }
}

/** A store write that failed (full disk, lock held too long): one error line, never a throw. */
function storeFailed(progress: Progress, source: string, e: unknown): void {
  progress.end();
  const code = (e as { code?: string }).code ?? 'error';
  errorLine(source, 'store-failed', 'store', `${code}: ${(e as Error).message}`);
}

/** Run a synchronous store write, reporting a failure as an error line. */
function guardSync(progress: Progress, source: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    storeFailed(progress, source, e);
  }
}
