/**
 * Page kind: `article`, `not_article` (home, section, tag, search, listing, product pages) or
 * `error_page` (404/410 texts, soft 404s, "page not available", empty paywall stubs). Each rule
 * that fires adds a signal; the signals are kept on the Doc so the decision can be checked.
 */
import type { DocMeta } from '../doc/index.js';
import { textWeight, type RawBlock } from './blocks.js';
import type { KindHints } from './meta.js';

/** Error wording in a title, heading or short body. */
export const ERROR_TEXT =
  /\b(404|410)\b.{0,40}\b(error|not found|page|gone)\b|\b(page|article|story|content|file|url|resource)s?\s+(was\s+|could\s+)?(not|n't|cannot|can't)\s+(be\s+)?(found|available|exist|located)|\bpage (is|was) (no longer|not) (available|found)|this page (is not|isn't) available|no longer (exists|available)|(does not|doesn't|did not|didn't) exist|\bnot found\b|\berror 40[34]\b|\boops\b.{0,40}\b(wrong|find|found)|we (can't|cannot|couldn't) find|sorry,? (the|this) page|access denied|\b403 forbidden\b/i;

/** Error wording in body text: stricter than for titles, since a story may say something was "not found". */
export const ERROR_NOTICE =
  /^(error\s*)?(404|410)\b|\bpage (is |was )?(not|no longer) (available|found)|\b(page|article|content|story|file|url) (you (are|were) looking for )?(could not|cannot|can't|couldn't|does not|doesn't) (be found|exist)|\bno longer (exists|available)|\bthis (page|article|content|story) (is|has been) (removed|unavailable|deleted)|^page not found|^not found$|\b(we|i) (can't|cannot|couldn't) find (the|that|this) page/i;

/** Paywall or consent stubs with no story behind them. */
const STUB_TEXT =
  /(subscribe|subscription|sign in|log in|register)\b.{0,60}\b(continue|read|full (story|article)|access)|you have (reached|used).{0,40}(limit|free articles)|this content is (only )?available to subscribers|enable javascript|please (enable|turn on) (javascript|cookies)|checking your browser|are you a robot|captcha/i;

/** Body length (chars) under which a page with error wording is an error page rather than an article about errors. */
export const ERROR_MAX_BODY = 1500;
/** Body length under which a page has no story to tell (Readability test pages: non-readerable pages fall below). */
export const MIN_ARTICLE_BODY = 500;
/** A page with less visible text than this, and no body, is an error page. */
const EMPTY_PAGE_CHARS = 300;
/**
 * Readerable score below which a page has too little prose to be an article. Readability uses 20 over the
 * whole page; on our bodies 10 to 12 gave the best kind accuracy on the Readability test pages (7/8 not
 * readerable, 120/122 readerable) and keeps three-paragraph news briefs as articles.
 */
const READER_MIN = 10;
/** Paragraphs of at least this length count as prose (Readability's readerable test uses 140). */
const PROSE_MIN = 140;
/**
 * Short wire stories: four or more sentence paragraphs (each SENTENCE_PARA_MIN+ characters of
 * several words, ending like a sentence) totalling SHORT_STORY_MIN characters are a story even
 * when few paragraphs reach PROSE_MIN. The readerable score alone called 4–8 paragraph briefs
 * `not_article`; the Readability non-readerable pages stay below this (eval:extract page kind).
 */
const SENTENCE_PARA_MIN = 50;
const SHORT_STORY_PARAS = 4;
const SHORT_STORY_MIN = 400;
/**
 * Body characters with which a page that declares an article type (og:type=article, JSON-LD NewsArticle, …)
 * stays an article despite little prose: a paywalled lead, a guide told in lists. None of the Readability
 * non-readerable pages declares an article type.
 */
const DECLARED_STORY_MIN = 300;
/**
 * A declared description that reads as the opening of a story: this many words in at least two sentences.
 * A page with no text of its own but such a description and a title is a script-rendered story, not an
 * empty page (WCXB 4681, a geeklist post rendered by script). Listings and products are kept out by their
 * URL and declared types.
 */
const SHELL_DESCRIPTION_WORDS = 30;
/** A paragraph that reads as a sentence: several words, ends with sentence punctuation. */
const SENTENCE_END = /[.!?…。！？]["”’»)]?$/;

const LISTING_TYPES =
  /^(collectionpage|searchresultspage|itemlist|website|profilepage|product|store|organization|aboutpage|contactpage|faqpage|qapage|event|localbusiness|offercatalog|breadcrumblist)$/i;
const ARTICLE_TYPES = /article|posting|report|review|recipe|howto/i;
const LISTING_PATH =
  /\/(tags?|category|categories|topics?|section|sections|search|author|authors|archives?|page\/\d+|latest|index)(\/|$|\?|\.)/i;

/** Inputs for {@link decideKind}. */
export interface KindInput {
  body: { text: string; kind: string }[];
  captions: { text: string }[];
  /** The page's own URL (as fetched). */
  url: string | null;
  /** The URL the page declares canonical; used when the page's own URL is unknown. */
  canonicalUrl?: string | null;
  all: RawBlock[] | null;
  html: boolean;
  hints: KindHints | null;
}

/** What the body's text says about the page, computed once for the rules. */
interface BodyStats {
  bodyLen: number;
  pageChars: number;
  proseCount: number;
  proseLen: number;
  /** Readability's readerable test: each paragraph past PROSE_MIN adds sqrt(extra length). */
  readerScore: number;
  sentences: number;
  sentenceLen: number;
  /** Short wire stories are several short sentence paragraphs. */
  shortStory: boolean;
}

function bodyStats(k: KindInput): BodyStats {
  const bodyLen = k.body.reduce((n, b) => n + b.text.length, 0);
  const prose = k.body.filter((b) => b.kind !== 'heading' && textWeight(b.text) >= PROSE_MIN);
  const sentences = k.body.filter(sentenceUnit);
  const sentenceLen = sentences.reduce((n, b) => n + textWeight(b.text), 0);
  return {
    bodyLen,
    pageChars: k.all ? k.all.reduce((n, b) => n + b.text.length, 0) : bodyLen,
    proseCount: prose.length,
    proseLen: prose.reduce((n, b) => n + textWeight(b.text), 0),
    readerScore: prose.reduce((n, b) => n + Math.sqrt(textWeight(b.text) - PROSE_MIN), 0),
    sentences: sentences.length,
    sentenceLen,
    shortStory: sentences.length >= SHORT_STORY_PARAS && sentenceLen >= SHORT_STORY_MIN,
  };
}

/** Decide the page kind and record the signals on `meta`: error page, then non-article, else article. */
export function decideKind(meta: DocMeta, k: KindInput): void {
  const prior = meta.statusSignals;
  const st = bodyStats(k);
  const empty = st.bodyLen === 0 && st.pageChars < EMPTY_PAGE_CHARS;
  const storyShell = empty && !!meta.title && storyDescription(k.hints?.description ?? null);
  const errors = errorSignals(meta, k, st, empty && !storyShell);
  if (errors.length) {
    meta.status = 'error_page';
    meta.statusSignals = [...prior, ...errors];
    return;
  }
  const hasArticleType = declaresArticle(k.hints);
  const na = nonArticleSignals(k, st, hasArticleType);
  // A script-rendered story: no text to read, but neither listing URL nor listing types.
  if (storyShell && na.every((s) => s === 'no-article-body' || s === 'og:type=website')) {
    meta.status = 'article';
    meta.statusSignals = [...prior, ...na, 'script-shell:described-story'];
    return;
  }
  // One weak signal is not enough when the page has real prose; little prose alone is enough, unless the page
  // declares itself an article and shows a headline and some text (paywalled leads, stories told in lists).
  const strongProse = st.proseCount >= 3 && st.proseLen >= 1200;
  const declaredStory = hasArticleType && !!meta.title && st.bodyLen >= DECLARED_STORY_MIN;
  const decisive =
    na.some((s) => (s.startsWith('little-prose') && !declaredStory) || s === 'no-article-body') ||
    (na.length >= 2 && !strongProse) ||
    (na.includes('url:home') && !strongProse);
  if (decisive) {
    meta.status = 'not_article';
    meta.statusSignals = [...prior, ...na];
    return;
  }
  meta.status = 'article';
  meta.statusSignals = [
    ...prior,
    ...(na.length
      ? [...na, declaredStory ? 'declared-article' : 'prose-outweighs']
      : st.readerScore < READER_MIN
        ? [`short-story:${st.sentences}p/${st.sentenceLen}c`]
        : [`prose:${st.proseCount}p/${st.proseLen}c`]),
  ];
}

/** Error-page signals: error wording in a heading or short body, nothing on the page, a paywall or consent stub. */
function errorSignals(meta: DocMeta, k: KindInput, st: BodyStats, emptyPage: boolean): string[] {
  const signals: string[] = [];
  const heads = [meta.title?.value ?? '', k.hints?.titleText ?? '', ...(k.hints?.h1 ?? [])].filter(Boolean);
  const errHead = heads.find((h) => h.length < 160 && ERROR_TEXT.test(h));
  const errBody =
    st.bodyLen < ERROR_MAX_BODY ? k.body.find((b) => b.text.length < 400 && ERROR_NOTICE.test(b.text)) : undefined;
  if (errHead && st.bodyLen < ERROR_MAX_BODY * 2) signals.push(`error-title:${short(errHead)}`);
  if (errBody) signals.push(`error-text:${short(errBody.text)}`);
  // Nothing on the page at all is an error (blank or script-only shell); a page of links and teasers is not,
  // and neither is a script-rendered story whose head carries its title and opening.
  if (emptyPage) signals.push('empty-page');
  const stub = st.bodyLen < MIN_ARTICLE_BODY ? k.body.find((b) => STUB_TEXT.test(b.text)) : undefined;
  if (stub) signals.push(`stub:${short(stub.text)}`);
  return signals;
}

/** The page declares an article type (JSON-LD or og:type). */
function declaresArticle(h: KindHints | null): boolean {
  return (h?.ldTypes ?? []).some((t) => ARTICLE_TYPES.test(t)) || /article/i.test(h?.ogType ?? '');
}

/** The URL's path and query ('' when there is no URL or it does not parse). */
function urlParts(url: string | null): { path: string; query: string } {
  try {
    const u = url ? new URL(url) : null;
    return { path: u?.pathname ?? '', query: u?.search ?? '' };
  } catch {
    return { path: '', query: '' };
  }
}

/** Non-article signals: home or listing URL, listing types, little prose, link density, teaser cards. */
function nonArticleSignals(k: KindInput, st: BodyStats, hasArticleType: boolean): string[] {
  const listingType = (k.hints?.ldTypes ?? []).find((t) => LISTING_TYPES.test(t));
  // The fetched URL first: a canonical link pointing at the site root from a story is a site misconfiguration.
  const pageUrl = k.url ?? k.canonicalUrl ?? null;
  const { path, query } = urlParts(pageUrl);
  const na: string[] = [];
  if (pageUrl && !query && (path === '/' || path === '' || /^\/(index\.\w+|home|[a-z]{2}(-[a-z]{2})?)\/?$/i.test(path)))
    na.push('url:home');
  if (LISTING_PATH.test(path) && !/\d{4,}|[a-z0-9]+(-[a-z0-9]+){4,}/i.test(path)) na.push('url:listing');
  if (
    listingType &&
    !hasArticleType &&
    /^(collectionpage|searchresultspage|itemlist|profilepage|product)$/i.test(listingType)
  )
    na.push(`json-ld:${listingType}`);
  if (
    k.hints?.ogType &&
    /^(website|product|profile|video\.other|books\.author)$/i.test(k.hints.ogType) &&
    !hasArticleType
  )
    na.push(`og:type=${k.hints.ogType}`);
  if (st.bodyLen === 0) na.push('no-article-body');
  else if (st.readerScore < READER_MIN && !st.shortStory) na.push(`little-prose:${st.proseCount}p/${st.proseLen}c`);
  if (k.all) {
    const linkChars = k.all.reduce((n, b) => n + b.linkChars, 0);
    if (st.pageChars > 0 && linkChars / st.pageChars > 0.6 && st.proseLen < 1500)
      na.push(`link-dense:${(linkChars / st.pageChars).toFixed(2)}`);
  }
  // Teaser boxes on a story page (related stories, "more from") are not a listing: only count them when the
  // page neither declares an article nor tells a short story of its own.
  if ((k.hints?.articleTags ?? 0) >= 5 && st.proseLen < 2000 && !hasArticleType && !st.shortStory)
    na.push(`teasers:${k.hints!.articleTags}`);
  return na;
}

/** A description of several sentences and at least SHELL_DESCRIPTION_WORDS words. */
function storyDescription(d: string | null): boolean {
  if (!d) return false;
  const words = d.trim().split(/\s+/).length;
  const sentences = d.split(/[.!?…](?:\s|$)/).filter((x) => x.trim().split(/\s+/).length >= 4).length;
  return words >= SHELL_DESCRIPTION_WORDS && sentences >= 2;
}

/**
 * A unit of a short story: a paragraph or quote that reads as a sentence, or a list item of several words
 * (guides and feature pages tell their story in bullet points that need not end like sentences; link lists
 * never reach the body, content.ts drops them).
 */
function sentenceUnit(b: { text: string; kind: string }): boolean {
  if (textWeight(b.text) < SENTENCE_PARA_MIN || b.text.split(/\s+/).length < 6) return false;
  if (b.kind === 'list') return true;
  return (b.kind === 'paragraph' || b.kind === 'quote') && SENTENCE_END.test(b.text);
}

function short(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 60).toLowerCase();
}
