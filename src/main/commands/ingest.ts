/** `dateline ingest`: files, folders, stdin, URLs, feeds, sitemaps and WARC files → the pipeline → the store. */
import type { Command } from '../args.js';
import { loadAnalysis } from '../engine.js';
import { ingestSources, type IngestSummary, type RunOptions } from '../ingest-run.js';
import { MAX_INPUT_BYTES } from '../inputs.js';
import { defaultWorkers } from '../workers/pool.js';
import type { Store } from '../../store/index.js';
import { minConfidence, withStore } from './shared.js';
import { crawlFrom, WEB_OPTIONS, WEB_USAGE } from './web.js';

export type { IngestSummary } from '../ingest-run.js';

/**
 * Ingest local `paths` into an open store (no network). Outcomes arrive in input order and one writer stores each
 * document in its own transaction, whole or not at all, so the store's content does not depend on the workers.
 */
export function ingestInto(store: Store, paths: string[], opts: RunOptions = {}): Promise<IngestSummary> {
  return ingestSources(store, paths, { maxBytes: MAX_INPUT_BYTES, ...opts });
}

/** Stop after the document in hand on SIGINT/SIGTERM; returns a function that removes the handlers. */
export function stopOnSignals(stop: { stopped: boolean }, onStop?: () => void): () => void {
  const h = () => {
    stop.stopped = true;
    onStop?.();
  };
  process.on('SIGINT', h);
  process.on('SIGTERM', h);
  return () => {
    process.off('SIGINT', h);
    process.off('SIGTERM', h);
  };
}

/** The one-line summary. */
export function summaryLine(s: IngestSummary): string {
  return (
    `ingested ${s.seen} inputs: ${s.stored} stored, ${s.duplicates} already stored, ${s.unchanged} unchanged, ` +
    `${s.errors} errors, ${s.events} events`
  );
}

/** The `--workers` value: a positive integer, or the default. */
export function workersOf(v: unknown): number | string {
  if (v === undefined) return defaultWorkers();
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 256 ? n : `--workers wants a whole number from 1 to 256, not '${v}'`;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'run the pipeline and store results (SQLite or Postgres)',
  usage: `
Usage: dateline ingest [--db FILE|URL] [--input-list LIST] [--workers N] [fetch options] SOURCE...

Extract, analyse and store each page. A SOURCE is a file, a folder (recursive), - for stdin, a .warc or
.warc.gz file (each HTML response record is a page, its target URI the URL), or an http(s) URL: a page, or a
feed (RSS, Atom, JSON Feed) or sitemap (urlset, index, Google News) whose pages are fetched. Kinds are told
by content. A document already in the store (same text) is stored once; on a re-run URLs are asked for
conditionally and unchanged pages are not processed again (SQLite stores). A failed document is one error
line and a row in the errors table; the rest go on. Pages are analysed on N worker threads and stored in
input order, one transaction each, so a killed run can simply be run again. SIGINT/SIGTERM finish the
document in hand, then stop.

Options:
  --db FILE|URL      SQLite file (default ./dateline.db) or postgres:// URL
  --input-list LIST  JSON lines {"path","url"}
  --workers N        worker threads (default: every core; 1 = in this process, no threads)
  --json             print the summary as JSON (with fetch counts, per-stage milliseconds and peak RSS)
  --min-confidence X store events with confidence ≥ X, 0..1 (default: the gate's threshold, docs/events.md)
  --parse-all        parse every sentence of every page (the cascade off; slower, docs/performance.md)
${WEB_USAGE}
  -h, --help         this help`,
  options: {
    db: { type: 'string' },
    'input-list': { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
    'min-confidence': { type: 'string' },
    'parse-all': { type: 'boolean' },
    ...WEB_OPTIONS,
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
    if (!positionals.length && !values['input-list']) {
      process.stderr.write('dateline ingest: no input (see --help)\n');
      return 2;
    }
    return withStore(values.db as string | undefined, {}, async (store) => {
      const web = crawlFrom(values, store);
      if (typeof web === 'string') {
        process.stderr.write(`dateline ingest: ${web}\n`);
        return 2;
      }
      const stop = { stopped: false };
      const off = stopOnSignals(stop);
      try {
        await loadAnalysis({ minConfidence: minConf, parseAll: values['parse-all'] === true });
        const t0 = performance.now();
        const s = await ingestSources(store, positionals, {
          inputList: values['input-list'] as string | undefined,
          workers,
          crawl: web.crawl,
          maxBytes: web.maxBytes,
          stop,
        });
        const wallMs = Math.round(performance.now() - t0);
        if (values.json) {
          const ru = process.resourceUsage();
          const peakRssMB = Math.round(ru.maxRSS / 1024);
          // CPU time of every thread of this process, so runs under different machine load can be compared too.
          const cpuMs = Math.round((ru.userCPUTime + ru.systemCPUTime) / 1000);
          const fetch = web.fetcher.counters;
          process.stdout.write(JSON.stringify({ ...s, fetch, workers, wallMs, cpuMs, peakRssMB }) + '\n');
        } else process.stdout.write(summaryLine(s) + '\n');
        return s.stored + s.duplicates + s.unchanged > 0 || stop.stopped ? 0 : 1;
      } finally {
        off();
        await web.fetcher.close();
      }
    });
  },
};
