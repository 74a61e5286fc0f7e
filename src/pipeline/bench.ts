/**
 * `npm run bench:pipeline [-- --pages N]`: HTML to stored events. Makes N distinct news pages from the AEB pages
 * (../shared, into a temp folder, deleted afterwards; see corpus.ts), then runs `dateline ingest --json` into a
 * fresh SQLite store twice in the same run — default settings (all cores) and `--workers 1`, the baseline — and
 * prints pages/s, tokens/s, peak RSS, the share of time in each stage, the machine's load, and whether the two
 * stores hold the same content (storeDigest).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { PACKAGE_ROOT, sharedRoot } from '../doc/resources.js';
import { storeDigest } from '../store/digest.js';
import { distinctCopy } from './corpus.js';

/** Stages in pipeline order, each with the trail names summed into it. `nlp.perceptron.v1` holds the nlp parts. */
const STAGES: [string, string[]][] = [
  ['extract', ['extract']],
  ['tokenize', ['nlp.tokenize']],
  ['tag', ['nlp.tag']],
  ['parse', ['nlp.parse']],
  ['ner', ['nlp.ner']],
  ['relevance', ['relevance.lr.v1']],
  ['cascade', ['cascade.plan']],
  ['actors', ['actors.gazetteer.v1']],
  ['quotes', ['quotes.rules.v1']],
  ['events', ['events.lexdep.v1']],
  ['places', ['places.lr.v1']],
  ['store', ['store']],
];

interface Summary {
  seen: number;
  stored: number;
  errors: number;
  events: number;
  tokens: number;
  workers: number;
  wallMs: number;
  cpuMs: number;
  peakRssMB: number;
  stageMs: Record<string, number>;
}

function pagesArg(): number {
  const i = process.argv.indexOf('--pages');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 2000;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--pages wants a whole number, not ${process.argv[i + 1]}`);
  return n;
}

/** Write `n` distinct pages made from the AEB pages into `dir`. */
function makeCorpus(aebDir: string, dir: string, n: number): void {
  const pages = readdirSync(aebDir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => gunzipSync(readFileSync(join(aebDir, f))).toString('utf8'));
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / pages.length);
    writeFileSync(join(dir, `p${String(i).padStart(6, '0')}.html`), distinctCopy(pages[i % pages.length], k));
  }
}

function ingest(corpus: string, db: string, workers: string[]): Summary {
  const args = ['bin/dateline.js', 'ingest', '--json', '--db', db, ...workers, corpus];
  const r = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`ingest failed (${r.status}): ${(r.stderr ?? '').slice(-1000)}`);
  return JSON.parse(line) as Summary;
}

function shares(stageMs: Record<string, number>): Record<string, string> {
  const ms = STAGES.map(([, keys]) => keys.reduce((a, k) => a + (stageMs[k] ?? 0), 0));
  const total = ms.reduce((a, b) => a + b, 0) || 1;
  return Object.fromEntries(STAGES.map(([name], i) => [name, `${((100 * ms[i]) / total).toFixed(1)}%`]));
}

function report(label: string, s: Summary) {
  return {
    run: label,
    workers: s.workers,
    pages: s.seen,
    stored: s.stored,
    errors: s.errors,
    events: s.events,
    wallS: +(s.wallMs / 1000).toFixed(1),
    pagesPerSec: +(s.seen / (s.wallMs / 1000)).toFixed(1),
    tokensPerSec: Math.round(s.tokens / (s.wallMs / 1000)),
    cpuS: +(s.cpuMs / 1000).toFixed(1),
    pagesPerCpuSec: +(s.seen / (s.cpuMs / 1000)).toFixed(2),
    peakRssMB: s.peakRssMB,
    stageShare: shares(s.stageMs),
  };
}

function digestOf(db: string) {
  const d = new Database(db, { readonly: true });
  try {
    return storeDigest(d);
  } finally {
    d.close();
  }
}

function main(): void {
  const root = sharedRoot();
  if (!root) {
    console.log('bench:pipeline skipped: ../shared not found');
    return;
  }
  const n = pagesArg();
  const tmp = mkdtempSync(join(tmpdir(), 'dateline-bench-pipeline-'));
  try {
    const corpus = join(tmp, 'pages');
    mkdirSync(corpus);
    makeCorpus(join(root, 'data', 'extraction', 'aeb', 'html'), corpus, n);
    const load0 = loadavg()[0];
    const all = ingest(corpus, join(tmp, 'default.db'), []);
    const one = ingest(corpus, join(tmp, 'one.db'), ['--workers', '1']);
    const same = JSON.stringify(digestOf(join(tmp, 'default.db'))) === JSON.stringify(digestOf(join(tmp, 'one.db')));
    const out = {
      input: `${n} distinct pages made from the AEB pages`,
      cores: availableParallelism(),
      loadAverage1m: { before: +load0.toFixed(2), after: +loadavg()[0].toFixed(2) },
      runs: [report('default (all cores)', all), report('baseline --workers 1', one)],
      speedup: +(one.wallMs / all.wallMs).toFixed(2),
      sameStoreContent: same,
    };
    console.log(JSON.stringify(out, null, 2));
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
