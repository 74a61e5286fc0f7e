/**
 * Headline verbs. Headlines drop articles and auxiliaries ("Parents of two victims sue senator", "Union Endorses
 * Candidate"), so a tagger trained on ordinary prose reads their verbs as names or nouns. In a headline (a `title`
 * block), a word that is an inflection of a verb the event lexicon codes (data/events/lexicon.json: the verbs events
 * are coded on), after a word that can end a subject, is fixed as a present-tense verb before tagging, and the parser
 * then builds the clause around it.
 */
import { loadJson } from '../doc/resources.js';
import type { TaggerMeta } from './tagger.js';

let verbs: Set<string> | null = null;

/** Verb lemmas of the event lexicon (empty when the events data is absent). */
function eventVerbs(): Set<string> {
  if (verbs) return verbs;
  try {
    const { entries } = loadJson<{ entries: { pos: string; words: string[]; block?: boolean }[] }>(
      'events',
      'lexicon.json',
    );
    verbs = new Set(entries.filter((e) => e.pos === 'v' && !e.block).map((e) => e.words[0]));
  } catch {
    verbs = new Set();
  }
  return verbs;
}

/** Words after which no verb starts in a headline: determiners, prepositions, conjunctions, possessives. */
const NO_VERB_AFTER = new Set(
  'a an the of in on at for to from by with about against into over after before and or but nor as than his her its their our my your this that these those'.split(
    ' ',
  ),
);

const COORD = new Set(['and', 'but', 'or']);

/** 3rd-person forms → the lemma ("sues" → "sue", "presses" → "press", "rallies" → "rally"). */
function thirdPersonLemma(w: string): string | null {
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (/(ss|sh|ch|x|z|o)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return null;
}

/**
 * Tag classes to fix in a headline's words (-1 = let the tagger decide): VBZ for "sues"/"Denounces", VBP for a bare
 * lemma after a plural ("victims sue").
 */
export function headlineVerbTags(meta: TaggerMeta, forms: string[]): Int32Array {
  const out = new Int32Array(forms.length).fill(-1);
  const vbz = meta.classes.indexOf('VERB|VBZ');
  const vbp = meta.classes.indexOf('VERB|VBP');
  const lex = eventVerbs();
  if (vbz < 0 || vbp < 0 || !lex.size) return out;
  let verb = false;
  for (let i = 1; i < forms.length; i++) {
    const prev = forms[i - 1].toLowerCase();
    // "Backs Trump And Denounces Clinton": after a conjunction only when a verb came before it.
    const coordinated = verb && COORD.has(prev);
    if (!coordinated && (NO_VERB_AFTER.has(prev) || !/^\p{L}/u.test(prev))) continue;
    const w = forms[i].toLowerCase();
    const l3 = thirdPersonLemma(w);
    if (l3 && lex.has(l3)) out[i] = vbz;
    else if (lex.has(w) && /\p{L}s$/u.test(prev) && out[i - 1] < 0) out[i] = vbp;
    verb ||= out[i] >= 0;
  }
  return out;
}
