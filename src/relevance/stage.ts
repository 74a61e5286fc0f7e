/** The relevance stage: a calibrated political-event probability for each sentence and for the document. */
import type { Doc } from '../doc/index.js';
import type { Stage } from '../pipeline/index.js';
import { loadRelevanceModel, scoreDoc, scoreSentences } from './model.js';

/** Stage version: bump when the features or the model's meaning change. */
export const RELEVANCE_STAGE = 'relevance.lr.v1';

/** Assign `relevance` from the sentence spans and the text alone (runs before the tagger and parser if wanted). */
export function relevanceStage(): Stage {
  return {
    name: RELEVANCE_STAGE,
    requires: ['sentences'],
    assigns: ['relevance'],
    run(doc: Doc) {
      const m = loadRelevanceModel();
      const texts = (doc.layers.sentences ?? []).map((s) => doc.text.slice(s.start, s.end));
      const probs = scoreSentences(texts, m);
      doc.layers.relevance = {
        score: scoreDoc(probs, doc.meta.title?.value ?? null, m),
        sentences: Float32Array.from(probs),
      };
    },
  };
}
