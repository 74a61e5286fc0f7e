/**
 * Train / dev / test split of the extraction evaluation pages, by a hash of the page's path
 * (`set/id`), so that a page stays in its split whatever else changes. Learned weights are fitted on
 * train, features and regularisation chosen on dev, and test is read once, to report.
 */
import { createHash } from 'node:crypto';

export type Split = 'train' | 'dev' | 'test';

/** Shares of the first hash byte: 0–153 train (60%), 154–204 dev (20%), 205–255 test (20%). */
const TRAIN_MAX = 154;
const DEV_MAX = 205;

/** The split of one page, from sha1 of `set/id`. */
export function splitOf(set: string, id: string): Split {
  const b = createHash('sha1').update(`${set}/${id}`).digest()[0];
  return b < TRAIN_MAX ? 'train' : b < DEV_MAX ? 'dev' : 'test';
}

export const SPLITS: readonly Split[] = ['train', 'dev', 'test'];
