/**
 * End-to-end event evaluation of what a user gets: `dateline events --jsonl` (the built CLI) on raw files, scored by
 * the shared scorer (../shared/scorers/news_events_score.mjs) — the method of the held-out news evaluation.
 *   news-dev     whole hand-coded articles, by the fixed split (newsdev.ts: train is studied, test only reported),
 *                against gold.jsonl and gold-blind.jsonl
 *   non-political pages   events per page on WCXB article pages of the dev and test page splits (pages.ts)
 *   PLV dev      `events --sentences` on the PLV dev rows: pair recall (an event whose actor and recipient mentions
 *                overlap the gold source and target, either way round) and type accuracy on found pairs
 *   seed         events on the seed page, and none from its dead-page notice
 * Usage: npm run eval:events [-- --split=train|test|all] [-- --out=FILE.json] [-- --news-only]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT, sharedRoot } from '../doc/resources.js';
import { loadNewsDev } from './newsdev.js';
import { nonPoliticalPages } from './pages.js';
import { loadPlv } from './evaldata.js';

const CLI = join(PACKAGE_ROOT, 'bin', 'dateline.js');
const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

interface Line {
  source?: string;
  sentence_id?: string;
  type: string;
  sentence: string;
  actor: { start: number; end: number; country: string | null }[];
  recipient: { start: number; end: number; country: string | null }[];
  trigger: { text: string };
}

/** Run the CLI on files (paths relative to the package root); returns its event lines and error lines. */
function runCli(args: string[]): { lines: Line[]; errors: string[] } {
  let stdout = '';
  let stderr = '';
  try {
    stdout = execFileSync('node', [CLI, 'events', '--jsonl', ...args], {
      cwd: PACKAGE_ROOT,
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
  } catch (e) {
    const x = e as { stdout?: Buffer; stderr?: Buffer };
    stdout = x.stdout?.toString() ?? '';
    stderr = x.stderr?.toString() ?? '';
  }
  const lines = stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
  return { lines, errors: stderr.split('\n').filter((l) => l.startsWith('error:')) };
}

function score(gold: string, dir: string): Record<string, unknown> {
  const scorer = join(sharedRoot()!, 'scorers', 'news_events_score.mjs');
  const out = execFileSync('node', [scorer, gold, dir, '--only-with-pred'], { maxBuffer: 1 << 28 }).toString();
  return JSON.parse(out.trim().split('\n').pop()!);
}

function newsDev(split: string, work: string): Record<string, unknown> {
  const arts = loadNewsDev().filter((a) => split === 'all' || a.split === split);
  const rel = (p: string) => join('..', 'shared', p);
  const { lines, errors } = runCli(arts.map((a) => rel(a.path)));
  const dir = join(work, `news-${split}`);
  mkdirSync(dir, { recursive: true });
  for (const a of arts) {
    const mine = lines.filter((l) => l.source === rel(a.path));
    writeFileSync(
      join(dir, `${a.article}.jsonl`),
      mine.map((l) => JSON.stringify(l)).join('\n') + (mine.length ? '\n' : ''),
    );
  }
  const gold = join(sharedRoot()!, 'data', 'events', 'news-dev');
  const s = score(join(gold, 'gold.jsonl'), dir);
  const b = score(join(gold, 'gold-blind.jsonl'), dir);
  return { articles: arts.length, errors: errors.length, adjudicated: s, blind: b };
}

function nonPolitical(split: 'dev' | 'test'): Record<string, unknown> {
  const pages = nonPoliticalPages(split);
  const { lines, errors } = runCli(pages.map((p) => join('..', 'shared', p)));
  const per = new Map<string, number>();
  for (const l of lines) per.set(l.source ?? '', (per.get(l.source ?? '') ?? 0) + 1);
  const byType: Record<string, number> = {};
  for (const l of lines) byType[l.type] = (byType[l.type] ?? 0) + 1;
  return {
    pages: pages.length,
    events: lines.length,
    per_page: +(lines.length / Math.max(1, pages.length)).toFixed(3),
    pages_with_events: per.size,
    stage_errors: errors.length,
    error_lines: errors.slice(0, 5),
    by_type: byType,
  };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

function plvDev(work: string): Record<string, unknown> {
  const rows = loadPlv().filter((r) => r.dev && r.source && r.target);
  const file = join(work, 'plv-dev.jsonl');
  writeFileSync(file, rows.map((r, k) => JSON.stringify({ id: String(k), text: r.text })).join('\n') + '\n');
  const { lines } = runCli(['--sentences', file]);
  let found = 0;
  let typed = 0;
  rows.forEach((r, k) => {
    const evs = lines.filter((l) => l.sentence_id === String(k));
    const pair = evs.filter((e) => {
      const parts = [...e.actor, ...e.recipient];
      return parts.some((p) => overlaps(p, r.source!)) && parts.some((p) => overlaps(p, r.target!));
    });
    if (!pair.length) return;
    found++;
    const ok = (t: string) => (r.type === 'YIELD' ? t === 'CONCEDE' || t === 'RETREAT' : t === r.type);
    if (pair.some((e) => ok(e.type))) typed++;
  });
  return {
    rows: rows.length,
    events: lines.length,
    pair_recall: +(found / rows.length).toFixed(3),
    type_accuracy_on_found: +(typed / Math.max(1, found)).toFixed(3),
  };
}

function seed(): Record<string, unknown> {
  const { lines } = runCli([join('..', 'shared', 'seed', '000_c552f0d34fe51c66.txt')]);
  const notice = lines.filter((l) => /no longer available|page you requested|not available/i.test(l.sentence));
  return {
    events: lines.length,
    from_notice: notice.length,
    types: lines.map((l) => `${l.type}:${l.trigger.text}`),
  };
}

function main(): void {
  if (!sharedRoot()) {
    console.log('eval:events:news: ../shared is absent; skipped');
    return;
  }
  const split = arg('split') ?? 'train';
  const work = mkdtempSync(join(tmpdir(), 'dateline-news-eval-'));
  const t0 = performance.now();
  const res: Record<string, unknown> = { split };
  // --news-only: the news-dev articles alone (a quick look at one split).
  const newsOnly = process.argv.includes('--news-only');
  res.news = newsDev(split, work);
  if (!newsOnly) {
    res.nonpolitical_dev = nonPolitical('dev');
    if (split !== 'train') res.nonpolitical_test = nonPolitical('test');
    res.plv_dev = plvDev(work);
    res.seed = seed();
  }
  res.seconds = Math.round((performance.now() - t0) / 1000);
  const n = res.news as { adjudicated: Record<string, number>; blind: Record<string, number> };
  const pick = (s: Record<string, number>) =>
    `P ${s.precision} R_must ${s.recall_must} F1 ${s.f1} (type-only P ${s.precision_type_only} R ${s.recall_must_type_only}) actor ${s.actor_acc} pred/article ${s.pred_per_article}`;
  console.log(`news-dev ${split}: adjudicated ${pick(n.adjudicated)}`);
  console.log(`news-dev ${split}: blind       ${pick(n.blind)}`);
  for (const k of ['nonpolitical_dev', 'nonpolitical_test', 'plv_dev', 'seed'])
    if (res[k]) console.log(`${k}: ${JSON.stringify(res[k])}`);
  const outFile = arg('out');
  if (outFile) writeFileSync(outFile, JSON.stringify(res, null, 1) + '\n');
  console.log(`(${res.seconds} s; work files in ${work}; ${basename(CLI)})`);
}

main();
