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

/** The line builder of a text format. */
function lineOf(format: ExportFormat): (e: EventOut) => string {
  if (format === 'csv') return csvLine;
  if (format === 'gdelt') return gdeltLine;
  return (e) => JSON.stringify(e) + '\n';
}

/** A text format's lines to a file descriptor through one reused 1 MB buffer (each line is encoded as it is made). */
async function writeText(fd: number, records: Records, o: ExportOptions): Promise<void> {
  const line = lineOf(o.format);
  const buf = Buffer.allocUnsafe(CHUNK);
  let at = 0;
  const put = (s: string) => {
    if (at + s.length * 3 > CHUNK) {
      writeSync(fd, buf, 0, at);
      at = 0;
    }
    if (s.length * 3 > CHUNK) writeSync(fd, s);
    else at += buf.write(s, at);
  };
  put(o.format === 'csv' ? csvHeader() : o.format === 'gdelt' && o.header ? gdeltHeader() : '');
  for await (const e of records) {
    o.onRecord?.();
    put(line(e));
  }
  if (at) writeSync(fd, buf, 0, at);
}

/** Write `records` to `path` in `o.format`. */
export async function writeExport(path: string, records: Records, o: ExportOptions): Promise<void> {
  if (o.format === 'parquet') {
    await writeParquet(path, records, o.onRecord);
    return;
  }
  const fd = openSync(path, 'w');
  try {
    await writeText(fd, records, o);
  } finally {
    closeSync(fd);
  }
}
