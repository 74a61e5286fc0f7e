/**
 * Output of a chunk that names a known person: the person's identity on the chunk's date, then repairs as an ordered
 * list of named rules, then either the person or, when a sector word follows ("Bush administration"), their side.
 */
import { has, isSubject } from '../candidate.js';
import { makeCode, personIdentity, rankPeople, type Identity } from '../identity.js';
import { innerTitle } from '../phrase.js';
import type { PersonRecord } from '../types.js';
import { rawText, spanStart, textCountry, type Chunk, type ChunkResult } from './state.js';

/** What a repair rule sees besides the identity: the chunk and the people the name may be, best first. */
interface PersonContext {
  s: Chunk;
  ranked: PersonRecord[];
}

/** One repair of a person's identity; rules run in the order of PERSON_REPAIRS. */
export interface PersonRule {
  name: string;
  apply(ident: Identity, x: PersonContext): void;
}

/** The repairs, in order. */
export const PERSON_REPAIRS: readonly PersonRule[] = [
  {
    name: 'ambiguous-name',
    // Several people share the name: less sure of the first.
    apply(ident, { ranked }) {
      if (ranked.length > 1) ident.confidence -= 0.1;
    },
  },
  {
    name: 'officer-of-organisation',
    // An officer of an organisation (UN Secretary-General, al-Qaeda's leader) carries the organisation's code.
    apply(ident, { s }) {
      const o = ident.org ? s.lex.orgs.find((x) => x.id === ident.org) : undefined;
      if (o && ident.country === (o.country || ident.country))
        ident.code =
          ident.sector === o.sector ? o.code : o.code.startsWith('IGO') && ident.sector === 'GOV' ? o.code : ident.code;
    },
  },
  {
    name: 'title-evidence',
    apply(ident, { s }) {
      if (s.title) ident.evidence.push(`title "${s.title.text}"`);
    },
  },
  {
    name: 'text-country-wins',
    // The text's country wins over a wrong same-name match.
    apply(ident, { s }) {
      const countryCode = textCountry(s);
      if (!countryCode || ident.country === countryCode) return;
      ident.evidence.push(`text says ${countryCode}`);
      ident.country = countryCode;
      ident.code = makeCode(countryCode, ident.sector);
      ident.confidence -= 0.2;
    },
  },
];

/** The identity of the named person: the best-ranked one on the date, with the chunk's title, country and "former". */
export function personOf(s: Chunk): Identity {
  const ranked = rankPeople(s.person, s.cx.date);
  // "King Hassan", "Pope Francis": a title inside the matched name still says what the text calls them.
  const inner = s.title ?? innerTitle(s.lex, s.ws[s.nameStart]);
  const ident = personIdentity(ranked[0], {
    date: s.cx.date,
    titleRole: inner?.role,
    titleSector: inner?.sector,
    country: textCountry(s),
    former: s.former,
  });
  for (const rule of PERSON_REPAIRS) rule.apply(ident, { s, ranked });
  return ident;
}

/** "Bush administration", "Zoran Djindjic's opposition coalition": the person's side, when a sector word follows. */
export function personSide(s: Chunk, ident: Identity): ChunkResult | undefined {
  const { ws, at, cx } = s;
  let k = s.p;
  if (k < ws.length && ws[k].key === "'s") k++;
  while (s.isMod(k)) k++;
  const after = at.get(k);
  const sw = has(after, 'sector');
  if (!sw || sw.s.person || !ident.country) return undefined;
  const start = spanStart(s);
  const sector = sw.s.generic && sw.s.sector === 'GOV' ? 'GOV' : sw.s.sector;
  const side: Identity = {
    name: rawText(s, start, after!.j),
    country: ident.country,
    sector,
    code: makeCode(ident.country, sector),
    confidence: ident.confidence * 0.9,
    evidence: [...ident.evidence, `the ${sw.s.text} of ${ident.name}`],
  };
  const cand = {
    i: start,
    j: after!.j,
    kind: 'person+sector',
    ident: side,
    person: false,
    subject: isSubject(cx, start, after!.j),
  };
  return { cands: [cand], end: after!.j };
}

/** Output for a known person: their side when a sector word follows, else the person. */
export function personResult(s: Chunk): ChunkResult {
  const ident = personOf(s);
  const side = personSide(s, ident);
  if (side) return side;
  const start = spanStart(s);
  const cand = {
    i: start,
    j: s.p,
    kind: s.personKind + (s.at.get(s.nameStart)?.fuzzy ? '~fuzzy' : ''),
    ident,
    person: true,
    titleRole: s.title?.role ?? ident.role,
    surnameKey: s.ws[s.nameEnd - 1].key,
    subject: isSubject(s.cx, start, s.nameEnd),
  };
  return { cands: [cand], end: s.p };
}
