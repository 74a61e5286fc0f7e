/**
 * Per-token lexical views shared by the tagger, parser and NER: hashes of the
 * lowercased form, cased form, shape, prefixes and suffixes, computed once per sentence.
 */
import { hashRange, hashStr } from './hash.js';
import { clusterGeneration, clusterOf, clusterPrefix } from './clusters.js';

/** Hashed lexical columns for one sentence. */
export interface Lex {
  n: number;
  forms: string[];
  /** {@link normWord} of each form (the tagger's dictionary key). */
  norm: string[];
  lower: Uint32Array;
  cased: Uint32Array;
  shape: Uint32Array;
  suf1: Uint32Array;
  suf2: Uint32Array;
  suf3: Uint32Array;
  suf4: Uint32Array;
  pre1: Uint32Array;
  pre2: Uint32Array;
  pre3: Uint32Array;
  /** Word-cluster code prefixes (4, 8 and 16 levels; 0 for words without a cluster). */
  c4: Uint32Array;
  c8: Uint32Array;
  c16: Uint32Array;
  /** The tagger's ambiguity-class hashes, when the caller has them (the parser uses them: robust to tagging errors). */
  amb?: Uint32Array;
  /** Bit flags: 1 upper-initial, 2 all caps, 4 has digit, 8 has hyphen, 16 all punctuation, 32 first word. */
  flags: Uint32Array;
}

/** Collapsed character shape: "McDonald's" → "XxXx'x", "1,000" → "d,d". */
export function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && out.length < 8; i++) {
    const ch = w[i];
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) c = ch === ch.toLowerCase() ? 'x' : 'X';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Normalised word used for word features: lowercase, digits folded to 0. */
export function normWord(w: string): string {
  const l = w.toLowerCase();
  return /\d/.test(l) ? l.replace(/\d/g, '0') : l;
}

/** Column order of a word's memoised lexical values (see {@link wordOf}). */
const COLS = 14;

/** A word form's lexical values (everything but the first-word flag), computed once per form. */
interface WordLex {
  norm: string;
  cols: Uint32Array;
}

/** Forms seen so far → their values; reset when it grows past {@link MEMO_MAX} or the clusters change. */
let memo = new Map<string, WordLex>();
let memoClusters = -1;
/** Forms kept before the memo is reset (bounds memory on long runs; news repeats its words). */
const MEMO_MAX = 200000;

function computeWord(w: string): WordLex {
  const l = normWord(w);
  const c = new Uint32Array(COLS);
  c[0] = hashStr(l);
  c[1] = hashStr(w);
  c[2] = hashStr(shapeOf(w));
  const L = l.length;
  c[3] = hashRange(l, L - 1, L);
  c[4] = hashRange(l, L - 2, L);
  c[5] = hashRange(l, L - 3, L);
  c[6] = hashRange(l, L - 4, L);
  c[7] = hashRange(l, 0, Math.min(1, L));
  c[8] = hashRange(l, 0, Math.min(2, L));
  c[9] = hashRange(l, 0, Math.min(3, L));
  let f = 0;
  const c0 = w[0] ?? '';
  if (c0 !== c0.toLowerCase()) f |= 1;
  if (w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()) f |= 2;
  if (/\d/.test(w)) f |= 4;
  if (w.includes('-')) f |= 8;
  if (!/[\p{L}\p{N}]/u.test(w)) f |= 16;
  c[10] = f;
  const code = clusterOf(l);
  c[11] = clusterPrefix(code, 4);
  c[12] = clusterPrefix(code, 8);
  c[13] = clusterPrefix(code, 16);
  return { norm: l, cols: c };
}

/** The memoised lexical values of a form. */
function wordOf(w: string): WordLex {
  if (memoClusters !== clusterGeneration() || memo.size > MEMO_MAX) {
    memo = new Map();
    memoClusters = clusterGeneration();
  }
  let x = memo.get(w);
  if (x === undefined) memo.set(w, (x = computeWord(w)));
  return x;
}

/** Compute the lexical columns of a sentence (each distinct form's values computed once per process). */
export function lexOf(forms: string[]): Lex {
  const n = forms.length;
  const mk = (): Uint32Array => new Uint32Array(n);
  const lx: Lex = {
    n,
    forms,
    norm: new Array<string>(n),
    lower: mk(),
    cased: mk(),
    shape: mk(),
    suf1: mk(),
    suf2: mk(),
    suf3: mk(),
    suf4: mk(),
    pre1: mk(),
    pre2: mk(),
    pre3: mk(),
    flags: mk(),
    c4: mk(),
    c8: mk(),
    c16: mk(),
    // Set by callers that have ambiguity classes; declared here so every Lex has one shape (V8 hidden class).
    amb: undefined,
  };
  for (let i = 0; i < n; i++) {
    const x = wordOf(forms[i]);
    lx.norm[i] = x.norm;
    const c = x.cols;
    lx.lower[i] = c[0];
    lx.cased[i] = c[1];
    lx.shape[i] = c[2];
    lx.suf1[i] = c[3];
    lx.suf2[i] = c[4];
    lx.suf3[i] = c[5];
    lx.suf4[i] = c[6];
    lx.pre1[i] = c[7];
    lx.pre2[i] = c[8];
    lx.pre3[i] = c[9];
    lx.flags[i] = i === 0 ? c[10] | 32 : c[10];
    lx.c4[i] = c[11];
    lx.c8[i] = c[12];
    lx.c16[i] = c[13];
  }
  return lx;
}
