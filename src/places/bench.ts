/**
 * `npm run bench:places`: what the places stage adds to the pipeline's time per page. Over the articles of
 * ../shared/data/geo, run nlp → actors → quotes → events (the baseline, measured in the same run) and then the
 * places stage, timing each; report milliseconds per article and the share places adds, plus the one-off cost
 * of loading the gazetteer. Skips cleanly when ../shared is absent.
 */
import { performance } from 'node:perf_hooks';
import { createDoc } from '../doc/index.js';
import { nlpStage } from '../nlp/index.js';
import { actorsStage } from '../actors/index.js';
import { quotesStage } from '../quotes/index.js';
import { eventsStage } from '../events/index.js';
import { loadArticles } from './evaldata.js';
import { gazetteer } from './gazetteer.js';
import { placesStage } from './index.js';
import { placesModel } from './resolve.js';

function main(): void {
  const arts = loadArticles();
  if (!arts) {
    process.stdout.write('bench:places: skipped (../shared/data/geo absent)\n');
    return;
  }
  const t0 = performance.now();
  gazetteer();
  placesModel();
  const loadMs = performance.now() - t0;
  const base = [nlpStage(), actorsStage(), quotesStage(), eventsStage()];
  const places = placesStage();
  const rounds = Number(process.env.ROUNDS ?? 2);
  let baseMs = 0,
    placesMs = 0,
    n = 0,
    chars = 0;
  for (let r = 0; r < rounds; r++) {
    for (const a of arts) {
      const doc = createDoc(a.text);
      doc.layers.blocks = [];
      for (const m of a.text.matchAll(/[^\n]+/g))
        doc.layers.blocks.push({ start: m.index!, end: m.index! + m[0].length, kind: 'paragraph' });
      const s0 = performance.now();
      for (const s of base) s.run(doc);
      const s1 = performance.now();
      places.run(doc);
      const s2 = performance.now();
      if (r > 0 || rounds === 1) {
        baseMs += s1 - s0;
        placesMs += s2 - s1;
        n++;
        chars += a.text.length;
      }
    }
  }
  const r1 = (x: number): number => Math.round(x * 100) / 100;
  process.stdout.write(
    JSON.stringify({
      articles: n,
      charsPerArticle: Math.round(chars / n),
      pipelineMsPerArticle: r1(baseMs / n),
      placesMsPerArticle: r1(placesMs / n),
      placesShare: r1((100 * placesMs) / baseMs) + '%',
      gazetteerLoadMs: Math.round(loadMs),
    }) + '\n',
  );
}

main();
