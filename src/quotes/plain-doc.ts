/**
 * A plain tokenizer and sentence splitter that fill `tokens` and `sentences` with
 * offsets only (no tags). Used by this stage's tests and evaluation when the nlp
 * stage is not wanted, and as the documented floor the quotes stage degrades to.
 */
import { allocTokens, createDoc } from '../doc/index.js';
import type { Doc, Sentence } from '../doc/index.js';
import { quoteWords } from './words.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.’'\-][\p{L}\p{M}\p{N}]+)*\.?|\S/gu;

/** Split `text` into tokens and sentences (offsets only) and set both layers on `doc`. */
export function addPlainLayers(doc: Doc): Doc {
  const text = doc.text;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let s = m.index!;
    const e = s + m[0].length;
    // Split a trailing full stop off a word unless it is a known abbreviation or an initial.
    if (m[0].length > 1 && m[0].endsWith('.')) {
      const w = m[0].slice(0, -1).toLowerCase();
      if (!quoteWords().abbreviations.has(w) && !/^\p{L}$/u.test(w) && !w.includes('.')) {
        starts.push(s);
        ends.push(e - 1);
        s = e - 1;
      }
    }
    starts.push(s);
    ends.push(e);
  }
  const tokens = allocTokens(starts.length);
  tokens.start.set(starts);
  tokens.end.set(ends);
  const sentences: Sentence[] = [];
  let first = 0;
  const push = (last: number): void => {
    if (last < first) return;
    sentences.push({ start: starts[first], end: ends[last], tokenStart: first, tokenEnd: last + 1 });
    first = last + 1;
  };
  for (let i = 0; i < starts.length; i++) {
    const tok = text.slice(starts[i], ends[i]);
    const next = i + 1 < starts.length ? starts[i + 1] : -1;
    if (next >= 0 && text.slice(ends[i], next).includes('\n')) {
      push(i);
      continue;
    }
    if (tok === '.' || tok === '!' || tok === '?' || tok === '…') {
      // Closing quote marks and brackets right after the stop belong to this sentence.
      let j = i;
      while (
        j + 1 < starts.length &&
        starts[j + 1] === ends[j] &&
        /^[”"’'»)\]]$/.test(text.slice(starts[j + 1], ends[j + 1]))
      )
        j++;
      const after = j + 1 < starts.length ? text.slice(starts[j + 1], ends[j + 1]) : '';
      if (j + 1 >= starts.length || (starts[j + 1] > ends[j] && /^[\p{Lu}\p{N}“"‘'«(]/u.test(after))) {
        i = j;
        push(i);
      }
    }
  }
  push(starts.length - 1);
  for (let s = 0; s < sentences.length; s++) {
    for (let t = sentences[s].tokenStart; t < sentences[s].tokenEnd; t++) tokens.sentence[t] = s;
  }
  doc.layers.tokens = tokens;
  doc.layers.sentences = sentences;
  return doc;
}

/** A Doc over `text` with plain tokens and sentences and no mentions. */
export function plainDoc(text: string): Doc {
  const doc = addPlainLayers(createDoc(text));
  doc.layers.mentions = [];
  return doc;
}
