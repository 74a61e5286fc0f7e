/**
 * Where a story happens: country names, capitals and cities after a place preposition ("in Iran", "near Tehran",
 * "at Westminster Magistrate's Court in London"). They are not actors (the chunker drops them), but they are the
 * best evidence of the story's country, so the home country counts them beside the actor mentions.
 */
import type { Lexicon } from './lexicon.js';
import type { Match } from './match.js';
import type { Word } from './text.js';

/** A country a sentence places something in. */
export interface Located {
  sentence: number;
  country: string;
}

const PLACE_KINDS = new Set(['country', 'capital', 'city', 'seat']);

/** The one country a match names as a place, or null when it names none or several. "at" + a country name is a
 * target ("angry at France"), not a place. */
function placeCountry(m: Match, afterAt: boolean): string | null {
  const cs = new Set<string>();
  for (const e of m.entries)
    if (PLACE_KINDS.has(e.kind) && 'c' in e && !(afterAt && e.kind === 'country')) cs.add(e.c.code);
  return cs.size === 1 ? [...cs][0] : null;
}

/** The countries of one sentence's place phrases: a place preposition (or one then "the") before a place match. */
export function locatedIn(lex: Lexicon, ws: Word[], matches: Match[], sentence: number): Located[] {
  const place = lex.words.placeOnly;
  const out: Located[] = [];
  for (const m of matches) {
    const prev = m.i > 0 ? ws[m.i - 1].key : '';
    const prev2 = m.i > 1 ? ws[m.i - 2].key : '';
    if (!place.has(prev) && !(prev === 'the' && place.has(prev2))) continue;
    const country = placeCountry(m, prev === 'at' || prev2 === 'at');
    if (country) out.push({ sentence, country });
  }
  return out;
}
