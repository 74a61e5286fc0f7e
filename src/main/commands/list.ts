/**
 * The subcommands, each loaded only when it runs: a command's module pulls in its whole stage (the
 * store, the NLP models, the HTTP server), and loading all of them cost every run about a second of
 * start-up (`dateline extract` on one page: 1.2 s, of which 0.9 s was importing commands it never used).
 * Names and summaries live here for the help text; list.test.ts checks they match the modules.
 */
import type { Command } from '../args.js';

/** A subcommand known by name and summary, its module imported on use. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'extract',
    summary: 'extract article text and metadata from pages',
    load: async () => (await import('./extract.js')).extractCommand,
  },
  {
    name: 'events',
    summary: 'code events from pages or sentences (no store)',
    load: async () => (await import('./events.js')).eventsCommand,
  },
  {
    name: 'quotes',
    summary: 'quotes and their speakers, one line per document',
    load: async () => (await import('./quotes.js')).quotesCommand,
  },
  {
    name: 'ingest',
    summary: 'run the pipeline and store results (SQLite or Postgres)',
    load: async () => (await import('./ingest.js')).ingestCommand,
  },
  {
    name: 'watch',
    summary: 're-read feeds and sitemaps on a schedule, ingesting only what is new or changed',
    load: async () => (await import('./watch.js')).watchCommand,
  },
  {
    name: 'query',
    summary: 'query stored events',
    load: async () => (await import('./query.js')).queryCommand,
  },
  {
    name: 'stats',
    summary: 'counts of documents, events and errors in the store',
    load: async () => (await import('./query.js')).statsCommand,
  },
  {
    name: 'docs',
    summary: 'list stored documents with their near-duplicate group',
    load: async () => (await import('./docs.js')).docsCommand,
  },
  {
    name: 'export',
    summary: 'export stored events as jsonl, csv, gdelt or parquet',
    load: async () => (await import('./export.js')).exportCommand,
  },
  {
    name: 'parse',
    summary: 'POS, lemmas, dependency parse and entities as CoNLL-U',
    load: async () => (await import('./parse.js')).parseCommand,
  },
  {
    name: 'actors',
    summary: 'resolve actor mentions to country, sector and code',
    load: async () => (await import('./actors.js')).actorsCommand,
  },
  {
    name: 'places',
    summary: 'find place names and resolve them to coordinates (no store)',
    load: async () => (await import('./places.js')).placesCommand,
  },
  {
    name: 'demo',
    summary: 'ingest the bundled example pages and show the events found',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'enqueue',
    summary: 'put pages on the Postgres job queue for workers',
    load: async () => (await import('./enqueue.js')).enqueueCommand,
  },
  {
    name: 'worker',
    summary: 'process jobs from the Postgres queue (any number, on any machines)',
    load: async () => (await import('./worker.js')).workerCommand,
  },
  {
    name: 'serve',
    summary: 'serve the HTTP API and the web UI over a store',
    load: async () => (await import('./serve.js')).serveCommand,
  },
];
