/**
 * Transition-based dependency parser: arc-hybrid system (ROOT at the end of the
 * buffer, single root enforced), greedy averaged-perceptron transition model
 * with Zhang & Nivre-style rich features, trained with a dynamic oracle; arcs
 * are labelled as they are made by a second perceptron that sees the dependent's
 * finished subtree and the head's children so far.
 */
import { f1, f2, f3 } from './hash.js';
import type { Lex } from './lex.js';
import type { Scorer, Trainer } from './perceptron.js';

/** Parser metadata. */
export interface ParserMeta {
  labels: string[];
}

/** Transitions: push b0; attach s0 to b0 and pop; attach s0 to s1 and pop. */
export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
const NONE = 0x7fff0001;
const ROOTW = 0x7fff0002;
const ROOTT = 0x7fff0003;
/** Feature buffer sizes. */
export const MAX_PARSE_FEATS = 104;
/** Label feature buffer size. */
export const MAX_LABEL_FEATS = 40;

/** Mutable parser state over one sentence of n words (index n is ROOT). */
export class State {
  n: number;
  stack: Int32Array;
  sp = 0;
  b = 0;
  head: Int32Array;
  label: Int32Array;
  l1: Int32Array;
  l2: Int32Array;
  r1: Int32Array;
  r2: Int32Array;
  nl: Int32Array;
  nr: Int32Array;
  /** Hash of the set of labels of left / right children. */
  ls: Int32Array;
  rs: Int32Array;

  constructor(n: number) {
    this.n = n;
    // Index n is ROOT, n + 1 the "no such token" slot read by feature code.
    const mk = (fill: number): Int32Array => new Int32Array(n + 2).fill(fill);
    this.stack = new Int32Array(n + 1);
    this.head = mk(-1);
    this.label = mk(-1);
    this.label[n + 1] = NONE;
    this.l1 = mk(-1);
    this.l2 = mk(-1);
    this.r1 = mk(-1);
    this.r2 = mk(-1);
    this.nl = mk(0);
    this.nr = mk(0);
    this.ls = mk(0);
    this.rs = mk(0);
  }

  get done(): boolean {
    return this.b >= this.n && this.sp === 0;
  }

  /** Whether transition `t` is allowed here. */
  legal(t: number): boolean {
    if (t === SHIFT) return this.b < this.n;
    if (t === LEFT) return this.sp >= 1 && (this.b < this.n || this.sp === 1);
    return this.sp >= 2;
  }

  /** Head and dependent of the arc transition `t` would make. */
  arc(t: number): [number, number] {
    const s0 = this.stack[this.sp - 1];
    return t === LEFT ? [this.b, s0] : [this.stack[this.sp - 2], s0];
  }

