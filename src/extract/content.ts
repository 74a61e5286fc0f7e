/**
 * Main-content selection. Every block votes for all its ancestors: sentence-like text with few
 * links adds its length, link lists and short fragments subtract. The element with the best sum
 * is the article container (a maximum-weight subtree); its blocks are then filtered one by one
 * for furniture that sits inside articles (share prompts, "Advertisement", repeated bylines).
 */
import type { El } from './dom.js';
import { textWeight, type RawBlock } from './blocks.js';
import { isMetaLine, type MetaLineContext } from './metalines.js';
import { DEFAULT_CONTENT, type ContentTuning } from './options.js';

/** Link density at which a block counts as navigation (AEB dev: 0.5 keeps inline-linked prose, drops link lists). */
export const LINK_DENSITY_MAX = 0.5;
/** Link share from which a list item reads as a teaser (AEB dev: related-story tickers). */
const TEASER_LD = 0.15;
/** Non-link characters that keep a link-heavy block (AEB dev: list items that open with a linked headline). */
const LINKED_TEXT_MIN = 60;
/** Shortest text that counts as a paragraph on length alone. */
const PARA_MIN = 80;
/** Teaser text counts against a container at this weight. */
const TEASER_WEIGHT = 0.5;
/** Weight of furniture text against content text in the subtree sum. */
const BAD_WEIGHT = 1.0;

