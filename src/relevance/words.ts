/**
 * The actor word list relevance features look up: country names, demonyms, capitals,
 * leaders' full names, organisations and sector words (data/relevance/words.json, built
 * from data/actors by train.ts). Phrases are keyed by their lower-case token keys.
 */
import { keyOf, tokens } from './tokens.js';

/** Longest phrase looked up, in tokens. */
export const MAX_PHRASE = 4;

/** The word list as stored: phrase key → kinds (e.g. `country`, `sector:MIL`). */
export interface WordList {
  version: number;
  entries: Record<string, string[]>;
}

/** Phrase key of a text, as the matcher builds it from tokens. */
export function phraseKey(text: string): string {
  return tokens(text).map(keyOf).join(' ');
}

/** Kinds matched in a sentence, one entry per match (longest match first, no overlaps). */
export function wordHits(toks: string[], keys: string[], list: WordList): string[] {
  const hits: string[] = [];
  let i = 0;
  while (i < toks.length) {
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE, toks.length - i); n >= 1 && !matched; n--) {
      const key = keys.slice(i, i + n).join(' ');
      // Own keys only: a sentence saying "constructor" must not find Object.prototype's.
      if (!Object.hasOwn(list.entries, key)) continue;
      const kinds = list.entries[key];
      // A one-word name must be capitalised in the text: "turkey" the bird, "chad" the name.
      const ok = n > 1 ? kinds : kinds.filter((k) => k.startsWith('sector') || /^\p{Lu}/u.test(toks[i]));
      if (!ok.length) continue;
      hits.push(...ok);
      matched = n;
    }
    i += matched || 1;
  }
  return hits;
}
