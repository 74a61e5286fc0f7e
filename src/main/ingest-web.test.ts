import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../doc/index.js';
import { startTestSite } from '../fetch/testsite.js';
import { sampleWarc } from '../fetch/warc-sample.js';
import { openSqliteStore } from '../store/index.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'dateline.js');

/** Run the CLI without blocking this process's event loop (the test site lives in it). */
function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: PACKAGE_ROOT });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

test('a local site: feeds of each kind and a sitemap index give exactly the reachable articles; a re-run is conditional', async () => {
  const site = await startTestSite();
  const db = join(mkdtempSync(join(tmpdir(), 'dateline-web-')), 's.db');
  const o = site.origin;
  const args = [
    'ingest',
    '--db',
    db,
    '--allow-private',
    '--timeout',
    '1',
    '--delay',
    '0',
    '--retries',
    '1',
    '--workers',
    '1',
    '--json',
  ];
  const sources = [`${o}/feed.rss`, `${o}/feed.atom`, `${o}/feed.json`, `${o}/sitemap.xml`];
  try {
    const first = await cli([...args, ...sources]);
    assert.equal(first.code, 0, first.err);
    const errs = first.err.trim().split('\n');
    const refused = errs.map((l) => /^error: \S+?(\/[^\s:]*): ([\w-]+) \(fetch\)/.exec(l)?.slice(1, 3).join(' '));
    assert.deepEqual(refused.sort(), [
      '/down http-503',
      '/huge too-large',
      '/image.png content-type',
      '/loop/0 too-many-redirects',
      '/private/hidden robots-disallowed',
      '/private/secret robots-disallowed',
      '/stall timeout',
    ]);
    const s1 = JSON.parse(first.out);
    assert.equal(s1.stored, site.reachable.length, first.out);
    const store = openSqliteStore(db, { readonly: true });
    const urls = (store.db.prepare("SELECT url FROM documents WHERE status = 'article'").all() as { url: string }[])
      .map((r) => r.url.slice(o.length))
      .sort();
    await store.close();
    assert.deepEqual(urls, [...site.reachable].sort());

    const mark = site.log.length;
    const second = await cli([...args, ...sources]);
    assert.equal(second.code, 0, second.err);
    const s2 = JSON.parse(second.out);
    assert.equal(s2.stored, 0);
    assert.equal(s2.unchanged, site.reachable.length);
    const rerun = site.log.slice(mark);
    assert.ok(rerun.length > 0);
    assert.deepEqual(
      rerun.filter((l) => !l.conditional).map((l) => l.path),
      [],
      'only conditional requests on the re-run',
    );
  } finally {
    await site.close();
  }
});

test('without --allow-private no request reaches a loopback address: one error line per source', async () => {
  const site = await startTestSite();
  const db = join(mkdtempSync(join(tmpdir(), 'dateline-web-')), 's.db');
  try {
    const r = await cli(['ingest', '--db', db, `${site.origin}/feed.rss`, `http://localhost:${site.port}/a/1`]);
    assert.equal(r.code, 1);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 2, r.err);
    for (const l of lines)
      assert.match(l, /^error: http:\/\/\S+: refused-address \(fetch\): 127\.0\.0\.1 is a loopback address/);
    assert.equal(site.log.length, 0);
  } finally {
    await site.close();
  }
});

test('a WARC file ingests its HTML responses under their target URIs; other records are skipped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-warc-'));
  const warc = join(dir, 'crawl.warc.gz');
  writeFileSync(warc, await sampleWarc(true));
  const db = join(dir, 's.db');
  const r = await cli(['ingest', '--db', db, '--workers', '1', '--json', warc]);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).stored, 2, r.out);
  const store = openSqliteStore(db, { readonly: true });
  const urls = (store.db.prepare('SELECT url FROM documents ORDER BY url').all() as { url: string }[]).map(
    (x) => x.url,
  );
  await store.close();
  assert.deepEqual(urls, ['https://news.example/a/1', 'https://news.example/a/2']);
});
