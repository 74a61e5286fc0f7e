/**
 * Finding the source noun phrase next to a cue: backwards from a preposed cue
 * ("the French president said"), forwards after an inverted one ("said Putin"),
 * using UPOS tags when the nlp stage gave them and word shapes otherwise.
 */
import type { Doc } from '../doc/index.js';

/** Words that may sit between a subject and its cue ("he also said", "Putin has repeatedly said"). */
const BETWEEN = new Set(
  "also has have had 'd ’d 'll ’ll will would could may might should must did does do is was were are 's ’s 've ’ve been being not n't n’t never later then previously recently reportedly repeatedly publicly privately once again further already often still just even first finally quickly flatly simply clearly separately subsequently since earlier today yesterday tonight".split(
    ' ',
  ),
);
const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** Time nouns that close a time phrase ("this month", "on Thursday", "last week"). */
const TIME_NOUNS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|morning|afternoon|evening|night|day|today|yesterday|tonight)$/;
/** Words that open a time phrase. */
const TIME_LEAD = /^(this|last|next|on|early|late|earlier|later|that|the|same|previous|just|in|over|during)$/;
/** Subject pronouns and relative pronouns, each a whole source on its own. */
export const PRONOUNS = new Set('he she they we i you it who which this that one someone everyone nobody'.split(' '));
const SUBJECT = new Set('he she they we i you it'.split(' '));
const RELATIVE = new Set('who which that whom whose'.split(' '));
/** Words that end a noun phrase when scanning (clause openers, verbs-ish function words, prepositions outside names). */
const STOP = new Set(
  'that and but or because when while if as after before since although though than to in on with from by about into over under against during without between among through , ; : ( ) [ ] — – - " “ ” ‘ ’ \' « » . ! ? is was were are be been being has have had said says told not did does do will would could can may might should must'.split(
    ' ',
  ),
);
/** Prepositions allowed inside a source phrase ("spokesman for the ministry", "head of the agency"). */
const NP_PREP = new Set(['of', 'for', 'at']);

/** Token view used by the scanners: lower-case text and UPOS ('' when untagged). */
export interface TokView {
  doc: Doc;
  low: (i: number) => string;
  raw: (i: number) => string;
  upos: (i: number) => string;
}

/** Build a token view over `doc`. */
export function tokView(doc: Doc): TokView {
  const t = doc.layers.tokens!;
  const cache = new Map<number, string>();
  // Out-of-range indices read as empty (a typed array gives undefined, and slice(undefined) is the whole text).
  const raw = (i: number): string => (i >= 0 && i < t.count ? doc.text.slice(t.start[i], t.end[i]) : '');
  return {
    doc,
    raw,
    low: (i) => {
      let s = cache.get(i);
      if (s === undefined) {
        s = raw(i).toLowerCase();
        cache.set(i, s);
      }
      return s;
    },
    upos: (i) => t.upos[i] ?? '',
  };
}

/** Whether token `i` touches both neighbours (no spaces), as the pieces of "warm-and-fuzzy" do. */
function glued(v: TokView, i: number): boolean {
  const t = v.doc.layers.tokens!;
  return i > 0 && i + 1 < t.count && t.end[i - 1] === t.start[i] && t.end[i] === t.start[i + 1];
}

function nounish(v: TokView, i: number): boolean {
  // Pieces of a hyphenated compound ("warm-and-fuzzy") belong to the phrase whatever their tags.
  if (glued(v, i) && (v.raw(i) === '-' || v.raw(i - 1) === '-' || v.raw(i + 1) === '-')) return true;
  const u = v.upos(i);
  if (u)
    return (
      u === 'PROPN' ||
      u === 'NOUN' ||
      u === 'ADJ' ||
      u === 'NUM' ||
      u === 'DET' ||
      u === 'PART' ||
      (u === 'PRON' && /^(his|her|their|its|our|my|your)$/.test(v.low(i))) ||
      (u === 'PUNCT' && v.raw(i) === '.') ||
      // A capitalised word after another word is a name whatever the tagger says ("Charlie Cook/VERB wrote").
      (u !== 'PRON' &&
        u !== 'AUX' &&
        /^\p{Lu}/u.test(v.raw(i)) &&
        /^\p{L}+$/u.test(v.raw(i - 1)) &&
        !STOP.has(v.low(i)))
    );
  const w = v.low(i);
  if (STOP.has(w)) return false;
  return /^[\p{L}\p{N}]/u.test(v.raw(i)) || w === "'s" || w === '’s' || w === '&';
}

/** Skip adverbs and auxiliaries backwards from token `i` (inclusive); returns the first other token index. */
export function skipBetweenBack(v: TokView, i: number, floor: number): number {
  for (;;) {
    while (
      i >= floor &&
      (BETWEEN.has(v.low(i)) || (/ly$/.test(v.low(i)) && v.low(i).length > 4 && v.upos(i) !== 'NOUN'))
    )
      i--;
    // "Wells Fargo just this month announced", "Putin on Thursday said": a time phrase is not the subject.
    if (i >= floor && TIME_NOUNS.test(v.low(i))) {
      let k = i - 1;
      while (k >= floor && TIME_LEAD.test(v.low(k))) k--;
      if (k < i - 1 || WEEKDAY.test(v.low(i))) {
        i = k;
        continue;
      }
    }
    return i;
  }
}

