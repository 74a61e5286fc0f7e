/**
 * Phase 2 of a chunk: modifiers between the head and the sector words ("Israeli right-winger", "Afghan rebel
 * leaders", "former"), and one unknown common noun inside the phrase ("French paper workers").
 */
import { has } from '../candidate.js';
import type { Chunk } from './state.js';

/** "French paper workers": one unknown lower-case noun before a sector word stays inside the phrase. */
export function innerCommonNoun(s: Chunk, q: number): boolean {
  const { ws, at, cx, country, org } = s;
  const W = s.lex.words;
  return (
    q > s.i &&
    q < ws.length &&
    !at.has(q) &&
    /^\p{Ll}{3,}$/u.test(ws[q].raw) &&
    !W.functionWords.has(ws[q].key) &&
    !W.locatives.has(ws[q].key) &&
    !!has(at.get(q + 1), 'sector') &&
    !!(country || org) &&
    country?.kind !== 'capital' &&
    cx.upos(q) !== 'VERB' &&
    cx.upos(q) !== 'ADP'
  );
}

/** Phase 2: skip modifiers after the head; sets q (where sector words start) and former. */
export function readModifiers(s: Chunk): void {
  let q = s.p;
  s.former = s.back.former;
  while (s.isMod(q)) {
    if (s.lex.words.former.has(s.ws[q].key)) s.former = true;
    q++;
  }
  if (innerCommonNoun(s, q)) q++;
  s.q = q;
}
