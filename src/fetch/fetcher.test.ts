import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Fetcher, retryAfterMs, type FetcherOptions } from './fetcher.js';
import { startTestSite } from './testsite.js';
import { refusalOf } from './address.js';
import { detectKind, headOf } from './kind.js';
import { feedLinks } from './feeds.js';
import { sitemapLinks } from './sitemap.js';

// Every test talks to a site on 127.0.0.1 it starts itself; nothing else is contacted. The timeout is generous (a
// loaded machine answers slowly); the stall test sets its own short one.
const quick: FetcherOptions = { allowPrivate: true, timeoutMs: 8000, minDelayMs: 0, backoffMs: 50, retries: 2 };

test('pages, gzip bodies, validators and a 304 on the conditional re-request', async () => {
  const site = await startTestSite();
  const f = new Fetcher(quick);
  try {
    const a = await f.fetch(`${site.origin}/a/2`); // even pages are gzip-encoded
    assert.ok(a.ok, a.ok ? '' : `${a.code}: ${a.reason}`);
    assert.match(Buffer.from(a.bytes).toString('utf8'), /Officials from/);
    assert.ok(a.etag && a.lastModified);
    const again = await f.fetch(`${site.origin}/a/2`, { etag: a.etag, lastModified: a.lastModified });
    assert.ok(again.ok && again.notModified && again.status === 304);
    const pageHits = site.log.filter((l) => l.path === '/a/2');
    assert.deepEqual(
      pageHits.map((l) => l.conditional),
      [false, true],
    );
    assert.match(pageHits[0].userAgent, /^dateline\//);
  } finally {
    await f.close();
    await site.close();
  }
});

test('robots.txt for agent dateline: its own group wins over *, disallowed paths are never requested', async () => {
  const site = await startTestSite();
  const f = new Fetcher(quick);
  try {
    const r = await f.fetch(`${site.origin}/private/secret`);
    assert.equal(r.ok ? '' : r.code, 'robots-disallowed');
    assert.ok((await f.fetch(`${site.origin}/a/1`)).ok, 'allowed for dateline though * is disallowed');
    assert.equal(site.log.filter((l) => l.path.startsWith('/private')).length, 0);
    assert.equal(site.log.filter((l) => l.path === '/robots.txt').length, 1, 'robots.txt once per run');
  } finally {
    await f.close();
    await site.close();
  }
});

test('redirect chains are followed to a cap; 429 with Retry-After and a passing 503 are retried', async () => {
  const site = await startTestSite();
  const f = new Fetcher(quick);
  try {
    const r = await f.fetch(`${site.origin}/redir/1`);
    assert.ok(r.ok);
    assert.equal(r.finalUrl, `${site.origin}/a/8`);
    const loop = await f.fetch(`${site.origin}/loop/0`);
    assert.equal(loop.ok ? '' : loop.code, 'too-many-redirects');
    const t0 = Date.now();
    const busy = await f.fetch(`${site.origin}/busy`);
    assert.ok(busy.ok, 'the 429 was waited out');
    assert.ok(Date.now() - t0 >= 900, 'Retry-After: 1 was honoured');
    assert.ok((await f.fetch(`${site.origin}/flaky`)).ok);
    const down = await f.fetch(`${site.origin}/down`);
    assert.equal(down.ok ? '' : down.code, 'http-503');
    assert.equal(site.log.filter((l) => l.path === '/down').length, 3, 'one try and two retries');
  } finally {
    await f.close();
    await site.close();
  }
});

test('wrong content types, huge bodies and stalled responses fail with reasons, quickly', async () => {
  const site = await startTestSite();
  const f = new Fetcher({ ...quick, timeoutMs: 1500, maxBytes: 1024 * 1024, retries: 0 });
  try {
    const img = await f.fetch(`${site.origin}/image.png`);
    assert.equal(img.ok ? '' : img.code, 'content-type');
    assert.match(img.ok ? '' : img.reason, /image\/png/);
    const t0 = Date.now();
    const huge = await f.fetch(`${site.origin}/huge`);
    assert.equal(huge.ok ? '' : huge.code, 'too-large');
    const stall = await f.fetch(`${site.origin}/stall`);
    assert.equal(stall.ok ? '' : stall.code, 'timeout');
    assert.ok(Date.now() - t0 < 6000, 'aborted, not read to the end');
  } finally {
    await f.close();
    await site.close();
  }
});

test('loopback is refused without allow-private: no request reaches the server, also via a name', async () => {
  const site = await startTestSite();
  const f = new Fetcher({ ...quick, allowPrivate: false });
  try {
    for (const url of [`${site.origin}/a/1`, `http://localhost:${site.port}/a/1`, `http://[::1]:${site.port}/a/1`]) {
      const r = await f.fetch(url);
      assert.equal(r.ok ? '' : r.code, 'refused-address', url);
      assert.match(r.ok ? '' : r.reason, /loopback/);
    }
    assert.equal(site.log.length, 0, 'not even robots.txt was asked for');
  } finally {
    await f.close();
    await site.close();
  }
});

test('a redirect to a refused address is refused at that hop, before any request to it', async () => {
  const site = await startTestSite();
  // 127.0.0.1 stands for "public" here; every other address is refused as private.
  const f = new Fetcher({ ...quick, addressPolicy: (ip) => (ip === '127.0.0.1' ? null : `${ip} is private`) });
  try {
    const r = await f.fetch(`${site.origin}/redir/1`);
    assert.ok(r.ok, 'same-host redirects pass');
    const evil = `http://127.0.0.2:${site.port}/a/1`;
    const direct = await f.fetch(evil);
    assert.equal(direct.ok ? '' : direct.code, 'refused-address');
  } finally {
    await f.close();
    await site.close();
  }
});

test('address ranges: only public unicast passes', () => {
  for (const ip of [
    '127.0.0.1',
    '10.1.2.3',
    '192.168.0.1',
    '172.16.5.5',
    '169.254.169.254',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '0.0.0.0',
    '100.64.0.1',
  ])
    assert.ok(refusalOf(ip), ip);
  for (const ip of ['93.184.216.34', '2606:4700::1111']) assert.equal(refusalOf(ip), null, ip);
});

test('Retry-After as seconds or a date', () => {
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs(new Date(Date.now() + 5000).toUTCString(), Date.now())! > 3000, true);
  assert.equal(retryAfterMs('soon'), null);
});