/**
 * The noun phrase ending at token `end` (inclusive), scanning back no further than `floor`.
 * Returns [first, last] token indices or null. A pronoun stands alone.
 */
export function npBack(v: TokView, end: number, floor: number, maxLen = 10): [number, number] | null {
  const i = skipBetweenBack(v, end, floor);
  if (i < floor) return null;
  // "X, a senior official at Y, said": skip a comma-closed appositive or relative clause back to X.
  const closer = v.raw(i);
  if (closer === ',' || closer === ')' || closer === '—' || closer === '–' || closer === '-') {
    // "X, a senior official at Y, said" / "X (R-Fla.) said" / "X -- who lost in 2008 -- said":
    // skip the enclosed appositive or relative clause back to X.
    const opens = closer === ')' ? ['('] : closer === ',' ? [','] : ['—', '–', '-'];
    let k = i;
    while (k - 1 >= floor && opens.includes(v.raw(k - 1)) && closer !== ')' && closer !== ',') k--; // "--" is two tokens
    let j = k - 1;
    while (j >= floor && !opens.includes(v.raw(j)) && j > i - 30) j--;
    while (j - 1 >= floor && opens.includes(v.raw(j - 1)) && closer !== ')' && closer !== ',') j--;
    if (j > floor && opens.includes(v.raw(j)) && j < k - 1) {
      const first = v.low(j + 1 + (opens.includes(v.raw(j + 1)) ? 1 : 0));
      // Any enclosed stretch can be an appositive ("Obama, whom Hollande met on Tuesday, said"),
      // but not a clause with its own subject pronoun.
      const appositive = !SUBJECT.has(first) && first !== 'that';
      const head = npBack(v, j - 1, floor, maxLen);
      if (appositive && head && !(head[0] === head[1] && RELATIVE.has(v.low(head[0])))) return head;
    }
    return null;
  }
  const w = v.low(i);
  if (PRONOUNS.has(w)) return [i, i];
  if (!nounish(v, i)) return null;
  let first = i;
  let j = i - 1;
  while (j >= floor && i - j < maxLen) {
    const lw = v.low(j);
    if (nounish(v, j)) {
      // "one senior official", "this official": determiner uses of pronoun words stay in the phrase.
      if (PRONOUNS.has(lw) && !/^(his|her|their|its|one|this|that)$/.test(lw)) break;
      if ((lw === 'that' || lw === 'this') && !v.upos(j)) break;
      first = j;
      j--;
      continue;
    }
    // Prepositions inside a name-like phrase: only when a noun phrase continues before them.
    if (
      (NP_PREP.has(lw) || lw === 'and' || lw === '&') &&
      j - 1 >= floor &&
      nounish(v, j - 1) &&
      !PRONOUNS.has(v.low(j - 1))
    ) {
      if (lw === 'and' && !/^\p{Lu}/u.test(v.raw(j - 1)) && !/^\p{Lu}/u.test(v.raw(j + 1))) break;
      first = j - 1;
      j -= 2;
      continue;
    }
    break;
  }
  // A phrase does not start with a preposition or conjunction.
  while (first < i && (NP_PREP.has(v.low(first)) || v.low(first) === 'and')) first++;
  return [first, i];
}

/** The noun phrase starting at token `start`, up to `ceil` (exclusive): for "said X" and "according to X". */
export function npForward(v: TokView, start: number, ceil: number, maxLen = 12): [number, number] | null {
  let i = start;
  while (i < ceil && (v.raw(i) === ',' || BETWEEN.has(v.low(i)))) i++;
  if (i >= ceil) return null;
  // "one Democrat familiar with …": "one" before a noun is a determiner, not the whole phrase.
  if (PRONOUNS.has(v.low(i)) && !(v.low(i) === 'one' && i + 1 < ceil && nounish(v, i + 1))) return [i, i];
  if (!nounish(v, i) && v.low(i) !== 'one') return null;
  let last = i;
  let j = i + 1;
  while (j < ceil && j - i < maxLen) {
    const lw = v.low(j);
    // Untagged text: a lower-case -ed word after a name is its verb ("David Cameron met … and said").
    const verbLike = !v.upos(j) && /^[a-z]+ed$/.test(v.raw(j)) && /^\p{Lu}/u.test(v.raw(j - 1));
    if (
      nounish(v, j) &&
      !PRONOUNS.has(lw) &&
      !verbLike &&
      !/^(met|told|said|says|went|made|gave|took|sent|held|left)$/.test(lw)
    ) {
      last = j;
      j++;
      continue;
    }
    if ((NP_PREP.has(lw) || lw === 'and') && j + 1 < ceil && nounish(v, j + 1)) {
      last = j + 1;
      j += 2;
      continue;
    }
    break;
  }
  return [i, last];
}
