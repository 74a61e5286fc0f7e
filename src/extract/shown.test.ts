/** Tests for dates shown around the headline: labels before `<time>` elements, publication labels. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml, type El } from './dom.js';
import { shownDates } from './shown.js';

function h1Of(root: El): El {
  const todo: El[] = [root];
  while (todo.length) {
    const n = todo.shift()!;
    if (n.tag === 'h1') return n;
    for (const c of n.children) if (typeof c !== 'string') todo.push(c);
  }
  throw new Error('no h1');
}

test('an "Updated" label in its own node before a <time> marks the time and its visible text as an update', () => {
  const root = parseHtml(
    '<html><body><h1>Harbour talks resume</h1><p><span>Updated</span> <time datetime="2026-02-12T12:07:55-05:00">February 12, 2026</time></p>' +
      '<p>By Mara Lind</p></body></html>',
  );
  const s = shownDates(root, h1Of(root));
  assert.deepEqual(s.found, []);
  assert.deepEqual(s.updates, ['2026-02-12T12:07:55-05:00', '2026-02-12']);
});

test('a "Published" label marks the date as the publication date; an unlabelled date is found but not labelled', () => {
  const root = parseHtml(
    '<html><body><h1>Harbour talks resume</h1><p>Published: <b>March 3, 2024</b></p><p>Updated: March 9, 2024</p></body></html>',
  );
  const s = shownDates(root, h1Of(root));
  assert.deepEqual(s.published, ['2024-03-03']);
  assert.deepEqual(s.updates, ['2024-03-09']);
  const plain = parseHtml('<html><body><h1>Harbour talks resume</h1><p>March 3, 2024</p></body></html>');
  const p = shownDates(plain, h1Of(plain));
  assert.deepEqual(p.found, ['2024-03-03']);
  assert.deepEqual(p.published, []);
});
