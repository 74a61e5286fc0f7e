/** Test helper: the sentence and trigger contexts of a hand-built Doc (testdoc.ts), so each phase is tested alone. */
import assert from 'node:assert/strict';
import type { Doc } from '../../doc/index.js';
import { isoDay } from '../dates.js';
import { MentionIndex } from '../mentions.js';
import { triggerContext, type SentenceContext, type TriggerContext } from './context.js';
import { sentenceContext } from './sentence.js';

/** The context of sentence `si` of doc (generic candidates on); fails the test when it has no trigger. */
export function sentenceAt(doc: Doc, si = 0, generic = true): SentenceContext {
  const s = sentenceContext(doc, si, new MentionIndex(doc), isoDay(doc.meta.published?.value), generic);
  assert.ok(s, 'the sentence has no trigger');
  return s;
}

/** A fresh context for the trigger of sentence 0 whose text is `word`; fails the test when no trigger has that text. */
export function triggerAt(doc: Doc, word: string, generic = true): TriggerContext {
  const s = sentenceAt(doc, 0, generic);
  for (const [i, m] of s.matches)
    if (doc.text.slice(s.v.t.start[i], s.v.t.end[i]) === word) return triggerContext(s, i, m);
  assert.fail(`no trigger "${word}" among ${[...s.matches.values()].map((m) => m.entry.id).join(', ')}`);
}

/** The text of the phrase heads an argument picked. */
export function argText(x: TriggerContext, role: 'actor' | 'recipient'): string[] {
  return x[role].pick.tokens.map((t) => x.s.doc.text.slice(x.v.t.start[t], x.v.t.end[t]));
}

/** The countries of the mentions an argument names. */
export function argCountries(x: TriggerContext, role: 'actor' | 'recipient'): (string | null)[] {
  return x[role].mentions.map((m) => m.country);
}
