/** Longest-match lookup of gazetteer phrases over a sentence's words, honouring each alias's case rule. */
import { CaseRule, fuzzyKeys, type Entry, type Lexicon } from './lexicon.js';
import { isAllCaps, isCapitalized, type Word } from './text.js';

/** Share of upper-case letters above which a sentence is written in capitals (headline style). */
const SHOUTING_RATIO = 0.8;

/** A gazetteer hit over words [i, j). */
export interface Match {
  i: number;
  j: number;
  entries: Entry[];
  /** True when found by typo-tolerant lookup. */
  fuzzy?: boolean;
}

function caseOk(rule: CaseRule, ws: Word[], i: number, j: number): boolean {
  if (rule === CaseRule.Any) return true;
  const first = ws[i].raw;
  if (rule === CaseRule.Capital) return isCapitalized(first);
  const all = ws.slice(i, j).every((w) => !/\p{L}/u.test(w.raw) || isAllCaps(w.raw));
  if (rule === CaseRule.Caps) return all;
  return all || (isCapitalized(first) && ws.slice(i, j).every((w) => !/\p{L}/u.test(w.raw) || isCapitalized(w.raw)));
}

/** All longest non-overlapping gazetteer matches in `ws`, left to right. */
export function findMatches(lex: Lexicon, ws: Word[]): Match[] {
  const out: Match[] = [];
  // In an all-capitals line ("WHAT IS NEXT FOR US") short acronyms cannot be told from words: ignore them there.
  const letters = ws
    .map((w) => w.raw)
    .join('')
    .replace(/[^\p{L}]/gu, '');
  const shouting = letters.length >= 12 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > SHOUTING_RATIO;
  let i = 0;
  while (i < ws.length) {
    let hit: Match | null = null;
    for (let len = Math.min(lex.maxLen, ws.length - i); len >= 1 && !hit; len--) {
      let key = ws[i].key;
      for (let k = i + 1; k < i + len; k++) key += ' ' + ws[k].key;
      const list = lex.index.get(key);
      if (!list) continue;
      const ok = list
        .filter((x) => caseOk(x.rule, ws, i, i + len) && !(shouting && x.rule === CaseRule.Caps))
        .map((x) => x.e);
      if (ok.length) hit = { i, j: i + len, entries: ok };
    }
    if (!hit && isCapitalized(ws[i].raw) && !isAllCaps(ws[i].raw)) {
      const keys = fuzzyKeys(lex, ws[i].key);
      const ents = keys.flatMap((k) =>
        lex.index
          .get(k)!
          .filter((x) => x.rule === CaseRule.Capital)
          .map((x) => x.e),
      );
      if (ents.length && keys.length === 1) hit = { i, j: i + 1, entries: ents, fuzzy: true };
    }
    if (hit) {
      out.push(hit);
      i = hit.j;
    } else i++;
  }
  return out;
}
