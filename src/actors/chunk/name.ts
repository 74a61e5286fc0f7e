/**
 * Phase 5 of a chunk: the name after the title — a known person or surname ("President Macron"), or a run of
 * capitalised words after a title or honorific ("Planning Minister Tran Xuan Gia", "Mr Smith").
 */
import { has } from '../candidate.js';
import type { Match } from '../match.js';
import { nameRun } from '../phrase.js';
import { isCapitalized } from '../text.js';
import type { PersonRecord } from '../types.js';
import type { Chunk } from './state.js';

/** The people a match may name (person and surname entries, once each). */
export function peopleOf(m: Match): PersonRecord[] {
  return [
    ...new Set(
      m.entries.filter((e) => e.kind === 'person' || e.kind === 'surname').map((e) => (e as { p: PersonRecord }).p),
    ),
  ];
}

/** A surname-only (or typo) match followed by more capitalised words is part of a longer name: read the whole name. */
export function longerName(s: Chunk, pm: Match | undefined): boolean {
  const { ws, at } = s;
  const pe = has(pm, 'person') ?? has(pm, 'surname');
  return (
    !!pe &&
    pe.kind === 'surname' &&
    pm!.j < ws.length &&
    isCapitalized(ws[pm!.j].raw) &&
    !at.has(pm!.j) &&
    /\p{L}/u.test(ws[pm!.j].raw)
  );
}

/** "John Doe" is not Samuel Doe: a surname-only match right after an unknown given name is another person. */
export function otherGivenName(s: Chunk, pm: Match | undefined): boolean {
  const { ws, at, cx, i, p } = s;
  const pe = has(pm, 'person') ?? has(pm, 'surname');
  return (
    pe?.kind === 'surname' &&
    p === i &&
    i > 0 &&
    !at.has(i - 1) &&
    isCapitalized(ws[i - 1].raw) &&
    /^\p{L}+$/u.test(ws[i - 1].raw) &&
    !s.lex.words.honorifics.has(ws[i - 1].key) &&
    (cx.upos(i - 1)
      ? cx.upos(i - 1) === 'PROPN'
      : i - 1 > 0 && !s.lex.words.functionWords.has(ws[i - 1].key) && !s.lex.words.locatives.has(ws[i - 1].key))
  );
}

/** Read an unknown name run at p after a title, honorific or surname match; it may end in a known surname. */
function readUnknownName(s: Chunk): void {
  const { ws, at, p } = s;
  const e = nameRun(s.lex, ws, p, at);
  if (e <= p) return;
  s.nameStart = p;
  s.nameEnd = e;
  // The run may end in a known surname with a first name spelt differently ("Abdelaziz Bouteflicka").
  const last = at.get(e - 1);
  if (last && last.j === e && (has(last, 'surname') || has(last, 'person'))) {
    s.person = peopleOf(last);
    s.personKind = 'name';
  }
  s.p = e;
}

/** Phase 5: read the name (see the header); false when the words are another person's name (no actor). */
export function readName(s: Chunk): boolean {
  const { ws, at, i } = s;
  s.title = s.sectors.find((x) => x.title);
  const p = s.p;
  const pm = at.get(p);
  const pe = has(pm, 'person') ?? has(pm, 'surname');
  const longer = longerName(s, pm);
  if (otherGivenName(s, pm)) return false;
  if (pe && !longer && (s.sectors.length || s.country || p === i)) {
    s.person = peopleOf(pm!);
    s.personKind = pe.kind === 'person' ? 'name' : 'surname';
    s.nameStart = p;
    s.nameEnd = pm!.j;
    s.p = pm!.j;
  } else if (
    (s.title || longer || (p > i && s.lex.words.honorifics.has(ws[p - 1]?.key ?? ''))) &&
    p < ws.length &&
    isCapitalized(ws[p].raw) &&
    (!at.has(p) || longer)
  )
    readUnknownName(s);
  return true;
}
