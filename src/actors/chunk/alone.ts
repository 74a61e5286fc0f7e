/**
 * Output of a chunk that is an organisation or a country-ish word alone: "NATO", "France", "Moscow said", "the
 * Kremlin", a city (its civilians), "Albanians of southern Serbia", "the French". Locative uses ("in France") and wire
 * credits ("Reuters") name no actor in running text.
 */
import { countryOf, isSubject, type Candidate } from '../candidate.js';
import { makeCode, type Identity } from '../identity.js';
import { isCapitalized } from '../text.js';
import type { CountryRecord } from '../types.js';
import { rawText, type Chunk, type ChunkResult, type CountryHit } from './state.js';

/** Output for an organisation alone; wire credits name a source, not an actor. */
export function orgResult(s: Chunk): ChunkResult {
  const org = s.org!;
  const { i, p } = s;
  if (org.type === 'media' && !s.cx.standalone) return { cands: [], end: p };
  const ident: Identity = {
    name: org.name,
    country: org.country || null,
    sector: org.sector || '',
    code: org.code,
    confidence: 0.9,
    evidence: [`organisation "${org.name}"`],
    ...(org.wikidata ? { wikidata: org.wikidata } : {}),
  };
  return { cands: [{ i, j: p, kind: 'org', ident, person: false, org, subject: isSubject(s.cx, i, p) }], end: p };
}

/**
 * "in France", "across the Netherlands": a place-only word before the country-ish word. A country after "at" is a
 * target, not a place ("lashed out at the US", "angry at France", "aimed at Russia"): where something happens in a
 * country is "in" it; "at" places things at a city or a seat ("talks at the Kremlin").
 */
export function isLocative(s: Chunk, countryName = false): boolean {
  const { ws, i } = s;
  const W = s.lex.words;
  const prev = i > 0 ? ws[i - 1].key : '';
  const prev2 = i > 1 ? ws[i - 2].key : '';
  const place = (w: string): boolean => W.placeOnly.has(w) && !(countryName && w === 'at');
  return place(prev) || (prev === 'the' && place(prev2));
}

/** One candidate over the match, or none. */
function one(s: Chunk, kind: string, ident: Identity, subject = true): ChunkResult {
  const { i } = s;
  const end = s.first.j;
  const cand: Candidate = subject
    ? { i, j: end, kind, ident, person: false, subject: isSubject(s.cx, i, end) }
    : { i, j: end, kind, ident, person: false };
  return { cands: [cand], end };
}

/** A country name: the state. */
function countryName(s: Chunk, c: CountryRecord): ChunkResult {
  const words = rawText(s, s.i, s.first.j);
  const evidence = [`country name "${words}"`];
  return one(s, 'country', { name: c.name, country: c.code, sector: '', code: c.code, confidence: 0.9, evidence });
}

/** "Moscow said", "the Kremlin": a capital or seat of power for its government (or the seat's own sector). */
function metonym(s: Chunk, country: CountryHit): ChunkResult {
  const c = country.c;
  const sector = country.sector ?? 'GOV';
  const evidence = [`metonym "${rawText(s, s.i, s.first.j)}" for ${c.name}`];
  const ident = { name: c.name, country: c.code, sector, code: makeCode(c.code, sector), confidence: 0.8, evidence };
  return one(s, 'metonym', ident);
}

/** A city: its civilians. */
function city(s: Chunk, c: CountryRecord): ChunkResult {
  const name = rawText(s, s.i, s.first.j);
  const evidence = [`city "${name}" in ${c.name}`];
  const ident = { name, country: c.code, sector: 'CVL', code: makeCode(c.code, 'CVL'), confidence: 0.6, evidence };
  return one(s, 'place', ident);
}

