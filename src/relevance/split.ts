/**
 * The train/dev/test split shared by relevance training and the events evaluation ("events per
 * non-political page"): a page's path relative to `shared/` (or, for sources without pages, a
 * sentence's text) hashed with sha256; the first byte decides.
 */
import { createHash } from 'node:crypto';

export type SplitName = 'train' | 'dev' | 'test';

/** First byte of sha256 below this → train (154/256 ≈ 60%). */
const TRAIN_BELOW = 154;
/** First byte below this (and not train) → dev (51/256 ≈ 20%); the rest is test. */
const DEV_BELOW = 205;

/** The split of a page path relative to `shared/` (e.g. `data/extraction/aeb/html/x.html.gz`) or of a sentence text. */
export function splitOf(relPath: string): SplitName {
  const h = createHash('sha256').update(relPath).digest()[0];
  if (h < TRAIN_BELOW) return 'train';
  if (h < DEV_BELOW) return 'dev';
  return 'test';
}
