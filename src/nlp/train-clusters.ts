/**
 * Distributional word clusters from unlabelled text (a fast stand-in for Brown
 * clusters): each frequent word gets a vector of PPMI-weighted neighbour counts
 * (words at -2..+2 among the most frequent context words), randomly projected to a
 * few dimensions; the vectors are then split recursively by spherical 2-means, and a
 * word's cluster code is its path of left/right choices (prefixes = coarser clusters).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize, splitSentences } from './tokenize.js';
import { normWord } from './lex.js';
import { rng } from './rng.js';
import type { ConlluSentence } from './conllu.js';

/** Words kept in the table (by frequency); the rest get no cluster. */
export const CLUSTER_VOCAB = 50000;
/** Minimum corpus count for a word to be clustered (rarer words have too few contexts). */
export const CLUSTER_MIN_COUNT = 3;
/** Context words (most frequent) whose counts make up a word's vector. */
const CONTEXT_WORDS = 1500;
/** Random projection dimensions. */
const DIMS = 256;
/** Maximum depth of the cluster tree (bits per code). */
export const CLUSTER_DEPTH = 16;
/** 2-means iterations per split. */
const KMEANS_ITERS = 6;
/** Power-iteration steps for each split's principal direction. */
const POWER_ITERS = 8;

/** Tokenised sentences (normalised words) from the unlabelled texts we may train on. */
export function clusterCorpus(root: string, ewtTrain: ConlluSentence[]): string[][] {
  const out: string[][] = ewtTrain.map((s) => s.words.map((w) => normWord(w.form)));
  const addText = (text: string): void => {
    for (const block of text.split(/\n\s*\n/)) {
      const toks = tokenize(block);
      for (const [a, b] of splitSentences(block, toks)) {
        const words = toks.slice(a, b).map((t) => normWord(block.slice(t.start, t.end)));
        if (words.length) out.push(words);
      }
    }
  };
  const data = join(root, 'data');
  for (const split of ['train', 'dev']) {
    const dir = join(data, 'quotes', 'polnear', split, 'text');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) addText(readFileSync(join(dir, f), 'utf8'));
  }
  const wcxb = join(data, 'extraction', 'wcxb-dev-articles', 'ground-truth');
  if (existsSync(wcxb))
    for (const f of readdirSync(wcxb).sort()) {
      const g = JSON.parse(readFileSync(join(wcxb, f), 'utf8')) as { ground_truth?: { main_content?: string } };
      if (g.ground_truth?.main_content) addText(g.ground_truth.main_content);
    }
  const aeb = join(data, 'extraction', 'aeb', 'ground-truth.json');
  if (existsSync(aeb)) {
    const g = JSON.parse(readFileSync(aeb, 'utf8')) as Record<string, { articleBody?: string }>;
    for (const k of Object.keys(g).sort()) if (g[k].articleBody) addText(g[k].articleBody!);
  }
  const plv = join(data, 'events', 'plv', 'PLV_train.tsv');
  if (existsSync(plv)) {
    const lines = readFileSync(plv, 'utf8').split('\n');
    const col = lines[0].split('\t').indexOf('sentence');
    for (const l of lines.slice(1)) {
      const s = l.split('\t')[col];
      if (s) addText(s);
    }
  }
  return out;
}

/** Cluster codes: word → (1 << depth) | path bits (the leading 1 marks the length). */
export function buildClusters(corpus: string[][], seed: number): Record<string, number> {
  const freq = new Map<string, number>();
  for (const s of corpus) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq
    .filter(([, c]) => c >= CLUSTER_MIN_COUNT)
    .slice(0, CLUSTER_VOCAB)
    .map(([w]) => w);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  const cid = new Map(byFreq.slice(0, CONTEXT_WORDS).map(([w], i) => [w, i]));
  const K = CONTEXT_WORDS + 2; // + "other" + sentence edge
  const OFFS = [-2, -1, 1, 2];
  const nf = OFFS.length * K;
  // Sparse co-occurrence counts per vocabulary word.
  const counts: Map<number, number>[] = vocab.map(() => new Map());
  const ctxTotal = new Float64Array(nf);
  let total = 0;
  for (const s of corpus) {
    for (let i = 0; i < s.length; i++) {
      const v = vid.get(s[i]);
      if (v === undefined) continue;
      for (let o = 0; o < OFFS.length; o++) {
        const j = i + OFFS[o];
        const c = j < 0 || j >= s.length ? K - 1 : (cid.get(s[j]) ?? K - 2);
        const f = o * K + c;
        const m = counts[v];
        m.set(f, (m.get(f) ?? 0) + 1);
        ctxTotal[f]++;
        total++;
      }
    }
  }
  // Random ±1 projection of each context feature (seeded).
  const rnd = rng(seed);
  const proj = new Float32Array(nf * DIMS);
  for (let i = 0; i < proj.length; i++) proj[i] = rnd() < 0.5 ? -1 : 1;
  const vecs = new Float32Array(vocab.length * DIMS);
  const wTotal = new Float64Array(vocab.length);
  counts.forEach((m, v) => m.forEach((c) => (wTotal[v] += c)));
  for (let v = 0; v < vocab.length; v++) {
    const base = v * DIMS;
    for (const [f, c] of counts[v]) {
      const pmi = Math.log((c * total) / (wTotal[v] * ctxTotal[f]));
      if (pmi <= 0) continue;
      const pb = f * DIMS;
      for (let d = 0; d < DIMS; d++) vecs[base + d] += pmi * proj[pb + d];
    }
    let norm = 0;
    for (let d = 0; d < DIMS; d++) norm += vecs[base + d] * vecs[base + d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < DIMS; d++) vecs[base + d] /= norm;
  }
  const codes = new Int32Array(vocab.length).fill(1);
  split(
    vecs,
    Int32Array.from(vocab, (_, i) => i),
    codes,
    0,
  );
  const out: Record<string, number> = {};
  vocab.forEach((w, i) => (out[w] = codes[i]));
  return out;
}

