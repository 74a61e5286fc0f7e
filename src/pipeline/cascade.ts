/**
 * The cascade: do not pay for what cannot yield an event. After tokens, tags, lemmas and entities (cheap) and the
 * relevance scores (text only), decide per document whether events can come from it at all, and per sentence
 * whether the dependency parse can matter; then parse only those sentences, and skip the events stage on documents
 * that cannot yield events. docs/performance.md says what each skip changes for the other layers.
 *
 *  document   The event gate drops every candidate of a document of ≥ 3 sentences whose relevance is below
 *             DOC_RELEVANCE_MIN (src/events/gate.ts), so such a document skips the events stage (same events: none).
 *  sentence   On a document that can yield events, parsed when it has any of: a word the event lexicon indexes, a
 *             verb (the coder's lexicon-free candidates start at verbs), a possible party (an entity, an
 *             actor-gazetteer word, a pronoun: the actors stage reads appositions from the parse), a possible quote.
 *             On every document, parsed when it may hold a quote (a quote mark or a reporting-cue form).
 */
import type { Doc } from '../doc/index.js';
import { parseSentences } from '../nlp/index.js';
import type { Stage } from './stage.js';
import { DOC_RELEVANCE_MIN } from '../events/gate.js';
import { lexicon } from '../events/lexicon/index.js';
import { cueLexicon } from '../quotes/cues.js';
import { loadRelevanceModel } from '../relevance/index.js';
import { keyOf, tokens } from '../relevance/tokens.js';
import { wordHits } from '../relevance/words.js';

/** The gate judges a document (not a bare sentence) from this many sentences on (gate.ts DOC_MIN_SENTENCES). */
export const DOC_MIN_SENTENCES = 3;

/** Cheap per-sentence signals, from tokens, tags, lemmas, entities and the text. */
export interface SentenceSignals {
  /** A token whose lemma, text or a de-inflection of it is a word the event lexicon indexes (any part of speech). */
  trigger: boolean;
  /** A token tagged VERB. */
  verb: boolean;
  /** A possible party: an entity, an actor-gazetteer word or phrase, or a pronoun. */
  party: boolean;
  /** A quote mark, or a word or phrase of the reporting-cue lexicon. */
  quote: boolean;
}

/** The decision for one document. */
export interface CascadePlan {
  /** Can the document yield events (false: the gate would reject every candidate as non-political)? */
  events: boolean;
  /** Per sentence: 1 when it is to be parsed. */
  parse: Uint8Array;
}

/** Can a document of `sentences` sentences with this relevance yield events (the gate's document rule)? */
export function documentCanYieldEvents(relevance: number | null, sentences: number): boolean {
  return relevance === null || sentences < DOC_MIN_SENTENCES || relevance >= DOC_RELEVANCE_MIN;
}

/** Whether a sentence with these signals is parsed, in a document that can (or cannot) yield events. */
export function parseWanted(s: SentenceSignals, docEvents: boolean): boolean {
  return s.quote || (docEvents && (s.trigger || s.verb || s.party));
}

/** Lookup keys of a word for the lexicon: itself and the crude de-inflections the lexicon matcher also tries. */
export function triggerKeys(w: string): string[] {
  const keys = [w];
  if (w.length > 4) {
    if (w.endsWith('ies') || w.endsWith('ied')) keys.push(w.slice(0, -3) + 'y');
    if (w.endsWith('es')) keys.push(w.slice(0, -2));
    if (w.endsWith('s')) keys.push(w.slice(0, -1));
    if (w.endsWith('ed')) keys.push(w.slice(0, -2), w.slice(0, -1));
    if (w.endsWith('ing')) keys.push(w.slice(0, -3), w.slice(0, -3) + 'e');
    const m = /(.)\1(ed|ing)$/.exec(w);
    if (m) keys.push(w.slice(0, m.index + 1));
  }
  return keys;
}

let triggerWords: Set<string> | null = null;

