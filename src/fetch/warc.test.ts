import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WARCRecord, WARCSerializer } from 'warcio';
import { warcPages, looksLikeWarc } from './warc.js';
import { articleHtml } from './testsite.js';
import { detectKind, headOf } from './kind.js';

/** One record, gzipped on its own (as Common Crawl News ships them) or plain. */
async function record(
  type: 'response' | 'request' | 'warcinfo',
  url: string,
  body: string,
  contentType = 'text/html; charset=utf-8',
  gzip = true,
): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const rec = WARCRecord.create(
    {
      url,
      type,
      date: '2024-03-04T09:00:00Z',
      warcVersion: 'WARC/1.1',
      ...(type === 'response' ? { statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': contentType } } : {}),
      ...(type === 'request' ? { statusline: 'GET / HTTP/1.1', httpHeaders: { Host: 'news.example' } } : {}),
    },
    [enc.encode(body)],
  );
  return WARCSerializer.serialize(rec, { gzip });
}

/** A WARC file the test writes: a warcinfo, a request, two HTML responses, an image response. */
export async function sampleWarc(gzip = true): Promise<Uint8Array> {
  const parts = [
    await record('warcinfo', '', 'software: dateline test', 'application/warc-fields', gzip),
    await record('request', 'https://news.example/a/1', '', 'text/html', gzip),
    await record('response', 'https://news.example/a/1', articleHtml(1), undefined, gzip),
    await record('response', 'https://news.example/logo.png', '\x89PNG', 'image/png', gzip),
    await record('response', 'https://news.example/a/2', articleHtml(2), undefined, gzip),
  ];
  return Buffer.concat(parts);
}

for (const gzip of [true, false]) {
  test(`WARC (${gzip ? 'gzip per record' : 'plain'}): HTML response records with their target URI, others skipped`, async () => {
    const bytes = await sampleWarc(gzip);
    assert.ok(looksLikeWarc(headOf(bytes)));
    assert.equal(detectKind(headOf(bytes)), 'warc');
    const pages = [];
    for await (const p of warcPages([bytes], 1 << 20)) pages.push(p);
    assert.deepEqual(
      pages.map((p) => p.uri),
      ['https://news.example/a/1', 'https://news.example/a/2'],
    );
    const first = pages[0];
    assert.ok(first.ok);
    assert.match(Buffer.from(first.bytes).toString('utf8'), /Officials from/);
  });
}
