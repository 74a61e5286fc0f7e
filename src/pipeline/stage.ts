/** The contract a pipeline stage meets: what it needs, what it adds, and a run over one Doc. */
import type { Doc, LayerName } from '../doc/index.js';

/** A pipeline stage. Versioned names let stored results say which component produced them. */
export interface Stage {
  /** e.g. `ner.perceptron.v1`. */
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  /** Add this stage's layers to `doc`. Throwing marks the document failed at this stage. */
  run(doc: Doc): void;
}
