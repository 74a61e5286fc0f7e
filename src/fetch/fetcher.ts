/**
 * A polite, safe HTTP fetcher (undici): robots.txt for our agent, one queue per host (concurrency, minimum delay,
 * Crawl-delay), retries with backoff on 429/5xx honouring Retry-After, redirects followed by hand up to a cap so
 * every hop is checked (address, robots), a per-request timeout, a byte cap that aborts larger bodies, content
 * types checked before the body is read, gzip/deflate/brotli bodies. Non-public addresses are refused before any
 * request is sent, unless allowed. A library: DNS, sleeping and robots memory are passed in.
 */
import { Agent, request, type Dispatcher } from 'undici';
import { addressesOf, firstRefusal, guardedLookup, systemResolver, type Resolver } from './address.js';
import { HostQueues } from './hosts.js';
import { readBody } from './body.js';
import { ALLOW_ALL, blockAll, parseRobots, type RobotsMemory, type RobotsRules } from './robots.js';

/** Fetcher settings; every field has a polite default. */
export interface FetcherOptions {
  /** The User-Agent header. */
  userAgent?: string;
  /** The robots.txt agent token. */
  robotsAgent?: string;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  retries?: number;
  /** First backoff; doubles per retry. */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for: the URL fails as rate-limited and is tried on a later run. */
  maxRetryWaitMs?: number;
  perHostConcurrency?: number;
  /** Minimum time between request starts to one host (Crawl-delay raises it). */
  minDelayMs?: number;
  allowPrivate?: boolean;
  /** Why an address is refused (default: anything not public unicast); replaces `allowPrivate` when given. */
  addressPolicy?: (ip: string) => string | null;
  robots?: boolean;
  resolver?: Resolver;
  sleep?: (ms: number) => Promise<void>;
  robotsMemory?: RobotsMemory;
  dispatcher?: Dispatcher;
}

