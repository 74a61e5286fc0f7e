/**
 * Words for gazetteer matching. Tokenizers disagree on hyphens, possessives and dotted abbreviations, so matching runs
 * over our own sub-token words (cut the same way for the text and for the gazetteer) and maps back to tokens by offset.
 */

/** A word: character span, raw text, matching key, and the token it came from (-1 when matched on raw text). */
export interface Word {
  start: number;
  end: number;
  raw: string;
  key: string;
  token: number;
  /** Joined to the previous word by a hyphen ("Iran-backed", "NATO-member"). */
  hyphen?: boolean;
}

// Dotted abbreviations (U.S., U.N.) first, then letter/digit runs with inner apostrophes (d'Ivoire, O'Brien) but not a
// possessive 's, then a possessive 's, then any other non-space, non-hyphen character as its own word.
const WORD_RE =
  /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’](?!s(?![\p{L}]))[\p{L}\p{N}]+)*|['’]s(?![\p{L}])|[^\s\p{L}\p{N}\-‐‑–—]/gu;

const HYPHENS = '-‐‑';

/** Lower-case, strip diacritics and inner dots, unify apostrophes: the key words are matched on. */
export function normKey(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/(\p{L})\./gu, '$1');
}

/** Cut `text` into words; offsets are shifted by `base`. */
export function words(text: string, base = 0, token = -1): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const raw = m[0];
    const w: Word = { start: base + m.index!, end: base + m.index! + raw.length, raw, key: normKey(raw), token };
    if (
      m.index! > 0 &&
      HYPHENS.includes(text[m.index! - 1]) &&
      m.index! > 1 &&
      /[\p{L}\p{N}.]/u.test(text[m.index! - 2])
    )
      w.hyphen = true;
    out.push(w);
  }
  return out;
}

/** The keys of a phrase, joined by spaces: how a gazetteer alias is indexed. */
export function phraseKey(text: string): string {
  return words(text)
    .map((w) => w.key)
    .join(' ');
}

/** True when the word starts with an upper-case letter (or digit, for names like "M23"). */
export function isCapitalized(raw: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(raw);
}

/** True when the word has letters and none of them is lower-case ("US", "U.S.", "NATO"). */
export function isAllCaps(raw: string): boolean {
  return /\p{L}/u.test(raw) && !/\p{Ll}/u.test(raw);
}
