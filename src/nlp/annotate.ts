/** Runs the models over one sentence of word forms: tags, lemmas, dependencies, entity tags. */
import { lexOf, type Lex } from './lex.js';
import { lemmatize } from './lemma.js';
import { models } from './models.js';
import { ambAndFixedOf, tagSentence } from './tagger.js';
import { parseSentence } from './parser.js';
import { givenName, nerSentence } from './ner.js';
import { titlePersons } from './titles.js';
import { headedOrgs } from './orgs.js';

/** Annotations of one sentence. Heads are 0-based word indices within it, -1 for the root. */
export interface Annotated {
  upos: string[];
  xpos: string[];
  lemma: string[];
  head: Int32Array;
  deprel: string[];
  /** IOB2 entity tags: "O", "B-PER", "I-ORG", ... */
  ner: string[];
}

/** What the parser needs of a tagged sentence (kept so a sentence can be parsed later, or not at all). */
export interface Tagged {
  lx: Lex;
  tags: Int32Array;
}

/** Milliseconds spent per part (tag = tag + lemma, parse, ner), summed over calls when a clock is passed. */
export type PartClock = { tag: number; parse: number; ner: number };

const splitMemo = new WeakMap<string[], { upos: string[]; xpos: string[] }>();

/** The UPOS and XPOS halves of each joint "UPOS|XPOS" tag class, split once per model. */
function splitClasses(classes: string[]): { upos: string[]; xpos: string[] } {
  let s = splitMemo.get(classes);
  if (!s) {
    const halves = classes.map((c) => [c.slice(0, c.indexOf('|')), c.slice(c.indexOf('|') + 1)]);
    splitMemo.set(classes, (s = { upos: halves.map((h) => h[0]), xpos: halves.map((h) => h[1]) }));
  }
  return s;
}

/**
 * Annotate one sentence given its word forms; `clock`, when given, gets the time of each part added. With
 * `parse: false` the heads stay -1 and the relations empty; {@link parseTagged} adds them later from `tagged`.
 * `fixTags` (tag class per word, -1 = free) fixes tags before tagging.
 */
export function annotate(
  forms: string[],
  clock?: PartClock,
  opts: { parse?: boolean; fixTags?: Int32Array } = {},
): Annotated & { tagged: Tagged } {
  const t0 = clock ? performance.now() : 0;
  const m = models();
  const n = forms.length;
  const lx = lexOf(forms);
  const { amb, fixed } = ambAndFixedOf(m.taggerMeta, lx.norm);
  lx.amb = amb;
  const fixTags = opts.fixTags;
  if (fixTags) for (let i = 0; i < n; i++) if (fixTags[i] >= 0) fixed[i] = fixTags[i];
  const tags = tagSentence(m.tagger, lx, amb, fixed);
  const upos = new Array<string>(n);
  const xpos = new Array<string>(n);
  const lemma = new Array<string>(n);
  const split = splitClasses(m.taggerMeta.classes);
  for (let i = 0; i < n; i++) {
    upos[i] = split.upos[tags[i]];
    xpos[i] = split.xpos[tags[i]];
    lemma[i] = lemmatize(m.lemma, forms[i], xpos[i]);
  }
  const t1 = clock ? performance.now() : 0;
  const tagged = { lx, tags };
  let head: Int32Array = new Int32Array(n).fill(-1);
  let deprel = new Array<string>(n).fill('');
  if (opts.parse !== false) ({ head, deprel } = parseTagged(tagged));
  const t2 = clock ? performance.now() : 0;
  const ner = m.ner ? nerSentence(m.ner.model, m.ner.meta, m.ner.gaz, lx, tags, amb) : new Array<string>(n).fill('O');
  if (m.ner) {
    titlePersons(forms, upos, ner, (w) => givenName(m.ner!.gaz, w));
    headedOrgs(forms, ner);
  }
  if (clock) {
    const t3 = performance.now();
    clock.tag += t1 - t0;
    clock.parse += t2 - t1;
    clock.ner += t3 - t2;
  }
  return { upos, xpos, lemma, head, deprel, ner, tagged };
}

/** Dependencies of a tagged sentence (heads -1 and empty relations when no parser model is committed). */
export function parseTagged(s: Tagged): { head: Int32Array; deprel: string[] } {
  const m = models();
  if (!m.parser) return { head: new Int32Array(s.lx.n).fill(-1), deprel: new Array<string>(s.lx.n).fill('') };
  return parseSentence(m.parser, s.lx, s.tags);
}
