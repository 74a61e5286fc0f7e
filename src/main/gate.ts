/**
 * The analysis gate: checks between extraction and analysis that a document is text worth analysing and within
 * the per-document size budgets every later stage is sized for. An empty text is an error, never a document;
 * random bytes or printable noise decoded as text are refused, not stored as articles. Every budget here is a
 * count over the document (characters, tokens), never a time, so a page's outcome does not depend on the load.
 */
import type { Doc } from '../doc/index.js';
import type { Limit } from '../pipeline/index.js';

/** Why a document is not analysed: code, step and reason. */
export interface GateRefusal {
  code: string;
  stage: string;
  reason: string;
}

/**
 * Most characters analysed per document: 4× the longest of the 974 AEB and WCXB dev pages (74,526), ~50,000 words.
 * Analysis costs up to ~90 CPU µs a character on the worst text measured (runs of `"x," said Mr. Smith 5.`: 200,000
 * characters took 17.5 CPU s), so this bounds a document at ~30 CPU s; the hostile 30 MB text pages and the
 * 920,000-character runs of quotes are far above it.
 */
export const MAX_ANALYSED_CHARS = 300_000;
/**
 * Most tokens analysed per document, checked once the nlp stage has tokenised it ({@link analysisLimit}). Prose
 * runs ~5 characters a token and the runs of quotes ~3, so {@link MAX_ANALYSED_CHARS} of either stays below this;
 * it catches texts that pass the character budget but split into far more tokens (runs of short marks and letters).
 */
export const MAX_ANALYSED_TOKENS = 120_000;
/** Longest run without white space analysed (a URL is ~200; a 5 MB "word" is not language). */
export const MAX_WORD_CHARS = 2000;
/**
 * Share of letters among non-space characters below which text is noise. Low on purpose: tables of figures are
 * ~0.55 (an aeb standings page is 0.59), so the word-shape rules below do the real work.
 */
export const MIN_LETTER_SHARE = 0.25;
/** Mean length of space-separated words above which space-using text is noise (prose: 5–7). */
export const MAX_MEAN_WORD = 20;
/** Share of words that are words, numbers or lone marks (after trimming punctuation) below which text is noise. */
export const MIN_WORDLIKE_SHARE = 0.5;

/** Letters and the scripts written without spaces (CJK, Thai, …). */
const LETTER = /\p{L}/u;
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORDLIKE = /^[("'“‘«¿¡]*(?:[\p{L}\p{M}'’.-]+|[$€£]?[\d.,:/%+-]+\p{L}{0,3}|\p{P}|\p{S})[)"'”’»,.;:!?%]*$/u;

/** Letter statistics over (a sample of) `text`. */
function profile(text: string): {
  letters: number;
  chars: number;
  noSpace: number;
  words: number;
  wordlike: number;
  wordChars: number;
} {
  const sample = text.length > 200_000 ? text.slice(0, 100_000) + text.slice(-100_000) : text;
  let letters = 0;
  let chars = 0;
  let noSpace = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 32 || code === 10 || code === 9 || code === 13) continue;
    chars++;
    // ASCII without a regex (most text); other characters by code point, as `for…of` would see them.
    if (code < 128) {
      if ((code | 32) >= 97 && (code | 32) <= 122) letters++;
      continue;
    }
    const cp = sample.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const c = String.fromCodePoint(cp);
    if (LETTER.test(c)) {
      letters++;
      if (NO_SPACE_SCRIPT.test(c)) noSpace++;
    }
  }
  let words = 0;
  let wordlike = 0;
  let wordChars = 0;
  for (const w of sample.split(/\s+/)) {
    if (!w) continue;
    words++;
    wordChars += w.length;
    if (WORDLIKE.test(w)) wordlike++;
  }
  return { letters, chars, noSpace, words, wordlike, wordChars };
}

/** The longest run of non-space characters in `text`. */
export function longestWord(text: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) run = 0;
    else if (++run > best) best = run;
  }
  return best;
}

/** Why `doc` should not be stored or analysed as an article, or null. */
export function gate(doc: Doc): GateRefusal | null {
  const text = doc.text;
  if (!text.trim())
    return { code: 'empty', stage: 'extract', reason: `no text was extracted from the page (${doc.meta.status})` };
  const p = profile(text);
  const letterShare = p.letters / Math.max(1, p.chars);
  if (letterShare < MIN_LETTER_SHARE)
    return {
      code: 'not-text',
      stage: 'extract',
      reason: `only ${(letterShare * 100).toFixed(0)}% letters: noise, not prose`,
    };
  if (p.noSpace / Math.max(1, p.letters) < 0.3) {
    const mean = p.wordChars / Math.max(1, p.words);
    const wordlike = p.wordlike / Math.max(1, p.words);
    if (mean > MAX_MEAN_WORD || wordlike < MIN_WORDLIKE_SHARE)
      return {
        code: 'not-text',
        stage: 'extract',
        reason: `words average ${mean.toFixed(0)} characters, ${(wordlike * 100).toFixed(0)}% word-like: noise, not prose`,
      };
  }
  if (doc.meta.status !== 'article') return null;
  if (text.length > MAX_ANALYSED_CHARS)
    return {
      code: 'too-large',
      stage: 'analyse',
      reason: `${text.length} characters of text is over the ${MAX_ANALYSED_CHARS}-character analysis budget`,
    };
  const longest = longestWord(text);
  if (longest > MAX_WORD_CHARS)
    return {
      code: 'too-large',
      stage: 'analyse',
      reason: `a ${longest}-character word is over the ${MAX_WORD_CHARS}-character budget`,
    };
  return null;
}

/** The analysis pipeline's per-document work limit (checked after each stage): too many tokens. */
export const analysisLimit: Limit = (doc) => {
  const n = doc.layers.tokens?.count ?? 0;
  return n > MAX_ANALYSED_TOKENS ? `${n} tokens is over the ${MAX_ANALYSED_TOKENS}-token analysis budget` : null;
};
