/**
 * `npm run bench:extract`: speed and quality against Readability.js + linkedom in the same run.
 * Both extractors run as their own process over all AEB pages, one core each, process start
 * included: ours is `node bin/dateline.js extract --jsonl FILES...` when the CLI is built
 * (dist/main/cli.js), else the stand-in runner dist/extract/run.js. Peak RSS comes from
 * /usr/bin/time when present. Then the AEB F1 of both, and metadata/page-kind accuracy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../doc/index.js';
import { aebPages, extractionRoot, fmt, readabilityMeta, scoreAeb, wcxbMeta } from './evalsets.js';

/** Run a node script over files; wall time, peak RSS (MB, if measurable) and parsed JSON lines. */
function timed(args: string[]): {
  ms: number;
  cpuMs: number | null;
  rssMb: number | null;
  lines: Record<string, unknown>[];
  status: number | null;
  stderr: string;
} {
  const hasTime = existsSync('/usr/bin/time');
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const argv = hasTime ? ['-f', '__RSS_KB__%M %U %S', process.execPath, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd: PACKAGE_ROOT, maxBuffer: 1 << 30, encoding: 'utf8' });
  const ms = performance.now() - t0;
  const m = /__RSS_KB__(\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  const lines = (r.stdout ?? '')
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    ms,
    cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : null,
    rssMb: m ? Number(m[1]) / 1024 : null,
    lines,
    status: r.status,
    stderr: (r.stderr ?? '').replace(/__RSS_KB__[\d. ]+\s*/, ''),
  };
}

/** Runs per extractor (override with BENCH_RUNS). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** The fastest of several runs (by CPU time when measured, else wall), with the highest peak RSS seen. */
function best(runs: ReturnType<typeof timed>[]): ReturnType<typeof timed> {
  const key = (r: ReturnType<typeof timed>) => r.cpuMs ?? r.ms;
  const fastest = runs.reduce((x, y) => (key(y) < key(x) ? y : x));
  const minWall = Math.min(...runs.map((r) => r.ms));
  const peak = runs.some((r) => r.rssMb != null) ? Math.max(...runs.map((r) => r.rssMb ?? 0)) : null;
  return { ...fastest, ms: minWall, rssMb: peak };
}

function bodies(lines: Record<string, unknown>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of lines) {
    const src = String(l.source ?? '');
    const key = basename(src).replace(/\.html(\.gz)?$/, '');
    out.set(key, typeof l.text === 'string' ? l.text : '');
  }
  return out;
}

function main(): void {
  const root = extractionRoot();
  if (!root) {
    console.log('bench:extract: no ../shared/data/extraction, skipping');
    return;
  }
  const pages = aebPages(root);
  const files = pages.map((p) => p.file);
  const cli = join(PACKAGE_ROOT, 'dist', 'main', 'cli.js');
  const ours =
    existsSync(cli) && !process.argv.includes('--runner')
      ? {
          name: 'dateline extract --jsonl',
          args: [join(PACKAGE_ROOT, 'bin', 'dateline.js'), 'extract', '--jsonl', ...files],
        }
      : { name: 'dist/extract/run.js', args: [join(PACKAGE_ROOT, 'dist', 'extract', 'run.js'), ...files] };
  const base = {
    name: 'Readability.js + linkedom',
    args: [join(PACKAGE_ROOT, 'dist', 'extract', 'readability-run.js'), ...files],
  };

  // Alternate the two, RUNS times each, and keep each one's fastest run: the machine is shared, and the
  // minimum is the measurement least disturbed by other work.
  const runsA: ReturnType<typeof timed>[] = [];
  const runsB: ReturnType<typeof timed>[] = [];
  for (let i = 0; i < RUNS; i++) {
    runsA.push(timed(ours.args));
    runsB.push(timed(base.args));
  }
  const a = best(runsA);
  const b = best(runsB);
  if (a.status !== 0 || a.lines.length < pages.length) {
    console.log(
      `warning: ${ours.name} exited ${a.status} with ${a.lines.length}/${pages.length} lines\n${a.stderr.slice(0, 2000)}`,
    );
  }
  const sa = scoreAeb(pages, bodies(a.lines));
  const sb = scoreAeb(pages, bodies(b.lines));
  const pps = (ms: number) => (pages.length / ms) * 1000;
  const mb = (x: number | null) => (x == null ? 'n/a' : `${x.toFixed(0)} MB`);
  console.log(
    `AEB, ${pages.length} pages, one process each, process start included; fastest of ${RUNS} alternating runs`,
  );
  const cpu = (x: number | null) =>
    x == null ? 'n/a' : `${(x / 1000).toFixed(2)} s CPU, ${pps(x).toFixed(1)} pages/CPU-s`;
  console.log(
    `  ${ours.name.padEnd(28)} F1 ${sa.f1.toFixed(3)} (P ${sa.p.toFixed(3)} R ${sa.r.toFixed(3)})  wall ${(a.ms / 1000).toFixed(2)} s, ${pps(a.ms).toFixed(1)} pages/s; ${cpu(a.cpuMs)}; peak ${mb(a.rssMb)}`,
  );
  console.log(
    `  ${base.name.padEnd(28)} F1 ${sb.f1.toFixed(3)} (P ${sb.p.toFixed(3)} R ${sb.r.toFixed(3)})  wall ${(b.ms / 1000).toFixed(2)} s, ${pps(b.ms).toFixed(1)} pages/s; ${cpu(b.cpuMs)}; peak ${mb(b.rssMb)}`,
  );
  // CPU time is the fair clock on a shared machine (both are single-threaded); wall time is printed too.
  const cpuRatio = a.cpuMs && b.cpuMs ? `, CPU-time ratio ${(b.cpuMs / a.cpuMs).toFixed(2)}x` : '';
  console.log(
    `  speed: wall-clock ratio ${(b.ms / a.ms).toFixed(2)}x${cpuRatio}   (bars: F1 >= 0.970, ratio >= 3, peak <= 300 MB)`,
  );

  const rm = readabilityMeta(root);
  console.log(`Readability test pages: title ${fmt(rm.title)}  byline ${fmt(rm.byline)}  date ${fmt(rm.date)}`);
  console.log(
    `  page kind on pages marked not readerable: ${fmt(rm.kind)} called not article (readerable ones called article: ${fmt(rm.kindReaderable)})`,
  );
  const wm = wcxbMeta(root);
  wm.halves.forEach((h, k) =>
    console.log(`  ${k ? 'odd (check) ' : 'even (tune) '} half: title ${fmt(h.title)}  publication day ${fmt(h.date)}`),
  );
  console.log(
    `WCXB dev articles: title ${fmt(wm.title)}  author ${fmt(wm.author)}  publication day ${fmt(wm.date)}   (bars: title, day >= 90%)`,
  );
}

main();
