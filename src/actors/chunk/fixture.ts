/** Test helper: a Chunk at a phrase of a plain sentence (real gazetteer, no parse), for the phase tests. */
import { lexicon } from '../lexicon.js';
import { findMatches, type Match } from '../match.js';
import { words } from '../text.js';
import { modifierTest, startChunk, type Chunk } from './state.js';

/** The chunk starting at the first match at or after the first word of `from` in `sentence`. */
export function chunkAt(sentence: string, from: string, opts: { standalone?: boolean; date?: string } = {}): Chunk {
  const lex = lexicon();
  const ws = words(sentence);
  const at = new Map<number, Match>();
  for (const m of findMatches(lex, ws)) at.set(m.i, m);
  const offset = sentence.indexOf(from);
  if (offset < 0) throw new Error(`"${from}" is not in "${sentence}"`);
  let i = ws.findIndex((w) => w.start >= offset);
  while (i < ws.length && !at.has(i)) i++;
  if (i >= ws.length) throw new Error(`no gazetteer match from "${from}"`);
  const cx = { date: opts.date ?? '2020-06-01', deprel: () => '', upos: () => '', standalone: !!opts.standalone };
  return startChunk({ lex, ws, at, i, cx, isMod: modifierTest(lex, ws, at) });
}

/** The words [i, j) of the chunk's sentence as text. */
export const wordsOf = (s: Chunk, i: number, j: number): string =>
  s.ws
    .slice(i, j)
    .map((w) => w.raw)
    .join(' ');
