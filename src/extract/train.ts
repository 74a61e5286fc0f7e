/**
 * `npm run train:extract`: fits the title ranker (title.ts) and writes data/extract/title-ranker.json and
 * data/extract/manifest.json. Pages: the Readability test pages (Apache-2.0) and WCXB dev articles
 * (CC-BY-4.0) that have a title label (AEB has none). Fitted on the train split, the L2 strength chosen
 * on dev (split.ts); test is not read. Listwise: a softmax over each page's candidates, the target spread
 * over the candidates that equal the label. Full-batch gradient descent from zero weights, fixed steps:
 * deterministic. Skips cleanly without ../shared.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_ROOT } from '../doc/index.js';
import { parseHtml } from './dom.js';
import { decodeBytes } from './decode.js';
import { extractionRoot } from './evalsets.js';
import { loadEvalPages } from './evalpages.js';
import { dateRankingOf, titleRankingOf } from './meta.js';
import { dateFeatures, DATE_FEATURES } from './pubdate.js';
import { normExact, scoreVectors, titleFeatures, TITLE_FEATURES, type TitleModel } from './title.js';
import type { Split } from './split.js';

/** One page's candidates as feature vectors, with which of them are right. */
interface Group {
  split: Split;
  id: string;
  gold: string;
  cands: { text: string; sources: string[] }[];
  xs: number[][];
  ys: number[];
}

/** Title and date groups of every labelled train/dev page (test is never read). */
function groups(root: string): { titles: Group[]; dates: Group[] } {
  const titles: Group[] = [];
  const dates: Group[] = [];
  for (const p of loadEvalPages(root)) {
    if (p.split === 'test' || (!p.gold.title && !p.gold.date)) continue;
    const dec = decodeBytes(p.bytes(), null);
    if (!dec.ok) continue;
    const base = { split: p.split, id: `${p.set}/${p.id}` };
    if (p.gold.title) {
      const { candidates, ctx } = titleRankingOf(parseHtml(dec.text), p.url);
      const want = normExact(p.gold.title);
      titles.push({
        ...base,
        gold: p.gold.title,
        cands: candidates.map((c) => ({ text: c.text, sources: [...c.sources] })),
        xs: titleFeatures(candidates, ctx),
        ys: candidates.map((c) => (c.key === want ? 1 : 0)),
      });
    }
    if (p.gold.date) {
      const want = p.gold.date;
      const { candidates, ctx } = dateRankingOf(parseHtml(dec.text), p.url, dec.text);
      dates.push({
        ...base,
        gold: want,
        cands: candidates.map((c) => ({ text: c.value, sources: [...c.sources] })),
        xs: dateFeatures(candidates, ctx),
        ys: candidates.map((c) => (c.value.slice(0, want.length) === want ? 1 : 0)),
      });
    }
  }
  return { titles, dates };
}

function standardise(gs: Group[], d: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(d).fill(0);
  const sq = new Array<number>(d).fill(0);
  let n = 0;
  for (const g of gs)
    for (const x of g.xs) {
      n++;
      for (let k = 0; k < d; k++) {
        mean[k] += x[k];
        sq[k] += x[k] * x[k];
      }
    }
  const scale = mean.map((s, k) => {
    const m = s / Math.max(1, n);
    const v = sq[k] / Math.max(1, n) - m * m;
    return v > 1e-9 ? Math.sqrt(v) : 1;
  });
  return { mean: mean.map((s) => s / Math.max(1, n)), scale };
}

const STEPS = 600;
const RATE = 0.5;

/** Listwise softmax regression with L2 (bias unpenalised). */
function fit(gs: Group[], lambda: number, mean: number[], scale: number[], bias: number): number[] {
  const d = mean.length;
  const w = new Array<number>(d).fill(0);
  const zs = gs
    .filter((g) => g.ys.some((y) => y))
    .map((g) => ({ zx: g.xs.map((x) => x.map((v, k) => (v - mean[k]) / scale[k])), ys: g.ys }));
  for (let step = 0; step < STEPS; step++) {
    const grad = new Array<number>(d).fill(0);
    for (const { zx, ys } of zs) {
      const s = zx.map((x) => x.reduce((a, v, k) => a + w[k] * v, 0));
      const mx = Math.max(...s);
      const e = s.map((v) => Math.exp(v - mx));
      const Z = e.reduce((a, b) => a + b, 0);
      const pos = ys.reduce((a, b) => a + b, 0);
      for (let i = 0; i < zx.length; i++) {
        const g = e[i] / Z - ys[i] / pos;
        if (g === 0) continue;
        for (let k = 0; k < d; k++) grad[k] += g * zx[i][k];
      }
    }
    for (let k = 0; k < d; k++) w[k] -= RATE * (grad[k] / zs.length + (k === bias ? 0 : lambda * w[k]));
  }
  return w;
}

