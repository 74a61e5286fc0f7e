/**
 * Step 1 of page metadata: one walk over the parsed page collects every signal the pickers need —
 * meta tags, JSON-LD, <title>, headings, <time>s, itemprops, byline and date elements, the first paragraphs.
 */
import { textOf, elements, type El } from './dom.js';
import { parseMachineDate, parseTextDate } from './dates.js';
import { decodeEntities, parseLd, type Json } from './jsonld.js';

/** A heading element met on the walk. */
export interface HeadingSignal {
  text: string;
  inArticle: boolean;
  el: El;
  order: number;
}

/** A <time datetime> element. */
export interface TimeSignal {
  dt: string;
  pub: boolean;
  inArticle: boolean;
  order: number;
}

/** Everything the metadata pickers read, gathered in one walk. */
export interface PageSignals {
  /** First value of each meta name/property (lower-cased keys). */
  metas: Map<string, string>;
  /** Every value of each meta name (for repeated `article:tag`). */
  metaAll: Map<string, string[]>;
  ld: Json[];
  titleTag: string;
  canonical: string | null;
  htmlLang: string | null;
  h1: HeadingSignal[];
  h2: HeadingSignal[];
  times: TimeSignal[];
  itemprops: Map<string, string>;
  bylineEls: string[];
  classDates: string[];
  relAuthor: string | null;
  articleTags: number;
  /** Text of the first paragraphs (for title features). */
  bodyStart: string;
}

/** Class names of elements that show the page's date ("post-date", "entry-date", "byline__release-date", …). */
const DATE_CLASS =
  /(^|[\s_-])(date|pubdate|post-?date|entry-?date|publish(ed)?(-?date)?|publication-?(date|time)|release-?date|timestamp|posted-?on|article-?date|blog-?date|date-?published)([\s_-]|$)|publicationTime|postDate|publishDate|PublishDate/;
/** Cheap prefilters for the class regexes. */
const META_CLASS_HINT = /date|time|publi|posted|author|byline|Date/i;
const DATE_HINT = /date|time|publi|posted|Date/;
const BYLINE_HINT = /author|byline|posted/i;
/** Class names of byline elements. */
const BYLINE_CLASS =
  /(^|[\s_-])(byline|author-name|byline__name|article-author|author|posted-by|story-byline)([\s_-]|$)/i;
/** Headings of level 2 kept as title candidates. */
const MAX_H2 = 3;
/** Paragraphs (and characters) of body start kept for title features. */
const BODY_START_PARAS = 8;
const BODY_START_CHARS = 1500;
/** Paragraph elements looked at for the body start (pages of thousands of tiny paragraphs stay cheap). */
const MAX_P_SEEN = 80;

/** Numeric dates on US-English pages are month-first. */
export function usDates(htmlLang: string | null): boolean {
  return /^en(-us)?$/i.test((htmlLang ?? '').trim());
}

function inArticle(el: El): boolean {
  for (let p: El | null = el; p; p = p.parent)
    if (p.tag === 'article' || p.tag === 'main' || /article|story|post|entry/i.test(p.attrs.class ?? '')) return true;
  return false;
}

export function resolveUrl(href: string | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base ?? undefined).toString();
  } catch {
    return /^https?:\/\//i.test(href) ? href.trim() : null;
  }
}

/** The signals gathered so far and the walk's own counters. */
interface Walk {
  s: PageSignals;
  url: string | null;
  order: number;
  paras: string[];
  paraChars: number;
  pSeen: number;
}

/** Walk the page once and collect the metadata signals: per element, its tag, itemprop, rel and class. */
export function collectSignals(root: El, url: string | null): PageSignals {
  const w: Walk = { s: emptySignals(), url, order: 0, paras: [], paraChars: 0, pSeen: 0 };
  // Explicit stack rather than the generator: this loop visits every element of every page.
  const stack: El[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    w.order++;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (typeof c !== 'string') stack.push(c);
    }
    readTag(w, el);
    const a = el.attrs;
    if (a.itemprop && el.tag !== 'meta') readItemprop(w.s, el, a.itemprop);
    if (a.rel && el.tag === 'a' && !w.s.relAuthor && /\bauthor\b/i.test(a.rel)) w.s.relAuthor = textOf(el) || null;
    // One cheap test screens out almost every class before the two specific patterns.
    if (a.class && META_CLASS_HINT.test(a.class)) readClass(w.s, el, a.class);
  }
  w.s.bodyStart = w.paras.join(' ');
  return w.s;
}

