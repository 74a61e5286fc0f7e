/** Training of the POS tagger (averaged perceptron, shuffled epochs, seeded). */
import type { ConlluSentence } from './conllu.js';
import { lexOf, normWord } from './lex.js';
import { Trainer, argmax } from './perceptron.js';
import { rng, shuffle } from './rng.js';
import { ambOf, MAX_TAG_FEATS, tagFeats, type TaggerMeta } from './tagger.js';

/** A tag must make up at least this share of a word's tokens to enter its ambiguity class. */
const AMB_MIN_SHARE = 0.02;
/**
 * Words seen fewer times than this get no ambiguity class, so training sees the
 * "unknown" class as often as test data does (dev: 2 → best of 1..4).
 */
const AMB_MIN_COUNT = 3;
/**
 * Words seen at least this often with one tag at least this share of the time
 * are tagged by lookup (Honnibal's trick): ~45% fewer tokens scored, EWT test
 * UPOS unchanged (see docs/models.md).
 */
const FIXED_MIN_COUNT = 20;
const FIXED_MIN_SHARE = 0.995;

/** Train the tagger; returns weights and metadata. */
export function trainTagger(
  sents: ConlluSentence[],
  iters: number,
  seed: number,
  log = console.error,
  onEpoch?: (model: Trainer, meta: TaggerMeta, it: number) => void,
): { model: Trainer; meta: TaggerMeta } {
  const classCount = new Map<string, number>();
  for (const s of sents)
    for (const w of s.words) classCount.set(w.upos + '|' + w.xpos, (classCount.get(w.upos + '|' + w.xpos) ?? 0) + 1);
  const classes = [...classCount.keys()].sort();
  const cix = new Map(classes.map((c, i) => [c, i]));
  const wordTags = new Map<string, Map<number, number>>();
  for (const s of sents)
    for (const w of s.words) {
      const nw = normWord(w.form);
      let m = wordTags.get(nw);
      if (!m) wordTags.set(nw, (m = new Map()));
      const c = cix.get(w.upos + '|' + w.xpos)!;
      m.set(c, (m.get(c) ?? 0) + 1);
    }
  const amb: Record<string, string> = {};
  for (const [w, m] of [...wordTags].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let total = 0;
    for (const c of m.values()) total += c;
    if (total < AMB_MIN_COUNT) continue;
    const tags = [...m]
      .filter(([, c]) => c / total >= AMB_MIN_SHARE)
      .map(([t]) => t)
      .sort((a, b) => a - b);
    amb[w] = tags.join(',');
  }
  const fixed: Record<string, number> = {};
  for (const [w, m] of [...wordTags].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let total = 0;
    let best = -1;
    let bc = 0;
    for (const [t, c] of m) {
      total += c;
      if (c > bc) [best, bc] = [t, c];
    }
    if (total >= FIXED_MIN_COUNT && bc / total >= FIXED_MIN_SHARE) fixed[w] = best;
  }
  const meta: TaggerMeta = { classes, amb, fixed };
  const data = sents.map((s) => {
    const forms = s.words.map((w) => w.form);
    const lx = lexOf(forms);
    return { lx, am: ambOf(meta, forms.map(normWord)), gold: s.words.map((w) => cix.get(w.upos + '|' + w.xpos)!) };
  });
  const model = new Trainer(classes.length, 1 << 18);
  const buf = new Uint32Array(MAX_TAG_FEATS);
  const scores = new Float32Array(classes.length);
  const rand = rng(seed);
  for (let it = 0; it < iters; it++) {
    let correct = 0;
    let total = 0;
    for (const d of shuffle(data.slice(), rand)) {
      let p1 = -1;
      let p2 = -2;
      for (let i = 0; i < d.lx.n; i++) {
        const k = tagFeats(d.lx, d.am, i, p1, p2, buf);
        model.score(buf, k, scores);
        const guess = argmax(scores);
        model.update(buf, k, d.gold[i], guess);
        model.tick();
        if (guess === d.gold[i]) correct++;
        total++;
        p2 = p1;
        p1 = guess;
      }
    }
    log(`tagger iter ${it + 1}: train acc ${((100 * correct) / total).toFixed(2)} features ${model.size}`);
    onEpoch?.(model, meta, it);
  }
  return { model, meta };
}
