/** Mention candidates and the small word-level helpers that phrase assembly shares. */
import type { Entry, Lexicon } from './lexicon.js';
import type { Match } from './match.js';
import type { Word } from './text.js';
import type { Identity } from './identity.js';
import type { CountryRecord, OrgRecord, SectorWord } from './types.js';

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

/** The entry of kind `k` in a match, if any. */
export const has = <K extends Entry['kind']>(m: Match | undefined, k: K): Extract<Entry, { kind: K }> | undefined =>
  m?.entries.find((e) => e.kind === k) as Extract<Entry, { kind: K }> | undefined;

/** Confidence for a country read from "<sector> in <country>": the actors may be foreign to the place. */
export const CONF_POSTFIX_IN = 0.65;

/** Words before `i` that modify the chunk: a determiner ("the") and "former"-like words. */
export function lookBack(lex: Lexicon, ws: Word[], i: number): { definite: boolean; former: boolean; start: number } {
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

export function countryOf(
  m: Match | undefined,
): { c: CountryRecord; kind: 'country' | 'demonym' | 'plural' | 'capital' | 'seat' | 'city'; sector?: string } | null {
  if (!m) return null;
  for (const k of ['country', 'demonym', 'plural', 'capital', 'seat', 'city'] as const) {
    const e = has(m, k);
    if (e) return { c: e.c, kind: k, sector: k === 'seat' ? (e as { sector: string }).sector : undefined };
  }
  return null;
}

/** The sector a run of sector words names: the last specific word, else the last word. */
export function pickSector(sectors: SectorWord[]): SectorWord | undefined {
  if (!sectors.length) return undefined;
  const specific = sectors.filter((s) => !s.generic);
  return specific.length ? specific[specific.length - 1] : sectors[sectors.length - 1];
}

/** Keys of words [i, j) joined by spaces. */
export function phraseOf(ws: Word[], i: number, j: number): string {
  return ws
    .slice(i, j)
    .map((w) => w.key)
    .join(' ');
}

/** True when a word in [i, j) is a nominal subject in the parse. */
export function isSubject(cx: SentenceContext, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (/^nsubj/.test(cx.deprel(k))) return true;
  return false;
}
