/** Parquet export through hyparquet-writer (pure JS, streams row groups): typed columns, SNAPPY, one file. */
import { fileWriter, parquetWriteRows } from 'hyparquet-writer';
import type { EventOut } from '../record/index.js';
import { FLAT_COLUMNS, type FlatType } from './flat.js';

/** Rows per row group: bounded memory (~50k records in flight) and large enough for fast scans. */
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

/** One record as a Parquet row object. */
function parquetRow(e: EventOut): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of FLAT_COLUMNS) {
    if (c.value) row[c.name] = c.value(e);
    else row[c.name] = c.type === 'DATE' ? dateDays(c.get(e)) : c.get(e);
  }
  return row;
}

/** Write `records` to a Parquet file at `path`, one row group at a time. */
export async function writeParquet(path: string, records: AsyncIterable<EventOut>): Promise<void> {
  async function* rows() {
    for await (const e of records) yield parquetRow(e);
  }
  await parquetWriteRows({
    writer: fileWriter(path),
    rows: rows(),
    columns: FLAT_COLUMNS.map((c) => ({ name: c.name })),
    schema: parquetSchema() as never,
    rowGroupSize: ROW_GROUP,
    createdBy: 'dateline export',
  });
}
