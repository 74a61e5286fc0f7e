/** `dateline query` and `dateline stats`: read the store. */
import type { Command } from '../args.js';
import { jsonl, out } from '../io.js';
import { csvHeader, csvLine } from '../../export/index.js';
import { wholeNumber, withStore } from './shared.js';
import { FILTER_HELP, FILTER_OPTIONS, filterFrom } from './filters.js';

export const queryCommand: Command = {
  name: 'query',
  summary: 'query stored events',
  usage: `
Usage: dateline query [--db FILE|URL] [--actor CODE] [--type T] [--since DATE] [--until DATE] [--cluster ID]
                      [--format jsonl|csv] [--limit N]

Print stored events, one event record per line (docs/data.md), with its cluster's counts.

Options:
${FILTER_HELP}
  --format F       jsonl (default) or csv (the export's columns)
  -h, --help       this help`,
  options: { ...FILTER_OPTIONS, format: { type: 'string' } },
  run(v) {
    const format = (v.format as string) ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv') {
      process.stderr.write(`dateline query: --format must be jsonl or csv, not ${format}\n`);
      return 2;
    }
    if (!wholeNumber('limit', v.limit as string | undefined).ok) return 2;
    return withStore(v.db as string | undefined, { mustExist: true, readonly: true }, async (store) => {
      if (format === 'csv') process.stdout.write(csvHeader());
      for await (const e of store.eachEvent(filterFrom(v))) {
        if (format === 'csv') process.stdout.write(csvLine(e));
        else jsonl(e);
      }
      return 0;
    });
  },
};

export const statsCommand: Command = {
  name: 'stats',
  summary: 'counts of documents, events and errors in the store',
  usage: `
Usage: dateline stats [--db FILE|URL] [--json]

Options:
  --db FILE|URL  SQLite file (default ./dateline.db) or postgres:// URL
  --json      print {documents, events, errors, ...} as JSON
  -h, --help  this help`,
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  run(v) {
    return withStore(v.db as string | undefined, { mustExist: true, readonly: true }, async (store) => {
      const s = await store.stats();
      if (v.json) out(JSON.stringify(s));
      else {
        out(
          `documents ${s.documents} (${Object.entries(s.by_status)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`,
        );
        out(
          `events    ${s.events} (${Object.entries(s.by_type)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`,
        );
        out(`mentions  ${s.mentions}`);
        out(`quotes    ${s.quotes}`);
        out(`errors    ${s.errors}`);
        if (s.dup_groups !== undefined)
          out(`near-duplicate groups ${s.dup_groups} (${s.dup_members} articles in them)`);
        if (s.clusters !== undefined)
          out(`event clusters ${s.clusters} (${s.multi_article_clusters} reported by more than one article)`);
      }
      return 0;
    });
  },
};
