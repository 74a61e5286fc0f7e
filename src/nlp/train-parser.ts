/** Training of the dependency parser with a dynamic oracle (seeded shuffles and exploration). */
import type { ConlluSentence } from './conllu.js';
import { lexOf } from './lex.js';
import { Trainer } from './perceptron.js';
import { runParser, type ParserMeta } from './parser.js';
import { rng, shuffle } from './rng.js';

/** Probability of following a wrong predicted transition after the first epoch (Goldberg & Nivre 2012). */
const EXPLORE = 0.9;

/** Train the parser on sentences with (predicted) tag classes. */
export function trainParser(
  sents: ConlluSentence[],
  tagsOf: Int32Array[],
  iters: number,
  seed: number,
  log = console.error,
  onEpoch?: (m: { trans: Trainer; label: Trainer; meta: ParserMeta }, it: number) => void,
  ambs?: Uint32Array[],
): { trans: Trainer; label: Trainer; meta: ParserMeta } {
  const labels = [...new Set(sents.flatMap((s) => s.words.map((w) => w.deprel)))].sort();
  const lix = new Map(labels.map((l, i) => [l, i]));
  const data = sents.map((s, i) => {
    const n = s.words.length;
    const gh = new Int32Array(n + 1).fill(-1);
    const gl = new Int32Array(n + 1).fill(0);
    s.words.forEach((w, j) => {
      gh[j] = w.head < 0 ? n : w.head;
      gl[j] = lix.get(w.deprel)!;
    });
    const lx = lexOf(s.words.map((w) => w.form));
    if (ambs) lx.amb = ambs[i];
    return { lx, tags: tagsOf[i], gh, gl };
  });
  const trans = new Trainer(3, 1 << 20);
  const label = new Trainer(labels.length, 1 << 18);
  const rand = rng(seed);
  for (let it = 0; it < iters; it++) {
    const stats = { correct: 0, total: 0 };
    let uas = 0;
    let words = 0;
    for (const d of shuffle(data.slice(), rand)) {
      const st = runParser({ trans, label }, d.lx, d.tags, {
        goldHead: d.gh,
        goldLabel: d.gl,
        trans,
        label,
        explore: it === 0 ? 0 : EXPLORE,
        rand,
        stats,
      });
      for (let j = 0; j < d.lx.n; j++) if (st.head[j] === d.gh[j]) uas++;
      words += d.lx.n;
    }
    onEpoch?.({ trans, label, meta: { labels } }, it);
    log(
      `parser iter ${it + 1}: oracle-agreement ${((100 * stats.correct) / stats.total).toFixed(2)} train UAS ${((100 * uas) / words).toFixed(2)} features ${trans.size}/${label.size}`,
    );
  }
  return { trans, label, meta: { labels } };
}
