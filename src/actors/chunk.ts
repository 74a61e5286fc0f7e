/**
 * One chunk: starting at a gazetteer match, read [country or organisation ['s]] [modifiers] [sector words and titles]
 * [name] and turn it into mention candidates (assemble.ts runs the sentence loop).
 */
import type { Lexicon } from './lexicon.js';
import type { Match } from './match.js';
import { isCapitalized, type Word } from './text.js';
import { makeCode, personIdentity, rankPeople, type Identity } from './identity.js';
import type { CountryRecord, OrgRecord, PersonRecord, SectorWord } from './types.js';
import {
  CONF_POSTFIX_IN,
  DIRECTIONS,
  FUNCTION_WORDS,
  countryOf,
  has,
  isSubject,
  lookBack,
  phraseOf,
  pickSector,
  type Candidate,
  type SentenceContext,
} from './candidate.js';
import { apposedName, innerTitle, modifierUse, nameRun } from './phrase.js';

/** Generic words that name a governing body: after an organisation they make it the government. */
const GOVERNING = new Set([
  'government',
  'administration',
  'regime',
  'authorities',
  'cabinet',
  'ministry',
  'leadership',
]);
/** Sectors of armed people; after an armed group they are that group's own fighters. */
const ARMED_SECTORS = new Set(['REB', 'UAF', 'MIL', 'PRM']);

/** The candidates a chunk yields and the word index after it. */
export interface ChunkResult {
  cands: Candidate[];
  end: number;
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
  // "Lebanese Hezbollah", "Iraqi Kurdish peshmerga": a country word before one of its own organisations.
  const pc = country;
  const orgAfter = pc && q < ws.length ? has(at.get(q), 'org') : undefined;
  if (pc && orgAfter && (orgAfter.o.country === pc.c.code || orgAfter.o.country === '')) {
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
  // "John Doe" is not Samuel Doe: a surname-only match right after an unknown given name is another person.
  const otherGiven =
    pe?.kind === 'surname' &&
    p === i &&
    i > 0 &&
    !at.has(i - 1) &&
    isCapitalized(ws[i - 1].raw) &&
    /^\p{L}+$/u.test(ws[i - 1].raw) &&
    !lex.words.honorifics.has(ws[i - 1].key) &&
    (cx.upos(i - 1)
      ? cx.upos(i - 1) === 'PROPN'
      : i - 1 > 0 && !FUNCTION_WORDS.has(ws[i - 1].key) && !lex.words.locatives.has(ws[i - 1].key));
  if (otherGiven) return null;
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
    // "Hamas gunmen" are Hamas fighters; "the Taliban government" governs: armed words keep an armed group's
    // sector, governing words make it GOV, other generic words keep the organisation's own sector.
    if (org && headSector && GOVERNING.has(headSector.text.toLowerCase())) sector = 'GOV';
    else if (org && headSector?.generic) sector = org.sector || sector;
    else if (org && org.type === 'armed' && ARMED_SECTORS.has(sector)) sector = org.sector;
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
