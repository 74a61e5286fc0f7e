/** NLP stage: sentences, tokens, POS, lemmas, dependencies and entities. (Placeholder until issue 4 lands.) */
import type { Stage } from '../pipeline/index.js';

/** The nlp stage: assigns sentences, tokens (with tags and heads) and entities. */
export function nlpStage(): Stage {
  return {
    name: 'nlp.placeholder.v0',
    requires: ['blocks'],
    assigns: ['sentences', 'tokens', 'entities'],
    run() {
      throw new Error('nlp stage not built yet');
    },
  };
}

/** Parse CoNLL-U input keeping its tokens and sentences; fill UPOS, XPOS, LEMMA, HEAD, DEPREL and NER= in MISC. */
export function parseConllu(_input: string): string {
  throw new Error('nlp stage not built yet');
}

/** Parse raw text into CoNLL-U. */
export function parseText(_text: string): string {
  throw new Error('nlp stage not built yet');
}
