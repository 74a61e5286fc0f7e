import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warcPages, looksLikeWarc } from './warc.js';
import { sampleWarc } from './warc-sample.js';
import { detectKind, headOf } from './kind.js';

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
