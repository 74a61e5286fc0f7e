/** One way every command opens its store: `--db FILE` is SQLite, `--db postgres://…` is Postgres. */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { openPostgresStore, isPostgresUrl } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/** The --db value used when none is given. */
export const DEFAULT_DB = 'dateline.db';

/** Why a store could not be opened, with a message fit for one error line. */
export class StoreOpenError extends Error {}

/**
 * Open the store named by `spec` (a SQLite path or a postgres:// URL), creating and migrating it as needed.
 * With `mustExist`, a SQLite file that is not there is a StoreOpenError instead of a new empty store.
 */
export async function openStore(
  spec: string = DEFAULT_DB,
  opts: { mustExist?: boolean; readonly?: boolean } = {},
): Promise<Store> {
  if (isPostgresUrl(spec)) {
    try {
      return await openPostgresStore(spec);
    } catch (e) {
      throw new StoreOpenError(`${redact(spec)}: cannot open the Postgres store: ${(e as Error).message}`);
    }
  }
  if (opts.mustExist && spec !== ':memory:' && !existsSync(spec)) {
    throw new StoreOpenError(`${spec}: no such store (run dateline ingest first)`);
  }
  checkStorePath(spec);
  try {
    return openSqliteStore(spec, { readonly: opts.readonly });
  } catch (e) {
    throw new StoreOpenError(`${spec}: ${(e as Error).message}`);
  }
}

/** Refuse, with a reason, a path that is a folder or a file that is not a SQLite database. */
export function checkStorePath(path: string): void {
  if (path === ':memory:') return;
  let st;
  try {
    st = statSync(path);
  } catch {
    return; // a new store
  }
  if (st.isDirectory()) throw new StoreOpenError(`${path} is a folder, not a SQLite file`);
  if (!st.isFile()) throw new StoreOpenError(`${path} is not a regular file`);
  if (st.size === 0) return;
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== 'SQLite format 3\0') throw new StoreOpenError(`${path} is not a SQLite database`);
}

/** A connection URL with its password hidden, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
