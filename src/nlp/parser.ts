/** Dependency parser (placeholder until the arc-hybrid model lands). */
import type { Lex } from './lex.js';
import type { SparseModel } from './perceptron.js';

/** Parser metadata. */
export interface ParserMeta {
  labels: string[];
}

/** Parse a tagged sentence. */
export function parseSentence(_p: { trans: SparseModel; label: SparseModel; meta: ParserMeta }, lx: Lex, _tags: Int32Array): { head: Int32Array; deprel: string[] } {
  return { head: new Int32Array(lx.n).fill(-1), deprel: new Array<string>(lx.n).fill('') };
}
