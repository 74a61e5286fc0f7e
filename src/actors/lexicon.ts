/**
 * The actor gazetteer: countries, organisations, sector words and people from data/actors/, indexed by phrase key for
 * longest-match lookup over words. Loaded lazily, once.
 */
import { loadJson } from '../doc/resources.js';
import { phraseKey, normKey } from './text.js';
import type { CountryRecord, OrgRecord, PersonRecord, SectorWord } from './types.js';

/** How the case of the text must look for an alias to match. */
export const enum CaseRule {
  /** Any case: common nouns like "rebels". */
  Any = 0,
  /** First letter upper-case: proper names like "Moscow". */
  Capital = 1,
  /** No lower-case letters: short acronyms like "US", "IS" that are also English words in lower case. */
  Caps = 2,
  /** All caps or title case: longer acronyms written "Nato" in some house styles. */
  CapsOrTitle = 3,
}

/** One thing a phrase can mean. */
export type Entry =
  | { kind: 'country'; c: CountryRecord }
  | { kind: 'demonym'; c: CountryRecord }
  | { kind: 'plural'; c: CountryRecord }
  | { kind: 'capital'; c: CountryRecord }
  | { kind: 'seat'; c: CountryRecord; sector: string; text: string }
  | { kind: 'city'; c: CountryRecord; text: string }
  | { kind: 'org'; o: OrgRecord }
  | { kind: 'sector'; s: SectorWord }
  | { kind: 'person'; p: PersonRecord }
  | { kind: 'surname'; p: PersonRecord };

/** An entry with the case rule of the alias it was indexed under. */
export interface IndexedEntry {
  e: Entry;
  rule: CaseRule;
}

/** The closed word lists of data/actors/words.json. */
export interface WordLists {
  modifiers: string[];
  determiners: string[];
  formerWords: string[];
  locatives: string[];
  placeOnly: string[];
  pronouns: Record<string, string>;
  nameParticles: string[];
  honorifics: string[];
  surnameStop: string[];
  notNationality: string[];
  notNationalityAfter: string[];
  functionWords: string[];
  countryNouns: string[];
  directions: string[];
  governing: string[];
  postfixPrepositions: string[];
  regnalTitles: string[];
  surnameArticles: string[];
  orgNameWords: string[];
  actNouns: string[];
}

/** The loaded, indexed gazetteer. */
export interface Lexicon {
  index: Map<string, IndexedEntry[]>;
  maxLen: number;
  countries: Map<string, CountryRecord>;
  orgs: OrgRecord[];
  people: PersonRecord[];
  words: {
    modifiers: Set<string>;
    determiners: Set<string>;
    former: Set<string>;
    locatives: Set<string>;
    placeOnly: Set<string>;
    pronouns: Map<string, string>;
    particles: Set<string>;
    honorifics: Set<string>;
    notNationality: Set<string>;
    notNationalityAfter: Set<string>;
    surnameStop: Set<string>;
    /** Words that never sit inside a noun phrase between a country word and its head noun. */
    functionWords: Set<string>;
    /** Nouns that, after "the", refer back to a country named earlier. */
    countryNouns: Set<string>;
    /** Direction words between a preposition and a country: "in south Serbia". */
    directions: Set<string>;
    /** Generic words that name a governing body: after an organisation they make it the government. */
    governing: Set<string>;
    /** Prepositions that introduce a postfix country ("president of Armenia"). */
    postfixPrepositions: Set<string>;
    /** Matches a word that makes a proper-noun run an organisation rather than a person (any case). */
    orgNameWord: RegExp;
    /** Nouns of acts and stances: a nationality adjective before one names the state that acts ("Israeli strikes"). */
    actNouns: Set<string>;
  };
  /** One-deletion variants of long single-word proper names, for typo-tolerant lookup ("Afganistan"). */
  deletions: Map<string, string[]>;
  /** Description phrase key → organisations it can refer back to ("the jihadist group"). */
  descriptions: Map<string, OrgRecord[]>;
}

