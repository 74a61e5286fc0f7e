import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pq from 'parquet-wasm/node';
import { tableFromIPC } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { utf8Compare, type ChunkValue } from './parquet-chunk.js';
import { writeParquetTable, type TableColumn } from './parquet.js';

const COLUMNS: TableColumn[] = [
  { name: 'repeats', type: 'STRING' },
  { name: 'distinct', type: 'STRING' },
  { name: 'late', type: 'STRING' },
  { name: 'nothing', type: 'STRING' },
  { name: 'n', type: 'INT32' },
  { name: 'x', type: 'DOUBLE' },
  { name: 'flag', type: 'BOOLEAN' },
  { name: 'day', type: 'DATE' },
  { name: 'json', type: 'JSON' },
];

/** Row i: a few repeated words (with an emoji), unique text, a column that turns distinct after 500 rows, nulls. */
function row(i: number): ChunkValue[] {
  return [
    i % 7 === 0 ? null : ['Kyiv', 'Zürich', '北京', 'x😀', 'x\uffff'][i % 5],
    `sentence ${i} — "quoted", with a tab\there`,
    i < 500 ? 'same' : `late ${i}`,
    null,
    i % 3 === 0 ? null : i - 1000,
    i % 11 === 0 ? null : i / 8 - 100,
    i % 4 === 0 ? null : i % 3 === 0,
    i % 5 === 0 ? null : 18_000 + (i % 40),
    JSON.stringify([{ code: 'FRA', i }]),
  ];
}

test('column chunks round-trip through an independent reader: dictionary, PLAIN, a switch mid-chunk, nulls, every type', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-pq-'));
  const path = join(dir, 't.parquet');
  const n = 7_500;
  const rows = Array.from({ length: n }, (_, i) => row(i));
  await writeParquetTable(path, COLUMNS, rows, (r, i) => r[i], 3_000);
  const table = tableFromIPC(pq.readParquet(readFileSync(path)).intoIPCStream());
  assert.equal(table.numRows, n);
  COLUMNS.forEach((c, j) => {
    const col = table.getChild(c.name)!;
    for (let i = 0; i < n; i++) {
      const want = rows[i][j];
      const got = col.get(i) as unknown; // get, not toArray: a typed array would drop the nulls
      const v = c.type === 'DATE' && got !== null ? Math.round((got as number) / 86_400_000) : got;
      if (v !== want) assert.fail(`${c.name} row ${i}: ${String(v)} ≠ ${String(want)}`);
    }
  });
  const meta = parquetMetadata(readFileSync(path).buffer);
  assert.equal(meta.row_groups.length, 3);
  const chunk = (g: number, name: string) =>
    meta.row_groups[g].columns.find((c) => c.meta_data!.path_in_schema[0] === name)!.meta_data!;
  assert.ok(chunk(0, 'repeats').encodings.includes('RLE_DICTIONARY'));
  assert.ok(!chunk(0, 'distinct').encodings.includes('RLE_DICTIONARY'));
  assert.ok(!chunk(0, 'late').encodings.includes('RLE_DICTIONARY'), 'went PLAIN once it turned distinct');
  assert.equal(chunk(0, 'nothing').statistics!.null_count, 3000n);
  assert.equal(chunk(0, 'n').statistics!.min_value, -999);
  assert.equal(chunk(0, 'n').statistics!.max_value, 2999 - 1000);
  assert.equal(chunk(0, 'repeats').statistics!.min_value, 'Kyiv');
  assert.equal(chunk(0, 'repeats').statistics!.max_value, '北京');
  rmSync(dir, { recursive: true });
});

test('string bounds follow UTF-8 byte order, not UTF-16 (an emoji sorts after U+FFFF)', () => {
  assert.ok(utf8Compare('x\uffff', 'x😀') < 0);
  assert.ok('x\uffff' > 'x😀', 'UTF-16 order would say otherwise');
  assert.ok(utf8Compare('😀', '😁') < 0, 'differing in the low half of a pair');
  assert.ok(utf8Compare('Kyiv', 'Zürich') < 0);
  assert.ok(utf8Compare('ab', 'abc') < 0);
  assert.equal(utf8Compare('北京', '北京'), 0);
});
