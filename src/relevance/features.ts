/**
 * Sentence features for the relevance model, from the text alone: hashed lower-case word
 * unigrams and bigrams, cased unigrams of capitalised words, capitalisation and number shape,
 * length, punctuation cues, and hits in the actor word list.
 */
import { isCapitalised, isNumber, isWord, keyOf, tokens } from './tokens.js';
import { wordHits, type WordList } from './words.js';

/** Hash buckets: 2^18 keeps collisions rare for a ~300k-string vocabulary; weights stay ≈ 0.7 MB. */
export const BUCKETS = 1 << 18;

/** FNV-1a, 32 bits. */
export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Bin a count into a small label. */
function bin(n: number, edges: number[]): string {
  let i = 0;
  while (i < edges.length && n >= edges[i]) i++;
  return String(i);
}

function lexicalFeatures(toks: string[], keys: string[], out: string[]): void {
  let prev = '<s>';
  for (let i = 0; i < toks.length; i++) {
    const k = keys[i];
    out.push(`w=${k}`, `b=${prev}_${k}`);
    if (i > 0 && isCapitalised(toks[i]) && toks[i].length > 1) out.push(`c=${toks[i]}`);
    prev = k;
  }
  out.push(`b=${prev}_</s>`);
}

function shapeFeatures(text: string, toks: string[], out: string[]): void {
  const words = toks.filter(isWord);
  const caps = words.filter((t, i) => i > 0 && isCapitalised(t)).length;
  const ratio = words.length > 1 ? caps / (words.length - 1) : 0;
  out.push(`len=${bin(toks.length, [2, 4, 8, 16, 32, 64])}`);
  out.push(`cap=${bin(ratio, [0.01, 0.1, 0.2, 0.35, 0.6])}`);
  out.push(`num=${bin(toks.filter(isNumber).length, [1, 2, 4])}`);
  if (words.some((t) => t.length > 1 && t === t.toUpperCase())) out.push('allcaps');
  if (/["“”]/.test(text)) out.push('quote');
  if (/https?:|www\.|@\w/.test(text)) out.push('url');
  const last = toks[toks.length - 1] ?? '';
  out.push(`end=${/^[.?!:;,]$/.test(last) ? last : isWord(last) ? 'w' : 'o'}`);
  if (toks.length && !isCapitalised(toks[0]) && isWord(toks[0])) out.push('lowstart');
}

function gazetteerFeatures(toks: string[], keys: string[], list: WordList, out: string[]): void {
  const hits = wordHits(toks, keys, list);
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const [k, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    out.push(`g=${k}`, `g=${k}:${bin(n, [2, 3])}`);
  out.push(`gn=${bin(hits.length, [1, 2, 3, 5])}`);
}

/** Feature strings of one sentence (the model hashes them). */
export function featureNames(text: string, list: WordList): string[] {
  const toks = tokens(text);
  const keys = toks.map(keyOf);
  const out: string[] = [];
  lexicalFeatures(toks, keys, out);
  shapeFeatures(text, toks, out);
  gazetteerFeatures(toks, keys, list, out);
  return out;
}

/** Sorted, distinct hashed feature indices of one sentence. */
export function featureIndices(text: string, list: WordList): Int32Array {
  const set = new Set<number>();
  for (const f of featureNames(text, list)) set.add(fnv(f) % BUCKETS);
  return Int32Array.from([...set].sort((a, b) => a - b));
}
