/**
 * The state one chunk is read into: what the sentence gives (words, matches, context) and what each phase has found
 * so far. Phases run in order (chunk.ts) and each fills its own fields; `p` is the word the reading has reached.
 */
import type { Lexicon } from '../lexicon.js';
import type { Match } from '../match.js';
import type { Word } from '../text.js';
import type { CountryRecord, OrgRecord, PersonRecord, SectorWord } from '../types.js';
import { countryOf, lookBack, type Candidate, type SentenceContext } from '../candidate.js';

/** A country-ish gazetteer hit: the country and how the word names it. */
export type CountryHit = NonNullable<ReturnType<typeof countryOf>>;

/** The candidates a chunk yields and the word index after it. */
export interface ChunkResult {
  cands: Candidate[];
  end: number;
}

/** What a chunk is read from: the sentence's words, its matches by start word, the context and the match at `i`. */
export interface ChunkInput {
  lex: Lexicon;
  ws: Word[];
  at: Map<number, Match>;
  i: number;
  cx: SentenceContext;
  /** True when word k is a modifier ("former", "senior", a number) that no match covers. */
  isMod: (k: number) => boolean;
}

/** A chunk being read. */
export interface Chunk extends ChunkInput {
  /** Determiner and "former"-like words before `i`. */
  back: ReturnType<typeof lookBack>;
  /** The match the chunk starts at. */
  first: Match;
  /** The word reading has reached. */
  p: number;
  /** head.ts: the country word the chunk opens with, when it names the actor's nationality. */
  country: CountryHit | null;
  /** head.ts: the organisation the chunk opens with. */
  org: OrgRecord | null;
  /** head.ts: further demonyms of a compound modifier ("Hungarian and Romanian officials"). */
  extraCountries: CountryRecord[];
  /** head.ts: the country word is not the actor's nationality ("anti-Syrian", "Iran-backed", "ethnic Albanians"). */
  notNation: boolean;
  /** head.ts: the chunk names an ethnic community, not a nationality. */
  ethnic: boolean;
  /** modifiers.ts: where the sector words start. */
  q: number;
  /** modifiers.ts: a "former"-like word qualifies the chunk. */
  former: boolean;
  /** sectors.ts: sector words and titles read after the modifiers. */
  sectors: SectorWord[];
  /** sectors.ts: the sector of a seat of power read as a sector word ("Kremlin" after a country). */
  seatSector: string | undefined;
  /** name.ts: the known people the name may be. */
  person: PersonRecord[];
  /** name.ts: 'name' or 'surname' for a known person. */
  personKind: string;
  /** name.ts: the name's words [nameStart, nameEnd), -1 when there is no name. */
  nameStart: number;
  nameEnd: number;
  /** name.ts: the first title among the sector words. */
  title: SectorWord | undefined;
  /** postfix.ts: a country after the sector words ("president of Armenia"). */
  postCountry: CountryRecord | null;
  /** postfix.ts: the postfix country came with "in"/"from" (the actors may be foreign to the place). */
  postIn: boolean;
}

/** A fresh chunk at match `input.i`, nothing read yet. */
export function startChunk(input: ChunkInput): Chunk {
  return {
    ...input,
    back: lookBack(input.lex, input.ws, input.i),
    first: input.at.get(input.i)!,
    p: input.i,
    country: null,
    org: null,
    extraCountries: [],
    notNation: false,
    ethnic: false,
    q: input.i,
    former: false,
    sectors: [],
    seatSector: undefined,
    person: [],
    personKind: '',
    nameStart: -1,
    nameEnd: -1,
    title: undefined,
    postCountry: null,
    postIn: false,
  };
}

/** Where the chunk's span starts: at a "former"-like word before the match, else at the match. */
export const spanStart = (s: Chunk): number => Math.min(s.back.start, s.i);

/** The raw words [i, j) joined by spaces. */
export const rawText = (s: Chunk, i: number, j: number): string =>
  s.ws
    .slice(i, j)
    .map((w) => w.raw)
    .join(' ');

/** The country code the text gives the chunk: its opening country word, else a postfix country. */
export const textCountry = (s: Chunk): string | null => s.country?.c.code ?? s.postCountry?.code ?? null;

/** The modifier test of a sentence: word k is a modifier ("senior", "former", a number) that no match covers. */
export function modifierTest(lex: Lexicon, ws: Word[], at: Map<number, Match>): (k: number) => boolean {
  return (k) => k < ws.length && !at.has(k) && (lex.words.modifiers.has(ws[k].key) || /^\d+$/.test(ws[k].key));
}
