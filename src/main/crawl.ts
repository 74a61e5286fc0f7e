/**
 * URLs as sources: fetch (conditionally, from the stored fetch state), tell by content whether the response is a
 * page, a feed, a sitemap or a WARC file, expand listings to the pages they list (sitemap indexes recursively),
 * and yield each page as work for the ingest loop. A failure is an error item naming the URL; a URL that failed
 * recently is not requested again before its `not_before` time.
 */
import { sha256 } from '../doc/index.js';
import { feedLinks } from '../fetch/feeds.js';
import { sitemapLinks } from '../fetch/sitemap.js';
import { detectKind, headOf, isListing, type SourceKind } from '../fetch/kind.js';
import { warcPages } from '../fetch/warc.js';
import { gunzipMembers } from '../extract/gunzip.js';
import type { Fetcher, FetchFailure } from '../fetch/fetcher.js';
import { emptyState, type FetchState, type FetchStateTable } from '../store/index.js';
import type { InputItem } from './inputs.js';

/** One unit of work for the ingest loop. */
export interface Work {
  item: InputItem;
  /** The fetch state to save with the document (in its transaction) or with the error. */
  state?: FetchState;
  /** Nothing changed since the last run: no processing, nothing stored. */
  unchanged?: boolean;
  /** A remembered failure reported again without a request: not saved to the errors table a second time. */
  remembered?: boolean;
}

/** What crawling needs: the fetcher, the state table, and whether a document id is already stored. */
export interface CrawlContext {
  fetcher: Fetcher;
  state: FetchStateTable | null;
  hasDocument(id: string): boolean;
  maxBytes: number;
  /** URLs handled this run (a page listed by two feeds is fetched once). */
  seen: Set<string>;
  /** Called when a listing adds `n` URLs (for the progress bar). */
  found?(n: number): void;
  now?(): number;
}

/** How deep listings may nest (a sitemap index of sitemap indexes of sitemaps). */
const MAX_LISTING_DEPTH = 4;
/** Listing bodies kept for expansion on a 304, at most this big. */
const MAX_KEPT_LISTING = 16 * 1024 * 1024;
const HOUR = 3600_000;

/** When a failed URL may be tried again: soon for transient failures (backing off), a day for permanent ones. */
export function notBefore(f: FetchFailure, failures: number, now: number): string {
  const base = f.transient ? Math.min(24 * HOUR, 0.5 * HOUR * 2 ** Math.max(0, failures - 1)) : 24 * HOUR;
  return new Date(now + Math.max(base, f.retryAfterMs ?? 0)).toISOString();
}

