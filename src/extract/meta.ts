/**
 * Page metadata from markup, each value with its source, in small steps:
 *   collectSignals (signals.ts) → pickSite → pickTitle (learned ranker, title.ts) → pickByline → pickDates
 *   → pickLanguage → pickTags; `finish` adds what needs the extracted body (text dates, language guess).
 * Trust orders (first found wins) for the rule-based fields:
 *   byline    json-ld author > meta author/parsely/sailthru/dc.creator > itemprop author > rel=author > byline element
 *   published json-ld datePublished > article:published_time > other date metas > itemprop/time[pubdate] > <time> near
 *             the headline > script data > shown header date > date element > URL path > visible text
 *   modified  json-ld dateModified > article:modified_time / og:updated_time > meta > itemprop
 *   language  <html lang> > content-language > og:locale > json-ld inLanguage > stop-word guess on the body
 */
import type { DocMeta, Sourced } from '../doc/index.js';
import { emptyMeta } from '../doc/index.js';
import type { El } from './dom.js';
import { dateFromUrl, parseMachineDate, parseTextDate } from './dates.js';
import { guessLanguage } from './language.js';
import { DEFAULT_META, type MetaTuning } from './options.js';
import { asArray, decodeEntities, ldNodes, ldTypes, personNames, str, ARTICLE_TYPES, type Json } from './jsonld.js';
import { cleanByline, splitAuthors } from './byline.js';
import { collectSignals, resolveUrl, usDates, type HeadingSignal, type PageSignals } from './signals.js';
import { headerByline, shownDates, textDate, HEADER_AFTER, HEADER_BEFORE, NEAR_AFTER, NEAR_BEFORE } from './shown.js';
import { DateCandidates, rankDate, type DateCandidate, type DateContext, type DateSource } from './pubdate.js';
import { cleanTitle, fixMojibake, norm } from './titletext.js';
import { rankTitle, TitleCandidates, type TitleCandidate, type TitleContext, type TitleSource } from './title.js';

export { cleanByline, splitAuthors } from './byline.js';
export { cleanTitle, fixMojibake } from './titletext.js';
export { textDate, headerDates, shownDates, headerByline } from './shown.js';

/** Hints about the page kind found in markup. */
export interface KindHints {
  ogType: string | null;
  ldTypes: string[];
  titleText: string;
  h1: string[];
  articleTags: number;
  /** The declared description (og:description > description > twitter:description). */
  description: string | null;
}

/** What metadata extraction returns; `finish` adds what needs the extracted body. */
export interface HtmlMeta {
  meta: DocMeta;
  canonicalUrl: string | null;
  kindHints: KindHints;
  finish(meta: DocMeta, body: { text: string }[], captions: { text: string }[]): void;
  /** The title candidates and their context (for training and diagnostics). */
  titleRanking: { candidates: TitleCandidate[]; ctx: TitleContext };
}

/** The parsed signals plus what earlier steps decided. */
interface Page {
  s: PageSignals;
  url: string | null;
  m: (k: string) => string | null;
  /** The JSON-LD node describing the article, if any. */
  art: Record<string, Json> | null;
  nodes: Record<string, Json>[];
  /** The h1 taken as the page's headline element (dates and bylines are looked for around it). */
  h1Main: HeadingSignal | undefined;
}

/** Longest h1 taken as a title candidate (longer ones are teaser blocks). */
const H1_MAX = 250;
/** H1s considered as candidates. */
const MAX_H1 = 4;

/** Read metadata from the parsed page (before cleaning: it needs <head>, scripts and bylines). */
export function htmlMeta(root: El, url: string | null, html = '', tuning: MetaTuning = DEFAULT_META): HtmlMeta {
  const s = collectSignals(root, url);
  const p = page(s, url);
  const meta = emptyMeta();
  meta.siteName = pickSite(p);
  const ranking = titleCandidates(p, meta.siteName);
  meta.title = pickTitle(ranking.candidates, ranking.ctx);
  const by = pickByline(p, root);
  meta.byline = by.byline;
  meta.authors = by.authors;
  meta.modified = pickModified(p);
  meta.published = pickPublished(p, root, html, tuning, meta.modified);
  meta.language = pickLanguage(p);
  meta.section =
    p.m('article:section') ??
    (p.art ? str(p.art.articleSection ?? null) : null) ??
    p.m('parsely-section') ??
    p.m('section') ??
    null;
  meta.tags = pickTags(p);
  const canonicalUrl = s.canonical ?? resolveUrl(p.m('og:url') ?? undefined, url);
  return {
    meta,
    canonicalUrl,
    kindHints: {
      ogType: p.m('og:type'),
      ldTypes: p.nodes.flatMap(ldTypes),
      titleText: s.titleTag,
      h1: s.h1.map((h) => h.text),
      articleTags: s.articleTags,
      description: p.m('og:description') ?? p.m('description') ?? p.m('twitter:description'),
    },
    titleRanking: ranking,
    finish: (mt, body, captions) => finishMeta(mt, body, captions, url ?? canonicalUrl),
  };
}

