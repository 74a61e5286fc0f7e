import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { splitOf } from './split.js';

test('splitOf follows the first byte of sha256: <154 train, <205 dev, else test', () => {
  for (let i = 0; i < 200; i++) {
    const p = `data/extraction/wcxb-dev-articles/html/${String(i).padStart(4, '0')}.html.gz`;
    const h = createHash('sha256').update(p).digest()[0];
    assert.equal(splitOf(p), h < 154 ? 'train' : h < 205 ? 'dev' : 'test');
  }
});

test('splitOf gives about 60/20/20 and is stable', () => {
  const n = { train: 0, dev: 0, test: 0 };
  for (let i = 0; i < 5000; i++) n[splitOf(`sentence number ${i}`)]++;
  assert.ok(Math.abs(n.train / 5000 - 154 / 256) < 0.03);
  assert.ok(Math.abs(n.dev / 5000 - 51 / 256) < 0.03);
  assert.equal(splitOf('the same text'), splitOf('the same text'));
});
