/**
 * Averaged-perceptron POS tagger: one greedy left-to-right pass predicting the
 * joint "UPOS|XPOS" tag from word, affix, shape, ambiguity-class and context features.
 */
import { f1, f2, f3, hashStr } from './hash.js';
import type { Lex } from './lex.js';
import { argmax, type Scorer } from './perceptron.js';

/** Tagger metadata stored beside the weights. */
export interface TaggerMeta {
  /** Joint tags "UPOS|XPOS", indexed by class. */
  classes: string[];
  /** Normalised word → its ambiguity class (sorted tag indices seen in training, joined by ","). */
  amb: Record<string, string>;
  /** Frequent words that (almost) always take one tag → that tag; tagged without scoring (speed). */
  fixed?: Record<string, number>;
}

const BOS = 0x5b05;
const EOS = 0xe05;
/** Maximum features per token (buffer size). */
export const MAX_TAG_FEATS = 40;

/** Ambiguity-class hashes for a sentence (unknown words get a shared key). */
export function ambOf(meta: TaggerMeta, words: string[]): Uint32Array {
  let memo = ambMemo.get(meta);
  if (!memo || memo.size > AMB_MEMO_MAX) ambMemo.set(meta, (memo = new Map()));
  const out = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    let h = memo.get(words[i]);
    if (h === undefined) memo.set(words[i], (h = ambHash(meta, words[i])));
    out[i] = h;
  }
  return out;
}

/** The hash of one word's ambiguity class (unmemoised). */
function ambHash(meta: TaggerMeta, word: string): number {
  // Own keys only: a word like "constructor" must not find Object.prototype's (the charCodeAt crash).
  return hashStr(Object.hasOwn(meta.amb, word) ? meta.amb[word] : '?');
}

/**
 * One word's fixed tag, or -1 when the model must decide. (`| 0` keeps what an Int32Array store made of an inherited
 * key such as "constructor": 0. Whether those words should be fixed at all is for a change of its own.)
 */
function fixedTag(meta: TaggerMeta, word: string): number {
  const t = meta.fixed?.[word];
  return t === undefined ? -1 : t | 0;
}

/** Words → hashes of their ambiguity classes, per model. */
const ambMemo = new WeakMap<TaggerMeta, Map<string, number>>();
/** Words kept in that memo before it is reset. */
const AMB_MEMO_MAX = 200000;

/** Per-token fixed tags for frequent unambiguous words (-1 when the model must decide). */
export function fixedOf(meta: TaggerMeta, words: string[]): Int32Array {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = fixedTag(meta, words[i]);
  return out;
}

/** Words → ambiguity-class hash × {@link FIXED_SPAN} + fixed tag + 1, per model (one lookup per token for both). */
const wordClassMemo = new WeakMap<TaggerMeta, Map<string, number>>();
/** Room for a fixed tag + 1 below the hash in that memo's values (exact: hash × span < 2^53). */
const FIXED_SPAN = 1 << 16;

/** {@link ambOf} and {@link fixedOf} together, from one memo keyed by the normalised word. */
export function ambAndFixedOf(meta: TaggerMeta, words: string[]): { amb: Uint32Array; fixed: Int32Array } {
  let memo = wordClassMemo.get(meta);
  if (!memo || memo.size > AMB_MEMO_MAX) wordClassMemo.set(meta, (memo = new Map()));
  const n = words.length;
  const amb = new Uint32Array(n);
  const fixed = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let v = memo.get(words[i]);
    if (v === undefined) memo.set(words[i], (v = ambHash(meta, words[i]) * FIXED_SPAN + fixedTag(meta, words[i]) + 1));
    const a = Math.floor(v / FIXED_SPAN);
    amb[i] = a;
    fixed[i] = v - a * FIXED_SPAN - 1;
  }
  return { amb, fixed };
}

