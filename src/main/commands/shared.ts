/** What several commands share: turning FILE arguments and `--input-list` into readable items. */
import { expandPaths, isItem, readInput, readInputList, type InputItem, type InputRef } from '../inputs.js';

/** The refs named by positionals and an optional input list. */
export function collectInputs(positionals: string[], inputList?: string): (InputRef | InputItem)[] {
  const refs: (InputRef | InputItem)[] = [];
  if (inputList) {
    try {
      refs.push(...readInputList(inputList));
    } catch (e) {
      refs.push({ ok: false, source: inputList, code: 'not-found', reason: (e as Error).message });
    }
  }
  refs.push(...expandPaths(positionals));
  return refs;
}

/** Read a ref lazily (one document in memory at a time). */
export function load(x: InputRef | InputItem): InputItem {
  return isItem(x) ? x : readInput(x);
}
