/** Row helpers shared by the SQLite store's writers and readers. */
import type { StoredArg } from './store.js';

/** A result row. */
export type Row = Record<string, unknown>;

/** An argument from a row's mention columns, named `${prefix}text`, `${prefix}name`, … */
export function storedArg(row: Row, prefix: string): StoredArg {
  return {
    text: row[prefix + 'text'] as string,
    name: row[prefix + 'name'] as string,
    country: (row[prefix + 'country'] as string) ?? null,
    sector: row[prefix + 'sector'] as string,
    code: row[prefix + 'code'] as string,
  };
}
