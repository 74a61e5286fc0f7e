/**
 * `npm run bench:nlp`: tokens per second of tag + parse + NER on EWT test, one core, beside a baseline measured in
 * the same run: wink-nlp's POS tagger on the same text. The bar's figure is the steady state (`oursSteady`: models
 * loaded and warmed, CPU time of annotate() — tag, lemma, parse, NER — per token, as an ingest worker sees it), next
 * to wink's steady state (`baselineSteady`: CPU time of readDoc + POS with its model loaded). Also with process
 * start included: `node bin/dateline.js parse --conllu` against wink's whole script. Medians of several runs; the
 * 1-minute load average before and after (the machine is shared: read a figure only beside its own baseline).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT, sharedRoot } from '../doc/resources.js';

const RUNS = 5;

/** Pin child processes to one CPU when `taskset` is available (the bar is tokens/s on one core). */
function pinned(cmd: string, args: string[]): [string, string[]] {
  const probe = spawnSync('taskset', ['-c', '0', 'true']);
  return probe.status === 0 ? ['taskset', ['-c', '0', cmd, ...args]] : [cmd, args];
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(cmd0: string, args0: string[], inputFile: string): number {
  const [cmd, args] = pinned(cmd0, args0);
  const input = readFileSync(inputFile);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    input,
    cwd: PACKAGE_ROOT,
    maxBuffer: 1 << 30,
    env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString().slice(0, 500)}`);
  return ms;
}

/**
 * Steady state, as in an ingest worker: models loaded and warmed on a few sentences first, then the CPU time
 * of annotating every sentence (stdin: one sentence a line, words split by tabs). Prints words and CPU ms.
 */
const STEADY_SCRIPT = `
const fs = require('fs');
import(process.argv[1]).then(({ annotate }) => {
  const sents = fs.readFileSync(0, 'utf8').split('\\n').filter(Boolean).map((l) => l.split('\\t'));
  for (const s of sents.slice(0, 200)) annotate(s);
  const clock = { tag: 0, parse: 0, ner: 0 };
  const c0 = process.cpuUsage();
  let words = 0;
  for (const s of sents) words += annotate(s, clock).upos.length;
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ words, cpuMs: (c.user + c.system) / 1000, clock }));
});
`;

type Clock = { tag: number; parse: number; ner: number };

/** One steady-state run of a script (stdin = `input`): words, CPU ms and, for ours, the wall time per part. */
function steadyRun(script: string, arg: string, input: Buffer): { words: number; cpuMs: number; clock?: Clock } {
  const [cmd, args] = pinned(process.execPath, ['-e', script, arg]);
  const r = spawnSync(cmd, args, { input, cwd: PACKAGE_ROOT, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`steady-state run failed: ${r.stderr?.toString().slice(0, 500)}`);
  return JSON.parse(r.stdout.toString());
}

/** Tokens per CPU second from the median run, with the share of each part (ours only). */
function summarise(runs: { words: number; cpuMs: number; clock?: Clock }[]): Record<string, unknown> {
  const ms = median(runs.map((r) => r.cpuMs));
  const out: Record<string, unknown> = {
    cpuMs: Math.round(ms),
    tokensPerSec: Math.round(runs[0].words / (ms / 1000)),
  };
  const c = runs.find((r) => r.cpuMs === ms)?.clock;
  if (c) {
    const tot = c.tag + c.parse + c.ner;
    out.share = {
      tagAndLemma: +(c.tag / tot).toFixed(3),
      parse: +(c.parse / tot).toFixed(3),
      ner: +(c.ner / tot).toFixed(3),
    };
  }
  return out;
}

/**
 * wink-nlp's steady state: model loaded and warmed on the first 200 lines, then the CPU time of readDoc + POS of
 * every line (one sentence a line, the same sentences as ours). Prints words and CPU ms.
 */
const WINK_STEADY_SCRIPT = `
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const lines = fs.readFileSync(0, 'utf8').split('\\n').filter(Boolean);
for (const l of lines.slice(0, 200)) nlp.readDoc(l).tokens().out(nlp.its.pos);
const c0 = process.cpuUsage();
let words = 0;
for (const l of lines) words += nlp.readDoc(l).tokens().out(nlp.its.pos).length;
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ words, cpuMs: (c.user + c.system) / 1000 }));
`;

const WINK_SCRIPT = `
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const text = fs.readFileSync(0, 'utf8');
const doc = nlp.readDoc(text);
const pos = doc.tokens().out(nlp.its.pos);
process.stdout.write(String(pos.length));
`;

/** The word forms of each sentence of a CoNLL-U text, joined by tabs (multiword-token ranges left out). */
function sentencesOf(conllu: string): string[] {
  return conllu
    .split(/\n\s*\n/)
    .map((b) =>
      b
        .split('\n')
        .filter((l) => /^\d+\t/.test(l))
        .map((l) => l.split('\t')[1])
        .join('\t'),
    )
    .filter(Boolean);
}

function main(): void {
  const root = sharedRoot();
  if (!root) {
    console.log('bench:nlp skipped: ../shared not found');
    return;
  }
  const src = readFileSync(join(root, 'data', 'nlp', 'ud-english-ewt', 'en_ewt-ud-test.conllu'), 'utf8');
  // Keep only ID and FORM (and comments), so the run has to fill everything itself.
  let words = 0;
  const stripped = src
    .split('\n')
    .map((l) => {
      if (!l || l.startsWith('#')) return l;
      const c = l.split('\t');
      if (/^\d+$/.test(c[0])) words++;
      return [c[0], c[1], '_', '_', '_', '_', '_', '_', '_', '_'].join('\t');
    })
    .join('\n');
  const text = src
    .split('\n')
    .filter((l) => l.startsWith('# text = '))
    .map((l) => l.slice(9))
    .join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'nlp-bench-'));
  const conllu = join(dir, 'in.conllu');
  const raw = join(dir, 'in.txt');
  writeFileSync(conllu, stripped);
  writeFileSync(raw, text);
  const sentFile = join(dir, 'sentences.tsv');
  writeFileSync(sentFile, sentencesOf(src).join('\n') + '\n');
  const load0 = loadavg()[0];
  const ours: number[] = [];
  const wink: number[] = [];
  let winkOk = true;
  for (let i = 0; i < RUNS; i++) {
    ours.push(time(process.execPath, ['bin/dateline.js', 'parse', '--conllu'], conllu));
    if (winkOk) {
      try {
        wink.push(time(process.execPath, ['-e', WINK_SCRIPT], raw));
      } catch {
        winkOk = false;
      }
    }
  }
  const o = median(ours);
  // Steady states, ours and wink's interleaved so a change of load hits both alike.
  const mod = join(PACKAGE_ROOT, 'dist', 'nlp', 'annotate.js');
  const sentInput = readFileSync(sentFile);
  const lineInput = Buffer.from(
    sentencesOf(src)
      .map((l) => l.split('\t').join(' '))
      .join('\n') + '\n',
  );
  const st: { words: number; cpuMs: number; clock?: Clock }[] = [];
  const wst: { words: number; cpuMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    st.push(steadyRun(STEADY_SCRIPT, mod, sentInput));
    if (winkOk) wst.push(steadyRun(WINK_STEADY_SCRIPT, '', lineInput));
  }
  const steadyOurs = summarise(st);
  const report: Record<string, unknown> = {
    input: `EWT test, ${words} words`,
    runs: RUNS,
    pinnedToOneCpu: spawnSync('taskset', ['-c', '0', 'true']).status === 0,
    loadAverage1m: { before: +load0.toFixed(2), after: +loadavg()[0].toFixed(2) },
    bar: {
      what: 'oursSteady.tokensPerSec ≥ 60,000 (tag + lemma + parse + NER, one core, CPU time)',
      met: (steadyOurs.tokensPerSec as number) >= 60000,
    },
    oursSteady: {
      what: 'annotate() in process, models loaded and warmed (as in an ingest worker), CPU time, one core',
      ...steadyOurs,
    },
    ours: {
      what: 'dateline parse --conllu (tag+lemma+parse+NER, process start included)',
      medianMs: Math.round(o),
      tokensPerSec: Math.round(words / (o / 1000)),
    },
  };
  if (wst.length)
    report.baselineSteady = {
      what: 'wink-nlp + wink-eng-lite-web-model readDoc + POS per sentence, model loaded and warmed, CPU time, one core',
      ...summarise(wst),
    };
  if (winkOk && wink.length) {
    const w = median(wink);
    report.baseline = {
      what: 'wink-nlp + wink-eng-lite-web-model POS tagging of the same text (process start included)',
      medianMs: Math.round(w),
      tokensPerSec: Math.round(words / (w / 1000)),
    };
  } else report.baseline = 'wink-nlp not installed';
  console.log(JSON.stringify(report, null, 2));
}

main();
