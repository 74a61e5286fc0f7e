/** Test helper: run the reading phases of a chunk (everything before the output), as chunk.ts does. */
import { readHead } from './head.js';
import { readModifiers } from './modifiers.js';
import { ownOrganisation } from './own-org.js';
import { readSectors } from './sectors.js';
import { readName } from './name.js';
import { readPostfixCountry } from './postfix.js';
import { chunkAt } from './fixture.js';
import type { Chunk } from './state.js';

/** The chunk at `from` in `sentence`, read up to its output phase; throws when an earlier phase already decided. */
export function readUpToOutput(
  sentence: string,
  from: string,
  opts: { standalone?: boolean; date?: string } = {},
): Chunk {
  const s = chunkAt(sentence, from, opts);
  readHead(s);
  readModifiers(s);
  if (ownOrganisation(s) || readSectors(s) || !readName(s)) throw new Error(`"${from}": decided before the output`);
  readPostfixCountry(s);
  return s;
}