function caseRule(alias: string): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (letters && !/\p{Ll}/u.test(letters)) return letters.length <= 3 ? CaseRule.Caps : CaseRule.CapsOrTitle;
  if (/^[\p{Lu}\p{N}]/u.test(alias.replace(/^the\s+/i, ''))) return CaseRule.Capital;
  return CaseRule.Any;
}

/** Name words that are never a person's standalone surname key. */
function surnamesOf(p: PersonRecord, stop: Set<string>, regnal: RegExp, article: RegExp): string[] {
  const out = new Set<string>();
  for (const full of [p.name, ...p.aliases]) {
    const parts = full.split(/\s+/);
    // "Pope Francis", "King Salman": the last word is a regnal or given name, not a surname.
    if (parts.length < 2 || regnal.test(parts[0])) continue;
    const last = parts[parts.length - 1];
    for (const s of [last, last.replace(article, '')]) {
      const k = normKey(s);
      if (s.length >= 3 && !stop.has(k)) out.add(s);
    }
  }
  return [...out];
}

let cached: Lexicon | null = null;

/** Load and index the actor data (once). */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const countries = loadJson<CountryRecord[]>('actors', 'countries.json');
  const orgs = loadJson<OrgRecord[]>('actors', 'orgs.json');
  const sectors = loadJson<SectorWord[]>('actors', 'sectors.json');
  const people = loadJson<PersonRecord[]>('actors', 'people.json');
  const wl = loadJson<WordLists>('actors', 'words.json');
  const index = new Map<string, IndexedEntry[]>();
  let maxLen = 1;
  const add = (alias: string, e: Entry, rule = caseRule(alias)): void => {
    const key = phraseKey(alias);
    if (!key) return;
    maxLen = Math.max(maxLen, key.split(' ').length);
    let list = index.get(key);
    if (!list) index.set(key, (list = []));
    list.push({ e, rule });
    // "the Kremlin" is also indexed as "Kremlin" (but "The Hague" keeps its article: "Hague" is a surname).
    if (key.startsWith('the ') && e.kind !== 'capital') add(alias.slice(4), e, rule);
  };
  // Regions with a CAMEO code of their own ("European leaders" EUR): after the states, so a state's names win.
  const regions = loadJson<CountryRecord[]>('actors', 'regions.json');
  const byCode = new Map<string, CountryRecord>();
  // UN members first, so a demonym shared with a dependency ("French": France, French Southern Lands) means the state.
  const ordered = [...[...countries].sort((a, b) => Number(b.un) - Number(a.un)), ...regions];
  for (const c of ordered) {
    byCode.set(c.code, c);
    for (const n of c.names) add(n, { kind: 'country', c });
    for (const d of c.demonyms) add(d, { kind: 'demonym', c });
    for (const d of c.plurals) add(d, { kind: 'plural', c });
    for (const k of c.capitals) add(k, { kind: 'capital', c });
    for (const s of c.seats) add(s.text, { kind: 'seat', c, sector: s.sector, text: s.text });
  }
  // Major non-capital cities: places whose people are civilians when the city itself is hit or acts.
  for (const city of loadJson<{ name: string; country: string }[]>('actors', 'cities.json')) {
    const c = byCode.get(city.country);
    if (c) add(city.name, { kind: 'city', c, text: city.name }, CaseRule.Capital);
  }
  const descriptions = new Map<string, OrgRecord[]>();
  for (const o of orgs) {
    for (const a of new Set([o.name, ...o.aliases])) add(a, { kind: 'org', o });
    for (const d of o.descriptions ?? []) {
      const k = phraseKey(d.replace(/^the\s+/i, ''));
      if (!descriptions.has(k)) descriptions.set(k, []);
      descriptions.get(k)!.push(o);
    }
  }
  for (const s of sectors)
    add(s.text, { kind: 'sector', s }, s.text === s.text.toUpperCase() ? CaseRule.Caps : CaseRule.Any);
  const stop = new Set(wl.surnameStop);
  const regnal = new RegExp(`^(${wl.regnalTitles.join('|')})$`, 'i');
  const article = new RegExp(`^(${wl.surnameArticles.join('|')})-`, 'i');
  // A surname that already names something else ("English", "Bishop", "Hague") never stands alone for a person.
  const taken = (k: string): boolean =>
    (index.get(k) ?? []).some((x) => x.e.kind !== 'person' && x.e.kind !== 'surname');
  for (const p of people) {
    for (const n of new Set([p.name, ...p.aliases])) {
      // A one-word alias ("Putin") is a surname key: weaker evidence than a full name.
      if (/\s/.test(n.trim())) add(n, { kind: 'person', p }, CaseRule.Capital);
      else if (!stop.has(normKey(n)) && !taken(phraseKey(n))) add(n, { kind: 'surname', p }, CaseRule.Capital);
    }
    for (const s of surnamesOf(p, stop, regnal, article))
      if (!taken(phraseKey(s))) add(s, { kind: 'surname', p }, CaseRule.Capital);
  }
  // Deletion variants: only long one-word proper names, so short words never fuzzy-match ("Osama" is not "Obama").
  const deletions = new Map<string, string[]>();
  for (const [key, list] of index) {
    if (key.includes(' ') || key.length < 6 || !list.some((x) => x.rule === CaseRule.Capital)) continue;
    for (let i = 0; i < key.length; i++) {
      const d = key.slice(0, i) + key.slice(i + 1);
      const l = deletions.get(d) ?? [];
      if (!l.includes(key)) l.push(key);
      deletions.set(d, l);
    }
  }
  cached = {
    index,
    maxLen,
    countries: byCode,
    orgs,
    people,
    words: {
      modifiers: new Set(wl.modifiers),
      determiners: new Set(wl.determiners),
      former: new Set(wl.formerWords),
      locatives: new Set(wl.locatives),
      placeOnly: new Set(wl.placeOnly),
      pronouns: new Map(Object.entries(wl.pronouns)),
      particles: new Set(wl.nameParticles),
      honorifics: new Set(wl.honorifics),
      notNationality: new Set(wl.notNationality),
      notNationalityAfter: new Set(wl.notNationalityAfter),
      surnameStop: new Set(wl.surnameStop),
      functionWords: new Set(wl.functionWords),
      countryNouns: new Set(wl.countryNouns),
      directions: new Set(wl.directions),
      governing: new Set(wl.governing),
      postfixPrepositions: new Set(wl.postfixPrepositions),
      actNouns: new Set(wl.actNouns),
      orgNameWord: new RegExp(`^(${wl.orgNameWords.join('|')})$`, 'i'),
    },
    deletions,
    descriptions,
  };
  return cached;
}

