/**
 * The one token view every stage reads tokens through: surface text, lower-cased text, lemma, UPOS, relation and head
 * by document-wide token index, computed once per Doc and token layer (actors, quotes and events ask the same
 * questions of the same tokens). Out-of-range indices read as '' (and -1 for heads), never as the whole text.
 */
import type { Doc, Tokens } from './types.js';

/** Read-only accessors over a Doc's token layer. */
export class TokenView {
  readonly t: Tokens;
  /** Number of tokens. */
  readonly count: number;
  private readonly lows: (string | undefined)[];
  private readonly lemmas: (string | undefined)[];

  constructor(readonly doc: Doc) {
    this.t = doc.layers.tokens!;
    this.count = this.t.count;
    this.lows = new Array<string | undefined>(this.count);
    this.lemmas = new Array<string | undefined>(this.count);
  }

  /** Surface text of token i ('' out of range). */
  raw(i: number): string {
    return i >= 0 && i < this.count ? this.doc.text.slice(this.t.start[i], this.t.end[i]) : '';
  }

  /** Lower-cased surface text of token i ('' out of range). */
  low(i: number): string {
    if (i < 0 || i >= this.count) return '';
    let s = this.lows[i];
    if (s === undefined) this.lows[i] = s = this.raw(i).toLowerCase();
    return s;
  }

  /** Lower-cased lemma of token i, its lower-cased text when the tagger gave none. */
  lemma(i: number): string {
    if (i < 0 || i >= this.count) return '';
    let s = this.lemmas[i];
    if (s === undefined) {
      const l = this.t.lemma[i];
      this.lemmas[i] = s = l ? l.toLowerCase() : this.low(i);
    }
    return s;
  }

  /** UPOS of token i, '' when untagged or out of range. */
  upos(i: number): string {
    return this.t.upos[i] ?? '';
  }

  /** Full dependency relation of token i (e.g. `nsubj:pass`), '' when unparsed or out of range. */
  rel(i: number): string {
    return this.t.deprel[i] ?? '';
  }

  /** Relation without its subtype (`nsubj`). */
  base(i: number): string {
    const r = this.rel(i);
    const k = r.indexOf(':');
    return k < 0 ? r : r.slice(0, k);
  }

  /** Head token index (document-wide) as the parser gave it; -1 out of range. */
  head(i: number): number {
    return i >= 0 && i < this.count ? this.t.head[i] : -1;
  }

  /** Sentence index of token i; -1 out of range. */
  sentence(i: number): number {
    return i >= 0 && i < this.count ? this.t.sentence[i] : -1;
  }

  /** Character span of token i. */
  span(i: number): { start: number; end: number } {
    return { start: this.t.start[i], end: this.t.end[i] };
  }
}

const views = new WeakMap<Tokens, TokenView>();

/** The token view of `doc` (one per token layer: built on first use, then shared). Requires a token layer. */
export function tokenView(doc: Doc): TokenView {
  const t = doc.layers.tokens;
  if (!t) throw new Error('tokenView: the document has no token layer');
  let v = views.get(t);
  if (!v || v.doc !== doc) {
    v = new TokenView(doc);
    views.set(t, v);
  }
  return v;
}
