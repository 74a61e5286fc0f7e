/**
 * `npm run eval:places [-- --split dev|test|all]`: geoparsing on ../shared/data/geo (GeoWebNews, GeoVirus) —
 * recognition P/R/F1 by span overlap, accuracy within 161 km, AUC of the error curve and median error on the
 * recognised toponyms, end-to-end accuracy over all gold toponyms — for the learned ranker and, in the same run
 * over the same recognised spans, a population-only ranker. Dev by default; the test split is for reporting.
 * Writes the figures to stdout as JSON lines; skips cleanly when ../shared is absent.
 */
import { performance } from 'node:perf_hooks';
import { gazetteer } from './gazetteer.js';
import { loadArticles, makeArticleDoc, splitOf, type Article } from './evaldata.js';
import { Tally } from './metrics.js';
import { placesModel, rank, recognise } from './resolve.js';

function main(): void {
  const arg = process.argv.indexOf('--split');
  const split = arg > 0 ? process.argv[arg + 1] : 'dev';
  const arts = loadArticles();
  if (!arts) {
    process.stdout.write('eval:places: skipped (../shared/data/geo absent)\n');
    return;
  }
  const chosen = arts.filter((a) => split === 'all' || splitOf(a.id) === split);
  const g = gazetteer();
  const m = placesModel();
  const mk = makeArticleDoc();
  const tallies = new Map<string, Tally>();
  const tally = (k: string): Tally => tallies.get(k) ?? tallies.set(k, new Tally()).get(k)!;
  let ms = 0;
  for (const a of chosen) {
    const doc = mk(a);
    const t0 = performance.now();
    const kept = recognise(doc, g, m)
      .filter((r) => r.p >= m.threshold)
      .map((r) => r.cand);
    const byModel = rank(doc, g, m, kept, 'model');
    ms += performance.now() - t0;
    const byPop = rank(doc, g, m, kept, 'population');
    for (const [name, ranked] of [
      ['model', byModel],
      ['population', byPop],
    ] as const) {
      const pred = kept.map((c, i) => ({
        start: c.start,
        end: c.end,
        lat: ranked[i][0].entry.lat,
        lon: ranked[i][0].entry.lon,
      }));
      tally(`${name}\t${a.set}`).add(pred, a.gold);
      tally(`${name}\tpooled`).add(pred, a.gold);
    }
  }
  const sets = (s: Article['set']) => chosen.filter((a) => a.set === s).length;
  process.stdout.write(
    JSON.stringify({
      split,
      articles: chosen.length,
      gwn: sets('gwn'),
      geovirus: sets('geovirus'),
      model: m.version,
      msPerArticle: Math.round((ms / Math.max(1, chosen.length)) * 10) / 10,
    }) + '\n',
  );
  for (const [k, t] of [...tallies].sort()) {
    const [ranker, set] = k.split('\t');
    process.stdout.write(JSON.stringify({ ranker, set, ...t.report() }) + '\n');
  }
}

main();
