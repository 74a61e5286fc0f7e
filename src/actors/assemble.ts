/**
 * Group gazetteer matches in one sentence into actor mentions: [country or organisation ['s]] [modifiers] [sector
 * words and titles] [name], plus lone countries, metonyms, organisations, people, pronouns and descriptions.
 * Coreference (pronouns, "the French president", surnames) is left to coref.ts; this file only marks what needs it.
 */
import type { Entry, Lexicon } from './lexicon.js';
import type { Match } from './match.js';
import { isCapitalized, type Word } from './text.js';
import { makeCode, personIdentity, rankPeople, type Identity } from './identity.js';
import type { CountryRecord, OrgRecord, PersonRecord, SectorWord } from './types.js';

/** A mention candidate over words [i, j) of its sentence. */
export interface Candidate {
  i: number;
  j: number;
  kind: string;
  /** Null while it waits for coreference (pronouns, definite descriptions). */
  ident: Identity | null;
  /** Refers to one person (so a later "he" or surname may point back to it). */
  person: boolean;
  /** Role named by its title (HOS, HOG, FM, ...). */
  titleRole?: string;
  /** The sector its words name, for descriptions that look back ("the jihadist group" → REB). */
  descSector?: string;
  /** Phrase key of a description, e.g. "jihadist group". */
  descKey?: string;
  /** Country named in a description ("the French president" → FRA). */
  descCountry?: string | null;
  /** Pronoun text when the candidate is a pronoun. */
  pronoun?: string;
  /** Key of the last name word, for later surname-only mentions. */
  surnameKey?: string;
  /** Organisation it names. */
  org?: OrgRecord;
  /** Syntactic subject (from the parse, or sentence-initial when there is no parse). */
  subject?: boolean;
  /** "the country's army": the sector word after a country description. */
  sectorAfter?: SectorWord;
}

/** What assembly needs to know about the sentence beyond its words. */
export interface SentenceContext {
  date: string | null;
  /** Dependency relation of the token under word i, '' when there is no parse. */
  deprel(i: number): string;
  /** UPOS of the token under word i, '' when untagged. */
  upos(i: number): string;
  /** True when resolving a lone mention string (not running text): a bare demonym then names its country. */
  standalone: boolean;
}

const has = <K extends Entry['kind']>(m: Match | undefined, k: K): Extract<Entry, { kind: K }> | undefined =>
  m?.entries.find((e) => e.kind === k) as Extract<Entry, { kind: K }> | undefined;

/** Words that never sit inside a noun phrase between a country word and its head noun. */
const FUNCTION_WORDS = new Set(
  'and or but nor with without for from into onto upon than that which who whom whose what when where while said says say told tells will would could should shall may might must can has have had was were are is been being did does not also only even just still yet again then there here as by about after before against among under over since until via per told'.split(
    ' ',
  ),
);

/** Nouns that, after "the", refer back to a country named earlier. */
const COUNTRY_NOUNS = new Set(['country', 'nation', 'kingdom', 'republic', 'emirate', 'sultanate']);

/** Confidence for a country read from "<sector> in <country>": the actors may be foreign to the place. */
const CONF_POSTFIX_IN = 0.65;

/** Direction words between a preposition and a country: "in south Serbia". */
const DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
]);

