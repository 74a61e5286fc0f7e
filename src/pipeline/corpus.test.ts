import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copySentence, distinctCopy } from './corpus.js';

test('each copy of a page differs from the others in every paragraph', () => {
  const page = '<html><body><p>First paragraph.</p><div><p>Second one.</P></div></body></html>';
  const copies = [0, 1, 2, 7].map((k) => distinctCopy(page, k));
  assert.equal(new Set(copies).size, copies.length);
  assert.ok(copies[1].includes(copySentence(1, 0) + '</p>'));
  assert.ok(copies[1].includes(copySentence(1, 1) + '</P>'));
  assert.notEqual(copySentence(0, 1), copySentence(1, 0));
});

test('a page with no paragraph gets one before </body>', () => {
  const out = distinctCopy('<html><body><div>Text</div></body></html>', 3);
  assert.match(out, /<p> .* in note 4\.1\.<\/p><\/body>/);
});
