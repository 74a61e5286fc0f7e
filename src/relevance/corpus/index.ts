/** The whole relevance corpus from ../shared (scripts only). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conflibert, gsr, ngec, plv } from './events.js';
import { ewt } from './ewt.js';
import { pages } from './pages.js';
import { polnear } from './polnear.js';
import type { CorpusDoc } from './types.js';

export type { CorpusDoc, Part } from './types.js';

/** Paths (relative to shared/) of the news-dev articles: the events evaluation set, never trained on. */
export function newsDevPaths(shared: string): Set<string> {
  const a = JSON.parse(readFileSync(join(shared, 'data/events/news-dev/articles.json'), 'utf8')) as { path: string }[];
  return new Set(a.map((x) => x.path));
}

/** Every source, in a fixed order. */
function readCorpus(shared: string): CorpusDoc[] {
  const nd = newsDevPaths(shared);
  return [
    ...plv(shared),
    ...gsr(shared),
    ...conflibert(shared),
    ...ngec(shared),
    ...polnear(shared, nd),
    ...ewt(shared),
    ...pages(shared, nd),
  ];
}

/**
 * The corpus. Reading it extracts ~950 pages (minutes on a shared machine); when
 * DATELINE_RELEVANCE_CACHE names a file, the corpus is kept there between runs while
 * iterating (delete it after changing a loader or pages.tsv).
 */
export function loadCorpus(shared: string): CorpusDoc[] {
  const cache = process.env.DATELINE_RELEVANCE_CACHE;
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as CorpusDoc[];
  const docs = readCorpus(shared);
  if (cache) writeFileSync(cache, JSON.stringify(docs));
  return docs;
}
