/**
 * The event lexicon: loads data/events/lexicon.json once, indexes it by trigger
 * word, and matches entries against a token in its parsed sentence, choosing the
 * most specific entry (blocking entries win only when strictly more specific).
 */
import { loadJson } from '../../doc/resources.js';
import type { SentenceView } from '../syntax.js';
import type { LexEntry } from './types.js';

export type { LexEntry } from './types.js';

interface LexIndex {
  verbs: Map<string, LexEntry[]>;
  nouns: Map<string, LexEntry[]>;
  adjs: Map<string, LexEntry[]>;
  all: LexEntry[];
}

let index: LexIndex | null = null;

/** The compiled lexicon, indexed by the word a token must carry (verb lemma, noun head, adjective). */
export function lexicon(): LexIndex {
  if (index) return index;
  const { entries } = loadJson<{ entries: LexEntry[] }>('events', 'lexicon.json');
  const ix: LexIndex = { verbs: new Map(), nouns: new Map(), adjs: new Map(), all: entries };
  for (const e of entries) {
    const key = e.pos === 'n' ? e.words[e.words.length - 1] : e.words[0];
    const map = e.pos === 'v' ? ix.verbs : e.pos === 'n' ? ix.nouns : ix.adjs;
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(e);
  }
  index = ix;
  return ix;
}

/** What matched: the entry, the specificity that ranked it, and the tokens its constraints consumed. */
export interface LexMatch {
  entry: LexEntry;
  specificity: number;
  /** Tokens the pattern used (object noun, particles): they do not start events of their own. */
  consumed: number[];
}

/** The lemmas (and "compound head" pairs) that stand for token c in an object/modifier constraint. */
function bag(v: SentenceView, c: number, out: Map<string, number>): void {
  out.set(v.lemma(c), c);
  out.set(v.text(c), c);
  for (const d of v.children(c)) {
    const r = v.base(d);
    if (r === 'compound' || r === 'amod' || r === 'flat') {
      out.set(`${v.lemma(d)} ${v.lemma(c)}`, c);
      out.set(`${v.text(d)} ${v.text(c)}`, c);
      if (!out.has(v.lemma(d))) out.set(v.lemma(d), c);
    }
    if (r === 'nmod') {
      if (!out.has(v.lemma(d))) out.set(v.lemma(d), c);
      out.set(`${v.lemma(c)} ${v.marks(d).join(' ')} ${v.lemma(d)}`.replace(/\s+/g, ' '), c);
    }
  }
}

const NOUN_POS = new Set(['NOUN', 'PROPN']);

