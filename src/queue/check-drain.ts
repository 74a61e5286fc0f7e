/**
 * `npm run check:drain [-- --pages N --workers W --ref-workers T]`: the queue's done-when check. Makes N distinct pages (default
 * 2,000) from the AEB pages, enqueues them on a throwaway Postgres, starts W (default 4) `dateline worker`
 * processes, SIGKILLs one of them while it holds a job, lets the rest drain the queue, then ingests the same pages
 * into SQLite in one process (on T pipeline threads, default 1: the output does not depend on T) and compares the two stores' content table by table. Exit 0 only when they match.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startThrowawayPostgres } from '../store/pg-throwaway.js';
import { dateline, datelineChild, exited, makeCorpus, postgresDigest, sqliteDigest } from './harness.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (s: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

async function main(): Promise<number> {
  const n = arg('pages', 2000);
  const w = arg('workers', 4);
  const tmp = mkdtempSync(join(tmpdir(), 'dateline-drain-'));
  const server = await startThrowawayPostgres({ durable: true });
  const c = new pg.Client({ connectionString: server.url });
  try {
    const pages = join(tmp, 'pages');
    mkdirSync(pages);
    if (!makeCorpus(pages, n)) {
      say('skipped: ../shared is absent');
      return 0;
    }
    say(
      `load ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}; ${n} pages in ${pages}`,
    );
    say(dateline(['enqueue', '--db', server.url, pages]).trim());
    say(dateline(['enqueue', '--db', server.url, pages]).trim() + ' (again: idempotent)');
    await c.connect();
    const t0 = Date.now();
    const workers = Array.from({ length: w }, () =>
      datelineChild(['worker', '--db', server.url, '--exit-when-idle', '--lease', '60', '--json']),
    );
    const exits = workers.map(exited);
    // The single-process SQLite ingest of the same pages runs alongside (it is the reference, not a timing).
    const db = join(tmp, 'single.db');
    const single = datelineChild(['ingest', '--db', db, '--workers', String(arg('ref-workers', 1)), '--json', pages]);
    const singleExit = exited(single);
    let killed: { pid: number; job: string } | null = null;
    while (!killed) {
      await sleep(500);
      const done = (await c.query("SELECT count(*)::int n FROM jobs WHERE state = 'done'")).rows[0].n;
      if (done < n / 4) continue;
      const held = await c.query("SELECT worker, source FROM jobs WHERE state = 'running' ORDER BY id LIMIT 1");
      const row = held.rows[0];
      const pid = row ? Number(String(row.worker).split(':')[1]) : NaN;
      const victim = workers.find((x) => x.pid === pid);
      if (!victim) continue;
      victim.kill('SIGKILL');
      killed = { pid, job: row.source };
      say(`SIGKILLed worker pid ${pid} at ${done} done, while it held ${row.source}`);
    }
    const codes = await Promise.all(exits);
    const secs = (Date.now() - t0) / 1000;
    say(`workers exited ${JSON.stringify(codes)} after ${secs.toFixed(0)} s`);
    for (const x of workers) for (const line of x.out.join('').trim().split('\n').filter(Boolean)) say(`  ${line}`);
    const states = (await c.query('SELECT state, count(*)::int n, max(attempts) a FROM jobs GROUP BY state')).rows;
    say(`jobs: ${JSON.stringify(states)}`);
    const kj = (await c.query('SELECT state, attempts FROM jobs WHERE source = $1', [killed.job])).rows[0];
    say(`the killed worker's job ${killed.job}: ${JSON.stringify(kj)}`);
    say(`SQLite single-process ingest exited ${await singleExit}: ${single.out.join('').trim()}`);
    const [a, b] = [await postgresDigest(server.url), await sqliteDigest(db)];
    let same = true;
    for (const t of Object.keys(b)) {
      const ok = a[t].rows === b[t].rows && a[t].sha256 === b[t].sha256;
      same &&= ok;
      say(`${ok ? 'same' : 'DIFFERENT'} ${t}: postgres ${a[t].rows} rows, sqlite ${b[t].rows} rows`);
    }
    const dup = (
      await c.query('SELECT count(*)::int n FROM (SELECT source FROM documents GROUP BY source HAVING count(*) > 1) d')
    ).rows[0].n;
    say(`documents stored under the same source more than once: ${dup}`);
    say(same && dup === 0 ? 'PASS: Postgres after the kill holds exactly the single-process SQLite content' : 'FAIL');
    return same && dup === 0 ? 0 : 1;
  } finally {
    await c.end().catch(() => undefined);
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`check:drain: ${(e as Error).stack}\n`);
    process.exitCode = 1;
  },
);
