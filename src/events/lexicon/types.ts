/** Types of compiled event-lexicon entries (see data/events/lexicon.txt for the source format). */

/** One compiled lexicon item: a trigger word or phrase with its constraints and its coding. */
export interface LexEntry {
  id: string;
  /** v = verb, n = noun or nominalisation, a = predicative adjective. */
  pos: 'v' | 'n' | 'a';
  /** Lemmas; verbs: the verb then particles; nouns: modifiers then the head. */
  words: string[];
  /** A dependent introduced by this preposition (or infinitival "to") is required. */
  prep?: string;
  /** Object (verbs) or modifier (nouns) lemmas, one of which is required. */
  objs?: string[];
  /** Governing verb lemmas, one of which is required. */
  govs?: string[];
  cameo: string;
  type: string;
  mode: string;
  contexts: string[];
  goldstein: number;
  /** A pattern that must not fire: it blocks less specific entries of the same word. */
  block: boolean;
  /** The item as written in the source, for explanations. */
  text: string;
}
