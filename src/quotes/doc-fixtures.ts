/** Test helpers: Docs built by hand with plain tokens and name mentions from a small table. */
import type { ActorCode, Doc, Mention } from '../doc/index.js';
import { plainDoc } from './plain-doc.js';

/** A Doc over `text` with plain tokens and a mention for every occurrence of each listed surface form. */
export function docWithActors(text: string, actors: Record<string, ActorCode>): Doc {
  const doc = plainDoc(text);
  const mentions: Mention[] = [];
  const taken: [number, number][] = [];
  // Longest forms first so "Vladimir Putin" wins over "Putin".
  for (const form of Object.keys(actors).sort((a, b) => b.length - a.length)) {
    let at = text.indexOf(form);
    while (at >= 0) {
      const end = at + form.length;
      const free = !taken.some(([s, e]) => at < e && s < end);
      const edge = !/[\p{L}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}]/u.test(text[end] ?? ' ');
      if (free && edge) {
        taken.push([at, end]);
        mentions.push({
          id: '',
          start: at,
          end,
          ...actors[form],
          kind: /^[A-Z][a-z]+ [a-z]/.test(form) ? 'title' : 'name',
          confidence: 1,
          evidence: ['test'],
        });
      }
      at = text.indexOf(form, end);
    }
  }
  mentions.sort((a, b) => a.start - b.start).forEach((m, i) => (m.id = `m${i}`));
  doc.layers.mentions = mentions;
  return doc;
}
