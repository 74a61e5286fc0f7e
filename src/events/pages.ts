/**
 * Script helper (gate training and evaluation only): whole pages from ../shared through the pipeline as the CLI runs
 * it (extract → nlp → actors → quotes), stopping before the events stage so scripts can see the candidates before the
 * gate; and the sets of pages the gate learns from and is measured on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../doc/index.js';
import { sharedRoot } from '../doc/resources.js';
import { extract } from '../extract/index.js';
import { nlpStage } from '../nlp/index.js';
import { actorsStage } from '../actors/index.js';
import { quotesStage } from '../quotes/index.js';
import { relevanceStage, splitOf } from '../relevance/index.js';
import type { Stage } from '../pipeline/index.js';

let stages: Stage[] | null = null;

/** Extract and analyse one page (path relative to shared/); null when it is no article or a stage fails. */
export function analysePage(relPath: string): { doc: Doc | null; status: string; error?: string } {
  const root = sharedRoot();
  if (!root) throw new Error('no ../shared');
  stages ??= [nlpStage(), relevanceStage(), actorsStage(), quotesStage()];
  const bytes = readFileSync(join(root, relPath));
  const r = extract({ bytes, source: join('..', 'shared', relPath) });
  if (!r.ok) return { doc: null, status: 'error', error: r.reason };
  const doc = r.value;
  if (doc.meta.status !== 'article') return { doc: null, status: doc.meta.status };
  for (const s of stages) {
    try {
      s.run(doc);
    } catch (e) {
      return { doc: null, status: 'stage-failed', error: `${s.name}: ${(e as Error).message}` };
    }
  }
  return { doc, status: 'article' };
}

/** News-dev article ids and paths: never a non-political training page. */
function newsDevPaths(root: string): Set<string> {
  const arts = JSON.parse(readFileSync(join(root, 'data', 'events', 'news-dev', 'articles.json'), 'utf8')) as {
    path: string;
  }[];
  return new Set(arts.map((a) => a.path));
}

/**
 * Non-political pages (paths relative to shared/): every WCXB dev article page (the news-dev README: WCXB has no
 * political news page), minus any news-dev page, in the given split.
 */
export function nonPoliticalPages(split: 'train' | 'dev' | 'test'): string[] {
  const root = sharedRoot();
  if (!root) return [];
  const skip = newsDevPaths(root);
  const dir = join('data', 'extraction', 'wcxb-dev-articles', 'html');
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => join(dir, f))
    .filter((p) => !skip.has(p) && splitOf(p) === split);
}