/** Every word the event lexicon indexes entries under (verbs, noun heads, adjectives). */
function lexiconWords(): Set<string> {
  if (triggerWords) return triggerWords;
  const ix = lexicon();
  return (triggerWords = new Set([...ix.verbs.keys(), ...ix.nouns.keys(), ...ix.adjs.keys()]));
}

const QUOTE_MARKS = /["“”‘’«»„]/;

/** Does the lower-cased word sequence hold a cue form (one word or a phrase like "point out")? */
function hasCue(words: string[]): boolean {
  const { forms, maxWords } = cueLexicon();
  for (let i = 0; i < words.length; i++) {
    let key = words[i];
    if (forms.has(key)) return true;
    for (let n = 2; n <= maxWords && i + n <= words.length; n++) {
      key += ' ' + words[i + n - 1];
      if (forms.has(key)) return true;
    }
  }
  return false;
}

/** The signals of sentence `si` of a tagged Doc. */
export function sentenceSignals(doc: Doc, si: number): SentenceSignals {
  const t = doc.layers.tokens!;
  const s = doc.layers.sentences![si];
  const lex = lexiconWords();
  const words: string[] = [];
  let trigger = false;
  let verb = false;
  let party = false;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const w = doc.text.slice(t.start[i], t.end[i]).toLowerCase();
    words.push(w);
    if (t.upos[i] === 'VERB') verb = true;
    if (t.upos[i] === 'PRON') party = true;
    if (!trigger) {
      const l = (t.lemma[i] || w).toLowerCase();
      trigger = lex.has(l) || triggerKeys(w).some((k) => lex.has(k));
    }
  }
  const text = doc.text.slice(s.start, s.end);
  if (!party) party = (doc.layers.entities ?? []).some((e) => e.tokenStart < s.tokenEnd && e.tokenEnd > s.tokenStart);
  if (!party) {
    const list = loadRelevanceModel()?.words;
    const toks = tokens(text);
    party = !list || wordHits(toks, toks.map(keyOf), list).length > 0;
  }
  return { trigger, verb, party, quote: QUOTE_MARKS.test(text) || hasCue(words) };
}

/** Plan the cascade for a tagged Doc with relevance scores. */
export function planCascade(doc: Doc): CascadePlan {
  const n = doc.layers.sentences?.length ?? 0;
  const events = documentCanYieldEvents(doc.layers.relevance?.score ?? null, n);
  const parse = new Uint8Array(n);
  for (let si = 0; si < n; si++) parse[si] = parseWanted(sentenceSignals(doc, si), events) ? 1 : 0;
  return { events, parse };
}

/** The plan of each Doc the cascade stage has seen (read by {@link eventsWhenPlanned}). */
const plans = new WeakMap<Doc, CascadePlan>();

/** The cascade's plan for a Doc, once its stage has run. */
export function cascadePlanOf(doc: Doc): CascadePlan | undefined {
  return plans.get(doc);
}

/** Stage version: bump when the signals or the rule change. */
export const CASCADE_STAGE = 'cascade.parse.v1';

/** The stage that plans the cascade and parses the sentences it selects (after nlp without parsing, and relevance). */
export function cascadeStage(): Stage {
  return {
    name: CASCADE_STAGE,
    requires: ['tokens', 'sentences', 'entities', 'relevance'],
    assigns: [],
    run(doc: Doc) {
      const t0 = performance.now();
      const plan = planCascade(doc);
      plans.set(doc, plan);
      doc.trail.push({ stage: 'cascade.plan', ms: performance.now() - t0 });
      parseSentences(doc, (si) => plan.parse[si] === 1);
    },
  };
}

/** The events stage, skipped (no events) on a Doc the cascade planned as unable to yield events. */
export function eventsWhenPlanned(events: Stage): Stage {
  return {
    ...events,
    run(doc: Doc) {
      if (plans.get(doc)?.events === false) doc.layers.events = [];
      else events.run(doc);
    },
  };
}
