/**
 * One chunk: starting at a gazetteer match, read [country or organisation ['s]] [modifiers] [sector words and titles]
 * [name] and turn it into mention candidates (assemble.ts runs the sentence loop). Each phase lives in chunk/ with
 * its test; they run in this order over one Chunk state (chunk/state.ts):
 *   head → modifiers → own organisation → sector words → name → postfix country → output.
 */
import type { Lexicon } from './lexicon.js';
import type { Match } from './match.js';
import type { Word } from './text.js';
import type { SentenceContext } from './candidate.js';
import { readHead } from './chunk/head.js';
import { readModifiers } from './chunk/modifiers.js';
import { ownOrganisation } from './chunk/own-org.js';
import { readSectors } from './chunk/sectors.js';
import { readName } from './chunk/name.js';
import { readPostfixCountry } from './chunk/postfix.js';
import { personResult } from './chunk/person.js';
import { titledNameResult } from './chunk/titled.js';
import { describedResult } from './chunk/described.js';
import { countryResult, orgResult } from './chunk/alone.js';
import { startChunk, type Chunk, type ChunkResult } from './chunk/state.js';

export type { ChunkResult } from './chunk/state.js';

/** The output phase: the first reading that applies — a known person, a titled name, sector words, an org, a country. */
function output(s: Chunk): ChunkResult | null {
  if (s.person.length) return personResult(s);
  if (s.nameStart >= 0) return titledNameResult(s);
  const described = describedResult(s);
  if (described) return described;
  if (s.org) return orgResult(s);
  if (s.country) return countryResult(s);
  return null;
}

/** Build the chunk starting at match `i` (see the header); null when the words there are not an actor. */
export function chunk(
  lex: Lexicon,
  ws: Word[],
  at: Map<number, Match>,
  i: number,
  cx: SentenceContext,
  isMod: (k: number) => boolean,
): ChunkResult | null {
  const s = startChunk({ lex, ws, at, i, cx, isMod });
  readHead(s);
  readModifiers(s);
  const own = ownOrganisation(s);
  if (own) return own;
  const none = readSectors(s);
  if (none) return none;
  if (!readName(s)) return null;
  readPostfixCountry(s);
  return output(s);
}