/** Assemble candidates for one sentence. */
export function assemble(lex: Lexicon, ws: Word[], matches: Match[], cx: SentenceContext): Candidate[] {
  const at = new Map<number, Match>();
  for (const m of matches) at.set(m.i, m);
  const W = lex.words;
  const out: Candidate[] = [];
  const isMod = (k: number): boolean =>
    k < ws.length && !at.has(k) && (W.modifiers.has(ws[k].key) || /^\d+$/.test(ws[k].key));
  let i = 0;
  while (i < ws.length) {
    const m = at.get(i);
    const key = ws[i].key;
    if (!m) {
      const pr = W.pronouns.get(key);
      if (pr) {
        out.push({
          i,
          j: i + 1,
          kind: 'pronoun',
          ident: null,
          person: true,
          pronoun: key,
          subject: /nsubj/.test(cx.deprel(i)) || i === 0,
        });
        i++;
        continue;
      }
      // "the country('s army)": a description that only an earlier country can fill.
      // "its army": the sector of the latest country or organisation.
      if (key === 'its' && !cx.standalone) {
        let k = i + 1;
        while (isMod(k)) k++;
        const sw = has(at.get(k), 'sector');
        if (sw && !sw.s.generic && !modifierUse(ws, at, k, at.get(k)!.j, cx)) {
          const e = at.get(k)!.j;
          out.push({
            i,
            j: e,
            kind: 'description',
            ident: null,
            person: !!sw.s.person,
            descKey: 'its',
            descSector: 'COUNTRY',
            descCountry: null,
            titleRole: sw.s.role,
            sectorAfter: sw.s,
          });
          i = e;
          continue;
        }
      }
      if (i > 0 && ws[i - 1].key === 'the' && !cx.standalone && COUNTRY_NOUNS.has(key)) {
        let k = i + 1;
        let after: SectorWord | undefined;
        if (k < ws.length && ws[k].key === "'s") {
          k++;
          while (isMod(k)) k++;
          const sw = has(at.get(k), 'sector');
          if (sw && !modifierUse(ws, at, k, at.get(k)!.j, cx)) {
            after = sw.s;
            k = at.get(k)!.j;
          } else k = i + 1;
        }
        out.push({
          i: i - 1,
          j: after ? k : i + 1,
          kind: 'description',
          ident: null,
          person: !!after?.person,
          descKey: key,
          descSector: 'COUNTRY',
          descCountry: null,
          titleRole: after?.role,
          sectorAfter: after,
        });
        i = after ? k : i + 1;
        continue;
      }
      // "the group", "the bloc", "the alliance": a description that only an earlier organisation can fill.
      const d = i > 0 && ws[i - 1].key === 'the' && !cx.standalone ? orgDescription(lex, ws, i, at) : 0;
      if (d > i) {
        out.push({
          i: i - 1,
          j: d,
          kind: 'description',
          ident: null,
          person: false,
          descKey: phraseOf(ws, i, d),
          descSector: 'ORG',
          descCountry: null,
        });
        i = d;
        continue;
      }
      i++;
      continue;
    }
    const c = chunk(lex, ws, at, i, cx, isMod);
    if (c) {
      out.push(...c.cands);
      i = c.end;
    } else i = m.j;
  }
  return out;
}

interface ChunkResult {
  cands: Candidate[];
  end: number;
}

/** Words before `i` that modify the chunk: a determiner ("the") and "former"-like words. */
function lookBack(lex: Lexicon, ws: Word[], i: number): { definite: boolean; former: boolean; start: number } {
  let k = i - 1;
  let former = false;
  let start = i;
  while (k >= 0 && k >= i - 3) {
    const key = ws[k].key;
    if (lex.words.former.has(key)) {
      former = true;
      start = k;
    } else if (!lex.words.modifiers.has(key) && !/^\d+$/.test(key)) break;
    k--;
  }
  const definite = k >= 0 && (ws[k].key === 'the' || ws[k].key === 'this');
  return { definite, former, start };
}

function countryOf(
  m: Match | undefined,
): { c: CountryRecord; kind: 'country' | 'demonym' | 'plural' | 'capital' | 'seat' | 'city'; sector?: string } | null {
  if (!m) return null;
  for (const k of ['country', 'demonym', 'plural', 'capital', 'seat', 'city'] as const) {
    const e = has(m, k);
    if (e) return { c: e.c, kind: k, sector: k === 'seat' ? (e as { sector: string }).sector : undefined };
  }
  return null;
}

