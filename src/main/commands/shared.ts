/** What several commands share: turning FILE arguments and `--input-list` into readable items; opening the store. */
import type { Store } from '../../store/index.js';
import {
  expandPaths,
  isItem,
  readBounded,
  readInput,
  readInputList,
  type InputItem,
  type InputRef,
} from '../inputs.js';
import { errorLine } from '../io.js';

/** The refs named by positionals and an optional input list. */
export function collectInputs(positionals: string[], inputList?: string): (InputRef | InputItem)[] {
  const refs: (InputRef | InputItem)[] = [];
  if (inputList) {
    try {
      refs.push(...readInputList(inputList));
    } catch (e) {
      refs.push({ ok: false, source: inputList, code: 'not-found', reason: (e as Error).message });
    }
  }
  refs.push(...expandPaths(positionals));
  return refs;
}

/** Read a ref lazily (one document in memory at a time). */
export function load(x: InputRef | InputItem): InputItem {
  return isItem(x) ? x : readInput(x);
}

/** A JSON-lines row that has a string `text`, with its 1-based line number. */
export interface TextRow {
  line: number;
  row: Record<string, unknown> & { text: string };
}

/**
 * Read a JSON-lines file (`-` for stdin) of rows with a string `text`. A bad line is one error line naming the
 * file and line, and is skipped; an unreadable file is one error line and null.
 */
export function readTextRows(file: string): TextRow[] | null {
  const read = readBounded(file);
  if (!read.ok) {
    errorLine(file, read.code, 'read', read.reason);
    return null;
  }
  const text = Buffer.from(read.bytes).toString('utf8');
  const rows: TextRow[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const row = JSON.parse(line);
      if (typeof row?.text !== 'string') throw new Error('no "text"');
      rows.push({ line: i + 1, row });
    } catch (e) {
      errorLine(`${file}:${i + 1}`, 'bad-input', 'read', (e as Error).message);
    }
  });
  return rows;
}

/**
 * Open the store `--db` names (SQLite file or postgres:// URL), run `fn`, and close it. A store that cannot be
 * opened is one error line and exit code 1. Every command that takes --db should use this.
 */
export async function withStore(
  spec: string | undefined,
  opts: { mustExist?: boolean; readonly?: boolean },
  fn: (store: Store) => Promise<number>,
): Promise<number> {
  // Imported here, not at start-up: commands without a store (extract, events, parse) need not load it.
  const { DEFAULT_DB, openStore, StoreOpenError } = await import('../../store/index.js');
  let store: Store;
  try {
    store = await openStore(spec, opts);
  } catch (e) {
    if (!(e instanceof StoreOpenError)) throw e;
    errorLine(spec ?? DEFAULT_DB, /no such store/.test(e.message) ? 'not-found' : 'bad-store', 'store', e.message);
    return 1;
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Parse `--min-confidence`: undefined when absent, a number in [0, 1], or an error message. */
export function minConfidence(v: unknown): number | undefined | { error: string } {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (typeof v !== 'string' || !/^\s*[0-9.]+\s*$/.test(v) || !Number.isFinite(x) || x < 0 || x > 1)
    return { error: `--min-confidence wants a number from 0 to 1, got ${JSON.stringify(v)}` };
  return x;
}

/** Parse a positive whole-number option (`--limit`); prints a message and gives null when it is not one. */
export function wholeNumber(name: string, raw: string | undefined): { ok: true; value?: number } | { ok: false } {
  if (raw === undefined) return { ok: true };
  const n = /^\d{1,15}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    process.stderr.write(
      `dateline: --${name} must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, not '${raw}'\n`,
    );
    return { ok: false };
  }
  return { ok: true, value: n };
}
