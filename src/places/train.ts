/**
 * `npm run train:places`: train the recogniser and the ranker on the train split of ../shared/data/geo
 * (both sets, leaving GeoVirus' demonym candidates out of recognition as that set marks none), choose the
 * recognition threshold on dev, and write data/places/model.json. Deterministic (seeded SGD, sorted inputs).
 */
import { writeFileSync } from 'node:fs';
import { dataPath, type Doc } from '../doc/index.js';
import { gazetteer } from './gazetteer.js';
import { loadArticles, makeArticleDoc, splitOf, type Article } from './evaldata.js';
import { buildContext, km, lowerWords, recogniseFeatures, resolveFeatures } from './features.js';
import { fit, fitRanker, type Features } from './logistic.js';
import { candidates, type Candidate } from './recognise.js';
import { rank, type PlacesModel } from './resolve.js';
import { Tally } from './metrics.js';

const overlaps = (c: { start: number; end: number }, g: { start: number; end: number }): boolean =>
  Math.min(c.end, g.end) > Math.max(c.start, g.start);

interface Prepared {
  a: Article;
  doc: Doc;
  cands: Candidate[];
  rec: Features[];
}

function prepare(arts: Article[]): Prepared[] {
  const g = gazetteer();
  const mk = makeArticleDoc();
  return arts.map((a) => {
    const doc = mk(a);
    const cands = candidates(doc);
    const lower = lowerWords(doc);
    return { a, doc, cands, rec: cands.map((c) => recogniseFeatures(doc, g, c, lower)) };
  });
}

/** Resolution groups: for each kept candidate on a gold toponym, its readings; the gold-nearest within 161 km is right. */
function resolutionGroups(
  ps: Prepared[],
  keep: (p: Prepared, i: number) => boolean,
): { fs: Features[]; gold: number }[] {
  const g = gazetteer();
  const out: { fs: Features[]; gold: number }[] = [];
  for (const p of ps) {
    const kept = p.cands.filter((_, i) => keep(p, i));
    const ctx = buildContext(p.doc, g, kept);
    kept.forEach((c, i) => {
      const gold = p.a.gold.find((t) => overlaps(c, t));
      if (!gold) return;
      const d = c.hits.map((h) => km(g.entry(h.entry).lat, g.entry(h.entry).lon, gold.lat, gold.lon));
      const best = d.indexOf(Math.min(...d));
      if (d[best] > 161 || c.hits.length < 2) return;
      const between = (x: Candidate, y: Candidate): boolean => /^\s*,\s*$/.test(p.doc.text.slice(x.end, y.start));
      const near = {
        prev: i > 0 && between(kept[i - 1], c) ? kept[i - 1] : null,
        next: i + 1 < kept.length && between(c, kept[i + 1]) ? kept[i + 1] : null,
      };
      out.push({ fs: c.hits.map((h) => resolveFeatures(g, c, h.kind, g.entry(h.entry), ctx, near)), gold: best });
    });
  }
  return out;
}

function evaluate(ps: Prepared[], m: PlacesModel, ranker: 'model' | 'population'): Record<string, number> {
  const g = gazetteer();
  const t = new Tally();
  for (const p of ps) {
    const keptIdx = p.cands.map((_, i) => i).filter((i) => recProb(m, p.rec[i]) >= m.threshold);
    const kept = keptIdx.map((i) => p.cands[i]);
    const ranked = rank(p.doc, g, m, kept, ranker);
    t.add(
      kept.map((c, i) => ({ start: c.start, end: c.end, lat: ranked[i][0].entry.lat, lon: ranked[i][0].entry.lon })),
      p.a.gold,
    );
  }
  return t.report();
}

function recProb(m: PlacesModel, f: Features): number {
  let z = m.recognise.weights['bias'] ?? 0;
  for (const k in f) z += (m.recognise.weights[k] ?? 0) * f[k];
  return 1 / (1 + Math.exp(-z));
}

function main(): void {
  const arts = loadArticles();
  if (!arts) {
    process.stdout.write('train:places: ../shared/data/geo absent, nothing trained\n');
    return;
  }
  const bad = arts.flatMap((a) => a.gold.filter((t) => t.end > a.text.length || t.start >= t.end)).length;
  process.stderr.write(
    `articles ${arts.length}, gold toponyms ${arts.reduce((s, a) => s + a.gold.length, 0)}, bad offsets ${bad}\n`,
  );
  const train = prepare(arts.filter((a) => splitOf(a.id) === 'train'));
  const dev = prepare(arts.filter((a) => splitOf(a.id) === 'dev'));
  process.stderr.write(`train ${train.length} articles, dev ${dev.length}\n`);
  const opts = { epochs: 12, lr: 0.05, l2: 1e-4, seed: 15 };

  // GeoVirus marks no adjectival toponyms ("Syrian"), so its demonym candidates are left out rather than taught as negatives.
  const recData = train.flatMap((p) =>
    p.cands
      .map((c, i) => ({ c, f: p.rec[i], y: p.a.gold.some((t) => overlaps(c, t)) ? 1 : 0 }))
      .filter((x) => p.a.set === 'gwn' || !x.c.hits.some((h) => h.kind === 'demonym'))
      .map(({ f, y }) => ({ f, y })),
  );
  const recognise = fit(recData, opts);
  let m: PlacesModel = { version: 'places.lr.v1', recognise, resolve: { weights: {} }, threshold: 0.5 };
  const resolve = fitRanker(
    resolutionGroups(train, (p, i) => recProb(m, p.rec[i]) >= 0.5),
    { epochs: 30, lr: 0.05, l2: 1e-4, seed: 15 },
  );
  m = { ...m, resolve };
  // The recognition threshold that maximises recognition F1 on dev.
  let best = { th: 0.5, score: -1 };
  for (const th of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    const r = evaluate(dev, { ...m, threshold: th }, 'model');
    process.stderr.write(`dev th=${th}: ${JSON.stringify(r)}\n`);
    const s = r.f1;
    if (s > best.score) best = { th, score: s };
  }
  m = { ...m, threshold: best.th };
  process.stderr.write(`dev model:      ${JSON.stringify(evaluate(dev, m, 'model'))}\n`);
  process.stderr.write(`dev population: ${JSON.stringify(evaluate(dev, m, 'population'))}\n`);
  writeFileSync(dataPath('places', 'model.json'), JSON.stringify(m, null, 1) + '\n');
  process.stdout.write(`train:places: wrote data/places/model.json (threshold ${m.threshold})\n`);
}

main();
