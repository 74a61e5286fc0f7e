/**
 * NLP stage: tokenizes each block, splits sentences (never across blocks), tags
 * UPOS/XPOS, lemmatises, parses dependencies and finds PER/ORG/LOC entities.
 * Also the CoNLL-U entry points behind `dateline parse`.
 */
import type { Doc, Entity, Sentence } from '../doc/index.js';
import { allocTokens } from '../doc/index.js';
import type { Stage } from '../pipeline/index.js';
import { annotate, parseTagged, type PartClock, type Tagged } from './annotate.js';
import { readConllu, setMisc, writeConllu, type ConlluSentence } from './conllu.js';
import { splitSentences, tokenize, type Tok } from './tokenize.js';
import { models } from './models.js';
import { isTitleCase, truecase } from './truecase.js';
import { headlineVerbTags } from './headline.js';

/** Stage version: bump when models or rules change output. */
const STAGE_NAME = 'nlp.perceptron.v1';

/**
 * The nlp stage: assigns sentences, tokens (with tags and heads) and entities. With `parse: false` the heads stay
 * -1 and relations empty, for a later {@link parseSentences} over the sentences that need them (the cascade).
 */
export function nlpStage(opts: { parse?: boolean } = {}): Stage {
  return {
    name: STAGE_NAME,
    requires: ['blocks'],
    assigns: ['sentences', 'tokens', 'entities'],
    run(doc: Doc) {
      annotateDoc(doc, opts);
    },
  };
}

/** The tagger's output per sentence of a Doc annotated without parsing, kept for {@link parseSentences}. */
const pending = new WeakMap<Doc, (Tagged | null)[]>();

/**
 * Longest sentence, in tokens, the later stages see; a longer run is cut into pieces this long. Real sentences stay
 * far below it (the longest of 19,011 in 293 AEB pages, lists and tables included, is 319 tokens; news-dev's is 73);
 * the cut bounds the stages whose work grows with the square of a sentence's length (a 21,541-token "sentence" took
 * 62 CPU s, 100 s of it in the events stage, before it).
 */
export const MAX_SENTENCE_TOKENS = 400;

/** Sentences of a text as token ranges, never crossing the given blocks, none longer than {@link MAX_SENTENCE_TOKENS}. */
export function segment(text: string, blocks: { start: number; end: number }[]): Tok[][] {
  const out: Tok[][] = [];
  for (const b of blocks) {
    const toks = tokenize(text, b.start, b.end);
    for (const [s, e] of splitSentences(text, toks)) {
      for (let a = s; a < e; a += MAX_SENTENCE_TOKENS) out.push(toks.slice(a, Math.min(e, a + MAX_SENTENCE_TOKENS)));
    }
  }
  return out;
}

/** A first sentence this short, alone in its block, reads as a headline. */
const HEADLINE_MAX_TOKENS = 20;

/**
 * Fill sentences, tokens and entities of a Doc; the time of each part goes to `doc.trail` as `nlp.<part>`.
 * `parse: false` leaves the dependencies to {@link parseSentences}.
 */
export function annotateDoc(doc: Doc, opts: { parse?: boolean } = {}): void {
  const blocks =
    doc.layers.blocks && doc.layers.blocks.length ? doc.layers.blocks : [{ start: 0, end: doc.text.length }];
  const t0 = performance.now();
  const sents = segment(doc.text, blocks);
  const clock: PartClock = { tag: 0, parse: 0, ner: 0 };
  doc.trail.push({ stage: 'nlp.tokenize', ms: performance.now() - t0 });
  const total = sents.reduce((a, s) => a + s.length, 0);
  const t = allocTokens(total);
  const sentences: Sentence[] = [];
  const entities: Entity[] = [];
  const parse = opts.parse !== false;
  const tagged: (Tagged | null)[] = [];
  let k = 0;
  const starts = sents.map((toks) => toks[0].start);
  sents.forEach((toks, si) => {
    const base = k;
    const raw = toks.map((x) => doc.text.slice(x.start, x.end));
    const { forms, fixTags } = modelInput(raw, isHeadline(blocks, starts, si, raw));
    const a = annotate(forms, clock, { parse, fixTags });
    if (!parse) tagged.push(a.tagged);
    for (let i = 0; i < toks.length; i++, k++) {
      t.start[k] = toks[i].start;
      t.end[k] = toks[i].end;
      t.upos[k] = a.upos[i];
      t.xpos[k] = a.xpos[i];
      t.lemma[k] = a.lemma[i];
      t.head[k] = a.head[i] < 0 ? -1 : base + a.head[i];
      t.deprel[k] = a.deprel[i];
      t.sentence[k] = si;
    }
    sentences.push({ start: toks[0].start, end: toks[toks.length - 1].end, tokenStart: base, tokenEnd: k });
    for (const [s, e, label] of spansOf(a.ner)) {
      entities.push({
        id: `e${entities.length}`,
        start: toks[s].start,
        end: toks[e - 1].end,
        label,
        tokenStart: base + s,
        tokenEnd: base + e,
      });
    }
  });
  for (const [part, ms] of Object.entries(clock))
    if (parse || part !== 'parse') doc.trail.push({ stage: `nlp.${part}`, ms });
  doc.layers.tokens = t;
  doc.layers.sentences = sentences;
  doc.layers.entities = entities;
  if (!parse) pending.set(doc, tagged);
}

