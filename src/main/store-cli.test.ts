import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PACKAGE_ROOT } from '../doc/index.js';
import { MIGRATIONS } from '../store/migrations.js';
import { openSqliteStore } from '../store/index.js';
import { migrate } from '../store/sqlite.js';
import { loadAnalysis } from './engine.js';
import { ingestInto } from './commands/ingest.js';
import { Progress } from './io.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'dateline.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, cwd: PACKAGE_ROOT });
const tmp = () => mkdtempSync(join(tmpdir(), 'dateline-store-'));
const article = (n: number) =>
  `Officials from Spain and Portugal met in Lisbon on Tuesday to discuss fishing quotas, meeting ${n}.\n\n` +
  `The ministers agreed to meet again next month, a spokesman said.\n`;

test('--db on a folder or a non-SQLite file is one error line, no stack trace', () => {
  const dir = tmp();
  const notDb = join(dir, 'notes.db');
  writeFileSync(notDb, 'these are my notes, not a database\n');
  for (const [cmd, db] of [
    ['stats', dir],
    ['query', notDb],
    ['ingest', dir],
    ['ingest', notDb],
  ]) {
    const r = run(cmd === 'ingest' ? [cmd, '--db', db, join(PACKAGE_ROOT, 'examples')] : [cmd, '--db', db]);
    assert.equal(r.status, 1, `${cmd} ${db}: ${r.stderr}`);
    assert.match(r.stderr, /^error: .*: bad-store \(store\): .*(is a folder|is not a SQLite database).*\n$/);
    assert.doesNotMatch(r.stderr, /\s+at /);
  }
});

test('--limit must be a whole number: Infinity, 1e308 and abc are usage errors', () => {
  const dir = tmp();
  const db = join(dir, 's.db');
  openSqliteStore(db).close();
  for (const bad of ['Infinity', '1e308', 'abc', '0', '2.5']) {
    const r = run(['query', '--db', db, '--limit', bad]);
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /--limit must be a whole number/);
    assert.doesNotMatch(r.stderr, /\s+at /);
  }
  assert.equal(run(['query', '--db', db, '--limit', '5']).status, 0);
});

test('stats and query open the store read-only: no WAL switch, no migration; an older store is one error line', () => {
  const dir = tmp();
  const db = join(dir, 'current.db');
  const raw = new Database(db);
  migrate(raw);
  raw.close();
  const before = statSync(db).mtimeMs;
  const r = run(['stats', '--db', db, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).documents, 0);
  assert.equal(run(['query', '--db', db]).status, 0);
  const after = new Database(db, { readonly: true });
  assert.equal(after.pragma('journal_mode', { simple: true }), 'delete');
  after.close();
  assert.equal(statSync(db).mtimeMs, before);

  const old = join(dir, 'old.db');
  const o = new Database(old);
  o.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)');
  o.exec(MIGRATIONS[0].sql);
  o.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(MIGRATIONS[0].name, 'then');
  o.close();
  const oldBefore = statSync(old).mtimeMs;
  const s = run(['stats', '--db', old]);
  assert.equal(s.status, 1);
  assert.match(s.stderr, /schema is at version 1, this dateline reads version \d+/);
  assert.equal(s.stderr.trim().split('\n').length, 1, s.stderr);
  const check = new Database(old, { readonly: true });
  assert.equal((check.prepare('SELECT count(*) n FROM schema_migrations').get() as { n: number }).n, 1);
  check.close();
  assert.equal(statSync(old).mtimeMs, oldBefore);
});

test('file names with newlines and escapes cannot forge error lines; page text escapes reach no terminal raw', () => {
  const dir = tmp();
  const evil = join(dir, 'x\nerror: forged\x1b[31m.txt');
  writeFileSync(evil, '');
  writeFileSync(
    join(dir, 'ansi.txt'),
    `Talks resumed in Geneva.\x1b[2J\x1b]0;pwned\x07 Both sides attended the session.\n`,
  );
  const r = run(['extract', evil, join(dir, 'ansi.txt')]);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /x\\nerror: forged\\x1b\[31m\.txt: empty/);
  assert.doesNotMatch(r.stdout, /\x1b/);
  assert.match(r.stdout, /\\x1b\[2J/);
});

test('two concurrent ingests into one store both store everything (no database is locked)', async () => {
  const dir = tmp();
  const db = join(dir, 'shared.db');
  for (const side of ['a', 'b']) {
    mkdirSync(join(dir, side));
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, side, `${i}.txt`), article(side === 'a' ? i : 100 + i));
  }
  const go = (side: string) =>
    new Promise<{ code: number | null; err: string }>((resolve) => {
      const p = spawn(process.execPath, [BIN, 'ingest', '--db', db, join(dir, side)], { cwd: PACKAGE_ROOT });
      let err = '';
      p.stderr.on('data', (d) => (err += d));
      p.on('close', (code) => resolve({ code, err }));
    });
  const [a, b] = await Promise.all([go('a'), go('b')]);
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  assert.doesNotMatch(a.err + b.err, /locked|busy/i);
  const store = openSqliteStore(db, { readonly: true });
  assert.equal((await store.stats()).documents, 8);
  await store.close();
});

test('a full disk is an error line per document, the batch goes on and nothing is half-written', async () => {
  await loadAnalysis();
  const dir = tmp();
  // Long enough that each document needs new pages (a short one fits in the free space of existing pages).
  const long = (i: number) => Array.from({ length: 40 }, (_, k) => article(i * 100 + k)).join('\n');
  for (let i = 0; i < 3; i++) writeFileSync(join(dir, `${i}.txt`), long(i));
  writeFileSync(join(dir, 'empty.txt'), '');
  const store = openSqliteStore(join(dir, 'full.db'));
  const pages = store.db.pragma('page_count', { simple: true }) as number;
  store.db.pragma(`max_page_count = ${pages}`); // SQLite answers SQLITE_FULL as a full disk would
  const writes: string[] = [];
  const orig = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => (writes.push(String(s)), true)) as typeof process.stderr.write;
  try {
    const s = await ingestInto(store, [dir], { progress: new Progress(0, false) });
    assert.equal(s.seen, 4);
    assert.equal(s.stored, 0);
    assert.equal(s.errors, 4);
  } finally {
    process.stderr.write = orig;
  }
  const text = writes.join('');
  assert.match(text, /store-failed \(store\): SQLITE_FULL/);
  assert.equal((await store.stats()).documents, 0);
  assert.equal((store.db.prepare('SELECT count(*) n FROM mentions').get() as { n: number }).n, 0);
  await store.close();
});

test('a stop request sends nothing more to analyse: the run ends after the document in hand', async () => {
  await loadAnalysis();
  const dir = tmp();
  for (let i = 0; i < 3; i++) writeFileSync(join(dir, `${i}.txt`), article(900 + i));
  const store = openSqliteStore(join(dir, 'stop.db'));
  try {
    const quiet = { progress: new Progress(0, false), workers: 1 };
    const first = await ingestInto(store, [dir], { ...quiet, stop: { stopped: true } });
    assert.equal(first.seen, 0, 'stopped before the first document: nothing analysed');
    const all = await ingestInto(store, [dir], quiet);
    assert.equal(all.stored, 3);
    // On a re-run every file is unchanged; a stop still ends the scan at once.
    const again = await ingestInto(store, [dir], { ...quiet, stop: { stopped: true } });
    assert.equal(again.seen, 0);
    assert.equal((await ingestInto(store, [dir], quiet)).unchanged, 3);
  } finally {
    await store.close();
  }
});
