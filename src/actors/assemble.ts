/**
 * Group gazetteer matches in one sentence into actor mentions: [country or organisation ['s]] [modifiers] [sector
 * words and titles] [name], plus lone countries, metonyms, organisations, people, pronouns and descriptions.
 * Coreference (pronouns, "the French president", surnames) is left to coref.ts; this file only marks what needs it.
 */
import type { Lexicon } from './lexicon.js';
import type { Match } from './match.js';
import type { Word } from './text.js';
import { has, phraseOf, type Candidate, type SentenceContext } from './candidate.js';
import { chunk } from './chunk.js';
import { modifierTest } from './chunk/state.js';
import { modifierUse, orgDescription } from './phrase.js';
import type { SectorWord } from './types.js';

export type { Candidate, SentenceContext } from './candidate.js';

/** Assemble candidates for one sentence. */
export function assemble(lex: Lexicon, ws: Word[], matches: Match[], cx: SentenceContext): Candidate[] {
  const at = new Map<number, Match>();
  for (const m of matches) at.set(m.i, m);
  const W = lex.words;
  const out: Candidate[] = [];
  const isMod = modifierTest(lex, ws, at);
  let i = 0;
  while (i < ws.length) {
    const m = at.get(i);
    const key = ws[i].key;
    if (!m) {
      const pr = W.pronouns.get(key);
      if (pr) {
        out.push({
          i,
          j: i + 1,
          kind: 'pronoun',
          ident: null,
          person: pr === 'person',
          pronoun: key,
          subject: /nsubj/.test(cx.deprel(i)) || i === 0,
        });
        i++;
        continue;
      }
      // "the country('s army)": a description that only an earlier country can fill.
      // "its army": the sector of the latest country or organisation.
      if (key === 'its' && !cx.standalone) {
        let k = i + 1;
        while (isMod(k)) k++;
        const sw = has(at.get(k), 'sector');
        if (sw && !sw.s.generic && !modifierUse(ws, at, k, at.get(k)!.j, cx)) {
          const e = at.get(k)!.j;
          out.push({
            i,
            j: e,
            kind: 'description',
            ident: null,
            person: !!sw.s.person,
            descKey: 'its',
            descSector: 'COUNTRY',
            descCountry: null,
            titleRole: sw.s.role,
            sectorAfter: sw.s,
          });
          i = e;
          continue;
        }
      }
      if (i > 0 && ws[i - 1].key === 'the' && !cx.standalone && W.countryNouns.has(key)) {
        let k = i + 1;
        let after: SectorWord | undefined;
        if (k < ws.length && ws[k].key === "'s") {
          k++;
          while (isMod(k)) k++;
          const sw = has(at.get(k), 'sector');
          if (sw && !modifierUse(ws, at, k, at.get(k)!.j, cx)) {
            after = sw.s;
            k = at.get(k)!.j;
          } else k = i + 1;
        }
        out.push({
          i: i - 1,
          j: after ? k : i + 1,
          kind: 'description',
          ident: null,
          person: !!after?.person,
          descKey: key,
          descSector: 'COUNTRY',
          descCountry: null,
          titleRole: after?.role,
          sectorAfter: after,
        });
        i = after ? k : i + 1;
        continue;
      }
      // "the group", "the bloc", "the alliance": a description that only an earlier organisation can fill.
      const d = i > 0 && ws[i - 1].key === 'the' && !cx.standalone ? orgDescription(lex, ws, i, at) : 0;
      if (d > i) {
        out.push({
          i: i - 1,
          j: d,
          kind: 'description',
          ident: null,
          person: false,
          descKey: phraseOf(ws, i, d),
          descSector: 'ORG',
          descCountry: null,
        });
        i = d;
        continue;
      }
      i++;
      continue;
    }
    const c = chunk(lex, ws, at, i, cx, isMod);
    if (c) {
      out.push(...c.cands);
      i = c.end;
    } else i = m.j;
  }
  return out;
}