/** Shortest key a typo may resolve to: five-letter keys matched common words ("Sharia" → "Shara"), eval run of 06:45. */
const FUZZY_MIN_KEY = 6;
/** Longest key tried for typos: well above the longest single-word gazetteer name. */
const FUZZY_MAX_KEY = 64;

/** Keys of one-word proper names within one insertion or deletion of `key` (typo tolerance), or []. */
export function fuzzyKeys(lex: Lexicon, key: string): string[] {
  // Common surnames ("Johnson") are real words of their own, not typos of a listed name ("Johnston").
  // A key longer than any gazetteer word plus one letter cannot be one edit from it; without this cap one long
  // capitalised token cost O(n²) string building (400 KB: 234 s).
  if (key.length > FUZZY_MAX_KEY) return [];
  if (key.length < 6 || lex.index.has(key) || lex.words.surnameStop.has(key)) return [];
  const out = new Set<string>();
  // The text has an extra letter ("Quatar"): one of its deletions is a key.
  for (let i = 0; i < key.length; i++) {
    const d = key.slice(0, i) + key.slice(i + 1);
    if (lex.index.has(d) && d.length >= FUZZY_MIN_KEY) out.add(d);
  }
  // The text lacks a letter ("Afganistan"): it equals a deletion of a key.
  for (const k of lex.deletions.get(key) ?? []) if (k.length >= FUZZY_MIN_KEY) out.add(k);
  // Two letters swapped ("Khatmandu").
  if (key.length >= 7)
    for (let i = 0; i + 1 < key.length; i++) {
      const t = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
      if (t !== key && lex.index.has(t)) out.add(t);
    }
  return [...out];
}
