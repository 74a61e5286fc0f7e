/**
 * Sentence search words as SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer makes them, so the Postgres store
 * (a tsvector of these words, GIN-indexed) answers `q=` with the same events: runs of letters, digits, private-use
 * characters and combining marks; case-folded (final sigma too); diacritics removed from Latin letters only.
 */

/** Postgres refuses lexemes over 2,046 bytes; longer words are left out of its index. */
const MAX_LEXEME_BYTES = 2046;

/** One token folded as FTS5 folds it. */
export function foldWord(token: string): string {
  const bare = token.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1');
  return bare
    .normalize('NFC')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/^\p{M}+/u, '');
}

/** The distinct search words of a text. */
export function searchWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}\p{Co}\p{Mn}]+/gu)) {
    const w = foldWord(m[0]);
    if (w && Buffer.byteLength(w) <= MAX_LEXEME_BYTES) out.add(w);
  }
  return [...out];
}

/** A tsvector literal of words (no positions). Words hold no quote or backslash (see the token class), so none is escaped. */
export function tsvectorLiteral(words: string[]): string {
  return words.map((w) => `'${w}'`).join(' ');
}

/**
 * The tsquery requiring every word of a search, or null when it has none — the same words SQLite's `ftsQuery`
 * quotes (sqlite-api-where.ts), each folded as the tokenizer folds it.
 */
export function tsqueryLiteral(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((w) => `'${foldWord(w)}'`).join(' & ');
}
