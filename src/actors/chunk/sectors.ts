/**
 * Phase 4 of a chunk: the run of sector words and titles ("rebel leaders", "Foreign Minister"), seats of power after a
 * country ("the Kremlin"), people nouns after a place ("Bosnian Serbs"); then, with a parse, drop sector words that
 * only modify a following noun ("police station", "official figures").
 */
import { has } from '../candidate.js';
import { modifierUse } from '../phrase.js';
import type { Chunk, ChunkResult } from './state.js';

/** Read sector words from q; returns the word after them (sets sectors and seatSector). */
export function sectorRun(s: Chunk): number {
  const { ws, at, country } = s;
  let r = s.q;
  for (;;) {
    const mm = at.get(r);
    const sw = has(mm, 'sector');
    const seat = country && country.kind !== 'seat' ? has(mm, 'seat') : undefined;
    // "Bosnian Serbs": a people noun after a place word names the community living there.
    const people = country && country.kind === 'demonym' && !s.sectors.length ? has(mm, 'plural') : undefined;
    if (sw) s.sectors.push(sw.s);
    else if (seat && !sw) s.seatSector = seat.sector;
    else if (people) s.sectors.push({ text: mm!.entries.length ? ws[r].raw : '', sector: 'CVL', ethnic: true });
    else break;
    r = mm!.j;
    while (s.isMod(r) && has(at.get(r + 1), 'sector')) r++;
  }
  return r;
}

/** Phase 4: read the sector words (see the header); a result when the chunk names no actor, else undefined. */
export function readSectors(s: Chunk): ChunkResult | undefined {
  const r = sectorRun(s);
  if (s.ethnic && !s.sectors.length) s.sectors.push({ text: s.ws[s.i].raw, sector: 'CVL', ethnic: true });
  if (s.sectors.length || s.seatSector) s.p = r;
  else if (s.notNation) return { cands: [], end: s.first.j };
  // With a parse: "police station", "military operation", "official figures" — a sector word that only modifies a
  // following common noun (or is tagged an adjective) names no actor.
  if (s.sectors.length && !s.seatSector && modifierUse(s.ws, s.at, s.q, r, s.cx)) {
    if (!s.country && !s.org) return { cands: [], end: r };
    s.sectors.length = 0;
    s.p = s.q;
  }
  return undefined;
}
