/** `dateline ingest`: run the pipeline and store documents, events and errors in SQLite. */
import type { Command } from '../args.js';
import { loadAnalysis, processItem, stageNames } from '../engine.js';
import { Progress, reportError } from '../io.js';
import { openSqliteStore, type SqliteStore } from '../../store/index.js';
import { collectInputs, load } from './shared.js';

/** Counts from one ingest run. */
export interface IngestSummary {
  seen: number;
  stored: number;
  duplicates: number;
  errors: number;
  events: number;
}

/** Ingest `paths` into an open store; each document is stored whole or not at all. */
export function ingestInto(store: SqliteStore, paths: string[], inputList?: string): IngestSummary {
  const refs = collectInputs(paths, inputList);
  const progress = new Progress(refs.length);
  const names = stageNames();
  const s: IngestSummary = { seen: 0, stored: 0, duplicates: 0, errors: 0, events: 0 };
  for (const ref of refs) {
    s.seen++;
    const item = load(ref);
    progress.tick(item.source);
    const o = processItem(item);
    if (!o.ok) {
      s.errors++;
      progress.end();
      reportError(o);
      store.saveError({ source: o.source, code: o.code, stage: o.stage, message: o.reason });
      continue;
    }
    try {
      if (store.saveDocument(o.doc, names)) {
        s.stored++;
        s.events += o.doc.layers.events?.length ?? 0;
      } else s.duplicates++;
    } catch (e) {
      s.errors++;
      const msg = (e as Error).message;
      progress.end();
      process.stderr.write(`error: ${o.source}: store-failed (store): ${msg}\n`);
      store.saveError({ source: o.source, code: 'store-failed', stage: 'store', message: msg });
    }
  }
  progress.end();
  return s;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'run the pipeline and store results in SQLite',
  usage: `
Usage: dateline ingest [--db FILE] [--input-list LIST] SOURCE...

Extract, analyse and store each page (files, folders recursively, - for stdin). A document already in the
store (same text) is stored once. A failed document is recorded in the errors table; the rest go on.

Options:
  --db FILE          SQLite file (default ./dateline.db)
  --input-list LIST  JSON lines {"path","url"}
  --json             print the summary as JSON
  -h, --help         this help`,
  options: { db: { type: 'string' }, 'input-list': { type: 'string' }, json: { type: 'boolean' } },
  async run(values, positionals) {
    await loadAnalysis();
    const store = openSqliteStore((values.db as string) ?? 'dateline.db');
    try {
      const s = ingestInto(store, positionals, values['input-list'] as string | undefined);
      if (values.json) process.stdout.write(JSON.stringify(s) + '\n');
      else
        process.stdout.write(
          `ingested ${s.seen} inputs: ${s.stored} stored, ${s.duplicates} already stored, ${s.errors} errors, ${s.events} events\n`,
        );
      return s.stored + s.duplicates > 0 ? 0 : 1;
    } finally {
      store.close();
    }
  },
};
