/**
 * Output of a chunk of sector words, with or without a country or organisation before them: "Hamas gunmen", "the
 * Taliban government", "Somali rebels", "Hungarian and Romanian officials", "peacekeepers". The sector is chosen by an
 * ordered list of named rules.
 */
import { CONF_POSTFIX_IN, isSubject, phraseOf, pickSector, type Candidate } from '../candidate.js';
import { makeCode, type Identity } from '../identity.js';
import { apposedName } from '../phrase.js';
import type { CountryRecord, SectorWord } from '../types.js';
import { rawText, spanStart, type Chunk, type ChunkResult } from './state.js';

/** Sectors of armed people; after an armed group they are that group's own fighters. */
const ARMED_SECTORS = new Set(['REB', 'UAF', 'MIL', 'PRM']);

/** A rule that may choose the sector of an organisation's sector words; the first that answers wins. */
export interface SectorRule {
  name: string;
  sector(s: Chunk, head: SectorWord | undefined, sector: string): string | undefined;
}

/**
 * "Hamas gunmen" are Hamas fighters; "the Taliban government" governs: armed words keep an armed group's sector,
 * governing words make it GOV, other generic words keep the organisation's own sector.
 */
export const ORG_SECTOR_RULES: readonly SectorRule[] = [
  {
    name: 'governing-word',
    sector: (s, head) => (s.org && head && s.lex.words.governing.has(head.text.toLowerCase()) ? 'GOV' : undefined),
  },
  { name: 'generic-word', sector: (s, head, sector) => (s.org && head?.generic ? s.org.sector || sector : undefined) },
  {
    name: 'armed-group-fighters',
    sector: (s, _head, sector) =>
      s.org && s.org.type === 'armed' && ARMED_SECTORS.has(sector) ? s.org.sector : undefined,
  },
];

/** The sector the chunk's sector words name, after the organisation rules and "former" (a former official is ELI). */
export function describedSector(s: Chunk, head: SectorWord | undefined): string {
  let sector = s.seatSector ?? head!.sector;
  for (const rule of ORG_SECTOR_RULES) {
    const chosen = rule.sector(s, head, sector);
    if (chosen !== undefined) {
      sector = chosen;
      break;
    }
  }
  if (s.former && head?.person) sector = 'ELI';
  return sector;
}

/** "Hamas gunmen": an organisation with sector words. */
function orgDescribed(s: Chunk, head: SectorWord | undefined, sector: string): ChunkResult {
  const org = s.org!;
  const start = spanStart(s);
  const ident: Identity = {
    name: org.name,
    country: org.country || null,
    sector,
    code: org.code.startsWith(org.country) && sector === org.sector ? org.code : makeCode(org.country || null, sector),
    confidence: 0.85,
    evidence: [`organisation "${org.name}" + sector word "${head?.text}"`],
    ...(org.wikidata ? { wikidata: org.wikidata } : {}),
  };
  const cand: Candidate = {
    i: start,
    j: s.p,
    kind: 'org+sector',
    ident,
    person: !!head?.person,
    org,
    subject: isSubject(s.cx, start, s.p),
  };
  return { cands: [cand], end: s.p };
}

/** "Hungarian and Romanian officials", "rebels in the Ivory Coast": one candidate per country. */
function countryDescribed(
  s: Chunk,
  head: SectorWord | undefined,
  sector: string,
  countries: CountryRecord[],
): ChunkResult {
  const { country, extraCountries, back, ws, q, p } = s;
  const start = spanStart(s);
  const text = rawText(s, start, p);
  const cands: Candidate[] = countries.map((c) => ({
    i: start,
    j: p,
    kind: 'demonym+sector',
    ident: {
      name: text,
      country: c.code,
      sector,
      code: makeCode(c.code, sector),
      confidence: !country && s.postIn ? CONF_POSTFIX_IN : 0.85,
      evidence: [
        `${country ? country.kind : 'postfix country'} "${c.name}" + sector word "${head?.text ?? s.seatSector}"`,
      ],
    },
    person: !!head?.person && !extraCountries.length,
    titleRole: head?.role,
    descSector: sector,
    descKey: back.definite ? phraseOf(ws, q, p) : undefined,
    descCountry: c.code,
    subject: isSubject(s.cx, start, p),
  }));
  if (cands.length === 1 && head?.person) {
    const ap = apposedName(s.lex, ws, s.at, p, cands[0].ident!, head);
    if (ap.length) return { cands: [...cands, ...ap], end: ap[0].j };
  }
  return { cands, end: p };
}

/** "peacekeepers", "the rebels": sector words alone, with the sector word's default country and an apposed name. */
function bareDescribed(s: Chunk, head: SectorWord, sector: string): ChunkResult {
  const { back, ws, q, p } = s;
  const start = spanStart(s);
  const dc = head.defaultCountry ?? null;
  const ident: Identity = {
    name: rawText(s, start, p),
    country: dc,
    sector,
    code: makeCode(dc, sector),
    confidence: 0.6,
    evidence: [`sector word "${head.text}"`],
  };
  const cands: Candidate[] = [...apposedName(s.lex, ws, s.at, p, ident, head)];
  cands.push({
    i: start,
    j: p,
    kind: back.definite ? 'description' : 'sector',
    ident,
    person: !!head.person,
    titleRole: head.role,
    descSector: sector,
    descKey: back.definite ? phraseOf(ws, q, p) : undefined,
    descCountry: null,
    subject: isSubject(s.cx, start, p),
  });
  return { cands, end: p };
}

/** Output for sector words (see the header); undefined when the chunk has none. */
export function describedResult(s: Chunk): ChunkResult | undefined {
  const head = pickSector(s.sectors);
  if (!head && !s.seatSector) return undefined;
  const sector = describedSector(s, head);
  if (s.org) return orgDescribed(s, head, sector);
  const countries = [s.country?.c ?? s.postCountry, ...s.extraCountries].filter((c): c is CountryRecord => !!c);
  if (countries.length) return countryDescribed(s, head, sector, countries);
  return bareDescribed(s, head!, sector);
}
