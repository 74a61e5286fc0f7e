/**
 * `npm run bench:export`: 1,000,000 generated events in a SQLite store, exported to Parquet and to GDELT TSV (and our
 * JSONL and CSV), each in its own process so its time and peak RSS are its own, beside a baseline measured in the same
 * run: a plain JSONL dump of the events table (no joins, no record). Bars: Parquet and GDELT each < 30 s, peak RSS ≤ 500 MB.
 * `--events N` for a smaller run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, writeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../store/index.js';
import { writeExport, type ExportFormat } from './write.js';
import { generateStore } from './bench-data.js';

const BAR_SECONDS = 30;
const BAR_RSS_MB = 500;

/** One export run's figures. */
interface Run {
  name: string;
  rows: number;
  seconds: number;
  rssMb: number;
  mb: number;
}

/** In a child: the baseline, a plain JSONL dump of the events table. */
function plainDump(db: string, out: string): number {
  const d = new Database(db, { readonly: true });
  const fd = openSync(out, 'w');
  let n = 0;
  let buf: string[] = [];
  for (const row of d.prepare('SELECT * FROM events').iterate()) {
    buf.push(JSON.stringify(row) + '\n');
    if (++n % 10_000 === 0) {
      writeSync(fd, buf.join(''));
      buf = [];
    }
  }
  writeSync(fd, buf.join(''));
  closeSync(fd);
  d.close();
  return n;
}

/** In a child: one export, then its figures on stdout as JSON. */
async function child(kind: string, db: string, out: string): Promise<void> {
  const t0 = performance.now();
  let rows = 0;
  if (kind === 'baseline') rows = plainDump(db, out);
  else {
    const store = openSqliteStore(db);
    await writeExport(out, store.eachEvent({}), { format: kind as ExportFormat, header: true, onRecord: () => rows++ });
    await store.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ rows, seconds, rssMb }) + '\n');
}

/** Run one export in a fresh process. */
function measure(name: string, db: string, dir: string): Run {
  const out = join(dir, `out.${name}`);
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, db, out], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
  const fig = JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<Run, 'name' | 'mb'>;
  return { name, ...fig, mb: statSync(out).size / 1e6 };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2], args[3]);
  const i = args.indexOf('--events');
  const events = i >= 0 ? Number(args[i + 1]) : 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-export-'));
  try {
    const db = join(dir, 'bench.db');
    const t0 = performance.now();
    generateStore(db, events);
    console.log(
      `generated ${events} events in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(statSync(db).size / 1e6).toFixed(0)} MB store)`,
    );
    const runs = ['baseline', 'jsonl', 'gdelt', 'parquet', 'csv'].map((k) => measure(k, db, dir));
    const base = runs[0];
    console.log('export              rows      seconds  rows/s     peak RSS  output   vs baseline');
    for (const r of runs) {
      const label = r.name === 'baseline' ? 'baseline (plain dump)' : r.name;
      console.log(
        `${label.padEnd(21)} ${String(r.rows).padStart(8)}  ${r.seconds.toFixed(1).padStart(6)}  ${Math.round(
          r.rows / r.seconds,
        )
          .toString()
          .padStart(
            8,
          )}  ${r.rssMb.toFixed(0).padStart(5)} MB  ${r.mb.toFixed(0).padStart(5)} MB  ${(r.seconds / base.seconds).toFixed(2)}×`,
      );
    }
    for (const name of ['parquet', 'gdelt']) {
      const r = runs.find((x) => x.name === name)!;
      const ok = r.rows === events && r.seconds < BAR_SECONDS && r.rssMb <= BAR_RSS_MB;
      console.log(
        `${name}: ${ok ? 'PASS' : 'FAIL'} (bars: all ${events} rows, < ${BAR_SECONDS} s, peak RSS ≤ ${BAR_RSS_MB} MB)`,
      );
      if (!ok) process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
