/** `dateline docs`: one line per stored document, with its near-duplicate group. */
import type { Command } from '../args.js';
import { jsonl } from '../io.js';
import { csvField } from '../../export/index.js';
import { withStore } from './shared.js';

const COLUMNS = ['id', 'source', 'url', 'site', 'title', 'published', 'status', 'dup_group'] as const;

export const docsCommand: Command = {
  name: 'docs',
  summary: 'list stored documents with their near-duplicate group',
  usage: `
Usage: dateline docs [--db FILE] [--format jsonl|csv]

Print one line per stored document, in ingest order: id, source, url, site, title, published, status and dup_group
(the id of its near-duplicate group — the group's earliest member — or null).

Options:
  --db FILE|URL  SQLite file (default ./dateline.db) or postgres:// URL
  --format F   jsonl (default) or csv (RFC 4180, with a header)
  -h, --help   this help`,
  options: { db: { type: 'string' }, format: { type: 'string' } },
  run(v) {
    const format = (v.format as string) ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv') {
      process.stderr.write(`dateline docs: --format must be jsonl or csv, not ${format}\n`);
      return 2;
    }
    return withStore(v.db as string | undefined, { mustExist: true }, async (store) => {
      if (format === 'csv') process.stdout.write(COLUMNS.join(',') + '\r\n');
      for await (const d of store.eachDocument()) {
        if (format === 'csv') process.stdout.write(COLUMNS.map((c) => csvField(d[c])).join(',') + '\r\n');
        else jsonl(d);
      }
      return 0;
    });
  },
};
