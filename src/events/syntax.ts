/**
 * A read-only view of one parsed sentence for the event rules: children lists,
 * lemma/text/deprel accessors and small tree walks over UD-style dependencies.
 * Texts and lemmas come from the document's one token view (doc/tokens.ts), which actors and quotes read too.
 */
import { tokenView, type Doc, type TokenView, type Tokens } from '../doc/index.js';

/** Helpers over the tokens of one sentence (token indices are document-wide). */
export class SentenceView {
  readonly t: Tokens;
  readonly start: number;
  readonly end: number;
  private readonly kids: number[][];
  /** The document's token view: lower-cased texts and lemmas, computed once per token however often rules ask. */
  private readonly tv: TokenView;

  constructor(
    readonly doc: Doc,
    readonly index: number,
  ) {
    const s = doc.layers.sentences![index];
    this.t = doc.layers.tokens!;
    this.start = s.tokenStart;
    this.end = s.tokenEnd;
    this.kids = Array.from({ length: this.end - this.start }, () => []);
    this.tv = tokenView(doc);
    let parsed = false;
    for (let i = this.start; i < this.end && !parsed; i++) if (this.t.deprel[i]) parsed = true;
    this.parsed = parsed;
    for (let i = this.start; i < this.end; i++) {
      const h = this.t.head[i];
      if (h >= this.start && h < this.end && h !== i) this.kids[h - this.start].push(i);
    }
  }

  /** Lower-cased surface text of token i ('' outside the sentence). */
  text(i: number): string {
    return i >= this.start && i < this.end ? this.tv.low(i) : '';
  }

  /** Lower-cased lemma of token i, falling back to its text when the parser gave none ('' outside the sentence). */
  lemma(i: number): string {
    return i >= this.start && i < this.end ? this.tv.lemma(i) : '';
  }

  upos(i: number): string {
    return this.t.upos[i];
  }

  /** Full relation, e.g. `nsubj:pass`. */
  rel(i: number): string {
    return this.t.deprel[i];
  }

  /** Relation without its subtype, e.g. `nsubj`. */
  base(i: number): string {
    const r = this.t.deprel[i];
    const k = r.indexOf(':');
    return k < 0 ? r : r.slice(0, k);
  }

  /** Head token index, or -1 for the root (or a head outside the sentence). */
  head(i: number): number {
    const h = this.t.head[i];
    return h >= this.start && h < this.end && h !== i ? h : -1;
  }

  children(i: number): number[] {
    return this.kids[i - this.start];
  }

  /** Children whose relation (full or base) is one of `rels`. */
  childrenBy(i: number, ...rels: string[]): number[] {
    return this.children(i).filter((c) => rels.includes(this.rel(c)) || rels.includes(this.base(c)));
  }

  /** The preposition or subordinator lemmas marking token i (its case/mark children). */
  marks(i: number): string[] {
    return this.children(i)
      .filter((c) => this.base(c) === 'case' || this.base(c) === 'mark')
      .map((c) => this.lemma(c));
  }

  /** Token i and its conjuncts (conj children, recursively), in order. */
  withConjuncts(i: number): number[] {
    const out = [i];
    for (let k = 0; k < out.length; k++)
      for (const c of this.childrenBy(out[k], 'conj')) if (!out.includes(c)) out.push(c);
    return out;
  }

  /** Whether token i is a verb-like predicate (VERB, or AUX as a main verb). */
  isVerb(i: number): boolean {
    return this.upos(i) === 'VERB';
  }

  /** True when the sentence has usable dependency annotation. */
  readonly parsed: boolean;
}
