import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printable, printableText } from './printable.js';

test('printed names cannot forge lines or send terminal escapes', () => {
  assert.equal(printable('a\nerror: forged\r\x1b[31mred'), 'a\\nerror: forged\\r\\x1b[31mred');
  assert.equal(printable('right\u202eto-left'), 'right\\u202eto-left');
  assert.equal(printable('plain café'), 'plain café');
});

test('printed text keeps lines and tabs but escapes ANSI and other controls', () => {
  assert.equal(printableText('line one\n\tline two\x1b[2J\x07'), 'line one\n\tline two\\x1b[2J\\x07');
});
