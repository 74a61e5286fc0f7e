/**
 * Quotes stage: quotations with cue, content, source and speaker mention, and
 * GDELT-style document tone with a score per sentence and per quote.
 */
import type { Doc, Quote } from '../doc/index.js';
import type { Stage } from '../pipeline/index.js';
import { findAttributions } from './attribute.js';
import { resolveSpeakers } from './speaker.js';
import { documentTone, spanTone } from './tone.js';

export { findMarkedQuotes } from './marks.js';
export { findAttributions } from './attribute.js';
export { scoreText, toneOf } from './tone.js';
export { quotesForCli } from './cli.js';

/** Find the quotes of a doc (needs tokens and sentences; uses mentions when present). */
export function extractQuotes(doc: Doc): Quote[] {
  const found = findAttributions(doc);
  const speakers = resolveSpeakers(doc, found);
  return found.map((a, i) => ({
    id: `q${i}`,
    content: a.content,
    cue: a.cue,
    source: a.source,
    speaker: speakers[i],
    direct: a.direct,
    tone: Math.round(spanTone(doc, a.content) * 1000) / 1000,
  }));
}

/** The quotes stage: assigns quotes, tone and sentenceTone. */
export function quotesStage(): Stage {
  return {
    name: 'quotes.rules.v1',
    requires: ['tokens', 'sentences', 'mentions'],
    assigns: ['quotes', 'tone', 'sentenceTone'],
    run(doc: Doc) {
      doc.layers.quotes = extractQuotes(doc);
      const { tone, sentenceTone } = documentTone(doc);
      doc.layers.tone = tone;
      doc.layers.sentenceTone = sentenceTone;
    },
  };
}