/**
 * Recursively bisect `ids` (sorted by frequency), appending one bit per level: the
 * node's vectors are centred, split by the sign of their projection on the first
 * principal direction (power iteration from a fixed start), then refined by 2-means.
 */
function split(vecs: Float32Array, ids: Int32Array, codes: Int32Array, depth: number): void {
  if (ids.length < 2 || depth >= CLUSTER_DEPTH) return;
  const n = ids.length;
  const mean = new Float64Array(DIMS);
  for (const id of ids) for (let d = 0; d < DIMS; d++) mean[d] += vecs[id * DIMS + d];
  for (let d = 0; d < DIMS; d++) mean[d] /= n;
  // Power iteration for the top principal direction of the centred vectors.
  let dir = new Float64Array(DIMS);
  for (let d = 0; d < DIMS; d++) dir[d] = vecs[ids[0] * DIMS + d] - mean[d] + 1e-3 * ((d * 7919) % 13);
  const proj = new Float64Array(n);
  for (let it = 0; it < POWER_ITERS; it++) {
    const next = new Float64Array(DIMS);
    for (let k = 0; k < n; k++) {
      const base = ids[k] * DIMS;
      let s = 0;
      for (let d = 0; d < DIMS; d++) s += (vecs[base + d] - mean[d]) * dir[d];
      for (let d = 0; d < DIMS; d++) next[d] += s * (vecs[base + d] - mean[d]);
    }
    let norm = 0;
    for (let d = 0; d < DIMS; d++) norm += next[d] * next[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < DIMS; d++) next[d] /= norm;
    dir = next;
  }
  const side = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const base = ids[k] * DIMS;
    let s = 0;
    for (let d = 0; d < DIMS; d++) s += (vecs[base + d] - mean[d]) * dir[d];
    proj[k] = s;
    side[k] = s > 0 ? 1 : 0;
  }
  // 2-means refinement (Euclidean) from the principal split.
  const c0 = new Float64Array(DIMS);
  const c1 = new Float64Array(DIMS);
  for (let it = 0; it < KMEANS_ITERS; it++) {
    c0.fill(0);
    c1.fill(0);
    let n0 = 0;
    let n1 = 0;
    for (let k = 0; k < n; k++) {
      const c = side[k] ? c1 : c0;
      if (side[k]) n1++;
      else n0++;
      const base = ids[k] * DIMS;
      for (let d = 0; d < DIMS; d++) c[d] += vecs[base + d];
    }
    if (!n0 || !n1) break;
    for (let d = 0; d < DIMS; d++) {
      c0[d] /= n0;
      c1[d] /= n1;
    }
    for (let k = 0; k < n; k++) {
      const base = ids[k] * DIMS;
      let e0 = 0;
      let e1 = 0;
      for (let d = 0; d < DIMS; d++) {
        const v = vecs[base + d];
        e0 += (v - c0[d]) * (v - c0[d]);
        e1 += (v - c1[d]) * (v - c1[d]);
      }
      side[k] = e1 < e0 ? 1 : 0;
    }
  }
  const left: number[] = [];
  const right: number[] = [];
  for (let k = 0; k < n; k++) {
    codes[ids[k]] = (codes[ids[k]] << 1) | side[k];
    (side[k] ? right : left).push(ids[k]);
  }
  if (!left.length || !right.length) return;
  split(vecs, Int32Array.from(left), codes, depth + 1);
  split(vecs, Int32Array.from(right), codes, depth + 1);
}
