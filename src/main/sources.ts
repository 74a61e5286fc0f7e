/**
 * Every SOURCE argument as one stream of work for the ingest loop: files, folders, `-`, `--input-list` entries,
 * http(s) URLs (pages, feeds, sitemaps), and WARC files (detected by content). One document in memory at a time,
 * so any number of sources runs in bounded memory. Worker pools and queue feeders consume this same iterator.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sha256 } from '../doc/index.js';
import { detectKind, headOf, isListing } from '../fetch/kind.js';
import { emptyState, type FetchStateTable } from '../store/index.js';
import { crawlUrl, expand, warcWork, type CrawlContext, type Work } from './crawl.js';
import { expandPaths, notRegular, readInput, readInputList, type InputItem, type InputRef } from './inputs.js';
import { closeSync, openSync, readSync } from 'node:fs';

export type { Work } from './crawl.js';

/** What the source stream needs. */
export interface SourceContext {
  /** For URLs; null refuses them with one error line each. */
  crawl: CrawlContext | null;
  state: FetchStateTable | null;
  hasDocument(id: string): boolean;
  maxBytes: number;
  found?(n: number): void;
}

/** Is this argument a URL rather than a path? */
export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** The first bytes of a regular file (to tell a WARC file by content), or an empty array. */
function peek(path: string, n = 64 * 1024): Uint8Array {
  try {
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(n);
      const got = readSync(fd, b, 0, n, 0);
      return b.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  } catch {
    return new Uint8Array(0);
  }
}

/** The work for every source, in order: URLs crawled, paths expanded and read one at a time. */
export async function* workFor(
  args: string[],
  inputList: string | undefined,
  ctx: SourceContext,
): AsyncGenerator<Work> {
  const refs: (InputRef | InputItem | { url: string })[] = [];
  if (inputList) refs.push(...readInputList(inputList));
  for (const a of args) {
    if (isUrl(a)) refs.push({ url: a });
    else refs.push(...expandPaths([a]));
  }
  ctx.found?.(refs.length);
  for (const r of refs) {
    if ('ok' in r) yield { item: r };
    else if ('path' in r) yield* fileWork(r, ctx);
    else if (ctx.crawl) yield* crawlUrl(r.url, ctx.crawl);
    else
      yield { item: { ok: false, source: r.url, code: 'bad-input', reason: 'URLs are not read here', stage: 'read' } };
  }
}

/** One file: a WARC file streams its records; a feed or sitemap expands (when URLs can be fetched); else a page. */
async function* fileWork(ref: InputRef, ctx: SourceContext): AsyncGenerator<Work> {
  if (ref.path !== '-') {
    const bad = notRegular(ref.path);
    if (bad) return yield { item: bad };
    if (detectKind(headOf(peek(ref.path))) === 'warc') {
      yield* warcWork(ref.path, createReadStream(ref.path), ctx.maxBytes);
      return;
    }
  }
  const item = readInput(ref);
  if (!item.ok) return yield { item };
  const kind = detectKind(headOf(item.bytes));
  if (kind === 'warc') return yield* warcWork(item.source, [item.bytes], ctx.maxBytes);
  if (isListing(kind) && ctx.crawl) {
    // A feed or sitemap saved to disk: its links are fetched as if the listing had been.
    return yield* expand(item.url ?? pathToFileURL(resolve(item.source)).href, kind, item.bytes, ctx.crawl, 0);
  }
  yield withFileState(item, ctx);
}

/** A page read from a file, with its fetch state; unchanged when the same bytes are already stored. */
function withFileState(item: Extract<InputItem, { ok: true }>, ctx: SourceContext): Work {
  if (item.source === '-' || !ctx.state) return { item };
  const key = `file:${resolve(item.source)}`;
  const hash = sha256(item.bytes);
  const prev = ctx.state.get(key);
  if (prev?.content_hash === hash && prev.doc_id && ctx.hasDocument(prev.doc_id)) return { item, unchanged: true };
  return {
    item,
    state: { ...emptyState(key, 'file'), url: item.url, content_hash: hash },
  };
}
