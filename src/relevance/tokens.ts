/**
 * A cheap tokenizer for relevance features: words (letters/digits with inner apostrophes,
 * dots and hyphens) and single punctuation marks. It needs only the sentence text, so the
 * relevance stage can run before the tagger and parser.
 */

const TOKEN = /\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Tokens of a text, as written. */
export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Is this token a word (starts with a letter)? */
export function isWord(t: string): boolean {
  return /^\p{L}/u.test(t);
}

/** Does the token start with an upper-case letter? */
export function isCapitalised(t: string): boolean {
  return /^\p{Lu}/u.test(t);
}

/** Is the token a number (digits with separators)? */
export function isNumber(t: string): boolean {
  return /^\p{N}/u.test(t);
}

/** Lower-case key of a token: numbers folded to their digit shape ("2019" → "0000", "3.5" → "0.0"). */
export function keyOf(t: string): string {
  if (isNumber(t)) return t.replace(/\p{N}/gu, '0').slice(0, 8);
  return t.toLowerCase().replace(/’/g, "'");
}
