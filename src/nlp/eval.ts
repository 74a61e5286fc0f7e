/**
 * `npm run eval:nlp`: UPOS, XPOS, lemma, UAS, LAS (gold tokenization, CoNLL 2018
 * definitions: LAS compares universal relations, subtypes stripped; punctuation
 * counted) on EWT test and the GUM news documents; NER exact-span P/R/F1 on
 * Universal NER EWT test; sentence-split F1 on EWT test raw text; tokens/s.
 * Reads ../shared and exits cleanly when it is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedRoot } from '../doc/resources.js';
import { annotate } from './annotate.js';
import { readConllu, type ConlluSentence } from './conllu.js';
import { spansOf } from './index.js';
import { segment } from './index.js';
import { readIob2 } from './train-ner.js';

/** Tagging and parsing scores of one treebank. */
export interface ParseScores {
  words: number;
  upos: number;
  xpos: number;
  lemma: number;
  uas: number;
  las: number;
  /** LAS with full labels (subtypes compared too). */
  lasFull: number;
  tokensPerSec: number;
}

const pct = (a: number, n: number): number => Math.round((10000 * a) / n) / 100;
const univ = (d: string): string => d.split(':')[0];

/** Score tagging, lemmas and parsing on gold-tokenized sentences. */
export function scoreParse(sents: ConlluSentence[]): ParseScores {
  let n = 0,
    up = 0,
    xp = 0,
    lm = 0,
    ua = 0,
    la = 0,
    lf = 0;
  const t0 = performance.now();
  const outs = sents.map((s) => annotate(s.words.map((w) => w.form)));
  const ms = performance.now() - t0;
  sents.forEach((s, si) => {
    const a = outs[si];
    s.words.forEach((w, i) => {
      n++;
      if (a.upos[i] === w.upos) up++;
      if (a.xpos[i] === w.xpos) xp++;
      if (a.lemma[i] === w.lemma) lm++;
      if (a.head[i] === w.head) {
        ua++;
        if (univ(a.deprel[i]) === univ(w.deprel)) la++;
        if (a.deprel[i] === w.deprel) lf++;
      }
    });
  });
  return {
    words: n,
    upos: pct(up, n),
    xpos: pct(xp, n),
    lemma: pct(lm, n),
    uas: pct(ua, n),
    las: pct(la, n),
    lasFull: pct(lf, n),
    tokensPerSec: Math.round(n / (ms / 1000)),
  };
}

/** Exact-span NER precision, recall and F1 (labels must match). */
export function scoreNer(gold: { words: string[]; tags: string[] }[]): {
  p: number;
  r: number;
  f1: number;
  byLabel: Record<string, { p: number; r: number; f1: number }>;
} {
  const c: Record<string, { tp: number; np: number; ng: number }> = {};
  const get = (l: string): { tp: number; np: number; ng: number } => (c[l] ??= { tp: 0, np: 0, ng: 0 });
  for (const s of gold) {
    const pred = spansOf(annotate(s.words).ner);
    const g = new Set(spansOf(s.tags).map((x) => x.join()));
    for (const x of pred) {
      get(x[2]).np++;
      if (g.has(x.join())) get(x[2]).tp++;
    }
    for (const x of spansOf(s.tags)) get(x[2]).ng++;
  }
  const prf = (x: { tp: number; np: number; ng: number }): { p: number; r: number; f1: number } => {
    const p = x.np ? x.tp / x.np : 0;
    const r = x.ng ? x.tp / x.ng : 0;
    const r3 = (v: number): number => Math.round(v * 1000) / 1000;
    return { p: r3(p), r: r3(r), f1: r3(p + r ? (2 * p * r) / (p + r) : 0) };
  };
  const all = { tp: 0, np: 0, ng: 0 };
  const byLabel: Record<string, { p: number; r: number; f1: number }> = {};
  for (const [l, x] of Object.entries(c).sort()) {
    all.tp += x.tp;
    all.np += x.np;
    all.ng += x.ng;
    byLabel[l] = prf(x);
  }
  return { ...prf(all), byLabel };
}

