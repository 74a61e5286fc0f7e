/** `dateline enqueue`: put pages on the Postgres store's job queue for `dateline worker`s to process. */
import type { Command } from '../args.js';
import { Queue, type Page } from '../../queue/queue.js';
import { PostgresStore } from '../../store/index.js';
import { collectInputs, load, withStore } from './shared.js';

/** Pages read per enqueue batch (so memory stays bounded for any number of files). */
const BATCH = 200;

export const enqueueCommand: Command = {
  name: 'enqueue',
  summary: 'put pages on the Postgres job queue for workers',
  usage: `
Usage: dateline enqueue --db postgres://… [--input-list LIST] SOURCE...

Read each page (files, folders recursively, - for stdin) and store its bytes as a job on the queue in
Postgres. The same page enqueued twice (same bytes) is one job. Unreadable inputs are error lines and
rows in the errors table; the rest go on. Run \`dateline worker\` on any number of machines to process them.

Options:
  --db URL           postgres:// URL of the store (required)
  --input-list LIST  JSON lines {"path","url"}
  --json             print {"seen","added","already","errors"} as JSON
  -h, --help         this help`,
  options: { db: { type: 'string' }, 'input-list': { type: 'string' }, json: { type: 'boolean' } },
  async run(v, positionals) {
    if (!postgresDb(v.db, 'enqueue')) return 2;
    return withStore(v.db as string, {}, async (store) => {
      const queue = await Queue.open(store as PostgresStore, 'enqueue');
      const refs = collectInputs(positionals, v['input-list'] as string | undefined);
      const s = { seen: 0, added: 0, already: 0, errors: 0 };
      for (let i = 0; i < refs.length; i += BATCH) {
        const pages: Page[] = [];
        for (const ref of refs.slice(i, i + BATCH)) {
          const item = load(ref);
          s.seen++;
          if (item.ok) pages.push({ source: item.source, url: item.url, bytes: item.bytes });
          else {
            s.errors++;
            process.stderr.write(`error: ${item.source}: ${item.code} (read): ${item.reason}\n`);
            await store.saveError({ source: item.source, code: item.code, stage: 'read', message: item.reason });
          }
        }
        const added = await queue.enqueue(pages);
        s.added += added;
        s.already += pages.length - added;
      }
      if (v.json) process.stdout.write(JSON.stringify(s) + '\n');
      else
        process.stdout.write(
          `enqueued ${s.seen} inputs: ${s.added} new jobs, ${s.already} already queued, ${s.errors} errors\n`,
        );
      return s.added + s.already > 0 ? 0 : 1;
    });
  },
};

/** True when --db is a postgres:// URL; otherwise says so (the queue lives in Postgres). */
export function postgresDb(db: unknown, command: string): boolean {
  if (typeof db === 'string' && /^postgres(ql)?:\/\//i.test(db)) return true;
  process.stderr.write(`dateline ${command}: --db must be a postgres:// URL (the job queue lives in Postgres)\n`);
  return false;
}
