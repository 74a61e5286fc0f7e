/**
 * Done-when check for crash safety (not a unit test): N pages made from ../shared/data/extraction/aeb at run time
 * (pipeline/corpus.ts distinctCopy: each copy its own document), ingested once uninterrupted, and once with SIGKILL at K random moments, re-run
 * after each kill and to the end. The two stores must hold exactly the same documents and events (digest of every
 * table, clock columns aside).
 * Usage: node dist/main/kill-check.js [--pages 2000] [--kills 5] [--workers 2]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { PACKAGE_ROOT } from '../doc/index.js';
import { storeDigest } from '../store/digest.js';
import { distinctCopy } from '../pipeline/corpus.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const AEB = join(PACKAGE_ROOT, '..', 'shared', 'data', 'extraction', 'aeb', 'html');
const BIN = join(PACKAGE_ROOT, 'bin', 'dateline.js');

function ingestArgs(db: string, pages: string): string[] {
  return [BIN, 'ingest', '--db', db, '--workers', String(arg('workers', 2)), pages];
}

/** Run ingest and SIGKILL it after `ms`; resolves when it is gone. */
function killedRun(db: string, pages: string, ms: number): Promise<string> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ingestArgs(db, pages), { stdio: 'ignore' });
    const t = setTimeout(() => p.kill('SIGKILL'), ms);
    p.on('exit', (code, signal) => {
      clearTimeout(t);
      resolve(signal ?? `exit ${code}`);
    });
  });
}

/** Documents and events of a store, and the digest of every table. */
function summary(db: string) {
  const d = new Database(db, { readonly: true });
  const n = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
  const out = {
    documents: n('SELECT count(*) n FROM documents'),
    events: n('SELECT count(*) n FROM events'),
    digest: storeDigest(d),
  };
  d.close();
  return out;
}

async function main(): Promise<number> {
  if (!existsSync(AEB)) {
    console.log('skip: ../shared/data/extraction/aeb is absent');
    return 0;
  }
  const n = arg('pages', 2000);
  const kills = arg('kills', 5);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-kill-'));
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  const aeb = readdirSync(AEB)
    .filter((f) => f.endsWith('.html.gz'))
    .sort();
  for (let i = 0; i < n; i++) {
    // A sentence per paragraph, different in each copy: every page extracts to its own text (its own document).
    const html = gunzipSync(readFileSync(join(AEB, aeb[i % aeb.length]))).toString('utf8');
    writeFileSync(join(pages, `p-${String(i).padStart(5, '0')}.html`), distinctCopy(html, i));
  }
  const ref = join(dir, 'ref.db');
  let t0 = Date.now();
  spawnSync(process.execPath, ingestArgs(ref, pages), { stdio: 'ignore' });
  const fullMs = Date.now() - t0;
  console.log(`uninterrupted run: ${(fullMs / 1000).toFixed(0)} s`);
  const killed = join(dir, 'killed.db');
  let seed = 5;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let k = 0; k < kills; k++) {
    // Random moments across the whole run; each re-run starts from what the last one left.
    const ms = Math.round(1000 + rnd() * fullMs * 0.5);
    t0 = Date.now();
    const how = await killedRun(killed, pages, ms);
    const partial = existsSync(killed) ? summary(killed) : { documents: 0, events: 0 };
    console.log(
      `kill ${k + 1} after ${ms} ms: ${how}; store has ${partial.documents} documents, ${partial.events} events`,
    );
  }
  spawnSync(process.execPath, ingestArgs(killed, pages), { stdio: 'ignore' });
  const a = summary(ref);
  const b = summary(killed);
  console.log(`uninterrupted: ${a.documents} documents (of ${n} pages), ${a.events} events`);
  console.log(`killed ${kills}× and re-run: ${b.documents} documents, ${b.events} events`);
  // The errors table is a log (a re-run logs a failing page again) and fetch_state holds times: compared are
  // the documents and everything hanging off them.
  const tables = Object.keys(a.digest).filter((t) => !['errors', 'fetch_state', 'schema_migrations'].includes(t));
  const same = tables.every((t) => JSON.stringify(a.digest[t]) === JSON.stringify(b.digest[t]));
  console.log(`compared tables: ${tables.join(', ')}`);
  for (const t of tables)
    if (JSON.stringify(a.digest[t]) !== JSON.stringify(b.digest[t]))
      console.log(`  differs: ${t} ${JSON.stringify(a.digest[t])} vs ${JSON.stringify(b.digest[t])}`);
  console.log(same ? 'PASS: identical stores' : 'FAIL');
  return same ? 0 : 1;
}

main().then((c) => (process.exitCode = c));
