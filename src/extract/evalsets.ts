/**
 * Scoring against the evaluation sets in ../shared/data/extraction: AEB body F1, title/byline/date
 * accuracy on the Readability test pages and WCXB dev articles, page kind on non-readerable pages.
 * Shared by eval.ts (quality) and bench.ts (quality + speed).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { bodyText, sharedRoot } from '../doc/index.js';
import { extract } from './index.js';
import { aebScore, pageCounts } from './score.js';

/** Directory of the extraction sets, or null without ../shared. */
export function extractionRoot(): string | null {
  const r = sharedRoot();
  const p = r ? join(r, 'data', 'extraction') : null;
  return p && existsSync(p) ? p : null;
}

/** AEB pages: file path, URL and gold body, in key order. */
export function aebPages(root: string): { key: string; file: string; url: string; body: string }[] {
  const dir = join(root, 'aeb');
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.keys(gt).map((key) => ({
    key,
    file: join(dir, 'html', `${key}.html.gz`),
    url: gt[key].url,
    body: gt[key].articleBody,
  }));
}

/** AEB F1/P/R for predicted bodies keyed like the gold set. */
export function scoreAeb(
  pages: { key: string; body: string }[],
  pred: Map<string, string>,
): { f1: number; p: number; r: number } {
  return aebScore(pages.map((pg) => pageCounts(pg.body, pred.get(pg.key) ?? '')));
}

import { normExact } from './title.js';
export { normExact };

/** Loose byline match: same names ignoring case, punctuation and order. */
export function bylineMatch(gold: string, got: string | null): boolean {
  if (!got) return false;
  const toks = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .match(/\p{L}+/gu) ?? [],
    );
  const a = toks(gold.replace(/^by\s+/i, ''));
  const b = toks(got);
  if (!a.size) return false;
  let hit = 0;
  for (const t of a) if (b.has(t)) hit++;
  return hit / a.size >= 0.8 && hit / Math.max(1, b.size) >= 0.5;
}

/** Counters for one metadata field. */
export interface Acc {
  n: number;
  ok: number;
}
const acc = (a: Acc) => (a.n ? a.ok / a.n : NaN);
/** Format an accuracy counter. */
export const fmt = (a: Acc) => `${(100 * acc(a)).toFixed(1)}% (${a.ok}/${a.n})`;

/** Title, byline and date accuracy on the Readability test pages, plus page kind on the non-readerable ones. */
export function readabilityMeta(root: string): {
  title: Acc;
  byline: Acc;
  date: Acc;
  kind: Acc;
  kindReaderable: Acc;
  misses: string[];
} {
  const dir = join(root, 'readability-test-pages');
  const r = {
    title: { n: 0, ok: 0 },
    byline: { n: 0, ok: 0 },
    date: { n: 0, ok: 0 },
    kind: { n: 0, ok: 0 },
    kindReaderable: { n: 0, ok: 0 },
    misses: [] as string[],
  };
  for (const name of readdirSync(dir).sort()) {
    const mp = join(dir, name, 'expected-metadata.json');
    if (!existsSync(mp)) continue;
    const exp = JSON.parse(readFileSync(mp, 'utf8')) as {
      title?: string;
      byline?: string;
      publishedTime?: string;
      readerable?: boolean;
    };
    const res = extract({
      bytes: readFileSync(join(dir, name, 'source.html')),
      source: name,
      url: 'http://fakehost/test/page.html',
    });
    const m = res.ok ? res.value.meta : null;
    if (exp.title) {
      r.title.n++;
      if (normExact(m?.title?.value) === normExact(exp.title)) r.title.ok++;
      else r.misses.push(`title ${name}: ${m?.title?.value} ≠ ${exp.title}`);
    }
    if (exp.byline) {
      r.byline.n++;
      if (bylineMatch(exp.byline, m?.byline?.value ?? null)) r.byline.ok++;
      else r.misses.push(`byline ${name}: ${m?.byline?.value} ≠ ${exp.byline}`);
    }
    if (exp.publishedTime) {
      r.date.n++;
      const want = exp.publishedTime.slice(0, 10);
      if (m?.published?.value.slice(0, 10) === want) r.date.ok++;
      else r.misses.push(`date ${name}: ${m?.published?.value} ≠ ${exp.publishedTime}`);
    }
    if (exp.readerable === false) {
      r.kind.n++;
      if (m && m.status !== 'article') r.kind.ok++;
      else r.misses.push(`kind ${name}: ${m?.status} ${m?.statusSignals.join(',')} (not readerable)`);
    } else if (exp.readerable === true) {
      r.kindReaderable.n++;
      if (m?.status === 'article') r.kindReaderable.ok++;
      else r.misses.push(`kind ${name}: ${m?.status} ${m?.statusSignals.join(',')} (readerable)`);
    }
  }
  return r;
}

