/**
 * Finding the source noun phrase next to a cue: backwards from a preposed cue
 * ("the French president said"), forwards after an inverted one ("said Putin"),
 * using UPOS tags when the nlp stage gave them and word shapes otherwise.
 */
import type { TokenView } from '../doc/index.js';
import { quoteWords } from './words.js';

/** Whether token `i` touches both neighbours (no spaces), as the pieces of "warm-and-fuzzy" do. */
function glued(v: TokenView, i: number): boolean {
  const t = v.doc.layers.tokens!;
  return i > 0 && i + 1 < t.count && t.end[i - 1] === t.start[i] && t.end[i] === t.start[i + 1];
}

function nounish(v: TokenView, i: number): boolean {
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
      (u === 'PRON' && quoteWords().possessivePronouns.has(v.low(i))) ||
      (u === 'PUNCT' && v.raw(i) === '.') ||
      // A capitalised word after another word is a name whatever the tagger says ("Charlie Cook/VERB wrote").
      (u !== 'PRON' &&
        u !== 'AUX' &&
        /^\p{Lu}/u.test(v.raw(i)) &&
        /^\p{L}+$/u.test(v.raw(i - 1)) &&
        !quoteWords().npStop.has(v.low(i)))
    );
  const w = v.low(i);
  if (quoteWords().npStop.has(w)) return false;
  return /^[\p{L}\p{N}]/u.test(v.raw(i)) || w === "'s" || w === '’s' || w === '&';
}

/** Skip adverbs and auxiliaries backwards from token `i` (inclusive); returns the first other token index. */
export function skipBetweenBack(v: TokenView, i: number, floor: number): number {
  for (;;) {
    while (
      i >= floor &&
      (quoteWords().between.has(v.low(i)) || (/ly$/.test(v.low(i)) && v.low(i).length > 4 && v.upos(i) !== 'NOUN'))
    )
      i--;
    // "Wells Fargo just this month announced", "Putin on Thursday said": a time phrase is not the subject.
    if (i >= floor && quoteWords().timeNouns.has(v.low(i))) {
      let k = i - 1;
      while (k >= floor && quoteWords().timeLead.has(v.low(k))) k--;
      if (k < i - 1 || quoteWords().weekdays.has(v.low(i))) {
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
export function npBack(v: TokenView, end: number, floor: number, maxLen = 10): [number, number] | null {
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
      const appositive = !quoteWords().subjectPronouns.has(first) && first !== 'that';
      const head = npBack(v, j - 1, floor, maxLen);
      if (appositive && head && !(head[0] === head[1] && quoteWords().relativePronouns.has(v.low(head[0]))))
        return head;
    }
    return null;
  }
  const w = v.low(i);
  if (quoteWords().pronouns.has(w)) return [i, i];
  if (!nounish(v, i)) return null;
  let first = i;
  let j = i - 1;
  while (j >= floor && i - j < maxLen) {
    const lw = v.low(j);
    if (nounish(v, j)) {
      // "one senior official", "this official": determiner uses of pronoun words stay in the phrase.
      if (quoteWords().pronouns.has(lw) && !quoteWords().determinerPronouns.has(lw)) break;
      if ((lw === 'that' || lw === 'this') && !v.upos(j)) break;
      first = j;
      j--;
      continue;
    }
    // Prepositions inside a name-like phrase: only when a noun phrase continues before them.
    if (
      (quoteWords().npPrepositions.has(lw) || lw === 'and' || lw === '&') &&
      j - 1 >= floor &&
      nounish(v, j - 1) &&
      !quoteWords().pronouns.has(v.low(j - 1))
    ) {
      if (lw === 'and' && !/^\p{Lu}/u.test(v.raw(j - 1)) && !/^\p{Lu}/u.test(v.raw(j + 1))) break;
      first = j - 1;
      j -= 2;
      continue;
    }
    break;
  }
  // A phrase does not start with a preposition or conjunction.
  while (first < i && (quoteWords().npPrepositions.has(v.low(first)) || v.low(first) === 'and')) first++;
  return [first, i];
}

/** The noun phrase starting at token `start`, up to `ceil` (exclusive): for "said X" and "according to X". */
export function npForward(v: TokenView, start: number, ceil: number, maxLen = 12): [number, number] | null {
  let i = start;
  while (i < ceil && (v.raw(i) === ',' || quoteWords().between.has(v.low(i)))) i++;
  if (i >= ceil) return null;
  // "one Democrat familiar with …": "one" before a noun is a determiner, not the whole phrase.
  if (quoteWords().pronouns.has(v.low(i)) && !(v.low(i) === 'one' && i + 1 < ceil && nounish(v, i + 1))) return [i, i];
  if (!nounish(v, i) && v.low(i) !== 'one') return null;
  let last = i;
  let j = i + 1;
  while (j < ceil && j - i < maxLen) {
    const lw = v.low(j);
    // Untagged text: a lower-case -ed word after a name is its verb ("David Cameron met … and said").
    const verbLike = !v.upos(j) && /^[a-z]+ed$/.test(v.raw(j)) && /^\p{Lu}/u.test(v.raw(j - 1));
    if (nounish(v, j) && !quoteWords().pronouns.has(lw) && !verbLike && !quoteWords().verbsAfterName.has(lw)) {
      last = j;
      j++;
      continue;
    }
    if ((quoteWords().npPrepositions.has(lw) || lw === 'and') && j + 1 < ceil && nounish(v, j + 1)) {
      last = j + 1;
      j += 2;
      continue;
    }
    break;
  }
  return [i, last];
}
