/**
 * Per-token lexical views shared by the tagger, parser and NER: hashes of the
 * lowercased form, cased form, shape, prefixes and suffixes, computed once per sentence.
 */
import { hashRange, hashStr } from './hash.js';
import { clusterOf, clusterPrefix } from './clusters.js';

/** Hashed lexical columns for one sentence. */
export interface Lex {
  n: number;
  forms: string[];
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

/** Compute the lexical columns of a sentence. */
export function lexOf(forms: string[]): Lex {
  const n = forms.length;
  const mk = (): Uint32Array => new Uint32Array(n);
  const lx: Lex = {
    n,
    forms,
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
    const w = forms[i];
    const l = normWord(w);
    lx.lower[i] = hashStr(l);
    lx.cased[i] = hashStr(w);
    const code = clusterOf(l);
    lx.c4[i] = clusterPrefix(code, 4);
    lx.c8[i] = clusterPrefix(code, 8);
    lx.c16[i] = clusterPrefix(code, 16);
    lx.shape[i] = hashStr(shapeOf(w));
    const L = l.length;
    lx.suf1[i] = hashRange(l, L - 1, L);
    lx.suf2[i] = hashRange(l, L - 2, L);
    lx.suf3[i] = hashRange(l, L - 3, L);
    lx.suf4[i] = hashRange(l, L - 4, L);
    lx.pre1[i] = hashRange(l, 0, Math.min(1, L));
    lx.pre2[i] = hashRange(l, 0, Math.min(2, L));
    lx.pre3[i] = hashRange(l, 0, Math.min(3, L));
    let f = 0;
    const c0 = w[0] ?? '';
    if (c0 !== c0.toLowerCase()) f |= 1;
    if (w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()) f |= 2;
    if (/\d/.test(w)) f |= 4;
    if (w.includes('-')) f |= 8;
    if (!/[\p{L}\p{N}]/u.test(w)) f |= 16;
    if (i === 0) f |= 32;
    lx.flags[i] = f;
  }
  return lx;
}