/** Title, author and publication-day accuracy on WCXB dev articles. */
export function wcxbMeta(
  root: string,
  limit = Infinity,
): {
  title: Acc;
  author: Acc;
  date: Acc;
  body: { f1: number; p: number; r: number };
  misses: string[];
  halves: { title: Acc; date: Acc }[];
} {
  const dir = join(root, 'wcxb-dev-articles');
  const r = { title: { n: 0, ok: 0 }, author: { n: 0, ok: 0 }, date: { n: 0, ok: 0 }, misses: [] as string[] };
  // Rules are chosen on the even half and confirmed on the odd half, to see overfitting to this one set.
  const halves = [0, 1].map(() => ({ title: { n: 0, ok: 0 }, date: { n: 0, ok: 0 } }));
  const rows: [number, number, number][] = [];
  const files = readdirSync(join(dir, 'ground-truth'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .slice(0, limit);
  for (const f of files) {
    const g = JSON.parse(readFileSync(join(dir, 'ground-truth', f), 'utf8')) as {
      url: string;
      ground_truth: {
        title?: string | null;
        author?: string | null;
        publish_date?: string | null;
        main_content?: string;
      };
    };
    const id = f.replace(/\.json$/, '');
    const hp = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(hp)) continue;
    const res = extract({ bytes: gunzipSync(readFileSync(hp)), source: id, url: g.url });
    const d = res.ok ? res.value : null;
    const m = d?.meta ?? null;
    const gt = g.ground_truth;
    const h = halves[wcxbHalf(id)];
    rows.push(pageCounts(gt.main_content ?? '', d ? bodyText(d) : ''));
    if (gt.title) {
      r.title.n++;
      h.title.n++;
      if (normExact(m?.title?.value) === normExact(gt.title)) {
        r.title.ok++;
        h.title.ok++;
      } else r.misses.push(`title ${id}: ${m?.title?.value} [${m?.title?.from}] ≠ ${gt.title}`);
    }
    if (gt.author) {
      r.author.n++;
      if (bylineMatch(gt.author, m?.byline?.value ?? null)) r.author.ok++;
      else r.misses.push(`author ${id}: ${m?.byline?.value} [${m?.byline?.from}] ≠ ${gt.author}`);
    }
    if (gt.publish_date) {
      r.date.n++;
      h.date.n++;
      const want = gt.publish_date;
      if (m?.published && m.published.value.slice(0, want.length) === want) {
        r.date.ok++;
        h.date.ok++;
      } else r.misses.push(`date ${id}: ${m?.published?.value} [${m?.published?.from}] ≠ ${want}`);
    }
  }
  return { ...r, body: aebScore(rows), halves };
}

/** WCXB half of a page id: 0 when the first byte of its sha1 is even (the tuning half), 1 otherwise (the check half). */
export function wcxbHalf(id: string): 0 | 1 {
  return (createHash('sha1').update(id).digest()[0] & 1) as 0 | 1;
}
