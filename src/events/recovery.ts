/**
 * Argument recovery when the parse attaches nothing useful: a marked phrase lower
 * in the tree, the country of the event's place, and the nearest mentions either
 * side of the trigger in the clause.
 */
import type { Mention } from '../doc/index.js';
import { CIRCUMSTANCE_NOUNS, phraseTokens, TIME_WORDS, type ArgPick } from './args.js';
import { grammar } from './grammar.js';
import type { MentionIndex } from './mentions.js';
import type { SentenceView } from './syntax.js';

/**
 * Whether child c opens another clause with arguments of its own, which a search for this predicate's party or place
 * does not enter: an adverbial clause (not a purpose "to"), a complement or parenthetical clause, a relative clause, a
 * coordinated predicate ("share intelligence and fight the jihadists"), or a subject.
 */
function otherClause(v: SentenceView, c: number): boolean {
  const b = v.base(c);
  return (
    (b === 'advcl' && !v.marks(c).includes('to')) ||
    b === 'ccomp' ||
    b === 'parataxis' ||
    (b === 'conj' && v.isVerb(c)) ||
    b.startsWith('nsubj') ||
    b === 'csubj' ||
    v.rel(c) === 'acl:relcl'
  );
}

/**
 * Walk down from `heads`, breadth first, `levels` levels deep, through the phrases an argument can hang on — purpose
 * clauses stay in ("gave millions to promote development in Ethiopia"), other clauses do not — and return the first
 * token `accept` takes; -1 when there is none.
 */
function firstBelow(v: SentenceView, heads: number[], levels: number, accept: (t: number) => boolean): number {
  let frontier = heads;
  for (let d = 0; d < levels && frontier.length; d++) {
    const next: number[] = [];
    for (const h of frontier)
      for (const c of v.children(h)) {
        if (otherClause(v, c)) continue;
        next.push(c);
        if (accept(c)) return c;
      }
    frontier = next;
  }
  return -1;
}

/** The first `obl`/`nmod` phrase marked by one of `preps` that `accept` takes, depth ≤ 3; -1 when there is none. */
function findPlace(
  v: SentenceView,
  heads: number[],
  preps: ReadonlySet<string>,
  accept: (t: number) => boolean,
): number {
  return firstBelow(v, heads, 4, (c) => {
    const b = v.base(c);
    return (b === 'obl' || b === 'nmod') && v.marks(c).some((mk) => preps.has(mk)) && accept(c);
  });
}

/** A place mention with a country in an "in/at X" phrase below the trigger, its predicate or its complement (depth ≤ 3). */
export function placeMention(v: SentenceView, mi: MentionIndex, heads: number[]): { tok: number; m: Mention } | null {
  let found: Mention | null = null;
  const tok = findPlace(v, heads, grammar().placePreps, (c) => {
    const ms = mi.forPhrase(v, c, phraseTokens(v, c, true));
    if (!ms.length || !ms[0].country || ms[0].kind === 'pronoun') return false;
    found = ms[0];
    return true;
  });
  return tok >= 0 && found ? { tok, m: found } : null;
}

/** Common nouns that name a place PLOVER can code as the target ("imposed blockades in the worst-damaged areas"). */
const PLACE_NOUNS = new Set([
  'area',
  'region',
  'province',
  'district',
  'city',
  'town',
  'village',
  'border',
  'capital',
  'country',
  'republic',
  'territory',
  'zone',
  'enclave',
  'strip',
  'county',
  'governorate',
  'neighbourhood',
  'neighborhood',
  'suburb',
  'camp',
]);

/** Prepositions of a named destination or location that PLOVER codes as the target when no party is named. */
const PLACE_TARGET_PREPS = new Set(['in', 'at', 'to', 'into', 'inside', 'across', 'throughout']);

/**
 * A proper-noun place phrase ("in Louisiana", "at Digha", "to Liberia") below the trigger, its predicate or its
 * complement (depth ≤ 3), whether or not the actors stage made a mention of it; -1 when there is none.
 */
export function placePhrase(v: SentenceView, heads: number[], isPlace: (t: number) => boolean): number {
  return findPlace(
    v,
    heads,
    PLACE_TARGET_PREPS,
    (c) => (v.upos(c) === 'PROPN' && isPlace(c)) || (v.upos(c) === 'NOUN' && PLACE_NOUNS.has(v.lemma(c))),
  );
}

/** Prepositions that mark a recipient strongly enough to look for below the trigger, by type. */
const DEEP_PREPS: Record<string, string[]> = {
  CONSULT: ['with'],
  AGREE: ['with'],
  COOPERATE: ['with'],
  ACCUSE: ['against'],
  ASSAULT: ['against', 'on'],
  SANCTION: ['against', 'on'],
  THREATEN: ['against'],
  PROTEST: ['against'],
  COERCE: ['against'],
  AID: ['to'],
  MOBILIZE: ['against', 'to'],
  RETREAT: ['to', 'from'],
  REQUEST: ['against', 'on', 'from'],
};

