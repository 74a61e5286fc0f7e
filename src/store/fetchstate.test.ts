import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../doc/index.js';
import { openSqliteStore } from './sqlite.js';
import { emptyState } from './fetchstate.js';

test('fetch state is saved in the document transaction, and read back', async () => {
  const store = openSqliteStore(':memory:');
  const text = 'Delegates met in Geneva on Monday.';
  const doc = createDoc(text, { source: { source: 'http://example.test/a' } });
  doc.layers.blocks = [{ start: 0, end: text.length, kind: 'paragraph' }];
  const st = { ...emptyState('http://example.test/a', 'page'), etag: '"v1"', content_hash: 'abc' };
  assert.equal(await store.saveDocument(doc, ['test'], st), true);
  const got = store.fetchState.get(st.key);
  assert.equal(got?.doc_id, doc.id);
  assert.equal(got?.etag, '"v1"');
  assert.equal(store.fetchState.hasDocument(doc.id), true);
  assert.equal(store.fetchState.get('http://example.test/never'), null);
  await store.close();
});
