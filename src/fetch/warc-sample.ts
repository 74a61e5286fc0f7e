/** A small WARC file written for tests and checks (the project's own pages from testsite.ts). */
import { WARCRecord, WARCSerializer } from 'warcio';
import { articleHtml } from './testsite.js';

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