/** Title candidates and their context without picking (train.ts fits the ranker on these). */
export function titleRankingOf(root: El, url: string | null): { candidates: TitleCandidate[]; ctx: TitleContext } {
  const p = page(collectSignals(root, url), url);
  return titleCandidates(p, pickSite(p));
}

function page(s: PageSignals, url: string | null): Page {
  const nodes = ldNodes(s.ld);
  const art =
    nodes.find((o) => ldTypes(o).some((t) => ARTICLE_TYPES.test(t) && !/^webpage$/i.test(t))) ??
    nodes.find((o) => ldTypes(o).some((t) => ARTICLE_TYPES.test(t))) ??
    null;
  const h1s = s.h1.filter((h) => h.text.length > 3);
  return { s, url, m: (k) => s.metas.get(k) ?? null, art, nodes, h1Main: h1s.find((h) => h.inArticle) ?? h1s[0] };
}

/** Site name: og:site_name > JSON-LD publisher > WebSite/Organization node > application-name. */
export function pickSite(p: Page): string | null {
  const publisher = p.art ? str((p.art.publisher as Json) ?? null) : null;
  const siteNode = p.nodes.find((o) =>
    ldTypes(o).some((t) => /^(website|organization|newsmediaorganization)$/i.test(t)),
  );
  const v =
    p.m('og:site_name') ?? publisher ?? (siteNode ? str(siteNode.name) : null) ?? p.m('application-name') ?? null;
  return v ? decodeEntities(v) : null;
}

/** Every stated headline as a candidate, with the cut variants the ranker may prefer. */
function titleCandidates(p: Page, siteName: string | null): { candidates: TitleCandidate[]; ctx: TitleContext } {
  const { s, m, art, url } = p;
  const tc = new TitleCandidates();
  const fix = (v: string | null | undefined) => (v ? fixMojibake(decodeEntities(v)).replace(/\s+/g, ' ').trim() : null);
  const declared: [string | null, TitleSource][] = [
    [art ? str(art.headline ?? null) : null, 'ld'],
    [m('og:title'), 'og'],
    [m('twitter:title'), 'twitter'],
    [s.itemprops.get('headline') ?? null, 'itemprop'],
    [m('title') ?? m('dc.title') ?? m('parsely-title') ?? m('sailthru.title'), 'meta'],
  ];
  const cleanDeclared: string[] = [];
  for (const [v, from] of declared) {
    const t = fix(v);
    if (!t) continue;
    tc.add(t, from);
    const c = cleanTitle(t, siteName, url);
    tc.add(c, 'declared:clean');
    cleanDeclared.push(c);
  }
  const titleTag = fix(s.titleTag);
  if (titleTag) {
    tc.add(titleTag, 'title');
    const c = cleanTitle(titleTag, siteName, url);
    tc.add(c, 'title:clean');
    cleanDeclared.push(c);
  }
  const h1s = s.h1.filter((h) => h.text.length > 3 && h.text.length <= H1_MAX).slice(0, MAX_H1);
  h1s.forEach((h, i) => {
    const t = fix(h.text)!;
    tc.add(t, 'h1', h.order);
    if (i === 0) tc.add(t, 'h1:first', h.order);
    if (h.inArticle) tc.add(t, 'h1:article', h.order);
    // A bar in a visible headline usually starts a suffix ("… | Opinion").
    const bar = / \| /.exec(t);
    if (bar && bar.index > 0) tc.add(t.slice(0, bar.index), 'h1:cut', h.order);
    const k = kickerCut(t, cleanDeclared);
    if (k) tc.add(k, 'h1:kicker', h.order);
  });
  for (const h of s.h2) tc.add(fix(h.text), 'h2', h.order);
  return {
    candidates: tc.list,
    ctx: { siteName, url, bodyStart: s.bodyStart, h1Count: h1s.length },
  };
}

