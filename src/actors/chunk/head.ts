/**
 * Phase 1 of a chunk, the head: the country or organisation it opens with, read as the actor's nationality or owner
 * ("Hungarian and Romanian officials", "Nicaragua's Sandinista government", "NATO's"), or set aside when the country
 * word is not a nationality ("anti-Syrian", "Iran-backed", "ethnic Albanians").
 */
import { countryOf, has } from '../candidate.js';
import type { Chunk, CountryHit } from './state.js';

/** "anti-Syrian regime rebels", "Iran-backed militias", "ethnic Albanians": the country word is not a nationality. */
export function isNotNation(s: Chunk, firstCountry: CountryHit | null): boolean {
  const { ws, i, first } = s;
  const W = s.lex.words;
  const prevKey = i > 0 ? ws[i - 1].key : '';
  const nextKey = first.j < ws.length ? ws[first.j].key : '';
  const nextJoined = first.j < ws.length && !!ws[first.j].hyphen;
  return (
    !!firstCountry &&
    firstCountry.kind !== 'seat' &&
    ((W.notNationality.has(prevKey) && (!!ws[i].hyphen || prevKey === 'ethnic')) ||
      (nextJoined && W.notNationalityAfter.has(nextKey)))
  );
}

/** Skip a country word that is not a nationality; the chunk keeps only the sector words after it. */
function skipNotNation(s: Chunk, firstCountry: CountryHit): void {
  const { ws, i, first } = s;
  s.p = first.j;
  const nextKey = first.j < ws.length ? ws[first.j].key : '';
  if (s.lex.words.notNationalityAfter.has(nextKey)) s.p++;
  s.ethnic = i > 0 && ws[i - 1].key === 'ethnic';
  // "ethnic Albanians": the plural people noun is itself the community.
  if (firstCountry.kind === 'plural') s.ethnic = true;
}

/** Read the country word, further demonyms joined by "and" or commas, a possessive and a repeated demonym. */
function readCountry(s: Chunk, country: CountryHit): void {
  const { ws, at } = s;
  s.country = country;
  let p = s.first.j;
  // Compound modifiers: "Hungarian and Romanian officials".
  while (p + 1 < ws.length && (ws[p].key === 'and' || ws[p].key === ',')) {
    const nx = countryOf(at.get(p + 1));
    if (!nx || nx.kind !== 'demonym' || country.kind !== 'demonym') break;
    const after = at.get(at.get(p + 1)!.j);
    if (!has(after, 'sector') && !s.isMod(at.get(p + 1)!.j)) break;
    s.extraCountries.push(nx.c);
    p = at.get(p + 1)!.j;
  }
  if (p < ws.length && ws[p].key === "'s") p++;
  // "Nicaragua's Sandinista government": a second word for the same country is a modifier.
  const again = countryOf(at.get(p));
  if (again && again.c === country.c && again.kind === 'demonym') p = at.get(p)!.j;
  s.p = p;
}

/** Phase 1: read the head (see the header); sets country, org, extraCountries, notNation, ethnic and p. */
export function readHead(s: Chunk): void {
  const { first, ws } = s;
  const firstCountry = countryOf(first);
  const firstOrg = has(first, 'org');
  const firstPerson = has(first, 'person') ?? has(first, 'surname');
  s.notNation = isNotNation(s, firstCountry);
  if (firstCountry && s.notNation) skipNotNation(s, firstCountry);
  else if (firstCountry) readCountry(s, firstCountry);
  else if (firstOrg && !firstPerson) {
    s.org = firstOrg.o;
    s.p = first.j;
    if (s.p < ws.length && ws[s.p].key === "'s") s.p++;
  }
}
