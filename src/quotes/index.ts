/** Quotes stage: quotations with cue, content and speaker; document and sentence tone. (Placeholder until issue 7 lands.) */
import type { Stage } from '../pipeline/index.js';

/** The quotes stage: assigns quotes, tone and sentenceTone. */
export function quotesStage(): Stage {
  return {
    name: 'quotes.placeholder.v0',
    requires: ['tokens', 'sentences', 'mentions'],
    assigns: ['quotes', 'tone', 'sentenceTone'],
    run() {
      throw new Error('quotes stage not built yet');
    },
  };
}
