/** The fetch options `ingest` and `watch` share, and building a Fetcher and crawl context from them. */
import type { ParseArgsConfig } from 'node:util';
import { DEFAULTS, defaultUserAgent, Fetcher } from '../../fetch/fetcher.js';
import type { RobotsMemory } from '../../fetch/robots.js';
import { emptyState, SqliteStore, type Store } from '../../store/index.js';
import type { CrawlBase } from '../ingest-run.js';

/** Option definitions. */
export const WEB_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  'allow-private': { type: 'boolean' },
  'user-agent': { type: 'string' },
  contact: { type: 'string' },
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
  'per-host': { type: 'string' },
  delay: { type: 'string' },
  retries: { type: 'string' },
};

/** Usage lines for the options. */
export const WEB_USAGE = `
  --allow-private    allow loopback, private and link-local addresses (refused by default)
  --user-agent UA    the User-Agent header (default names dateline; robots.txt is read for "dateline")
  --contact C        an e-mail or URL added to the default User-Agent so site owners can reach you
  --timeout S        seconds per request (default ${DEFAULTS.timeoutMs / 1000})
  --max-bytes N      largest body read; larger ones are aborted (default ${DEFAULTS.maxBytes})
  --per-host N       requests in flight per host (default ${DEFAULTS.perHostConcurrency})
  --delay S          minimum seconds between requests to one host (default ${DEFAULTS.minDelayMs / 1000};
                     a larger robots.txt Crawl-delay wins)
  --retries N        retries on 429/5xx/network errors, with backoff and Retry-After (default ${DEFAULTS.retries})`;

type Values = Record<string, string | boolean | string[] | undefined>;

/** A number option within bounds, or a message. */
function num(v: Values, name: string, min: number, max: number): number | undefined | string {
  const raw = v[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+(\.\d+)?$/.test(raw.trim()) || !(n >= min && n <= max))
    return `--${name} must be a number from ${min} to ${max}, not '${String(raw)}'`;
  return n;
}

/** Fetch-state rows as robots.txt memory, so robots.txt is asked for conditionally on a re-run. */
export function robotsMemory(store: Store): RobotsMemory | undefined {
  if (!(store instanceof SqliteStore)) return undefined;
  return {
    load(url) {
      const st = store.fetchState.get(url);
      return st?.body ? { body: st.body.toString('utf8'), etag: st.etag, lastModified: st.last_modified } : null;
    },
    save(url, copy, status) {
      store.fetchState.save({
        ...emptyState(url, 'robots'),
        url,
        status,
        etag: copy.etag,
        last_modified: copy.lastModified,
        body: Buffer.from(copy.body),
      });
    },
  };
}

/** The fetcher and crawl context for the options, or a usage message. */
export function crawlFrom(v: Values, store: Store): { crawl: CrawlBase; fetcher: Fetcher; maxBytes: number } | string {
  const timeout = num(v, 'timeout', 0.1, 3600);
  const maxBytes = num(v, 'max-bytes', 1, 1024 * 1024 * 1024);
  const perHost = num(v, 'per-host', 1, 64);
  const delay = num(v, 'delay', 0, 3600);
  const retries = num(v, 'retries', 0, 10);
  for (const x of [timeout, maxBytes, perHost, delay, retries]) if (typeof x === 'string') return x;
  const fetcher = new Fetcher({
    userAgent: (v['user-agent'] as string | undefined) ?? defaultUserAgent(v.contact as string | undefined),
    timeoutMs: timeout === undefined ? undefined : (timeout as number) * 1000,
    maxBytes: maxBytes as number | undefined,
    perHostConcurrency: perHost as number | undefined,
    minDelayMs: delay === undefined ? undefined : (delay as number) * 1000,
    retries: retries as number | undefined,
    allowPrivate: !!v['allow-private'],
    robotsMemory: robotsMemory(store),
  });
  const mb = (maxBytes as number | undefined) ?? DEFAULTS.maxBytes;
  return { crawl: { fetcher, maxBytes: mb, seen: new Set() }, fetcher, maxBytes: mb };
}