/** Extract the features of token `i` given the two previous predicted tags; returns the count. */
export function tagFeats(lx: Lex, amb: Uint32Array, i: number, p1: number, p2: number, out: Uint32Array): number {
  const n = lx.n;
  const w = lx.lower;
  const wm1 = i > 0 ? w[i - 1] : BOS;
  const wm2 = i > 1 ? w[i - 2] : BOS;
  const wp1 = i + 1 < n ? w[i + 1] : EOS;
  const wp2 = i + 2 < n ? w[i + 2] : EOS;
  const am1 = i > 0 ? amb[i - 1] : BOS;
  const ap1 = i + 1 < n ? amb[i + 1] : EOS;
  const ap2 = i + 2 < n ? amb[i + 2] : EOS;
  const s3p1 = i + 1 < n ? lx.suf3[i + 1] : EOS;
  const s3m1 = i > 0 ? lx.suf3[i - 1] : BOS;
  const shp1 = i + 1 < n ? lx.shape[i + 1] : EOS;
  let k = 0;
  out[k++] = f1(1, 1);
  out[k++] = f1(2, w[i]);
  out[k++] = f1(3, lx.cased[i]);
  out[k++] = f1(4, lx.suf1[i]);
  out[k++] = f1(5, lx.suf2[i]);
  out[k++] = f1(6, lx.suf3[i]);
  out[k++] = f1(7, lx.suf4[i]);
  out[k++] = f1(8, lx.pre1[i]);
  out[k++] = f1(9, lx.pre2[i]);
  out[k++] = f1(10, lx.pre3[i]);
  out[k++] = f1(11, lx.shape[i]);
  out[k++] = f1(12, lx.flags[i]);
  out[k++] = f1(13, wm1);
  out[k++] = f1(14, wm2);
  out[k++] = f1(15, wp1);
  out[k++] = f1(16, wp2);
  out[k++] = f1(17, p1);
  out[k++] = f2(18, p1, p2);
  out[k++] = f2(19, p1, w[i]);
  out[k++] = f2(20, w[i], wp1);
  out[k++] = f2(21, wm1, w[i]);
  out[k++] = f1(22, amb[i]);
  out[k++] = f1(23, am1);
  out[k++] = f1(24, ap1);
  out[k++] = f1(25, ap2);
  out[k++] = f2(26, amb[i], ap1);
  out[k++] = f2(27, p1, amb[i]);
  out[k++] = f3(28, p1, amb[i], ap1);
  out[k++] = f1(29, s3p1);
  out[k++] = f1(30, s3m1);
  out[k++] = f2(31, lx.shape[i], shp1);
  out[k++] = f2(32, p1, lx.suf3[i]);
  out[k++] = f2(33, amb[i], lx.flags[i]);
  out[k++] = f2(34, wm1, wp1);
  out[k++] = f2(35, w[i], wp2);
  return k;
}

/** The features of token `i` that depend on its word alone (and whether it is first): a subset of {@link tagFeats}. */
function wordFeats(lx: Lex, amb: Uint32Array, i: number, out: Uint32Array): number {
  let k = 0;
  out[k++] = f1(1, 1);
  out[k++] = f1(2, lx.lower[i]);
  out[k++] = f1(3, lx.cased[i]);
  out[k++] = f1(4, lx.suf1[i]);
  out[k++] = f1(5, lx.suf2[i]);
  out[k++] = f1(6, lx.suf3[i]);
  out[k++] = f1(7, lx.suf4[i]);
  out[k++] = f1(8, lx.pre1[i]);
  out[k++] = f1(9, lx.pre2[i]);
  out[k++] = f1(10, lx.pre3[i]);
  out[k++] = f1(11, lx.shape[i]);
  out[k++] = f1(12, lx.flags[i]);
  out[k++] = f1(22, amb[i]);
  out[k++] = f2(33, amb[i], lx.flags[i]);
  return k;
}

