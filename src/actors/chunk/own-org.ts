/**
 * Phase 3 of a chunk: "Lebanese Hezbollah", "Iraqi Kurdish peshmerga" — a country word before one of its own
 * organisations (or a stateless one) names the organisation, placed in that country.
 */
import { has, isSubject } from '../candidate.js';
import type { Identity } from '../identity.js';
import type { Chunk, ChunkResult } from './state.js';

/** Phase 3: the chunk's result when the country word is followed by its own organisation, else undefined. */
export function ownOrganisation(s: Chunk): ChunkResult | undefined {
  const { ws, at, cx, i, q } = s;
  const pc = s.country;
  const orgAfter = pc && q < ws.length ? has(at.get(q), 'org') : undefined;
  if (!pc || !orgAfter || (orgAfter.o.country !== pc.c.code && orgAfter.o.country !== '')) return undefined;
  const o = orgAfter.o;
  const e = at.get(q)!.j;
  const ident: Identity = {
    name: o.name,
    country: o.country || pc.c.code,
    sector: o.sector,
    code: o.code,
    confidence: 0.9,
    evidence: [`organisation "${o.name}" of ${pc.c.name}`],
    ...(o.wikidata ? { wikidata: o.wikidata } : {}),
  };
  if (o.type === 'media' && !cx.standalone) return { cands: [], end: e };
  return { cands: [{ i, j: e, kind: 'org', ident, person: false, org: o, subject: isSubject(cx, i, e) }], end: e };
}
