/** Phrase-level readers used by chunk assembly: name runs, appositions, modifier use, descriptions, inner titles. */
import type { Lexicon } from './lexicon.js';
import type { Match } from './match.js';
import { isCapitalized, type Word } from './text.js';
import type { Identity } from './identity.js';
import type { SectorWord } from './types.js';
import { has, phraseOf, type Candidate, type SentenceContext } from './candidate.js';

/**
 * "his Greek counterpart, Nikos Dimas,": an unknown name set off by commas right after a one-person description is
 * that person; it takes the description's identity under its own name.
 */
export function apposedName(
  lex: Lexicon,
  ws: Word[],
  at: Map<number, Match>,
  p: number,
  desc: Identity,
  head: SectorWord,
): Candidate[] {
  if (!head.person || ws[p]?.raw !== ',' || p + 1 >= ws.length || at.has(p + 1) || !isCapitalized(ws[p + 1].raw))
    return [];
  const e = nameRun(lex, ws, p + 1, at);
  if (e - (p + 1) < 2 || (e < ws.length && ![',', '.', ';', ')'].includes(ws[e].raw))) return [];
  const name = ws
    .slice(p + 1, e)
    .map((w) => w.raw)
    .join(' ');
  const ident: Identity = {
    ...desc,
    name,
    confidence: Math.min(desc.confidence, 0.75),
    evidence: [...desc.evidence, `apposition: unknown name "${name}"`],
  };
  return [{ i: p + 1, j: e, kind: 'title', ident, person: true, titleRole: head.role, surnameKey: ws[e - 1].key }];
}

/** True when the parse says the sector words [q, r) modify the noun after them rather than head a phrase. */
export function modifierUse(ws: Word[], at: Map<number, Match>, q: number, r: number, cx: SentenceContext): boolean {
  const last = r - 1;
  const pos = cx.upos(last);
  if (!pos) return false; // no tagger: keep the word
  if (pos === 'ADJ' && !ws.slice(q, r).some((_, k) => cx.upos(q + k) === 'NOUN' || cx.upos(q + k) === 'PROPN'))
    return true;
  const nextPos = r < ws.length ? cx.upos(r) : '';
  return (
    /^(compound|amod|nmod:poss)?$/.test(cx.deprel(last)) && cx.deprel(last) !== '' && nextPos === 'NOUN' && !at.has(r)
  );
}

/** End of the longest organisation description (one to three words, no gazetteer match inside) starting at i, or 0. */
export function orgDescription(lex: Lexicon, ws: Word[], i: number, at: Map<number, Match>): number {
  for (let len = 3; len >= 1; len--) {
    if (i + len > ws.length) continue;
    let ok = true;
    for (let k = i; k < i + len; k++) if (at.has(k)) ok = false;
    // "the group of friends": a complement makes it a new referent, not a reference back.
    if (ok && lex.descriptions.has(phraseOf(ws, i, i + len)) && ws[i + len]?.key !== 'of') return i + len;
  }
  return 0;
}

/** The title a name starts with ("King" in "King Hassan"), if any. */
export function innerTitle(lex: Lexicon, w: Word | undefined): SectorWord | undefined {
  const e = w ? lex.index.get(w.key)?.find((x) => x.e.kind === 'sector' && x.e.s.title) : undefined;
  return e && e.e.kind === 'sector' ? e.e.s : undefined;
}

/** End of a run of name words from `p`: capitalised words, name particles and initials, at most five words. */
export function nameRun(lex: Lexicon, ws: Word[], p: number, at: Map<number, Match>): number {
  let e = p;
  while (e < ws.length && e - p < 5) {
    const w = ws[e];
    if (
      isCapitalized(w.raw) &&
      /\p{L}/u.test(w.raw) &&
      (!at.has(e) || has(at.get(e), 'surname') || has(at.get(e), 'person'))
    )
      e++;
    else if (lex.words.particles.has(w.key) && e + 1 < ws.length && isCapitalized(ws[e + 1].raw)) e++;
    else if (w.raw === '.' && e > p && ws[e - 1].raw.length === 1) e++;
    else break;
  }
  // Do not end on a particle.
  while (e > p && lex.words.particles.has(ws[e - 1].key)) e--;
  return e;
}
