/**
 * `npm run bench:workers [-- --pages N --rounds R]`: pages/s of 2 `dateline worker` processes against the
 * baseline of 1, measured in the same run on one throwaway Postgres (fsync on). N distinct pages (default 150)
 * are made from the AEB pages; each round enqueues them into a fresh schema and drains them with 1, then 2 workers
 * (R rounds, alternating, default 2). Pages/s counts from the moment every worker has claimed a job to the last
 * commit (job timestamps), so model loading at start-up is left out. Prints the machine's load: the machine is shared.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freshSchema, startThrowawayPostgres } from '../store/pg-throwaway.js';
import { dateline, datelineChild, exited, makeCorpus } from './harness.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Drain `pages` with `w` workers into a fresh schema; pages/s and the time in pipeline vs commit. */
async function drain(url: string, pages: string, w: number) {
  dateline(['enqueue', '--db', url, pages]);
  const kids = Array.from({ length: w }, () => datelineChild(['worker', '--db', url, '--exit-when-idle', '--json']));
  const codes = await Promise.all(kids.map(exited));
  if (codes.some((c) => c !== 0)) throw new Error(`a worker exited ${codes.join(',')}`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // Count from the moment every worker had claimed its first job (model loading under load can take long and
    // would otherwise charge the 2-worker run for a stretch when only one worker ran), to the last commit.
    const r =
      await c.query(`WITH start AS (SELECT max(first) t FROM (SELECT min(started_at) first FROM jobs GROUP BY worker) f)
      SELECT count(*)::int n, extract(epoch FROM max(finished_at) - (SELECT t FROM start)) s
      FROM jobs WHERE state = 'done' AND started_at >= (SELECT t FROM start)`);
    const sums = kids.map((k) => JSON.parse(k.out.join('').trim()));
    const processMs = sums.reduce((a, s) => a + s.processMs, 0);
    const commitMs = sums.reduce((a, s) => a + s.commitMs, 0);
    return {
      pages: r.rows[0].n,
      seconds: Number(r.rows[0].s),
      commitShare: commitMs / (processMs + commitMs),
      commitMs: commitMs / r.rows[0].n,
    };
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const n = arg('pages', 150);
  const rounds = arg('rounds', 2);
  const tmp = mkdtempSync(join(tmpdir(), 'dateline-bench-workers-'));
  const server = await startThrowawayPostgres({ durable: true });
  try {
    const pages = join(tmp, 'pages');
    mkdirSync(pages);
    if (!makeCorpus(pages, n)) {
      console.log('bench:workers skipped: ../shared is absent');
      return;
    }
    console.log(`bench:workers: ${n} distinct pages, ${availableParallelism()} cores; ${uptime()}`);
    const rate: Record<number, number[]> = { 1: [], 2: [] };
    let k = 0;
    for (let r = 0; r < rounds; r++) {
      for (const w of [1, 2]) {
        const d = await drain(await freshSchema(server, `b${k++}`), pages, w);
        const pps = d.pages / d.seconds;
        rate[w].push(pps);
        console.log(
          `round ${r + 1}, ${w} worker${w > 1 ? 's' : ' '}: ${d.pages} pages in ${d.seconds.toFixed(1)} s = ${pps.toFixed(2)} pages/s ` +
            `(commit ${d.commitMs.toFixed(1)} ms/page, ${(d.commitShare * 100).toFixed(1)}% of worker time); ${uptime()}`,
        );
      }
    }
    const one = median(rate[1]);
    const two = median(rate[2]);
    console.log(
      `median: 1 worker ${one.toFixed(2)} pages/s, 2 workers ${two.toFixed(2)} pages/s: ${(two / one).toFixed(2)}× (target ≥ 1.7×)`,
    );
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench:workers: ${(e as Error).stack}\n`);
  process.exitCode = 1;
});