/** A headline led by a date or a "Label:" kicker that a declared title leaves out: the declared title. */
function kickerCut(h: string, declared: string[]): string | null {
  const nh = norm(h);
  for (const c of declared) {
    const nc = norm(c);
    if (!nc || nc === nh || !nh.endsWith(' ' + nc) || nc.split(' ').length < 3) continue;
    const cut = h
      .split(/\s+/)
      .slice(0, nh.split(' ').length - nc.split(' ').length)
      .join(' ');
    if (cut && (parseTextDate(cut) || /^[\p{L}\d ]{2,25}:$/u.test(cut))) return c;
  }
  return null;
}

/** Source label recorded for a ranked candidate: its most specific source. */
const FROM: [TitleSource, string][] = [
  ['h1', 'h1'],
  ['h1:kicker', 'h1-kicker+declared'],
  ['h1:cut', 'h1'],
  ['ld', 'json-ld'],
  ['og', 'og'],
  ['twitter', 'meta'],
  ['itemprop', 'itemprop'],
  ['meta', 'meta'],
  ['declared:clean', 'declared'],
  ['title:clean', 'title'],
  ['title', 'title'],
  ['h2', 'h2'],
];

/** The ranker's pick among the candidates. */
export function pickTitle(cands: TitleCandidate[], ctx: TitleContext): Sourced<string> | null {
  const best = rankTitle(cands, ctx);
  if (!best) return null;
  const from = FROM.find(([k]) => best.sources.has(k))?.[1] ?? 'title';
  return { value: best.text, from };
}

/** Byline and authors: declared people > meta > itemprop > rel=author > byline element > "By …" line > organisations. */
function pickByline(p: Page, root: El): { byline: Sourced<string> | null; authors: string[] } {
  const { art, m, s } = p;
  const ldAuthors = (art ? personNames(art.author ?? art.creator ?? null, false) : [])
    .map((n) => cleanByline(n))
    .filter((n): n is string => !!n);
  if (ldAuthors.length) return { byline: { value: ldAuthors.join(', '), from: 'json-ld' }, authors: ldAuthors };
  const tries: [string | null | undefined, string][] = [
    ...[
      'author',
      'article:author',
      'parsely-author',
      'sailthru.author',
      'dc.creator',
      'byl',
      'citation_author',
      'twitter:creator',
    ].map((k): [string | null, string] => {
      const v = m(k);
      return [v && !/^https?:|^@|facebook\.com/i.test(v) ? v : null, 'meta'];
    }),
    [s.itemprops.get('author'), 'itemprop'],
    [s.relAuthor, 'rel-author'],
    [s.bylineEls[0], 'byline-element'],
  ];
  let byline: Sourced<string> | null = null;
  for (const [v, from] of tries) {
    const c = v ? cleanByline(v) : null;
    if (c) {
      byline = { value: c, from };
      break;
    }
  }
  if (!byline && p.h1Main) {
    const b = headerByline(root, p.h1Main.el);
    if (b) byline = { value: b, from: 'text:byline' };
  }
  // Organisations named as authors are a last resort: a person's byline elsewhere on the page wins.
  const orgs = art ? personNames(art.author ?? art.creator ?? null) : [];
  if (!byline && orgs.length) byline = { value: orgs.join(', '), from: 'json-ld' };
  return { byline, authors: byline ? splitAuthors(byline.value) : [] };
}

function firstDate(cands: [string | null | undefined, string][]): Sourced<string> | null {
  for (const [v, from] of cands) {
    const d = parseMachineDate(v ?? null);
    if (d) return { value: d, from };
  }
  return null;
}

/** Meta names that carry a publication date, in trust order. */
const PUBLISHED_METAS = [
  'article.published',
  'parsely-pub-date',
  'sailthru.date',
  'publish-date',
  'publishdate',
  'published',
  'publish_date',
  'article_date_original',
  'date_published',
  'pubdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'dcterms.date',
  'citation_publication_date',
  'article:published',
  'datepublished',
  'originalpublicationdate',
  'cxenseparse:recs:publishtime',
];
/** Other meta names that carry a publication date. */
const PUBLISHED_META =
  /publi(sh|cation)[-_.:]?(date|time|ed)|date[-_.:]?publi|created[-_.]?(date|at)|^date[-_.]?created$/i;
