import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../doc/index.js';
import { openSqliteStore } from '../../store/index.js';
import { storeDigest } from '../../store/digest.js';
import { loadAnalysis } from '../engine.js';
import { ingestInto } from '../commands/ingest.js';
import type { InputItem } from '../inputs.js';
import { analyseAll } from './pool.js';

const EXAMPLES = join(PACKAGE_ROOT, 'examples');

async function ingestExamples(workers: number) {
  const store = openSqliteStore(':memory:');
  try {
    const summary = await ingestInto(store, [EXAMPLES], { workers });
    return { summary, digest: storeDigest(store.db) };
  } finally {
    await store.close();
  }
}

test('the store holds the same rows after ingesting the examples with 1 and with 2 workers', async () => {
  await loadAnalysis();
  const one = await ingestExamples(1);
  const two = await ingestExamples(2);
  assert.ok(one.summary.events > 0 && one.summary.stored > 0, JSON.stringify(one.summary));
  assert.equal(two.summary.stored, one.summary.stored);
  assert.equal(two.summary.errors, one.summary.errors);
  assert.ok(one.digest.events.rows > 0 && one.digest.errors.rows > 0);
  assert.deepEqual(two.digest, one.digest);
});

test('outcomes come back in input order, a failed item included, from a pool of 3', async () => {
  const text = (s: string) => new TextEncoder().encode(s);
  const items: InputItem[] = [
    { ok: true, source: 'a.txt', url: null, bytes: text('Talks resumed in Geneva on Monday after a pause of a week.') },
    { ok: false, source: 'b.html', code: 'not-found', reason: 'no such file' },
    { ok: true, source: 'c.txt', url: null, bytes: new Uint8Array(0) },
    { ok: true, source: 'd.txt', url: null, bytes: text('The minister met the visiting delegation in Paris.') },
  ];
  const sources: string[] = [];
  const oks: boolean[] = [];
  for await (const o of analyseAll(items, 3)) {
    sources.push(o.source);
    oks.push(o.ok);
  }
  assert.deepEqual(sources, ['a.txt', 'b.html', 'c.txt', 'd.txt']);
  assert.deepEqual(oks, [true, false, false, true]);
});

test('a stalled document is stopped by the watchdog and a crash fails only the document in hand', async () => {
  const names = ['a', 'stall', 'b', 'c', 'crash', 'd', 'e', 'f'];
  const items: InputItem[] = names.map((n) => ({ ok: true, source: n, url: null, bytes: new Uint8Array([1]) }));
  const got: string[] = [];
  const opts = { watchdogMs: 1000, workerUrl: new URL('./fake-worker.js', import.meta.url) };
  for await (const o of analyseAll(items, 2, opts)) got.push(`${o.source}:${o.ok ? 'ok' : o.code}`);
  assert.deepEqual(got, ['a:fake', 'stall:timeout', 'b:fake', 'c:fake', 'crash:crashed', 'd:fake', 'e:fake', 'f:fake']);
});
