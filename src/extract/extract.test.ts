/** Contract tests for extract(): Doc layout, metadata, page kind, captions, on hand-written fixtures and the seed page. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyText, PACKAGE_ROOT, sharedRoot, type Doc } from '../doc/index.js';
import { extract } from './index.js';

const fixture = (name: string) => readFileSync(join(PACKAGE_ROOT, 'src', 'extract', 'fixtures', name));

function ok(name: string, url: string | null = null): Doc {
  const r = extract({ bytes: fixture(name), source: name, url });
  assert.ok(r.ok, r.ok ? '' : `${r.code}: ${r.reason}`);
  return r.value;
}

const body = (d: Doc) => bodyText(d);
const captions = (d: Doc) =>
  (d.layers.blocks ?? []).filter((b) => b.kind === 'caption').map((b) => d.text.slice(b.start, b.end));

test('news article: body in order, furniture out, headings and tables kept', () => {
  const d = ok('news-article.html', 'https://ledger.example/local/ferry?utm=x');
  const b = body(d);
  assert.match(b, /^PORTSMOUTH, March 5/);
  assert.match(b, /Opposition from the east bank/);
  assert.match(b, /Ferry \| 8 minutes/);
  assert.ok(b.indexOf('harbour council voted') < b.indexOf('first boats could run'));
  for (const junk of [
    'Skip to main content',
    'cookies',
    'Share on',
    'Advertisement',
    'Related',
    'Sign up',
    'Most read',
    'waited for this ferry',
    'Copyright',
    'By Maren Holt',
  ]) {
    assert.ok(!b.includes(junk), `body should not contain ${junk}`);
  }
  assert.ok(!b.includes('Harbour council approves'), 'the headline is metadata, not body');
});

test('the headline of an HTML page opens the text as a title block, outside the body', () => {
  const d = ok('news-article.html');
  const first = d.layers.blocks![0];
  assert.equal(first.kind, 'title');
  assert.equal(d.text.slice(first.start, first.end), d.meta.title?.value);
  assert.ok(!bodyText(d).startsWith(d.meta.title!.value));
});

test('news article: blocks tile the text; captions follow the body', () => {
  const d = ok('news-article.html');
  const blocks = d.layers.blocks!;
  assert.ok(blocks.length > 3);
  const bodyBlocks = blocks.filter((b) => b.kind !== 'caption');
  assert.equal(bodyBlocks[bodyBlocks.length - 1].end, d.bodyEnd);
  assert.deepEqual(blocks.map((b) => d.text.slice(b.start, b.end)).join('\n\n'), d.text);
  assert.ok(blocks.some((b) => b.kind === 'heading'));
  assert.ok(blocks.some((b) => b.kind === 'table'));
  assert.deepEqual(captions(d), ['The old pier at dawn, where the new ferry will dock. Photo: Tomas Reyes']);
  assert.ok(!body(d).includes('old pier'));
});

test('news article: metadata with sources', () => {
  const d = ok('news-article.html', 'https://ledger.example/x');
  const m = d.meta;
  assert.equal(m.status, 'article');
  assert.deepEqual(m.title, { value: 'Harbour council approves new ferry link', from: 'h1' });
  assert.equal(m.published?.value, '2024-03-05T09:30:00+01:00');
  assert.equal(m.published?.from, 'json-ld');
  assert.equal(m.modified?.value, '2024-03-06T11:00:00+01:00');
  assert.deepEqual(m.authors, ['Maren Holt', 'Ilya Brandt']);
  assert.equal(m.language?.value, 'en');
  assert.equal(m.siteName, 'The Coastal Ledger');
  assert.equal(m.section, 'Local');
  assert.deepEqual(m.tags, ['transport', 'ferries']);
  assert.equal(d.source.canonicalUrl, 'https://ledger.example/local/2024/03/05/ferry-link');
  assert.equal(d.source.format, 'html');
  assert.equal(d.source.encoding, 'utf-8');
  assert.match(d.source.contentHash, /^[0-9a-f]{64}$/);
});

test('error page and section page get their kinds, with signals', () => {
  const e = ok('not-found.html');
  assert.equal(e.meta.status, 'error_page');
  assert.ok(e.meta.statusSignals.some((s) => s.startsWith('error-')));
  const s = ok('section-page.html', 'https://ledger.example/local/');
  assert.equal(s.meta.status, 'not_article');
  assert.ok(s.meta.statusSignals.length > 0);
});

test('plain text: chrome and trailing notice dropped, caption apart, title and date inferred', () => {
  const d = ok('story.txt');
  const b = body(d);
  assert.equal(d.source.format, 'text');
  assert.equal(d.meta.title?.value, 'Village votes to keep its library open');
  assert.match(b, /^Residents of a small hill village/);
  assert.ok(!/Skip to main content|Home \| News|Share this|not available|links below/.test(b));
  assert.deepEqual(captions(d), [
    'Ana Lindqvist, Ledger | Volunteers sort returned books at the village library on March 12, 2021.',
  ]);
  assert.equal(d.meta.published?.value, '2021-03-12');
  assert.equal(d.meta.status, 'article');
  assert.ok(d.meta.statusSignals.some((s) => s.startsWith('dropped-notice')));
  assert.ok(d.layers.blocks!.some((x) => x.kind === 'heading' && d.text.slice(x.start, x.end) === 'Money for books'));
});

const seed = sharedRoot() ? join(sharedRoot()!, 'seed', '000_c552f0d34fe51c66.txt') : null;
test('seed page: article, dated 2015-11-26 from its caption, notice dropped', { skip: !seed && 'no ../shared' }, () => {
  const r = extract({ bytes: readFileSync(seed!), source: seed! });
  assert.ok(r.ok);
  const d = r.value;
  assert.equal(d.meta.status, 'article');
  assert.equal(d.meta.published?.value, '2015-11-26');
  assert.match(d.meta.title?.value ?? '', /^Putin ready to work with France/);
  assert.equal(captions(d).length, 1);
  assert.match(captions(d)[0], /^Yuri Kadobnov, AFP \|/);
  assert.ok(!body(d).includes('This page is not available'));
  assert.ok(!body(d).includes('Skip to main content'));
  assert.match(body(d), /^French President Francois Hollande said Thursday/);
});

test('plain text: a story saying "not found" is kept; a trailing related list is cut', () => {
  const story = [
    'Search for missing hikers resumes',
    'Rescue teams returned to the northern ridge on Sunday morning after two hikers were reported missing late on Friday evening by their families, who had not heard from them since Thursday.',
    'A spokesman said a tent was found near the lake but the hikers were not found, and that the search would widen to the valley and the old mine tracks if the weather held overnight.',
    'Volunteers from three villages joined the police teams, bringing dogs and drones, and the regional council opened its hall as a base for the searchers.',
    'Related stories',
    'Storm closes mountain roads',
    'Ski season opens early',
  ].join('\n\n');
  const r = extract({ bytes: Buffer.from(story), source: 'hikers.txt' });
  assert.ok(r.ok);
  const d = r.value;
  assert.match(body(d), /the hikers were not found/);
  assert.match(body(d), /opened its hall as a base for the searchers\.$/);
  assert.equal(d.meta.status, 'article');
  assert.equal(d.meta.title?.value, 'Search for missing hikers resumes');
});

test('plain text: a first line that is a sentence stays in the body', () => {
  const r = extract({
    bytes: Buffer.from('Talks resumed in Geneva on Monday.\n\nDelegates from both sides attended.\n'),
    source: 's.txt',
  });
  assert.ok(r.ok);
  assert.match(body(r.value), /^Talks resumed in Geneva on Monday\./);
  assert.equal(r.value.meta.title, null);
});

test('short wire story (five short paragraphs) is an article; byline and date lines leave the body', () => {
  const d = ok('short-wire.html', 'https://wire.example/ports/dock-strike-ends');
  assert.equal(d.meta.status, 'article', d.meta.statusSignals.join(','));
  assert.match(body(d), /^ROTTERDAM — Dock workers/);
  assert.match(body(d), /fell slightly after the news\.$/);
  assert.ok(!body(d).includes('Noor Haddad'), 'byline line repeats the author metadata');
  assert.ok(!body(d).includes('14 September 2023'), 'date line repeats the published date');
  assert.equal(d.meta.published?.value, '2023-09-14T07:05:00Z');
});

test('plain-text short wire story: article, date from the "Published" line, no trailing teaser', () => {
  const d = ok('short-wire.txt');
  assert.equal(d.meta.status, 'article', d.meta.statusSignals.join(','));
  assert.equal(d.meta.title?.value, 'Dock workers end strike after pay deal');
  assert.equal(d.meta.byline?.value, 'Noor Haddad');
  assert.equal(d.meta.published?.value, '2023-09-14');
  const b = body(d);
  assert.match(b, /^ROTTERDAM — Dock workers/);
  assert.match(b, /fell slightly after the news\.$/);
  assert.ok(!/Published|Related|Share this|Sign in/.test(b), b);
});

test('a few short fragments are still too little prose for an article', () => {
  const html =
    '<html><body><main><h1>Opening hours</h1><p>Monday to Friday, nine to five.</p><p>Closed on public holidays.</p><p>Call us for appointments.</p></main></body></html>';
  const r = extract({ bytes: Buffer.from(html), source: 'hours.html' });
  assert.ok(r.ok);
  assert.equal(r.value.meta.status, 'not_article');
});

test('a headline led by a date or kicker label yields to the declared title without it', () => {
  const page = (h1: string) =>
    `<html><head><meta property="og:title" content="Ferry timetable changes for the winter"></head><body><article><h1>${h1}</h1><p>${'The harbour board published new winter sailing times on Monday after a month of talks with operators. '.repeat(3)}</p></article></body></html>`;
  const t = (h1: string) => {
    const r = extract({ bytes: Buffer.from(page(h1)), source: 'x.html' });
    assert.ok(r.ok);
    return r.value.meta.title?.value;
  };
  assert.equal(t('Nov 3 2024 Ferry timetable changes for the winter'), 'Ferry timetable changes for the winter');
  assert.equal(t('Update: Ferry timetable changes for the winter'), 'Ferry timetable changes for the winter');
  assert.equal(t('Big ferry timetable changes for the winter'), 'Big ferry timetable changes for the winter');
});

test('publication dates: an "Updated" line keeps the original declared date; a shown date serves when none is declared', () => {
  const page = (shown: string, declared = true) =>
    `<html><head>${declared ? '<meta property="article:published_time" content="2021-04-02T10:00:00Z">' : ''}</head><body><article><h1>Library reopens after repairs</h1><p class="meta">${shown}</p><p>${'The town library reopened its doors on Saturday after a year of roof repairs paid for by residents. '.repeat(3)}</p></article><aside><p>Older story from May 1, 2019</p></aside></body></html>`;
  const pub = (shown: string, declared = true) => {
    const r = extract({ bytes: Buffer.from(page(shown, declared)), source: 'x.html' });
    assert.ok(r.ok);
    return r.value.meta.published;
  };
  assert.deepEqual(pub('Updated March 5, 2024'), { value: '2021-04-02T10:00:00Z', from: 'og' });
  assert.equal(pub('April 2, 2021')?.value, '2021-04-02T10:00:00Z');
  assert.equal(pub('Staff reporter')?.value, '2021-04-02T10:00:00Z');
  assert.deepEqual(pub('March 5, 2024', false), { value: '2024-03-05', from: 'text:header' });
});

test('a double-encoded headline is repaired; real Latin-1 text is left alone', async () => {
  const { fixMojibake } = await import('./meta.js');
  assert.equal(fixMojibake('A Beginnerâ\u0080\u0099s Guide'), 'A Beginner’s Guide');
  assert.equal(fixMojibake('Ã\u0089lections municipales'), 'Élections municipales');
  assert.equal(fixMojibake('Le «Café» du coin'), 'Le «Café» du coin');
  assert.equal(fixMojibake('Café»'), 'Café»');
});
