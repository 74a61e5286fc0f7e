/**
 * `npm run eval:extract`: extraction quality on ../shared, per set and split (split.ts) — title exact
 * match, publication day, body F1 (the AEB metric, score.ts), page kind — then AEB F1 by the shared
 * scorer (../shared/scorers/aeb_eval.mjs) on our predictions. Flags: `-v` lists misses;
 * `--hide-test` leaves the test split out (for tuning runs). Skips cleanly when ../shared is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from './index.js';
import { extractionRoot, normExact } from './evalsets.js';
import { loadEvalPages, type EvalPage, type EvalSet } from './evalpages.js';
import { aebScore, pageCounts } from './score.js';
import { SPLITS, type Split } from './split.js';
import { bodyText, type Doc } from '../doc/index.js';

interface Cell {
  pages: number;
  title: [number, number];
  day: [number, number];
  body: [number, number, number][];
  /** Article pages (all AEB and WCXB pages, readerable Readability pages) not called `article`. */
  notArticle: number;
  articles: number;
  /** Readability pages marked not readerable that we call not article. */
  nonReaderable: [number, number];
}

const emptyCell = (): Cell => ({
  pages: 0,
  title: [0, 0],
  day: [0, 0],
  body: [],
  notArticle: 0,
  articles: 0,
  nonReaderable: [0, 0],
});

/** Score one page into its cell; returns miss lines. */
function score(c: Cell, p: EvalPage, d: Doc | null): string[] {
  const misses: string[] = [];
  const m = d?.meta ?? null;
  c.pages++;
  if (p.gold.title) {
    c.title[1]++;
    if (normExact(m?.title?.value) === normExact(p.gold.title)) c.title[0]++;
    else misses.push(`title ${p.set}/${p.id}: ${m?.title?.value} [${m?.title?.from}] ≠ ${p.gold.title}`);
  }
  if (p.gold.date) {
    c.day[1]++;
    const want = p.gold.date;
    if (m?.published && m.published.value.slice(0, want.length) === want) c.day[0]++;
    else misses.push(`date ${p.set}/${p.id}: ${m?.published?.value} [${m?.published?.from}] ≠ ${want}`);
  }
  if (p.gold.body !== undefined) c.body.push(pageCounts(p.gold.body, d ? bodyText(d) : ''));
  if (p.gold.readerable === false) {
    c.nonReaderable[1]++;
    if (m && m.status !== 'article') c.nonReaderable[0]++;
  } else {
    c.articles++;
    if (m?.status !== 'article') {
      c.notArticle++;
      misses.push(`kind ${p.set}/${p.id}: ${m?.status ?? 'error'} ${m?.statusSignals.join(',') ?? ''}`);
    }
  }
  return misses;
}

const pct = ([ok, n]: [number, number]) => (n ? `${((100 * ok) / n).toFixed(1)}% (${ok}/${n})` : '—');

function row(name: string, c: Cell): string {
  const b = c.body.length ? aebScore(c.body).f1.toFixed(3) : '—';
  const kind = `${c.notArticle}/${c.articles} not article`;
  const nr = c.nonReaderable[1] ? `; not-readerable caught ${c.nonReaderable[0]}/${c.nonReaderable[1]}` : '';
  return `${name.padEnd(18)} title ${pct(c.title).padEnd(18)} day ${pct(c.day).padEnd(18)} body F1 ${b}  ${kind}${nr}`;
}

/** AEB F1 of our bodies by the shared scorer, or null when it is not there. */
function sharedAeb(root: string, preds: Record<string, { articleBody: string }>): string | null {
  const scorer = join(root, '..', '..', 'scorers', 'aeb_eval.mjs');
  if (!existsSync(scorer)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-aeb-'));
  try {
    const f = join(dir, 'dateline.json');
    writeFileSync(f, JSON.stringify(preds));
    const r = spawnSync(process.execPath, [scorer, join(root, 'aeb', 'ground-truth.json'), f], { encoding: 'utf8' });
    return (r.stdout || r.stderr).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const root = extractionRoot();
  if (!root) {
    console.log('eval:extract: no ../shared/data/extraction, skipping');
    return;
  }
  const verbose = process.argv.includes('-v');
  const hideTest = process.argv.includes('--hide-test');
  const cells = new Map<string, Cell>();
  const cell = (k: string) => cells.get(k) ?? (cells.set(k, emptyCell()), cells.get(k)!);
  const misses: string[] = [];
  const aebPreds: Record<string, { articleBody: string }> = {};
  for (const p of loadEvalPages(root)) {
    if (hideTest && p.split === 'test') continue;
    const r = extract({ bytes: p.bytes(), source: p.id, url: p.url });
    const d = r.ok ? r.value : null;
    if (p.set === 'aeb') aebPreds[p.id] = { articleBody: d ? bodyText(d) : '' };
    for (const k of [`${p.set}/${p.split}`, `${p.set}/all`, `all/${p.split}`, `all/all`]) {
      const ms = score(cell(k), p, d);
      if (k.endsWith('/all') && verbose) misses.push(...ms.map((m) => `${p.split} ${m}`));
    }
  }
  const sets: (EvalSet | 'all')[] = ['aeb', 'readability', 'wcxb', 'all'];
  const splits: (Split | 'all')[] = [...SPLITS.filter((s) => !hideTest || s !== 'test'), 'all'];
  for (const s of sets) {
    for (const sp of splits) {
      const c = cells.get(`${s}/${sp}`);
      if (c) console.log(row(`${s} ${sp}`, c));
    }
  }
  const aeb = sharedAeb(root, aebPreds);
  if (aeb && !hideTest) console.log(`AEB, shared scorer (bar F1 >= 0.970): ${aeb}`);
  if (verbose) for (const m of misses) console.log('  miss', m);
}

main();