/** A nominal below p (depth ≤ 3) marked by the type's recipient preposition, or -1. */
export function deepMarked(v: SentenceView, p: number, type: string): number {
  const preps = DEEP_PREPS[type];
  if (!preps) return -1;
  let frontier = [p];
  for (let d = 0; d < 3 && frontier.length; d++) {
    const next: number[] = [];
    for (const f of frontier)
      for (const c of v.children(f)) {
        const b = v.base(c);
        if (b === 'ccomp' || b === 'advcl' || b === 'parataxis' || v.rel(c) === 'acl:relcl') continue;
        if ((b === 'nmod' || b === 'obl') && v.marks(c).some((m) => preps.includes(m))) return c;
        next.push(c);
      }
    frontier = next;
  }
  return -1;
}

/** Linear fallback scan limits: tokens looked at either side of a verb trigger when the parse gives no argument. */
const LINEAR_WINDOW = 8;
const CLAUSE_BREAK = new Set(['SCONJ', 'VERB']);

/** Mentions nearest the trigger on one side, with coordinated ones ("Russia and France"), when the parse found none. */
export function linearArg(
  v: SentenceView,
  mi: MentionIndex,
  i: number,
  dir: -1 | 1,
): { pick: ArgPick; mentions: Mention[] } {
  const got: Mention[] = [];
  const toks: number[] = [];
  for (let k = i + dir, steps = 0; k >= v.start && k < v.end && steps < LINEAR_WINDOW; k += dir, steps++) {
    const txt = v.text(k);
    if (txt === ';' || txt === '.' || (CLAUSE_BREAK.has(v.upos(k)) && !got.length && k !== i)) {
      if (v.upos(k) === 'VERB' && dir === -1 && steps === 0) continue;
      break;
    }
    const ms = TIME_WORDS.test(txt) ? [] : mi.at(k);
    if (ms.length) {
      for (const m of ms) if (!got.includes(m)) got.push(m);
      toks.push(k);
      continue;
    }
    if (got.length && !(txt === 'and' || txt === ',')) break;
  }
  if (!got.length && !v.parsed) {
    // No mention either side: the nearest noun in the clause stands in as the argument phrase (span only).
    for (let k = i + dir, steps = 0; k >= v.start && k < v.end && steps < LINEAR_WINDOW; k += dir, steps++) {
      const txt = v.text(k);
      if (txt === ';' || txt === '.' || CLAUSE_BREAK.has(v.upos(k))) break;
      if (v.upos(k) === 'NOUN' || v.upos(k) === 'PROPN')
        return { pick: { tokens: [k], rule: dir < 0 ? 'linear-left-noun' : 'linear-right-noun' }, mentions: [] };
    }
  }
  return { pick: { tokens: toks.slice(0, 1), rule: dir < 0 ? 'linear-left' : 'linear-right' }, mentions: got };
}

/** Prepositions that introduce the party an event is directed at, when the object is only the thing acted with. */
const PARTY_PREPS = new Set(['to', 'on', 'against', 'from', 'into', 'with', 'toward', 'towards', 'upon', 'onto']);

/**
 * The first nominal below the trigger, its predicate or its complement (breadth first, depth ≤ 3) introduced by a
 * party preposition ("returned a painting to its owner", "imposed sanctions on three firms", "withdrew from Syria"),
 * skipping tokens already used; -1 when there is none.
 */
export function markedParty(v: SentenceView, heads: number[], used: (t: number) => boolean): number {
  return firstBelow(v, heads, 3, (c) => {
    // Any relation: the parser sometimes labels a marked phrase as an object ("sanctions on three firms").
    if (!v.marks(c).some((mk) => PARTY_PREPS.has(mk)) && !PARTY_PREPS.has(leadingPrep(v, c))) return false;
    const u = v.upos(c);
    return (
      (u === 'NOUN' || u === 'PROPN' || u === 'PRON') &&
      !used(c) &&
      !TIME_WORDS.test(v.text(c)) &&
      !CIRCUMSTANCE_NOUNS.has(v.lemma(c).toLowerCase())
    );
  });
}

/**
 * The first party mention (one with a country or a known sector) anywhere below the trigger, its predicate or its
 * complement (breadth first, depth ≤ 4), outside subjects and separate clauses: the recipient when the parse hung it
 * lower than the argument slots ("arrested 100 members, including the boss of the Colombo family"); -1 when none.
 */
export function subtreeParty(
  v: SentenceView,
  mi: MentionIndex,
  heads: number[],
  used: (t: number) => boolean,
): { tok: number; m: Mention } | null {
  let frontier = heads;
  for (let d = 0; d < 4 && frontier.length; d++) {
    const next: number[] = [];
    for (const h of frontier)
      for (const c of v.children(h)) {
        if (otherClause(v, c)) continue;
        next.push(c);
        if (used(c) || TIME_WORDS.test(v.text(c))) continue;
        const m = mi.at(c).find((x) => x.kind !== 'pronoun' && (!!x.country || (!!x.sector && x.sector !== 'UNK')));
        if (m) return { tok: c, m };
      }
    frontier = next;
  }
  return null;
}

/** The preposition opening a nominal's phrase when the parser hung it on a modifier ("on three new firms"), or "". */
function leadingPrep(v: SentenceView, h: number): string {
  let first = h;
  const stack = [h];
  for (let n = 0; stack.length && n < 40; n++) {
    const t = stack.pop()!;
    if (t < first) first = t;
    for (const c of v.children(t)) if (c < h) stack.push(c);
  }
  return first < h && v.upos(first) === 'ADP' ? v.lemma(first).toLowerCase() : '';
}
