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

test('inline SVG contents are cut, nested and self-closed ones included', () => {
  assert.equal(
    stripRawText('<p>A</p><svg viewBox="0 0 9 9"><svg><path d="M1"/></svg><g/></svg><p>B</p><SVG/><p>C</p>'),
    '<p>A</p><svg viewBox="0 0 9 9"></svg><p>B</p><SVG/><p>C</p>',
  );
  assert.equal(textOf(parseHtml('<p>A</p><svg><text>x</text></svg><p>B</p>')), 'AB');
});

test('character references are decoded in text and attributes, not in script text', () => {
  const root = parseHtml(
    '<title>Tom &amp; Jerry</title><a href="/q?a=1&amp;b=2" title="&quot;Hi&quot;">caf&eacute; &copy 2020 &#x2014;</a>' +
      '<script type="application/ld+json">{"headline":"A &amp; B"}</script>',
  );
  assert.equal(textOf(root), 'Tom & Jerrycafé © 2020 —');
  const el = (tag: string) => root.children.find((c) => typeof c !== 'string' && c.tag === tag);
  const a = el('a');
  const script = el('script');
  assert.ok(a && typeof a !== 'string' && script && typeof script !== 'string');
  assert.deepEqual(a.attrs, { href: '/q?a=1&b=2', title: '"Hi"' });
  assert.deepEqual(script.children, ['{"headline":"A &amp; B"}']);
});
