/**
 * Parquet export: typed columns, SNAPPY, one file, one row group of ROW_GROUP rows in memory at a time. Column chunks are
 * encoded by parquet-chunk.ts; the file's framing (footer thrift, buffered file writer) is hyparquet-writer's.
 */
import { fileWriter } from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import type { Writer } from 'hyparquet-writer/src/types.js';
import type { EventOut } from '../record/index.js';
import { FLAT_COLUMNS, type FlatColumn, type FlatType } from './flat.js';
import { ChunkBuilder, type ChunkMeta, type ChunkValue } from './parquet-chunk.js';

/**
 * Rows per row group: bounded memory (one group's encoded bytes in flight: peak RSS 190 MB on bench:export) and large
 * enough for scans. 10,000 and 50,000 cost the same CPU on bench:export; the larger groups give a 10% smaller file.
 */
export const ROW_GROUP = 50_000;

type SchemaElement = {
  name: string;
  type?: 'BYTE_ARRAY' | 'INT32' | 'DOUBLE' | 'BOOLEAN';
  converted_type?: 'UTF8' | 'JSON' | 'DATE';
  repetition_type?: 'OPTIONAL' | 'REQUIRED';
  num_children?: number;
};

const PHYSICAL: Record<FlatType, Pick<SchemaElement, 'type' | 'converted_type'>> = {
  STRING: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  JSON: { type: 'BYTE_ARRAY', converted_type: 'JSON' },
  INT32: { type: 'INT32' },
  DOUBLE: { type: 'DOUBLE' },
  BOOLEAN: { type: 'BOOLEAN' },
  DATE: { type: 'INT32', converted_type: 'DATE' },
};

/** A column of a Parquet table: its name and flat type. */
export type TableColumn = Pick<FlatColumn, 'name' | 'type'>;

/** The explicit Parquet schema of `columns` (the flat columns unless told; every column nullable). */
export function parquetSchema(columns: TableColumn[] = FLAT_COLUMNS): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({ name: c.name, ...PHYSICAL[c.type], repetition_type: 'OPTIONAL' as const })),
  ];
}

let lastDate: string | null = null;
let lastDays: number | null = null;

/** Days since 1970-01-01 of a YYYY-MM-DD date (Parquet DATE), or null; the last answer is kept (dates repeat). */
function dateDays(v: string | number | boolean | null): number | null {
  if (typeof v !== 'string') return null;
  if (v === lastDate) return lastDays;
  const t = Date.parse(v.slice(0, 10) + 'T00:00:00Z');
  lastDate = v;
  lastDays = Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
  return lastDays;
}

/** One row group being filled: a chunk builder per column, written out when full. */
class Group {
  readonly cols: ChunkBuilder[];
  size = 0;

  constructor(columns: TableColumn[], rows: number) {
    this.cols = columns.map((c) => new ChunkBuilder(c.name, c.type, rows));
  }

  /** Write the group's column chunks, flush them to the file, and start empty; the group's footer entry. */
  flush(w: Writer): RowGroupMeta {
    const start = w.offset;
    const columns = this.cols.map((c) => c.write(w));
    let bytes = 0n;
    for (const c of columns) bytes += c.meta_data.total_uncompressed_size;
    const meta = {
      columns,
      total_byte_size: bytes,
      num_rows: BigInt(this.size),
      total_compressed_size: BigInt(w.offset - start),
    };
    w.flush?.();
    this.size = 0;
    return meta;
  }
}

/** A row group's entry in the footer. */
interface RowGroupMeta {
  columns: ChunkMeta[];
  total_byte_size: bigint;
  num_rows: bigint;
  total_compressed_size: bigint;
}

/** Parquet's magic number, "PAR1", at both ends of the file. */
const MAGIC = 0x31524150;

/**
 * Write rows to a Parquet file at `path`: `cell(row, i)` gives column i's value (DATE as days since 1970), one row
 * group of `groupRows` rows at a time, each written to the file as it fills.
 */
export async function writeParquetTable<T>(
  path: string,
  columns: TableColumn[],
  rows: AsyncIterable<T> | Iterable<T>,
  cell: (row: T, column: number) => ChunkValue,
  groupRows = ROW_GROUP,
): Promise<void> {
  const w = fileWriter(path);
  w.appendUint32(MAGIC);
  const groups: RowGroupMeta[] = [];
  const group = new Group(columns, groupRows);
  for await (const row of rows) {
    for (let i = 0; i < columns.length; i++) group.cols[i].add(cell(row, i));
    if (++group.size >= groupRows) groups.push(group.flush(w));
  }
  if (group.size) groups.push(group.flush(w));
  let total = 0n;
  for (const g of groups) total += g.num_rows;
  writeMetadata(w, {
    version: 2,
    created_by: 'dateline export',
    schema: parquetSchema(columns),
    num_rows: total,
    row_groups: groups,
  } as never);
  w.appendUint32(MAGIC);
  w.finish();
}

/** Write `records` to a Parquet file at `path` in the flat columns; `onRecord` is called once per record. */
export async function writeParquet(
  path: string,
  records: AsyncIterable<EventOut> | Iterable<EventOut>,
  onRecord?: () => void,
): Promise<void> {
  await writeParquetTable(path, FLAT_COLUMNS, records, (e, i) => {
    if (i === 0) onRecord?.();
    const c = FLAT_COLUMNS[i];
    return c.type === 'DATE' ? dateDays(c.get(e)) : c.get(e);
  });
}
