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

/** Walk the page once and collect the metadata signals. */
export function collectSignals(root: El, url: string | null): PageSignals {
  const metas = new Map<string, string>();
  const metaAll = new Map<string, string[]>();
  const ld: Json[] = [];
  let titleTag = '';
  let canonical: string | null = null;
  let htmlLang: string | null = null;
  const h1: HeadingSignal[] = [];
  const h2: HeadingSignal[] = [];
  const times: TimeSignal[] = [];
  let order = 0;
  const itemprops = new Map<string, string>();
  const bylineEls: string[] = [];
  const classDates: string[] = [];
  let relAuthor: string | null = null;
  let articleTags = 0;
  const paras: string[] = [];
  let paraChars = 0;
  let pSeen = 0;

  // Explicit stack rather than the generator: this loop visits every element of every page.
  const stack: El[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    order++;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (typeof c !== 'string') stack.push(c);
    }
    const a = el.attrs;
    switch (el.tag) {
      case 'html':
        htmlLang ??= a.lang ?? a['xml:lang'] ?? null;
        break;
      case 'title':
        if (!titleTag) titleTag = textOf(el);
        break;
      case 'meta': {
        const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').toLowerCase().trim();
        const val = a.content ?? a.value;
        if (key && val != null && val.trim()) {
          const v = decodeEntities(val.trim());
          if (!metas.has(key)) metas.set(key, v);
          const list = metaAll.get(key) ?? [];
          list.push(v);
          metaAll.set(key, list);
        }
        if (a.itemprop && (a.content ?? a.datetime)) {
          if (!itemprops.has(a.itemprop)) itemprops.set(a.itemprop, a.content ?? a.datetime);
        }
        break;
      }
      case 'link':
        if (/\bcanonical\b/i.test(a.rel ?? '') && !canonical) canonical = resolveUrl(a.href, url);
        break;
      case 'script':
        if (/ld\+json/i.test(a.type ?? ''))
          ld.push(...parseLd(el.children.filter((c): c is string => typeof c === 'string').join('')));
        break;
      case 'h1': {
        const t = textOf(el);
        if (t) h1.push({ text: t, inArticle: inArticle(el), el, order });
        break;
      }
      case 'time':
        if (a.datetime)
          times.push({
            dt: a.datetime,
            pub: 'pubdate' in a || a.itemprop === 'datePublished' || /publish|posted|created/i.test(a.class ?? ''),
            inArticle: inArticle(el),
            order,
          });
        break;
      case 'article':
        articleTags++;
        break;
      case 'h2':
        if (h2.length < MAX_H2) {
          const t = textOf(el);
          if (t) h2.push({ text: t, inArticle: inArticle(el), el, order });
        }
        break;
      case 'p':
        if (paras.length < BODY_START_PARAS && paraChars < BODY_START_CHARS && pSeen++ < MAX_P_SEEN) {
          const t = textOf(el);
          if (t.length > 60) {
            paras.push(t);
            paraChars += t.length;
          }
        }
        break;
    }
    if (a.itemprop && el.tag !== 'meta') {
      const ip = a.itemprop;
      if (/^(datePublished|dateModified|dateCreated)$/.test(ip) && !itemprops.has(ip))
        itemprops.set(ip, a.content ?? a.datetime ?? textOf(el));
      if (ip === 'author' && !itemprops.has('author')) {
        const nameEl = [...elements(el)].find((x) => x.attrs.itemprop === 'name');
        const t = nameEl ? (nameEl.attrs.content ?? textOf(nameEl)) : (a.content ?? textOf(el));
        if (t) itemprops.set('author', t);
      }
      if (ip === 'headline' && !itemprops.has('headline')) itemprops.set('headline', a.content ?? textOf(el));
    }
    if (a.rel && el.tag === 'a' && !relAuthor && /\bauthor\b/i.test(a.rel)) relAuthor = textOf(el) || null;
    const cls = a.class;
    // One cheap test screens out almost every class before the two specific patterns.
    if (!cls || !META_CLASS_HINT.test(cls)) continue;
    if (
      classDates.length < 3 &&
      DATE_HINT.test(cls) &&
      DATE_CLASS.test(cls) &&
      el.tag !== 'body' &&
      el.tag !== 'html'
    ) {
      const t = el.attrs.datetime ?? el.attrs.content ?? textOf(el);
      if (t && t.length < 120) {
        const d = parseMachineDate(t) ?? parseTextDate(t, usDates(htmlLang))?.iso ?? null;
        if (d) classDates.push(d);
      }
    }
    if (
      bylineEls.length < 3 &&
      BYLINE_HINT.test(cls) &&
      /(^|[\s_-])(byline|author-name|byline__name|article-author|author|posted-by|story-byline)([\s_-]|$)/i.test(cls) &&
      el.tag !== 'body'
    ) {
      const t = textOf(el);
      if (t && t.length < 150) bylineEls.push(t);
    }
  }
  return {
    metas,
    metaAll,
    ld,
    titleTag,
    canonical,
    htmlLang,
    h1,
    h2,
    times,
    itemprops,
    bylineEls,
    classDates,
    relAuthor,
    articleTags,
    bodyStart: paras.join(' '),
  };
}
