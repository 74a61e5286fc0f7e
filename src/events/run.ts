/**
 * Script helper (eval, train, bench only): run nlp → actors → events over bare
 * sentences. Components never import this; scripts may import other stages.
 */
import { createDoc, type Doc } from '../doc/index.js';
import { nlpStage } from '../nlp/index.js';
import { actorsStage } from '../actors/index.js';
import { relevanceStage } from '../relevance/index.js';
import { eventsStage, type EventsOptions } from './index.js';
import type { Stage } from '../pipeline/index.js';

/** A Doc over one sentence or snippet, one paragraph block, dated when a date is given. */
export function sentenceDoc(text: string, date?: string | null): Doc {
  const doc = createDoc(text);
  doc.layers.blocks = [{ start: 0, end: text.length, kind: 'paragraph' }];
  if (date) doc.meta.published = { value: date, from: 'input' };
  return doc;
}

/** Stage failures seen by the preprocessor, by stage name (a failing stage leaves its layers empty). */
export const stageFailures = new Map<string, number>();

/** Parse and tag actors (no events): the input the events stage and the model features need. */
export function makePreprocessor(): (text: string, date?: string | null) => Doc {
  const stages: Stage[] = [nlpStage(), relevanceStage(), actorsStage()];
  return (text, date) => {
    const doc = sentenceDoc(text, date);
    for (const s of stages) {
      try {
        s.run(doc);
      } catch {
        stageFailures.set(s.name, (stageFailures.get(s.name) ?? 0) + 1);
        for (const l of s.assigns)
          if (!doc.layers[l]) (doc.layers as Record<string, unknown>)[l] = l === 'tokens' ? undefined : [];
      }
    }
    if (!doc.layers.tokens) {
      doc.layers.sentences = [];
    }
    return doc;
  };
}

/** The whole chain on one sentence; returns the Doc with events. */
export function makeRunner(opts: EventsOptions = {}): (text: string, date?: string | null) => Doc {
  const pre = makePreprocessor();
  const ev = eventsStage(opts);
  return (text, date) => {
    const doc = pre(text, date);
    ev.run(doc);
    return doc;
  };
}
