/**
 * For evaluations: check that every export format holds exactly the events `query` returns for a filter, read back by
 * independent readers (JSON.parse, Python's csv module, a plain TSV split, parquet-wasm), and the GDELT conventions.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventFilter, Store } from '../store/index.js';
import { GDELT_COLUMNS } from './gdelt.js';
import { writeExport, type ExportFormat } from './write.js';

/** The outcome for one filter: ids per format, and any convention broken. */
export interface ExportCheck {
  filter: EventFilter;
  events: number;
  problems: string[];
}

/** The ids of the rows in each exported file. */
export async function readIds(format: ExportFormat, path: string): Promise<string[] | null> {
  if (format === 'jsonl')
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l)
      .map((l) => (JSON.parse(l) as { id: string }).id);
  if (format === 'csv') {
    const py = spawnSync(
      'python3',
      [
        '-c',
        'import csv,json,sys; r=list(csv.DictReader(open(sys.argv[1],newline="",encoding="utf-8"),strict=True)); print(json.dumps([x["id"] for x in r]))',
        path,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    return py.status === 0 ? (JSON.parse(py.stdout) as string[]) : null;
  }
  if (format === 'parquet') {
    const pq = await import('parquet-wasm/node');
    const { tableFromIPC } = await import('apache-arrow');
    const t = tableFromIPC(pq.readParquet(readFileSync(path)).intoIPCStream());
    return t.getChild('id')!.toArray() as string[];
  }
  return null;
}

/** GDELT convention problems in a TSV written with --header; `expected` rows. */
export function gdeltProblems(path: string, expected: number): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.pop();
  const [header, ...rows] = lines.map((l) => l.split('\t'));
  const p: string[] = [];
  if (header.join('\t') !== GDELT_COLUMNS.join('\t')) p.push('gdelt: header is not GDELT 2.0 order');
  if (rows.length !== expected) p.push(`gdelt: ${rows.length} rows, query ${expected}`);
  const col = (r: string[], name: string) => r[GDELT_COLUMNS.indexOf(name)];
  const bad = (what: string, test: (r: string[]) => boolean) => {
    const n = rows.filter((r) => !test(r)).length;
    if (n) p.push(`gdelt: ${n} rows break ${what}`);
  };
  bad('61 columns', (r) => r.length === 61);
  bad('8-digit SQLDATE', (r) => /^\d{8}$/.test(col(r, 'SQLDATE')));
  bad('root = first two digits of EventCode', (r) => col(r, 'EventRootCode') === col(r, 'EventCode').slice(0, 2));
  bad('QuadClass 1-4', (r) => /^[1-4]$/.test(col(r, 'QuadClass')));
  bad('Goldstein within ±10', (r) => Math.abs(Number(col(r, 'GoldsteinScale'))) <= 10);
  bad('counts ≥ 1', (r) => ['NumMentions', 'NumSources', 'NumArticles'].every((c) => Number(col(r, c)) >= 1));
  bad('a source URL or path', (r) => col(r, 'SOURCEURL').length > 0);
  return p;
}

/** Export `filter`'s events in every format to `dir` and compare each with the query. */
export async function checkExports(store: Store, filter: EventFilter, dir: string): Promise<ExportCheck> {
  const ids = (await store.queryEvents(filter)).map((e) => e.id);
  const problems: string[] = [];
  for (const format of ['jsonl', 'csv', 'gdelt', 'parquet'] as ExportFormat[]) {
    const path = join(dir, `check.${format}`);
    await writeExport(path, store.eachEvent(filter), { format, header: true });
    if (format === 'gdelt') {
      problems.push(...gdeltProblems(path, ids.length));
      continue;
    }
    const got = await readIds(format, path);
    if (!got) problems.push(`${format}: could not be read back`);
    else if (got.join('\n') !== ids.join('\n'))
      problems.push(`${format}: ${got.length} rows differ from query's ${ids.length}`);
  }
  return { filter, events: ids.length, problems };
}
