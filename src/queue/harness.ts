/**
 * What the queue's benchmark and drain check share: a folder of distinct pages made from the AEB pages in
 * ../shared (at run time, in a temp folder; never committed), the CLI run as child processes, and a content
 * digest of a store that is the same for SQLite and Postgres holding the same rows.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PACKAGE_ROOT, sharedRoot } from '../doc/resources.js';
import { distinctCopy } from '../pipeline/corpus.js';

/** Write `n` distinct pages made from the AEB pages into `dir`; null when ../shared is absent. */
export function makeCorpus(dir: string, n: number): string[] | null {
  const root = sharedRoot();
  if (!root) return null;
  const aeb = join(root, 'data', 'extraction', 'aeb', 'html');
  const pages = readdirSync(aeb)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => gunzipSync(readFileSync(join(aeb, f))).toString('utf8'));
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const file = join(dir, `p${String(i).padStart(6, '0')}.html`);
    writeFileSync(file, distinctCopy(pages[i % pages.length], Math.floor(i / pages.length)));
    files.push(file);
  }
  return files;
}

/** Run `dateline ARGS…` to the end; its stdout, or a thrown error with its stderr tail. */
export function dateline(args: string[]): string {
  const r = spawnSync(process.execPath, ['bin/dateline.js', ...args], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`dateline ${args[0]} exited ${r.status}: ${(r.stderr ?? '').slice(-1500)}`);
  return r.stdout;
}

/** Start `dateline ARGS…` in the background (stderr kept quiet, stdout collected). */
export function datelineChild(args: string[]): ChildProcess & { out: string[] } {
  const c = spawn(process.execPath, ['bin/dateline.js', ...args], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  }) as ChildProcess & { out: string[] };
  c.out = [];
  c.stdout!.on('data', (d) => c.out.push(String(d)));
  return c;
}

/** A child's exit. */
export function exited(c: ChildProcess): Promise<number | string> {
  return new Promise((res) =>
    c.exitCode !== null ? res(c.exitCode) : c.on('exit', (code, sig) => res(code ?? sig ?? -1)),
  );
}

/** Content tables and the columns that identify a row within each (for paging). */
const TABLES: Record<string, string[]> = {
  documents: ['id'],
  layers: ['doc_id', 'name'],
  mentions: ['doc_id', 'id'],
  events: ['doc_id', 'id'],
  event_args: ['doc_id', 'event_id', 'role', 'position'],
  quotes: ['doc_id', 'id'],
  errors: ['source', 'code', 'stage', 'message'],
  dup_bands: ['band', 'key', 'doc_id'],
  clusters: ['id'],
};
/** Columns that say when or in which order a row was written, not what it says (Postgres's events.rowid too). */
const SKIP = new Set(['ingested_at', 'at', 'applied_at', 'rowid']);
const PAGE = 500;

/** Per table: rows, and a sha256 over the sorted hashes of its rows (so engine and write order do not matter). */
export type Digest = Record<string, { rows: number; sha256: string }>;

type Pager = (table: string, cols: string[], order: string[], offset: number) => Promise<unknown[][]>;

async function digestWith(columns: (t: string) => Promise<string[]>, page: Pager): Promise<Digest> {
  const out: Digest = {};
  for (const [t, order] of Object.entries(TABLES)) {
    const cols = (await columns(t)).filter((c) => !SKIP.has(c) && !(t === 'errors' && c === 'id'));
    const hashes: string[] = [];
    for (let off = 0; ; off += PAGE) {
      const rows = await page(t, cols, order, off);
      for (const r of rows) hashes.push(createHash('sha256').update(JSON.stringify(r)).digest('hex'));
      if (rows.length < PAGE) break;
    }
    hashes.sort();
    out[t] = { rows: hashes.length, sha256: createHash('sha256').update(hashes.join('\n')).digest('hex') };
  }
  return out;
}

const q = (cols: string[]) => cols.map((c) => `"${c}"`).join(', ');

/** The digest of a SQLite store file. */
export async function sqliteDigest(path: string): Promise<Digest> {
  const db = new Database(path, { readonly: true });
  try {
    return await digestWith(
      async (t) => (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name),
      async (t, cols, order, off) =>
        db
          .prepare(`SELECT ${q(cols)} FROM "${t}" ORDER BY ${q(order)} LIMIT ${PAGE} OFFSET ${off}`)
          .raw()
          .all() as unknown[][],
    );
  } finally {
    db.close();
  }
}

/** The digest of a Postgres store. */
export async function postgresDigest(url: string): Promise<Digest> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await digestWith(
      async (t) =>
        (
          await c.query(
            `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
             ORDER BY ordinal_position`,
            [t],
          )
        ).rows.map((r) => r.column_name),
      async (t, cols, order, off) =>
        (
          await c.query({
            text: `SELECT ${q(cols)} FROM "${t}" ORDER BY ${q(order)} LIMIT ${PAGE} OFFSET ${off}`,
            rowMode: 'array',
          })
        ).rows,
    );
  } finally {
    await c.end();
  }
}
