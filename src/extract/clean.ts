/**
 * Boilerplate removal on the element tree: drops non-content tags, hidden elements and
 * elements whose class, id or role name page furniture (navigation, share bars, related links,
 * cookie and newsletter boxes, comments). Caption and credit containers are renamed to
 * `figcaption` so they are kept apart from the body instead of being lost.
 */
import type { El, Node } from './dom.js';

/** Tags that never hold article text. */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'source',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'nav',
  'aside',
  'footer',
  'menu',
  'dialog',
  'head',
  'link',
  'meta',
  'map',
  'area',
  'title',
  'base',
  'track',
  'param',
  'portal',
  'amp-ad',
  'amp-sidebar',
  'amp-analytics',
]);

/**
 * Class/id tokens that name furniture; matched as whole tokens split on space, `_` and `-`. Ablation on WCXB dev
 * body F1 removed 'widget' (page builders wrap every block in one: 0.925 → 0.932) and embed, video, header,
 * jump, more, toc, utility (→ 0.938).
 */
const NEG_TOKENS = new Set([
  'share',
  'shares',
  'sharing',
  'sharebar',
  'social',
  'socials',
  'related',
  'recommended',
  'recommendations',
  'promo',
  'promos',
  'advert',
  'advertisement',
  'advertising',
  'ad',
  'ads',
  'adslot',
  'adunit',
  'dfp',
  'gpt',
  'sponsor',
  'sponsored',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'breadcrumb',
  'breadcrumbs',
  'nav',
  'navbar',
  'navigation',
  'menu',
  'masthead',
  'footer',
  'sidebar',
  'popup',
  'modal',
  'overlay',
  'comment',
  'comments',
  'disqus',
  'outbrain',
  'taboola',
  'toolbar',
  'print',
  'skiplink',
  'pagination',
  'pager',
  'trending',
  'popular',
  'mostread',
  'tags',
  'tag',
  'taglist',
  'topics',
  'keywords',
  'byline',
  'bylines',
  'author',
  'authors',
  'dateline',
  'timestamp',
  'date',
  'meta',
  'metadata',
  'sr',
  'visually',
  'offscreen',
  'banner',
  'rail',
  'follow',
  'tools',
  'login',
  'signin',
  'donate',
  'donation',
  'bio',
  'disclaimer',
  'copyright',
  'readmore',
  'newsletter',
  'playlist',
  'carousel',
  'slideshow',
  'gallery',
  'headline',
  'kicker',
  'eyebrow',
  'reactions',
  'rating',
  'feedback',
  'survey',
  'alert',
  'notification',
  'upsell',
  'marketing',
  'offer',
  'partner',
  'partners',
  'recirc',
  'recirculation',
  'outstream',
  'teaser',
  'teasers',
  'nocontent',
]);

/** Any furniture token, as one regex (a prefilter for the token loop). */
const NEG_ANY = new RegExp(`(^|[\\s_-])(${[...NEG_TOKENS].join('|')})([\\s_-]|$)`, 'i');

/** Substrings that name furniture even inside camelCase class names. */
const NEG_SUBSTR =
  /skip-?(link|to|nav)|related|share|social|newsletter|comment|sidebar|promo|advert|cookie|breadcrumb|outbrain|taboola|trending|subscribe|recommend|popular|signup|byline|masthead|disclaimer/i;

/** Tokens that mark the article itself; they protect weak negatives. */
const POS = /article|body|content|entry|main|post|story|text|prose|richtext|blog/i;

/** Negatives strong enough to drop even with a positive word beside them. */
const STRONG =
  /header|headline|byline|author|dateline|timestamp|comment|disqus|related|share|social|newsletter|subscribe|outbrain|taboola|recommend|promo|advert|cookie|consent|signup|breadcrumb|popular|trending|recirc/i;

/** Share of the page's text above which an element is a page wrapper whatever its name or tag (broken markup, layout classes like "flex-wrap-footer"). */
const WRAPPER_SHARE = 0.8;
const LANDMARKS = new Set(['aside', 'nav', 'footer', 'menu', 'dialog']);

/** Names that never wrap an article, so the keep-share safety net does not apply to them. */
const UNPROTECTED = /footer|comment|disqus|outbrain|taboola|cookie|consent|breadcrumb|contentinfo/;