/** A publication date in script data: "datePublished": "2024-04-08T06:59:34" and its spellings, also HTML-escaped (`&quot;`, JSON in an attribute). */
const SCRIPT_DATE =
  /(?:["']|&quot;)(datePublished|date_published|publishDate|publish_date|publishedAt|published_at|publicationDate|publication_date|firstPublished|first_published_at|pubDate)(?:["']|&quot;)\s*:\s*(?:["']|&quot;)(\d{4}-\d{2}-\d{2}[^"'&]{0,30})(?:["']|&quot;)/;

/** Every key SCRIPT_DATE names holds one of these ("publi…", "pubDate"). */
const SCRIPT_DATE_HINTS = ['ubli', 'ubDate'];
/** Characters a SCRIPT_DATE match can start before its hint (`&quot;first_p`) and run after it. */
const HINT_BEFORE = 16;
const HINT_AFTER = 200;

/**
 * The first SCRIPT_DATE match in the page, found by running the pattern only around native-search hits of
 * its keys: a pattern that opens with a quote class is otherwise tried at every position of the page.
 */
function scriptDate(html: string): string | undefined {
  const next = SCRIPT_DATE_HINTS.map((h) => html.indexOf(h));
  for (;;) {
    let k = -1;
    for (let j = 0; j < next.length; j++) if (next[j] >= 0 && (k < 0 || next[j] < next[k])) k = j;
    if (k < 0) return undefined;
    const at = next[k];
    const m = SCRIPT_DATE.exec(html.slice(Math.max(0, at - HINT_BEFORE), at + HINT_AFTER));
    if (m) return m[2];
    next[k] = html.indexOf(SCRIPT_DATE_HINTS[k], at + 1);
  }
}

/** Every stated publication date as a candidate, in the old rules' trust order (the rank is a feature). */
export function dateCandidates(p: Page, root: El, html: string, tuning: MetaTuning): DateCandidates {
  const { s, m, art, h1Main } = p;
  const dc = new DateCandidates();
  const add = (v: string | null | undefined, from: DateSource) => dc.add(parseMachineDate(v ?? null), from);
  // The <time> nearest the headline (in document order) dates the story; others sit in teasers and sidebars.
  let nearH1: PageSignals['times'][number] | undefined;
  if (h1Main)
    for (const t of s.times)
      if (!nearH1 || Math.abs(t.order - h1Main.order) < Math.abs(nearH1.order - h1Main.order)) nearH1 = t;
  add(art ? str(art.datePublished ?? null) : null, 'ld');
  add(m('article:published_time') ?? m('og:published_time') ?? m('og:article:published_time'), 'og');
  add(
    PUBLISHED_METAS.map(m).find((v) => v != null),
    'meta',
  );
  add(s.itemprops.get('datePublished'), 'itemprop');
  add(s.times.find((t) => t.pub)?.dt, 'time:pub');
  add(nearH1?.dt, 'time:near');
  add(s.times.find((t) => t.inArticle)?.dt, 'time:article');
  add(art ? str(art.dateCreated ?? null) : null, 'ld:created');
  add(s.itemprops.get('dateCreated'), 'ld:created');
  add([...s.metas].find(([k]) => PUBLISHED_META.test(k))?.[1], 'meta:other');
  if (html && tuning.scriptDates) add(scriptDate(html), 'script');
  const titleEl = h1Main?.el;
  if (titleEl) {
    const us = usDates(s.htmlLang);
    const near = shownDates(root, titleEl, us, NEAR_AFTER, NEAR_BEFORE, true, tuning.shownMaxWords);
    for (const d of near.ordered.slice(0, 2)) dc.add(d, 'shown:near');
    for (const d of near.published.slice(0, 1)) dc.add(d, 'shown:published');
    const wide = shownDates(root, titleEl, us, HEADER_AFTER, HEADER_BEFORE, false, tuning.shownMaxWords);
    for (const d of wide.found.slice(0, 2)) dc.add(d, 'shown');
    for (const d of wide.updates.slice(0, 2)) dc.add(d, 'shown:updated');
    for (const d of wide.rest) dc.add(d, 'shown:page');
  }
  for (const d of s.classDates.slice(0, 2)) dc.add(d, 'class');
  dc.add(dateFromUrl(p.url) ?? dateFromUrl(s.canonical), 'url');
  return dc;
}

/** Publication date: the ranker's pick among the stated dates, given the declared modification day. */
function pickPublished(p: Page, root: El, html: string, tuning: MetaTuning, modified: Sourced<string> | null) {
  const dc = dateCandidates(p, root, html, tuning);
  const best = rankDate(dc.list, dateContext(p, modified));
  return best ? { value: best.value, from: DATE_FROM[best.first] } : null;
}

function dateContext(p: Page, modified: Sourced<string> | null): DateContext {
  return {
    modified: modified ? modified.value.slice(0, 10) : null,
    urlDay: dateFromUrl(p.url) ?? dateFromUrl(p.s.canonical),
  };
}

/** Date candidates and context without picking (train.ts fits the ranker on these). */
export function dateRankingOf(
  root: El,
  url: string | null,
  html: string,
): { candidates: DateCandidate[]; ctx: DateContext } {
  const p = page(collectSignals(root, url), url);
  return { candidates: dateCandidates(p, root, html, DEFAULT_META).list, ctx: dateContext(p, pickModified(p)) };
}

/** `from` labels of the date sources (as before the ranker). */
const DATE_FROM: Record<DateSource, string> = {
  ld: 'json-ld',
  og: 'og',
  meta: 'meta',
  'meta:other': 'meta',
  itemprop: 'itemprop',
  'time:pub': 'time',
  'time:near': 'time',
  'time:article': 'time',
  'ld:created': 'json-ld',
  script: 'script-data',
  'shown:near': 'text:header',
  shown: 'text:header',
  'shown:updated': 'text:header',
  'shown:page': 'text:header',
  'shown:published': 'text:header',
  class: 'date-element',
  url: 'url',
};

/** Modification date: JSON-LD > og > meta > itemprop. */
function pickModified(p: Page): Sourced<string> | null {
  const { m, art, s } = p;
  return firstDate([
    [art ? str(art.dateModified ?? null) : null, 'json-ld'],
    [m('article:modified_time') ?? m('og:updated_time') ?? m('article:modified'), 'og'],
    [m('last-modified') ?? m('dcterms.modified') ?? m('lastmod') ?? m('datemodified'), 'meta'],
    [s.itemprops.get('dateModified'), 'itemprop'],
  ]);
}

/** ISO 639-1 code from a language tag like `en-US` or `en_GB`. */
export function langCode(tag: string | null | undefined): string | null {
  const m = tag ? /^\s*([a-z]{2})(?:[-_]|$|\s)/i.exec(tag) : null;
  return m ? m[1].toLowerCase() : null;
}

function src<T>(value: T | null | undefined, from: string): Sourced<T> | null {
  return value == null || value === '' ? null : { value, from };
}

/** Declared language: <html lang> > content-language > og:locale > JSON-LD inLanguage. */
function pickLanguage(p: Page): Sourced<string> | null {
  const { m, art } = p;
  return (
    src(langCode(p.s.htmlLang), 'html-lang') ??
    src(langCode(m('content-language') ?? m('language') ?? m('dc.language')), 'meta') ??
    src(langCode(m('og:locale')), 'og') ??
    src(langCode(art ? str(art.inLanguage ?? null) : null), 'json-ld')
  );
}

/** Tags: article:tag > JSON-LD keywords > news_keywords/keywords. */
function pickTags(p: Page): string[] {
  const tags = [...(p.s.metaAll.get('article:tag') ?? [])];
  if (!tags.length && p.art?.keywords) {
    const k = p.art.keywords;
    tags.push(...(typeof k === 'string' ? k.split(',') : asArray(k as Json[]).map((x) => str(x) ?? '')));
  }
  if (!tags.length) tags.push(...(p.m('news_keywords') ?? p.m('keywords') ?? '').split(','));
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t && t.length < 80))].slice(0, 50);
}

/** After the body is known: a date from the text, the modified date as a last resort, a language guess. */
function finishMeta(mt: DocMeta, body: { text: string }[], captions: { text: string }[], url: string | null): void {
  if (!mt.published) {
    const d = textDate(body, captions, url, mt.modified?.value ?? null);
    if (d) mt.published = d;
  }
  // A page that declares only when it was modified was first published then as far as we can tell.
  if (!mt.published && mt.modified) mt.published = { value: mt.modified.value, from: `modified:${mt.modified.from}` };
  if (!mt.language) {
    const g = guessLanguage(
      body
        .map((b) => b.text)
        .join(' ')
        .slice(0, 5000),
    );
    if (g) mt.language = { value: g, from: 'text' };
  }
}