test('listings are told by content and read: RSS, Atom, JSON Feed, urlset, sitemap index', () => {
  const b = (s: string) => new TextEncoder().encode(s);
  assert.equal(detectKind(headOf(b('<?xml version="1.0"?>\n<!-- x --><rss version="2.0"><channel/></rss>'))), 'rss');
  assert.equal(detectKind(headOf(b('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'))), 'atom');
  assert.equal(detectKind(headOf(b('{"version":"https://jsonfeed.org/version/1.1","items":[]}'))), 'jsonfeed');
  assert.equal(detectKind(headOf(b('<sitemapindex></sitemapindex>'))), 'sitemapindex');
  assert.equal(detectKind(headOf(b('<!doctype html><html><body>rss</body></html>'))), 'page');
  const links = feedLinks(
    '<rss version="2.0"><channel><item><link>/x</link></item><item><guid>http://e.test/y</guid></item></channel></rss>',
    'http://e.test/feed',
  );
  assert.deepEqual(links.ok && links.links, ['http://e.test/x', 'http://e.test/y']);
  const sm = sitemapLinks(
    '<urlset xmlns:image="i"><url><loc> http://e.test/a </loc><image:image><image:loc>http://e.test/i.png</image:loc></image:image></url></urlset>',
    'http://e.test/',
  );
  assert.deepEqual(sm, { kind: 'urlset', links: ['http://e.test/a'] });
});
