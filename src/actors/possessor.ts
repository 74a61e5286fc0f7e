/**
 * "France's far-right National Front party leader", "Britain's Parliament": a sector mention that names no country
 * of its own takes the country of a possessor in its noun phrase — the country mention whose last word the parse
 * attaches as nmod:poss to a word of the mention or to a modifier inside it (a compound or adjective on the way).
 * Runs before the home country, so the phrase's own evidence wins over the story's.
 */
import type { TokenView } from '../doc/index.js';
import { inSentence, type Placed } from './coref.js';
import { makeCode } from './identity.js';
import type { Word } from './text.js';

/** Mention kinds that name a country (the possessor side). */
const COUNTRY_KINDS = new Set(['country', 'metonym', 'demonym']);
/** Mention kinds that describe an actor by its sector (the possessed side). */
const SECTOR_KINDS = new Set(['sector', 'description', 'title']);
/** Relations inside a noun phrase a possessor may hang from on its way to the mention's words. */
const INSIDE = new Set(['compound', 'amod', 'flat', 'nmod:poss']);

/** Token range [from, to) of a placed mention. */
function tokensOf(x: Placed, ws: Word[]): [number, number] {
  return [ws[x.c.i].token, ws[x.c.j - 1].token + 1];
}

/** Does token `h` lie in [from, to), or reach it through noun-phrase-internal relations within a few steps? */
function reaches(v: TokenView, h: number, from: number, to: number): boolean {
  for (let k = 0; h >= 0 && k < 4; k++) {
    if (h >= from && h < to) return true;
    if (!INSIDE.has(v.rel(h))) return false;
    h = v.head(h);
  }
  return false;
}

/** Give sector mentions without a country the country of their possessor (see the header). */
export function possessorCountries(placed: Placed[], wordsOf: Word[][], v: TokenView | null): void {
  if (!v) return;
  for (const x of placed) {
    const id = x.c.ident;
    if (!id || id.country || !SECTOR_KINDS.has(x.c.kind) || x.c.pronoun) continue;
    const ws = wordsOf[x.sentence];
    const [from, to] = tokensOf(x, ws);
    if (from < 0) continue;
    for (const { p: y } of inSentence(placed, x.sentence)) {
      if (y.c.j > x.c.i || !COUNTRY_KINDS.has(y.c.kind) || !y.c.ident?.country) continue;
      const last = ws[y.c.j - 1].token;
      if (last < 0 || v.rel(last) !== 'nmod:poss' || !reaches(v, v.head(last), from, to)) continue;
      const country = y.c.ident.country;
      x.c.ident = {
        ...id,
        country,
        code: makeCode(country, id.sector),
        evidence: [...id.evidence, `possessor "${y.c.ident.name}"`],
      };
      break;
    }
  }
}