/**
 * Sentence-split F1 on raw text rebuilt from a treebank: sentences of a
 * paragraph joined by a space, paragraphs by a blank line (one block each);
 * a predicted sentence counts when its span matches a gold sentence exactly.
 */
export function scoreSentences(sents: ConlluSentence[]): { p: number; r: number; f1: number; gold: number } {
  let text = '';
  const gold = new Set<string>();
  const blocks: { start: number; end: number }[] = [];
  let blockStart = 0;
  sents.forEach((s, i) => {
    const isNewPar = i === 0 || s.comments.some((c) => c.startsWith('# newpar') || c.startsWith('# newdoc'));
    const t = (s.comments.find((c) => c.startsWith('# text = ')) ?? '# text = ').slice(9);
    if (i > 0) {
      if (isNewPar) {
        blocks.push({ start: blockStart, end: text.length });
        text += '\n\n';
        blockStart = text.length;
      } else text += ' ';
    }
    gold.add(`${text.length}:${text.length + t.length}`);
    text += t;
  });
  blocks.push({ start: blockStart, end: text.length });
  const pred = segment(text, blocks).map((toks) => `${toks[0].start}:${toks[toks.length - 1].end}`);
  const tp = pred.filter((x) => gold.has(x)).length;
  const p = tp / pred.length;
  const r = tp / gold.size;
  const r4 = (v: number): number => Math.round(v * 10000) / 10000;
  return { p: r4(p), r: r4(r), f1: r4((2 * p * r) / (p + r)), gold: gold.size };
}

function main(): void {
  const root = sharedRoot();
  if (!root) {
    console.log('eval:nlp skipped: ../shared not found');
    return;
  }
  const nlp = join(root, 'data', 'nlp');
  const read = (...p: string[]): string => readFileSync(join(nlp, ...p), 'utf8');
  annotate(['warm', 'up']);
  const ewtTest = readConllu(read('ud-english-ewt', 'en_ewt-ud-test.conllu'));
  const ewtDev = readConllu(read('ud-english-ewt', 'en_ewt-ud-dev.conllu'));
  // GUM news documents (Wikinews) from all splits: we never train on GUM (CC BY-NC-SA), so all are held out.
  const gum: ConlluSentence[] = [];
  for (const f of ['en_gum-ud-train.rebuilt.conllu', 'en_gum-ud-dev.conllu', 'en_gum-ud-test.conllu']) {
    let inNews = false;
    for (const s of readConllu(read('ud-english-gum', f))) {
      const d = s.comments.find((c) => c.startsWith('# newdoc id = '));
      if (d) inNews = d.includes('GUM_news_');
      if (inNews) gum.push(s);
    }
  }
  // `--only ewt,gum,ner,split` runs a subset.
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
  const want = (x: string): boolean => !only || only.includes(x);
  const report: Record<string, unknown> = {};
  if (want('ewt')) report.ewtTest = scoreParse(ewtTest);
  if (want('dev')) report.ewtDev = scoreParse(ewtDev);
  if (want('gum')) report.gumNews = { sentences: gum.length, ...scoreParse(gum) };
  if (want('ner')) report.nerUnerEwtTest = scoreNer(readIob2(read('uner-english-ewt', 'en_ewt-ud-test.iob2')));
  // UNER dev is part of the shipped NER's training data: only meaningful for a model trained with --ner-train-only.
  if (only?.includes('nerdev'))
    report.nerUnerEwtDev = scoreNer(readIob2(read('uner-english-ewt', 'en_ewt-ud-dev.iob2')));
  if (want('split')) report.sentenceSplitEwtTest = scoreSentences(ewtTest);
  console.log(JSON.stringify(report, null, 2));
}

if (process.argv[1] && /eval\.[jt]s$/.test(process.argv[1])) main();
