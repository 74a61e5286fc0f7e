import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../doc/index.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'dateline.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, cwd: PACKAGE_ROOT });

test('every command has --help', () => {
  for (const cmd of [
    'extract',
    'events',
    'quotes',
    'ingest',
    'query',
    'stats',
    'parse',
    'actors',
    'demo',
    'enqueue',
    'worker',
    'serve',
  ]) {
    const r = run([cmd, '--help']);
    assert.equal(r.status, 0, cmd);
    assert.match(r.stdout, new RegExp(`Usage: dateline ${cmd}`), cmd);
  }
});

test('unknown command and bad option exit 2 with usage', () => {
  assert.equal(run(['frobnicate']).status, 2);
  const r = run(['extract', '--nope']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Usage: dateline extract/);
});

test('bad inputs are one clear error line each, and the batch goes on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 0, 7, 8]));
  writeFileSync(
    join(dir, 'good.txt'),
    'Peace talks resumed in Geneva on Monday.\n\nDelegates from both sides attended the opening session.\n',
  );
  const missing = join(dir, 'missing.html');
  const r = run([
    'extract',
    '--jsonl',
    missing,
    join(dir, 'empty.txt'),
    join(dir, 'binary.html'),
    join(dir, 'good.txt'),
  ]);
  assert.equal(r.status, 0, 'one document succeeded');
  const errLines = r.stderr.trim().split('\n');
  assert.equal(errLines.length, 3, r.stderr);
  assert.match(errLines[0], /missing\.html: not-found/);
  assert.match(errLines[1], /empty\.txt: empty/);
  assert.match(errLines[2], /binary\.html: binary/);
  const objs = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(objs.length, 4, 'one object per document');
  const good = objs.find((o) => o.source.endsWith('good.txt'));
  assert.match(good.text, /Peace talks resumed in Geneva/);
  const only = run(['extract', missing]);
  assert.equal(only.status, 1, 'no document succeeded');
});

test('query and stats on a missing store say so', () => {
  const r = run(['stats', '--db', join(tmpdir(), 'no-such-dateline.db'), '--json']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no such store/);
});

test('events --sentences: each event carries its sentence_id; a bad line is an error, the rest go on', () => {
  const input =
    '{"id":"s1","text":"Russia and France agreed to share intelligence.","date":"2015-11-26"}\n{oops\n' +
    '{"id":"s2","text":"Protesters clashed with police in Caracas on Monday.","date":"2019-03-04"}\n';
  const r = run(['events', '--jsonl', '--sentences', '-'], input);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /-:2: bad-input/);
  const events = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const ids = new Set(events.map((e) => e.sentence_id));
  assert.ok(ids.has('s1') && ids.has('s2'), JSON.stringify([...ids]));
  const agree = events.find((e) => e.sentence_id === 's1' && e.type === 'AGREE');
  assert.ok(agree, 'an AGREE in s1');
  assert.deepEqual(new Set(agree.actor.map((a: { country: string }) => a.country)), new Set(['RUS', 'FRA']));
  assert.equal(agree.date, '2015-11-26');
});

test('actors --resolve: a mention, its sentence and date give country, sector and code', () => {
  const input =
    '{"id":"1","text":"Medvedev","context":"Medvedev met the visiting delegation.","date":"2010-05-01"}\n' +
    '{"id":"2","text":"Medvedev","context":"Medvedev met the visiting delegation.","date":"2015-05-01"}\n';
  const r = run(['actors', '--resolve', '-', '--jsonl'], input);
  assert.equal(r.status, 0, r.stderr);
  const [a, b] = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(a.code, 'RUSGOV');
  assert.equal(b.code, 'RUSGOV');
  assert.ok(a.confidence > 0 && b.confidence > 0);
});