  /** Apply a transition; arcs get `lab`. */
  apply(t: number, lab: number): void {
    if (t === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const [h, d] = this.arc(t);
    this.sp--;
    this.head[d] = h;
    this.label[d] = lab;
    const bit = 1 << (lab % 31);
    if (d < h) {
      this.nl[h]++;
      this.ls[h] |= bit;
      if (this.l1[h] < 0 || d < this.l1[h]) {
        this.l2[h] = this.l1[h];
        this.l1[h] = d;
      } else if (this.l2[h] < 0 || d < this.l2[h]) this.l2[h] = d;
    } else {
      this.nr[h]++;
      this.rs[h] |= bit;
      if (this.r1[h] < 0 || d > this.r1[h]) {
        this.r2[h] = this.r1[h];
        this.r1[h] = d;
      } else if (this.r2[h] < 0 || d > this.r2[h]) this.r2[h] = d;
    }
  }
}

function dist(d: number): number {
  return d < 5 ? d : d < 8 ? 5 : d < 11 ? 6 : 7;
}

/** Per-sentence views with ROOT at index n and a NONE slot at n + 1, so feature code needs no branches. */
export interface ParseInput {
  n: number;
  w: Uint32Array;
  t: Uint32Array;
  /** Ambiguity-class hashes (tags the word may take), with ROOT and NONE slots; 0 when not given. */
  a: Uint32Array;
  lx: Lex;
  tags: Int32Array;
}

/** Build the per-sentence views for the parser. */
export function parseInput(lx: Lex, tags: Int32Array): ParseInput {
  const n = lx.n;
  const w = new Uint32Array(n + 2);
  const t = new Uint32Array(n + 2);
  const a = new Uint32Array(n + 2);
  for (let i = 0; i < n; i++) {
    w[i] = lx.lower[i];
    t[i] = tags[i];
    a[i] = lx.amb ? lx.amb[i] : 0;
  }
  a[n] = ROOTT;
  a[n + 1] = NONE;
  w[n] = ROOTW;
  t[n] = ROOTT;
  w[n + 1] = NONE;
  t[n + 1] = NONE;
  return { n, w, t, a, lx, tags };
}

/** Transition features of a state. */
export function parseFeats(st: State, x: ParseInput, out: Uint32Array): number {
  const n = st.n;
  const N1 = n + 1;
  const Wa = x.w;
  const Ta = x.t;
  const La = st.label;
  const tags = x.tags;
  const sp = st.sp;
  const s0 = sp > 0 ? st.stack[sp - 1] : N1;
  const s1 = sp > 1 ? st.stack[sp - 2] : N1;
  const s2 = sp > 2 ? st.stack[sp - 3] : N1;
  const b0 = st.b <= n ? st.b : N1;
  const b1 = st.b + 1 <= n ? st.b + 1 : N1;
  const b2 = st.b + 2 <= n ? st.b + 2 : N1;
  // Child slots hold -1 when empty; read them through the NONE slot.
  let s0l = st.l1[s0],
    s0r = st.r1[s0],
    s0l2 = st.l2[s0],
    s0r2 = st.r2[s0];
  let s1l = st.l1[s1],
    s1r = st.r1[s1],
    b0l = st.l1[b0],
    b0l2 = st.l2[b0];
  if (s0l < 0) s0l = N1;
  if (s0r < 0) s0r = N1;
  if (s0l2 < 0) s0l2 = N1;
  if (s0r2 < 0) s0r2 = N1;
  if (s1l < 0) s1l = N1;
  if (s1r < 0) s1r = N1;
  if (b0l < 0) b0l = N1;
  if (b0l2 < 0) b0l2 = N1;
  const s0w = Wa[s0],
    s0t = Ta[s0],
    s1w = Wa[s1],
    s1t = Ta[s1],
    s2t = Ta[s2];
  const b0w = Wa[b0],
    b0t = Ta[b0],
    b1w = Wa[b1],
    b1t = Ta[b1],
    b2w = Wa[b2],
    b2t = Ta[b2];
  const hasS0 = s0 !== N1,
    hasS1 = s1 !== N1,
    hasB0 = b0 !== N1;
  const d = hasS0 && hasB0 ? dist(b0 - s0) : NONE;
  const d1 = hasS0 && hasS1 ? dist(s0 - s1) : NONE;
  const s0vl = hasS0 ? st.nl[s0] : NONE;
  const s0vr = hasS0 ? st.nr[s0] : NONE;
  const b0vl = hasB0 ? st.nl[b0] : NONE;
  const s1vr = hasS1 ? st.nr[s1] : NONE;
  const s0lW = Wa[s0l],
    s0lT = Ta[s0l],
    s0lL = La[s0l];
  const s0rW = Wa[s0r],
    s0rT = Ta[s0r],
    s0rL = La[s0r];
  const b0lW = Wa[b0l],
    b0lT = Ta[b0l],
    b0lL = La[b0l];
  const s1lT = Ta[s1l],
    s1lL = La[s1l],
    s1rT = Ta[s1r],
    s1rL = La[s1r];
  const s0l2W = Wa[s0l2],
    s0l2T = Ta[s0l2],
    s0l2L = La[s0l2];
  const s0r2W = Wa[s0r2],
    s0r2T = Ta[s0r2],
    s0r2L = La[s0r2];
  const b0l2T = Ta[b0l2],
    b0l2L = La[b0l2];
  let k = 0;
  out[k++] = f1(100, 1);
  // Unigrams.
  out[k++] = f1(101, s0w);
  out[k++] = f1(102, s0t);
  out[k++] = f2(103, s0w, s0t);
  out[k++] = f1(104, b0w);
  out[k++] = f1(105, b0t);
  out[k++] = f2(106, b0w, b0t);
  out[k++] = f1(107, b1w);
  out[k++] = f1(108, b1t);
  out[k++] = f2(109, b1w, b1t);
  out[k++] = f1(110, b2w);
  out[k++] = f1(111, b2t);
  out[k++] = f1(112, s1w);
  out[k++] = f1(113, s1t);
  out[k++] = f2(114, s1w, s1t);
  out[k++] = f1(115, s2t);
  // Pairs.
  out[k++] = f3(120, s0w, s0t, b0w);
  out[k++] = f3(121, s0w, s0t, b0t);
  out[k++] = f3(122, s0w, b0w, b0t);
  out[k++] = f3(123, s0t, b0w, b0t);
  out[k++] = f2(124, s0w, b0w);
  out[k++] = f2(125, s0t, b0t);
  out[k++] = f2(126, b0t, b1t);
  out[k++] = f3(127, s1w, s1t, s0w);
  out[k++] = f3(128, s1t, s0w, s0t);
  out[k++] = f2(129, s1w, s0w);
  out[k++] = f2(130, s1t, s0t);
  out[k++] = f2(131, s1t, b0t);
  out[k++] = f2(132, s1w, b0w);
  // Triples of tags.
  out[k++] = f3(140, b0t, b1t, b2t);
  out[k++] = f3(141, s0t, b0t, b1t);
  out[k++] = f3(142, s1t, s0t, b0t);
  out[k++] = f3(143, s2t, s1t, s0t);
  out[k++] = f3(144, s0t, s0lT, b0t);
  out[k++] = f3(145, s0t, s0rT, b0t);
  out[k++] = f3(146, s0t, b0t, b0lT);
  out[k++] = f3(147, s1t, s0t, s0lT);
  out[k++] = f3(148, s1t, s0t, s0rT);
  out[k++] = f3(149, s1t, s1rT, s0t);
  out[k++] = f3(150, s1t, s1lT, s0t);
  out[k++] = f3(151, s0w, b0t, b1t);
  out[k++] = f3(152, s0t, b0w, b1t);
  out[k++] = f3(153, s1t, s0t, b1t);
  // Distance.
  out[k++] = f2(160, s0w, d);
  out[k++] = f2(161, s0t, d);
  out[k++] = f2(162, b0w, d);
  out[k++] = f2(163, b0t, d);
  out[k++] = f3(164, s0w, b0w, d);
  out[k++] = f3(165, s0t, b0t, d);
  out[k++] = f3(166, s1t, s0t, d1);
  out[k++] = f3(167, s1w, s0w, d1);
  // Valency.
  out[k++] = f2(170, s0w, s0vr);
  out[k++] = f2(171, s0t, s0vr);
  out[k++] = f2(172, s0w, s0vl);
  out[k++] = f2(173, s0t, s0vl);
  out[k++] = f2(174, b0w, b0vl);
  out[k++] = f2(175, b0t, b0vl);
  out[k++] = f2(176, s1t, s1vr);
  // Children (second order).
  out[k++] = f1(180, s0lW);
  out[k++] = f1(181, s0lT);
  out[k++] = f1(182, s0lL);
  out[k++] = f1(183, s0rW);
  out[k++] = f1(184, s0rT);
  out[k++] = f1(185, s0rL);
  out[k++] = f1(186, b0lW);
  out[k++] = f1(187, b0lT);
  out[k++] = f1(188, b0lL);
  out[k++] = f1(189, s1rL);
  out[k++] = f1(190, s1lL);
  out[k++] = f2(191, s0t, s0lL);
  out[k++] = f2(192, s0t, s0rL);
  out[k++] = f2(193, b0t, b0lL);
  // Third order.
  out[k++] = f1(200, s0l2W);
  out[k++] = f1(201, s0l2T);
  out[k++] = f1(202, s0l2L);
  out[k++] = f1(203, s0r2W);
  out[k++] = f1(204, s0r2T);
  out[k++] = f1(205, s0r2L);
  out[k++] = f1(206, b0l2T);
  out[k++] = f1(207, b0l2L);
  out[k++] = f3(208, s0t, s0lT, s0l2T);
  out[k++] = f3(209, s0t, s0rT, s0r2T);
  out[k++] = f3(210, b0t, b0lT, b0l2T);
  // Label sets.
  out[k++] = f2(220, s0w, hasS0 ? st.rs[s0] : NONE);
  out[k++] = f2(221, s0t, hasS0 ? st.rs[s0] : NONE);
  out[k++] = f2(222, s0w, hasS0 ? st.ls[s0] : NONE);
  out[k++] = f2(223, s0t, hasS0 ? st.ls[s0] : NONE);
  out[k++] = f2(224, b0w, hasB0 ? st.ls[b0] : NONE);
  out[k++] = f2(225, b0t, hasB0 ? st.ls[b0] : NONE);
  out[k++] = f2(226, s1t, hasS1 ? st.rs[s1] : NONE);
  // Punctuation/shape of the words between s0 and b0 is approximated by b0-1.
  out[k++] = f3(230, s0t, b0t, hasB0 && b0 > 0 && b0 < n ? tags[b0 - 1] : NONE);
  out[k++] = f3(231, s0t, b0t, hasS0 && s0 + 1 < n ? tags[s0 + 1] : NONE);
  // Ambiguity classes: which tags s0/b0 may take, so a wrong predicted tag is not the only evidence.
  const A = x.a;
  out[k++] = f2(240, A[s0], A[b0]);
  out[k++] = f2(241, A[s0], b0t);
  out[k++] = f2(242, s0t, A[b0]);
  out[k++] = f3(243, A[s1], A[s0], b0t);
  out[k++] = f2(244, A[b0], A[b1]);
  return k;
}

/** Label features for an arc h → d made in state `st` (before applying it). */
export function labelFeats(st: State, lx: Lex, tags: Int32Array, h: number, d: number, out: Uint32Array): number {
  const n = st.n;
  const W = (i: number): number => (i < 0 ? NONE : i === n ? ROOTW : lx.lower[i]);
  const T = (i: number): number => (i < 0 || i > n ? NONE : i === n ? ROOTT : tags[i]);
  const L = (i: number): number => (i < 0 ? NONE : st.label[i]);
  const dir = h === n ? 2 : d < h ? 0 : 1;
  const dd = h === n ? 9 : dist(Math.abs(h - d));
  const dw = W(d),
    dt = T(d),
    hw = W(h),
    ht = T(h);
  const dl = st.l1[d],
    dr = st.r1[d];
  const hs = dir === 0 ? st.ls[h] : st.rs[h];
  // The dependent's first left child's word (often its preposition or marker).
  let k = 0;
  out[k++] = f2(300, dir, 1);
  out[k++] = f2(301, dw, dir);
  out[k++] = f2(302, dt, dir);
  out[k++] = f2(303, hw, dir);
  out[k++] = f2(304, ht, dir);
  out[k++] = f3(305, dt, ht, dir);
  out[k++] = f3(306, dw, ht, dir);
  out[k++] = f3(307, dt, hw, dir);
  out[k++] = f3(308, dw, hw, dir);
  out[k++] = f3(309, dt, ht, dd);
  out[k++] = f3(310, W(dl), dt, dir);
  out[k++] = f3(311, T(dl), dt, dir);
  out[k++] = f3(312, L(dl), dt, dir);
  out[k++] = f3(313, T(dr), dt, dir);
  out[k++] = f3(314, L(dr), dt, dir);
  out[k++] = f3(315, W(dl), ht, dir);
  out[k++] = f3(316, st.ls[d], dt, dir);
  out[k++] = f3(317, st.rs[d], dt, dir);
  out[k++] = f3(318, hs, dt, dir);
  out[k++] = f3(319, hs, ht, dir);
  out[k++] = f3(320, T(d - 1), dt, ht);
  out[k++] = f3(321, T(d + 1), dt, ht);
  out[k++] = f3(322, lx.suf3[d], dt, dir);
  out[k++] = f3(323, lx.shape[d], dt, dir);
  out[k++] = f3(324, st.nl[d], st.nr[d], dt);
  out[k++] = f3(325, dt, ht, T(st.l1[h]));
  out[k++] = f3(326, lx.flags[d] & 3, dt, ht);
  out[k++] = f3(327, W(st.l2[d]), dt, dir);
  return k;
}

/** Transition scorer and labeller. */
export interface ParserModels {
  trans: Scorer;
  label: Scorer;
}

/** Parse one sentence greedily; heads are 0-based, -1 for the root. */
export function parseSentence(
  p: ParserModels & { meta: ParserMeta },
  lx: Lex,
  tags: Int32Array,
): { head: Int32Array; deprel: string[] } {
  const st = runParser(p, lx, tags, null);
  const head = new Int32Array(lx.n);
  const deprel = new Array<string>(lx.n);
  for (let i = 0; i < lx.n; i++) {
    head[i] = st.head[i] === lx.n ? -1 : st.head[i];
    deprel[i] = st.label[i] >= 0 ? p.meta.labels[st.label[i]] : 'dep';
  }
  return { head, deprel };
}

/** Training hooks: gold heads/labels, trainers, exploration. */
export interface ParserTraining {
  goldHead: Int32Array;
  goldLabel: Int32Array;
  trans: Trainer;
  label: Trainer;
  /** Follow the model's (possibly wrong) transition with this probability. */
  explore: number;
  rand: () => number;
  stats: { correct: number; total: number };
}

const fbuf = new Uint32Array(MAX_PARSE_FEATS);
const lbuf = new Uint32Array(MAX_LABEL_FEATS);
const tscore = new Float32Array(3);
const costBuf = new Int32Array(3);
let lscoreBuf = new Float32Array(0);

/** Run the transition system (training when `tr` is given). */
export function runParser(p: ParserModels, lx: Lex, tags: Int32Array, tr: ParserTraining | null): State {
  const st = new State(lx.n);
  const px = parseInput(lx, tags);
  if (lscoreBuf.length !== p.label.nClasses) lscoreBuf = new Float32Array(p.label.nClasses);
  const lscore = lscoreBuf;
  const costs = costBuf;
  while (!st.done) {
    let nLegal = 0;
    let only = -1;
    for (let t = 0; t < 3; t++)
      if (st.legal(t)) {
        nLegal++;
        only = t;
      }
    let next = only;
    if (nLegal === 1) {
      // A forced move needs no scoring, and in training it can never be an error
      // (the averaging clock still advances so models are as before).
      if (tr) {
        tr.stats.correct++;
        tr.stats.total++;
        tr.trans.tick();
      }
    } else {
      const k = parseFeats(st, px, fbuf);
      p.trans.score(fbuf, k, tscore);
      let pred = -1;
      for (let t = 0; t < 3; t++) if (st.legal(t) && (pred < 0 || tscore[t] > tscore[pred])) pred = t;
      next = pred;
      if (tr) {
        let min = Infinity;
        for (let t = 0; t < 3; t++) {
          costs[t] = st.legal(t) ? cost(st, t, tr.goldHead) : 1 << 20;
          if (costs[t] < min) min = costs[t];
        }
        let gold = -1;
        for (let t = 0; t < 3; t++) if (costs[t] === min && (gold < 0 || tscore[t] > tscore[gold])) gold = t;
        if (costs[pred] > min) tr.trans.update(fbuf, k, gold, pred);
        else tr.stats.correct++;
        tr.stats.total++;
        tr.trans.tick();
        next = costs[pred] === min || tr.rand() < tr.explore ? pred : gold;
      }
    }
    let lab = -1;
    if (next !== SHIFT) {
      const d = st.stack[st.sp - 1];
      const h = next === LEFT ? st.b : st.stack[st.sp - 2];
      const lk = labelFeats(st, lx, tags, h, d, lbuf);
      p.label.score(lbuf, lk, lscore);
      lab = 0;
      for (let c = 1; c < lscore.length; c++) if (lscore[c] > lscore[lab]) lab = c;
      if (tr && tr.goldHead[d] === h) {
        tr.label.update(lbuf, lk, tr.goldLabel[d], lab);
        tr.label.tick();
      }
    }
    st.apply(next, lab);
  }
  return st;
}

/** Dynamic-oracle cost of transition t (gold arcs it makes unreachable); ROOT is index n. */
export function cost(st: State, t: number, gh: Int32Array): number {
  const n = st.n;
  const b = st.b;
  let c = 0;
  if (t === SHIFT) {
    const s0 = st.sp > 0 ? st.stack[st.sp - 1] : -1;
    for (let i = 0; i < st.sp; i++) {
      const x = st.stack[i];
      if (gh[x] === b) c++;
      if (x !== s0 && gh[b] === x) c++;
    }
    return c;
  }
  const s0 = st.stack[st.sp - 1];
  const s1 = st.sp > 1 ? st.stack[st.sp - 2] : -1;
  const h = gh[s0];
  if (t === LEFT) {
    if (h !== b && (h === s1 || h > b)) c++;
  } else if (h !== s1 && h >= b) c++;
  for (let i = b; i < n; i++) if (gh[i] === s0) c++;
  return c;
}
