/**
 * `npm run bench:events`: sentences per second from raw sentences through
 * nlp + actors + events, timed as `node bin/dateline.js events --sentences FILE`
 * (process start included) and in-process, beside a naive keyword-matching
 * baseline measured in the same run on the same sentences.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT, sharedRoot } from '../doc/resources.js';
import { loadGsr, loadPlv, loadPetrarch } from './evaldata.js';
import { lexicon } from './lexicon/index.js';
import { makePreprocessor } from './run.js';
import { eventsStage } from './index.js';

/** How many times the input list is repeated, so process start is a fair share of a realistic batch. */
const REPEAT = 3;

/** The baseline: a keyword matcher that reports a sentence's first lexicon verb or noun by surface form. */
function keywordBaseline(sentences: string[]): number {
  const words = new Map<string, string>();
  for (const e of lexicon().all) if (!e.block && e.words.length === 1) words.set(e.words[0], e.type);
  let events = 0;
  for (const s of sentences) {
    for (const w of s.toLowerCase().split(/[^a-z-]+/)) {
      const base = words.get(w) ?? words.get(w.replace(/(ed|es|s|ing)$/, '')) ?? words.get(w.replace(/(d|s)$/, ''));
      if (base) {
        events++;
        break;
      }
    }
  }
  return events;
}

function main(): void {
  if (!sharedRoot()) {
    console.log('bench:events: no ../shared, skipped');
    return;
  }
  const base = [...loadPlv().map((r) => r.text), ...loadGsr().map((r) => r.text), ...loadPetrarch().map((r) => r.text)];
  const uniq = [...new Set(base)];
  const sentences: string[] = [];
  for (let k = 0; k < REPEAT; k++) sentences.push(...uniq);
  console.log(`bench:events — ${sentences.length} sentences (${uniq.length} distinct × ${REPEAT})`);

  const t0 = performance.now();
  const n0 = keywordBaseline(sentences);
  const tb = performance.now() - t0;
  console.log(
    `  baseline keyword matcher (in-process): ${((sentences.length * 1000) / tb).toFixed(0)} sentences/s, ${n0} sentences flagged`,
  );

  const pre = makePreprocessor();
  const stage = eventsStage();
  stage.run(pre('Warm-up: France and Russia agreed to share intelligence.'));
  let preMs = 0;
  let evMs = 0;
  let events = 0;
  const c0 = process.cpuUsage();
  for (const s of sentences) {
    const t0 = performance.now();
    const doc = pre(s, '2015-11-26');
    const t1 = performance.now();
    stage.run(doc);
    evMs += performance.now() - t1;
    preMs += t1 - t0;
    events += doc.layers.events?.length ?? 0;
  }
  const cu = process.cpuUsage(c0);
  const cpuS = (cu.user + cu.system) / 1e6;
  const rate = (ms: number): string => ((sentences.length * 1000) / ms).toFixed(0);
  console.log(
    `  dateline nlp+actors+events (in-process): ${rate(preMs + evMs)} sentences/s wall, ${(sentences.length / cpuS).toFixed(0)} per CPU-second, ${events} events`,
  );
  console.log(`    of which events stage alone: ${rate(evMs)} sentences/s (nlp+actors: ${rate(preMs)} sentences/s)`);
  console.log(
    `    load average at the time: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );

  const cli = join(PACKAGE_ROOT, 'bin', 'dateline.js');
  if (!existsSync(cli)) {
    console.log('  CLI not found; in-process figure only');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  const file = join(dir, 'sentences.jsonl');
  writeFileSync(
    file,
    sentences.map((text, k) => JSON.stringify({ id: `s${k}`, text, date: '2015-11-26' })).join('\n') + '\n',
  );
  const t2 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'events', '--jsonl', '--sentences', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const tc = performance.now() - t2;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) {
    console.log(`  CLI failed (${r.status}): ${r.stderr.slice(0, 300)}`);
    return;
  }
  const lines = r.stdout.split('\n').filter(Boolean).length;
  console.log(
    `  dateline events --sentences (process start included): ${((sentences.length * 1000) / tc).toFixed(0)} sentences/s, ${lines} events, ${(tc / 1000).toFixed(2)} s wall`,
  );
}

main();
