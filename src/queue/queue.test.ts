/** The job queue on a throwaway Postgres (skipped with a message when Postgres is not installed and CI is not set). */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAnalysis } from '../main/engine.js';
import { openPostgresStore, type PostgresStore } from '../store/postgres.js';
import {
  freshSchema,
  postgresUnavailable,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../store/pg-throwaway.js';
import { LeaseLost, MAX_ATTEMPTS, Queue, type Page } from './queue.js';
import { runWorker } from './worker.js';
import { inProcessAnalyser, threadAnalyser, type Analyser } from './analyser.js';

const why = postgresUnavailable();
if (why) process.stdout.write(`# queue tests skipped: ${why}\n`);

const page = (source: string, text: string): Page => ({ source, url: null, bytes: new TextEncoder().encode(text) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('job queue', { skip: why ?? false }, () => {
  let server: ThrowawayPostgres;
  const stores: PostgresStore[] = [];
  let n = 0;
  before(async () => {
    server = await startThrowawayPostgres();
  });
  after(async () => {
    for (const s of stores) await s.close();
    await server.stop();
  });
  /** A fresh store and `k` queues (workers) over it, with a 1-second lease. */
  async function queues(k: number): Promise<Queue[]> {
    const url = await freshSchema(server, `q${n++}`);
    const out: Queue[] = [];
    for (let i = 0; i < k; i++) {
      const store = await openPostgresStore(url, { max: 2 });
      stores.push(store);
      out.push(await Queue.open(store, `w${i}`, 1));
    }
    return out;
  }

  test('the same page enqueued twice is one job', async () => {
    const [q] = await queues(1);
    assert.equal(await q.enqueue([page('a.txt', 'one'), page('b.txt', 'two')]), 2);
    assert.equal(await q.enqueue([page('a-copy.txt', 'one')]), 0);
    assert.deepEqual(await q.counts(), { queued: 2, running: 0, done: 0, failed: 0 });
  });

  test('two workers claiming at once get different jobs, then none', async () => {
    const [a, b] = await queues(2);
    await a.enqueue([page('a.txt', 'one'), page('b.txt', 'two')]);
    const [ja, jb] = await Promise.all([a.claim(), b.claim()]);
    assert.ok(ja && jb);
    assert.notEqual(ja.id, jb.id);
    assert.equal(await a.claim(), null);
  });

  test('an expired lease goes back on the queue; after the last attempt it is a recorded error', async () => {
    const [a, b] = await queues(2);
    await a.enqueue([page('poison.txt', 'three')]);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const j = await (attempt % 2 ? a : b).claim();
      assert.equal(j?.attempt, attempt);
      await sleep(1100); // the holder "dies": its 1 s lease runs out
      await b.reap();
    }
    assert.deepEqual(await a.counts(), { queued: 0, running: 0, done: 0, failed: 1 });
    assert.equal(await a.claim(), null, 'never a loop');
    const s = await a.store.stats();
    assert.equal(s.errors, 1);
    await b.reap();
    assert.equal((await a.store.stats()).errors, 1, 'reaping again records nothing more');
  });

  test('a worker whose lease was lost cannot finish the job', async () => {
    const [a, b] = await queues(2);
    await a.enqueue([page('slow.txt', 'four')]);
    const ja = (await a.claim())!;
    await sleep(1100);
    await b.reap();
    const jb = (await b.claim())!;
    assert.equal(jb.attempt, 2);
    await assert.rejects(
      a.store.transaction((c) => a.finish(c, ja)),
      LeaseLost,
    );
    await b.store.transaction((c) => b.finish(c, jb));
    assert.equal((await a.counts()).done, 1);
  });

  test('workers drain the queue: documents and error rows committed with their jobs', async () => {
    await loadAnalysis();
    const [a, b] = await queues(2);
    await a.enqueue([
      page('talks.txt', 'Talks between the two ministers resumed in Geneva on Monday, officials said.'),
      page('visit.txt', 'The French president visited Berlin on Tuesday and met the chancellor.'),
      page('empty.txt', ''),
    ]);
    const quiet = () => undefined;
    const thread = await threadAnalyser(); // one worker runs the pipeline on its thread, the other in process
    const [sa, sb] = await Promise.all([
      runWorker(a, { exitWhenIdle: true, pollMs: 50, log: quiet, analyser: thread }),
      runWorker(b, { exitWhenIdle: true, pollMs: 50, log: quiet, analyser: inProcessAnalyser() }),
    ]).finally(() => thread.close());
    assert.equal(sa.jobs + sb.jobs, 3);
    const st = await a.store.stats();
    assert.equal(st.documents + st.errors, 3);
    assert.equal(sa.stored + sb.stored, st.documents);
    assert.deepEqual(await a.counts(), { queued: 0, running: 0, done: 3, failed: 0 });
  });

  test('a page slower than the lease is not reclaimed while its worker is alive: the lease is renewed', async () => {
    const [a, b] = await queues(2);
    await a.enqueue([page('slow.txt', 'five')]);
    // A pipeline that takes 3.5 leases (1 s each) and then rejects the page (so nothing needs the models).
    const slow: Analyser = {
      names: ['test'],
      process: async (item) => {
        await sleep(3500);
        return { ok: false, source: item.source, code: 'slow', stage: 'test', reason: 'took 3.5 s' };
      },
      close: async () => undefined,
    };
    const running = runWorker(a, { exitWhenIdle: true, pollMs: 50, log: () => undefined, analyser: slow });
    for (let i = 0; i < 6; i++) {
      await sleep(500);
      await b.reap();
      assert.equal(await b.claim(), null, `another worker claimed the live worker's job after ${(i + 1) * 0.5} s`);
    }
    const s = await running;
    assert.equal(s.lost, 0);
    assert.equal(s.errors, 1);
    assert.ok(s.renewals >= 3, `renewed ${s.renewals} times`);
    const r = await a.store.pool.query('SELECT state, attempts FROM jobs');
    assert.deepEqual(r.rows, [{ state: 'done', attempts: 1 }]);
  });
});
