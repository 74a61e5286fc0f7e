/** `dateline export`: stored events to JSON lines, CSV, GDELT 2.0 TSV or Parquet, streamed. */
import type { Command } from '../args.js';
import { Progress } from '../io.js';
import { EXPORT_FORMATS, writeExport, type ExportFormat } from '../../export/index.js';
import { FILTER_HELP, FILTER_OPTIONS, filterFrom } from './filters.js';
import { withStore } from './shared.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'export stored events as jsonl, csv, gdelt or parquet',
  usage: `
Usage: dateline export --format jsonl|csv|gdelt|parquet --out FILE [--clusters] [--header] [filters]

Write the events \`dateline query\` returns for the same filters, in bounded memory, with a progress bar on a terminal.
Formats (docs/data.md): jsonl — the event record; csv — RFC 4180 with a header; gdelt — GDELT 2.0's 61 event
columns, tab-separated; parquet — typed columns.

Options:
  --format F       jsonl, csv, gdelt or parquet (required)
  --out FILE       output file (required)
  --clusters       one row per cluster (its representative event, with the cluster's counts) instead of one per mention
  --header         gdelt: write GDELT's column names as the first line
${FILTER_HELP}
  -h, --help       this help`,
  options: {
    ...FILTER_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    clusters: { type: 'boolean' },
    header: { type: 'boolean' },
  },
  run(v) {
    const format = v.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) {
      process.stderr.write(`dateline export: --format must be one of ${EXPORT_FORMATS.join(', ')}\n`);
      return 2;
    }
    if (!v.out) {
      process.stderr.write('dateline export: --out FILE is required\n');
      return 2;
    }
    return withStore(v.db as string | undefined, { mustExist: true }, async (store) => {
      const filter = filterFrom(v);
      const clusters = !!v.clusters;
      const total = await store.countEvents(filter, clusters);
      const progress = new Progress(total);
      const records = clusters ? store.eachCluster(filter) : store.eachEvent(filter);
      let n = 0;
      await writeExport(v.out as string, records, {
        format,
        header: !!v.header,
        onRecord: () => {
          n++;
          progress.tick(format);
        },
      });
      progress.end();
      process.stderr.write(`exported ${n} ${clusters ? 'clusters' : 'events'} to ${v.out as string} (${format})\n`);
      return 0;
    });
  },
};