/** Share of pages whose top-scored candidate is right (pages with no right candidate count as misses). */
function accuracy(gs: Group[], m: TitleModel): [number, number] {
  let ok = 0;
  for (const g of gs) {
    if (!g.xs.length) continue;
    const s = scoreVectors(g.xs, m);
    let best = 0;
    for (let i = 1; i < s.length; i++) if (s[i] > s[best]) best = i;
    if (g.ys[best]) ok++;
  }
  return [ok, gs.length];
}

const LAMBDAS = [0.3, 0.1, 0.03, 0.01, 0.003, 0.001];

/** Fit one ranker: standardise on train, choose lambda on dev; print dev misses with -v. */
function trainRanker(
  name: string,
  version: string,
  features: readonly string[],
  gs: Group[],
): TitleModel & { lambda: number; dev: [number, number]; train: number } {
  const train = gs.filter((g) => g.split === 'train');
  const dev = gs.filter((g) => g.split === 'dev');
  const { mean, scale } = standardise(train, features.length);
  const reach = (s: Group[]) => s.filter((g) => g.ys.some((y) => y)).length;
  console.log(
    `${name} pages: train ${train.length} (a right candidate on ${reach(train)}), dev ${dev.length} (${reach(dev)})`,
  );
  let best: { lambda: number; model: TitleModel; dev: [number, number] } | null = null;
  for (const lambda of LAMBDAS) {
    const model: TitleModel = {
      version,
      features: [...features],
      mean,
      scale,
      weights: fit(train, lambda, mean, scale, features.indexOf('bias')),
    };
    const a = accuracy(dev, model);
    const t = accuracy(train, model);
    console.log(`  lambda ${lambda}: train ${t[0]}/${t[1]}  dev ${a[0]}/${a[1]}`);
    if (!best || a[0] > best.dev[0]) best = { lambda, model, dev: a };
  }
  const model = best!.model;
  if (process.argv.includes('-v'))
    for (const g of dev) {
      const s = scoreVectors(g.xs, model);
      let b = 0;
      for (let i = 1; i < s.length; i++) if (s[i] > s[b]) b = i;
      if (g.ys[b]) continue;
      console.log(`miss ${g.id}: gold ${g.gold}`);
      g.cands.forEach((c, i) =>
        console.log(
          `   ${g.ys[i] ? '*' : ' '}${i === b ? '>' : ' '} ${s[i].toFixed(2)} ${c.text} [${c.sources.join(' ')}]`,
        ),
      );
    }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    ...model,
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    weights: model.weights.map(round),
    lambda: best!.lambda,
    dev: best!.dev,
    train: train.length,
  };
}

function write(dir: string, file: string, model: object): { file: string; sha256: string; bytes: number } {
  const body = JSON.stringify(model, null, 1) + '\n';
  writeFileSync(join(dir, file), body);
  return { file, sha256: createHash('sha256').update(body).digest('hex'), bytes: Buffer.byteLength(body) };
}

function main(): void {
  const root = extractionRoot();
  if (!root) {
    console.log('train:extract: no ../shared/data/extraction, skipping (the committed models stay)');
    return;
  }
  const { titles, dates } = groups(root);
  const t = trainRanker('title', 'title-ranker.v1', TITLE_FEATURES, titles);
  const d = trainRanker('date', 'date-ranker.v1', DATE_FEATURES, dates);
  const dir = join(DATA_ROOT, 'extract');
  mkdirSync(dir, { recursive: true });
  const from = (m: typeof t, what: string) =>
    `train split of the Readability test pages and WCXB dev articles with a ${what} label (${m.train} pages); lambda ${m.lambda} chosen on dev (${m.dev[0]}/${m.dev[1]} right)`;
  const { dev: td, train: tn, ...tm } = t;
  const { dev: dd, train: dn, ...dm } = d;
  void tn;
  void dn;
  const files = [
    {
      ...write(dir, 'title-ranker.json', { ...tm, trainedOn: from(t, 'title') }),
      what: 'title ranker (src/extract/title.ts): feature names, standardisation, linear weights',
    },
    {
      ...write(dir, 'date-ranker.json', { ...dm, trainedOn: from(d, 'publication date') }),
      what: 'publication-date ranker (src/extract/pubdate.ts): feature names, standardisation, linear weights',
    },
  ];
  const manifest = {
    version: 'extract-data.v1',
    files,
    builtBy: 'src/extract/train.ts (npm run train:extract): deterministic (zero start, fixed full-batch steps)',
    source:
      'Fitted on the train split (sha1 of set/page, src/extract/split.ts) of the Mozilla Readability test pages (Apache-2.0) and the WCXB dev article pages (CC-BY-4.0); lambda chosen on the dev split; the test split is not read. The files hold only weights, no page text.',
    licence: 'MIT (dateline); trained from Apache-2.0 and CC-BY-4.0 data',
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote data/extract: title dev ${td[0]}/${td[1]}, date dev ${dd[0]}/${dd[1]}`);
}

main();