/** The rest of {@link tagFeats}: features that read the neighbours or the previous tags. */
function contextFeats(lx: Lex, amb: Uint32Array, i: number, p1: number, p2: number, out: Uint32Array): number {
  const n = lx.n;
  const w = lx.lower;
  const wm1 = i > 0 ? w[i - 1] : BOS;
  const wm2 = i > 1 ? w[i - 2] : BOS;
  const wp1 = i + 1 < n ? w[i + 1] : EOS;
  const wp2 = i + 2 < n ? w[i + 2] : EOS;
  const am1 = i > 0 ? amb[i - 1] : BOS;
  const ap1 = i + 1 < n ? amb[i + 1] : EOS;
  const ap2 = i + 2 < n ? amb[i + 2] : EOS;
  const s3p1 = i + 1 < n ? lx.suf3[i + 1] : EOS;
  const s3m1 = i > 0 ? lx.suf3[i - 1] : BOS;
  const shp1 = i + 1 < n ? lx.shape[i + 1] : EOS;
  let k = 0;
  out[k++] = f1(13, wm1);
  out[k++] = f1(14, wm2);
  out[k++] = f1(15, wp1);
  out[k++] = f1(16, wp2);
  out[k++] = f1(17, p1);
  out[k++] = f2(18, p1, p2);
  out[k++] = f2(19, p1, w[i]);
  out[k++] = f2(20, w[i], wp1);
  out[k++] = f2(21, wm1, w[i]);
  out[k++] = f1(23, am1);
  out[k++] = f1(24, ap1);
  out[k++] = f1(25, ap2);
  out[k++] = f2(26, amb[i], ap1);
  out[k++] = f2(27, p1, amb[i]);
  out[k++] = f3(28, p1, amb[i], ap1);
  out[k++] = f1(29, s3p1);
  out[k++] = f1(30, s3m1);
  out[k++] = f2(31, lx.shape[i], shp1);
  out[k++] = f2(32, p1, lx.suf3[i]);
  out[k++] = f2(34, wm1, wp1);
  out[k++] = f2(35, w[i], wp2);
  return k;
}

/**
 * Per model: word form → the summed scores of its word-only features ({@link wordFeats}), one map for first words
 * (their flags differ) and one for the others. The bias, word, affix and flag rows are the longest of the model,
 * so a frequent word's share of the scoring is paid once. Exact: the model's scores are integer sums.
 */
const wordScores = new WeakMap<Scorer, [Map<string, Float32Array>, Map<string, Float32Array>]>();
/** Forms kept per map before it is reset (bounds memory: one float per class per form). */
const WORD_SCORES_MAX = 30000;

/** Whether a scorer's sums do not depend on the order of features (so partial sums can be kept). */
function exactSums(model: Scorer): boolean {
  return (model as { exact?: boolean }).exact === true;
}

/** Tag a sentence greedily; returns class indices. */
export function tagSentence(model: Scorer, lx: Lex, amb: Uint32Array, fixed?: Int32Array): Int32Array {
  const tags = new Int32Array(lx.n);
  const buf = new Uint32Array(MAX_TAG_FEATS);
  const nc = model.nClasses;
  const scores = new Float32Array(nc);
  const exact = exactSums(model);
  let memo = exact ? wordScores.get(model) : undefined;
  if (exact && !memo) wordScores.set(model, (memo = [new Map(), new Map()]));
  let p1 = -1;
  let p2 = -2;
  for (let i = 0; i < lx.n; i++) {
    let t = fixed ? fixed[i] : -1;
    if (t < 0) {
      if (memo) {
        const m = memo[i === 0 ? 0 : 1];
        if (m.size > WORD_SCORES_MAX) m.clear();
        let v = m.get(lx.forms[i]);
        if (v === undefined) {
          model.score(buf, wordFeats(lx, amb, i, buf), scores);
          m.set(lx.forms[i], (v = scores.slice()));
        }
        model.score(buf, contextFeats(lx, amb, i, p1, p2, buf), scores);
        for (let c = 0; c < nc; c++) scores[c] += v[c];
      } else model.score(buf, tagFeats(lx, amb, i, p1, p2, buf), scores);
      t = argmax(scores);
    }
    tags[i] = t;
    p2 = p1;
    p1 = t;
  }
  return tags;
}