/** "Albanians", "Albanians of southern Serbia": a people noun, placed where they live when the text says. */
function peopleNoun(s: Chunk, c: CountryRecord): ChunkResult {
  const { ws, at, i, cx } = s;
  const end = s.first.j;
  // "Albanians of southern Serbia": where they live is the country; the people noun is their community.
  let k = end;
  if (k < ws.length && s.lex.words.postfixPrepositions.has(ws[k].key)) {
    k++;
    if (k < ws.length && ws[k].key === 'the') k++;
    if (k < ws.length && s.lex.words.directions.has(ws[k].key)) k++;
    const home = countryOf(at.get(k));
    if (home && home.c !== c && (home.kind === 'country' || home.kind === 'city' || home.kind === 'capital')) {
      const e2 = at.get(k)!.j;
      const ident: Identity = {
        name: rawText(s, i, e2),
        country: home.c.code,
        sector: 'CVL',
        code: makeCode(home.c.code, 'CVL'),
        confidence: 0.7,
        evidence: [`community "${ws[i].raw}" living in ${home.c.name}`],
      };
      return {
        cands: [{ i, j: e2, kind: 'demonym+sector', ident, person: false, subject: isSubject(cx, i, e2) }],
        end: e2,
      };
    }
  }
  const evidence = [`people noun "${ws[i].raw}"`];
  const ident = {
    name: c.name,
    country: c.code,
    sector: 'CVL',
    code: makeCode(c.code, 'CVL'),
    confidence: 0.7,
    evidence,
  };
  return one(s, 'demonym', ident);
}

/** Words between a nationality adjective and the act noun it modifies ("Israeli air strikes"): at most this many. */
const ACT_NOUN_REACH = 3;

/** The act noun ("strikes", "move", "criticism") a nationality adjective at `end - 1` modifies, or -1. */
export function actNounAfter(s: Chunk, end: number): number {
  const { ws, at } = s;
  const acts = s.lex.words.actNouns;
  for (let k = end; k < ws.length && k < end + ACT_NOUN_REACH; k++) {
    const w = ws[k];
    if (!/^[\p{Ll}]/u.test(w.raw) || at.has(k) || s.lex.words.functionWords.has(w.key)) return -1;
    const sing = w.key.endsWith('s') ? w.key.slice(0, -1) : w.key;
    if (acts.has(w.key) || acts.has(sing)) return k;
  }
  return -1;
}

/**
 * A bare adjective names an actor only when nothing follows it that it could modify ("the French", "French."), or
 * when what it modifies is an act or stance of its state ("Israeli strikes", "the Swedish move": the state acts).
 */
function bareDemonym(s: Chunk, c: CountryRecord): ChunkResult {
  const { ws, at, i, cx } = s;
  const end = s.first.j;
  const next = ws[end];
  const act = cx.standalone ? -1 : actNounAfter(s, end);
  if (act >= 0) {
    const evidence = [`demonym "${ws[i].raw}" of the act "${ws[act].raw}"`];
    const ident = { name: c.name, country: c.code, sector: '', code: c.code, confidence: 0.6, evidence };
    return one(s, 'demonym', ident, false);
  }
  const modifiesNoun = next && /^[\p{Ll}]/u.test(next.raw) && !at.has(end);
  if (
    cx.standalone ||
    (!modifiesNoun && next && !isCapitalized(next.raw) && ws[end].key !== "'s" && /^[\p{P}]$/u.test(next.raw)) ||
    (!next && i > 0 && ws[i - 1].key === 'the')
  ) {
    const evidence = [`demonym "${ws[i].raw}"`];
    return one(
      s,
      'demonym',
      { name: c.name, country: c.code, sector: '', code: c.code, confidence: 0.6, evidence },
      false,
    );
  }
  return { cands: [], end };
}

/** Output for a country-ish word alone (see the header). */
export function countryResult(s: Chunk): ChunkResult {
  const country = s.country!;
  const c = country.c;
  const end = s.first.j;
  const placeKind =
    country.kind === 'country' || country.kind === 'capital' || country.kind === 'seat' || country.kind === 'city';
  if (placeKind && isLocative(s, country.kind === 'country') && !s.cx.standalone) return { cands: [], end };
  if (country.kind === 'country') return countryName(s, c);
  if (country.kind === 'capital' || country.kind === 'seat') return metonym(s, country);
  if (country.kind === 'city') return city(s, c);
  if (country.kind === 'plural') return peopleNoun(s, c);
  return bareDemonym(s, c);
}
