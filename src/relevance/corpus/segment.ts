/** Sentence texts of a text, split as the pipeline splits them (the nlp tokenizer's rules, never across blocks). */
import { splitSentences, tokenize } from '../../nlp/tokenize.js';

/** Sentences (start, end) over `text`, block by block. */
export function sentenceSpans(text: string, blocks: { start: number; end: number }[]): [number, number][] {
  const out: [number, number][] = [];
  for (const b of blocks) {
    const toks = tokenize(text, b.start, b.end);
    for (const [s, e] of splitSentences(text, toks)) if (e > s) out.push([toks[s].start, toks[e - 1].end]);
  }
  return out;
}

/** Blocks of a plain text: paragraphs separated by blank lines (single newlines too when `lines`). */
export function textBlocks(text: string, lines = false): { start: number; end: number }[] {
  const re = lines ? /[^\n]+/g : /[^\n](?:[^\n]|\n(?!\s*\n))*/g;
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** Sentence texts of a plain text. */
export function sentencesOf(text: string, lines = false): string[] {
  return sentenceSpans(text, textBlocks(text, lines)).map(([s, e]) => text.slice(s, e));
}