/** Check the constraints of entry `e` on trigger token i; returns the consumed tokens, or null if it fails. */
function satisfy(v: SentenceView, i: number, e: LexEntry): number[] | null {
  const consumed: number[] = [];
  // Multiword: verb particles within a small window; noun modifiers as the text just before the head.
  if (e.words.length > 1) {
    if (e.pos === 'v') {
      let from = i + 1;
      for (const w of e.words.slice(1)) {
        let found = -1;
        for (let k = Math.max(v.start, i - 2); k < Math.min(v.end, i + 5); k++) {
          if (k !== i && k >= (found < 0 ? from - 3 : from) && (v.text(k) === w || v.lemma(k) === w)) {
            found = k;
            break;
          }
        }
        if (found < 0) return null;
        consumed.push(found);
        from = found + 1;
      }
    } else {
      const prefix = e.words.slice(0, -1).join(' ');
      const sStart = v.doc.layers.sentences![v.index].start;
      const before = v.doc.text
        .slice(sStart, v.t.start[i])
        .toLowerCase()
        .replace(/\s*-\s*/g, '-')
        .replace(/\s+/g, ' ')
        .trimEnd();
      const p = prefix.replace(/\s*-\s*/g, '-');
      if (!(before === p || before.endsWith(' ' + p) || before.endsWith(p + '-') || before.endsWith('-' + p))) {
        // "cease-fire" written as one token whose head word is "fire": compare the whole token text.
        if (!(v.text(i).replace(/-/g, ' ') === e.words.join(' ').replace(/-/g, ' '))) return null;
      }
      for (let k = i - 1; k >= v.start && consumed.length < e.words.length - 1; k--) consumed.push(k);
    }
  }
  // Candidates for "+prep": dependents marked by that preposition (or infinitival "to").
  let prepDeps: number[] | null = null;
  // Unparsed sentences, and verbs the parser hung on a noun as modifiers, are checked on word order instead.
  if (!v.parsed || (e.pos === 'v' && v.base(i) === 'amod')) return satisfyLinear(v, i, e, consumed);
  if (e.prep) {
    const pool = [...v.children(i)];
    // Nouns under a light verb: "held talks with X" attaches "with X" to the verb.
    const h = v.head(i);
    if (e.pos === 'n' && h >= 0 && v.isVerb(h)) pool.push(...v.children(h).filter((c) => c !== i));
    // "called X on Saturday" is no "call on": a time phrase never satisfies a preposition.
    prepDeps = pool.filter((c) => v.marks(c).includes(e.prep!) && !TIME_HEAD.test(v.text(c)));
    // Motion and meeting verbs want a place ("travel to Moscow"), not an infinitive ("going to call").
    if (e.type === 'CONSULT' && e.prep === 'to') prepDeps = prepDeps.filter((c) => !v.isVerb(c));
    const prt = v
      .children(i)
      .some((c) => (v.base(c) === 'compound' || v.base(c) === 'advmod') && v.lemma(c) === e.prep);
    if (!prepDeps.length && !prt) return null;
  }
  if (e.objs) {
    const b = new Map<string, number>();
    let pool: number[];
    if (prepDeps) pool = prepDeps;
    else if (e.pos === 'v')
      pool = v
        .children(i)
        .filter(
          (c) =>
            ['obj', 'nsubj:pass', 'iobj', 'xcomp', 'obl', 'ccomp'].includes(v.rel(c)) ||
            ['obj', 'obl', 'xcomp'].includes(v.base(c)),
        );
    else pool = v.children(i).filter((c) => ['compound', 'amod', 'nmod', 'flat', 'obl', 'nummod'].includes(v.base(c)));
    for (const c of pool) bag(v, c, b);
    let hit = -1;
    for (const o of e.objs) {
      const k = b.get(o);
      if (k !== undefined) {
        hit = k;
        break;
      }
      // Plural objects ("sanctions", "talks") when the lemmatiser kept the plural.
      const k2 = b.get(o + 's') ?? b.get(o + 'es');
      if (k2 !== undefined) {
        hit = k2;
        break;
      }
    }
    if (
      hit < 0 &&
      e.pos === 'v' &&
      !prepDeps &&
      !v.children(i).some((c) => v.base(c) === 'obj' || v.rel(c) === 'nsubj:pass')
    )
      hit = firstNounObject(v, i, e.objs);
    if (hit < 0) return null;
    if (e.pos === 'v' && hit !== i) consumed.push(hit);
  }
  if (e.govs) {
    const h = v.head(i);
    if (h < 0) return null;
    let g = h;
    // "coordinate their strikes" and "carry out strikes": the governing verb; through a conjunct too.
    if (!e.govs.includes(v.lemma(g)) && v.rel(i) === 'conj') g = v.head(h);
    if (g < 0 || !e.govs.includes(v.lemma(g))) return null;
  }
  return consumed;
}

/**
 * A verb the parser left without an object ("has cancelled a planned visit" with "visit" hung elsewhere): the first
 * noun right after it, past determiners and modifiers, stands in as the object when it is one of the entry's; else -1.
 */
function firstNounObject(v: SentenceView, i: number, objs: string[]): number {
  for (let k = i + 1; k < Math.min(v.end, i + 1 + LINEAR_SPAN); k++) {
    const u = v.upos(k);
    if (u === 'NOUN' || u === 'PROPN') {
      const l = v.lemma(k);
      return objs.includes(l) || objs.includes(v.text(k).toLowerCase()) ? k : -1;
    }
    if (u === 'VERB' && v.base(k) !== 'amod') return -1;
    if (u === 'ADP' || u === 'PUNCT' || u === 'SCONJ' || u === 'CCONJ') return -1;
  }
  return -1;
}