/** Roles of landmark regions that are not the article. */
const NEG_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alert',
  'menu',
  'menubar',
  'toolbar',
  'alertdialog',
]);

const CAPTION =
  /(^|[\s_-])(caption|captions|credit|credits|photo-?credit|image-?credit|wp-caption-text|figcaption|imagecaption|media-caption)([\s_-]|$)|caption|[cC]redit/;

/** An element keeps its place despite a furniture name when it holds at least this share of the page's paragraph text (AEB dev runs: a wrapper named "share-…" held whole stories). */
const KEEP_SHARE = 0.5;

function classId(el: El): string {
  return `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;
}

function isHidden(el: El): boolean {
  const a = el.attrs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  const st = a.style;
  return !!st && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(st);
}

/** Why a class/id/role names page furniture, or null. */
export function furnitureReason(el: El): string | null {
  const role = el.attrs.role;
  if (role && NEG_ROLES.has(role.toLowerCase())) return `role:${role}`;
  const a = el.attrs;
  if (!a.class && !a.id) return null;
  const ci = classId(el).trim();
  if (!ci) return null;
  // One native regex test screens out most class names before the token split.
  if (!NEG_ANY.test(ci) && !NEG_SUBSTR.test(ci)) return null;
  const low = ci.toLowerCase();
  for (const tok of low.split(/[\s_-]+/))
    if (NEG_TOKENS.has(tok)) return POS.test(low) && !STRONG.test(tok) ? null : `class:${tok}`;
  const m = NEG_SUBSTR.exec(ci);
  if (m) return POS.test(low) && !STRONG.test(m[0]) ? null : `class:${m[0].toLowerCase()}`;
  return null;
}

/** Length of text outside links under an element: the safety net's measure of prose (computed only for candidates). */
export function proseLength(el: El): number {
  let n = 0;
  const todo: El[] = [el];
  while (todo.length) {
    const x = todo.pop()!;
    if (x.tag === 'a' || x.tag === 'script' || x.tag === 'style') continue;
    for (const c of x.children) {
      if (typeof c === 'string') n += c.trim().length;
      else todo.push(c);
    }
  }
  return n;
}

/** Remove furniture from the tree in place; returns the removal reasons counted (for debugging and signals). */
export function clean(root: El): Map<string, number> {
  const reasons = new Map<string, number>();
  const total = proseLength(root) || 1;
  const note = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1);
  const todo: El[] = [root];
  while (todo.length) {
    const el = todo.pop()!;
    const keep: Node[] = [];
    for (const c of el.children) {
      if (typeof c === 'string') {
        keep.push(c);
        continue;
      }
      // The share of the page's prose is measured only for elements about to be dropped.
      const share = () => proseLength(c) / total;
      let drop: string | null = null;
      if (DROP_TAGS.has(c.tag)) {
        // Landmark tags left unclosed by broken markup can swallow the page: keep them when they hold nearly all of it.
        if (!(LANDMARKS.has(c.tag) && share() >= WRAPPER_SHARE)) drop = `tag:${c.tag}`;
      } else if (c.tag === 'form' || c.tag === 'header') {
        if (share() < KEEP_SHARE) drop = `tag:${c.tag}`;
      } else if (isHidden(c)) {
        // Streaming server rendering parks the whole page in a hidden element until scripts move it.
        if (share() < KEEP_SHARE) drop = 'hidden';
      } else if (
        c.tag === 'figcaption' ||
        (c.tag !== 'body' &&
          c.tag !== 'article' &&
          (c.attrs.class || c.attrs.id) &&
          CAPTION.test(classId(c)) &&
          share() < 0.2)
      ) {
        c.tag = 'figcaption';
      } else if (c.tag !== 'body' && c.tag !== 'html' && c.tag !== 'p' && c.tag !== 'article' && c.tag !== 'main') {
        const r = furnitureReason(c);
        if (r) {
          const sh = share();
          if (sh < KEEP_SHARE || (UNPROTECTED.test(r) && sh < WRAPPER_SHARE)) drop = r;
        }
      }
      if (drop) {
        note(drop);
        c.parent = null;
      } else {
        keep.push(c);
        todo.push(c);
      }
    }
    el.children = keep;
  }
  return reasons;
}
