/**
 * Input discovery and reading: files, folders (recursive), stdin and input lists, each read to bytes or a clear
 * error. Nothing here can block or grow without bound: only regular files are opened, every read (stdin too) is
 * capped while reading, and a bad folder entry (symlink loop, dangling link, name that is not UTF-8) is one error
 * item, never an exception that ends the walk.
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { printable } from './printable.js';

/** One document to process, read or failed. */
export type InputItem =
  | { ok: true; source: string; url: string | null; bytes: Uint8Array; contentType?: string | null }
  | {
      ok: false;
      source: string;
      code: 'not-found' | 'bad-input' | 'too-large' | string;
      reason: string;
      stage?: string;
    };

/** File endings taken from folders (files named explicitly are always taken). */
const PAGE_EXT = /\.(html?|xhtml|txt|text)(\.gz)?$|\.gz$/i;
/** Largest input read, in bytes: beyond this a document is refused rather than risk the batch. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Folder depth beyond which a walk stops (a loop that escapes the inode check, or a hostile tree). */
const MAX_WALK_DEPTH = 64;

/** A path and the URL it was fetched from, as in an `--input-list` line. */
export interface InputRef {
  path: string;
  url: string | null;
}

/** Parse an `--input-list` file: JSON lines `{"path","url"}`; a bad line is an error item, not a crash. */
export function readInputList(listPath: string): (InputRef | InputItem)[] {
  const out: (InputRef | InputItem)[] = [];
  const read = readBounded(listPath, MAX_INPUT_BYTES);
  if (!read.ok) return [read];
  Buffer.from(read.bytes)
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
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

/** What kind of file-system object a stat describes, for error reasons. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** Walk one folder recursively (sorted); loops and bad entries become error items. */
function walk(dir: string, out: (InputRef | InputItem)[], seen: Set<string>, depth: number): void {
  let names: Buffer[];
  try {
    names = readdirSync(dir, { encoding: 'buffer' });
  } catch (e) {
    out.push({ ok: false, source: dir, code: 'bad-input', reason: `cannot read folder: ${(e as Error).message}` });
    return;
  }
  names.sort(Buffer.compare);
  for (const raw of names) {
    if (raw[0] === 0x2e) continue; // dot files
    if (!isUtf8(raw)) {
      const shown = join(dir, raw.toString('latin1'));
      out.push({ ok: false, source: shown, code: 'bad-input', reason: 'file name is not valid UTF-8' });
      continue;
    }
    const name = raw.toString('utf8');
    const p = join(dir, name);
    let st: Stats;
    try {
      st = lstatSync(p);
      if (st.isSymbolicLink()) st = statSync(p);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ELOOP' ? 'symlink loop' : err.code === 'ENOENT' ? 'dangling symlink' : err.message;
      out.push({ ok: false, source: p, code: 'bad-input', reason });
      continue;
    }
    if (st.isDirectory()) {
      const key = `${st.dev}:${st.ino}`;
      if (seen.has(key) || depth >= MAX_WALK_DEPTH) {
        out.push({ ok: false, source: p, code: 'bad-input', reason: 'folder loop (already walked)' });
        continue;
      }
      seen.add(key);
      walk(p, out, seen, depth + 1);
    } else if (PAGE_EXT.test(name)) {
      if (st.isFile()) out.push({ path: p, url: null });
      else out.push({ ok: false, source: p, code: 'bad-input', reason: `${kindOf(st)}, not a regular file` });
    }
  }
}

/** Expand paths (folders recursively, sorted) into refs; `-` stays as stdin. */
export function expandPaths(paths: string[]): (InputRef | InputItem)[] {
  const out: (InputRef | InputItem)[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ path: '-', url: null });
      continue;
    }
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ELOOP' ? 'symlink loop' : 'no such file or folder';
      out.push({ ok: false, source: p, code: err.code === 'ELOOP' ? 'bad-input' : 'not-found', reason });
      continue;
    }
    if (st.isDirectory()) walk(p, out, new Set([`${st.dev}:${st.ino}`]), 0);
    else out.push({ path: p, url: null });
  }
  return out;
}

/** Read up to `cap` bytes from an open descriptor; more than `cap` is `too-large`, read no further. */
function readFd(fd: number, source: string, cap: number): InputItem {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      // A non-blocking stdin with nothing yet: wait a little and try again.
      if (err.code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (err.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > cap) return { ok: false, source, code: 'too-large', reason: `more than ${cap} bytes` };
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  const all = Buffer.concat(chunks, total);
  return { ok: true, source, url: null, bytes: new Uint8Array(all.buffer, all.byteOffset, all.byteLength) };
}

/** Read a regular file (or stdin for `-`) with a byte cap; FIFOs, devices and sockets are refused unopened. */
export function readBounded(path: string, cap: number = MAX_INPUT_BYTES): InputItem {
  if (path === '-') return readFd(0, '-', cap);
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, source: path, code: 'not-found', reason: 'no such file' };
    return { ok: false, source: path, code: 'bad-input', reason: err.code === 'ELOOP' ? 'symlink loop' : err.message };
  }
  if (!st.isFile()) return { ok: false, source: path, code: 'bad-input', reason: `${kindOf(st)}, not a regular file` };
  if (st.size > cap) return { ok: false, source: path, code: 'too-large', reason: `${st.size} bytes is over ${cap}` };
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, source: path, code: 'bad-input', reason: (e as Error).message };
  }
  try {
    // The file may have been swapped for something else between stat and open.
    if (!fstatSync(fd).isFile()) return { ok: false, source: path, code: 'bad-input', reason: 'not a regular file' };
    return readFd(fd, path, cap);
  } catch (e) {
    return { ok: false, source: path, code: 'bad-input', reason: (e as Error).message };
  } finally {
    closeSync(fd);
  }
}

/** An error item when `path` is missing or not a regular file (checked without opening it), else null. */
export function notRegular(path: string): InputItem | null {
  try {
    const st = statSync(path);
    return st.isFile()
      ? null
      : { ok: false, source: path, code: 'bad-input', reason: `${kindOf(st)}, not a regular file` };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, source: path, code: 'not-found', reason: 'no such file' };
    return { ok: false, source: path, code: 'bad-input', reason: err.code === 'ELOOP' ? 'symlink loop' : err.message };
  }
}

/** Read one ref's bytes (stdin for `-`), capped at {@link MAX_INPUT_BYTES}. */
export function readInput(ref: InputRef): InputItem {
  const r = readBounded(ref.path, MAX_INPUT_BYTES);
  return r.ok ? { ...r, url: ref.url } : r;
}

/** A whole small text file (a list of sources), capped; throws with a clear message when it cannot be read. */
export function readSmallText(path: string, cap = 8 * 1024 * 1024): string {
  const r = readBounded(path, cap);
  if (!r.ok) throw new Error(`${printable(path)}: ${r.reason}`);
  return Buffer.from(r.bytes).toString('utf8');
}

/** True when `x` is an already-failed item rather than a ref to read. */
export function isItem(x: InputRef | InputItem): x is InputItem {
  return 'ok' in x;
}