/** Validators from the last fetch, for a conditional request. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** A fetched body (or 304). */
export interface Fetched {
  ok: true;
  url: string;
  finalUrl: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  bytes: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

/** A failed fetch: a code, a reason, and whether trying again later may help. */
export interface FetchFailure {
  ok: false;
  url: string;
  finalUrl: string;
  code: string;
  reason: string;
  status?: number;
  transient: boolean;
  /** The server asked us to wait this long (Retry-After). */
  retryAfterMs?: number;
}

/** A fetch outcome. */
export type FetchResult = Fetched | FetchFailure;

/** Counts of what the fetcher did, for logs and checks. */
export interface FetchCounters {
  requests: number;
  conditional: number;
  refused: number;
  robotsDisallowed: number;
  retries: number;
}

/** The default User-Agent; `contact` (an e-mail or URL) is added so site owners can reach the operator. */
export function defaultUserAgent(contact?: string): string {
  const who = contact ? `; contact: ${contact}` : '';
  return `dateline/0.1 (news event-data research crawler; honours robots.txt for "dateline"${who})`;
}

export const DEFAULTS = {
  timeoutMs: 15000,
  maxBytes: 16 * 1024 * 1024,
  maxRedirects: 5,
  retries: 3,
  backoffMs: 1000,
  maxRetryWaitMs: 120000,
  perHostConcurrency: 2,
  minDelayMs: 1000,
};

/** Content types we read; anything else (images, PDF, archives, media, binaries) is refused before its body. */
const READABLE_TYPE =
  /^(text\/[\w.+-]+|application\/(xhtml\+xml|xml|[\w.+-]+\+xml|json|[\w.+-]+\+json|gzip|x-gzip|warc))\s*(;|$)/i;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** One HTTP response before its body is read. */
interface Hop {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
}

/** The value of a header, first one when repeated. */
function header(h: Hop['headers'], name: string): string | null {
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** Retry-After (seconds or an HTTP date) in milliseconds, or null. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** The fetcher. Reuse one per run; `close()` when done. */
export class Fetcher {
  readonly counters: FetchCounters = { requests: 0, conditional: 0, refused: 0, robotsDisallowed: 0, retries: 0 };
  private readonly o: Required<Omit<FetcherOptions, 'robotsMemory' | 'dispatcher' | 'addressPolicy'>> & FetcherOptions;
  private readonly agent: Dispatcher;
  private readonly hosts: HostQueues;
  private readonly robotsByOrigin = new Map<string, Promise<RobotsRules>>();

  constructor(opts: FetcherOptions = {}) {
    this.o = {
      ...DEFAULTS,
      userAgent: defaultUserAgent(),
      robotsAgent: 'dateline',
      allowPrivate: false,
      robots: true,
      resolver: systemResolver,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
    } as typeof this.o;
    this.agent =
      opts.dispatcher ??
      new Agent({
        connect: {
          lookup: guardedLookup(this.o.allowPrivate || !!opts.addressPolicy) as never,
          timeout: this.o.timeoutMs,
        },
        headersTimeout: this.o.timeoutMs,
        bodyTimeout: this.o.timeoutMs,
      });
    this.hosts = new HostQueues(this.o.perHostConcurrency, this.o.minDelayMs);
  }

  /** Fetch `url` politely, conditionally when validators are given. */
  async fetch(url: string, validators: Validators = {}): Promise<FetchResult> {
    let current = url;
    for (let hop = 0; hop <= this.o.maxRedirects; hop++) {
      const fail = (code: string, reason: string, more: Partial<FetchFailure> = {}): FetchFailure => ({
        ok: false,
        url,
        finalUrl: current,
        code,
        reason,
        transient: false,
        ...more,
      });
      let u: URL;
      try {
        u = new URL(current);
      } catch {
        return fail('bad-url', 'not a URL');
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return fail('bad-url', `${u.protocol} is not http(s)`);
      const refused = await this.refusal(u);
      if (refused) {
        this.counters.refused++;
        return fail('refused-address', `${refused}; not fetched (use --allow-private to allow)`);
      }
      const rules = await this.robotsFor(u.origin);
      if (!rules.allowed(u.href)) {
        this.counters.robotsDisallowed++;
        return fail('robots-disallowed', rules.blockedBecause ?? `robots.txt disallows it for ${this.o.robotsAgent}`);
      }
      const r = await this.withRetries(u, validators, rules, fail);
      if ('redirect' in r) {
        if (hop === this.o.maxRedirects) return fail('too-many-redirects', `more than ${this.o.maxRedirects}`);
        current = r.redirect;
        continue;
      }
      return r;
    }
    return { ok: false, url, finalUrl: current, code: 'too-many-redirects', reason: 'redirect loop', transient: false };
  }

  /** One hop with retries on 429/5xx and network errors; a redirect is returned for the caller to check. */
  private async withRetries(
    u: URL,
    validators: Validators,
    rules: RobotsRules,
    fail: (code: string, reason: string, more?: Partial<FetchFailure>) => FetchFailure,
  ): Promise<FetchResult | { redirect: string }> {
    for (let attempt = 0; ; attempt++) {
      const r = await this.hosts.run(u.host, rules.crawlDelay, () => this.once(u, validators, fail));
      if ('redirect' in r || r.ok || !r.transient || attempt >= this.o.retries || r.code === 'timeout') return r;
      const wait = r.retryAfterMs ?? this.o.backoffMs * 2 ** attempt * (1 + Math.random() * 0.25);
      if (wait > this.o.maxRetryWaitMs)
        return { ...r, reason: `${r.reason}; asked to wait ${Math.round(wait / 1000)} s` };
      this.counters.retries++;
      await this.o.sleep(wait);
    }
  }

  /** Send one request and read its body (inside the host queue). */
  private async once(
    u: URL,
    validators: Validators,
    fail: (code: string, reason: string, more?: Partial<FetchFailure>) => FetchFailure,
  ): Promise<FetchResult | { redirect: string }> {
    const headers: Record<string, string> = {
      'user-agent': this.o.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,text/*;q=0.7',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    this.counters.requests++;
    if (validators.etag || validators.lastModified) this.counters.conditional++;
    const signal = AbortSignal.timeout(this.o.timeoutMs);
    let hop: Hop;
    try {
      hop = await request(u, { dispatcher: this.agent, method: 'GET', headers, signal });
    } catch (e) {
      return networkFailure(e, fail, this.o.timeoutMs);
    }
    return this.respond(u, hop, signal, fail);
  }

  /** Turn a response into a result: redirect, 304, error status, refused type, or the body within the cap. */
  private async respond(
    u: URL,
    hop: Hop,
    signal: AbortSignal,
    fail: (code: string, reason: string, more?: Partial<FetchFailure>) => FetchFailure,
  ): Promise<FetchResult | { redirect: string }> {
    const { statusCode: status, headers } = hop;
    const loc = header(headers, 'location');
    if (REDIRECT.has(status) && loc) {
      discard(hop.body);
      try {
        return { redirect: new URL(loc, u).href };
      } catch {
        return fail('bad-redirect', `Location ${loc} is not a URL`, { status });
      }
    }
    const base = {
      etag: header(headers, 'etag'),
      lastModified: header(headers, 'last-modified'),
      contentType: header(headers, 'content-type'),
    };
    if (status === 304) {
      discard(hop.body);
      return { ok: true, url: u.href, finalUrl: u.href, status, notModified: true, bytes: new Uint8Array(0), ...base };
    }
    if (status < 200 || status >= 300) {
      discard(hop.body);
      const transient = status === 429 || status >= 500;
      const ra = retryAfterMs(header(headers, 'retry-after'));
      return fail(`http-${status}`, `the server answered ${status}`, {
        status,
        transient,
        ...(ra !== null ? { retryAfterMs: ra } : {}),
      });
    }
    if (base.contentType && !READABLE_TYPE.test(base.contentType.trim())) {
      discard(hop.body);
      return fail('content-type', `${base.contentType.split(';')[0]} is not a page, feed or sitemap`, { status });
    }
    const body = await readBody(hop.body, header(headers, 'content-length'), header(headers, 'content-encoding'), {
      maxBytes: this.o.maxBytes,
      signal,
    });
    if (!body.ok) return fail(body.code, body.reason, { status, transient: body.code === 'network' });
    return { ok: true, url: u.href, finalUrl: u.href, status, notModified: false, bytes: body.bytes, ...base };
  }

  /** Why the host of `u` may not be contacted, or null. */
  private async refusal(u: URL): Promise<string | null> {
    const policy = this.o.addressPolicy;
    if (this.o.allowPrivate && !policy) return null;
    try {
      const addrs = await addressesOf(u.hostname, this.o.resolver);
      if (policy) return addrs.map((a) => policy(a.address)).find((r) => r !== null) ?? null;
      return firstRefusal(addrs);
    } catch {
      return null; // unresolvable: the request fails with the resolver's error, at connect time
    }
  }

  /** robots.txt rules for an origin, fetched once per run (conditionally when remembered). */
  robotsFor(origin: string): Promise<RobotsRules> {
    if (!this.o.robots) return Promise.resolve(ALLOW_ALL);
    let p = this.robotsByOrigin.get(origin);
    if (!p) {
      p = this.loadRobots(origin);
      this.robotsByOrigin.set(origin, p);
    }
    return p;
  }

  private async loadRobots(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    const copy = this.o.robotsMemory?.load(robotsUrl) ?? null;
    const fail = (code: string, reason: string, more: Partial<FetchFailure> = {}): FetchFailure => ({
      ok: false,
      url: robotsUrl,
      finalUrl: robotsUrl,
      code,
      reason,
      transient: false,
      ...more,
    });
    let r: FetchResult | { redirect: string } = { redirect: robotsUrl };
    for (let hop = 0; hop <= this.o.maxRedirects && 'redirect' in r; hop++) {
      const u: URL = new URL(r.redirect);
      const refused = await this.refusal(u);
      if (refused) return blockAll(`robots.txt at a refused address (${refused})`);
      const validators = hop === 0 && copy ? { etag: copy.etag, lastModified: copy.lastModified } : {};
      const next: FetchResult | { redirect: string } = await this.hosts.run(u.host, null, () =>
        this.once(u, validators, fail),
      );
      r = next;
    }
    if ('redirect' in r) return ALLOW_ALL;
    if (r.ok && r.notModified && copy) return parseRobots(robotsUrl, copy.body, this.o.robotsAgent);
    if (r.ok) {
      const body = Buffer.from(r.bytes).toString('utf8');
      this.o.robotsMemory?.save(robotsUrl, { body, etag: r.etag, lastModified: r.lastModified }, r.status);
      return parseRobots(robotsUrl, body, this.o.robotsAgent);
    }
    if (r.status && r.status >= 400 && r.status < 500 && r.status !== 429) return ALLOW_ALL;
    return blockAll(`robots.txt unavailable (${r.code}), so nothing is fetched from ${origin} this run`);
  }

  /** Close connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** A request that failed before a response: refused address, timeout, or a network error. */
function networkFailure(
  e: unknown,
  fail: (code: string, reason: string, more?: Partial<FetchFailure>) => FetchFailure,
  timeoutMs: number,
): FetchFailure {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err.code ?? err.cause?.code ?? err.name;
  if (code === 'EREFUSEDADDRESS' || err.cause?.code === 'EREFUSEDADDRESS') return fail('refused-address', err.message);
  if (/Timeout|ABORT/i.test(String(code)) || err.name === 'TimeoutError' || err.name === 'AbortError')
    return fail('timeout', `no complete response within ${timeoutMs / 1000} s`, { transient: true });
  return fail('network', `${code}: ${err.message}`, { transient: true });
}

/** Drop a body we will not read (its abort error is expected, not a failure). */
function discard(body: Hop['body']): void {
  body.on('error', () => {});
  body.destroy();
}