/**
 * Parse the sentences `which` selects of a Doc annotated with `parse: false`, filling their heads and relations;
 * the others keep heads -1 and empty relations. Returns how many were parsed; the time goes to `doc.trail` as
 * `nlp.parse`. A Doc annotated elsewhere (no tagger output kept) is re-tagged first, with the same result.
 */
export function parseSentences(doc: Doc, which: (si: number) => boolean): number {
  const t0 = performance.now();
  const t = doc.layers.tokens!;
  const sentences = doc.layers.sentences ?? [];
  const kept = pending.get(doc);
  pending.delete(doc);
  const blocks = doc.layers.blocks?.length ? doc.layers.blocks : [{ start: 0, end: doc.text.length }];
  const starts = sentences.map((s) => s.start);
  let parsed = 0;
  sentences.forEach((s, si) => {
    if (!which(si)) return;
    let tg = kept?.[si] ?? null;
    if (!tg) {
      const forms: string[] = [];
      for (let i = s.tokenStart; i < s.tokenEnd; i++) forms.push(doc.text.slice(t.start[i], t.end[i]));
      const { forms: mf, fixTags } = modelInput(forms, isHeadline(blocks, starts, si, forms));
      tg = annotate(mf, undefined, { parse: false, fixTags }).tagged;
    }
    const { head, deprel } = parseTagged(tg);
    for (let i = 0; i < head.length; i++) {
      const k = s.tokenStart + i;
      t.head[k] = head[i] < 0 ? -1 : s.tokenStart + head[i];
      t.deprel[k] = deprel[i];
    }
    parsed++;
  });
  doc.trail.push({ stage: 'nlp.parse', ms: performance.now() - t0 });
  return parsed;
}

/**
 * Whether sentence `si` (word forms `raw`; `starts` are the sentences' start offsets) reads as a headline: in a title
 * block, a short first sentence alone in the first of several blocks (a plain text's first line), or in title case.
 */
export function isHeadline(
  blocks: { start: number; end: number; kind?: string }[],
  starts: number[],
  si: number,
  raw: string[],
) {
  const at = starts[si];
  if (blocks.some((b) => b.kind === 'title' && at >= b.start && at < b.end)) return true;
  // A first line alone in its block, with more text after it; a text of one block (a bare sentence) is no headline.
  if (
    si === 0 &&
    blocks.length > 1 &&
    raw.length <= HEADLINE_MAX_TOKENS &&
    (starts.length < 2 || starts[1] >= blocks[0].end)
  )
    return true;
  return isTitleCase(raw);
}

/** The forms the models read (a title-case headline's common words in lowercase) and the tags fixed in a headline. */
function modelInput(raw: string[], headline: boolean): { forms: string[]; fixTags?: Int32Array } {
  const m = models();
  const forms = truecase(m.taggerMeta, raw, (w) => !!m.ner && w in m.ner.gaz.entries);
  return { forms, fixTags: headline ? headlineVerbTags(m.taggerMeta, forms) : undefined };
}

/** Entity spans [start, end, label] from IOB2 tags (a stray I- starts a span). */
export function spansOf(tags: string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  let s = -1;
  let label = '';
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i] : 'O';
    const cont = t.startsWith('I-') && s >= 0 && t.slice(2) === label;
    if (!cont && s >= 0) {
      out.push([s, i, label]);
      s = -1;
    }
    if (!cont && t !== 'O') {
      s = i;
      label = t.slice(2);
    }
  }
  return out;
}

function fill(sent: ConlluSentence): void {
  const a = annotate(sent.words.map((w) => w.form));
  sent.words.forEach((w, i) => {
    w.upos = a.upos[i];
    w.xpos = a.xpos[i];
    w.lemma = a.lemma[i];
    w.head = a.head[i];
    w.deprel = a.deprel[i] || '_';
    w.misc = setMisc(w.misc, 'NER', a.ner[i]);
  });
}

/** Parse CoNLL-U input keeping its tokens and sentences; fill UPOS, XPOS, LEMMA, HEAD, DEPREL and NER= in MISC. */
export function parseConllu(input: string): string {
  const sents = readConllu(input);
  for (const s of sents) if (s.words.length) fill(s);
  return writeConllu(sents);
}

/** Parse raw text into CoNLL-U (blank lines separate blocks). */
export function parseText(text: string): string {
  const blocks: { start: number; end: number }[] = [];
  const re = /\S[\s\S]*?(?=\n[ \t]*\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) blocks.push({ start: m.index, end: m.index + m[0].length });
  const out: ConlluSentence[] = [];
  for (const toks of segment(text, blocks)) {
    const words = toks.map((x, i) => ({
      form: text.slice(x.start, x.end),
      lemma: '',
      upos: '',
      xpos: '',
      feats: '_',
      head: -1,
      deprel: '',
      deps: '_',
      misc: i + 1 < toks.length && toks[i + 1].start === x.end ? 'SpaceAfter=No' : '_',
    }));
    const sent: ConlluSentence = {
      comments: [`# text = ${text.slice(toks[0].start, toks[toks.length - 1].end).replace(/\s+/g, ' ')}`],
      words,
      extra: [],
    };
    fill(sent);
    out.push(sent);
  }
  return writeConllu(out);
}
