import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PACKAGE_ROOT } from '../../doc/index.js';
import { storeDigest } from '../../store/digest.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'dateline.js');
const EXAMPLES = join(PACKAGE_ROOT, 'examples');

function ingestSync(db: string, workers: string): void {
  const r = spawnSync(process.execPath, [BIN, 'ingest', '--workers', workers, '--db', db, EXAMPLES], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
}

function storedDocs(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

/** The digest of every table but errors, which logs each run's failures (a re-run logs them again). */
function contentDigest(db: string) {
  const d = new Database(db, { readonly: true });
  try {
    const { errors: _errors, ...rest } = storeDigest(d);
    return rest;
  } finally {
    d.close();
  }
}

test('SIGKILL during a 2-worker ingest, then a re-run: the same documents and events as one clean run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-kill-'));
  const clean = join(dir, 'clean.db');
  const killed = join(dir, 'killed.db');
  ingestSync(clean, '1');
  const child = spawn(process.execPath, [BIN, 'ingest', '--workers', '2', '--db', killed, EXAMPLES], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  let stored = 0;
  while (child.exitCode === null && (stored = storedDocs(killed)) < 1) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  await exited;
  const total = storedDocs(clean);
  assert.ok(stored >= 1 && stored < total, `killed after ${stored} of ${total} documents`);
  ingestSync(killed, '2');
  assert.deepEqual(contentDigest(killed), contentDigest(clean));
});
