/** Streaming an export: records in, one file out, in bounded memory, with a progress callback. */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { EventOut } from '../record/index.js';
import { csvHeader, csvLine } from './csv.js';
import { gdeltHeader, gdeltLine } from './gdelt.js';
import { writeParquet } from './parquet.js';

export type ExportFormat = 'jsonl' | 'csv' | 'gdelt' | 'parquet';
export const EXPORT_FORMATS: ExportFormat[] = ['jsonl', 'csv', 'gdelt', 'parquet'];

/** Options of one export. */
export interface ExportOptions {
  format: ExportFormat;
  /** For gdelt: write GDELT's column names first. */
  header?: boolean;
  /** Called once per record written. */
  onRecord?: () => void;
}

/** Bytes buffered before a write to the file. */
const CHUNK = 1 << 20;

/** Records from a store (async) or a list. */
export type Records = AsyncIterable<EventOut> | Iterable<EventOut>;

/** Lines to a file descriptor in ~1 MB writes. */
async function writeLines(fd: number, lines: AsyncIterable<string>): Promise<void> {
  let buf: string[] = [];
  let size = 0;
  for await (const line of lines) {
    buf.push(line);
    size += line.length;
    if (size >= CHUNK) {
      writeSync(fd, buf.join(''));
      buf = [];
      size = 0;
    }
  }
  if (buf.length) writeSync(fd, buf.join(''));
}

/** Count each record as it passes. */
async function* counted(records: Records, onRecord?: () => void): AsyncGenerator<EventOut> {
  for await (const e of records) {
    onRecord?.();
    yield e;
  }
}

/** The text lines of a format. */
async function* lines(records: AsyncIterable<EventOut>, o: ExportOptions): AsyncGenerator<string> {
  if (o.format === 'csv') yield csvHeader();
  if (o.format === 'gdelt' && o.header) yield gdeltHeader();
  const line =
    o.format === 'csv' ? csvLine : o.format === 'gdelt' ? gdeltLine : (e: EventOut) => JSON.stringify(e) + '\n';
  for await (const e of records) yield line(e);
}

/** Write `records` to `path` in `o.format`. */
export async function writeExport(path: string, records: Records, o: ExportOptions): Promise<void> {
  const stream = counted(records, o.onRecord);
  if (o.format === 'parquet') {
    await writeParquet(path, stream);
    return;
  }
  const fd = openSync(path, 'w');
  try {
    await writeLines(fd, lines(stream, o));
  } finally {
    closeSync(fd);
  }
}