/** The work items for one URL (and, for listings, every URL it lists). */
export async function* crawlUrl(url: string, ctx: CrawlContext, depth = 0): AsyncGenerator<Work> {
  if (ctx.seen.has(url)) return;
  ctx.seen.add(url);
  const now = ctx.now?.() ?? Date.now();
  const prev = ctx.state?.get(url) ?? null;
  if (prev?.not_before && Date.parse(prev.not_before) > now) {
    const reason = `${prev.error_reason ?? 'failed'} (remembered; not requested again before ${prev.not_before})`;
    yield { item: fail(url, prev.error_code ?? 'fetch-failed', reason), remembered: true };
    return;
  }
  const res = await ctx.fetcher.fetch(url, { etag: prev?.etag, lastModified: prev?.last_modified });
  if (!res.ok) {
    const failures = (prev?.failures ?? 0) + 1;
    const state: FetchState = {
      ...(prev ?? emptyState(url, 'page')),
      url,
      final_url: res.finalUrl,
      status: res.status ?? null,
      error_code: res.code,
      error_reason: res.reason,
      failures,
      not_before: notBefore(res, failures, now),
      fetched_at: new Date(now).toISOString(),
    };
    yield { item: fail(url, res.code, res.reason), state };
    return;
  }
  const base: FetchState = {
    ...(prev ?? emptyState(url, 'page')),
    url,
    final_url: res.finalUrl,
    status: res.status,
    etag: res.etag ?? prev?.etag ?? null,
    last_modified: res.lastModified ?? prev?.last_modified ?? null,
    error_code: null,
    error_reason: null,
    failures: 0,
    not_before: null,
    fetched_at: new Date(now).toISOString(),
  };
  if (res.notModified) {
    if (prev && prev.kind !== 'page' && prev.body) {
      yield* expand(url, prev.kind as SourceKind, prev.body, ctx, depth);
      return;
    }
    yield { item: okItem(url, res.finalUrl, new Uint8Array(0), null), unchanged: true };
    return;
  }
  const kind = detectKind(headOf(res.bytes));
  if (isListing(kind)) {
    const kept = res.bytes.length <= MAX_KEPT_LISTING ? Buffer.from(res.bytes) : null;
    ctx.state?.save({ ...base, kind, content_hash: sha256(res.bytes), body: kept });
    yield* expand(url, kind, res.bytes, ctx, depth);
    return;
  }
  if (kind === 'warc') {
    yield* warcWork(url, [res.bytes], ctx.maxBytes);
    return;
  }
  const hash = sha256(res.bytes);
  const state: FetchState = { ...base, kind: 'page', content_hash: hash, body: null };
  if (prev?.content_hash === hash && prev.doc_id && ctx.hasDocument(prev.doc_id)) {
    ctx.state?.save(state);
    yield { item: okItem(url, res.finalUrl, new Uint8Array(0), null), unchanged: true };
    return;
  }
  yield { item: okItem(url, res.finalUrl, res.bytes, res.contentType), state };
}

/** The pages (and nested listings) of a feed or sitemap. */
export async function* expand(
  url: string,
  kind: SourceKind,
  bytes: Uint8Array,
  ctx: CrawlContext,
  depth: number,
): AsyncGenerator<Work> {
  const plain = isGzip(bytes) ? gunzipMembers(bytes, ctx.maxBytes) : { ok: true as const, bytes };
  if (!plain.ok) {
    yield { item: fail(url, 'bad-gzip', `listing is not readable gzip: ${plain.reason}`) };
    return;
  }
  const text = Buffer.from(plain.bytes).toString('utf8');
  let links: string[];
  if (kind === 'urlset' || kind === 'sitemapindex') links = sitemapLinks(text, url).links;
  else {
    const r = feedLinks(text, url);
    if (!r.ok) {
      yield { item: fail(url, 'bad-feed', r.reason) };
      return;
    }
    links = r.links;
  }
  if (depth >= MAX_LISTING_DEPTH) {
    yield { item: fail(url, 'too-deep', `listings nested more than ${MAX_LISTING_DEPTH} deep`) };
    return;
  }
  const fresh = links.filter((l) => !ctx.seen.has(l));
  ctx.found?.(fresh.length);
  for (const link of fresh) yield* crawlUrl(link, ctx, depth + 1);
}

/** Pages of a WARC file (bytes already in hand, or a stream) as work items named `FILE#URI`. */
export async function* warcWork(
  source: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Work> {
  const iter = (async function* () {
    yield* chunks;
  })();
  try {
    for await (const p of warcPages(iter, maxBytes)) {
      const name = `${source}#${p.uri}`;
      if (p.ok) yield { item: okItem(name, p.uri, p.bytes, p.contentType) };
      else yield { item: fail(name, p.code, p.reason) };
    }
  } catch (e) {
    yield { item: fail(source, 'bad-warc', `WARC file is damaged: ${(e as Error).message}`) };
  }
}

/** A read page. */
function okItem(source: string, url: string, bytes: Uint8Array, contentType: string | null): InputItem {
  return { ok: true, source, url, bytes, contentType };
}

/** A failed URL, stage `fetch`. */
function fail(source: string, code: string, reason: string): InputItem {
  return { ok: false, source, code, reason, stage: 'fetch' };
}

/** Does `b` start with the gzip magic? */
export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}
