/** Input discovery and reading: files, folders (recursive), stdin and input lists, each read to bytes or a clear error. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One document to process, read or failed. */
export type InputItem =
  | { ok: true; source: string; url: string | null; bytes: Uint8Array }
  | { ok: false; source: string; code: 'not-found' | 'bad-input' | 'too-large'; reason: string };

/** File endings taken from folders (files named explicitly are always taken). */
const PAGE_EXT = /\.(html?|xhtml|txt|text)(\.gz)?$|\.gz$/i;
/** Largest input read, in bytes: beyond this a document is refused rather than risk the batch. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A path and the URL it was fetched from, as in an `--input-list` line. */
export interface InputRef {
  path: string;
  url: string | null;
}

/** Parse an `--input-list` file: JSON lines `{"path","url"}`; a bad line is an error item, not a crash. */
export function readInputList(listPath: string): (InputRef | InputItem)[] {
  const out: (InputRef | InputItem)[] = [];
  const text = readFileSync(listPath, 'utf8');
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const o = JSON.parse(line);
      if (typeof o.path !== 'string') throw new Error('no "path"');
      out.push({ path: o.path, url: typeof o.url === 'string' ? o.url : null });
    } catch (e) {
      out.push({ ok: false, source: `${listPath}:${i + 1}`, code: 'bad-input', reason: (e as Error).message });
    }
  });
  return out;
}

/** Expand paths (folders recursively, sorted) into refs; `-` stays as stdin. */
export function expandPaths(paths: string[]): (InputRef | InputItem)[] {
  const out: (InputRef | InputItem)[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (PAGE_EXT.test(name)) out.push({ path: p, url: null });
    }
  };
  for (const p of paths) {
    if (p === '-') {
      out.push({ path: '-', url: null });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push({ ok: false, source: p, code: 'not-found', reason: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.push({ path: p, url: null });
  }
  return out;
}

/** Read one ref's bytes (stdin for `-`). */
export function readInput(ref: InputRef): InputItem {
  try {
    if (ref.path === '-') return { ok: true, source: '-', url: ref.url, bytes: readFileSync(0) };
    const st = statSync(ref.path);
    if (st.size > MAX_INPUT_BYTES) {
      return { ok: false, source: ref.path, code: 'too-large', reason: `${st.size} bytes is over ${MAX_INPUT_BYTES}` };
    }
    return { ok: true, source: ref.path, url: ref.url, bytes: readFileSync(ref.path) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const code = err.code === 'ENOENT' ? 'not-found' : 'bad-input';
    return { ok: false, source: ref.path, code, reason: err.code === 'ENOENT' ? 'no such file' : err.message };
  }
}

/** True when `x` is an already-failed item rather than a ref to read. */
export function isItem(x: InputRef | InputItem): x is InputItem {
  return 'ok' in x;
}
