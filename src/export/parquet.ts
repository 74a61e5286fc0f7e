/** Parquet export through hyparquet-writer (pure JS, streams row groups): typed columns, SNAPPY, one file. */
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import type { EventOut } from '../record/index.js';
import { FLAT_COLUMNS, type FlatType } from './flat.js';

/** Rows per row group: bounded memory (one group's column arrays in flight, ~150 MB at most) and large enough for scans. */
export const ROW_GROUP = 10_000;

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

/** The explicit Parquet schema of the flat columns (every column nullable). */
export function parquetSchema(): SchemaElement[] {
  return [
    { name: 'root', num_children: FLAT_COLUMNS.length },
    ...FLAT_COLUMNS.map((c) => ({ name: c.name, ...PHYSICAL[c.type], repetition_type: 'OPTIONAL' as const })),
  ];
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (Parquet DATE), or null. */
function dateDays(v: string | number | boolean | null): number | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
}

/** One row group being filled: one array per column, written straight to the writer (no row objects, no transpose). */
class Group {
  readonly cols: unknown[][] = FLAT_COLUMNS.map(() => []);
  size = 0;

  add(e: EventOut): void {
    for (let i = 0; i < FLAT_COLUMNS.length; i++) {
      const c = FLAT_COLUMNS[i];
      this.cols[i].push(c.value ? c.value(e) : c.type === 'DATE' ? dateDays(c.get(e)) : c.get(e));
    }
    this.size++;
  }

  /** Write the group and start empty. */
  flush(pq: ParquetWriter): void | Promise<void> {
    const columnData = FLAT_COLUMNS.map((c, i) => ({ name: c.name, data: this.cols[i] as never }));
    const w = pq.write({ columnData, rowGroupSize: this.size });
    for (const col of this.cols) col.length = 0;
    this.size = 0;
    return w;
  }
}

/** Write `records` to a Parquet file at `path`, one row group of ROW_GROUP rows at a time (each flushed as it fills). */
export async function writeParquet(path: string, records: AsyncIterable<EventOut>): Promise<void> {
  const pq = new ParquetWriter({
    writer: fileWriter(path),
    schema: parquetSchema() as never,
    createdBy: 'dateline export',
  });
  const group = new Group();
  for await (const e of records) {
    group.add(e);
    if (group.size >= ROW_GROUP) await group.flush(pq);
  }
  if (group.size) await group.flush(pq);
  await pq.finish();
}
