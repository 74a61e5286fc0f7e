/**
 * `npm run bench:workers [-- --pages N --rounds R]`: pages/s of 2 `dateline worker` processes against the
 * baseline of 1, measured in the same run on one throwaway Postgres (fsync on). N distinct pages (default 2,000,
 * the drain check's size: on 150 pages the workers' warm-up still showed) are made from the AEB pages; each round
 * enqueues them into a fresh schema and drains them with 1, then 2 workers (R rounds, alternating, default 1).
 * Pages/s counts from the moment every worker has claimed a job to the last
 * commit (job timestamps), so model loading at start-up is left out. Prints the machine's load: the machine is shared.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU ms of the Postgres server so far: the postmaster and its exited children (backends end with their client). */
function serverCpuMs(dataDir: string): number {
  const pid = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // After the ") ": state is field 3, so utime, stime, cutime, cstime (fields 14–17) are at 11–14.
  return ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / TICKS;
}

/** Drain `pages` with `w` workers into a fresh schema; pages/s, CPU per page, and where the worker time went. */
async function drain(url: string, dataDir: string, pages: string, w: number) {
  dateline(['enqueue', '--db', url, pages]);
  const pg0 = serverCpuMs(dataDir);
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
    const total = (k: string) => sums.reduce((a, s) => a + s[k], 0);
    const jobs = total('jobs');
    await new Promise((res) => setTimeout(res, 500)); // the workers' backends exit and are reaped
    return {
      pages: r.rows[0].n,
      seconds: Number(r.rows[0].s),
      commitShare: total('commitMs') / (total('processMs') + total('commitMs')),
      commitMs: total('commitMs') / jobs,
      cpuMs: total('cpuMs') / jobs,
      pgCpuMs: (serverCpuMs(dataDir) - pg0) / jobs,
      lockWaitMs: total('lockWaitMs') / jobs,
      lockHeldMs: total('lockHeldMs') / jobs,
    };
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const n = arg('pages', 2000);
  const rounds = arg('rounds', 1);
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
    const cpu: Record<number, number[]> = { 1: [], 2: [] };
    let k = 0;
    for (let r = 0; r < rounds; r++) {
      for (const w of [1, 2]) {
        const d = await drain(await freshSchema(server, `b${k++}`), join(server.dir, 'data'), pages, w);
        const pps = d.pages / d.seconds;
        rate[w].push(pps);
        cpu[w].push(d.cpuMs + d.pgCpuMs);
        console.log(
          `round ${r + 1}, ${w} worker${w > 1 ? 's' : ' '}: ${d.pages} pages in ${d.seconds.toFixed(1)} s = ${pps.toFixed(2)} pages/s ` +
            `; per page: worker CPU ${d.cpuMs.toFixed(0)} ms, Postgres CPU ${d.pgCpuMs.toFixed(0)} ms, commit ${d.commitMs.toFixed(1)} ms ` +
            `(${(d.commitShare * 100).toFixed(1)}% of worker time; group lock wait ${d.lockWaitMs.toFixed(1)} ms, held ${d.lockHeldMs.toFixed(1)} ms); ${uptime()}`,
        );
      }
    }
    const one = median(rate[1]);
    const two = median(rate[2]);
    console.log(
      `median: 1 worker ${one.toFixed(2)} pages/s, 2 workers ${two.toFixed(2)} pages/s: ${(two / one).toFixed(2)}× (target ≥ 1.7×)`,
    );
    const [c1, c2] = [median(cpu[1]), median(cpu[2])];
    console.log(
      `median CPU per page (workers + Postgres): 1 worker ${c1.toFixed(0)} ms, 2 workers ${c2.toFixed(0)} ms ` +
        `(${((c2 / c1 - 1) * 100).toFixed(1)}% more work per page with 2); ${uptime()}`,
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
