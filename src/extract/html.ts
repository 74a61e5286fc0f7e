/**
 * HTML body extraction: clean the tree, cut it into blocks, pick the article container, keep
 * its body blocks and collect captions (figure captions, credits) apart from the body.
 */
import type { El } from './dom.js';
import { clean } from './clean.js';
import { toBlocks, type RawBlock } from './blocks.js';
import type { MetaLineContext } from './metalines.js';
import { findTeasers, inTeaser, pickContainer, keepBlock, within } from './content.js';
import { DEFAULT_CONTENT, type ContentTuning } from './options.js';

/** The body found in a page. */
export interface BodyResult {
  body: RawBlock[];
  captions: RawBlock[];
  /** All blocks of the cleaned page (for page-kind signals). */
  all: RawBlock[];
  container: El | null;
  removed: Map<string, number>;
}

/** Shortest block text deduplicated within a body (WCXB dev body F1 +0.001; shorter limits cost AEB recall, whose gold keeps repeated lines). */
const DUP_MIN = 150;

/** Find the nearest `article`/`main` ancestor (or self) of an element, to look for captions around the body. */
function articleScope(el: El): El {
  for (let p: El | null = el; p; p = p.parent) if (p.tag === 'article' || p.tag === 'main') return p;
  return el.parent ?? el;
}

/** Extract body blocks and captions from a parsed page (mutates the tree). */
export function extractBody(
  root: El,
  title: string | null,
  check?: (steps: number) => void,
  meta?: Omit<MetaLineContext, 'index'>,
  tuning: ContentTuning = DEFAULT_CONTENT,
): BodyResult {
  const removed = clean(root);
  const all = toBlocks(root, check);
  const teasers = findTeasers(all, tuning);
  const pick = pickContainer(all, teasers, tuning);
  if (!pick) return { body: [], captions: [], all, container: null, removed };
  const scope = articleScope(pick.el);
  const body: RawBlock[] = [];
  const captions: RawBlock[] = [];
  const seenCap = new Set<string>();
  const seenBody = new Set<string>();
  for (const b of all) {
    if (b.kind === 'caption') {
      if (within(b.el, scope) && !seenCap.has(b.text) && b.text.length > 3) {
        seenCap.add(b.text);
        captions.push(b);
      }
      continue;
    }
    if (!within(b.el, pick.el) && !pick.extra.some((x) => within(b.el, x))) continue;
    if (teasers.size && inTeaser(b.el, teasers)) continue;
    // The same paragraph twice is a rendering duplicate (mobile and desktop copies, repeated calls to action).
    if (b.text.length >= DUP_MIN && seenBody.has(b.text)) continue;
    if (keepBlock(b, title, meta && { ...meta, index: body.length })) {
      body.push(b);
      seenBody.add(b.text);
    }
  }
  return { body, captions, all, container: pick.el, removed };
}