/** Build the chunk starting at match `i` (see the header); null when the words there are not an actor. */
function chunk(
  lex: Lexicon,
  ws: Word[],
  at: Map<number, Match>,
  i: number,
  cx: SentenceContext,
  isMod: (k: number) => boolean,
): ChunkResult | null {
  const W = lex.words;
  const back = lookBack(lex, ws, i);
  let p = i;
  let country: ReturnType<typeof countryOf> = null;
  let org: OrgRecord | null = null;
  const extraCountries: CountryRecord[] = [];
  const first = at.get(i)!;
  const firstCountry = countryOf(first);
  const firstOrg = has(first, 'org');
  const firstPerson = has(first, 'person') ?? has(first, 'surname');
  // "anti-Syrian regime rebels", "Iran-backed militias", "ethnic Albanians": the country word is not the actor's
  // nationality, so the chunk keeps only its sector words.
  const prevKey = i > 0 ? ws[i - 1].key : '';
  const nextKey = first.j < ws.length ? ws[first.j].key : '';
  const nextJoined = first.j < ws.length && !!ws[first.j].hyphen;
  const notNation =
    !!firstCountry &&
    firstCountry.kind !== 'seat' &&
    ((W.notNationality.has(prevKey) && (!!ws[i].hyphen || prevKey === 'ethnic')) ||
      (nextJoined && W.notNationalityAfter.has(nextKey)));
  let ethnic = false;
  if (firstCountry && notNation) {
    p = first.j;
    if (W.notNationalityAfter.has(nextKey)) p++;
    ethnic = prevKey === 'ethnic';
    // "ethnic Albanians": the plural people noun is itself the community.
    if (firstCountry.kind === 'plural') ethnic = true;
  } else if (firstCountry) {
    country = firstCountry;
    p = first.j;
    // Compound modifiers: "Hungarian and Romanian officials".
    while (p + 1 < ws.length && (ws[p].key === 'and' || ws[p].key === ',')) {
      const nx = countryOf(at.get(p + 1));
      if (!nx || nx.kind !== 'demonym' || country.kind !== 'demonym') break;
      const after = at.get(at.get(p + 1)!.j);
      if (!has(after, 'sector') && !isMod(at.get(p + 1)!.j)) break;
      extraCountries.push(nx.c);
      p = at.get(p + 1)!.j;
    }
    if (p < ws.length && ws[p].key === "'s") p++;
    // "Nicaragua's Sandinista government": a second word for the same country is a modifier.
    const again = countryOf(at.get(p));
    if (again && again.c === country.c && again.kind === 'demonym') p = at.get(p)!.j;
  } else if (firstOrg && !firstPerson) {
    org = firstOrg.o;
    p = first.j;
    if (p < ws.length && ws[p].key === "'s") p++;
  }
  // Modifiers between the country and the sector words ("Israeli right-winger", "Afghan rebel leaders").
  let q = p;
  let former = back.former;
  while (isMod(q)) {
    if (W.former.has(ws[q].key)) former = true;
    q++;
  }
  // One unknown common noun may sit inside the phrase ("French paper workers") when a sector word follows it.
  if (
    q > i &&
    q < ws.length &&
    !at.has(q) &&
    /^\p{Ll}{3,}$/u.test(ws[q].raw) &&
    !FUNCTION_WORDS.has(ws[q].key) &&
    !W.locatives.has(ws[q].key) &&
    has(at.get(q + 1), 'sector') &&
    (country || org) &&
    country?.kind !== 'capital' &&
    cx.upos(q) !== 'VERB' &&
    cx.upos(q) !== 'ADP'
  )
    q++;
  const sectors: SectorWord[] = [];
  let seatSector: string | undefined;
  let r = q;
  for (;;) {
    const mm = at.get(r);
    const s = has(mm, 'sector');
    const seat = country && country.kind !== 'seat' ? has(mm, 'seat') : undefined;
    // "Bosnian Serbs": a people noun after a place word names the community living there.
    const people = country && country.kind === 'demonym' && !sectors.length ? has(mm, 'plural') : undefined;
    if (s) sectors.push(s.s);
    else if (seat && !s) seatSector = seat.sector;
    else if (people) sectors.push({ text: mm!.entries.length ? ws[r].raw : '', sector: 'CVL', ethnic: true });
    else break;
    r = mm!.j;
    while (isMod(r) && has(at.get(r + 1), 'sector')) r++;
  }
  if (ethnic && !sectors.length) sectors.push({ text: ws[i].raw, sector: 'CVL', ethnic: true });
  if (sectors.length || seatSector) p = r;
  else if (notNation) return { cands: [], end: first.j };
  // With a parse: "police station", "military operation", "official figures" — a sector word that only modifies a
  // following common noun (or is tagged an adjective) names no actor.
  if (sectors.length && !seatSector && modifierUse(ws, at, q, r, cx)) {
    if (!country && !org) return { cands: [], end: r };
    sectors.length = 0;
    p = q;
  }
  // A name after the title, known or not.
  let person: PersonRecord[] = [];
  let personKind = '';
  let nameStart = -1;
  let nameEnd = -1;
  const title = sectors.find((s) => s.title);
  const pm = at.get(p);
  const pe = has(pm, 'person') ?? has(pm, 'surname');
  // A surname-only or typo match followed by more capitalised words is part of a longer name: read the whole name.
  const longerName =
    pe &&
    pe.kind === 'surname' &&
    pm!.j < ws.length &&
    isCapitalized(ws[pm!.j].raw) &&
    !at.has(pm!.j) &&
    /\p{L}/u.test(ws[pm!.j].raw);
  if (pe && !longerName && (sectors.length || country || p === i)) {
    person = [
      ...new Set(
        pm!.entries.filter((e) => e.kind === 'person' || e.kind === 'surname').map((e) => (e as { p: PersonRecord }).p),
      ),
    ];
    personKind = pe.kind === 'person' ? 'name' : 'surname';
    nameStart = p;
    nameEnd = pm!.j;
    p = pm!.j;
  } else if (
    (title || longerName || (p > i && W.honorifics.has(ws[p - 1]?.key ?? ''))) &&
    p < ws.length &&
    isCapitalized(ws[p].raw) &&
    (!at.has(p) || longerName)
  ) {
    const e = nameRun(lex, ws, p, at);
    if (e > p) {
      nameStart = p;
      nameEnd = e;
      // The run may end in a known surname with a first name spelt differently ("Abdelaziz Bouteflicka").
      const last = at.get(e - 1);
      if (last && last.j === e && (has(last, 'surname') || has(last, 'person'))) {
        person = [
          ...new Set(
            last.entries
              .filter((x) => x.kind === 'person' || x.kind === 'surname')
              .map((x) => (x as { p: PersonRecord }).p),
          ),
        ];
        personKind = 'name';
      }
      p = e;
    }
  }
  // Postfix country: "president of Armenia", "rebels in the Ivory Coast".
  let postCountry: CountryRecord | null = null;
  // "forces in southern Syria" may be foreign forces; "president of Armenia" is Armenia's.
  let postIn = false;
  if (!country && !org && sectors.length && nameStart < 0) {
    let k = p;
    if (k < ws.length && ['of', 'in', 'from'].includes(ws[k].key)) {
      postIn = ws[k].key !== 'of';
      k++;
      if (k < ws.length && ws[k].key === 'the') k++;
      if (k < ws.length && DIRECTIONS.has(ws[k].key)) k++;
      const cm = countryOf(at.get(k));
      if (cm && (cm.kind === 'country' || cm.kind === 'capital' || cm.kind === 'city')) {
        postCountry = cm.c;
        p = at.get(k)!.j;
      }
    }
  }
  const start = Math.min(back.start, i);
  const cands: Candidate[] = [];
  const countryCode = country?.c.code ?? postCountry?.code ?? null;
  const headSector = pickSector(sectors);

  // 1. A person, named.
  if (person.length) {
    const ranked = rankPeople(person, cx.date);
    // "King Hassan", "Pope Francis": a title inside the matched name still says what the text calls them.
    const inner = title ?? innerTitle(lex, ws[nameStart]);
    const ident = personIdentity(ranked[0], {
      date: cx.date,
      titleRole: inner?.role,
      titleSector: inner?.sector,
      country: countryCode,
      former,
    });
    if (ranked.length > 1) ident.confidence -= 0.1;
    // An officer of an organisation (UN Secretary-General, al-Qaeda's leader) carries the organisation's code.
    const o = ident.org ? lex.orgs.find((x) => x.id === ident.org) : undefined;
    if (o && ident.country === (o.country || ident.country))
      ident.code =
        ident.sector === o.sector ? o.code : o.code.startsWith('IGO') && ident.sector === 'GOV' ? o.code : ident.code;
    if (title) ident.evidence.push(`title "${title.text}"`);
    if (countryCode && ident.country !== countryCode) {
      // The text's country wins over a wrong same-name match.
      ident.evidence.push(`text says ${countryCode}`);
      ident.country = countryCode;
      ident.code = makeCode(countryCode, ident.sector);
      ident.confidence -= 0.2;
    }
    // "Bush administration", "Zoran Djindjic's opposition coalition": the person's side, not the person.
    let k = p;
    if (k < ws.length && ws[k].key === "'s") k++;
    while (isMod(k)) k++;
    const after = at.get(k);
    const sw = has(after, 'sector');
    if (sw && !sw.s.person && ident.country) {
      const sector = sw.s.generic && sw.s.sector === 'GOV' ? 'GOV' : sw.s.sector;
      const id2: Identity = {
        name: ws
          .slice(start, after!.j)
          .map((w) => w.raw)
          .join(' '),
        country: ident.country,
        sector,
        code: makeCode(ident.country, sector),
        confidence: ident.confidence * 0.9,
        evidence: [...ident.evidence, `the ${sw.s.text} of ${ident.name}`],
      };
      cands.push({
        i: start,
        j: after!.j,
        kind: 'person+sector',
        ident: id2,
        person: false,
        subject: isSubject(cx, start, after!.j),
      });
      return { cands, end: after!.j };
    }
    cands.push({
      i: start,
      j: p,
      kind: personKind + (at.get(nameStart)?.fuzzy ? '~fuzzy' : ''),
      ident,
      person: true,
      titleRole: title?.role ?? ident.role,
      surnameKey: ws[nameEnd - 1].key,
      subject: isSubject(cx, start, nameEnd),
    });
    return { cands, end: p };
  }
  // 2. A title with an unknown name ("Planning and Investment Minister Tran Xuan Gia").
  if (nameStart >= 0) {
    const sector = former ? 'ELI' : (headSector?.sector ?? 'UNK');
    const name = ws
      .slice(nameStart, nameEnd)
      .map((w) => w.raw)
      .join(' ');
    // "Arab League Secretary General Chadli Klibi": the organisation's officer.
    const cc = countryCode ?? (org ? org.country || null : null) ?? headSector?.defaultCountry ?? null;
    const ident: Identity = {
      name,
      country: cc,
      sector,
      code: makeCode(cc, sector),
      confidence: cc ? 0.8 : 0.6,
      evidence: [`title "${title?.text ?? ws[nameStart - 1]?.raw ?? 'name'}" + unknown name`],
    };
    cands.push({
      i: start,
      j: p,
      kind: title || headSector ? 'title' : 'unknown',
      ident,
      person: true,
      titleRole: title?.role,
      surnameKey: ws[nameEnd - 1].key,
      subject: isSubject(cx, start, nameEnd),
    });
    return { cands, end: p };
  }
  // 3. Sector words, with or without a country or organisation before them.
  if (headSector || seatSector) {
    let sector = seatSector ?? headSector!.sector;
    if (org && headSector?.generic) sector = org.sector || sector;
    if (former && headSector?.person) sector = 'ELI';
    const text = ws
      .slice(start, p)
      .map((w) => w.raw)
      .join(' ');
    if (org) {
      const ident: Identity = {
        name: org.name,
        country: org.country || null,
        sector,
        code:
          org.code.startsWith(org.country) && sector === org.sector ? org.code : makeCode(org.country || null, sector),
        confidence: 0.85,
        evidence: [`organisation "${org.name}" + sector word "${headSector?.text}"`],
        ...(org.wikidata ? { wikidata: org.wikidata } : {}),
      };
      cands.push({
        i: start,
        j: p,
        kind: 'org+sector',
        ident,
        person: !!headSector?.person,
        org,
        subject: isSubject(cx, start, p),
      });
      return { cands, end: p };
    }
    const allCountries = [country?.c ?? postCountry, ...extraCountries].filter((c): c is CountryRecord => !!c);
    if (allCountries.length) {
      for (const c of allCountries) {
        const ident: Identity = {
          name: text,
          country: c.code,
          sector,
          code: makeCode(c.code, sector),
          confidence: !country && postIn ? CONF_POSTFIX_IN : 0.85,
          evidence: [
            `${country ? country.kind : 'postfix country'} "${c.name}" + sector word "${headSector?.text ?? seatSector}"`,
          ],
        };
        cands.push({
          i: start,
          j: p,
          kind: 'demonym+sector',
          ident,
          person: !!headSector?.person && !extraCountries.length,
          titleRole: headSector?.role,
          descSector: sector,
          descKey: back.definite ? phraseOf(ws, q, p) : undefined,
          descCountry: c.code,
          subject: isSubject(cx, start, p),
        });
      }
      if (cands.length === 1 && headSector?.person) {
        const ap = apposedName(lex, ws, at, p, cands[0].ident!, headSector);
        if (ap.length) return { cands: [...cands, ...ap], end: ap[0].j };
      }
      return { cands, end: p };
    }
    const dc = headSector!.defaultCountry ?? null;
    const ident: Identity = {
      name: text,
      country: dc,
      sector,
      code: makeCode(dc, sector),
      confidence: 0.6,
      evidence: [`sector word "${headSector!.text}"`],
    };
    cands.push(...apposedName(lex, ws, at, p, ident, headSector!));
    cands.push({
      i: start,
      j: p,
      kind: back.definite ? 'description' : 'sector',
      ident,
      person: !!headSector!.person,
      titleRole: headSector!.role,
      descSector: sector,
      descKey: back.definite ? phraseOf(ws, q, p) : undefined,
      descCountry: null,
      subject: isSubject(cx, start, p),
    });
    return { cands, end: p };
  }
  // 4. An organisation alone.
  if (org) {
    if (org.type === 'media' && !cx.standalone) return { cands: [], end: p }; // wire credits: a source, not an actor
    const ident: Identity = {
      name: org.name,
      country: org.country || null,
      sector: org.sector || '',
      code: org.code,
      confidence: 0.9,
      evidence: [`organisation "${org.name}"`],
      ...(org.wikidata ? { wikidata: org.wikidata } : {}),
    };
    cands.push({ i, j: p, kind: 'org', ident, person: false, org, subject: isSubject(cx, i, p) });
    return { cands, end: p };
  }
  // 5. A country-ish word alone.
  if (country) {
    const prev = i > 0 ? ws[i - 1].key : '';
    const prev2 = i > 1 ? ws[i - 2].key : '';
    const locative = W.placeOnly.has(prev) || (prev === 'the' && W.placeOnly.has(prev2));
    const c = country.c;
    const end = first.j;
    if (country.kind === 'country') {
      if (locative && !cx.standalone) return { cands: [], end };
      const ident: Identity = {
        name: c.name,
        country: c.code,
        sector: '',
        code: c.code,
        confidence: 0.9,
        evidence: [
          `country name "${ws
            .slice(i, end)
            .map((w) => w.raw)
            .join(' ')}"`,
        ],
      };
      cands.push({ i, j: end, kind: 'country', ident, person: false, subject: isSubject(cx, i, end) });
      return { cands, end };
    }
    if (country.kind === 'capital' || country.kind === 'seat') {
      if (locative && !cx.standalone) return { cands: [], end };
      const sector = country.sector ?? 'GOV';
      const ident: Identity = {
        name: c.name,
        country: c.code,
        sector,
        code: makeCode(c.code, sector),
        confidence: 0.8,
        evidence: [
          `metonym "${ws
            .slice(i, end)
            .map((w) => w.raw)
            .join(' ')}" for ${c.name}`,
        ],
      };
      cands.push({ i, j: end, kind: 'metonym', ident, person: false, subject: isSubject(cx, i, end) });
      return { cands, end };
    }
    if (country.kind === 'city') {
      if (locative && !cx.standalone) return { cands: [], end };
      const ident: Identity = {
        name: ws
          .slice(i, end)
          .map((w) => w.raw)
          .join(' '),
        country: c.code,
        sector: 'CVL',
        code: makeCode(c.code, 'CVL'),
        confidence: 0.6,
        evidence: [
          `city "${ws
            .slice(i, end)
            .map((w) => w.raw)
            .join(' ')}" in ${c.name}`,
        ],
      };
      cands.push({ i, j: end, kind: 'place', ident, person: false, subject: isSubject(cx, i, end) });
      return { cands, end };
    }
    if (country.kind === 'plural') {
      // "Albanians of southern Serbia": where they live is the country; the people noun is their community.
      let k = end;
      if (k < ws.length && ['of', 'in', 'from'].includes(ws[k].key)) {
        k++;
        if (k < ws.length && ws[k].key === 'the') k++;
        if (k < ws.length && DIRECTIONS.has(ws[k].key)) k++;
        const home = countryOf(at.get(k));
        if (home && home.c !== c && (home.kind === 'country' || home.kind === 'city' || home.kind === 'capital')) {
          const e2 = at.get(k)!.j;
          const ident: Identity = {
            name: ws
              .slice(i, e2)
              .map((w) => w.raw)
              .join(' '),
            country: home.c.code,
            sector: 'CVL',
            code: makeCode(home.c.code, 'CVL'),
            confidence: 0.7,
            evidence: [`community "${ws[i].raw}" living in ${home.c.name}`],
          };
          cands.push({ i, j: e2, kind: 'demonym+sector', ident, person: false, subject: isSubject(cx, i, e2) });
          return { cands, end: e2 };
        }
      }
      const ident: Identity = {
        name: c.name,
        country: c.code,
        sector: 'CVL',
        code: makeCode(c.code, 'CVL'),
        confidence: 0.7,
        evidence: [`people noun "${ws[i].raw}"`],
      };
      cands.push({ i, j: end, kind: 'demonym', ident, person: false, subject: isSubject(cx, i, end) });
      return { cands, end };
    }
    // A bare adjective names an actor only when nothing follows it that it could modify.
    const next = ws[end];
    const modifiesNoun = next && /^[\p{Ll}]/u.test(next.raw) && !at.has(end);
    if (
      cx.standalone ||
      (!modifiesNoun && next && !isCapitalized(next.raw) && ws[end].key !== "'s" && /^[\p{P}]$/u.test(next.raw)) ||
      (!next && i > 0 && ws[i - 1].key === 'the')
    ) {
      const ident: Identity = {
        name: c.name,
        country: c.code,
        sector: '',
        code: c.code,
        confidence: 0.6,
        evidence: [`demonym "${ws[i].raw}"`],
      };
      cands.push({ i, j: end, kind: 'demonym', ident, person: false });
    }
    return { cands, end };
  }
  return null;
}

