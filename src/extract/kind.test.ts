/** Page-kind decisions on small hand-made inputs: story pages with furniture stay articles, listings do not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyMeta, type DocMeta } from '../doc/index.js';
import { decideKind, type KindInput } from './kind.js';
import type { KindHints } from './meta.js';

const hints = (h: Partial<KindHints> = {}): KindHints => ({
  ogType: null,
  ldTypes: [],
  titleText: 'A page',
  h1: ['A page'],
  articleTags: 0,
  description: null,
  ...h,
});

const para = (text: string) => ({ text, kind: 'paragraph' });

function kind(body: { text: string; kind: string }[], extra: Partial<KindInput> = {}, title = 'A headline'): DocMeta {
  const meta = emptyMeta();
  meta.title = title ? { value: title, from: 'h1' } : null;
  decideKind(meta, {
    body,
    captions: [],
    url: 'https://news.example/2024/05/a-story',
    all: null,
    html: true,
    hints: hints(),
    ...extra,
  });
  return meta;
}

const lead =
  'The river authority closed the lower lock on Tuesday after inspectors found a crack in the western gate, and barges were sent round by the canal.';

test('a declared article with a short lead (paywall) stays an article', () => {
  const m = kind([para(lead), para('Subscribers can read the rest of the report.'), para(lead.slice(0, 120))], {
    hints: hints({ ogType: 'article', ldTypes: ['NewsArticle'] }),
  });
  assert.equal(m.status, 'article', m.statusSignals.join(','));
  assert.ok(m.statusSignals.includes('declared-article'));
});

test('the same short text without a declared article type is not an article', () => {
  const m = kind([para(lead), para('Subscribers can read the rest of the report.'), para(lead.slice(0, 120))]);
  assert.equal(m.status, 'not_article');
});

test('a short story with five teaser boxes is still an article', () => {
  const story = [1, 2, 3, 4, 5].map((i) =>
    para(`Paragraph ${i} of the report says the lock will reopen in June, officials said on Tuesday.`),
  );
  const m = kind(story, { hints: hints({ articleTags: 6, ogType: 'website' }) });
  assert.equal(m.status, 'article', m.statusSignals.join(','));
});

test('a page of teaser boxes and little prose is a listing', () => {
  const m = kind([para('Latest stories from the valley.')], {
    url: 'https://news.example/section/valley/',
    hints: hints({ articleTags: 12, ogType: 'website' }),
  });
  assert.equal(m.status, 'not_article');
});

test('a canonical link to the site root does not make a story the home page', () => {
  const long = Array.from({ length: 6 }, () => para(lead + ' ' + lead));
  const m = kind(long, {
    url: 'https://shop.example/guides/planning-checklist/',
    canonicalUrl: 'https://shop.example/',
  });
  assert.equal(m.status, 'article', m.statusSignals.join(','));
  const home = kind([para(lead)], { url: 'https://shop.example/', canonicalUrl: null });
  assert.equal(home.status, 'not_article');
});

test('a guide told in bullet points (list items of several words) is an article; a list of names is not', () => {
  const item = (text: string) => ({ text, kind: 'list' });
  const guide = [
    para('What the permit office does'),
    item('Building permits let owners start construction once the plans pass review.'),
    item('Contractors must be licensed, bonded and insured before they work in the town.'),
    item('Inspectors check the work against the plan, the permit and the building code.'),
    item('Plan review compares drawings with the state and local requirements in force.'),
    item('Appeals go to the zoning board, which meets on the first Monday of the month.'),
    item('Fees are paid at the counter or online, and receipts are sent by mail within a week.'),
  ];
  const m = kind(guide, { url: 'https://town.example/departments/building' });
  assert.equal(m.status, 'article', m.statusSignals.join(','));
  const names = kind(['Oak', 'Elm', 'Ash', 'Pine', 'Birch', 'Maple'].map(item), {
    url: 'https://town.example/trees',
  });
  assert.equal(names.status, 'not_article');
});

test('a script-rendered page whose head describes a story is an article; a bare shell or a home page is not', () => {
  const description =
    'Another season has ended on the allotments, and the committee has counted the harvest. Rain came late in spring, so the beans were poor while the squash did well on the lower beds and';
  const shell = kind([], { hints: hints({ ogType: 'website', description }) });
  assert.equal(shell.status, 'article');
  assert.ok(shell.statusSignals.includes('script-shell:described-story'));
  assert.equal(kind([], { hints: hints({ ogType: 'website', description: 'Allotment news.' }) }).status, 'error_page');
  assert.equal(kind([], { hints: hints({ description }) }, '').status, 'error_page');
  const home = kind([], { url: 'https://allotments.example/', hints: hints({ ogType: 'website', description }) });
  assert.equal(home.status, 'not_article');
  const product = kind([], { hints: hints({ ogType: 'product', description }) });
  assert.equal(product.status, 'not_article');
});