/** A block's vote for the containers around it. */
function vote(b: RawBlock): number {
  const len = textWeight(b.text);
  const ld = b.linkChars / Math.max(1, len);
  if (b.kind === 'caption') return 0;
  if (b.kind === 'heading') return ld > LINK_DENSITY_MAX ? -len * BAD_WEIGHT : 0;
  if (ld > LINK_DENSITY_MAX) return -len * BAD_WEIGHT;
  if (BOILER_LINE.test(b.text)) return -len * BAD_WEIGHT;
  // Teasers: list items or paragraphs that are partly a link (headline link + excerpt).
  if (b.kind === 'list' && ld >= TEASER_LD) return len * (1 - ld) * 0.5;
  if (ld >= 0.3) return 0;
  const sentence = /[.!?…:;"”’)»。！？」』）]$/.test(b.text) || len >= PARA_MIN;
  if (len >= PARA_MIN || (sentence && len >= 30)) return len * (1 - ld);
  if (b.kind === 'table') return len * 0.3;
  return -Math.min(len, 40) * 0.5 * BAD_WEIGHT;
}

/** Pick the container element whose blocks best form an article, plus siblings that continue it; null when nothing votes. */
export function pickContainer(
  blocks: RawBlock[],
  teasers: Set<El> = new Set(),
  t: ContentTuning = DEFAULT_CONTENT,
): { el: El; score: number; extra: El[] } | null {
  // Per element: [decayed score, raw sum, prose (good), furniture (bad)] in one entry, one lookup per step.
  const acc = new Map<El, Float64Array>();
  const depth = new Map<El, number>();
  for (const b of blocks) {
    const v = teasers.size && inTeaser(b.el, teasers) ? -b.text.length * TEASER_WEIGHT : vote(b);
    if (v === 0) continue;
    let w = 1;
    let d = 0;
    for (let p: El | null = b.el; p; p = p.parent, d++) {
      let a = acc.get(p);
      if (!a) acc.set(p, (a = new Float64Array(4)));
      a[0] += v > 0 ? v * w : v;
      a[1] += v;
      if (v > 0) a[2] += v;
      else a[3] -= v;
      if (d >= t.decayFrom) w *= t.decay;
    }
  }
  const get = (el: El | null | undefined, i: number) => (el ? (acc.get(el)?.[i] ?? 0) : 0);
  let best: El | null = null;
  let bestScore = 0;
  for (const [el, a] of acc) {
    const s = a[0];
    if (s > bestScore || (s === bestScore && best && depthOf(el, depth) > depthOf(best, depth))) {
      best = el;
      bestScore = s;
    }
  }
  if (!best) return null;
  // Climb to an ancestor that adds much more prose than furniture (stories cut into sections by figures and ads).
  const base = best;
  let p: El | null = best.parent;
  for (let i = 0; i < t.climbMax && p; i++, p = p.parent) {
    const gain = get(p, 2) - get(base, 2);
    const cost = get(p, 3) - get(base, 3);
    if (gain >= get(base, 2) * t.climbGain && gain >= cost * t.climbRatio) best = p;
  }
  // Stories split over sibling containers (around ads, embeds): take siblings that carry real prose.
  const extra: El[] = [];
  const own = get(best, 1);
  for (const sib of best.parent?.children ?? []) {
    if (typeof sib === 'string' || sib === best) continue;
    const r = get(sib, 1);
    if (r >= t.siblingMin && r >= own * t.siblingShare) extra.push(sib);
  }
  return { el: best, score: bestScore, extra };
}

/** Is the element inside one of the teaser cards? */
export function inTeaser(el: El, teasers: Set<El>): boolean {
  for (let p: El | null = el; p; p = p.parent) if (teasers.has(p)) return true;
  return false;
}

/**
 * Teaser cards: `<article>` elements holding little text when the page has several of them
 * (story grids and "more stories" rails mark each card as an article).
 */
export function findTeasers(blocks: RawBlock[], t: ContentTuning = DEFAULT_CONTENT): Set<El> {
  const size = new Map<El, number>();
  for (const b of blocks) {
    for (let p: El | null = b.el; p; p = p.parent) {
      if (p.tag === 'article') {
        size.set(p, (size.get(p) ?? 0) + b.text.length);
        break;
      }
    }
  }
  const small = [...size].filter(([, n]) => n < t.teaserMaxChars).map(([el]) => el);
  if (small.length < t.teaserMinCount) return new Set();
  // A teaser grid leads elsewhere: most of its cards hold a link. Cards that mostly do not are sections of the
  // page's own story (the steps of a guide, each marked up as an <article>).
  return small.filter(hasLink).length * 2 > small.length ? new Set(small) : new Set();
}

/** Does the element hold a link (an `<a href>`)? */
function hasLink(el: El): boolean {
  const todo: El[] = [el];
  while (todo.length) {
    const x = todo.pop()!;
    if (x.tag === 'a' && x.attrs.href) return true;
    for (const c of x.children) if (typeof c !== 'string') todo.push(c);
  }
  return false;
}

function depthOf(el: El, memo: Map<El, number>): number {
  let d = memo.get(el);
  if (d === undefined) {
    d = 0;
    for (let p = el.parent; p; p = p.parent) d++;
    memo.set(el, d);
  }
  return d;
}

/** Is `el` inside (or equal to) `root`? */
export function within(el: El, root: El): boolean {
  for (let p: El | null = el; p; p = p.parent) if (p === root) return true;
  return false;
}

/** Short lines that are furniture wherever they appear. */
export const BOILER_LINE =
  /^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|continue reading( below)?|read more|read next|related( articles| stories| content| coverage)?|more from .{0,40}|share( this( article| story)?)?( on .{0,20})?|follow us.{0,60}|sign up.{0,80}|subscribe.{0,80}|click here.{0,80}|(all )?rights reserved.{0,40}|(copyright|©)\b.{0,200}|image|photo|video|watch|listen|loading\.*|comments?|leave a comment|print|email|facebook|twitter|whatsapp|linkedin|reddit|pinterest|skip to (main )?content|skip ad|close|menu|search|back to top|top|next|previous|recommended( for you)?|trending( now)?|most (read|popular|viewed)|you may also like.{0,20}|we recommend|sponsored stories|latest news|don't miss|also read.{0,120}|see also.{0,120}|audio|play|pause|toggle.{0,30}|log ?in|sign ?in|register)\s*[:.!]?$/i;

/** A byline or timestamp line repeated at the top of the body. */
const BYLINE_LINE =
  /^(by|von|par|por|di)\s+[\p{Lu}][\p{L}.'’-]+(\s+[\p{L}.'’-]+){0,5}(\s*(,|and|&|\|)\s*[\p{L} .'’-]{2,40}){0,4}$/u;
const DATE_LINE =
  /^((published|updated|posted|last updated|first published)\s*:?\s*)?((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}([\s,|at]+\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*([A-Z]{2,4}|GMT[+-]?\d*)?)?\.?$/i;

/** Decide whether a block inside the container belongs to the body. */
export function keepBlock(b: RawBlock, title: string | null, ctx?: MetaLineContext): boolean {
  const t = b.text;
  const len = t.length;
  const ld = b.linkChars / Math.max(1, len);
  if (ld > LINK_DENSITY_MAX && len - b.linkChars < LINKED_TEXT_MIN) return false;
  if (BOILER_LINE.test(t)) return false;
  if (len < 120 && (BYLINE_LINE.test(t) || DATE_LINE.test(t))) return false;
  if (ctx && b.kind !== 'heading' && isMetaLine(t, ctx)) return false;
  if (title && b.kind === 'heading' && norm(t) === norm(title)) return false;
  return true;
}

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
