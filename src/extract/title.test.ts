/** Title candidates, features and the committed ranker on small hand-made pages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from './dom.js';
import { titleRankingOf, htmlMeta } from './meta.js';
import { normExact, rankTitle, titleFeatures, TitleCandidates, TITLE_FEATURES, titleModel } from './title.js';

const pageHtml = (head: string, body: string) => `<html lang="en"><head>${head}</head><body>${body}</body></html>`;
const prose =
  '<p>The harbour council voted on Tuesday to fund a second ferry across the estuary, ending a decade of argument over the crossing.</p>';

test('candidates that read the same are merged, with all their sources', () => {
  const tc = new TitleCandidates();
  tc.add('Council “backs” ferry', 'og');
  tc.add('Council "backs"  ferry', 'h1', 5);
  tc.add('Other', 'h2', 9);
  assert.equal(tc.list.length, 2);
  assert.deepEqual([...tc.list[0].sources].sort(), ['h1', 'og']);
  assert.equal(tc.list[0].order, 5);
  assert.equal(normExact('a – b'), 'a - b');
});

test('one feature vector per candidate, in the model order', () => {
  const { candidates, ctx } = titleRankingOf(
    parseHtml(pageHtml('<title>Ferry vote | Ledger</title>', '<h1>Ferry vote</h1>' + prose)),
    'https://ledger.example/2024/ferry-vote',
  );
  const xs = titleFeatures(candidates, ctx);
  assert.equal(xs.length, candidates.length);
  for (const x of xs) assert.equal(x.length, TITLE_FEATURES.length);
  assert.deepEqual(titleModel().features, [...TITLE_FEATURES]);
});

test('the ranker takes the headline the sources agree on, not the site suffix or a sidebar heading', () => {
  const html = pageHtml(
    '<title>Harbour council backs second ferry | The Ledger</title><meta property="og:site_name" content="The Ledger">' +
      '<meta property="og:title" content="Harbour council backs second ferry">',
    '<article><h1>Harbour council backs second ferry</h1>' + prose + '</article><h2>Most read</h2>',
  );
  const m = htmlMeta(parseHtml(html), 'https://ledger.example/2024/harbour-council-backs-second-ferry').meta;
  assert.equal(m.title?.value, 'Harbour council backs second ferry');
  assert.equal(m.title?.from, 'h1');
});

test('with only a <title>, the site name is cut', () => {
  const { candidates, ctx } = titleRankingOf(
    parseHtml(pageHtml('<title>Ferry plan wins final vote - The Ledger</title>', prose)),
    'https://ledger.example/ferry',
  );
  assert.equal(rankTitle(candidates, ctx)?.text, 'Ferry plan wins final vote');
});
