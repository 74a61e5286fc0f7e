/** `dateline worker`: claim jobs from the Postgres queue, run the pipeline, commit documents; N processes with --concurrency. */
import { fork } from 'node:child_process';
import type { Command } from '../args.js';
import { threadAnalyser } from '../../queue/analyser.js';
import { Queue } from '../../queue/queue.js';
import { runWorker, workerName } from '../../queue/worker.js';
import type { PostgresStore } from '../../store/index.js';
import { withStore } from './shared.js';
import { postgresDb } from './enqueue.js';

/** A whole number option in [min, max], or an error message. */
function whole(v: unknown, name: string, dflt: number, min: number, max: number): number | string {
  if (v === undefined) return dflt;
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max
    ? n
    : `--${name} wants a whole number from ${min} to ${max}, not '${v}'`;
}

/** Run `n` copies of this command as child processes (one pipeline each: the pipeline is CPU-bound). */
function supervise(n: number, argv: string[]): Promise<number> {
  const children = Array.from({ length: n }, () => fork(process.argv[1], ['worker', ...argv, '--concurrency', '1']));
  const forward = (sig: NodeJS.Signals) => () => children.forEach((c) => c.kill(sig));
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGINT', forward('SIGINT'));
  return Promise.all(children.map((c) => new Promise<number>((res) => c.on('exit', (code) => res(code ?? 1))))).then(
    (codes) => Math.max(...codes),
  );
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'process jobs from the Postgres queue (any number, on any machines)',
  usage: `
Usage: dateline worker --db postgres://… [--concurrency N] [--exit-when-idle] [--lease SECONDS]

Claim queued pages one at a time (FOR UPDATE SKIP LOCKED), run the pipeline, and commit the document, its
layers and events (or its error row) with the job's completion in one transaction. A job whose worker died
goes back on the queue when its lease runs out; one that fails twice ends as a row in the errors table.
SIGTERM finishes the current page, then stops.

Options:
  --db URL          postgres:// URL of the store (required)
  --concurrency N   worker processes on this machine (default 1; one per core is the most that pays)
  --exit-when-idle  stop when no job is queued or running, instead of waiting for more
  --lease SECONDS   how long a claim holds unless renewed (default 60): a live worker renews it every third of
                    that while it processes a page, so only a dead or stalled worker's job is retried
  --json            print the summary as JSON
  -h, --help        this help`,
  options: {
    db: { type: 'string' },
    concurrency: { type: 'string' },
    'exit-when-idle': { type: 'boolean' },
    lease: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(v) {
    if (!postgresDb(v.db, 'worker')) return 2;
    const concurrency = whole(v.concurrency, 'concurrency', 1, 1, 64);
    const lease = whole(v.lease, 'lease', 60, 1, 86400);
    for (const x of [concurrency, lease]) {
      if (typeof x === 'string') {
        process.stderr.write(`dateline worker: ${x}\n`);
        return 2;
      }
    }
    if ((concurrency as number) > 1) {
      const argv = ['--db', v.db as string, '--lease', String(lease)];
      if (v['exit-when-idle']) argv.push('--exit-when-idle');
      if (v.json) argv.push('--json');
      return supervise(concurrency as number, argv);
    }
    // The pipeline runs on its own thread so this one can renew the job's lease while a slow page is processed.
    const analyser = await threadAnalyser();
    let stopping = false;
    const stop = () => (stopping = true);
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return withStore(v.db as string, {}, async (store) => {
      const queue = await Queue.open(store as PostgresStore, workerName(), lease as number);
      const s = await runWorker(queue, {
        exitWhenIdle: !!v['exit-when-idle'],
        stopping: () => stopping,
        analyser,
      }).finally(() => analyser.close());
      if (v.json) process.stdout.write(JSON.stringify(s) + '\n');
      else
        process.stdout.write(
          `worker ${s.worker}: ${s.jobs} jobs: ${s.stored} stored, ${s.duplicates} already stored, ${s.errors} errors, ${s.retried} retried, ${s.failed} failed, ${s.lost} lost leases\n`,
        );
      return 0;
    });
  },
};