/** Heads of time phrases ("on Saturday", "on Nov. 18", "in 2019"). */
const TIME_HEAD =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sep\.?|sept\.?|oct\.?|nov\.?|dec\.?|january|february|march|april|june|july|august|september|october|november|december|today|yesterday|tomorrow|day|days|week|weeks|month|months|year|years|morning|evening|night|afternoon|weekend|\d+)$/i;

/** Window (tokens) for constraints checked without a parse. */
const LINEAR_SPAN = 5;

/** Constraint check on an unparsed sentence: prepositions and objects within a few tokens to the right, governors to the left. */
function satisfyLinear(v: SentenceView, i: number, e: LexEntry, consumed: number[]): number[] | null {
  const right: number[] = [];
  for (let k = i + 1; k < Math.min(v.end, i + 1 + LINEAR_SPAN); k++) right.push(k);
  if (e.prep && !right.some((k) => v.lemma(k) === e.prep)) return null;
  if (e.objs) {
    const pool = e.pos === 'v' ? right : [...right, ...[i - 3, i - 2, i - 1].filter((k) => k >= v.start)];
    const hit = pool.find((k) => e.objs!.includes(v.lemma(k)) || e.objs!.includes(v.text(k)));
    if (hit === undefined) return null;
    if (e.pos === 'v') consumed.push(hit);
  }
  if (e.govs) {
    let ok = false;
    for (let k = Math.max(v.start, i - 4); k < i; k++) if (e.govs.includes(v.lemma(k))) ok = true;
    if (!ok) return null;
  }
  return consumed;
}

/** Candidate lookup keys for token i: lemma, text, and crude de-inflections for when the lemmatiser missed. */
function keysOf(v: SentenceView, i: number): string[] {
  const t = v.text(i);
  const keys = [v.lemma(i), t];
  if (t.length > 4) {
    if (t.endsWith('ies')) keys.push(t.slice(0, -3) + 'y');
    if (t.endsWith('ied')) keys.push(t.slice(0, -3) + 'y');
    if (t.endsWith('es')) keys.push(t.slice(0, -2));
    if (t.endsWith('s')) keys.push(t.slice(0, -1));
    if (t.endsWith('ed')) keys.push(t.slice(0, -2), t.slice(0, -1));
    if (t.endsWith('ing')) keys.push(t.slice(0, -3), t.slice(0, -3) + 'e');
    if (/(.)\1(ed|ing)$/.test(t)) keys.push(t.replace(/(.)\1(ed|ing)$/, '$1'));
  }
  return [...new Set(keys)];
}

/** Specificity of an entry: constraints and extra words make it more specific. */
function specificity(e: LexEntry): number {
  return 1 + (e.prep ? 1 : 0) + (e.objs ? 2 : 0) + (e.govs ? 2 : 0) + (e.words.length - 1);
}

/** The best lexicon match for token i, or null (no entry, or a blocking entry wins). */
export function matchToken(v: SentenceView, i: number): LexMatch | null {
  const ix = lexicon();
  const upos = v.upos(i);
  let map: Map<string, LexEntry[]> | null = null;
  if (upos === 'VERB') map = ix.verbs;
  else if (NOUN_POS.has(upos)) map = ix.nouns;
  else if (upos === 'ADJ') map = ix.adjs;
  if (!map) return null;
  // A past participle tagged as an adjective right after a noun is usually the sentence's verb ("Sudan's government outlawed FGM").
  if (upos === 'ADJ' && i > v.start && /ed$/.test(v.text(i)) && NOUN_POS.has(v.upos(i - 1)) && !ix.adjs.has(v.lemma(i)))
    map = ix.verbs;
  const keys = keysOf(v, i);
  let best: LexMatch | null = null;
  for (const k of keys) {
    // De-inflected guesses are only a fallback when the lemma and text found nothing.
    if (best && k !== keys[0] && k !== keys[1]) break;
    for (const e of map.get(k) ?? []) {
      const consumed = satisfy(v, i, e);
      if (!consumed) continue;
      const s = specificity(e);
      // Ties go to positive entries: a specific positive pattern overrides an equally specific block.
      if (!best || s > best.specificity || (s === best.specificity && best.entry.block && !e.block)) {
        best = { entry: e, specificity: s, consumed };
      }
    }
  }
  return best && !best.entry.block ? best : null;
}
