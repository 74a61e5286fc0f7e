/**
 * Phase 6 of a chunk: a country after the sector words when the chunk has none — "president of Armenia" is
 * Armenia's; "rebels in the Ivory Coast", "forces in southern Syria" may be foreign to the place.
 */
import { countryOf } from '../candidate.js';
import type { Chunk } from './state.js';

/** Phase 6: read a postfix country (sets postCountry, postIn and p). */
export function readPostfixCountry(s: Chunk): void {
  const { ws, at } = s;
  if (s.country || s.org || !s.sectors.length || s.nameStart >= 0) return;
  let k = s.p;
  if (k >= ws.length || !s.lex.words.postfixPrepositions.has(ws[k].key)) return;
  s.postIn = ws[k].key !== 'of';
  k++;
  if (k < ws.length && ws[k].key === 'the') k++;
  if (k < ws.length && s.lex.words.directions.has(ws[k].key)) k++;
  const cm = countryOf(at.get(k));
  if (cm && (cm.kind === 'country' || cm.kind === 'capital' || cm.kind === 'city')) {
    s.postCountry = cm.c;
    s.p = at.get(k)!.j;
  }
}
