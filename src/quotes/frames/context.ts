/**
 * What a frame rule (frames/*.ts) sees: the sentence part [from, to), the cue, the marked quotes, the attributions
 * found earlier in the sentence, where the left part starts, and the source phrase before the cue (read once, when a
 * rule first asks). Also the Attribution shape and how a rule builds one.
 */
import type { Span, TokenView } from '../../doc/index.js';
import type { CueHit } from '../find-cues.js';
import type { MarkedQuote } from '../marks.js';
import { npBack, npForward, skipBetweenBack } from '../np.js';
import { isDirect, quoteAt } from '../spans.js';
import { quoteWords } from '../words.js';

/** An attribution found in the text, before speaker resolution. */
export interface Attribution {
  content: Span;
  cue: Span | null;
  source: Span | null;
  direct: boolean;
  /** How the source was found: np, pronoun, relative ("who"), participle (shared subject), inherited, none. */
  sourceKind: 'np' | 'pronoun' | 'relative' | 'participle' | 'inherited' | 'none';
  /** For a relative or inherited source: the phrase it stands for. */
  antecedent?: Span;
  /** Which frame produced it, for provenance. */
  frame: string;
}

/** How far into the right part "that" may come and still open the content ("said Thursday after talks ... that"). */
export const MAX_THAT_DISTANCE = 16;
/** Shortest content worth a quote, in word tokens. */
export const MIN_CONTENT_WORDS = 2;

/** One cue in its sentence part, as the frame rules read it. */
export class FrameContext {
  /** Where the left part starts: leading conjunctions and commas do not make one. */
  readonly lStart: number;
  private source: [number, number] | null | undefined;

  constructor(
    readonly v: TokenView,
    readonly from: number,
    readonly to: number,
    readonly cue: CueHit,
    readonly cueSpan: Span,
    readonly marked: MarkedQuote[],
    readonly earlier: Attribution[],
  ) {
    let lStart = from;
    while (lStart < cue.i && quoteWords().leadingConjunctions.has(v.low(lStart))) lStart++;
    this.lStart = lStart;
  }

  /** Character span of tokens a..b (inclusive). */
  spanOf(a: number, b: number): Span {
    const t = this.v.doc.layers.tokens!;
    return { start: t.start[a], end: t.end[b] };
  }

  /** A comma inside the sentence part. */
  isComma(i: number): boolean {
    return i >= this.from && i < this.to && this.v.raw(i) === ',';
  }

  /**
   * The source phrase right before the cue ("the French president said"), or, for "X met Y and said …", the clause
   * subject a coordinated verb shares; read once.
   */
  sourceBefore(): [number, number] | null {
    if (this.source !== undefined) return this.source;
    const { v, cue, lStart } = this;
    let src = npBack(v, cue.i - 1, lStart);
    const prevWord = skipBetweenBack(v, cue.i - 1, lStart);
    if (!src && prevWord >= lStart && v.low(prevWord) === 'and') src = subjectOf(v, lStart, prevWord);
    this.source = src;
    return src;
  }

  /** An attribution of `content` to `source` by frame `fr`, extended over the quotes it cuts into. */
  make(content: Span, source: [number, number] | null, fr: string, kind?: Attribution['sourceKind']): Attribution {
    const { v, from, marked } = this;
    const c = extendToQuotes(content, marked);
    const a: Attribution = {
      content: c,
      cue: this.cueSpan,
      source: source ? this.spanOf(source[0], source[1]) : null,
      direct: isDirect(c, marked),
      sourceKind: kind ?? (source ? sourceKindOf(v, source) : 'none'),
      frame: fr,
    };
    if (a.sourceKind === 'relative' && source) {
      // "X, who said" / "people who say": the relative pronoun stands for the phrase before it.
      const k = source[0] - 1;
      const ante = k < from ? null : v.raw(k) === ',' ? npBack(v, k - 1, from) : npBack(v, k, from);
      if (ante) a.antecedent = this.spanOf(ante[0], ante[1]);
    }
    return a;
  }
}

/** Extend a content span to cover any marked quote it starts or ends inside of. */
export function extendToQuotes(c: Span, marked: MarkedQuote[]): Span {
  let { start, end } = c;
  const qs = quoteAt(marked, start);
  if (qs) start = Math.min(start, qs.start);
  const qe = quoteAt(marked, Math.max(start, end - 1));
  if (qe) end = Math.max(end, qe.end);
  return { start, end };
}

/** How a source phrase was found: a relative pronoun, a pronoun or a noun phrase. */
export function sourceKindOf(v: TokenView, np: [number, number]): Attribution['sourceKind'] {
  const w = v.low(np[0]);
  if (np[0] === np[1] && (w === 'who' || w === 'which' || w === 'that')) return 'relative';
  if (np[0] === np[1] && quoteWords().pronouns.has(w)) return 'pronoun';
  return 'np';
}

/** A word token that a tokenizer left glued to its closing comma or quote mark ("here,“"). */
export function gluedClose(raw: string): boolean {
  return raw.length > 1 && /[\p{L}\p{N}.!?…][,]?[”"“]$/u.test(raw);
}

/** The subject of a clause: the first noun phrase after any fronted phrase ("At the same time, he …"). */
export function subjectOf(v: TokenView, from: number, to: number): [number, number] | null {
  let k = from;
  if (quoteWords().clauseOpeners.has(v.low(k))) {
    let c = k;
    while (c < to && v.raw(c) !== ',') c++;
    if (c < to) k = c + 1;
  }
  return npForward(v, k, to);
}
