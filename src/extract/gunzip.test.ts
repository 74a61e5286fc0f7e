/** Tests for the member-by-member gunzip: one member, several, trailing bytes, truncation. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { gunzipMembers } from './gunzip.js';

const text = (s: string) => Buffer.from(s.repeat(200_000));

test('one member and two concatenated members unpack whole; trailing bytes are counted, not unpacked', () => {
  const one = gunzipMembers(gzipSync(text('a')), 1 << 24);
  assert.ok(one.ok && one.members === 1 && Buffer.from(one.bytes).equals(text('a')));
  const two = gunzipMembers(Buffer.concat([gzipSync(text('a')), gzipSync(text('b')), Buffer.from('xyz')]), 1 << 24);
  assert.ok(two.ok && two.members === 2 && two.trailing === 3);
  assert.ok(two.ok && Buffer.from(two.bytes).equals(Buffer.concat([text('a'), text('b')])));
});

test('a truncated member and an output over the cap are errors', () => {
  const gz = gzipSync(text('a'));
  const cut = gunzipMembers(gz.subarray(0, gz.length - 4), 1 << 24);
  assert.ok(!cut.ok && !cut.tooLarge);
  const big = gunzipMembers(gz, 1000);
  assert.ok(!big.ok && big.tooLarge);
});
