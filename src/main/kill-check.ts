/**
 * Done-when check for crash safety (not a unit test): N pages made from ../shared/data/extraction/aeb at run time
 * (pipeline/corpus.ts distinctCopy: each copy its own document), ingested once uninterrupted, and once with SIGKILL at K random moments, re-run
 * after each kill and to the end. The two stores must hold exactly the same documents and events (digest of every
 * table, clock columns aside).
 * With --parallel the uninterrupted run goes on beside the killed ones (same CPU work, shorter wall time on a shared
 * machine), and the kills fall at random points of progress instead: each after a random number of new documents
 * (up to 1.6 × pages / (kills + 1)) plus a random 0–2 s. On a mismatch the sources stored in one store only are
 * listed with the errors both stores logged for them.
 * Usage: node dist/main/kill-check.js [--pages 2000] [--kills 5] [--workers 2] [--parallel]
 */
import { spawn } from 'node:child_process';
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

/** Documents stored so far (0 while the store does not exist yet or is busy). */
function docCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, timeout: 2000 });
    try {
      return (d.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

/** Run ingest and SIGKILL it once `more` new documents are stored, plus `jitterMs`; resolves when it is gone. */
function killedAfterDocs(db: string, pages: string, more: number, jitterMs: number): Promise<string> {
  const target = docCount(db) + more;
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ingestArgs(db, pages), { stdio: 'ignore' });
    const poll = setInterval(() => {
      if (docCount(db) < target) return;
      clearInterval(poll);
      setTimeout(() => p.kill('SIGKILL'), jitterMs);
    }, 500);
    p.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve(signal ?? `exit ${code}`);
    });
  });
}

/** Run ingest to its end. */
function fullRun(db: string, pages: string): Promise<number> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ingestArgs(db, pages), { stdio: 'ignore' });
    p.on('exit', () => resolve(Date.now() - t0));
  });
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
  const parallel = process.argv.includes('--parallel');
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
  const killed = join(dir, 'killed.db');
  let seed = 5;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const started = Date.now();
  const refDone = fullRun(ref, pages).then((ms) => {
    console.log(`uninterrupted run: ${(ms / 1000).toFixed(0)} s`);
    return ms;
  });
  const fullMs = parallel ? 0 : await refDone;
  for (let k = 0; k < kills; k++) {
    // Random moments across the whole run; each re-run starts from what the last one left.
    const t0 = Date.now();
    let how: string;
    let when: string;
    if (parallel) {
      const more = 1 + Math.floor(rnd() * ((1.6 * n) / (kills + 1)));
      const jitter = Math.round(rnd() * 2000);
      how = await killedAfterDocs(killed, pages, more, jitter);
      when = `after ${more} more documents + ${jitter} ms (${((Date.now() - t0) / 1000).toFixed(0)} s)`;
    } else {
      const ms = Math.round(1000 + rnd() * fullMs * 0.5);
      how = await killedRun(killed, pages, ms);
      when = `after ${ms} ms`;
    }
    const partial = existsSync(killed) ? summary(killed) : { documents: 0, events: 0 };
    console.log(`kill ${k + 1} ${when}: ${how}; store has ${partial.documents} documents, ${partial.events} events`);
  }
  const lastMs = await fullRun(killed, pages);
  console.log(
    `final re-run: ${(lastMs / 1000).toFixed(0)} s; killed series ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  await refDone;
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
  if (!same) explain(ref, killed);
  console.log(same ? 'PASS: identical stores' : 'FAIL');
  return same ? 0 : 1;
}

/** Sources stored in one store only, with the errors each store logged for them. */
function explain(a: string, b: string): void {
  const open = (f: string) => new Database(f, { readonly: true });
  const [da, db] = [open(a), open(b)];
  const sources = (d: Database.Database) =>
    new Set((d.prepare('SELECT source FROM documents').all() as { source: string }[]).map((r) => r.source));
  const errors = (d: Database.Database, src: string) =>
    (d.prepare('SELECT code, stage, message FROM errors WHERE source = ?').all(src) as Record<string, string>[])
      .map((e) => `${e.code} (${e.stage}): ${e.message}`)
      .join('; ') || 'no error row';
  const [sa, sb] = [sources(da), sources(db)];
  for (const [name, x, y] of [
    ['uninterrupted only', sa, sb],
    ['killed only', sb, sa],
  ] as const)
    for (const src of [...x].filter((v) => !y.has(v)).sort())
      console.log(`  ${name}: ${src} — uninterrupted: ${errors(da, src)} | killed: ${errors(db, src)}`);
  da.close();
  db.close();
}

main().then((c) => (process.exitCode = c));
