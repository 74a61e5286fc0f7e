/**
 * `npm run check:export`: over a store of real pages (news-dev's 35 articles and more AEB pages from ../shared,
 * ingested by `dateline ingest` into a temporary store), every format `dateline export` writes holds exactly the events
 * `dateline query` prints for the same filters, in the same order, read back by independent readers: JSON.parse,
 * Python's csv module, a plain TSV split (with GDELT 2.0's 61 columns and conventions), parquet-wasm (Rust arrow-rs).
 * Commands run as a user runs them (bin/dateline.js). Skips cleanly when ../shared is absent. `--aeb N` AEB pages
 * beyond news-dev's (default 25).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedRoot } from '../doc/index.js';
import { aebPages } from '../extract/evalsets.js';
import type { EventOut } from '../record/index.js';
import { gdeltProblems, readIds } from './check.js';
import { GDELT_COLUMNS, globalEventId } from './gdelt.js';
import { EXPORT_FORMATS } from './write.js';

const CLI = fileURLToPath(new URL('../../bin/dateline.js', import.meta.url));

/** Run the CLI; its stdout, or a thrown error with its stderr. */
function dateline(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 29 });
  if (r.status !== 0) throw new Error(`dateline ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

/** The input list: news-dev's articles (with their URLs), then `aeb` more AEB pages not among them. */
function inputList(shared: string, aeb: number): { path: string; url: string | null }[] {
  const dev = JSON.parse(readFileSync(join(shared, 'data/events/news-dev/articles.json'), 'utf8')) as {
    path: string;
    url?: string;
  }[];
  const items = dev.map((a) => ({ path: join(shared, a.path), url: a.url ?? null }));
  const seen = new Set(items.map((i) => i.path));
  for (const p of aebPages(join(shared, 'data/extraction'))) {
    if (items.length >= dev.length + aeb) break;
    if (!seen.has(p.file)) items.push({ path: p.file, url: p.url });
  }
  return items;
}

/** Filters worth checking on this store: none, its commonest type and actor country, a date range, a limit, a cluster. */
function filtersOf(all: EventOut[]): string[][] {
  const top = (values: (string | null | undefined)[]) => {
    const n = new Map<string, number>();
    for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  };
  const filters: string[][] = [[]];
  const type = top(all.map((e) => e.type));
  if (type) filters.push(['--type', type]);
  const actor = top(all.flatMap((e) => e.actor.map((a) => a.country)));
  if (actor) filters.push(['--actor', actor]);
  const dates = all.map((e) => e.date).filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (dates.length) {
    dates.sort();
    filters.push([
      '--since',
      dates[Math.floor(dates.length / 4)],
      '--until',
      dates[Math.floor((3 * dates.length) / 4)],
    ]);
  }
  filters.push(['--limit', '25']);
  const cluster = top(all.filter((e) => e.mentions > 1).map((e) => e.cluster));
  if (cluster) filters.push(['--cluster', cluster]);
  return filters;
}

/** GDELT rows that are not the query's events, in order (by GLOBALEVENTID and SOURCEURL). */
function gdeltMismatch(path: string, events: EventOut[]): string[] {
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .slice(1, -1)
    .map((l) => l.split('\t'));
  const id = GDELT_COLUMNS.indexOf('GLOBALEVENTID');
  const url = GDELT_COLUMNS.indexOf('SOURCEURL');
  const bad = rows.filter(
    (r, i) =>
      !events[i] || r[id] !== String(globalEventId(events[i].id)) || r[url] !== (events[i].url ?? events[i].source),
  ).length;
  return bad ? [`gdelt: ${bad} rows are not the query's events in order`] : [];
}

/** Export `filter` in every format and compare each file with the query's events. */
async function checkFilter(db: string, dir: string, filter: string[]): Promise<{ events: number; problems: string[] }> {
  const events = dateline(['query', '--db', db, ...filter])
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l) as EventOut);
  const ids = events.map((e) => e.id);
  const problems: string[] = [];
  for (const format of EXPORT_FORMATS) {
    const out = join(dir, `check.${format}`);
    dateline(['export', '--db', db, '--format', format, '--out', out, '--header', ...filter]);
    if (format === 'gdelt') {
      problems.push(...gdeltProblems(out, ids.length), ...gdeltMismatch(out, events));
      continue;
    }
    const got = await readIds(format, out);
    if (!got) problems.push(`${format}: could not be read back`);
    else if (got.join('\n') !== ids.join('\n'))
      problems.push(`${format}: ${got.length} rows differ from query's ${ids.length}`);
  }
  if (jsonlDiffers(join(dir, 'check.jsonl'), events)) problems.push('jsonl: records differ from query output');
  return { events: ids.length, problems };
}

/** Whether the JSONL export's records differ from query's, field for field. */
function jsonlDiffers(path: string, events: EventOut[]): boolean {
  return readFileSync(path, 'utf8') !== events.map((e) => JSON.stringify(e) + '\n').join('');
}

async function main(): Promise<void> {
  const shared = sharedRoot();
  if (!shared) {
    console.log('check:export: skipped (../shared not found)');
    return;
  }
  const i = process.argv.indexOf('--aeb');
  const aeb = i >= 0 ? Number(process.argv[i + 1]) : 25;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-check-export-'));
  try {
    const db = join(dir, 'real.db');
    const items = inputList(shared, aeb);
    writeFileSync(join(dir, 'inputs.jsonl'), items.map((x) => JSON.stringify(x) + '\n').join(''));
    const t0 = performance.now();
    const summary = dateline(['ingest', '--db', db, '--input-list', join(dir, 'inputs.jsonl'), '--json']);
    console.log(
      `ingested ${items.length} real pages in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${summary.trim().slice(0, 200)}`,
    );
    const all = dateline(['query', '--db', db])
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l) as EventOut);
    let ok = all.length > 0;
    console.log(`query: ${all.length} events; formats: ${EXPORT_FORMATS.join(', ')}`);
    for (const f of filtersOf(all)) {
      const c = await checkFilter(db, dir, f);
      ok &&= c.problems.length === 0;
      console.log(
        `  ${(f.join(' ') || '(no filter)').padEnd(40)} ${String(c.events).padStart(5)} events  ${c.problems.join('; ') || "every format holds exactly the query's events"}`,
      );
    }
    console.log(`check:export: ${ok ? 'pass' : 'FAIL'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