/**
 * "his Greek counterpart, Nikos Dimas,": an unknown name set off by commas right after a one-person description is
 * that person; it takes the description's identity under its own name.
 */
function apposedName(
  lex: Lexicon,
  ws: Word[],
  at: Map<number, Match>,
  p: number,
  desc: Identity,
  head: SectorWord,
): Candidate[] {
  if (!head.person || ws[p]?.raw !== ',' || p + 1 >= ws.length || at.has(p + 1) || !isCapitalized(ws[p + 1].raw))
    return [];
  const e = nameRun(lex, ws, p + 1, at);
  if (e - (p + 1) < 2 || (e < ws.length && ![',', '.', ';', ')'].includes(ws[e].raw))) return [];
  const name = ws
    .slice(p + 1, e)
    .map((w) => w.raw)
    .join(' ');
  const ident: Identity = {
    ...desc,
    name,
    confidence: Math.min(desc.confidence, 0.75),
    evidence: [...desc.evidence, `apposition: unknown name "${name}"`],
  };
  return [{ i: p + 1, j: e, kind: 'title', ident, person: true, titleRole: head.role, surnameKey: ws[e - 1].key }];
}

/** True when the parse says the sector words [q, r) modify the noun after them rather than head a phrase. */
function modifierUse(ws: Word[], at: Map<number, Match>, q: number, r: number, cx: SentenceContext): boolean {
  const last = r - 1;
  const pos = cx.upos(last);
  if (!pos) return false; // no tagger: keep the word
  if (pos === 'ADJ' && !ws.slice(q, r).some((_, k) => cx.upos(q + k) === 'NOUN' || cx.upos(q + k) === 'PROPN'))
    return true;
  const nextPos = r < ws.length ? cx.upos(r) : '';
  return (
    /^(compound|amod|nmod:poss)?$/.test(cx.deprel(last)) && cx.deprel(last) !== '' && nextPos === 'NOUN' && !at.has(r)
  );
}

