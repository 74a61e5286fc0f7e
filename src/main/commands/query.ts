/** `dateline query` and `dateline stats`: read the store. */
import type { Command } from '../args.js';
import { csvField, jsonl, out } from '../io.js';
import type { StoredEvent } from '../../store/index.js';
import { withStore } from './shared.js';

const CSV_COLUMNS = [
  'id',
  'date',
  'type',
  'mode',
  'cameo',
  'quad',
  'goldstein',
  'actor_code',
  'actor_name',
  'recipient_code',
  'recipient_name',
  'contexts',
  'negated',
  'modality',
  'historical',
  'reported_by_code',
  'reported_by_name',
  'trigger',
  'sentence',
  'source',
  'url',
] as const;

/** One event as a CSV row in CSV_COLUMNS order. */
function csvRow(e: StoredEvent): string {
  const row = [
    e.id,
    e.date,
    e.type,
    e.mode,
    e.cameo,
    e.quad,
    e.goldstein,
    e.actor.map((a) => a.code),
    e.actor.map((a) => a.name),
    e.recipient.map((a) => a.code),
    e.recipient.map((a) => a.name),
    e.contexts,
    e.negated,
    e.modality,
    e.historical,
    e.reported_by?.code,
    e.reported_by?.name,
    e.trigger,
    e.sentence,
    e.source,
    e.url,
  ];
  return row.map(csvField).join(',');
}

export const queryCommand: Command = {
  name: 'query',
  summary: 'query stored events',
  usage: `
Usage: dateline query [--db FILE|URL] [--actor CODE] [--type T] [--since DATE] [--until DATE] [--format jsonl|csv] [--limit N]

Print stored events. --actor matches an actor or recipient code prefix (FRA, FRAGOV) or country code.

Options:
  --db FILE|URL    SQLite file (default ./dateline.db) or postgres:// URL
  --actor CODE     actor or recipient code prefix / country
  --type T         PLOVER event type, e.g. CONSULT
  --since DATE     earliest event date (YYYY-MM-DD, inclusive)
  --until DATE     latest event date (inclusive)
  --format F       jsonl (default) or csv
  --limit N        at most N events
  -h, --help       this help`,
  options: {
    db: { type: 'string' },
    actor: { type: 'string' },
    type: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    format: { type: 'string' },
    limit: { type: 'string' },
  },
  run(v) {
    const format = (v.format as string) ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv') {
      process.stderr.write(`dateline query: --format must be jsonl or csv, not ${format}\n`);
      return 2;
    }
    return withStore(v.db as string | undefined, { mustExist: true }, async (store) => {
      const events = await store.queryEvents({
        actor: v.actor as string | undefined,
        type: v.type as string | undefined,
        since: v.since as string | undefined,
        until: v.until as string | undefined,
        limit: v.limit ? Number(v.limit) : undefined,
      });
      if (format === 'csv') {
        out(CSV_COLUMNS.join(','));
        for (const e of events) out(csvRow(e));
      } else for (const e of events) jsonl(e);
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
    return withStore(v.db as string | undefined, { mustExist: true }, async (store) => {
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
      }
      return 0;
    });
  },
};
