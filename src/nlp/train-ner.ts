/** Reading Universal NER IOB2 files and training the NER perceptron (seeded). */
import type { Gazetteer } from './gazetteer.js';
import { lexOf } from './lex.js';
import { MAX_NER_FEATS, allowed, capsBucket, nerFeats, nerInput, type NerMeta } from './ner.js';
import { Trainer } from './perceptron.js';
import { rng, shuffle } from './rng.js';

/** One NER sentence: id, words and IOB2 tags. */
export interface NerSentence {
  id: string;
  words: string[];
  tags: string[];
}

/** The label set; O first. */
export const NER_CLASSES = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'];

/** Parse a UNER .iob2 file; OTH and the stray B-O of the draft train file become O. */
export function readIob2(text: string): NerSentence[] {
  const out: NerSentence[] = [];
  let cur: NerSentence = { id: '', words: [], tags: [] };
  for (const line of text.split('\n')) {
    if (line.startsWith('# sent_id = ')) cur.id = line.slice(12).trim();
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (cur.words.length) out.push(cur);
      cur = { id: '', words: [], tags: [] };
      continue;
    }
    const c = line.split('\t');
    let tag = c[2] ?? 'O';
    if (!NER_CLASSES.includes(tag)) tag = 'O';
    cur.words.push(c[1]);
    cur.tags.push(tag);
  }
  if (cur.words.length) out.push(cur);
  // A draft I- without a matching B- is kept as the start of a span (repaired to B-).
  for (const s of out)
    for (let i = 0; i < s.tags.length; i++)
      if (s.tags[i].startsWith('I-') && (i === 0 || s.tags[i - 1].slice(2) !== s.tags[i].slice(2)))
        s.tags[i] = 'B-' + s.tags[i].slice(2);
  return out;
}

/** Words seen fewer times than this (away from the sentence start) get no capitalisation prior. */
const CAPS_MIN_COUNT = 3;

/** Capitalisation prior of each lowercased word from running text (sentences of word forms). */
export function capsPrior(sents: string[][]): Record<string, string> {
  const counts = new Map<string, [number, number]>();
  for (const words of sents)
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (!/\p{L}/u.test(w)) continue;
      const l = w.toLowerCase();
      let c = counts.get(l);
      if (!c) counts.set(l, (c = [0, 0]));
      c[0]++;
      if (w !== l && w[0] !== l[0]) c[1]++;
    }
  const out: Record<string, string> = {};
  for (const [w, [n, cap]] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (n >= CAPS_MIN_COUNT) out[w] = capsBucket(cap / n);
  return out;
}

/** Train the NER model given sentences and their (predicted) POS tag classes. */
export function trainNer(
  sents: NerSentence[],
  tagsOf: Int32Array[],
  ambs: Uint32Array[],
  gz: Gazetteer,
  iters: number,
  seed: number,
  caps: Record<string, string>,
  log = console.error,
  onEpoch?: (model: Trainer, meta: NerMeta, it: number) => void,
): { model: Trainer; meta: NerMeta } {
  const meta: NerMeta = { classes: NER_CLASSES, caps };
  const cix = new Map(NER_CLASSES.map((c, i) => [c, i]));
  const data = sents.map((s, i) => ({
    x: nerInput(lexOf(s.words), tagsOf[i], ambs[i], gz, caps),
    gold: s.tags.map((t) => cix.get(t)!),
  }));
  const model = new Trainer(NER_CLASSES.length, 1 << 18);
  const buf = new Uint32Array(MAX_NER_FEATS);
  const scores = new Float32Array(NER_CLASSES.length);
  const rand = rng(seed);
  for (let it = 0; it < iters; it++) {
    let correct = 0;
    let total = 0;
    for (const d of shuffle(data.slice(), rand)) {
      let p1 = -1;
      let p2 = -2;
      for (let i = 0; i < d.x.lx.n; i++) {
        const k = nerFeats(d.x, i, p1, p2, buf);
        model.score(buf, k, scores);
        let guess = 0;
        for (let c = 1; c < scores.length; c++) if (scores[c] > scores[guess] && allowed(NER_CLASSES, p1, c)) guess = c;
        model.update(buf, k, d.gold[i], guess);
        model.tick();
        if (guess === d.gold[i]) correct++;
        total++;
        p2 = p1;
        p1 = guess;
      }
    }
    onEpoch?.(model, meta, it);
    log(`ner iter ${it + 1}: train acc ${((100 * correct) / total).toFixed(2)} features ${model.size}`);
  }
  return { model, meta };
}
