/** `dateline demo` (what `npm start` runs): ingest the bundled examples into SQLite and show what came out. */
import { join } from 'node:path';
import type { Command } from '../args.js';
import { out } from '../io.js';
import { PACKAGE_ROOT } from '../../doc/index.js';
import { ingestInto } from './ingest.js';
import { withStore } from './shared.js';
import { loadAnalysis } from '../engine.js';
import { serveOptions, serveStore } from './serve.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'ingest the bundled example pages and show the events found',
  usage: `
Usage: dateline demo [--db FILE] [--examples DIR] [--serve [--port N] [--host ADDR]]

Ingest the bundled example pages (examples/) into a SQLite store and print what came out:
page kinds, errors, and the events with their actors, dates and evidence. With --serve (what npm start
runs), then serve the web UI and API over that store and print the address.

Options:
  --db FILE        SQLite file (default ./dateline.db)
  --examples DIR   folder of pages (default: the bundled examples)
  --serve          serve the UI and API afterwards (see dateline serve)
  --port N         port for --serve (default 8080; 0 picks a free one)
  --host ADDR      address for --serve (default 127.0.0.1)
  -h, --help       this help`,
  options: {
    db: { type: 'string' },
    examples: { type: 'string' },
    serve: { type: 'boolean' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
  async run(v) {
    const serveOpts = serveOptions(v);
    if (typeof serveOpts === 'string') {
      process.stderr.write(`dateline demo: ${serveOpts}\n`);
      return 2;
    }
    await loadAnalysis();
    const dbPath = (v.db as string) ?? 'dateline.db';
    const dir = (v.examples as string) ?? join(PACKAGE_ROOT, 'examples');
    return withStore(dbPath, {}, async (store) => {
      const s = await ingestInto(store, [dir]);
      out(`Ingested ${s.seen} example pages from ${dir} into ${dbPath}:`);
      out(`  ${s.stored} stored, ${s.duplicates} already stored, ${s.errors} errors (kept in the errors table)`);
      const st = await store.stats();
      out(
        `  pages by kind: ${Object.entries(st.by_status)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
      out(`  ${st.events} events, ${st.mentions} actor mentions, ${st.quotes} quotes in the store`);
      out();
      out('Events (date  type  actor → recipient  [CAMEO]  trigger — sentence):');
      for (const e of await store.queryEvents({})) {
        const who = (a: typeof e.actor) => a.map((x) => x.code).join('+') || '-';
        const sentence = e.sentence.length > 100 ? e.sentence.slice(0, 99) + '…' : e.sentence;
        out(
          `  ${e.date ?? '????-??-??'}  ${e.type.padEnd(9)} ${who(e.actor)} → ${who(e.recipient)}  [${e.cameo}]  "${e.trigger.text}" — ${sentence}`,
        );
      }
      out();
      out(`Next: dateline query --db ${dbPath} --actor FRA --format csv   |   dateline stats --db ${dbPath} --json`);
      if (!v.serve) return 0;
      out();
      // serveStore runs until SIGINT/SIGTERM; withStore closes the store after it returns.
      return serveStore(store, dbPath, serveOpts);
    });
  },
};
