/** Named-entity tagger (placeholder until the perceptron NER lands). */
import type { Lex } from './lex.js';
import type { SparseModel } from './perceptron.js';

/** NER metadata. */
export interface NerMeta {
  classes: string[];
}

/** IOB2 tags for a tagged sentence. */
export function nerSentence(_m: SparseModel, _meta: NerMeta, lx: Lex, _tags: Int32Array): string[] {
  return new Array<string>(lx.n).fill('O');
}
