/**
 * Where data files (lexicons, gazetteers, weights) live. Stages load their own
 * data lazily, once, through these helpers; the root is `data/` in the package.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
/** The package root (works from src/ via a loader and from dist/). */
export const PACKAGE_ROOT = resolve(here, '..', '..');
/** The data root. */
export const DATA_ROOT = join(PACKAGE_ROOT, 'data');

/** Absolute path of a data file, e.g. `dataPath('actors', 'countries.json')`. */
export function dataPath(...parts: string[]): string {
  return join(DATA_ROOT, ...parts);
}

const cache = new Map<string, unknown>();

/** Read and parse a JSON data file once; later calls return the same object. */
export function loadJson<T>(...parts: string[]): T {
  const p = dataPath(...parts);
  let v = cache.get(p);
  if (v === undefined) {
    if (!existsSync(p)) throw new Error(`data file missing: ${p}`);
    v = JSON.parse(readFileSync(p, 'utf8'));
    cache.set(p, v);
  }
  return v as T;
}

/** Path of `../shared` beside the repo (for evaluation and training), or null when absent. */
export function sharedRoot(): string | null {
  const p = process.env.DATELINE_SHARED ?? resolve(PACKAGE_ROOT, '..', 'shared');
  return existsSync(p) ? p : null;
}
