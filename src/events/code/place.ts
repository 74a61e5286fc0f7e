/** The place phase: an "in/at X" phrase on the trigger or its predicate that names a place (an entity or a place mention). */
import { phraseTokens } from '../args.js';
import type { TriggerContext } from './context.js';

/** Fill place of x (left unset when none). */
export function readPlace(x: TriggerContext): void {
  const { v, mi, i, pred } = x;
  const doc = x.s.doc;
  for (const p of pred !== i ? [i, pred] : [i]) {
    for (const c of v.childrenBy(p, 'obl', 'nmod')) {
      if (!v.marks(c).some((mk) => x.s.g.placePreps.has(mk))) continue;
      const ms = mi.forPhrase(v, c, phraseTokens(v, c));
      const ent = (doc.layers.entities ?? []).find(
        (en) => en.start <= v.t.start[c] && en.end >= v.t.end[c] && (en.label === 'LOC' || en.label === 'GPE'),
      );
      const named =
        ms.length &&
        ms[0].kind !== 'pronoun' &&
        (ms[0].sector === 'UNK' || ms[0].sector === '' || ms[0].sector === 'GOV') &&
        v.upos(c) === 'PROPN';
      if (ent || named) {
        const sp = ent ? { start: ent.start, end: ent.end } : { start: ms[0].start, end: ms[0].end };
        x.place = { text: doc.text.slice(sp.start, sp.end), ...sp, country: ms[0]?.country ?? null };
        return;
      }
    }
  }
}
