/** Tests for the raw-text cut before parsing: script and style contents go, JSON scripts and comments stay. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml, stripRawText, textOf } from './dom.js';

test('script and style contents are cut, their tags kept; JSON scripts keep their contents', () => {
  const html =
    '<head><style>p{color:red}</style><script>var a = "</p>";</script>' +
    '<script type="application/ld&#x2B;json">{"@type":"NewsArticle"}</script></head><body><p>Ferry resumes</p></body>';
  assert.equal(
    stripRawText(html),
    '<head><style></style><script></script><script type="application/ld&#x2B;json">{"@type":"NewsArticle"}</script></head><body><p>Ferry resumes</p></body>',
  );
  assert.equal(textOf(parseHtml(html)).trim(), 'Ferry resumes');
});

test('a script inside a comment, a quoted ">" in an attribute, an unclosed script and a custom element', () => {
  assert.equal(
    stripRawText('<!-- <script> --><p>Kept</p><script>x</script>'),
    '<!-- <script> --><p>Kept</p><script></script>',
  );
  assert.equal(
    stripRawText('<script data-x="a>b" type="application/json">{"a":1}</script>'),
    '<script data-x="a>b" type="application/json">{"a":1}</script>',
  );
  assert.equal(stripRawText('<p>Lead</p><script>never closed <p>'), '<p>Lead</p><script>');
  assert.equal(stripRawText('<script-loader>Text</script-loader>'), '<script-loader>Text</script-loader>');
  assert.equal(stripRawText('<SCRIPT>x</SCRIPT><p>A</p>'), '<SCRIPT></SCRIPT><p>A</p>');
});