function emptySignals(): PageSignals {
  return {
    metas: new Map(),
    metaAll: new Map(),
    ld: [],
    titleTag: '',
    canonical: null,
    htmlLang: null,
    h1: [],
    h2: [],
    times: [],
    itemprops: new Map(),
    bylineEls: [],
    classDates: [],
    relAuthor: null,
    articleTags: 0,
    bodyStart: '',
  };
}

/** What the element's tag tells: language, title, metas, canonical, JSON-LD, headings, times, paragraphs. */
function readTag(w: Walk, el: El): void {
  const { s } = w;
  const a = el.attrs;
  switch (el.tag) {
    case 'html':
      s.htmlLang ??= a.lang ?? a['xml:lang'] ?? null;
      break;
    case 'title':
      if (!s.titleTag) s.titleTag = textOf(el);
      break;
    case 'meta':
      readMeta(s, a);
      break;
    case 'link':
      if (/\bcanonical\b/i.test(a.rel ?? '') && !s.canonical) s.canonical = resolveUrl(a.href, w.url);
      break;
    case 'script':
      if (/ld\+json/i.test(a.type ?? ''))
        s.ld.push(...parseLd(el.children.filter((c): c is string => typeof c === 'string').join('')));
      break;
    case 'h1': {
      const t = textOf(el);
      if (t) s.h1.push({ text: t, inArticle: inArticle(el), el, order: w.order });
      break;
    }
    case 'time':
      if (a.datetime)
        s.times.push({
          dt: a.datetime,
          pub: 'pubdate' in a || a.itemprop === 'datePublished' || /publish|posted|created/i.test(a.class ?? ''),
          inArticle: inArticle(el),
          order: w.order,
        });
      break;
    case 'article':
      s.articleTags++;
      break;
    case 'h2':
      if (s.h2.length < MAX_H2) {
        const t = textOf(el);
        if (t) s.h2.push({ text: t, inArticle: inArticle(el), el, order: w.order });
      }
      break;
    case 'p':
      if (w.paras.length < BODY_START_PARAS && w.paraChars < BODY_START_CHARS && w.pSeen++ < MAX_P_SEEN) {
        const t = textOf(el);
        if (t.length > 60) {
          w.paras.push(t);
          w.paraChars += t.length;
        }
      }
      break;
  }
}

/** A <meta>: its first and every value by name, and its itemprop. */
function readMeta(s: PageSignals, a: El['attrs']): void {
  const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').toLowerCase().trim();
  const val = a.content ?? a.value;
  if (key && val != null && val.trim()) {
    const v = decodeEntities(val.trim());
    if (!s.metas.has(key)) s.metas.set(key, v);
    const list = s.metaAll.get(key) ?? [];
    list.push(v);
    s.metaAll.set(key, list);
  }
  if (a.itemprop && (a.content ?? a.datetime)) {
    if (!s.itemprops.has(a.itemprop)) s.itemprops.set(a.itemprop, a.content ?? a.datetime);
  }
}

/** Microdata on a visible element: dates, the author's name, the headline (first of each). */
function readItemprop(s: PageSignals, el: El, ip: string): void {
  const a = el.attrs;
  if (/^(datePublished|dateModified|dateCreated)$/.test(ip) && !s.itemprops.has(ip))
    s.itemprops.set(ip, a.content ?? a.datetime ?? textOf(el));
  if (ip === 'author' && !s.itemprops.has('author')) {
    const nameEl = [...elements(el)].find((x) => x.attrs.itemprop === 'name');
    const t = nameEl ? (nameEl.attrs.content ?? textOf(nameEl)) : (a.content ?? textOf(el));
    if (t) s.itemprops.set('author', t);
  }
  if (ip === 'headline' && !s.itemprops.has('headline')) s.itemprops.set('headline', a.content ?? textOf(el));
}

/** Date and byline elements known by their class (first three of each). */
function readClass(s: PageSignals, el: El, cls: string): void {
  if (
    s.classDates.length < 3 &&
    DATE_HINT.test(cls) &&
    DATE_CLASS.test(cls) &&
    el.tag !== 'body' &&
    el.tag !== 'html'
  ) {
    const t = el.attrs.datetime ?? el.attrs.content ?? textOf(el);
    if (t && t.length < 120) {
      const d = parseMachineDate(t) ?? parseTextDate(t, usDates(s.htmlLang))?.iso ?? null;
      if (d) s.classDates.push(d);
    }
  }
  if (s.bylineEls.length < 3 && BYLINE_HINT.test(cls) && BYLINE_CLASS.test(cls) && el.tag !== 'body') {
    const t = textOf(el);
    if (t && t.length < 150) s.bylineEls.push(t);
  }
}
