/**
 * Every labelled extraction page in ../shared as one list — AEB (body), the Readability test pages
 * (title, date, body, readerable) and WCXB dev articles (title, date, body) — each with its split
 * (split.ts). Used by eval.ts (report per set and split) and train.ts (fit on train, choose on dev).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHtml, textOf } from './dom.js';
import { splitOf, type Split } from './split.js';

export type EvalSet = 'aeb' | 'readability' | 'wcxb';

/** What a page's labels say. */
export interface Gold {
  title?: string;
  /** Publication day or a prefix of it (`YYYY-MM-DD`, `YYYY-MM`). */
  date?: string;
  body?: string;
  byline?: string;
  readerable?: boolean;
}

/** One labelled page. */
export interface EvalPage {
  set: EvalSet;
  id: string;
  split: Split;
  url: string | null;
  gold: Gold;
  /** The page bytes (decompressed). */
  bytes(): Buffer;
}

/** All labelled pages under the extraction root, in a stable order (set, then id). */
export function loadEvalPages(root: string): EvalPage[] {
  return [...aeb(root), ...readability(root), ...wcxb(root)];
}

function aeb(root: string): EvalPage[] {
  const dir = join(root, 'aeb');
  if (!existsSync(join(dir, 'ground-truth.json'))) return [];
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.keys(gt).map((id) => ({
    set: 'aeb' as const,
    id,
    split: splitOf('aeb', id),
    url: gt[id].url,
    gold: { body: gt[id].articleBody },
    bytes: () => gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))),
  }));
}

function readability(root: string): EvalPage[] {
  const dir = join(root, 'readability-test-pages');
  if (!existsSync(dir)) return [];
  const out: EvalPage[] = [];
  for (const id of readdirSync(dir).sort()) {
    const mp = join(dir, id, 'expected-metadata.json');
    if (!existsSync(mp)) continue;
    const exp = JSON.parse(readFileSync(mp, 'utf8')) as {
      title?: string;
      byline?: string;
      publishedTime?: string;
      readerable?: boolean;
    };
    const ep = join(dir, id, 'expected.html');
    out.push({
      set: 'readability',
      id,
      split: splitOf('readability', id),
      url: 'http://fakehost/test/page.html',
      gold: {
        title: exp.title || undefined,
        byline: exp.byline || undefined,
        date: exp.publishedTime ? exp.publishedTime.slice(0, 10) : undefined,
        readerable: exp.readerable,
        body: exp.readerable !== false && existsSync(ep) ? htmlText(readFileSync(ep, 'utf8')) : undefined,
      },
      bytes: () => readFileSync(join(dir, id, 'source.html')),
    });
  }
  return out;
}

/** Visible text of Readability's expected output (its own reading of the article). */
function htmlText(html: string): string {
  return textOf(parseHtml(html));
}

function wcxb(root: string): EvalPage[] {
  const dir = join(root, 'wcxb-dev-articles');
  if (!existsSync(join(dir, 'ground-truth'))) return [];
  const out: EvalPage[] = [];
  for (const f of readdirSync(join(dir, 'ground-truth')).sort()) {
    if (!f.endsWith('.json')) continue;
    const id = f.replace(/\.json$/, '');
    const hp = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(hp)) continue;
    const g = JSON.parse(readFileSync(join(dir, 'ground-truth', f), 'utf8')) as {
      url?: string;
      ground_truth: {
        title?: string | null;
        author?: string | null;
        publish_date?: string | null;
        main_content?: string;
      };
    };
    const gt = g.ground_truth;
    out.push({
      set: 'wcxb',
      id,
      split: splitOf('wcxb', id),
      url: g.url ?? null,
      gold: {
        title: gt.title || undefined,
        byline: gt.author || undefined,
        date: gt.publish_date || undefined,
        body: gt.main_content ?? '',
      },
      bytes: () => gunzipSync(readFileSync(hp)),
    });
  }
  return out;
}