/** End of the longest organisation description (one to three words, no gazetteer match inside) starting at i, or 0. */
function orgDescription(lex: Lexicon, ws: Word[], i: number, at: Map<number, Match>): number {
  for (let len = 3; len >= 1; len--) {
    if (i + len > ws.length) continue;
    let ok = true;
    for (let k = i; k < i + len; k++) if (at.has(k)) ok = false;
    // "the group of friends": a complement makes it a new referent, not a reference back.
    if (ok && lex.descriptions.has(phraseOf(ws, i, i + len)) && ws[i + len]?.key !== 'of') return i + len;
  }
  return 0;
}

/** The title a name starts with ("King" in "King Hassan"), if any. */
function innerTitle(lex: Lexicon, w: Word | undefined): SectorWord | undefined {
  const e = w ? lex.index.get(w.key)?.find((x) => x.e.kind === 'sector' && x.e.s.title) : undefined;
  return e && e.e.kind === 'sector' ? e.e.s : undefined;
}

/** The sector a run of sector words names: the last specific word, else the last word. */
function pickSector(sectors: SectorWord[]): SectorWord | undefined {
  if (!sectors.length) return undefined;
  const specific = sectors.filter((s) => !s.generic);
  return specific.length ? specific[specific.length - 1] : sectors[sectors.length - 1];
}

function phraseOf(ws: Word[], i: number, j: number): string {
  return ws
    .slice(i, j)
    .map((w) => w.key)
    .join(' ');
}

function isSubject(cx: SentenceContext, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (/^nsubj/.test(cx.deprel(k))) return true;
  return false;
}

/** End of a run of name words from `p`: capitalised words, name particles and initials, at most five words. */
function nameRun(lex: Lexicon, ws: Word[], p: number, at: Map<number, Match>): number {
  let e = p;
  while (e < ws.length && e - p < 5) {
    const w = ws[e];
    if (
      isCapitalized(w.raw) &&
      /\p{L}/u.test(w.raw) &&
      (!at.has(e) || has(at.get(e), 'surname') || has(at.get(e), 'person'))
    )
      e++;
    else if (lex.words.particles.has(w.key) && e + 1 < ws.length && isCapitalized(ws[e + 1].raw)) e++;
    else if (w.raw === '.' && e > p && ws[e - 1].raw.length === 1) e++;
    else break;
  }
  // Do not end on a particle.
  while (e > p && lex.words.particles.has(ws[e - 1].key)) e--;
  return e;
}
